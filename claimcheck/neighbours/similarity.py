"""Similarities between sentence rows without ever holding an n x n matrix.

A block of rows against every row (``similarity_blocks``), the products of given pairs
(``pair_similarities``), and the dense channel of a sparse matrix: the semantic columns of
the hybrid embedder, which fill every row and are multiplied as one dense product. How
many neighbours a row takes from each language is here too (``LanguageLists``): the
exact search (``claimcheck.neighbours.search``) and the rare-feature index
(``claimcheck.neighbours.rare_features``) both fill lists of that shape.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

# Rows per block: a block of similarities is BLOCK x n float32 (40 MB at n = 10,000).
BLOCK = 1024

# Largest dense block, in cells (float32): bounds memory whatever n is.
BLOCK_CELLS = 16_000_000

# Columns present in at least this share of rows are "dense" (a semantic channel).
DENSE_SHARE = 0.2

# ... and are a dense channel, searched for every row, only when they hold at least this
# share of the rows' squared norm: the hybrid's semantic columns hold 0.7 of an English
# row's, the commonest character n-grams of the lexical embedder 0.08 (0.13 on corpus/;
# IDF weighs them down). Searching those n-grams for every row took 1.7 s of 3.7 at
# 10,000 lexical sentences, growing quadratically, for no gain there: 98.0% of the exact
# 10 nearest neighbours found with them, 98.1% with a rare-feature shortlist twice as
# long instead. They are still searched for the rows left short of rare-feature
# candidates (none at 10,000 synthetic sentences, 24% at 100,000).
DENSE_MASS = 0.25

# Cells of the dense rows unpacked at once by ``pair_similarities``: 2 MB of float32 stay
# in cache (0.37 s for 800,000 pairs at 10,000 sentences; 4 MB: 0.49 s, 64 MB: 0.9 s).
PAIR_BLOCK_CELLS = 500_000



def similarity_blocks(matrix, block: int = BLOCK) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(first_row, rows @ matrix.T)`` as dense float32 blocks."""
    dense_columns = dense_channel(matrix) if sparse.issparse(matrix) else None
    if dense_columns is not None:
        # The hybrid's semantic columns fill every row: a sparse product over them took
        # 3 s at 2,000 sentences, the same columns as one dense BLAS product 0.05 s.
        yield from _split_blocks(sparse.csr_matrix(matrix), dense_columns, block)
        return
    transposed = matrix.T.tocsc() if sparse.issparse(matrix) else matrix.T
    block = block_rows(matrix.shape[0], block)
    for start in range(0, matrix.shape[0], block):
        rows = matrix[start:start + block]
        product = rows @ transposed
        if sparse.issparse(product):
            product = product.toarray()
        yield start, np.asarray(product, dtype=np.float32)


def _split_blocks(matrix: sparse.csr_matrix, dense_columns: np.ndarray, block: int
                  ) -> Iterator[tuple[int, np.ndarray]]:
    keep = np.ones(matrix.shape[1], dtype=bool)
    keep[dense_columns] = False
    rest = matrix[:, np.flatnonzero(keep)].tocsr()
    rest_transposed = rest.T.tocsc()
    dense = matrix[:, dense_columns].toarray()
    block = block_rows(matrix.shape[0], block)
    for start in range(0, matrix.shape[0], block):
        product = (rest[start:start + block] @ rest_transposed).toarray()
        product += dense[start:start + block] @ dense.T
        yield start, np.asarray(product, dtype=np.float32)


@dataclass(frozen=True, slots=True)
class LanguageLists:
    """How many neighbours a row takes from each language, rows grouped by language."""

    codes: np.ndarray  # language of each row, non-decreasing
    bounds: np.ndarray  # first row of each language, then the row count
    own: int  # neighbours from the row's own language
    other: int  # neighbours from each other language

    @classmethod
    def single(cls, count: int, k: int) -> LanguageLists:
        return cls(np.zeros(count, dtype=np.int64), np.array([0, count]), k, 0)

    @classmethod
    def grouped(cls, codes: np.ndarray, own: int, other: int) -> LanguageLists:
        bounds = np.searchsorted(codes, np.arange(int(codes[-1]) + 2))
        return cls(codes, bounds, own, other)

    @property
    def languages(self) -> int:
        return len(self.bounds) - 1

    @property
    def width(self) -> int:
        return self.own + (self.languages - 1) * self.other

    def keys(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """One key per (row, language of the column): a row's candidates in one language."""
        return rows * self.languages + self.codes[columns]

    def limits(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return np.where(self.codes[rows] == self.codes[columns], self.own, self.other)


def language_codes(languages: Sequence[str | None] | None, count: int) -> np.ndarray | None:
    """A small integer per row's language (0, 1, ...); None when there are fewer than two."""
    if languages is None:
        return None
    if len(languages) != count:
        raise ValueError(f"{len(languages)} languages for {count} rows")
    names, codes = np.unique(np.array([lang or "" for lang in languages], dtype=str),
                             return_inverse=True)
    return codes.astype(np.int64) if len(names) > 1 else None


def pair_similarity(matrix, a: int, b: int) -> float:
    product = matrix[a] @ matrix[b].T
    if sparse.issparse(product):
        product = product.toarray()
    return float(np.asarray(product).ravel()[0])


def pair_similarities(matrix, a: np.ndarray, b: np.ndarray,
                      cells: int = PAIR_BLOCK_CELLS) -> np.ndarray:
    """Dot products of rows ``a[i]`` and ``b[i]`` for every i, without a pair matrix."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    result = np.empty(len(a), dtype=np.float32)
    if not sparse.issparse(matrix):
        return dense_pair_similarities(np.asarray(matrix), a, b)
    matrix = sorted_indices(sparse.csr_matrix(matrix))
    # A few consecutive ``a`` rows are unpacked into one flat dense vector; each ``b`` row,
    # its columns shifted to its partner's slot, becomes one row of a sparse matrix whose
    # product with that vector is every dot product at once. A merge of the two sparse
    # rows per pair (``multiply().sum()``) took 0.82 s for 800,000 pairs at 10,000
    # sentences; this takes 0.37 s.
    width = max(matrix.shape[1], 1)
    span = max(1, cells // width)
    index_type = np.int32 if span * width < 2**31 else np.int64
    order = np.argsort(a, kind="stable")
    ordered = a[order]
    start = 0
    while start < len(a):
        first = int(ordered[start])
        stop = int(np.searchsorted(ordered, first + span))
        picked = order[start:stop]
        flat = matrix[first:first + span].toarray().ravel()
        partners = matrix[b[picked]]
        slots = np.repeat(((ordered[start:stop] - first) * width).astype(index_type),
                          np.diff(partners.indptr))
        slots += partners.indices
        shifted = sparse.csr_matrix((partners.data, slots, partners.indptr),
                                    shape=(len(picked), flat.size))
        result[picked] = shifted @ flat
        start = stop
    return result


def dense_pair_similarities(dense: np.ndarray, a: np.ndarray, b: np.ndarray,
                             chunk: int = 2048) -> np.ndarray:
    """Row-wise dot products of ``dense[a]`` and ``dense[b]``: the same products summed in
    the same order whichever side a row is on, so a . b == b . a exactly (a matrix
    product does not promise that). Chunks of 2,048 pairs stay in cache: 0.1 s for
    800,000 pairs of 384 columns, 0.3 s in chunks of 32,768."""
    result = np.empty(len(a), dtype=np.float32)
    for start in range(0, len(a), chunk):
        result[start:start + chunk] = np.einsum("ij,ij->i", dense[a[start:start + chunk]],
                                                dense[b[start:start + chunk]])
    return result


def sorted_indices(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """``matrix`` with each row's columns in order, so that a . b and b . a add the same
    products in the same order and round alike (the mutual k-NN graph compares both)."""
    return matrix if matrix.has_sorted_indices else matrix.sorted_indices()


def block_rows(count: int, block: int = BLOCK) -> int:
    return max(16, min(block, BLOCK_CELLS // max(count, 1)))


def dense_channel(matrix, frequency: np.ndarray | None = None) -> np.ndarray | None:
    """The dense columns, when they carry enough of the similarity to search on their own."""
    matrix = sparse.csr_matrix(matrix)
    if frequency is None:
        frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    columns = np.flatnonzero(frequency >= DENSE_SHARE * matrix.shape[0])
    if columns.size < 32:
        return None
    mass = np.bincount(matrix.indices, weights=np.square(matrix.data, dtype=np.float64),
                       minlength=matrix.shape[1])
    if mass[columns].sum() < DENSE_MASS * mass.sum():
        return None
    return columns
