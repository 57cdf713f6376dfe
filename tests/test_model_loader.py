"""Model loading works offline: local folders load, unknown names fail fast with one line."""

from __future__ import annotations

import time

import numpy as np
import pytest

from claimcheck.errors import ModelError
from claimcheck.model_loader import load_sentence_transformer, resolve_model_path


def test_a_model_folder_loads_and_encodes(tiny_sentence_model):
    loaded = load_sentence_transformer(str(tiny_sentence_model))
    vectors = loaded.model.encode(["the embassy", "tentara"], normalize_embeddings=True)
    assert vectors.shape == (2, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert loaded.dimension == 32
    # A 60-token vocabulary is an English-sized (not multilingual) tokenizer.
    assert loaded.languages == frozenset({"en"})
    assert loaded.key.startswith(str(tiny_sentence_model))


def test_an_unknown_model_name_fails_fast_with_one_line():
    started = time.perf_counter()
    with pytest.raises(ModelError) as raised:
        load_sentence_transformer("no-such-org/no-such-model-xyz")
    assert time.perf_counter() - started < 5
    message = str(raised.value)
    assert "no-such-org/no-such-model-xyz" in message and "\n" not in message


def test_a_file_instead_of_a_folder_is_refused(tmp_path):
    file = tmp_path / "model.bin"
    file.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="is a file"):
        resolve_model_path(str(file))


def test_a_folder_that_is_not_a_model_fails_with_one_line(tmp_path):
    with pytest.raises(ModelError) as raised:
        load_sentence_transformer(str(tmp_path))
    assert "\n" not in str(raised.value)


def test_the_default_model_comes_from_the_installed_wheel():
    path = resolve_model_path(None)
    assert (path / "config.json").exists()
