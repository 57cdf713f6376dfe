"""The date judge: one event, two days; precision first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from corpus_claims import claim, corpus_claim, corpus_sentence

from claimcheck.config import CheckConfig
from claimcheck.judges import JUDGES
from claimcheck.judges.dates import DateJudge
from claimcheck.models import PairContext

HIGH = PairContext(similarity=0.3, percentile=0.9)


def test_registered():
    assert isinstance(JUDGES["date"](CheckConfig()), DateJudge)


def test_thursday_claim_vs_friday_statement_flagged_low():
    a = corpus_claim("000", "pada hari Kamis. Dua")
    # "Pernyataan itu ... pada hari Jumat" dates the capture told in the sentence before.
    b = replace(corpus_claim("001", "pada hari Jumat"),
                antecedent=corpus_sentence("001", "Taliban akhirnya merebut"))
    assert DateJudge().judge(a, replace(b, antecedent=None), HIGH) is None
    conflict = DateJudge().judge(a, b, HIGH)
    assert conflict is not None and conflict.kind == "date"
    assert conflict.score <= 0.4
    assert "different moments" in conflict.explanation
    assert "Thursday" in conflict.explanation and "Friday" in conflict.explanation


def test_same_pair_with_low_similarity_not_flagged():
    a = corpus_claim("000", "pada hari Kamis. Dua")
    b = corpus_claim("001", "pada hari Jumat")
    assert DateJudge().judge(a, b, PairContext(percentile=0.3)) is None


def test_same_weekday_not_flagged():
    a = corpus_claim("000", "berbicara dengan Presiden Afghanistan Ashraf Ghani pada hari Kamis")
    b = corpus_claim("001", "mengatakan pada hari Kamis bahwa Amerika Serikat")
    assert DateJudge().judge(a, b, HIGH) is None


def test_unrelated_events_not_flagged():
    a = corpus_claim("003", "pada Senin (16/8/2021)")
    b = corpus_claim("004", "1 September 2021")
    assert DateJudge().judge(a, b, HIGH) is None


def test_resolved_dates_differ():
    a = claim("Taliban fighters captured the city of Kandahar on Thursday, officials said.", "en",
              published=date(2021, 8, 13))
    b = claim("Taliban fighters captured the city of Kandahar on Friday, officials said.", "en",
              published=date(2021, 8, 14))
    conflict = DateJudge().judge(a, b, HIGH)
    assert conflict is not None and "2021-08-12" in conflict.explanation


def test_same_day_written_two_ways_agrees():
    a = claim("Taliban fighters captured the city of Kandahar on Thursday, officials said.", "en",
              published=date(2021, 8, 13))
    b = claim("Taliban-Kämpfer eroberten die Stadt Kandahar am 12. August 2021.", "de")
    assert DateJudge().judge(a, b, HIGH) is None


def test_german_pair_flagged():
    a = claim("Die Taliban eroberten die Stadt Kandahar am Donnerstag, sagten Beamte.", "de")
    b = claim("Die Taliban eroberten die Stadt Kandahar am Freitag, sagten Beamte.", "de")
    assert DateJudge().judge(a, b, HIGH) is not None


def test_sharing_only_places_and_names_is_not_one_event():
    # The embassy closing and the troops being sent share "Kabul" and "embassy" but
    # no event: two things that happened on two days.
    closed = claim("The US embassy in Kabul has been closed, two officials told the "
                   "newspaper on Friday.", "en", "a", "a", date(2021, 8, 13))
    troops = claim("The Pentagon said on Thursday it would send troops to Kabul airport to "
                   "help evacuate embassy staff.", "en", "b", "b", date(2021, 8, 13))
    assert DateJudge().judge(closed, troops, HIGH) is None
    # The same event in common words is still one event.
    seized = claim("The Taliban seized the city of Kandahar on Thursday, officials said.",
                   "en", "a", "a", date(2021, 8, 13))
    captured = claim("Officials said the Taliban seized the city of Kandahar on Friday.",
                     "en", "b", "b", date(2021, 8, 13))
    assert DateJudge().judge(seized, captured, HIGH) is not None


LOW = PairContext()


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("Yayasan Bina Warga didirikan pada tahun 1992 di Bandung.",
     "Yayasan Bina Warga berdiri pada tahun 1998 di Bandung.", "id"),
    ("Penyanyi Rina Marlina lahir di Medan, 4 Mei 1990.",
     "Penyanyi Rina Marlina lahir pada 4 Mei 1991.", "id"),
    # A month without a year is compared by its month.
    ("Aktris Dewi Anggraini menikah pada 12 Agustus 2015 di Bali.",
     "Dewi Anggraini melangsungkan pernikahan pada bulan Juni.", "id"),
    ("The charity Green Harbor was founded in 1992 in Leeds.",
     "The charity Green Harbor was established in 1998.", "en"),
    ("Die Stiftung Grüner Hafen wurde im Jahr 1992 gegründet.",
     "Die Stiftung Grüner Hafen wurde im Jahr 1998 gegründet.", "de"),
])
def test_a_one_time_event_dated_twice_is_flagged_however_far_apart(a, b, lang):
    conflict = DateJudge().judge(claim(a, lang), claim(b, lang), LOW)
    assert conflict is not None and conflict.detail == "one-time event"
    assert "happens once" in conflict.explanation


@pytest.mark.parametrize(("a", "b", "lang"), [
    # A year and a day within it agree.
    ("Yayasan Bina Warga didirikan pada tahun 1992 di Bandung.",
     "Yayasan Bina Warga didirikan pada 3 Maret 1992 di Bandung.", "id"),
    ("Dewi Anggraini menikah pada 12 Agustus 2015 di Bali.",
     "Dewi Anggraini melangsungkan pernikahan pada bulan Agustus.", "id"),
    # Two founders, two foundings.
    ("Bank Sentral Maju, yang didirikan pada tahun 1990, membeli Bank Sejahtera.",
     "Bank Sejahtera didirikan pada tahun 1970 di Surabaya.", "id"),
    # Two children, each born once.
    ("Anak kedua Budi Santoso lahir pada tahun 2012 di Jakarta.",
     "Anak ketiga Budi Santoso lahir pada tahun 2015 di Jakarta.", "id"),
    # A birth rate counts many births.
    ("Angka kelahiran di Indonesia pada tahun 2020 turun.",
     "Angka kelahiran di Indonesia pada tahun 2019 turun.", "id"),
    ("The birth rate in Japan fell in 2020.", "The birth rate in Japan fell in 2019.", "en"),
    # A school opens once, but "opened a school" is not its founding: not read.
    ("Green Harbor, founded in 1992, opened a school in 2005.",
     "Green Harbor opened a school in 2007.", "en"),
    # Events that recur: a year of growth, a month of inflation.
    ("Ekonomi Indonesia tumbuh 5 persen pada tahun 2019.",
     "Ekonomi Indonesia tumbuh 5 persen pada tahun 2020.", "id"),
    ("Inflasi pada Mei 2020 mencapai 2 persen di Jakarta.",
     "Inflasi pada Juni 2020 mencapai 2 persen di Jakarta.", "id"),
])
def test_other_date_differences_are_not_one_time_events(a, b, lang):
    assert DateJudge().judge(claim(a, lang), claim(b, lang), HIGH) is None


def test_a_date_its_weekday_contradicts_beside_one_it_confirms_is_a_misprint():
    # 13 June 2021 was a Sunday, 13 August a Friday: months apart, but one of them is wrong.
    a = claim("Gudang pabrik itu akan ditutup hingga Jumat (13/6) sore, kata pengelola.",
              published=date(2021, 8, 11))
    b = claim("Pengelola menyebut gudang pabrik ditutup hingga Jumat (13/8/2021).",
              published=date(2021, 8, 12))
    conflict = DateJudge().judge(a, b, HIGH)
    assert conflict is not None and conflict.detail == "misprinted"
    assert "2021-06-13 is no Friday" in conflict.explanation
    # Two Fridays the 13th, both on their weekday: two dates, not a misprint.
    c = claim("Pengelola menyebut gudang pabrik ditutup hingga Jumat (13/11/2020).",
              published=date(2021, 8, 12))
    assert DateJudge().judge(b, c, HIGH) is None


def test_weekdays_without_a_date_are_no_misprint():
    # Without a publication date a weekday resolves to no day: nothing to compare.
    a = claim("Gudang pabrik itu ditutup pada hari Jumat, kata pengelola.",
              published=date(2021, 8, 16))
    b = claim("Pengelola menyebut gudang pabrik ditutup pada hari Jumat.")
    assert DateJudge().judge(a, b, HIGH) is None
