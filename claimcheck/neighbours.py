"""The neighbour stage: each sentence's nearest sentences of other outlets, searched once.

Topics and candidates both start from this graph, and the search is most of either
stage's time, so the pipeline runs it once and hands the result to both.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class NeighbourGraph:
    """Row i's nearest other-outlet rows, best first; -1 with -inf where there are none."""

    indices: np.ndarray
    similarities: np.ndarray

    def nearest(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``k`` neighbours of every row: (indices, similarities), copies."""
        return self.indices[:, :k].copy(), self.similarities[:, :k].copy()


def find_neighbours(matrix, outlets: np.ndarray, k: int) -> NeighbourGraph:
    """The ``k`` most similar rows of each row among the other outlets' rows."""
    from claimcheck.similarity import top_neighbours

    return NeighbourGraph(*top_neighbours(matrix, k, exclude_group=outlets))
