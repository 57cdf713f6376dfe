"""Where a story happened, across outlets: one place put in two regencies or provinces.

Invented places (Karangwetan regency, Sukamaju village, Lerengan) in invented stories;
each test states one principle.
"""

from __future__ import annotations

from datetime import date

from claimcheck import CheckConfig
from claimcheck.claims.locations import read_placements
from claimcheck.models import Document
from claimcheck.pipeline import check_documents

LEXICAL = CheckConfig(embedder="lexical")
DAY = date(2025, 2, 3)
_STORY = {
    "en": "A landslide buried houses in Sukamaju village on Sunday night.",
    "id": "Tanah longsor menimbun rumah warga di Desa Sukamaju, Minggu malam.",
    "de": "Ein Erdrutsch hat in der Nacht zum Montag Häuser im Dorf Sukamaju verschüttet.",
}


def _doc(outlet: str, language: str, body: str) -> Document:
    return Document(id=outlet.lower(), path=f"{outlet}.txt", text=f"{_STORY[language]} {body}",
                    outlet=outlet, language=language, published=DAY)


def _placed_apart(report, first: str, second: str):
    for conflict in report.conflicts:
        a, b = conflict.a.sentence.text, conflict.b.sentence.text
        if conflict.detail == "location" and (
                (first in a and second in b) or (first in b and second in a)):
            return conflict
    return None


def test_one_regency_put_in_two_provinces_in_any_language():
    report = check_documents([
        _doc("Harian", "id", "Longsor terjadi di Kecamatan Lerengan, Kabupaten Karangwetan, "
                             "Jawa Tengah."),
        _doc("Wire", "en", "The landslide struck the Karangwetan regency of Central Java."),
        _doc("Post", "en", "Sukamaju lies in Indonesia's Central Java province, in Karangwetan "
                           "regency."),
        _doc("Zeitung", "de", "Das Dorf liegt im Bezirk Karangwetan in der Provinz Ostjava."),
    ], LEXICAL)
    conflict = _placed_apart(report, "Provinz Ostjava", "Kabupaten Karangwetan")
    assert conflict is not None and conflict.kind == "statement"
    assert "Karangwetan" in conflict.explanation
    assert _placed_apart(report, "Provinz Ostjava", "regency of Central Java") is not None
    # "Jawa Tengah", "Central Java" and "Indonesia's Central Java province" are one province.
    assert _placed_apart(report, "Jawa Tengah", "regency of Central Java") is None
    assert _placed_apart(report, "Jawa Tengah", "Central Java province") is None


def test_one_village_put_in_two_regencies():
    report = check_documents([
        _doc("Harian", "id", "Korban tinggal di Desa Sukamaju, Kecamatan Lerengan, Kabupaten "
                             "Karangwetan."),
        _doc("Wire", "en", "The victims lived in Sukamaju village in Wonokerto district."),
    ], LEXICAL)
    assert _placed_apart(report, "Kabupaten Karangwetan", "Wonokerto district") is not None


def test_a_sentence_naming_two_units_of_a_level_puts_nothing_anywhere():
    text = "Aid was trucked from Karangwetan regency to Wonokerto regency."
    report = check_documents([_doc("Wire", "en", text)], LEXICAL)
    assert not [p for p in read_placements(report.claims)
                if p.level == "regency" and text in report.claims[p.claim].sentence.text]


def test_a_unit_another_outlet_puts_inside_the_other_is_no_conflict():
    # One outlet names the village's subdistrict-level town as its regency; another outlet
    # says that town lies in the regency: both can be right.
    report = check_documents([
        _doc("Harian", "id", "Desa Sukamaju masuk wilayah Kota Lerengan."),
        _doc("Wire", "en", "Sukamaju village lies in Karangwetan regency."),
        _doc("Post", "en", "Lerengan village is the seat of Karangwetan regency."),
    ], LEXICAL)
    assert _placed_apart(report, "Kota Lerengan", "Karangwetan regency") is None


def test_a_numbered_gate_most_outlets_agree_on_written_with_another_digit():
    report = check_documents([
        _doc("Harian", "id", "Warga berdesakan di Pintu 4 saat air naik."),
        _doc("Wire", "en", "Residents crowded at Gate 4 of the shelter as the water rose."),
        _doc("Post", "en", "The crush happened outside Gate 4 of the shelter."),
        _doc("Zeitung", "de", "Die Menschen drängten sich am Tor 7 der Notunterkunft."),
    ], LEXICAL)
    conflict = _placed_apart(report, "Tor 7", "Gate 4 of the shelter as")
    assert conflict is not None and "7" in conflict.explanation


def test_an_outlet_naming_two_gates_tells_two_gates():
    report = check_documents([
        _doc("Harian", "id", "Warga berdesakan di Pintu 4 saat air naik."),
        _doc("Wire", "en", "Residents crowded at Gate 4 of the shelter as the water rose."),
        _doc("Zeitung", "de", "Die Menschen drängten sich am Tor 7 und am Tor 4."),
    ], LEXICAL)
    assert not [c for c in report.conflicts if c.detail == "location"]
