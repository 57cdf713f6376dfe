"""Stances across outlets: one outlet asserts what another denies, in any language.

Articles are short invented stories about one event (a bus that left the road at
Kelawi Pass), so every pair of outlets shares a story; each test states one principle.
"""

from __future__ import annotations

from datetime import date

from claimcheck import CheckConfig
from claimcheck.claims.stances import read_stances
from claimcheck.models import Document
from claimcheck.pipeline import check_documents

LEXICAL = CheckConfig(embedder="lexical")
DAY = date(2025, 5, 6)
_STORY = {
    "en": "A bus carrying 30 pilgrims left the road at Kelawi Pass on Monday night.",
    "id": "Sebuah bus yang membawa 30 peziarah keluar dari jalan di Tanjakan Kelawi, "
          "Senin malam.",
    "de": "Ein Bus mit 30 Pilgern kam am Montagabend am Kelawi-Pass von der Straße ab.",
}


def _doc(outlet: str, language: str, body: str, published: date | None = DAY) -> Document:
    return Document(id=outlet.lower(), path=f"{outlet}.txt", text=f"{_STORY[language]} {body}",
                    outlet=outlet, language=language, published=published)


def _stance_clash(report, first: str, second: str):
    for conflict in report.conflicts:
        a, b = conflict.a.sentence.text, conflict.b.sentence.text
        if conflict.kind == "statement" and conflict.judge == "claims" and (
                (first in a and second in b) or (first in b and second in a)):
            return conflict
    return None


def test_a_role_holder_detained_by_one_outlet_and_not_by_another_on_the_same_day():
    report = check_documents([
        _doc("Warta", "id", "Polisi telah menahan sopir bus tersebut di Mapolres Kelawi."),
        _doc("Wire", "en", "Police questioned the bus driver but have not detained him."),
        _doc("Zeitung", "de", "Der Fahrer wurde nach Angaben der Polizei festgenommen."),
    ], LEXICAL)
    indonesian = _stance_clash(report, "menahan sopir", "have not detained him")
    german = _stance_clash(report, "Fahrer wurde", "have not detained him")
    assert indonesian is not None and german is not None
    assert indonesian.detail == "negation" and "driver" in indonesian.explanation
    # The two that agree are no conflict.
    assert _stance_clash(report, "menahan sopir", "Fahrer wurde") is None


def test_a_denial_on_an_earlier_day_is_a_development_not_a_contradiction():
    report = check_documents([
        _doc("Wire", "en", "Police have not detained the bus driver.", date(2025, 5, 6)),
        _doc("Warta", "id", "Polisi telah menahan sopir bus tersebut.", date(2025, 5, 8)),
    ], LEXICAL)
    assert _stance_clash(report, "have not detained", "menahan sopir") is None


def test_a_place_closed_by_one_outlet_and_open_by_another_on_the_day_both_name():
    report = check_documents([
        _doc("Warta", "id", "Bandara Kelawi ditutup pada Selasa (6/5/2025) karena asap."),
        _doc("Zeitung", "de", "Der Flughafen Kelawi blieb am Dienstag geöffnet."),
        _doc("Wire", "en", "The airport reopened on Thursday.", date(2025, 5, 8)),
    ], LEXICAL)
    assert _stance_clash(report, "Bandara Kelawi ditutup", "blieb am Dienstag") is not None
    # Reopened two days later: the closure ended, nobody denied it.
    assert _stance_clash(report, "Bandara Kelawi ditutup", "reopened on Thursday") is None


def test_who_speaks_is_not_what_is_said_of():
    # The police chief (and his name) only says what happened to the passengers.
    report = check_documents([
        _doc("Warta", "id", "Kapolres Kelawi AKBP Darmo mengatakan semua penumpang selamat."),
        _doc("Wire", "en", "The police chief of Kelawi died in hospital on Tuesday."),
    ], LEXICAL)
    assert _stance_clash(report, "semua penumpang selamat", "police chief") is None


def test_a_denial_that_covers_everyone_meets_an_arrest_of_a_role_holder():
    report = check_documents([
        _doc("Warta", "id", "Polisi belum menahan siapa pun terkait kecelakaan itu."),
        _doc("Zeitung", "de", "Die Polizei hat den Fahrer des Busses festgenommen."),
    ], LEXICAL)
    assert _stance_clash(report, "belum menahan siapa pun", "Fahrer des Busses") is not None


def test_a_name_the_article_gave_a_role_and_a_pronoun_after_it_speak_of_the_holder():
    report = check_documents([
        _doc("Warta", "id", "Sopir bus, Wayan Sudarta, selamat dari kecelakaan itu. "
                            "Sudarta langsung ditahan di Mapolres Kelawi."),
        _doc("Zeitung", "de", "Der Fahrer des Busses wurde verletzt. "
                              "Er sei festgenommen worden, sagte ein Polizeisprecher."),
        _doc("Wire", "en", "The bus driver has not been detained, police said."),
    ], LEXICAL)
    assert _stance_clash(report, "Sudarta langsung ditahan", "has not been detained") is not None
    assert _stance_clash(report, "Er sei festgenommen", "has not been detained") is not None


def test_what_is_planned_or_conditional_asserts_nothing_yet():
    report = check_documents([
        _doc("Wire", "en", "The bus driver will be detained if the tests show he was drunk."),
        _doc("Warta", "id", "Polisi belum menahan sopir bus tersebut."),
    ], LEXICAL)
    assert _stance_clash(report, "will be detained", "belum menahan") is None


def test_a_sentence_that_reads_both_ways_is_no_single_stance():
    report = check_documents([
        _doc("Wire", "en", "The bus driver was detained on Tuesday morning and released "
                           "on bail in the evening."),
        _doc("Zeitung", "de", "Der Fahrer wurde am Dienstag festgenommen."),
    ], LEXICAL)
    assert _stance_clash(report, "released", "Der Fahrer wurde") is None


def test_a_place_closed_in_the_morning_and_open_in_the_afternoon_is_no_contradiction():
    report = check_documents([
        _doc("Wire", "en", "The airport remained closed on Tuesday morning."),
        _doc("Zeitung", "de", "Der Flughafen ist seit Dienstagnachmittag wieder geöffnet."),
        _doc("Warta", "id", "Bandara dibuka kembali pada Selasa pagi."),
    ], LEXICAL)
    assert _stance_clash(report, "Tuesday morning", "Dienstagnachmittag") is None
    assert _stance_clash(report, "Tuesday morning", "Selasa pagi") is not None


def test_a_pronoun_speaks_of_the_role_holder_not_of_the_spokesman_between():
    report = check_documents([
        _doc("Wire", "en", "The bus driver, Wayan Sudarta, survived the crash. "
                           "Sudarta was questioned for hours, said Adi Kurniawan, a police "
                           "spokesman. \"He is not in custody,\" Kurniawan said."),
        _doc("Warta", "id", "Sopir bus itu telah ditahan di Mapolres Kelawi."),
    ], LEXICAL)
    conflict = _stance_clash(report, "He is not in custody", "telah ditahan")
    assert conflict is not None and "driver" in conflict.explanation
    # The spokesman speaks of the driver: nothing is said of the spokesman.
    about = {stance.subject for stance in read_stances(report.claims)
             if "not in custody" in report.claims[stance.claim].sentence.text}
    assert about == {"driver"}


def test_a_sentence_about_many_roles_at_once_is_no_stance_of_one_holder():
    report = check_documents([
        _doc("Wire", "en", "Across the country, dozens of governors, mayors and district heads "
                           "have been jailed for graft."),
        _doc("Warta", "id", "Gubernur tidak ditahan, kata polisi."),
    ], LEXICAL)
    assert _stance_clash(report, "have been jailed", "tidak ditahan") is None
