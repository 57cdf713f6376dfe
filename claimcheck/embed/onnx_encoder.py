"""A sentence-transformers folder run by ONNX Runtime: exported once, int8 if asked.

sentence-transformers' own ``backend="onnx"`` needs optimum-onnx, which pins
transformers below 5 (the version this project runs); so the export is done here with
torch's exporter, the int8 weights with ONNX Runtime's dynamic quantisation, and the
encoder reads the folder's tokenizer, prompt, pooling and normalisation itself. Only
folders whose modules are Transformer + mean Pooling (+ Normalize) are supported;
``OnnxSentenceEncoder`` checks that.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import warnings
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from claimcheck.embed.threads import encoder_threads, run_shared, usable_cores
from claimcheck.errors import ModelError

#: Backends a folder can be run with; ``onnx-int8`` keeps MatMul weights as int8.
BACKENDS = ("torch", "onnx", "onnx-int8")
_FILES = {"onnx": "model.onnx", "onnx-int8": "model_int8.onnx"}


def onnx_runtime_available() -> bool:
    from importlib.util import find_spec

    return find_spec("onnxruntime") is not None


def onnx_file(folder: Path, backend: str) -> Path:
    """``folder``'s ONNX model for ``backend``, exported (and quantised) on first use."""
    target = folder / "onnx" / _FILES[backend]
    if target.is_file():
        return target
    target.parent.mkdir(exist_ok=True)
    if backend == "onnx":
        _atomic(target, lambda path: _export(folder, path))
        return target
    full = folder / "onnx" / _FILES["onnx"]
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        source = full if full.is_file() else Path(scratch) / "model.onnx"
        if source != full:
            with _quiet():
                _export(folder, source)
        _atomic(target, lambda path: _quantise(source, path))
    return target


def _atomic(target: Path, write) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(handle)
    try:
        with _quiet():
            write(Path(name))
        os.chmod(name, 0o644)  # mkstemp's file is private; the model is not a secret
        os.replace(name, target)
    finally:
        if os.path.exists(name):
            os.unlink(name)


@contextmanager
def _quiet():
    """The exporter's tracer warnings and the quantiser's advice would land in the
    user's report on stderr; they are about the export, not about the user's input."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.disable(logging.WARNING)
        try:
            yield
        finally:
            logging.disable(logging.NOTSET)


def _export(folder: Path, path: Path) -> None:
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    class MeanPooled(torch.nn.Module):
        def __init__(self, encoder) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids))[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    model = MeanPooled(AutoModel.from_pretrained(str(folder)).eval())
    example = torch.ones((2, 8), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(model, (example, torch.ones_like(example)), str(path),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["sentence_embedding"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"},
                                        "sentence_embedding": {0: "batch"}},
                          opset_version=17, dynamo=False, external_data=False)


def _quantise(source: Path, path: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # One scale per output channel: on e5 (benchmarks/encoders.py) one scale per matrix
    # agreed with float32 at cosine 0.981 at worst, per channel at 0.994. The embedding
    # table (Gather) too: e5's file shrinks from 407 to 118 MB and loads 0.8 s sooner,
    # at the same speed, for a worst cosine of 0.9938 instead of 0.9943.
    quantize_dynamic(str(source), str(path), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul", "Gather"], per_channel=True)


class OnnxSentenceEncoder:
    """``encode`` like a ``SentenceTransformer``, through an ONNX Runtime session."""

    def __init__(self, folder: Path, backend: str = "onnx-int8",
                 workers: int | None = None) -> None:
        """``workers``: batches encoded at once (default: ``encoder_threads()``), the
        usable cores shared among them."""
        from onnxruntime import GraphOptimizationLevel, InferenceSession, SessionOptions
        from tokenizers import Tokenizer

        folder = Path(folder)
        _check_modules(folder)
        settings = _read_json(folder / "sentence_bert_config.json")
        prompts = _read_json(folder / "config_sentence_transformers.json")
        self.prompt = prompts.get("prompts", {}).get(prompts.get("default_prompt_name") or "",
                                                       "")
        tokenizer_config = _read_json(folder / "tokenizer_config.json")
        positions = _read_json(folder / "config.json").get("max_position_embeddings") or 512
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(min(int(
            settings.get("max_seq_length") or tokenizer_config.get("model_max_length") or 512),
            int(positions)))
        pad = tokenizer_config.get("pad_token", "<pad>")
        pad_id = self.tokenizer.token_to_id(pad)
        self.tokenizer.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token=pad)
        self.vocab_size = self.tokenizer.get_vocab_size()
        options = SessionOptions()
        options.graph_optimization_level = GraphOptimizationLevel.ORT_ENABLE_ALL
        # Batches run side by side, each on few threads (claimcheck.embed.threads). On 2
        # cores, 1,200 sentences: one batch at a time on both cores 3.7-4.0 s (3.2-3.4 s
        # with idle threads spinning), two at a time on one core each 3.0-3.2 s. At most
        # four at once bounds the memory of long batches (attention grows with the
        # square of the tokens).
        self.workers, options.intra_op_num_threads = encoder_threads() if workers is None \
            else (max(1, workers), max(1, usable_cores() // max(1, workers)))
        # Idle threads sleep instead of spinning: the CPU goes to the stages around the
        # encoder (and to anything else on the machine).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = InferenceSession(str(onnx_file(folder, backend)), options,
                                        providers=["CPUExecutionProvider"])
        self.dimension = int(self.session.get_outputs()[0].shape[-1] or 0) or \
            int(_read_json(folder / "config.json").get("hidden_size", 0))

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def encode(self, texts: Sequence[str], batch_size: int = 32, **_: object) -> np.ndarray:
        """L2-normalised rows, one per text (longest first in batches, as ST does), the
        batches shared among ``self.workers`` threads (ONNX Runtime releases the GIL)."""
        texts = [self.prompt + text for text in texts]
        order = np.argsort([-len(text) for text in texts], kind="stable")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        batches = [order[start:start + batch_size] for start in range(0, len(texts), batch_size)]

        def encode_batch(chosen: np.ndarray) -> None:
            encodings = self.tokenizer.encode_batch([texts[i] for i in chosen])
            feed = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                    "attention_mask": np.array([e.attention_mask for e in encodings],
                                               dtype=np.int64)}
            out[chosen] = self.session.run(None, feed)[0]

        run_shared(encode_batch, batches, self.workers)
        return out


def _check_modules(folder: Path) -> None:
    entries = _read_json(folder / "modules.json") or []
    modules = [entry.get("type", "").rsplit(".", 1)[-1] for entry in entries]
    paths = [entry.get("path", "") for entry in entries]
    pooling = _read_json(folder / paths[1] / "config.json") if len(paths) > 1 else {}
    # sentence-transformers 6 writes ``"pooling_mode": "mean"``; earlier versions a flag
    # per mode.
    mean = pooling.get("pooling_mode") == "mean" or (
        pooling.get("pooling_mode_mean_tokens") and not any(
            pooling.get(f"pooling_mode_{mode}")
            for mode in ("cls_token", "max_tokens", "mean_sqrt_len_tokens", "weightedmean_tokens",
                         "lasttoken")))
    if modules[:2] != ["Transformer", "Pooling"] or set(modules[2:]) - {"Normalize"} or \
            paths[0] != "" or not mean or pooling.get("include_prompt") is False:
        raise ModelError("the ONNX backend runs Transformer + mean pooling models only; "
                         f"{folder} has {', '.join(modules) or 'no modules.json'}")


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read {path}: {error}") from None
