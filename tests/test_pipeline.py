"""The orchestrator: a notebook's calls do everything the commands do, with one configuration."""

from __future__ import annotations

from claimcheck import pipeline
from claimcheck.config import CheckConfig
from claimcheck.judges import default_judges
from claimcheck.models import Claim, PairContext, Sentence
from claimcheck.store.store import Store
from tests.conftest import CORPUS

LEXICAL = CheckConfig(embedder="lexical")


def test_outlets_are_renamed_as_the_configuration_says():
    report = pipeline.check([CORPUS], LEXICAL.override(outlets={"telusur.co.id": "Telusur"}))
    outlets = {segmented.document.outlet for segmented in report.documents}
    assert "Telusur" in outlets and "telusur.co.id" not in outlets


def test_check_against_a_store_keeps_only_the_new_batch_s_conflicts(tmp_path):
    articles = sorted(CORPUS.glob("*.txt"))
    with Store(tmp_path / "store.db") as store:
        stored = pipeline.index(pipeline.read_articles(articles[:3], LEXICAL).documents, store,
                                LEXICAL)
    assert stored.added == 3
    report = pipeline.check(articles[3:], LEXICAL, against=tmp_path / "store.db")
    new = {path.stem.split("_")[0] for path in articles[3:]}
    assert report.conflicts
    for conflict in report.conflicts:
        assert {conflict.a.sentence.doc[:3], conflict.b.sentence.doc[:3]} & new


def test_the_statement_judge_takes_the_configured_lexicon():
    def claim(text: str) -> Claim:
        return Claim(Sentence("d", 0, text, "id"), "o")

    config = CheckConfig(lexicon={"id": {"concepts": {"open": {"+": ["beroperasi"]}}}})
    [statement] = [judge for judge in default_judges(config) if judge.name == "statement"]
    conflict = statement.judge(claim("Pabrik itu beroperasi."), claim("Pabrik itu ditutup."),
                               PairContext())
    assert conflict is not None and conflict.detail == "antonym"


def test_extract_reads_claims_without_checking():
    extraction = pipeline.extract([CORPUS], LEXICAL)
    assert len(extraction.documents) == 5
    assert any(claim.quantities for claim in extraction.claims)


def test_compare_asks_the_configured_judges():
    [comparison] = pipeline.compare([{"a": "Kedutaan kami tetap buka.",
                                      "b": "Kedutaan tidak ditutup.", "language": "id"}])
    assert comparison.relation == "agreement"
