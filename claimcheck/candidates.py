"""Pair sentences from different outlets that may speak about the same thing.

Pairs come from each sentence's nearest cross-outlet neighbours and from small
topics, never from all n x n pairs, so their number grows linearly with the corpus.
A pair's ``percentile`` places its similarity within this corpus's neighbour
similarities: cut-offs are relative because absolute cosines are not comparable
between representations.
"""

from __future__ import annotations

import numpy as np

from claimcheck.models import CandidatePair
from claimcheck.similarity import pair_similarity, top_neighbours


def find_candidates(matrix, outlets: np.ndarray, topic_of: np.ndarray, *, neighbours: int = 10,
                    min_percentile: float = 0.25, topic_pair_limit: int = 40
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
    """
    count = matrix.shape[0]
    if count < 2:
        return ()
    indices, similarities = top_neighbours(matrix, neighbours, exclude_group=outlets)
    found: dict[tuple[int, int], float] = {}
    for row in range(count):
        for column, similarity in zip(indices[row], similarities[row], strict=True):
            if column < 0:
                continue
            key = (row, int(column)) if row < column else (int(column), row)
            found[key] = max(found.get(key, -np.inf), float(similarity))
    reference = np.sort(np.fromiter(found.values(), dtype=np.float64, count=len(found)))

    for topic in np.unique(topic_of[topic_of >= 0]):
        members = np.flatnonzero(topic_of == topic)
        if len(members) > topic_pair_limit:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1:]:
                key = (int(first), int(second))
                if outlets[first] != outlets[second] and key not in found:
                    found[key] = pair_similarity(matrix, key[0], key[1])

    pairs = []
    for (a, b), similarity in found.items():
        percentile = float(np.searchsorted(reference, similarity, side="right")) / max(
            len(reference), 1)
        shared_topic = int(topic_of[a]) if topic_of[a] >= 0 and topic_of[a] == topic_of[b] \
            else None
        if shared_topic is None and percentile < min_percentile:
            continue
        pairs.append(CandidatePair(a, b, similarity, min(percentile, 1.0), shared_topic))
    pairs.sort(key=lambda pair: (-pair.similarity, pair.a, pair.b))
    return tuple(pairs)
