"""compare_sentences / compare_pairs: every judge asked, one answer per pair, input order."""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimcheck.errors import InputError
from claimcheck.judges import Judge
from claimcheck.judges.compare import Comparison, compare_pairs, compare_sentences
from claimcheck.judges.statement import StatementJudge
from claimcheck.models import Conflict


def test_contradiction_with_every_judge_listed():
    result = compare_sentences("The embassy remains open.", "The embassy has been closed.")
    assert isinstance(result, Comparison)
    assert (result.relation, result.kind, result.detail) == ("contradiction", "statement",
                                                             "antonym")
    assert result.language == "en"
    names = [verdict.judge for verdict in result.judges]
    assert "statement" in names and len(names) == len(set(names))
    record = result.to_dict()
    json.dumps(record)
    assert set(record) >= {"relation", "kind", "score", "explanation", "judges"}
    assert {"name", "relation", "score", "explanation"} <= set(record["judges"][0])


def test_agreement_and_unrelated():
    assert compare_sentences("Kedutaan kami tetap buka.", "Kedutaan tidak ditutup.").relation \
        == "agreement"
    assert compare_sentences("The embassy remains open.",
                             "The minister did not attend the summit.").relation == "unrelated"


def test_dates_turn_a_contradiction_into_changed():
    result = compare_sentences("Moskow tidak berencana untuk mengevakuasi staf kedutaan.",
                               "Rusia akan menarik sekitar 100 staf kedutaannya.",
                               language="id", a_date=date(2021, 8, 13), b_date=date(2021, 8, 16))
    assert result.detail == "changed"
    assert "2021-08-13" in result.explanation and "2021-08-16" in result.explanation


def test_premise_paragraph_uses_its_best_sentence():
    premise = ("Taliban merebut kota Kandahar pada hari Jumat. Kedutaan Amerika tetap buka "
               "menurut juru bicara. Harga minyak naik.")
    result = compare_sentences(premise, "Kedutaan Amerika ditutup.", language="id")
    assert result.matched == "Kedutaan Amerika tetap buka menurut juru bicara."
    assert result.relation == "contradiction"


def test_pairs_keep_input_order_and_accept_iso_dates():
    pairs = [{"a": "The embassy remains open.", "b": "The embassy has been closed."},
             {"a": "Kedutaan kami tetap buka.", "b": "Kedutaan tidak ditutup.", "language": "id"},
             {"a": "Moskow tidak berencana mengevakuasi staf kedutaan.",
              "b": "Rusia akan menarik staf kedutaan.", "a_date": "2021-08-13",
              "b_date": "2021-08-16"}]
    results = compare_pairs(iter(pairs))
    assert [r.relation for r in results] == ["contradiction", "agreement", "contradiction"]
    assert results[2].detail == "changed"


def test_bad_pairs_are_input_errors():
    with pytest.raises(InputError):
        compare_pairs([{"a": "x"}])
    with pytest.raises(InputError):
        compare_pairs([{"a": "x", "b": "y", "a_date": "yesterday"}])
    with pytest.raises(InputError):
        compare_sentences("", "y")


class _AlwaysConflicts(Judge):
    """A judge that writes only ``judge()``: its ``verdict`` comes from the protocol."""

    name = "always"

    def judge(self, a, b, context):
        return Conflict("numeric", 0.99, "made up", a, b, self.name)


def test_custom_judges_and_judges_that_inherit_their_verdict():
    result = compare_sentences("Kedutaan kami tetap buka.", "Kedutaan tidak ditutup.",
                               language="id", judges=[StatementJudge(), _AlwaysConflicts()])
    assert (result.relation, result.kind, result.score) == ("contradiction", "numeric", 0.99)
    assert [v.relation for v in result.judges] == ["agreement", "contradiction"]


def test_sentences_in_two_languages_are_each_read_in_their_own():
    result = compare_sentences(
        "The Taliban now control 12 of the country's 34 provincial capitals.",
        "Die Taliban kontrollieren nach eigenen Angaben inzwischen 18 der 34 "
        "Provinzhauptstädte.")
    assert (result.relation, result.kind, result.language) == ("contradiction", "numeric",
                                                                "en+de")
