"""The statement judge on the seed articles' sentences and on English and German pairs."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.config import CheckConfig
from claimcheck.extract.dates import extract_dates
from claimcheck.judges import JUDGES, Judge
from claimcheck.judges.lexicon import load_lexicon
from claimcheck.judges.statement import StatementJudge
from claimcheck.models import Claim, PairContext, Sentence

# Sentences as they stand in corpus/000..003.
NO_GUARANTEE = ("Seseorang yang mengetahui masalah ini mengatakan tidak ada jaminan bahwa "
                "kedutaan akan tetap buka.")
STAYS_OPEN = ('"Kedutaan kami tetap buka dan misi diplomatik kami akan bertahan," kata Price '
              "pada konferensi pers.")
NOT_CLOSED = ('"Kami berharap untuk menarik kehadiran diplomatik inti di Afghanistan dalam '
              'beberapa minggu mendatang," kata juru bicara Departemen Luar Negeri Ned Price, '
              "menambahkan kedutaan tidak ditutup.")
NO_EVACUATION = ("Seorang juru bicara Kedutaan Besar Rusia di Penerimaan disebutkan Moskow tidak "
                 "berencana untuk mengevakuasi misi diplomatik.")
WITHDRAW_100 = ("Kabulov menyatakan pada stasiun radio Ekho Moskvy pada Senin bahwa Rusia juga "
                "akan menarik sekitar 100 pegawai kedutaannya.")


def claim(text: str, language: str = "id", published: date | None = None) -> Claim:
    return Claim(Sentence("doc", 0, text, language), outlet="outlet", published=published)


def judged(a: str, b: str, language: str = "id", a_date: date | None = None,
           b_date: date | None = None):
    return StatementJudge().judge(claim(a, language, a_date), claim(b, language, b_date),
                                  PairContext(topic=3))


def test_registered_and_a_judge():
    judge = JUDGES["statement"](CheckConfig())
    assert isinstance(judge, Judge)
    assert judge.name == "statement"


def test_no_guarantee_vs_stays_open_is_a_certainty_conflict():
    conflict = judged(NO_GUARANTEE, STAYS_OPEN)
    assert conflict is not None
    assert (conflict.kind, conflict.detail, conflict.judge) == ("statement", "certainty",
                                                                "statement")
    assert "tidak ada jaminan" in conflict.explanation
    assert conflict.topic == 3
    flat = judged("The embassy remains open.", "The embassy has been closed.", "en")
    assert conflict.score < flat.score


def test_not_closed_agrees_with_stays_open():
    assert judged(NOT_CLOSED, STAYS_OPEN) is None
    assert judged(STAYS_OPEN, NOT_CLOSED) is None
    verdict = StatementJudge().verdict(claim(NOT_CLOSED), claim(STAYS_OPEN), PairContext())
    assert verdict.relation == "agreement"


def test_no_evacuation_vs_withdrawing_staff_is_reported():
    conflict = judged(NO_EVACUATION, WITHDRAW_100)
    assert conflict is not None and conflict.detail in ("negation", "antonym")
    assert "mengevakuasi" in conflict.explanation and "menarik" in conflict.explanation


def test_different_publication_dates_make_it_changed():
    conflict = judged(NO_EVACUATION, WITHDRAW_100, a_date=date(2021, 7, 5),
                      b_date=date(2021, 8, 16))
    assert conflict.detail == "changed"
    assert "2021-07-05" in conflict.explanation and "2021-08-16" in conflict.explanation


@pytest.mark.parametrize(("a", "b", "language"), [
    ("The embassy remains open.", "The embassy has been closed.", "en"),
    ("Die Botschaft bleibt geöffnet.", "Die Botschaft wurde geschlossen.", "de"),
    ("Harga minyak naik tajam pada hari Senin.", "Harga minyak turun tajam pada hari Senin.",
     "id"),
    ("The Kremlin confirmed the report.", "The Kremlin denied the report.", "en"),
    ("Kedutaan tidak pernah tidak dibuka.", "Kedutaan ditutup.", "id"),
    # A light verb with a nominalisation negates the same act.
    ("iOS 11 telah menambahkan fitur scanner ke Notes.",
     "iOS 11 tidak melakukan penambahan fitur scanner ke Notes.", "id"),
    ("Pemilih diwajibkan menggunakan masker di TPS.", "Pemilih tidak diwajibkan menggunakan "
     "masker di TPS.", "id"),
])
def test_opposite_statements_conflict(a, b, language):
    conflict = judged(a, b, language)
    assert conflict is not None and conflict.detail in ("antonym", "negation")


@pytest.mark.parametrize(("a", "b", "language"), [
    ("The embassy was not closed.", "The embassy remains open.", "en"),
    ("Die Botschaft wurde nicht geschlossen.", "Die Botschaft bleibt geöffnet.", "de"),
    ("The embassy remains open.", "The minister did not attend the summit.", "en"),
    ("Kedutaan tetap buka.", "Menteri tidak menghadiri pertemuan puncak itu.", "id"),
    ("Harga minyak naik tajam pada hari Senin.", "Pemerintah tidak menaikkan pajak.", "id"),
    # "not only X but also Y" affirms X.
    ("Taliban tidak hanya merebut Kandahar tetapi juga Herat.", "Taliban merebut Kandahar.",
     "id"),
    # Same word negated, but with a new word in its scope: the new word may be what is denied.
    ("Video penjual siomay itu viral di media sosial.",
     "Video penjual siomay itu tidak viral di media cetak.", "id"),
    # "No candidate won" agrees with "every candidate lost".
    ("Semua calon petahana di tiga kabupaten itu kalah.",
     "Tidak ada calon petahana di tiga kabupaten itu yang menang.", "id"),
    ("No incumbent in the three districts won.", "Every incumbent in the three districts lost.",
     "en"),
    # "only at the end of its life" is consistent with "not at the start".
    ("Pohon itu hanya berbunga sekali di akhir hidupnya.",
     "Pada awal hidupnya, pohon itu tidak berbunga.", "id"),
    # Compared adjectives carry no polarity of their own.
    ("Kota itu lebih besar dari Herat.", "Kota itu kecil.", "id"),
])
def test_same_meaning_or_unrelated_is_not_flagged(a, b, language):
    assert judged(a, b, language) is None


def test_spelling_variants_are_one_person_and_surfaced():
    conflict = judged("Samir Kabulov mengatakan Rusia tidak akan menarik staf kedutaan.",
                      "Zamir Kabulov mengatakan Rusia akan menarik staf kedutaan.")
    assert conflict is not None and conflict.detail == "negation"
    assert '"Samir Kabulov" (A) and "Zamir Kabulov" (B)' in conflict.explanation


def test_two_parties_contradicting_each_other_is_disputed():
    conflict = judged("Serangan besar Taliban di distrik Shotul telah digagalkan, kata juru "
                      "bicara kelompok anti-Taliban.",
                      "Taliban berhasil merebut distrik Shotul, kata juru bicara Taliban.")
    assert conflict is not None and conflict.detail == "disputed"
    assert "two parties" in conflict.explanation


def test_hedged_english_is_certainty():
    conflict = judged("The embassy may close next week.", "The embassy remains open.", "en")
    assert conflict.detail == "certainty"


def test_lexicon_is_extensible():
    a, b = claim("Pabrik itu beroperasi."), claim("Pabrik itu ditutup.")
    assert StatementJudge().judge(a, b, PairContext()) is None
    lexicon = load_lexicon({"id": {"concepts": {"open": {"+": ["beroperasi"]}}}})
    conflict = StatementJudge(lexicon).judge(a, b, PairContext())
    assert conflict is not None and conflict.detail == "antonym"


@pytest.mark.parametrize(("firm", "hedged", "language"), [
    # The hedge reaches the complement clause behind a comma or a "whether".
    ("Die Botschaft bleibt geöffnet.", "Es gibt keine Garantie, dass die Botschaft geöffnet "
     "bleibt.", "de"),
    ("Die Botschaft bleibt geöffnet.", "Unklar ist, ob die Botschaft geöffnet bleibt.", "de"),
    ("The embassy will stay open.", "It is unclear whether the embassy will stay open.", "en"),
    ("Kedutaan tetap buka.", "Belum jelas apakah kedutaan akan tetap buka.", "id"),
])
def test_a_hedge_covers_its_complement_clause(firm, hedged, language):
    conflict = judged(firm, hedged, language)
    assert conflict is not None and conflict.detail == "certainty"


def test_a_hedge_does_not_reach_a_clause_that_is_not_its_complement():
    # "Unklar" hedges the cause; the embassy staying open is stated firmly.
    assert judged("Die Botschaft bleibt geöffnet.",
                  "Die Ursache ist unklar, die Botschaft bleibt geöffnet.", "de") is None


@pytest.mark.parametrize(("a", "b", "language"), [
    ("Officials said the bridge was safe.", "Engineers warned the bridge was unsafe.", "en"),
    ("The suspect was released on Monday.", "The suspect remains in custody.", "en"),
    ("The vote was postponed.", "The vote went ahead as planned.", "en"),
    ("Situasi di perbatasan aman.", "Situasi di perbatasan berbahaya.", "id"),
    ("Tersangka dibebaskan pada Senin.", "Tersangka masih mendekam di penjara.", "id"),
    ("Die Lage ist sicher.", "Die Lage ist gefährlich.", "de"),
])
def test_news_antonyms_safety_custody_and_going_ahead(a, b, language):
    conflict = judged(a, b, language)
    assert conflict is not None and conflict.detail == "antonym"


def test_a_different_subject_keeps_antonyms_apart():
    assert judged("The troops were sent to secure the airport.",
                  "The airport is dangerous, officials said.", "en") is None
    assert judged("The bridge is safe.", "The tunnel is dangerous.", "en") is None


@pytest.mark.parametrize(("both", "one"), [
    # A sentence telling a change is not contradicted by a partner that tells one moment.
    ("The airport reopened on Tuesday after it was closed on Monday.",
     "The airport was closed on Monday."),
    ("Prices rose in March after falling in February.", "Prices fell in February."),
    ("The talks will resume on Monday after being postponed last week.",
     "The talks were postponed last week."),
])
def test_one_moment_of_a_told_change_is_not_a_contradiction(both, one):
    assert judged(both, one, "en") is None
    assert judged(one, both, "en") is None


def test_swapped_poles_in_two_sentences_still_contradict():
    valid_first = ("Dari angka itu 1.049.334 suara dinyatakan sah, sedangkan suara tidak sah "
                   "berjumlah 49.135.")
    swapped = ("Dari angka itu 1.049.334 suara dinyatakan tidak sah, sedangkan suara sah "
               "berjumlah 49.135.")
    assert judged(valid_first, swapped) is not None


def test_opposite_moves_on_different_days_are_two_moments():
    friday = date(2024, 3, 8)
    rose = Claim(Sentence("a", 0, "Stocks rose 2% on Friday.", "en"), "a", friday,
                 dates=extract_dates("Stocks rose 2% on Friday.", "en", friday))
    fell = Claim(Sentence("b", 0, "Stocks fell 3% on Thursday.", "en"), "b", friday,
                 dates=extract_dates("Stocks fell 3% on Thursday.", "en", friday))
    assert StatementJudge().judge(rose, fell, PairContext()) is None
    same_day = Claim(Sentence("b", 0, "Stocks fell on Friday.", "en"), "b", friday,
                     dates=extract_dates("Stocks fell on Friday.", "en", friday))
    assert StatementJudge().judge(rose, same_day, PairContext()) is not None


@pytest.mark.parametrize(("denial", "assertion", "language"), [
    ("Officials denied that the airport had been closed.", "The airport was closed.", "en"),
    ("The minister denied the embassy was closed.", "The embassy was closed.", "en"),
    ("Pemerintah membantah bahwa bandara ditutup.", "Bandara ditutup.", "id"),
    ("Pemerintah membantah kabar bahwa bandara ditutup.", "Bandara itu ditutup pemerintah.",
     "id"),
    ("Die Regierung bestritt, dass der Flughafen geschlossen wurde.",
     "Der Flughafen wurde geschlossen.", "de"),
])
def test_a_denied_complement_contradicts_its_assertion(denial, assertion, language):
    conflict = judged(denial, assertion, language)
    assert conflict is not None and conflict.detail == "negation"


@pytest.mark.parametrize(("denial", "agreeing", "language"), [
    ("The company denied reports it would close the plant.",
     "The company will keep the plant open.", "en"),
    ("Officials denied that the airport had been closed.", "The airport remained open.", "en"),
    ("Pemerintah membantah bahwa bandara ditutup.", "Bandara tetap dibuka.", "id"),
])
def test_denying_a_closure_agrees_with_staying_open(denial, agreeing, language):
    assert judged(denial, agreeing, language) is None


def test_denying_a_request_is_not_denying_a_clause():
    # "denied the appeal" negates the appeal only: no clause follows it.
    conflict = judged("The court denied the appeal on Monday.",
                      "The court granted the appeal on Monday.", "en")
    assert conflict is not None


def test_a_word_of_continuation_is_no_subject_two_statements_share():
    # "terus" (keeps on) says how long, not of what: refugees rising and drizzle falling
    # are no rise and fall of one thing.
    assert judged("Sementara itu, jumlah pengungsi terus bertambah.",
                  "Dua alat berat dikerahkan, tetapi proses evakuasi terhambat tanah yang masih "
                  "labil dan gerimis yang terus turun.",
                  a_date=date(2024, 3, 6), b_date=date(2024, 3, 4)) is None
