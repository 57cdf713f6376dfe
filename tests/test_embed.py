"""Embedders: lexical n-grams, a sentence-transformers model, the hybrid and the cache."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from claimcheck.embed.cache import EmbeddingCache
from claimcheck.embed.embed import (
    Embedder,
    HybridEmbedder,
    LexicalEmbedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from claimcheck.errors import ConfigError, ModelError

SENTENCES = [
    "Pentagon mengatakan akan mengirim sekitar 3.000 tentara tambahan.",
    "The Pentagon will send about 3,000 additional troops.",
    "Kedutaan kami tetap buka.",
]


def _dense(matrix):
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def test_lexical_rows_are_normalised_and_numbers_match_across_locales():
    matrix = _dense(LexicalEmbedder().embed(SENTENCES))
    assert matrix.shape[0] == 3
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)
    similarity = matrix @ matrix.T
    # "3.000" and "3,000" become the same digits, so the translation is the nearest.
    assert similarity[0, 1] > similarity[0, 2]


def test_every_builtin_is_an_embedder(tiny_sentence_model):
    assert isinstance(LexicalEmbedder(), Embedder)
    assert isinstance(make_embedder("semantic", str(tiny_sentence_model)), Embedder)
    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder("bogus")


def test_sentence_transformer_embeddings_are_cached_by_model_and_text(tiny_sentence_model,
                                                                       tmp_path):
    cache = EmbeddingCache(tmp_path)
    first = SentenceTransformerEmbedder(str(tiny_sentence_model), cache).embed(SENTENCES)
    assert first.shape == (3, 32)
    model_key = SentenceTransformerEmbedder(str(tiny_sentence_model)).loaded.key
    stored = cache.get_many(model_key, SENTENCES)
    assert set(stored) == set(SENTENCES)
    # A second embedder reads the cache: same vectors without encoding again.
    second = SentenceTransformerEmbedder(str(tiny_sentence_model), cache)
    second._loaded = second.loaded
    second._loaded.model.encode = None  # encoding now would fail loudly
    assert np.allclose(second.embed(SENTENCES), first)


def test_hybrid_uses_the_model_only_on_languages_it_knows(tiny_sentence_model):
    semantic = SentenceTransformerEmbedder(str(tiny_sentence_model))
    hybrid = HybridEmbedder(semantic, semantic_weight=0.7, foreign_weight=0.0)
    lexical = _dense(LexicalEmbedder().embed(SENTENCES))
    matrix = _dense(hybrid.embed(SENTENCES, ["id", "en", "id"]))
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)
    width = lexical.shape[1]
    # Indonesian rows are pure n-grams: the English-only model gets no say there.
    assert np.allclose(matrix[0, :width], lexical[0], atol=1e-6)
    assert np.allclose(matrix[0, width:], 0.0)
    # The English row splits its weight between the channels.
    assert np.isclose(np.linalg.norm(matrix[1, width:]) ** 2, 0.7, atol=1e-4)
    assert "hybrid" in hybrid.name


def test_an_unavailable_model_is_a_model_error():
    with pytest.raises(ModelError):
        SentenceTransformerEmbedder("not-a-real/model-anywhere").embed(["x"])


def test_lexical_rows_of_blank_texts_are_empty_not_an_error():
    matrix = LexicalEmbedder().embed(["", "  \t"])
    assert matrix.shape == (2, 0)


def test_cached_sentences_are_read_without_loading_the_model(tiny_sentence_model, tmp_path):
    cache = EmbeddingCache(tmp_path)
    first = SentenceTransformerEmbedder(str(tiny_sentence_model), cache).embed(SENTENCES)
    again = SentenceTransformerEmbedder(str(tiny_sentence_model), cache)
    assert np.array_equal(again.embed(SENTENCES), first)
    assert again._loaded is None  # no torch import, no model load for a cached batch
    again.embed([*SENTENCES, "A sentence the cache has not seen."])
    assert again._loaded is not None


def test_a_batch_in_languages_the_model_does_not_know_never_loads_it(tmp_path):
    # An English-sized vocabulary and no weights: loading this folder would fail.
    (tmp_path / "config.json").write_text('{"vocab_size": 30522}', encoding="utf-8")
    semantic = SentenceTransformerEmbedder(str(tmp_path))
    hybrid = HybridEmbedder(semantic, semantic_weight=0.7, foreign_weight=0.0)
    matrix = hybrid.embed(SENTENCES, ["id", "id", "id"])
    assert np.allclose(_dense(matrix), _dense(LexicalEmbedder().embed(SENTENCES)))
    assert semantic._loaded is None
    assert str(tmp_path) in hybrid.name
    with pytest.raises(ModelError):  # an English sentence needs the model after all
        hybrid.embed(SENTENCES, ["id", "en", "id"])


def test_preparing_loads_the_model_only_for_a_sentence_the_cache_lacks(tiny_sentence_model,
                                                                       tmp_path):
    cache = EmbeddingCache(tmp_path)
    SentenceTransformerEmbedder(str(tiny_sentence_model), cache).embed(SENTENCES)
    again = SentenceTransformerEmbedder(str(tiny_sentence_model), cache)
    again.prepare(SENTENCES)
    assert again._loaded is None  # every sentence cached: nothing to load
    again.prepare([SENTENCES[0], "A sentence the cache has not seen."])
    assert again._loaded is not None


def test_preparing_a_hybrid_skips_languages_its_model_does_not_know(tmp_path):
    # An English-sized vocabulary and no weights: loading this folder would fail.
    (tmp_path / "config.json").write_text('{"vocab_size": 30522}', encoding="utf-8")
    semantic = SentenceTransformerEmbedder(str(tmp_path))
    HybridEmbedder(semantic).prepare(SENTENCES, ["id", "id", "id"])
    assert semantic._loaded is None
    with pytest.raises(ModelError):
        HybridEmbedder(semantic).prepare(SENTENCES, ["id", "en", "id"])


def test_a_model_asked_for_on_two_threads_at_once_loads_once(tiny_sentence_model,
                                                             monkeypatch):
    import threading

    import claimcheck.embed.embed as embed_module

    loads = []
    real = embed_module.load_sentence_transformer

    def counted(*args, **kwargs):
        loads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(embed_module, "load_sentence_transformer", counted)
    semantic = SentenceTransformerEmbedder(str(tiny_sentence_model))
    threads = [threading.Thread(target=semantic.prepare, args=(SENTENCES,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    rows = semantic.embed(SENTENCES)
    for thread in threads:
        thread.join()
    assert len(loads) == 1
    assert rows.shape == (3, 32)
