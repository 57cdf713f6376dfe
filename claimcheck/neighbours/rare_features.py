"""The rare-feature index: nearest neighbours of many sparse rows in linear time.

Above ``claimcheck.neighbours.search.EXACT_LIMIT`` rows a sparse matrix is searched
through an inverted index of its *rare* features: two sentences are candidates when they
share a character n-gram found in at most ``RARE_DF`` sentences (a name, a number, a
distinctive word), plus, when the matrix has a dense channel (the semantic columns of the
hybrid embedder), the best rows by those columns alone. Every candidate is then rescored
with the exact full dot product. The work is ``sum(df^2)`` over rare features, at most
``RARE_DF`` times the matrix's non-zeros: linear in the corpus (the dense channel alone
is quadratic). Measured on 10,022 synthetic lexical sentences (benchmarks/run.py, 2
loaded cores): 8 s exact, 1.4 s through the index, finding 98.1% of the exact 10 nearest
neighbours (counting equally close ones: the corpus repeats sentences across outlets).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from claimcheck.embed.threads import run_shared, usable_cores
from claimcheck.neighbours.similarity import (
    DENSE_SHARE,
    LanguageLists,
    block_rows,
    dense_channel,
    dense_pair_similarities,
    pair_similarities,
    sorted_indices,
)

# A feature is rare when at most this many rows have it.
RARE_DF = 256

# Candidates per row and wanted neighbour kept for exact rescoring, shared between the
# rare-feature and the dense channel when both are searched.
SHORTLIST_FACTOR = 8



def indexed_neighbours(matrix: sparse.csr_matrix, exclude_group: np.ndarray | None,
                        lists: LanguageLists) -> tuple[np.ndarray, np.ndarray]:
    count = matrix.shape[0]
    matrix = sorted_indices(matrix)
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rare = matrix[:, np.flatnonzero((frequency >= 2) & (frequency <= RARE_DF))].tocsr()
    rare_by_feature = rare.T.tocsr()
    common = np.flatnonzero(frequency >= DENSE_SHARE * count)
    dense = matrix[:, common].toarray() if common.size >= 32 else None
    # A dense channel (semantic columns) is searched for every row; common n-grams only
    # for the rows that rare features leave short of candidates.
    everyone = dense is not None and dense_channel(matrix, frequency) is not None
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
        rest = sorted_indices(matrix[:, np.flatnonzero(keep)].tocsr())
    # Each row of a block meets at most RARE_DF rows per rare feature it holds.
    step = block_rows(count, 2048) if dense is not None else 2048
    workers = usable_cores()
    if workers > 1:  # numpy and scipy release the GIL: blocks side by side, several each
        step = max(256, min(step, -(-count // (2 * workers))))

    def search_block(start: int) -> None:
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
            exact += dense_pair_similarities(dense, rows, columns)
        else:
            exact = pair_similarities(matrix, rows, columns)
        rows, columns, exact = _best_per_row(rows, columns, exact, group, lists)
        rank = _rank_within_rows(rows)
        indices[rows, rank] = columns
        similarities[rows, rank] = exact

    run_shared(search_block, range(0, count, step), workers)
    return indices, similarities


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by a sort: numpy 2.4's hashing took 0.13 s for 260,000 integers, a
    sort 2 ms (0.6 s of the search's 4.4 at 10,000 lexical sentences)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if values.size else values


def _short_of_candidates(rows: np.ndarray, columns: np.ndarray, start: int, stop: int,
                         lists: LanguageLists, shortlist: int) -> np.ndarray:
    """Mask of the rows ``start:stop`` with fewer own-language candidates than wanted.

    Other languages are not counted: few rare n-grams cross a language (names and
    numbers), and searching the common ones for every row short of them took 38 s of
    49 at 10,000 lexical sentences in three languages.
    """
    own = lists.codes[rows] == lists.codes[columns]
    return np.bincount(rows[own] - start, minlength=stop - start) < shortlist


def _dense_candidates(dense: np.ndarray, searched: np.ndarray, group: np.ndarray,
                      lists: LanguageLists, limits: tuple[int, int]
                      ) -> tuple[np.ndarray, np.ndarray]:
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


def _shortlist(product: sparse.csr_matrix, start: int, group: np.ndarray, lists: LanguageLists,
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
                  group: np.ndarray, lists: LanguageLists):
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
