"""The NLI judge's loading and label mapping, on a tiny CrossEncoder the tests build."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimcheck.errors import ModelError
from claimcheck.judges import JUDGES, default_judges
from claimcheck.judges.compare import compare_sentences
from claimcheck.judges.nli import DEFAULT_LABELS, NLIJudge, nli_labels
from claimcheck.judges.statement import StatementJudge
from claimcheck.models import Claim, PairContext, Sentence
from tests.conftest import build_tiny_bert


def _tiny_nli(folder: Path, id2label: dict[int, str], favoured: str | None) -> Path:
    """A 3-label tiny BERT whose classifier bias makes ``favoured`` win every pair."""
    import torch
    from transformers import BertForSequenceClassification

    build_tiny_bert(folder, num_labels=len(id2label))
    model = BertForSequenceClassification.from_pretrained(folder)
    model.config.id2label = id2label
    model.config.label2id = {label: i for i, label in id2label.items()}
    if favoured is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            index = next(i for i, label in id2label.items() if label == favoured)
            model.classifier.bias[index] = 5.0
    model.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def contradicting_model(tmp_path_factory) -> Path:
    return _tiny_nli(tmp_path_factory.mktemp("nli"),
                     {0: "ENTAILMENT", 1: "neutral", 2: "Contradiction"}, "Contradiction")


def _claim(text: str) -> Claim:
    return Claim(Sentence("d", 0, text, "en"), outlet="o")


def test_labels_come_from_the_model_config(contradicting_model):
    judge = NLIJudge(str(contradicting_model))
    assert judge.labels == ("entailment", "neutral", "contradiction")
    (probabilities,) = judge.predict([("the embassy open", "the embassy closed")])
    assert set(probabilities) == set(DEFAULT_LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert probabilities["contradiction"] > 0.9


def test_verdict_and_conflict(contradicting_model):
    judge = NLIJudge(str(contradicting_model))
    conflict = judge.judge(_claim("the embassy open"), _claim("the embassy closed"),
                           PairContext(topic=2))
    assert conflict is not None
    assert (conflict.kind, conflict.detail, conflict.judge, conflict.topic) == (
        "statement", "nli", "nli", 2)
    strict = NLIJudge(str(contradicting_model), threshold=0.999)
    assert strict.judge(_claim("a"), _claim("b"), PairContext()) is None


def test_compare_adds_the_nli_verdict(contradicting_model):
    judges = [StatementJudge(), NLIJudge(str(contradicting_model))]
    result = compare_sentences("The embassy was not closed.", "The embassy remains open.",
                               language="en", judges=judges)
    assert [v.judge for v in result.judges] == ["statement", "nli"]
    assert [v.relation for v in result.judges] == ["agreement", "contradiction"]
    assert result.relation == "contradiction" and result.detail == "nli"


def test_entailment_reads_as_agreement(tmp_path):
    folder = _tiny_nli(tmp_path / "m", {0: "contradiction", 1: "entailment", 2: "neutral"},
                       "entailment")
    verdict = NLIJudge(str(folder)).verdict(_claim("a b"), _claim("a"), PairContext())
    assert verdict.relation == "agreement" and verdict.conflict is None


def test_registered_but_off_until_a_model_is_configured():
    assert "nli" in JUDGES
    assert "nli" not in [judge.name for judge in default_judges()]


def test_unavailable_model_fails_fast_with_one_line():
    started = time.monotonic()
    with pytest.raises(ModelError) as error:
        NLIJudge("no-such-org/no-such-nli-model")
    assert time.monotonic() - started < 10
    assert "\n" not in str(error.value) and "no-such-nli-model" in str(error.value)


def test_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError):
        NLIJudge(str(tmp_path / "empty"))


def test_a_two_label_model_is_refused(tmp_path):
    folder = _tiny_nli(tmp_path / "two", {0: "negative", 1: "positive"}, None)
    with pytest.raises(ModelError, match="2 labels"):
        NLIJudge(str(folder))


@pytest.mark.parametrize(("id2label", "expected"), [
    ({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, DEFAULT_LABELS),
    ({"0": "neutral", "1": "contradiction", "2": "entailment"},
     ("neutral", "contradiction", "entailment")),
])
def test_label_mapping(id2label, expected):
    assert nli_labels(id2label) == expected


def test_unknown_labels_are_refused():
    with pytest.raises(ModelError):
        nli_labels({0: "cats", 1: "dogs", 2: "birds"})
