"""Pair sentences from different outlets that may speak about the same thing.

Pairs come from each sentence's nearest cross-outlet neighbours and from small
topics, never from all n x n pairs, so their number grows linearly with the corpus.
A pair's ``percentile`` places its similarity within this corpus's neighbour
similarities: cut-offs are relative because absolute cosines are not comparable
between representations. In a batch of several languages, each sentence's neighbours
come from every language (``search.top_neighbours``); a pair across two languages is
placed among the neighbour pairs of those two languages (a German-English pair is as
close as German and English get, which is less close than English and English), a pair
within one language among all pairs within one language.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimcheck.models import CandidatePair
from claimcheck.neighbours.search import NeighbourGraph, find_neighbours
from claimcheck.neighbours.similarity import language_codes, pair_similarities


def find_candidates(matrix, outlets: np.ndarray, topic_of: np.ndarray, *, neighbours: int = 10,
                    min_percentile: float = 0.25, topic_pair_limit: int = 40,
                    graph: NeighbourGraph | None = None,
                    languages: Sequence[str | None] | None = None
                    ) -> tuple[CandidatePair, ...]:
    """Cross-outlet candidate pairs, most similar first.

    Args:
        matrix: L2-normalised sentence rows.
        outlets: outlet id per row; pairs always join two different outlets.
        topic_of: topic id per row (-1 for none).
        neighbours: nearest cross-outlet neighbours considered per sentence.
        min_percentile: a neighbour pair outside a shared topic is kept only when its
            similarity beats this share of the corpus's neighbour similarities.
        topic_pair_limit: topics up to this size also pair all their cross-outlet members.
        graph: the neighbour stage's result (searched here when not given).
        languages: language per row; with two or more, each sentence also takes
            ``similarity.other_language_neighbours(neighbours)`` neighbours from each
            other language, and a pair across languages is placed among the pairs
            across the same two languages.
    """
    count = matrix.shape[0]
    if count < 2:
        return ()
    graph = graph or find_neighbours(matrix, outlets, neighbours, languages)
    indices, similarities = graph.nearest(neighbours)
    first, second, similarity = _neighbour_pairs(indices, similarities)
    codes = language_codes(languages, count)
    reference, reference_kinds = similarity, _language_pairs(codes, first, second)

    extra_first, extra_second = _small_topic_pairs(outlets, topic_of, topic_pair_limit)
    if extra_first.size:
        known = np.isin(extra_first * count + extra_second, first * count + second)
        extra_first, extra_second = extra_first[~known], extra_second[~known]
        first = np.concatenate([first, extra_first])
        second = np.concatenate([second, extra_second])
        similarity = np.concatenate([similarity,
                                     pair_similarities(matrix, extra_first, extra_second)])

    percentile = _percentiles(similarity, _language_pairs(codes, first, second), reference,
                              reference_kinds)
    shared = (topic_of[first] >= 0) & (topic_of[first] == topic_of[second])
    kept = np.flatnonzero(shared | (percentile >= min_percentile))
    order = np.lexsort((second[kept], first[kept], -similarity[kept]))
    kept = kept[order]
    return tuple(
        CandidatePair(a, b, value, min(rank, 1.0), topic if is_shared else None)
        for a, b, value, rank, topic, is_shared in zip(
            first[kept].tolist(), second[kept].tolist(), similarity[kept].tolist(),
            percentile[kept].tolist(), topic_of[first[kept]].tolist(), shared[kept].tolist(),
            strict=True)
    )


def _language_pairs(codes: np.ndarray | None, first: np.ndarray, second: np.ndarray
                    ) -> np.ndarray:
    """0 for a pair within one language, else an id for its unordered pair of languages."""
    if codes is None:
        return np.zeros(len(first), dtype=np.int64)
    low = np.minimum(codes[first], codes[second])
    high = np.maximum(codes[first], codes[second])
    return np.where(low == high, 0, 1 + low * (int(codes.max()) + 1) + high)


def _percentiles(similarity: np.ndarray, kinds: np.ndarray, reference: np.ndarray,
                 reference_kinds: np.ndarray) -> np.ndarray:
    """Each similarity's share of the reference similarities of its pair of languages
    (of all of them when that pair of languages has none)."""
    similarity = similarity.astype(np.float64)
    reference = reference.astype(np.float64)
    percentile = np.empty(len(similarity), dtype=np.float64)
    for kind in np.unique(kinds):
        chosen = kinds == kind
        scale = np.sort(reference[reference_kinds == kind])
        if scale.size == 0:
            scale = np.sort(reference)
        percentile[chosen] = np.searchsorted(scale, similarity[chosen], side="right") \
            / max(len(scale), 1)
    return percentile


def _neighbour_pairs(indices: np.ndarray, similarities: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each (row, neighbour) once as (smaller, larger) with its best similarity."""
    rows = np.repeat(np.arange(indices.shape[0], dtype=np.int64), indices.shape[1])
    columns = indices.ravel()
    values = similarities.ravel().astype(np.float32)
    valid = columns >= 0
    rows, columns, values = rows[valid], columns[valid], values[valid]
    first, second = np.minimum(rows, columns), np.maximum(rows, columns)
    order = np.lexsort((-values, second, first))
    first, second, values = first[order], second[order], values[order]
    leading = np.r_[True, (first[1:] != first[:-1]) | (second[1:] != second[:-1])] \
        if first.size else np.zeros(0, dtype=bool)
    return first[leading], second[leading], values[leading]


def _small_topic_pairs(outlets: np.ndarray, topic_of: np.ndarray, limit: int
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Every cross-outlet pair inside topics of at most ``limit`` members."""
    members = np.flatnonzero(topic_of >= 0)
    members = members[np.argsort(topic_of[members], kind="stable")]
    topics, starts, sizes = np.unique(topic_of[members], return_index=True, return_counts=True)
    firsts, seconds = [], []
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        if size > limit or size < 2:
            continue
        group = members[start:start + size]
        left, right = np.triu_indices(size, k=1)
        cross = outlets[group[left]] != outlets[group[right]]
        firsts.append(group[left][cross])
        seconds.append(group[right][cross])
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts).astype(np.int64), np.concatenate(seconds).astype(np.int64)
