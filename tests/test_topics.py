"""Topics: sentences of several outlets about one thing share a topic id."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.neighbours import search as neighbour_search
from claimcheck.neighbours import topics
from claimcheck.neighbours.topics import find_topics
from tests.test_similarity import _row, corpus_rows  # noqa: F401 - shared fixture


@pytest.fixture(params=["average linkage", "k-NN graph"])
def clustering(request, monkeypatch):
    """Run a test through exact clustering and through the large-corpus graph."""
    monkeypatch.setattr(topics, "EXACT_LIMIT", 10**9 if request.param == "average linkage"
                        else 10)
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 10**9 if request.param == "average linkage"
                        else 10)
    return request.param


def test_labels_and_topic_members_agree(corpus_rows, clustering):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    labels, found = find_topics(claims, matrix, outlets)
    assert len(labels) == len(claims)
    assert found, "the seed articles share topics"
    for topic in found:
        assert list(topic.members) == sorted(topic.members)
        assert (labels[list(topic.members)] == topic.id).all()
        assert len(topic.members) >= 2
        assert topic.label and topic.label != "(no terms)"
    assert sum(len(topic.members) for topic in found) == int((labels >= 0).sum())
    sizes = [len(topic.members) for topic in found]
    assert sizes == sorted(sizes, reverse=True)  # topic 0 is the largest


def test_taliban_taking_kandahar_and_herat_is_one_topic_across_outlets(corpus_rows,  # noqa: F811
                                                                       clustering):
    claims, matrix, outlets = corpus_rows
    labels, found = find_topics(claims, matrix, outlets)
    telusur = _row(claims, "Pasukan Taliban mengklaim telah menguasai dua kota terbesar")
    assert labels[telusur] >= 0
    members = found[labels[telusur]].members
    assert len({claims[i].outlet for i in members}) >= 2


def test_no_topic_spans_most_of_the_corpus(corpus_rows, clustering):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    _, found = find_topics(claims, matrix, outlets)
    assert max(len(topic.members) for topic in found) < len(claims) / 3


def test_fewer_than_two_sentences_have_no_topics(corpus_rows):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    labels, found = find_topics(claims[:1], matrix[:1], outlets[:1])
    assert found == () and labels.tolist() == [-1]
    assert np.array_equal(labels, np.array([-1]))


def test_a_mutual_edge_rounded_just_below_the_threshold_still_joins():
    neighbours = np.array([[1], [0], [-1]])
    similarities = np.array([[1.0], [0.99999994], [-np.inf]], dtype=np.float32)
    components = topics._graph_components(neighbours, similarities, threshold=1.0)
    assert components[0] == components[1] != components[2]
