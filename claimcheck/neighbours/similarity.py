"""Nearest neighbours over sentence rows without ever holding an n x n matrix.

Small corpora are searched exactly, block by block. Above ``EXACT_LIMIT`` rows a
sparse matrix is searched through an inverted index of its *rare* features: two
sentences are candidates when they share a character n-gram found in at most
``RARE_DF`` sentences (a name, a number, a distinctive word), plus, when the matrix
has a dense channel (the semantic columns of the hybrid embedder), the best rows by
those columns alone. Every candidate is then rescored with the exact full dot
product. The work is ``sum(df^2)`` over rare features, at most ``RARE_DF`` times the
matrix's non-zeros: linear in the corpus (the dense channel alone is quadratic).
Measured on 10,022 synthetic lexical sentences (benchmarks/run.py, 2 loaded cores):
8 s exact, 1.4 s through the index, finding 98.1% of the exact 10 nearest neighbours
(counting equally close ones: the corpus repeats sentences across outlets).

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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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
# Candidates per row and wanted neighbour kept for exact rescoring, shared between the
# rare-feature and the dense channel when both are searched.
SHORTLIST_FACTOR = 8
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
    dense_columns = _dense_columns(matrix) if sparse.issparse(matrix) else None
    if dense_columns is not None:
        # The hybrid's semantic columns fill every row: a sparse product over them took
        # 3 s at 2,000 sentences, the same columns as one dense BLAS product 0.05 s.
        yield from _split_blocks(sparse.csr_matrix(matrix), dense_columns, block)
        return
    transposed = matrix.T.tocsc() if sparse.issparse(matrix) else matrix.T
    block = _block_rows(matrix.shape[0], block)
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
    block = _block_rows(matrix.shape[0], block)
    for start in range(0, matrix.shape[0], block):
        product = (rest[start:start + block] @ rest_transposed).toarray()
        product += dense[start:start + block] @ dense.T
        yield start, np.asarray(product, dtype=np.float32)


def other_language_neighbours(k: int) -> int:
    """Neighbours a row takes from each other language when it takes ``k`` from its own."""
    return (k + 1) // 2


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
        found = _search(matrix, k, exclude_group, _Lists.single(count, k))
    else:
        # Rows grouped by language, searched, and put back in place.
        order = np.argsort(codes, kind="stable")
        group = exclude_group if exclude_group is not None else np.arange(count)
        lists = _Lists.grouped(codes[order], k, other_language_neighbours(k))
        indices, similarities = _search(_take_rows(matrix, order), k, group[order], lists)
        indices = np.where(indices >= 0, order[np.maximum(indices, 0)], -1)
        found = (np.empty_like(indices), np.empty_like(similarities))
        found[0][order], found[1][order] = indices, similarities
    return found


def _search(matrix, k: int, exclude_group: np.ndarray | None, lists: _Lists):
    if k == 0 or matrix.shape[0] <= EXACT_LIMIT or not sparse.issparse(matrix):
        return _exact_neighbours(matrix, exclude_group, lists)
    return _indexed_neighbours(sparse.csr_matrix(matrix), exclude_group, lists)


@dataclass(frozen=True, slots=True)
class _Lists:
    """How many neighbours a row takes from each language, rows grouped by language."""

    codes: np.ndarray  # language of each row, non-decreasing
    bounds: np.ndarray  # first row of each language, then the row count
    own: int  # neighbours from the row's own language
    other: int  # neighbours from each other language

    @classmethod
    def single(cls, count: int, k: int) -> _Lists:
        return cls(np.zeros(count, dtype=np.int64), np.array([0, count]), k, 0)

    @classmethod
    def grouped(cls, codes: np.ndarray, own: int, other: int) -> _Lists:
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


def _take_rows(matrix, order: np.ndarray):
    if sparse.issparse(matrix):
        return sparse.csr_matrix(matrix)[order]
    return np.asarray(matrix)[order]


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
        return _dense_pair_similarities(np.asarray(matrix), a, b)
    matrix = _sorted(sparse.csr_matrix(matrix))
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


def _dense_pair_similarities(dense: np.ndarray, a: np.ndarray, b: np.ndarray,
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


def _sorted(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """``matrix`` with each row's columns in order, so that a . b and b . a add the same
    products in the same order and round alike (the mutual k-NN graph compares both)."""
    return matrix if matrix.has_sorted_indices else matrix.sorted_indices()


def _block_rows(count: int, block: int = BLOCK) -> int:
    return max(16, min(block, BLOCK_CELLS // max(count, 1)))


def _exact_neighbours(matrix, exclude_group: np.ndarray | None, lists: _Lists
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


def _indexed_neighbours(matrix: sparse.csr_matrix, exclude_group: np.ndarray | None,
                        lists: _Lists) -> tuple[np.ndarray, np.ndarray]:
    count = matrix.shape[0]
    matrix = _sorted(matrix)
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rare = matrix[:, np.flatnonzero((frequency >= 2) & (frequency <= RARE_DF))].tocsr()
    rare_by_feature = rare.T.tocsr()
    common = np.flatnonzero(frequency >= DENSE_SHARE * count)
    dense = matrix[:, common].toarray() if common.size >= 32 else None
    # A dense channel (semantic columns) is searched for every row; common n-grams only
    # for the rows that rare features leave short of candidates.
    everyone = dense is not None and _dense_columns(matrix, frequency) is not None
    shortlists = tuple(max(SHORTLIST_FACTOR * k // (2 if everyone else 1), 16) if k else 0
                       for k in (lists.own, lists.other))
    dense_shortlists = tuple(max(SHORTLIST_FACTOR * k // 2, 16) if k else 0
                             for k in (lists.own, lists.other))
    group = exclude_group if exclude_group is not None else np.arange(count)
    indices = np.full((count, lists.width), -1, dtype=np.int64)
    similarities = np.full((count, lists.width), -np.inf, dtype=np.float32)
    if everyone:
        # Rescored in two parts, the dense channel as a dense dot product: through the
        # sparse rows' 600 entries, 800,000 pairs took 0.74 s at 10,000 hybrid
        # sentences; in two parts, 0.3 s. (The lexical embedder's few common n-grams
        # are not worth a second copy of the matrix.)
        keep = np.ones(matrix.shape[1], dtype=bool)
        keep[common] = False
        rest = _sorted(matrix[:, np.flatnonzero(keep)].tocsr())
    # Each row of a block meets at most RARE_DF rows per rare feature it holds.
    step = _block_rows(count, 2048) if dense is not None else 2048
    for start in range(0, count, step):
        stop = min(start + step, count)
        rows, columns = _shortlist(rare[start:stop] @ rare_by_feature, start, group, lists,
                                   shortlists)
        if dense is not None:
            searched = np.arange(start, stop)
            if not everyone:
                searched = searched[_short_of_candidates(rows, columns, start, stop, lists,
                                                         shortlists[0])]
            more_rows, more_columns = _dense_candidates(dense, searched, group, lists,
                                                        dense_shortlists)
            rows = np.concatenate([rows, more_rows])
            columns = np.concatenate([columns, more_columns])
        # In column order, so that equal similarities (duplicate sentences) rank the
        # same way whichever channel found them.
        unique = _sorted_unique(rows * count + columns)
        rows, columns = unique // count, unique % count
        if everyone:
            exact = pair_similarities(rest, rows, columns)
            exact += _dense_pair_similarities(dense, rows, columns)
        else:
            exact = pair_similarities(matrix, rows, columns)
        rows, columns, exact = _best_per_row(rows, columns, exact, group, lists)
        rank = _rank_within_rows(rows)
        indices[rows, rank] = columns
        similarities[rows, rank] = exact
    return indices, similarities


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by a sort: numpy 2.4's hashing took 0.13 s for 260,000 integers, a
    sort 2 ms (0.6 s of the search's 4.4 at 10,000 lexical sentences)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if values.size else values


def _short_of_candidates(rows: np.ndarray, columns: np.ndarray, start: int, stop: int,
                         lists: _Lists, shortlist: int) -> np.ndarray:
    """Mask of the rows ``start:stop`` with fewer own-language candidates than wanted.

    Other languages are not counted: few rare n-grams cross a language (names and
    numbers), and searching the common ones for every row short of them took 38 s of
    49 at 10,000 lexical sentences in three languages.
    """
    own = lists.codes[rows] == lists.codes[columns]
    return np.bincount(rows[own] - start, minlength=stop - start) < shortlist


def _dense_candidates(dense: np.ndarray, searched: np.ndarray, group: np.ndarray,
                      lists: _Lists, limits: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The best other-group rows of each ``searched`` row by ``dense`` alone: ``limits[0]``
    of its own language, ``limits[1]`` of each other one."""
    if searched.size == 0:
        return searched, searched
    block = dense[searched] @ dense.T
    block[np.arange(searched.size), searched] = -np.inf
    block[group[searched][:, None] == group[None, :]] = -np.inf
    found_rows, found_columns = [], []
    for code in range(lists.languages):
        first, last = int(lists.bounds[code]), int(lists.bounds[code + 1])
        own = lists.codes[searched] == code
        for which, limit, room in ((own, limits[0], last - first - 1),
                                   (~own, limits[1], last - first)):
            if not which.any() or limit == 0 or room <= 0:
                continue
            limit = min(limit, room)
            sub = block[which, first:last]
            part = np.argpartition(-sub, limit - 1, axis=1)[:, :limit]
            finite = np.isfinite(np.take_along_axis(sub, part, axis=1))
            found_rows.append(np.repeat(searched[which], limit)[finite.ravel()])
            found_columns.append(part[finite] + first)
    if not found_rows:
        return searched[:0], searched[:0]
    return np.concatenate(found_rows), np.concatenate(found_columns)


def _dense_columns(matrix, frequency: np.ndarray | None = None) -> np.ndarray | None:
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


def _shortlist(product: sparse.csr_matrix, start: int, group: np.ndarray, lists: _Lists,
               limits: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's best other-group columns of ``product`` (rows from ``start``):
    ``limits[0]`` of its own language, ``limits[1]`` of each other one."""
    counts = np.diff(product.indptr)
    rows = np.repeat(np.arange(start, start + product.shape[0]), counts)
    columns = product.indices.astype(np.int64)
    allowed = (rows != columns) & (np.repeat(group[start:start + product.shape[0]], counts)
                                   != group[columns])
    rows, columns, values = rows[allowed], columns[allowed], product.data[allowed]
    if lists.languages == 1:
        kept = _top_of_runs(rows, values, limits[0])
        return rows[kept], columns[kept]
    # With the other languages masked out, a row's entries in one language are one run,
    # in whatever order the product left its columns.
    shift = (lists.codes[columns] - lists.codes[rows]) % lists.languages
    kept = np.zeros(rows.size, dtype=bool)
    for offset in range(lists.languages):
        chosen = np.flatnonzero(shift == offset)
        limit = limits[0] if offset == 0 else limits[1]
        if limit and chosen.size:
            kept[chosen[_top_of_runs(rows[chosen], values[chosen], limit)]] = True
    return rows[kept], columns[kept]


def _top_of_runs(rows: np.ndarray, values: np.ndarray, limit: int,
                 cells: int = 4_000_000) -> np.ndarray:
    """Mask of each run's ``limit`` highest values (ties: the earliest) in row-sorted entries.

    A threshold per row from ``np.partition`` over padded rows, not a sort of every entry:
    at 10,000 sentences the rare-feature product holds 1,400 entries per row.
    """
    if rows.size == 0:
        return np.zeros(0, dtype=bool)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    lengths = np.diff(np.r_[starts, rows.size])
    run_of = np.repeat(np.arange(starts.size), lengths)
    threshold = np.full(starts.size, -np.inf, dtype=values.dtype)
    long = np.flatnonzero(lengths > limit)
    long = long[np.argsort(lengths[long], kind="stable")]
    slot = np.full(starts.size, -1, dtype=np.int64)
    first = 0
    while first < long.size:
        # Runs of similar length share one padded array of at most ``cells`` values.
        spans = np.arange(1, long.size - first + 1) * lengths[long[first:]]
        last = first + max(1, int(np.searchsorted(spans, cells, side="right")))
        runs, width = long[first:last], int(lengths[long[last - 1]])
        slot[runs] = np.arange(runs.size)
        entries = np.flatnonzero(slot[run_of] >= 0)
        padded = np.full((runs.size, width), -np.inf, dtype=values.dtype)
        padded[slot[run_of[entries]], entries - starts[run_of[entries]]] = values[entries]
        threshold[runs] = np.partition(padded, width - limit, axis=1)[:, width - limit]
        slot[runs] = -1
        first = last
    cut = threshold[run_of]
    kept = values > cut
    ties = np.flatnonzero(values == cut)
    room = limit - np.bincount(run_of[kept], minlength=starts.size)
    kept[ties[_rank_within_rows(run_of[ties]) < room[run_of[ties]]]] = True
    return kept


def _best_per_row(rows: np.ndarray, columns: np.ndarray, values: np.ndarray,
                  group: np.ndarray, lists: _Lists):
    """The highest-valued (row, column) entries of each row, other groups only, best first:
    ``lists.own`` of the row's language and ``lists.other`` of each other language."""
    allowed = (rows != columns) & (group[rows] != group[columns])
    rows, columns, values = rows[allowed], columns[allowed], values[allowed]
    keys = lists.keys(rows, columns)
    # One float key sorts by row, then by value descending (|values| <= 1 after
    # normalisation, rows are 4 apart): a third of lexsort's time.
    order = np.argsort(keys * 4.0 - values, kind="stable")
    rows, columns, values, keys = rows[order], columns[order], values[order], keys[order]
    kept = _rank_within_rows(keys) < lists.limits(rows, columns)
    rows, columns, values = rows[kept], columns[kept], values[kept]
    if lists.languages > 1:  # the languages' lists merged, best first
        order = np.argsort(rows * 4.0 - values, kind="stable")
        rows, columns, values = rows[order], columns[order], values[order]
    return rows, columns, values


def _rank_within_rows(sorted_rows: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal values of an already sorted array."""
    if sorted_rows.size == 0:
        return sorted_rows.copy()
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    lengths = np.diff(np.r_[starts, sorted_rows.size])
    return np.arange(sorted_rows.size) - np.repeat(starts, lengths)
