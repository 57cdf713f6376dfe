"""Nearest neighbours over sentence rows without ever holding an n x n matrix.

Small corpora are searched exactly, block by block. Above ``EXACT_LIMIT`` rows a
sparse matrix is searched through an inverted index of its *rare* features: two
sentences are candidates when they share a character n-gram found in at most
``RARE_DF`` sentences (a name, a number, a distinctive word), plus, when the matrix
has dense columns (the semantic channel of the hybrid embedder), the best rows by
those columns alone. Every candidate is then rescored with the exact full dot
product. The work is ``sum(df^2)`` over rare features, at most ``RARE_DF`` times the
matrix's non-zeros: linear in the corpus. Measured on 10,000 synthetic sentences
(benchmarks/run.py): 5.0 s exact, 0.5 s through the index.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

import numpy as np
from scipy import sparse

# Rows per block: a block of similarities is BLOCK x n float32 (40 MB at n = 10,000).
BLOCK = 1024
# Largest dense block, in cells (float32): bounds memory whatever n is.
BLOCK_CELLS = 16_000_000
# Above this many rows, sparse matrices go through the rare-feature index.
EXACT_LIMIT = 3000
# A feature is rare when at most this many rows have it.
RARE_DF = 256
# Candidates per row and wanted neighbour kept for exact rescoring.
SHORTLIST_FACTOR = 4
# Columns present in at least this share of rows are "dense" (a semantic channel).
DENSE_SHARE = 0.2


def similarity_blocks(matrix, block: int = BLOCK) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(first_row, rows @ matrix.T)`` as dense float32 blocks."""
    transposed = matrix.T.tocsc() if sparse.issparse(matrix) else matrix.T
    block = _block_rows(matrix.shape[0], block)
    for start in range(0, matrix.shape[0], block):
        rows = matrix[start:start + block]
        product = rows @ transposed
        if sparse.issparse(product):
            product = product.toarray()
        yield start, np.asarray(product, dtype=np.float32)


def top_neighbours(matrix, k: int, exclude_group: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar other rows of each row: (indices, similarities), best first.

    Rows sharing ``exclude_group[i]`` with row i (the same outlet) are never neighbours.
    Missing neighbours are -1 with similarity -inf. Exact up to ``EXACT_LIMIT`` rows
    (and for dense arrays); above it, sparse rows are searched among candidates that
    share a rare feature or are close on the dense columns.
    """
    count = matrix.shape[0]
    k = max(0, min(k, count - 1))
    known = _recent_neighbours(matrix, k, exclude_group)
    if known is not None:
        return known
    if k == 0 or count <= EXACT_LIMIT or not sparse.issparse(matrix):
        found = _exact_neighbours(matrix, k, exclude_group)
    else:
        found = _indexed_neighbours(sparse.csr_matrix(matrix), k, exclude_group)
    _RECENT[:] = [weakref.ref(matrix), exclude_group, found]
    return found


# The last search: topics and candidates ask the same matrix for neighbours, and the
# search is most of either stage's time. Held by a weak reference to the matrix.
_RECENT: list = []


def _recent_neighbours(matrix, k: int, exclude_group: np.ndarray | None):
    if not _RECENT or _RECENT[0]() is not matrix:
        return None
    group, (indices, similarities) = _RECENT[1], _RECENT[2]
    same_group = (group is None and exclude_group is None) or (
        group is not None and exclude_group is not None and np.array_equal(group, exclude_group))
    if not same_group or indices.shape[1] < k:
        return None
    return indices[:, :k].copy(), similarities[:, :k].copy()


def pair_similarity(matrix, a: int, b: int) -> float:
    product = matrix[a] @ matrix[b].T
    if sparse.issparse(product):
        product = product.toarray()
    return float(np.asarray(product).ravel()[0])


def pair_similarities(matrix, a: np.ndarray, b: np.ndarray, chunk: int = 50_000) -> np.ndarray:
    """Dot products of rows ``a[i]`` and ``b[i]`` for every i, without a pair matrix."""
    result = np.empty(len(a), dtype=np.float32)
    for start in range(0, len(a), chunk):
        left, right = a[start:start + chunk], b[start:start + chunk]
        if sparse.issparse(matrix):
            product = matrix[left].multiply(matrix[right]).sum(axis=1)
        else:
            product = np.einsum("ij,ij->i", matrix[left], matrix[right])
        result[start:start + chunk] = np.asarray(product).ravel()
    return result


def _block_rows(count: int, block: int = BLOCK) -> int:
    return max(16, min(block, BLOCK_CELLS // max(count, 1)))


def _exact_neighbours(matrix, k: int, exclude_group: np.ndarray | None
                      ) -> tuple[np.ndarray, np.ndarray]:
    count = matrix.shape[0]
    indices = np.full((count, k), -1, dtype=np.int64)
    similarities = np.full((count, k), -np.inf, dtype=np.float32)
    if k == 0:
        return indices, similarities
    for start, block in similarity_blocks(matrix):
        rows = np.arange(start, start + block.shape[0])
        block[np.arange(block.shape[0]), rows] = -np.inf
        if exclude_group is not None:
            block[exclude_group[rows][:, None] == exclude_group[None, :]] = -np.inf
        part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(block, part, axis=1)
        order = np.argsort(-values, axis=1)
        part = np.take_along_axis(part, order, axis=1)
        values = np.take_along_axis(values, order, axis=1)
        part[~np.isfinite(values)] = -1
        indices[rows] = part
        similarities[rows] = values
    return indices, similarities


def _indexed_neighbours(matrix: sparse.csr_matrix, k: int, exclude_group: np.ndarray | None
                        ) -> tuple[np.ndarray, np.ndarray]:
    count = matrix.shape[0]
    shortlist = max(SHORTLIST_FACTOR * k, 16)
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rare = matrix[:, np.flatnonzero((frequency >= 2) & (frequency <= RARE_DF))].tocsr()
    rare_by_feature = rare.T.tocsr()
    dense_columns = np.flatnonzero(frequency >= DENSE_SHARE * count)
    dense = matrix[:, dense_columns].toarray() if dense_columns.size >= 32 else None
    group = exclude_group if exclude_group is not None else np.arange(count)
    indices = np.full((count, k), -1, dtype=np.int64)
    similarities = np.full((count, k), -np.inf, dtype=np.float32)
    # Each row of a block meets at most RARE_DF rows per rare feature it holds.
    step = _block_rows(count, 2048) if dense is not None else 2048
    for start in range(0, count, step):
        stop = min(start + step, count)
        product = (rare[start:stop] @ rare_by_feature).tocoo()
        rows, columns = product.row.astype(np.int64) + start, product.col.astype(np.int64)
        rows, columns = _best_per_row(rows, columns, product.data, group, shortlist)
        if dense is not None:
            block = dense[start:stop] @ dense.T
            block_rows = np.arange(start, stop)
            block[np.arange(stop - start), block_rows] = -np.inf
            block[group[block_rows][:, None] == group[None, :]] = -np.inf
            part = np.argpartition(-block, shortlist - 1, axis=1)[:, :shortlist]
            finite = np.isfinite(np.take_along_axis(block, part, axis=1))
            rows = np.concatenate([rows, np.repeat(block_rows, shortlist)[finite.ravel()]])
            columns = np.concatenate([columns, part[finite]])
            unique = np.unique(rows * count + columns)
            rows, columns = unique // count, unique % count
        exact = pair_similarities(matrix, rows, columns)
        rows, columns, exact = _best_per_row(rows, columns, exact, group, k, keep_values=True)
        rank = _rank_within_rows(rows)
        indices[rows, rank] = columns
        similarities[rows, rank] = exact
    return indices, similarities


def _best_per_row(rows: np.ndarray, columns: np.ndarray, values: np.ndarray,
                  group: np.ndarray, limit: int, keep_values: bool = False):
    """The ``limit`` highest-valued (row, column) entries of each row, other groups only."""
    allowed = (rows != columns) & (group[rows] != group[columns])
    rows, columns, values = rows[allowed], columns[allowed], values[allowed]
    # One float key sorts by row, then by value descending (|values| <= 1 after
    # normalisation, rows are 4 apart): a third of lexsort's time.
    order = np.argsort(rows * 4.0 - values, kind="stable")
    rows, columns, values = rows[order], columns[order], values[order]
    kept = _rank_within_rows(rows) < limit
    if keep_values:
        return rows[kept], columns[kept], values[kept]
    return rows[kept], columns[kept]


def _rank_within_rows(sorted_rows: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal values of an already sorted array."""
    if sorted_rows.size == 0:
        return sorted_rows.copy()
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    lengths = np.diff(np.r_[starts, sorted_rows.size])
    return np.arange(sorted_rows.size) - np.repeat(starts, lengths)
