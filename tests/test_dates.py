"""extract_dates on corpus forms, with and without a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.dates import extract_dates

PUB = date(2021, 8, 16)  # a Monday

CASES = [
    # text, lang, published, expected [(start, weekday, relative)]
    ("pada Senin (16/8/2021).", "id", None, [(date(2021, 8, 16), 0, False)]),
    ("Jumat (13/8/2021)", "id", None, [(date(2021, 8, 13), 4, False)]),
    ("16/8/2021", "id", None, [(date(2021, 8, 16), None, False)]),
    ("pada Rabu, 1 September 2021.", "id", None, [(date(2021, 9, 1), 2, False)]),
    ("1 September 2021", "id", None, [(date(2021, 9, 1), None, False)]),
    ("pada hari Kamis.", "id", None, [(None, 3, True)]),
    ("pada hari Kamis.", "id", PUB, [(date(2021, 8, 12), 3, True)]),
    ("pada Senin", "id", PUB, [(date(2021, 8, 16), 0, True)]),
    ("pada Kamis lalu", "id", date(2021, 8, 12), [(date(2021, 8, 5), 3, True)]),
    ("Senin malam", "id", date(2021, 7, 6), [(date(2021, 7, 5), 0, True)]),
    ("kemarin", "id", PUB, [(date(2021, 8, 15), None, True)]),
    ("kemarin", "id", None, [(None, None, True)]),
    ("on Thursday", "en", PUB, [(date(2021, 8, 12), 3, True)]),
    ("last Monday", "en", PUB, [(date(2021, 8, 9), 0, True)]),
    ("yesterday", "en", PUB, [(date(2021, 8, 15), None, True)]),
    ("last week", "en", PUB, [(date(2021, 8, 9), None, True)]),
    ("on Aug. 14, 2019", "en", None, [(date(2019, 8, 14), None, False)]),
    ("September 8", "en", PUB, [(date(2021, 9, 8).replace(year=2020), None, True)]),
    ("8/16/2021", "en", None, [(date(2021, 8, 16), None, False)]),
    ("am 12. August 2021", "de", None, [(date(2021, 8, 12), None, False)]),
    ("am Donnerstag", "de", PUB, [(date(2021, 8, 12), 3, True)]),
    ("gestern", "de", PUB, [(date(2021, 8, 15), None, True)]),
    ("letzte Woche", "de", PUB, [(date(2021, 8, 9), None, True)]),
    ("pada Minggu pagi", "id", PUB, [(date(2021, 8, 15), 6, True)]),
    ("minggu lalu", "id", PUB, [(date(2021, 8, 9), None, True)]),
    # A weekday with its day and month alone, the year the one the weekday confirms: the
    # Tuesday after publication, a Friday the year before.
    ("sampai Selasa (17/8) pagi", "id", PUB, [(date(2021, 8, 17), 1, False)]),
    ("pada Kamis (31/12) malam", "id", date(2021, 1, 2), [(date(2020, 12, 31), 3, False)]),
    ("on Friday (8/13)", "en", PUB, [(date(2021, 8, 13), 4, False)]),
    ("pada Jumat (13/8)", "id", None, [(None, 4, True)]),
    # No nearby year puts 13 June on a Friday: a misprint, read as written.
    ("pada Jumat (13/6)", "id", PUB, [(date(2021, 6, 13), 4, False)]),
    ("pada Jumat (43/8)", "id", PUB, [(date(2021, 8, 13), 4, True)]),
]


@pytest.mark.parametrize(("text", "lang", "published", "expected"), CASES)
def test_extract_dates(text, lang, published, expected):
    found = extract_dates(text, lang, published)
    assert [(m.start, m.weekday, m.relative) for m in found] == expected


@pytest.mark.parametrize("text", [
    "Pentagon mengatakan akan mengirim sekitar 3.000 tentara tambahan dalam waktu 48 jam.",
    "selama misi 20 tahun mereka",
    "The Pentagon will send 3,000 troops within 48 hours.",
    "Dia mengatakan kedutaan tetap buka di lokasi tersebut.",
    "He may leave at 10.30.",
])
def test_durations_and_plain_text_are_not_dates(text):
    assert extract_dates(text, "id", PUB) == ()


def test_part_of_day():
    (mention,) = extract_dates("1.037 tentara melarikan diri Senin malam", "id", None)
    assert mention.part_of_day == "night" and mention.weekday == 0 and mention.start is None


@pytest.mark.parametrize(("text", "part"), [
    ("Mereka tiba Kamis (19/8/2021) malam.", "night"),
    ("Mereka tiba Kamis (19/8) pagi.", "morning"),
    ("Mereka tiba Kamis pagi (19/8).", "morning"),
])
def test_a_part_of_the_day_after_a_bracketed_date_is_that_day_s(text, part):
    (mention,) = extract_dates(text, "id", PUB)
    assert mention.part_of_day == part and mention.start == date(2021, 8, 19)
    assert text[mention.span_start:mention.span_end] == mention.text


def test_spans_point_into_text():
    text = "Hal itu diungkapkan pada Senin (16/8/2021)."
    (mention,) = extract_dates(text, "id", None)
    assert text[mention.span_start:mention.span_end] == mention.text == "pada Senin (16/8/2021)"


def test_fast_on_plain_sentences():
    import time

    sentences = ["Taliban menguasai kota Kandahar, kata seorang pejabat pemerintah."] * 2000
    begin = time.perf_counter()
    for sentence in sentences:
        extract_dates(sentence, "id", PUB)
    assert time.perf_counter() - begin < 1.0


def test_letters_that_ignorecase_folds_unlike_lower_still_reach_the_patterns():
    # (?i) matches "ſ" (long s) to "s"; str.lower() leaves it, so the word shortcut steps aside.
    mentions = extract_dates("Dia datang ſenin malam.", "id", PUB)
    assert [(m.weekday, m.start) for m in mentions] == [(0, PUB)]
    assert extract_dates("Dia datang ſeptember 2021.", "id", PUB)[0].start == date(2021, 9, 1)


def test_lusa_is_the_day_after_tomorrow():
    (mention,) = extract_dates("Dia datang lusa.", "id", date(2021, 8, 16))
    assert mention.start == date(2021, 8, 18)


def test_letters_that_case_fold_unlike_lower_do_not_break_reading():
    # (?i) matches "İ" as "i"; casefold() makes it "i" plus a combining dot.
    (mention,) = extract_dates("Dia datang SENİN malam.", "id", date(2021, 8, 18))
    assert (mention.start, mention.part_of_day) == (date(2021, 8, 16), "night")


@pytest.mark.parametrize("language", ["id", "en", "de"])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.lists(st.sampled_from(["Senin", "SENİN", "Mei", "Sept.", "17", "8/2021", "pukul",
                                   "19.30", "lusa", "last", "week", "ſept", "(", "/", "-",
                                   "Kamis", "malam", "2021", "Ağustus", "ı"]),
                  max_size=12).map(" ".join))
def test_any_text_reads_without_an_exception(language, text):
    for mention in extract_dates(text, language, date(2021, 8, 16)):
        assert 0 <= mention.span_start < mention.span_end <= len(text)


@pytest.mark.parametrize(("text", "lang", "year"), [
    ("Sekolah itu berdiri pada tahun 1962.", "id", 1962),
    ("Koperasi itu didirikan pada 1974 oleh para petani.", "id", 1974),
    ("The library was built in 1908.", "en", 1908),
    ("Der Verein wurde im Jahr 1951 gegründet.", "de", 1951),
])
def test_a_year_named_as_such_spans_the_year(text, lang, year):
    found = extract_dates(text, lang, None)
    assert [(m.start, m.end, m.relative) for m in found] == \
        [(date(year, 1, 1), date(year, 12, 31), False)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Liga Super Malaysia 2021 dimulai bulan depan.", "id"),  # a name, not a date
    ("Masa keemasannya pada tahun 1970-an.", "id"),  # a decade
    ("Prices rose sharply in the 1990s.", "en"),
    ("Anggaran tahun 2021-2022 disetujui.", "id"),  # a range of years
    ("The vaccine failed in 1500 cases.", "en"),  # an amount
])
def test_years_only_behind_their_cue_word(text, lang):
    assert extract_dates(text, lang, None) == ()


def test_a_day_may_name_its_year_with_the_word_tahun():
    found = extract_dates("Proklamasi dibacakan pada 17 Agustus tahun 1945.", "id", None)
    assert [(m.start, m.relative) for m in found] == [(date(1945, 8, 17), False)]


def test_other_languages_fall_back_to_dateparser():
    # French is not one of the languages the own patterns read: dateparser finds the date.
    [mention] = extract_dates("La réunion a eu lieu le 3 mars 2021 à Paris.", "fr", None)
    assert mention.start == mention.end == date(2021, 3, 3) and "3 mars 2021" in mention.text


def test_the_fallback_resolves_relative_dates_and_drops_durations():
    published = date(2021, 8, 16)
    [mention] = extract_dates("Le ministre est arrivé il y a 2 jours.", "fr", published)
    assert mention.start == date(2021, 8, 14) and mention.relative
    # dateparser alone reads "48 heures" as a moment 48 hours before now.
    assert extract_dates("Les négociations ont duré 48 heures.", "fr", published) == ()


def test_a_language_dateparser_does_not_know_reads_no_dates():
    assert extract_dates("Sesuatu 3 xyzzy 2021.", "xx", None) == ()


@pytest.mark.parametrize(("text", "lang"), [
    ("Kapal itu ditemukan pada Selasa (5/3/3024).", "id"),
    ("Die Fähre wurde am Dienstag, 5. März 2204, gefunden.", "de"),
    ("The ferry was found on Tuesday, March 5, 2042.", "en"),
])
def test_a_misprinted_year_the_weekday_contradicts_is_set_right(text, lang):
    (mention,) = extract_dates(text, lang, date(2024, 3, 8))
    assert mention.start == date(2024, 3, 5)  # 5 March 2024 was a Tuesday


def test_a_year_no_weekday_confirms_stays_as_written():
    (mention,) = extract_dates("Kapal itu ditemukan pada Rabu (5/3/3024).", "id",
                               date(2024, 3, 8))
    assert mention.start == date(3024, 3, 5)  # 5 March 2024 was no Wednesday
    (mention,) = extract_dates("The ferry was found on March 5, 2042.", "en", date(2024, 3, 8))
    assert mention.start == date(2042, 3, 5)  # no weekday to check it against
