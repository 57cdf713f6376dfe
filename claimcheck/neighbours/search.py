"""The neighbour stage: each sentence's nearest sentences of other outlets, searched once.

Topics and candidates both start from this graph, and the search is most of either
stage's time, so the pipeline runs it once and hands the result to both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class NeighbourGraph:
    """Row i's nearest other-outlet rows, best first; -1 with -inf where there are none.

    In a batch of several languages each row's list holds its nearest of its own language
    and of each other language (``similarity.top_neighbours``), merged best first.
    """

    indices: np.ndarray
    similarities: np.ndarray
    by_language: bool = False

    def nearest(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``k`` neighbours of every row (all of each language's share when the
        lists are by language): (indices, similarities), copies."""
        if self.by_language:
            return self.indices.copy(), self.similarities.copy()
        return self.indices[:, :k].copy(), self.similarities[:, :k].copy()


def find_neighbours(matrix, outlets: np.ndarray, k: int,
                    languages: Sequence[str | None] | None = None) -> NeighbourGraph:
    """The ``k`` most similar rows of each row among the other outlets' rows, per language
    when ``languages`` holds two or more."""
    from claimcheck.neighbours.similarity import top_neighbours

    several = languages is not None and len({code for code in languages if code}) >= 2
    indices, similarities = top_neighbours(matrix, k, exclude_group=outlets,
                                           languages=languages)
    return NeighbourGraph(indices, similarities, several)
