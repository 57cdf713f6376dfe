"""The whole pipeline on the five seed articles: what must be found and what must not."""

from __future__ import annotations

import pytest

from claimcheck import CheckConfig, check
from tests.conftest import CORPUS, MULTILINGUAL

SIDEBAR = ("Saham DIGI", "Piala AFF", "Mobil Nissan", "Ninja perjalanan", "Baca Juga")


@pytest.fixture(scope="module")
def report():
    return check([CORPUS], CheckConfig(embedder="lexical"))


def _pairs(report, kind=None):
    return [(c.a.sentence.text, c.b.sentence.text, c) for c in report.conflicts
            if kind is None or c.kind == kind]


def _has(report, first: str, second: str, kind: str | None = None):
    for a, b, conflict in _pairs(report, kind):
        if (first in a and second in b) or (first in b and second in a):
            return conflict
    return None


def test_3000_additional_troops_vs_650_is_a_numeric_conflict(report):
    conflict = _has(report, "sekitar 3.000 tentara tambahan", "sekitar 650 tentara", "numeric")
    assert conflict is not None
    assert "3,000" in conflict.explanation or "3000" in conflict.explanation
    assert "650" in conflict.explanation
    assert {v.value for v in conflict.a_values + conflict.b_values} >= {3000, 650}


def test_3000_vs_an_undetermined_number_is_an_unspecified_conflict(report):
    assert _has(report, "sekitar 3.000 tentara tambahan",
                "jumlah pasukan tambahan tidak ditentukan", "unspecified") is not None


def test_uk_troops_are_not_compared_with_us_troops(report):
    assert _has(report, "Inggris mengatakan akan mengerahkan sekitar 600",
                "sekitar 650 tentara", "numeric") is None


def test_a_20_year_mission_does_not_conflict_with_the_last_20_years(report):
    assert _has(report, "misi 20 tahun", "20 tahun terakhir") is None


def test_no_conflict_involves_page_furniture(report):
    for a, b, _ in _pairs(report):
        for furniture in SIDEBAR:
            assert furniture not in a and furniture not in b


def test_conflicts_join_different_outlets_with_a_score_and_explanation(report):
    assert report.conflicts
    for conflict in report.conflicts:
        assert conflict.a.outlet != conflict.b.outlet
        assert 0.0 <= conflict.score <= 1.0
        assert conflict.explanation and "\n" not in conflict.explanation
        assert conflict.kind in ("numeric", "unspecified", "date", "statement")


def test_topics_group_sentences_across_outlets(report):
    assert report.topics
    multi_outlet = [t for t in report.topics
                    if len({report.claims[i].outlet for i in t.members}) > 1]
    assert multi_outlet
    for topic in report.topics:
        assert topic.label and len(topic.members) >= 2


def test_english_and_german_reports_are_checked_across_languages():
    report = check([MULTILINGUAL], CheckConfig(embedder="lexical"))
    assert _has(report, "about 3,000 additional troops", "roughly 5,000 additional troops",
                "numeric") is not None
    # Britain's 600 and "about 600" agree; the UK's 600 never meets the US 650.
    assert _has(report, "deploy about 600 troops", "deploy 600 soldiers") is None
    assert _has(report, "600", "about 650 troops", "numeric") is None
    languages = {seg.language for seg in report.documents}
    assert languages == {"en", "de"}
    # "12 of the country's 34 provincial capitals" vs "18 der 34 Provinzhauptstädte": one
    # thing counted in two languages, two tallies.
    capitals = _has(report, "12 of the country's 34 provincial capitals",
                    "18 der 34 Provinzhauptstädte", "numeric")
    assert capitals is not None and {v.value for v in capitals.a_values + capitals.b_values} \
        == {12, 18}


def test_the_embassy_and_russian_staff_statements_are_reported(report):
    assert _has(report, "tidak ada jaminan bahwa kedutaan akan tetap buka",
                "Kedutaan kami tetap buka", "statement") is not None
    assert _has(report, "tidak berencana untuk mengevakuasi",
                "menarik sekitar 100 pegawai", "statement") is not None
    # "Not closed" and "stays open" say the same thing.
    assert _has(report, "kedutaan tidak ditutup", "Kedutaan kami tetap buka") is None


def test_events_in_different_places_do_not_contradict(report):
    # A Taliban victory in Kandahar and a Taliban attack repelled in Panjshir share only
    # the actor: two events, not one event told two ways.
    assert _has(report, "kemenangan militer terbesar Taliban", "telah digagalkan") is None
    assert _has(report, "leluasa menguasai negara", "telah digagalkan") is None


def test_thursday_vs_friday_is_a_low_scored_date_conflict(report):
    conflict = _has(report, "menguasai dua kota terbesar Afghanistan pada hari Kamis",
                    "Pernyataan itu diungkapkan salah satu pejabat", "date")
    assert conflict is not None and conflict.score <= 0.45
    assert "different moments" in conflict.explanation
    assert [c for c in report.conflicts if c.kind == "date"] == [conflict]
