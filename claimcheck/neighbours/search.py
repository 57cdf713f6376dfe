"""The neighbour stage: each sentence's nearest sentences of other outlets, searched once.

Topics and candidates both start from this graph, and the search is most of either
stage's time, so the pipeline runs it once and hands the result to both.

Small corpora are searched exactly, block by block (``claimcheck.neighbours.similarity``);
above ``EXACT_LIMIT`` rows a sparse matrix goes through the rare-feature index
(``claimcheck.neighbours.rare_features``).

Given each row's language, the search is language-aware: a row takes its ``k`` nearest
rows from its own language and ``other_language_neighbours(k)`` from each other language
present, in one list. In one list, every representation measured prefers a
same-language sentence to the true partner in another language: on the development set
(``benchmarks/partner_rank.py``) the cross-language gold pairs proposed as candidates rose
from 45 to 102 of 121 with multilingual-e5-small, 14 to 63 with character n-grams alone,
same-language ones unchanged (42 of 46). The rows are grouped by language first, so each
language's columns are one slice of a block: the products are the single-language
search's, the lists and shortlists longer (benchmarks/run.py's 10,000 lexical sentences,
their outlets declared in three languages: 11.9 candidate pairs per sentence, not 5.8).
A batch in one language is searched exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from claimcheck.neighbours.rare_features import indexed_neighbours
from claimcheck.neighbours.similarity import (
    LanguageLists,
    language_codes,
    similarity_blocks,
)

# Above this many rows, sparse matrices go through the rare-feature index.
EXACT_LIMIT = 3000



@dataclass(frozen=True, eq=False)
class NeighbourGraph:
    """Row i's nearest other-outlet rows, best first; -1 with -inf where there are none.

    In a batch of several languages each row's list holds its nearest of its own language
    and of each other language (``top_neighbours``), merged best first.
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
    several = languages is not None and len({code for code in languages if code}) >= 2
    indices, similarities = top_neighbours(matrix, k, exclude_group=outlets,
                                           languages=languages)
    return NeighbourGraph(indices, similarities, several)


def other_language_neighbours(k: int) -> int:
    """Neighbours a row takes from each other language when it takes ``k`` from its own.

    Six for ten: with five, the default (hybrid, multilingual e5) proposed 101 of the
    development set's 121 cross-language gold pairs as candidates; with six, 104 (86%),
    at 11.2 candidate pairs a sentence instead of 10.1, same-language pairs unchanged
    (42 of 46; benchmarks/partner_rank.py).
    """
    return max(1, round(0.6 * k))


def top_neighbours(matrix, k: int, exclude_group: np.ndarray | None = None,
                   languages: Sequence[str | None] | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar other rows of each row: (indices, similarities), best first.

    Rows sharing ``exclude_group[i]`` with row i (the same outlet) are never neighbours.
    With ``languages`` (one per row) naming two or more languages, row i takes ``k`` rows
    of its own language and ``other_language_neighbours(k)`` of each other language, all
    in one list best first (``k + (languages - 1) * other`` columns). Missing neighbours
    are -1 with similarity -inf. Exact up to ``EXACT_LIMIT`` rows (and for dense arrays);
    above it, sparse rows are searched among candidates that share a rare feature or are
    close on the dense columns.
    """
    count = matrix.shape[0]
    k = max(0, min(k, count - 1))
    codes = language_codes(languages, count)
    if codes is None:
        found = _search(matrix, k, exclude_group, LanguageLists.single(count, k))
    else:
        # Rows grouped by language, searched, and put back in place.
        order = np.argsort(codes, kind="stable")
        group = exclude_group if exclude_group is not None else np.arange(count)
        lists = LanguageLists.grouped(codes[order], k, other_language_neighbours(k))
        indices, similarities = _search(_take_rows(matrix, order), k, group[order], lists)
        indices = np.where(indices >= 0, order[np.maximum(indices, 0)], -1)
        found = (np.empty_like(indices), np.empty_like(similarities))
        found[0][order], found[1][order] = indices, similarities
    return found


def _search(matrix, k: int, exclude_group: np.ndarray | None, lists: LanguageLists):
    if k == 0 or matrix.shape[0] <= EXACT_LIMIT or not sparse.issparse(matrix):
        return _exact_neighbours(matrix, exclude_group, lists)
    return indexed_neighbours(sparse.csr_matrix(matrix), exclude_group, lists)


def _take_rows(matrix, order: np.ndarray):
    if sparse.issparse(matrix):
        return sparse.csr_matrix(matrix)[order]
    return np.asarray(matrix)[order]


def _exact_neighbours(matrix, exclude_group: np.ndarray | None, lists: LanguageLists
                      ) -> tuple[np.ndarray, np.ndarray]:
    count = matrix.shape[0]
    indices = np.full((count, lists.width), -1, dtype=np.int64)
    similarities = np.full((count, lists.width), -np.inf, dtype=np.float32)
    if lists.own == 0:
        return indices, similarities
    for start, block in similarity_blocks(matrix):
        rows = np.arange(start, start + block.shape[0])
        block[np.arange(block.shape[0]), rows] = -np.inf
        if exclude_group is not None:
            block[exclude_group[rows][:, None] == exclude_group[None, :]] = -np.inf
        parts, values = [], []
        for code in range(lists.languages):
            first, last = int(lists.bounds[code]), int(lists.bounds[code + 1])
            own = lists.codes[rows] == code
            take = min(lists.own if own.all() else max(lists.own, lists.other), last - first)
            if take == 0:
                continue
            part, value = _best_columns(block[:, first:last], take)
            # Rows of another language keep fewer of this language's rows.
            value[~own, lists.other:] = -np.inf
            value[own, lists.own:] = -np.inf
            parts.append(part + first)
            values.append(value)
        part, value = np.hstack(parts), np.hstack(values)
        if len(parts) > 1:
            order = np.argsort(-value, axis=1, kind="stable")[:, :lists.width]
            part = np.take_along_axis(part, order, axis=1)
            value = np.take_along_axis(value, order, axis=1)
        part[~np.isfinite(value)] = -1
        indices[rows, :part.shape[1]] = part
        similarities[rows, :part.shape[1]] = value
    return indices, similarities


def _best_columns(block: np.ndarray, take: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``take`` highest columns and their values, best first."""
    part = np.argpartition(-block, take - 1, axis=1)[:, :take]
    values = np.take_along_axis(block, part, axis=1)
    order = np.argsort(-values, axis=1)
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(values, order, axis=1)
