"""Model loading works offline: local folders load, unknown names fail fast with one line."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from claimcheck.embed.model_loader import (
    UNKNOWN,
    identify_model,
    load_sentence_transformer,
    resolve_model_path,
)
from claimcheck.errors import ModelError


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


def test_minilm_comes_from_the_installed_wheel():
    path = resolve_model_path("all-MiniLM-L6-v2")
    assert (path / "config.json").exists()


def test_the_identity_read_from_the_folder_matches_the_loaded_model(tiny_sentence_model):
    identity = identify_model(str(tiny_sentence_model))
    loaded = load_sentence_transformer(str(tiny_sentence_model))
    assert (identity.name, identity.key, identity.languages) == \
        (loaded.name, loaded.key, loaded.languages)


@pytest.mark.parametrize(("folder_name", "config", "languages"), [
    ("english-model", {"vocab_size": 30522}, frozenset({"en"})),
    ("big-vocabulary", {"vocab_size": 250002}, None),
    ("multilingual-small", {"vocab_size": 30522}, None),  # the name says so
    ("no-vocabulary", {"hidden_size": 384}, UNKNOWN),
    ("m3/english-model", {"vocab_size": 30522}, frozenset({"en"})),  # a folder above
])
def test_the_languages_come_from_the_vocabulary_size_or_the_name(tmp_path, folder_name,
                                                                  config, languages):
    folder = tmp_path / folder_name
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    assert identify_model(str(folder)).languages == languages


def test_an_unavailable_model_has_no_identity_either():
    with pytest.raises(ModelError):
        identify_model("no-such-org/no-such-model-xyz")
