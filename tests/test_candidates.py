"""Candidate pairs: cross-outlet, nearest first, and linear in the corpus."""

from __future__ import annotations

import random

import numpy as np
import pytest

from claimcheck.embed.embed import LexicalEmbedder
from claimcheck.neighbours import rare_features
from claimcheck.neighbours import search as neighbour_search
from claimcheck.neighbours.candidates import find_candidates
from claimcheck.neighbours.search import find_neighbours
from claimcheck.neighbours.topics import find_topics
from tests.conftest import CORPUS
from tests.test_similarity import (  # noqa: F401 - shared fixtures
    _row,
    _two_language_rows,
    corpus_rows,
    search,
)


@pytest.fixture
def corpus_pairs(corpus_rows, search):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    topic_of, _ = find_topics(claims, matrix, outlets)
    return claims, outlets, find_candidates(matrix, outlets, topic_of)


def test_3000_troops_in_000_and_650_troops_in_001_are_a_candidate_pair(corpus_pairs):
    claims, _, pairs = corpus_pairs
    troops_000 = _row(claims, "sekitar 3.000 tentara tambahan")
    troops_001 = _row(claims, "sekitar 650 tentara di Afghanistan")
    assert (troops_000, troops_001) in {(pair.a, pair.b) for pair in pairs}


def test_pairs_never_join_one_outlet_and_are_listed_once_most_similar_first(corpus_pairs):
    _, outlets, pairs = corpus_pairs
    assert pairs
    assert all(outlets[pair.a] != outlets[pair.b] for pair in pairs)
    assert all(pair.a < pair.b for pair in pairs)
    assert len({(pair.a, pair.b) for pair in pairs}) == len(pairs)
    assert [pair.similarity for pair in pairs] == sorted((p.similarity for p in pairs),
                                                         reverse=True)
    assert all(0.0 <= pair.percentile <= 1.0 for pair in pairs)


def test_pairs_outside_a_shared_topic_beat_the_percentile_cut_off(corpus_rows):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    topic_of, _ = find_topics(claims, matrix, outlets)
    pairs = find_candidates(matrix, outlets, topic_of, min_percentile=0.5)
    loose = [pair for pair in pairs if pair.topic is None]
    assert loose and all(pair.percentile >= 0.5 for pair in loose)
    assert all(topic_of[pair.a] == topic_of[pair.b] == pair.topic
               for pair in pairs if pair.topic is not None)


def _synthetic_news(sentences: int, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """Stories of 20 sentences told by 5 of 30 outlets, each with its own names."""
    rng = random.Random(seed)
    words = [f"{a}{b}" for a in ("ka", "ri", "mo", "tel", "san", "du") for b in
             ("lam", "pur", "ngo", "sit", "bar", "wen")]
    texts, outlets = [], []
    while len(texts) < sentences:
        names = ["".join(rng.choice(words) for _ in range(2)).capitalize() for _ in range(4)]
        story = [" ".join(rng.sample(words, 8) + rng.sample(names, 2) + [str(rng.randint(2, 999))])
                 for _ in range(20)]
        for outlet in rng.sample(range(30), 5):
            for text in rng.sample(story, 4):
                texts.append(text)
                outlets.append(outlet)
    return texts[:sentences], np.array(outlets[:sentences])


def test_candidate_pairs_grow_linearly_with_the_corpus(monkeypatch):
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 500)
    per_sentence = []
    for size in (1000, 4000):
        texts, outlets = _synthetic_news(size)
        matrix = LexicalEmbedder().embed(texts)
        topic_of = np.full(size, -1)
        pairs = find_candidates(matrix, outlets, topic_of, neighbours=10)
        per_sentence.append(len(pairs) / size)
    assert all(0 < value <= 10 for value in per_sentence)  # k-NN bound: n * k
    assert per_sentence[1] <= 1.25 * per_sentence[0]


def test_one_neighbour_search_serves_topics_and_candidates_alike(corpus_rows, search):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    graph = find_neighbours(matrix, outlets, 10)
    topic_of, found = find_topics(claims, matrix, outlets, graph=graph)
    searched_topic_of, searched = find_topics(claims, matrix, outlets)
    assert np.array_equal(topic_of, searched_topic_of) and found == searched
    assert find_candidates(matrix, outlets, topic_of, graph=graph) == \
        find_candidates(matrix, outlets, topic_of)


def test_the_check_searches_neighbours_once_as_a_stage_of_its_own(monkeypatch):
    from claimcheck.pipeline import CheckConfig, check

    searches = []
    real = neighbour_search.top_neighbours
    monkeypatch.setattr(neighbour_search, "top_neighbours",
                        lambda *args, **kwargs: searches.append(1) or real(*args, **kwargs))
    report = check([CORPUS], CheckConfig(embedder="lexical"))
    assert len(searches) == 1
    assert list(report.timings)[:6] == ["segment", "extract", "embed", "neighbours", "topics",
                                        "candidates"]
def test_a_translation_behind_nearer_same_language_sentences_is_still_a_candidate():
    matrix, outlets, languages = _two_language_rows(stories=12)
    no_topics = np.full(len(languages), -1)
    one_list = find_candidates(matrix, outlets, no_topics)
    assert all(languages[pair.a] == languages[pair.b] for pair in one_list)
    pairs = {(pair.a, pair.b): pair for pair in find_candidates(matrix, outlets, no_topics,
                                                                 languages=languages)}
    for story in range(12):
        translation = pairs[(story, story + 12)]
        # Placed among English-German neighbour pairs, not below every English pair.
        assert translation.percentile >= 0.5


def test_one_language_batches_give_the_same_pairs_as_before(corpus_rows, search):  # noqa: F811
    claims, matrix, outlets = corpus_rows
    topic_of, _ = find_topics(claims, matrix, outlets)
    before = find_candidates(matrix, outlets, topic_of)
    after = find_candidates(matrix, outlets, topic_of, languages=["id"] * len(claims))
    assert after == before


def test_pairs_and_rescored_pairs_stay_linear_in_three_languages(monkeypatch):
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 500)
    rescored = []
    exact = rare_features.pair_similarities

    def counted(matrix, a, b, *args):
        rescored.append(len(a))
        return exact(matrix, a, b, *args)

    monkeypatch.setattr(rare_features, "pair_similarities", counted)
    per_sentence, rescored_per_sentence = [], []
    for size in (1000, 4000):
        texts, outlets = _synthetic_news(size)
        languages = [("id", "en", "de")[outlet % 3] for outlet in outlets]
        matrix = LexicalEmbedder().embed(texts)
        rescored.clear()
        pairs = find_candidates(matrix, outlets, np.full(size, -1), neighbours=10,
                                languages=languages)
        per_sentence.append(len(pairs) / size)
        rescored_per_sentence.append(sum(rescored) / size)
    # Lists of 10 + 6 + 6; shortlists 8 times as long from rare n-grams, and as many
    # again from common ones for a row short of them: never all pairs.
    assert all(0 < value <= 22 for value in per_sentence)
    assert all(0 < value <= 2 * 8 * 22 for value in rescored_per_sentence)
    assert per_sentence[1] <= 1.25 * per_sentence[0]
    assert rescored_per_sentence[1] <= 1.25 * rescored_per_sentence[0]
