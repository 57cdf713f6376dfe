"""Shared fixtures: the sample corpus, the multilingual fixture set, a tiny model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MULTILINGUAL = FIXTURES / "multilingual"

_VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"abcdefghijklmnopqrstuvwxyz0123456789",
          "the", "embassy", "troops", "open", "closed", "kedutaan", "tentara", "##s", "##ed"]


@pytest.fixture(scope="session")
def _session_models(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch, _session_models):
    """No test reads or writes the user's embedding cache. The converted default model
    (cache/models, built once: about a minute with its ONNX export) is shared by the
    session's tests; embeddings are not."""
    cache = tmp_path_factory.mktemp("cache")
    (cache / "models").symlink_to(_session_models, target_is_directory=True)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(cache))


@pytest.fixture(autouse=True)
def _no_stage_lines(monkeypatch):
    """Stage lines appear once a run passes a few seconds: on a loaded machine, any test.
    Tests of them set the threshold themselves."""
    monkeypatch.setattr("claimcheck.cli.check.PROGRESS_AFTER_S", float("inf"))


def build_tiny_bert(folder: Path, num_labels: int | None = None) -> Path:
    """A 2-layer, 32-dimension BERT with a 60-token vocabulary, saved as a HF folder."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(_VOCAB) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(_VOCAB), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64,
                        max_position_embeddings=128)
    if num_labels:
        from transformers import BertForSequenceClassification

        config.num_labels = num_labels
        model = BertForSequenceClassification(config)
    else:
        model = BertModel(config)
    model.save_pretrained(folder)
    BertTokenizerFast(vocab_file=str(vocab)).save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_sentence_model(tmp_path_factory) -> Path:
    """A sentence-transformers model folder the tests build themselves (no hub)."""
    from sentence_transformers import SentenceTransformer

    try:
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling, Transformer

    base = build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))
    transformer = Transformer(str(base), max_seq_length=64)
    pooling = Pooling(32, pooling_mode="mean")
    folder = tmp_path_factory.mktemp("tiny-sentence-model")
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(folder))
    return folder


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current renderers instead of "
                          "comparing with them (also: CLAIMCHECK_UPDATE_GOLDEN=1).")


@pytest.fixture
def update_golden(request) -> bool:
    """Whether golden files are to be rewritten rather than compared."""
    import os

    return bool(request.config.getoption("--update-golden")
                or os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"))
