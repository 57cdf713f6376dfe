"""Group sentences into topics across outlets (scikit-learn agglomerative clustering).

The merge threshold is relative to the corpus: cosine scales differ wildly between
representations (TF-IDF partners at 0.08-0.32, MiniLM at 0.5-0.8), so the cut-off is
a quantile of each sentence's best cross-outlet similarity, not a fixed number.
Labels are class-based TF-IDF top terms, in the spirit of BERTopic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from claimcheck.lang.wordlists import every_language
from claimcheck.models import Claim, Topic
from claimcheck.neighbours.search import NeighbourGraph, find_neighbours, top_neighbours
from claimcheck.neighbours.similarity import similarity_blocks

# Above this many sentences, topics are components of the mutual cross-outlet k-NN
# graph: average linkage on a 10-NN connectivity graph took 10 s at 10,000 sentences
# and grows quadratically (benchmarks/run.py); the graph is linear.
EXACT_LIMIT = 2500
# Neighbours per sentence in that graph: the candidate stage's default, so one search
# (claimcheck.neighbours.search) serves both stages. In a batch of several languages the lists
# are the candidate stage's too: this many from the sentence's own language and half as
# many from each other one.
GRAPH_NEIGHBOURS = 10
# Similarities this close to the threshold reach it: a dot product's float32 rounding.
ROUNDING = 1e-6

# Words left out of a topic's label: each language's [stopwords] topic_labels.
_STOPWORDS = frozenset(every_language("stopwords", "topic_labels"))
_TOKEN = re.compile(r"[^\W\d_][\w'-]{2,}", re.UNICODE)


def find_topics(claims: Sequence[Claim], matrix, outlets: np.ndarray,
                merge_quantile: float = 0.35, *, graph: NeighbourGraph | None = None
                ) -> tuple[np.ndarray, tuple[Topic, ...]]:
    """Cluster sentences; returns each sentence's topic id (-1: none) and the topics.

    Args:
        claims: the sentences, in row order of ``matrix``.
        matrix: L2-normalised rows (dense or CSR).
        outlets: outlet id per row; the threshold is read from cross-outlet neighbours.
        merge_quantile: share of sentences whose best cross-outlet neighbour is close
            enough to merge with it; higher means larger topics.
        graph: the neighbour stage's result (searched here when not given).
    """
    count = len(claims)
    labels = np.full(count, -1, dtype=np.int64)
    if count < 2:
        return labels, ()
    large = count > EXACT_LIMIT
    languages = [claim.sentence.language for claim in claims]
    graph = graph or find_neighbours(matrix, outlets, GRAPH_NEIGHBOURS, languages)
    neighbours, similarities = graph.nearest(GRAPH_NEIGHBOURS)
    # Lists by language are merged best first: column 0 is the best neighbour of all.
    best = similarities[:, 0]
    finite = best[np.isfinite(best)]
    if finite.size == 0:
        neighbours, similarities = top_neighbours(matrix, GRAPH_NEIGHBOURS)
        best = similarities[:, 0]
        finite = best[np.isfinite(best)]
    threshold = float(np.quantile(finite, 1 - merge_quantile)) if finite.size else 1.0
    raw = _graph_components(neighbours, similarities, threshold) if large else \
        _cluster(matrix, max(1e-6, 1.0 - threshold))
    sizes = np.bincount(raw)
    kept = np.array([cluster for cluster in np.argsort(-sizes, kind="stable")
                     if sizes[cluster] >= 2], dtype=np.int64)
    # One pass, not one scan of all sentences per topic (10,000 topics at 100k).
    new_id = np.full(sizes.size, -1, dtype=np.int64)
    new_id[kept] = np.arange(kept.size)
    labels[:] = new_id[raw]
    topic_labels = _label_topics(claims, labels, len(kept))
    grouped = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[grouped], np.arange(len(kept) + 1))
    topics = tuple(
        Topic(topic_id, topic_labels[topic_id],
              tuple(grouped[bounds[topic_id]:bounds[topic_id + 1]].tolist()))
        for topic_id in range(len(kept))
    )
    return labels, topics


def _cluster(matrix, distance_threshold: float) -> np.ndarray:
    """Average-linkage clusters on the exact distance matrix (small corpora only)."""
    from sklearn.cluster import AgglomerativeClustering

    count = matrix.shape[0]
    distances = np.empty((count, count), dtype=np.float64)
    for start, block in similarity_blocks(matrix):
        distances[start:start + block.shape[0]] = 1.0 - block
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=distance_threshold)
    return model.fit_predict(distances)


def _graph_components(neighbours: np.ndarray, similarities: np.ndarray,
                      threshold: float) -> np.ndarray:
    """Connected components of the mutual k-NN graph's edges at or above ``threshold``.

    Mutual edges (each row among the other's neighbours) keep one hub sentence from
    chaining unrelated topics together, the weakness of plain single linkage.
    """
    count = neighbours.shape[0]
    rows = np.repeat(np.arange(count), neighbours.shape[1])
    columns = neighbours.ravel()
    # Float32 dot products of equal true value differ in their last bits, and quantile
    # thresholds often land on such a value (duplicate sentences: 1.0).
    keep = (columns >= 0) & (similarities.ravel() >= threshold - ROUNDING)
    graph = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int8),
                               (rows[keep], columns[keep])), shape=(count, count))
    mutual = graph.multiply(graph.T)
    from scipy.sparse.csgraph import connected_components

    return connected_components(mutual, directed=False)[1]


def _label_topics(claims: Sequence[Claim], labels: np.ndarray, count: int,
                  terms: int = 4) -> list[str]:
    """Top class-TF-IDF terms of each topic: frequent in it, rare in the others."""
    if count == 0:
        return []
    counts: list[dict[str, int]] = [{} for _ in range(count)]
    for claim, label in zip(claims, labels, strict=True):
        if label < 0:
            continue
        for token in _TOKEN.findall(claim.sentence.text.casefold()):
            if token not in _STOPWORDS:
                counts[label][token] = counts[label].get(token, 0) + 1
    topics_with = {}
    for bag in counts:
        for token in bag:
            topics_with[token] = topics_with.get(token, 0) + 1
    result = []
    for bag in counts:
        total = sum(bag.values()) or 1
        scored = sorted(bag, key=lambda t: (-(bag[t] / total) * np.log(1 + count /
                                                                         topics_with[t]), t))
        result.append(", ".join(scored[:terms]) or "(no terms)")
    return result
