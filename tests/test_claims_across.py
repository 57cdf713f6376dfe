"""Claims across outlets: one measure, every outlet's value, whatever the language.

Each test states a principle on sentences written for it (id, en, de). Articles are
short stories about one invented event, so every pair of outlets shares a story.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck import CheckConfig
from claimcheck.models import Document
from claimcheck.pipeline import check_documents

LEXICAL = CheckConfig(embedder="lexical")
# Shared wording so the lexical neighbour search links the articles: one story.
_STORY = {
    "en": "The ferry Marisol capsized off Port Caldera.",
    "id": "Kapal feri Marisol terbalik di lepas pantai Port Caldera.",
    "de": "Die Fähre Marisol kenterte vor Port Caldera.",
}


def _doc(outlet: str, language: str, body: str, published: date | None = None) -> Document:
    text = f"{_STORY[language]} {body}"
    return Document(id=outlet.lower(), path=f"{outlet}.txt", text=text, outlet=outlet,
                    language=language, published=published)


def _check(*documents: Document):
    return check_documents(documents, LEXICAL)


def _between(report, first: str, second: str):
    for conflict in report.conflicts:
        a, b = conflict.a.sentence.text, conflict.b.sentence.text
        if (first in a and second in b) or (first in b and second in a):
            return conflict
    return None


def _values_clash(report, first: float, second: float) -> bool:
    """Some conflict sets the figure ``first`` against ``second``."""
    for conflict in report.conflicts:
        a = {getattr(v, "value", None) for v in conflict.a_values}
        b = {getattr(v, "value", None) for v in conflict.b_values}
        if (first in a and second in b) or (first in b and second in a):
            return True
    return False


def test_a_death_toll_meets_across_languages():
    report = _check(
        _doc("Harian", "id", "Kecelakaan itu menewaskan 12 orang, kata polisi."),
        _doc("Wire", "en", "Police said 14 people were killed in the accident."),
        _doc("Zeitung", "de", "Bei dem Unglück kamen 14 Menschen ums Leben."),
    )
    indonesian_english = _between(report, "menewaskan 12 orang", "14 people were killed")
    assert indonesian_english is not None and indonesian_english.kind == "numeric"
    assert _between(report, "menewaskan 12 orang", "14 Menschen ums Leben") is not None
    # The same toll in English and German agrees.
    assert _between(report, "14 people were killed", "14 Menschen ums Leben") is None
    assert any(claim.verdict == "contradicted" and "dead" in claim.measure
               for claim in report.disputed)


def test_a_running_toll_reported_on_different_days_is_changed_not_contradicted():
    report = _check(
        _doc("Harian", "id", "Korban tewas bertambah menjadi 31 orang.", date(2024, 3, 1)),
        _doc("Wire", "en", "The death toll rose to 40 people.", date(2024, 3, 3)),
    )
    conflict = _between(report, "31 orang", "40 people")
    assert conflict is not None and conflict.detail == "changed"
    disputed = next(claim for claim in report.disputed if claim.verdict == "changed")
    # The claim lists every outlet's value in time order.
    assert [value.claim.outlet for value in disputed.values] == ["Harian", "Wire"]


def test_a_total_never_meets_a_daily_count():
    report = _check(
        _doc("Wire", "en", "About 20,000 people have been evacuated since the ferry sank."),
        _doc("Harian", "id", "Sekitar 2.000 orang dievakuasi per hari dari pelabuhan."),
        _doc("Zeitung", "de", "Täglich werden 2.500 Menschen evakuiert."),
    )
    assert _between(report, "20,000 people", "2.000 orang") is None
    assert _between(report, "20,000 people", "2.500 Menschen") is None


def test_miles_meet_kilometres():
    agreeing = _check(
        _doc("Wire", "en", "The wreck lies at a depth of 3,000 feet."),
        _doc("Zeitung", "de", "Das Wrack liegt in einer Tiefe von 914 Metern."),
    )
    assert _between(agreeing, "3,000 feet", "914 Metern") is None
    clashing = _check(
        _doc("Wire", "en", "The wreck lies at a depth of 3,000 feet."),
        _doc("Harian", "id", "Bangkai kapal berada di kedalaman 1.500 meter."),
    )
    assert _between(clashing, "3,000 feet", "1.500 meter") is not None


def test_a_share_never_meets_its_whole():
    report = _check(
        _doc("Wire", "en", "Officials said 86 people were killed, 9 of them foreigners."),
        _doc("Harian", "id", "Sebanyak 86 orang tewas, termasuk 12 warga negara asing."),
        _doc("Zeitung", "de", "86 Menschen starben, 30 wurden schwer verletzt."),
        _doc("Post", "en", "Another 75 people were injured."),
    )
    # 9 foreigners and 12 foreigners among the same dead disagree...
    assert _between(report, "9 of them foreigners", "12 warga negara asing") is not None
    # ...but foreigners among the dead never meet the dead, nor the seriously injured
    # the injured.
    assert not _values_clash(report, 86, 12) and not _values_clash(report, 86, 9)
    assert not _values_clash(report, 30, 75)


def test_the_parts_of_a_breakdown_never_meet_the_whole_but_the_whole_does():
    report = _check(
        _doc("Harian", "id", "Kapal itu membawa 30 orang awak, terdiri atas 18 awak tetap "
                             "dan 12 awak cadangan."),
        _doc("Wire", "en", "There were 30 crew members on board, officials said."),
        _doc("Zeitung", "de", "An Bord waren 34 Besatzungsmitglieder."),
    )
    # The ferry's 30 crew (18 + 12) is the whole: it meets the other outlets' crew...
    assert _values_clash(report, 30, 34)
    # ...its 18 regular and 12 reserve crew are parts, never another outlet's crew.
    assert not any(_values_clash(report, part, whole)
                   for part in (18, 12) for whole in (30, 34))


def test_several_figures_of_one_measure_in_a_sentence_are_a_breakdown():
    report = _check(
        _doc("Harian", "id", "Di antara kapal yang kini menunggu, 41 kapal tanker, 33 kapal "
                             "kontainer dan 17 kapal curah."),
        _doc("Post", "en", "At least 120 ships were waiting to pass, the port said."),
        _doc("Wire", "en", "Now queuing outside the port: about 41 tankers, 33 container ships "
                           "and 17 bulk ships."),
    )
    # No figure of the list is the outlet's count of the ships waiting, though the
    # sentence says the queue is still moving ("kini", "now").
    assert not any(_values_clash(report, part, 120) for part in (41, 33, 17))


def test_an_age_meets_only_the_age_of_the_same_one():
    report = _check(
        _doc("Wire", "en", "The ferry's captain, Tomas Arvelo, 52, survived."),
        _doc("Harian", "id", "Nakhoda kapal, Tomas Arvello, 55, selamat."),
        _doc("Zeitung", "de", "Ein 24 Jahre alter Matrose wird noch vermisst."),
    )
    assert _values_clash(report, 52, 55)  # the captain, named alike
    assert not _values_clash(report, 52, 24) and not _values_clash(report, 55, 24)
    report = _check(
        _doc("Post", "en", "The 31-year-old MX-400 ferry was built in Norway."),
        _doc("Blatt", "de", "Die MX-400 ist 33 Jahre alt."),
    )
    assert _values_clash(report, 31, 33)  # the ferry, by its model code


def test_two_sources_figures_in_one_sentence_are_no_breakdown():
    report = _check(
        _doc("Wire", "en", "Police said 41 people were killed, while hospital officials said "
                           "44 people were killed."),
        _doc("Zeitung", "de", "Bei dem Unglück kamen 52 Menschen ums Leben."),
    )
    # Each source's figure is a claim of its own, not a part of a breakdown: the sentence
    # meets the other outlet's toll.
    assert _between(report, "hospital officials said", "52 Menschen") is not None


def test_a_zero_that_counts_no_happening_says_who_was_absent():
    report = _check(
        _doc("Harian", "id", "Konsulat Belanda di Port Caldera menyebut tidak ada warga negara "
                             "Belanda di antara penumpang kapal feri Marisol."),
        _doc("Kabar", "id", "Kapal feri Marisol yang terbalik di Port Caldera membawa 19 warga "
                            "negara asing."),
    )
    assert not _values_clash(report, 0, 19)


def test_a_figure_converted_in_brackets_is_not_a_claim_of_its_own():
    report = _check(
        _doc("Harian", "id", "Muatan kapal feri Marisol bernilai 2 juta dolar AS "
                             "(Rp31,2 miliar), kata pemiliknya."),
        _doc("Kabar", "id", "Muatan kapal feri Marisol ditaksir bernilai Rp45 miliar, kata "
                            "pemiliknya."),
    )
    assert not _values_clash(report, 31.2e9, 45e9)


def test_nearly_a_round_figure_is_just_short_of_it():
    report = _check(
        _doc("Wire", "en", "The ferry carried nearly 4,000 tonnes of diesel."),
        _doc("Zeitung", "de", "Die Fähre hatte 3.940 Tonnen Diesel geladen."),
        _doc("Harian", "id", "Kapal feri itu mengangkut 3.600 ton diesel."),
    )
    assert not _values_clash(report, 4000, 3940)  # just short of 4,000
    assert _values_clash(report, 4000, 3600)  # 3,600 would be "more than 3,500"


def test_a_length_of_time_in_words_meets_one_in_figures():
    report = _check(
        _doc("Wire", "en", "The storm postponed the ferry's sailing for an hour."),
        _doc("Zeitung", "de", "Der Sturm verzögerte die Abfahrt der Fähre um 40 Minuten."),
        _doc("Post", "en", "The wreck blocked the port for nearly a week."),
        _doc("Blatt", "de", "Das Wrack blockierte den Hafen sechs Tage lang."),
        _doc("Harian", "id", "Bangkai kapal memblokir pelabuhan selama 11 hari."),
    )
    assert _between(report, "sailing for an hour", "um 40 Minuten") is not None
    assert _between(report, "nearly a week", "sechs Tage lang") is None  # six days is nearly
    assert _between(report, "nearly a week", "selama 11 hari") is not None


def test_one_countrys_troops_never_meet_anothers():
    report = _check(
        _doc("Wire", "en", "Britain will deploy 600 troops to the port."),
        _doc("Post", "en", "The United States will deploy 650 troops to the port."),
    )
    assert _between(report, "600 troops", "650 troops") is None


def test_a_toll_is_the_happenings_whoever_announces_it():
    report = _check(
        _doc("Harian", "id", "Kedutaan Besar Indonesia menyatakan 154 orang tewas dalam "
                             "kecelakaan itu."),
        _doc("Wire", "en", "South Korea said 157 people were killed in the accident."),
    )
    assert _values_clash(report, 154, 157)


def test_an_earlier_figure_the_article_itself_gives_is_not_its_claim():
    report = _check(
        _doc("Harian", "id",
             "Sebelumnya tercatat 20 orang tewas. Kini korban tewas menjadi 31 orang.",
             date(2024, 3, 2)),
        _doc("Wire", "en", "The death toll stands at 31 people.", date(2024, 3, 2)),
    )
    assert _between(report, "20 orang tewas", "31 people") is None


def test_the_same_happening_dated_on_different_days_is_a_date_conflict():
    report = _check(
        _doc("Wire", "en", "The captain was arrested on Thursday.", date(2024, 3, 8)),
        _doc("Zeitung", "de", "Der Kapitän wurde am Freitag festgenommen.", date(2024, 3, 9)),
    )
    conflict = _between(report, "arrested on Thursday", "am Freitag festgenommen")
    assert conflict is not None and conflict.kind == "date"


def test_one_day_at_times_that_cannot_meet_is_a_date_conflict():
    report = _check(
        _doc("Wire", "en", "The last passengers were rescued on Tuesday morning.",
             date(2024, 3, 8)),
        _doc("Harian", "id", "Penumpang terakhir diselamatkan pada Selasa malam.",
             date(2024, 3, 8)),
        _doc("Post", "en", "The last passengers were rescued on Tuesday evening.",
             date(2024, 3, 8)),
    )
    conflict = _between(report, "Tuesday morning", "Selasa malam")
    assert conflict is not None and conflict.kind == "date"
    assert "times of one day" in conflict.explanation
    assert _between(report, "Selasa malam", "Tuesday evening") is None  # the same night


def test_the_day_a_statement_was_made_is_not_the_day_of_what_it_tells():
    report = _check(
        _doc("Wire", "en", "The captain was arrested on Thursday.", date(2024, 3, 8)),
        _doc("Harian", "id", '"Kapten telah ditahan," kata polisi, Jumat (8/3/2024).',
             date(2024, 3, 8)),
    )
    assert _between(report, "arrested on Thursday", "Jumat (8/3/2024)") is None


@pytest.mark.parametrize("still", [
    ("en", "The ferry was still stuck on Friday."),
    ("id", "Hingga Jumat kapal itu masih terjebak."),
])
def test_a_state_still_holding_on_a_day_does_not_date_its_start(still):
    language, sentence = still
    report = _check(
        _doc("Wire", "en", "The ferry got stuck on Tuesday.", date(2024, 3, 8)),
        _doc("Other", language, sentence, date(2024, 3, 8)),
    )
    assert not [c for c in report.conflicts if c.kind == "date"]


def test_what_a_group_did_tells_its_counts_apart():
    report = _check(
        _doc("Wire", "en", "Three rescue divers from Norway joined the search on Monday."),
        _doc("Harian", "id", "Dua penyelam Norwegia menemukan para penumpang di dalam kabin."),
    )
    assert not _values_clash(report, 3, 2)


def test_a_code_written_with_one_digit_changed_is_a_name_conflict():
    report = _check(
        _doc("Wire", "en", "Ferry route KF204 was suspended. Route KF204 carried 80 people."),
        _doc("Post", "en", "Ferry route KF204 was cancelled after the accident."),
        _doc("Harian", "id", "Kapal rute KF205 tenggelam di lepas pantai."),
    )
    names = [c for c in report.conflicts if c.detail == "name"]
    assert names and all("KF205" in c.a.sentence.text + c.b.sentence.text for c in names)


def test_a_code_written_with_two_digits_swapped_is_a_name_conflict():
    report = _check(
        _doc("Wire", "en", "Flight CD417 from Jakarta overran the runway at Port Caldera."),
        _doc("Post", "en", "Flight CD 417 was carrying 120 passengers to Port Caldera."),
        _doc("Zeitung", "de", "Flug CD 471 kam aus Jakarta nach Port Caldera."),
    )
    names = [c for c in report.conflicts if c.detail == "name"]
    assert names and all("CD 471" in c.a.sentence.text + c.b.sentence.text for c in names)


def test_a_headline_that_states_a_figure_is_read():
    from claimcheck.segment.segment import segment_document

    document = Document(id="h", path="h.txt", outlet="Wire", language="en",
                        text="Ferry disaster: 31 dead off Port Caldera\n\n"
                             "The ferry Marisol capsized on Tuesday. Rescuers said 31 people "
                             "died.")
    segmented = segment_document(document, "en")
    assert segmented.sentences[0].text.startswith("Ferry disaster: 31 dead")
    assert len(segmented.sentences) == 3


def test_against_an_archive_only_claims_the_new_batch_takes_part_in(tmp_path):
    from claimcheck.pipeline import check_against, index
    from claimcheck.store.store import Store

    # The archive disputes the dead and the injured; the new article speaks of the dead.
    archive = [
        _doc("Harian", "id", "Korban tewas bertambah menjadi 31 orang. "
                             "Sebanyak 20 orang luka-luka.", date(2024, 3, 1)),
        _doc("Wire", "en", "The death toll rose to 40 people. Police said 35 people were "
                           "injured.", date(2024, 3, 3)),
    ]
    with Store(tmp_path / "store.db") as store:
        index(archive, store, LEXICAL)
    new = [_doc("Zeitung", "de", "Bei dem Unglück kamen 45 Menschen ums Leben.",
                date(2024, 3, 4))]
    everything = check_documents([*archive, *new], LEXICAL)
    assert {"dead", "injured"} <= {claim.measure.split(" (")[0] for claim in everything.disputed}
    report = check_against(new, tmp_path / "store.db", LEXICAL)
    assert report.disputed
    assert all(any(value.claim.outlet == "Zeitung" for value in claim.values)
               for claim in report.disputed)


def test_a_misprinted_date_is_flagged_even_where_it_dates_a_state():
    # "hingga" marks a state holding until a day, whose dates the claims leave alone; a
    # date its own weekday contradicts is wrong whatever it dates.
    report = _check(
        _doc("Harian", "id", "Pelabuhan Port Caldera ditutup untuk kapal penumpang hingga "
                             "Jumat (13/6) sore, kata syahbandar.", date(2021, 8, 11)),
        _doc("Kabar", "id", "Syahbandar menyatakan Pelabuhan Port Caldera ditutup untuk kapal "
                            "penumpang hingga Jumat (13/8/2021).", date(2021, 8, 12)),
    )
    conflict = _between(report, "Jumat (13/6)", "Jumat (13/8/2021)")
    assert conflict is not None and conflict.detail == "misprinted"


def test_a_clause_of_its_own_keeps_its_figure_apart():
    # "sementara" ("while") opens a clause with its own subject: the 19 still buried are
    # the missing, not a part of the dead, and the 7 dead meet the other outlet's toll.
    report = _check(
        _doc("Harian", "id", "Tujuh orang tewas, sementara 19 orang lainnya masih "
                             "tertimbun reruntuhan dermaga.", date(2024, 3, 4)),
        _doc("Wire", "en", "Nine people were killed, police said.", date(2024, 3, 4)),
        _doc("Zeitung", "de", "19 Menschen werden noch vermisst.", date(2024, 3, 4)),
    )
    assert _values_clash(report, 7, 9)
    assert not _values_clash(report, 19, 9) and not _values_clash(report, 19, 7)


def test_more_bodies_found_beside_the_toll_are_a_day_s_finds_not_the_toll():
    report = _check(
        _doc("Wire", "en", "Search teams pulled two more bodies from the river on Friday, "
                           "raising the number of dead from the accident to eleven, police "
                           "said.", date(2024, 3, 5)),
        _doc("Harian", "id", "Jumlah korban tewas kecelakaan itu mencapai sebelas orang.",
             date(2024, 3, 5)),
        _doc("Zeitung", "de", "Bei dem Unglück kamen neun Menschen ums Leben.",
             date(2024, 3, 5)),
    )
    assert _values_clash(report, 11, 9)
    assert not _values_clash(report, 2, 9) and not _values_clash(report, 2, 11)


def test_more_beside_another_event_counts_a_group_of_its_own():
    # "40 more were injured" counts the injured, not an increment of anything.
    report = _check(
        _doc("Wire", "en", "At least 12 people died and 40 more were injured.", date(2024, 3, 4)),
        _doc("Zeitung", "de", "Mindestens 12 Menschen starben, 52 weitere wurden verletzt.",
             date(2024, 3, 4)),
    )
    assert _values_clash(report, 40, 52)


def test_words_after_a_number_that_name_nothing_leave_its_event_to_it():
    # "five remain missing": "remain" is no noun counted, so the missing meet.
    report = _check(
        _doc("Wire", "en", "Twenty people from the Marisol were rescued and five remain "
                           "missing.", date(2024, 3, 4)),
        _doc("Harian", "id", "Dari kapal Marisol, delapan orang masih dinyatakan hilang.",
             date(2024, 3, 4)),
    )
    assert _values_clash(report, 5, 8)


def test_a_qualifier_past_of_them_is_the_subset_s():
    # "13 injured, several of them seriously": the 13 are the injured, neither seriously
    # injured nor a part of another count.
    report = _check(
        _doc("Wire", "en", "Thirteen people were injured, several of them seriously.",
             date(2024, 3, 4)),
        _doc("Zeitung", "de", "Insgesamt wurden 31 Menschen verletzt.", date(2024, 3, 4)),
    )
    assert _values_clash(report, 13, 31)


def test_an_age_in_brackets_after_a_name_meets_that_person_s_age():
    report = _check(
        _doc("Harian", "id", "Nakhoda kapal Marisol, Darmawan Sule (52), selamat."),
        _doc("Wire", "en", "The Marisol's captain, Darmawan Sule, 55, survived."),
    )
    assert _values_clash(report, 52, 55)


def test_an_event_before_a_comma_leaves_the_figure_after_it_to_its_own():
    # "Besides the dead, 31 were injured": the 31 are the injured, not the dead.
    report = _check(
        _doc("Harian", "id", "Selain korban tewas, 31 orang luka-luka akibat kecelakaan kapal "
                             "Marisol.", date(2024, 3, 4)),
        _doc("Wire", "en", "Five people were killed in the Marisol accident.", date(2024, 3, 4)),
        _doc("Zeitung", "de", "Bei dem Unglück der Marisol wurden 13 Menschen verletzt.",
             date(2024, 3, 4)),
    )
    assert not _values_clash(report, 31, 5)
    assert _values_clash(report, 31, 13)


def test_a_toll_of_an_earlier_year_is_another_event_s():
    report = _check(
        _doc("Harian", "id", "Pada 2019, kecelakaan kapal lain di Port Caldera menewaskan tujuh "
                             "orang.", date(2024, 3, 4)),
        _doc("Wire", "en", "The capsizing of the Marisol off Port Caldera killed five people.",
             date(2024, 3, 4)),
    )
    assert not _values_clash(report, 7, 5)


def test_a_find_repeated_on_another_day_is_not_one_happening_dated_twice():
    report = _check(
        _doc("Wire", "en", "Divers found two more bodies near the Marisol on Wednesday.",
             date(2024, 3, 7)),
        _doc("Harian", "id", "Tim SAR kembali menemukan dua jenazah di dekat kapal Marisol pada "
                             "Kamis (7/3/2024).", date(2024, 3, 7)),
    )
    assert not any(c.kind == "date" for c in report.conflicts)


def test_a_count_of_staff_two_orders_from_a_toll_is_no_rival_figure():
    report = _check(
        _doc("Zeitung", "de", "Die Reederei der Marisol beschäftigt in Port Caldera rund 600 "
                              "Menschen.", date(2024, 3, 4)),
        _doc("Harian", "id", "Jumlah korban tewas kapal Marisol di Port Caldera menjadi lima "
                             "orang.", date(2024, 3, 4)),
    )
    assert not _values_clash(report, 600, 5)


def test_one_happening_at_clock_times_that_cannot_meet():
    report = _check(
        _doc("Harian", "id", "Kapal itu terbalik sekitar pukul 16.40 WITA saat cuaca buruk "
                             "melanda perairan tersebut.", date(2024, 3, 4)),
        _doc("Zeitung", "de", "Das Schiff kenterte gegen 14.40 Uhr Ortszeit (8.40 Uhr MESZ) "
                              "bei hohem Wellengang.", date(2024, 3, 4)),
        _doc("Wire", "en", "The vessel capsized at about 4:40 p.m. in rough seas, the coast "
                           "guard said.", date(2024, 3, 4)),
    )
    # 16:40 WITA is 08:40 UTC, 8:40 MESZ 06:40 UTC; and 4:40 p.m. local is not 14:40 local.
    assert _between(report, "16.40 WITA", "8.40 Uhr MESZ") is not None
    assert _between(report, "4:40 p.m.", "14.40 Uhr") is not None
    # A zone named and local time never meet: which zone is local is not known.
    assert _between(report, "16.40 WITA", "4:40 p.m.") is None


def test_clock_times_that_agree_within_what_about_allows_are_one():
    report = _check(
        _doc("Harian", "id", "Kapal itu terbalik sekitar pukul 16.40 waktu setempat saat cuaca "
                             "buruk melanda.", date(2024, 3, 4)),
        _doc("Wire", "en", "The vessel capsized at around 4:50 p.m. in rough seas, the coast "
                           "guard said.", date(2024, 3, 4)),
        _doc("Zeitung", "de", "Das Schiff kenterte gegen 17 Uhr bei hohem Wellengang.",
             date(2024, 3, 4)),
    )
    assert not any(c.kind == "date" for c in report.conflicts)


def test_a_time_that_times_another_deed_is_not_the_happening_s():
    report = _check(
        _doc("Harian", "id", "Tim SAR gabungan menghentikan sementara pencarian korban kapal "
                             "terbalik di perairan selatan pulau itu karena gelombang tinggi "
                             "dan hujan deras sekitar pukul 18.00 waktu setempat.",
             date(2024, 3, 4)),
        _doc("Wire", "en", "The vessel capsized at 4:40 p.m. local time in rough seas, the "
                           "coast guard said.", date(2024, 3, 4)),
    )
    assert not any(c.kind == "date" for c in report.conflicts)


def test_dates_of_two_happenings_are_no_rival_dates():
    # "found on Friday" and "capsized on Wednesday" share words, not a happening.
    report = _check(
        _doc("Wire", "en", "Rescuers found the body of the last missing passenger of the "
                           "vessel on Friday.", date(2024, 3, 8)),
        _doc("Post", "en", "The vessel with its passengers capsized on Wednesday, rescuers "
                           "said.", date(2024, 3, 8)),
    )
    assert not any(c.kind == "date" for c in report.conflicts)


def test_a_count_word_far_before_the_number_names_its_event():
    report = _check(
        _doc("Wire", "en", "Divers found more victims on Tuesday, bringing the death toll from "
                           "the Marisol capsizing to nine, officials said.", date(2024, 3, 5)),
        _doc("Zeitung", "de", "Die Zahl der Todesopfer der Marisol stieg bis Dienstag auf sieben.",
             date(2024, 3, 5)),
    )
    assert _values_clash(report, 9, 7)


def test_figures_joined_by_and_share_the_event_told_after_them():
    report = _check(
        _doc("Zeitung", "de", "Laut Passagierliste waren 38 Fahrgäste und vier "
                              "Besatzungsmitglieder der Marisol an Bord.", date(2024, 3, 4)),
        _doc("Wire", "en", "The Marisol was carrying 48 passengers and four crew members, the "
                           "harbour master said.", date(2024, 3, 4)),
    )
    assert _values_clash(report, 38, 48)


@pytest.mark.parametrize(("hedged", "exact", "clash"), [
    ("Nearly 30 people from the Marisol survived", "Sebanyak 28 penumpang Marisol selamat", False),
    ("An estimated 29 people from the Marisol survived", "Sebanyak 26 orang Marisol selamat",
     True),
])
def test_a_rounded_figure_holds_an_exact_one_an_estimate_does_not(hedged, exact, clash):
    report = _check(_doc("Wire", "en", f"{hedged}, rescuers said.", date(2024, 3, 4)),
                    _doc("Harian", "id", f"{exact}, kata petugas.", date(2024, 3, 4)))
    values = (29, 26) if clash else (30, 28)
    assert _values_clash(report, *values) is clash


def test_more_than_a_dozen_holds_any_count_above_twelve():
    report = _check(
        _doc("Zeitung", "de", "Bei dem Unglück der Marisol wurden mehr als ein Dutzend Passagiere "
                              "schwer verletzt.", date(2024, 3, 4)),
        _doc("Harian", "id", "Sebanyak 19 penumpang Marisol luka berat.", date(2024, 3, 4)),
    )
    assert not _values_clash(report, 12, 19)


def test_a_place_both_sentences_name_is_not_whose_age_it_is():
    report = _check(
        _doc("Harian", "id", "Polisi Port Caldera menetapkan nakhoda kapal feri yang terbalik "
                             "itu, Darmawan Sule (47), sebagai tersangka."),
        _doc("Wire", "en", "Among the dead was Rina Putri, a 43-year-old teacher who lived by "
                           "the harbour of Port Caldera."),
    )
    assert not _values_clash(report, 47, 43)


@pytest.mark.parametrize(("first", "second", "clash"), [
    # The captain's name spelt two ways; a first name changed; a short form of the name.
    ("Nakhoda kapal Marisol, La Ode Sahlan, selamat dalam kecelakaan itu.",
     "Der Kapitän, La Ode Sahman, überlebte das Unglück der Marisol.", True),
    ("Landrat Martin Kessler besuchte die Unglücksstelle der Marisol.",
     "District administrator Michael Kessler visited the site of the Marisol accident.", True),
    # One name held within the other is one person; unrelated names are two people.
    ("Gubernur Sulawesi Tenggara Andi Sumangerukka meninjau lokasi kapal Marisol.",
     "Governor Andi Sumangerukka visited the Marisol site on Monday.", False),
    ("Gubernur Sulawesi Tenggara Andi Sumangerukka meninjau lokasi kapal Marisol.",
     "Governor Lukas Wenda of the neighbouring province visited the Marisol site.", False),
    # A rank and the jurisdiction before it are no part of the name; each word of the
    # shorter name written alike in the longer one.
    ("Kapolres Caldera AKBP Rudy Hartanto Wibisono meninjau kapal Marisol.",
     "Caldera police chief Rudi Hartono inspected the Marisol on Monday.", True),
    ("Kapolres Caldera AKBP Rudy Hartanto Wibisono meninjau kapal Marisol.",
     "Caldera police chief Yohanes Pardede inspected the Marisol on Monday.", False),
    ("Juru bicara operator kapal Marisol, Dewi Anggraeni, menyampaikan duka.",
     "Marisol operator spokeswoman Dewi Anggraini expressed condolences.", True),
])
def test_one_role_named_two_ways(first, second, clash):
    language = {"Nakhoda": "id", "Gubernur": "id", "Landrat": "de", "Kapolres": "id",
                "Juru": "id"}[first.split()[0]]
    other = "de" if second.startswith("Der") else "en"
    report = _check(_doc("Harian" if language == "id" else "Zeitung", language, first),
                    _doc("Wire", other, second))
    named = [c for c in report.conflicts if c.detail == "name"]
    assert bool(named) is clash


def test_those_still_in_hospital_are_not_the_injured():
    report = _check(
        _doc("Wire", "en", "More than 30 people were injured in the Marisol accident.",
             date(2024, 3, 4)),
        _doc("Zeitung", "de", "Nach Angaben der Klinik lagen am Dienstag noch sechs Verletzte der "
                              "Marisol auf der Station.", date(2024, 3, 6)),
    )
    assert not _values_clash(report, 30, 6)


@pytest.mark.parametrize("earlier", [
    "Erst im Januar waren bei einem Fährunglück vor Port Caldera neun Menschen ums Leben "
    "gekommen.",
    "Ende 2019 waren bei einem Fährunglück vor Port Caldera neun Menschen ums Leben gekommen.",
])
def test_a_toll_dated_to_an_earlier_month_or_year_is_another_event_s(earlier):
    report = _check(
        _doc("Wire", "en", "The capsizing of the Marisol off Port Caldera killed five people.",
             date(2024, 10, 4)),
        _doc("Zeitung", "de", earlier, date(2024, 10, 5)),
    )
    assert not _values_clash(report, 5, 9)


def test_one_day_s_figure_alone_is_not_the_running_total():
    report = _check(
        _doc("Harian", "id", "Pada Kamis saja sebanyak 2.314 warga sekitar Marisol dievakuasi, "
                             "kata petugas.", date(2024, 3, 7)),
        _doc("Wire", "en", "The number of people evacuated around the Marisol site rose to 9,814 "
                           "on Thursday, officials said.", date(2024, 3, 7)),
    )
    assert not _values_clash(report, 2314, 9814)


def test_two_floors_of_one_count_the_same_day_agree():
    report = _check(
        _doc("Harian", "id", "Sedikitnya 46 penerbangan dari bandara Port Caldera dibatalkan.",
             date(2024, 3, 7)),
        _doc("Wire", "en", "More than 40 flights from Port Caldera airport were cancelled.",
             date(2024, 3, 7)),
        _doc("Post", "en", "Two flights bound for Port Caldera were diverted.", date(2024, 3, 7)),
    )
    assert not _values_clash(report, 46, 40)
    assert not _values_clash(report, 2, 40) and not _values_clash(report, 2, 46)


def test_a_long_name_misheard_in_three_letters_is_one_driver_named_two_ways():
    report = _check(
        _doc("Harian", "id", "Sopir bus bernama Hermanto (52) selamat dari kecelakaan kapal feri "
                             "Marisol."),
        _doc("Wire", "en", "Police identified the driver as Hermawan, who survived the Marisol "
                           "ferry accident."),
    )
    assert any(c.detail == "name" for c in report.conflicts)


def test_villages_counted_in_three_languages_meet():
    report = _check(
        _doc("Harian", "id", "Warga dari tujuh desa di sekitar Port Caldera dievakuasi.",
             date(2024, 3, 4)),
        _doc("Wire", "en", "Residents of 11 villages around Port Caldera were evacuated.",
             date(2024, 3, 4)),
    )
    assert _values_clash(report, 7, 11)


def test_an_outlet_s_own_conversion_shows_which_zone_is_local():
    # One outlet gives the happening's time both ways: 14.40 local is 8.40 MESZ, so local
    # is UTC+8, and "16.40 WITA" elsewhere meets a local "4:40 p.m." but not "15.40 Uhr".
    report = _check(
        _doc("Zeitung", "de", "Das Schiff kenterte gegen 16.40 Uhr Ortszeit (10.40 Uhr MESZ) bei "
                              "hohem Wellengang.", date(2024, 3, 4)),
        _doc("Harian", "id", "Kapal itu terbalik sekitar pukul 15.40 WITA saat cuaca buruk "
                             "melanda perairan tersebut.", date(2024, 3, 4)),
        _doc("Wire", "en", "The vessel capsized at about 4:40 p.m. local time (0840 GMT) in rough "
                           "seas, the coast guard said.", date(2024, 3, 4)),
    )
    assert _between(report, "15.40 WITA", "4:40 p.m.") is not None
    assert _between(report, "15.40 WITA", "16.40 Uhr") is not None
    assert _between(report, "16.40 Uhr", "4:40 p.m.") is None


def test_a_state_in_the_next_clause_leaves_the_happening_dated():
    # "erupted on Tuesday and is still spewing ash" dates the eruption; the misprinted
    # month (3 July was no Tuesday) then disagrees with the other outlet's day.
    report = _check(
        _doc("Harian", "id", "Gunung api di dekat Port Caldera mulai meletus pada Selasa "
                             "(3/7/2025) siang dan hingga kini masih menyemburkan abu.",
             date(2025, 6, 5)),
        _doc("Wire", "en", "The volcano near Port Caldera began erupting on Tuesday afternoon, "
                           "officials said.", date(2025, 6, 5)),
    )
    assert any(c.kind == "date" for c in report.conflicts)


def test_a_toll_far_from_its_number_still_names_it():
    report = _check(
        _doc("Wire", "en", "The death toll from the capsizing of the Marisol ferry off the coast "
                           "of Port Caldera has risen to seven, police said on Wednesday.",
             date(2024, 3, 6)),
        _doc("Harian", "id", "Jumlah korban tewas kapal Marisol di Port Caldera mencapai lima "
                             "orang.", date(2024, 3, 5)),
    )
    assert _values_clash(report, 7, 5)


def test_things_a_happening_befell_are_the_same_things_whether_it_is_named_or_not():
    report = _check(
        _doc("Zeitung", "de", "Die Schlammlawine bei Port Caldera begrub 24 Häuser unter sich.",
             date(2024, 3, 4)),
        _doc("Wire", "en", "It buried 42 houses near Port Caldera, the disaster agency said.",
             date(2024, 3, 4)),
    )
    # One claim across outlets (not only a pair the numeric judge happened to compare).
    assert any(c.judge == "claims" and "homes" in c.explanation for c in report.conflicts)


def test_an_outlets_figure_is_shown_where_it_first_states_it_read_as_tightly_as_it_says_it():
    # The lead hedges ("at least eight"), a quote later gives the exact eight: the outlet
    # claims eight, shown at its lead, and eight against another outlet's eleven on the
    # same day is a contradiction, not a floor that eleven meets.
    day = date(2025, 3, 4)
    report = _check(
        _doc("Harian", "id", "Sedikitnya delapan orang tewas dalam kecelakaan itu. "
                             "Warga berkumpul di dermaga sejak pagi. "
                             "\"Korban tewas delapan orang,\" ujar kepala polisi Darmo.", day),
        _doc("Wire", "en", "Eleven people were killed in the accident, police said.", day),
    )
    conflict = _between(report, "Sedikitnya delapan orang tewas", "Eleven people were killed")
    assert conflict is not None
    assert (conflict.kind, conflict.detail) == ("numeric", "contradicted")
    assert _between(report, "Korban tewas delapan orang", "Eleven people were killed") is None


@pytest.mark.parametrize("first, second", [
    # a strike, a landing, a verdict, tear gas fired: happenings of any story, not only
    # of disasters
    (("Harian", "id", "Ribuan pekerja mogok kerja pada Rabu (6/3/2024).", date(2024, 3, 8)),
     ("Wire", "en", "Thousands of workers went on strike on Thursday.", date(2024, 3, 8))),
    (("Zeitung", "de", "Die Maschine landete am Montag in Port Caldera.", date(2024, 3, 6)),
     ("Wire", "en", "The plane touched down on Sunday in Port Caldera.", date(2024, 3, 6))),
    (("Harian", "id", "Terdakwa divonis pada Selasa (5/3/2024).", date(2024, 3, 8)),
     ("Zeitung", "de", "Der Angeklagte wurde am Donnerstag verurteilt.", date(2024, 3, 8))),
    (("Wire", "en", "Police fired tear gas on Saturday.", date(2024, 3, 11)),
     ("Harian", "id", "Polisi menembakkan gas air mata pada Minggu (10/3/2024).",
      date(2024, 3, 11))),
])
def test_happenings_beyond_disasters_dated_on_different_days_conflict(first, second):
    report = _check(_doc(*first), _doc(*second))
    conflict = _between(report, first[2][:20], second[2][:20])
    assert conflict is not None and conflict.kind == "date"


def test_one_day_written_with_a_weekday_it_is_not_is_a_misprint():
    # 7 March 2024 was a Thursday.
    report = _check(
        _doc("Harian", "id", "Terdakwa divonis pada Rabu (7/3/2024).", date(2024, 3, 8)),
        _doc("Post", "id", "Terdakwa divonis pada Kamis (7/3/2024).", date(2024, 3, 8)),
    )
    conflict = _between(report, "pada Rabu (7/3/2024)", "pada Kamis (7/3/2024)")
    assert conflict is not None and conflict.detail == "misprinted"
    assert "Thursday" in conflict.explanation


def test_one_person_written_as_a_word_is_an_individual_not_a_count():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Wire", "en", "\"It was chaos,\" one passenger told local television.", day),
        _doc("Zeitung", "de", "An Bord waren 168 Passagiere.", day),
    )
    assert _between(report, "one passenger told", "168 Passagiere") is None


def test_more_of_a_group_with_no_event_of_their_own_are_not_the_whole():
    report = _check(
        _doc("Wire", "en", "The ferry from Port Caldera was carrying 186 passengers and "
                           "six crew.", date(2024, 3, 8)),
        _doc("Zeitung", "de", "Zwei weitere Passagiere hätten sich am Dienstagabend mit "
                              "Rückenschmerzen im Krankenhaus gemeldet, teilte die "
                              "Gesundheitsbehörde mit.", date(2024, 3, 9)),
    )
    assert _between(report, "Zwei weitere Passagiere", "186 passengers") is None


def test_adults_among_those_counted_are_a_subgroup():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Harian", "id", "Kapal itu membawa 165 penumpang dewasa dan tiga bayi.", day),
        _doc("Wire", "en", "The ferry was carrying 168 passengers.", day),
    )
    assert _between(report, "165 penumpang dewasa", "168 passengers") is None


def test_a_crowd_counted_by_the_police_and_by_its_organisers_is_two_estimates():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Zeitung", "de", "Nach Polizeiangaben beteiligten sich rund 18.000 Menschen an "
                              "der Demonstration.", day),
        _doc("Wire", "en", "Police said 25,000 people took part in the protest march.", day),
        _doc("Harian", "id", "Panitia mengklaim 32.000 orang ikut dalam unjuk rasa itu.", day),
        _doc("Post", "en", "The organisers said 23,000 protesters joined the demonstration.",
             day),
    )
    # Police against police, organisers against organisers: each a conflict.
    assert _values_clash(report, 18000, 25000)
    assert _values_clash(report, 32000, 23000)
    # The police's figure against the organisers' is the dispute every crowd has.
    assert not _values_clash(report, 18000, 32000)
    assert not _values_clash(report, 25000, 23000)


def test_a_pay_demand_meets_the_same_demand_not_the_other_sides_offer():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Zeitung", "de", "Die Gewerkschaft fordert acht Prozent mehr Lohn.", day),
        _doc("Wire", "en", "The union is demanding an 8.5% pay rise.", day),
        _doc("Post", "en", "The employers have offered a 5% pay rise.", day),
    )
    assert _values_clash(report, 8, 8.5)
    assert not _values_clash(report, 8.5, 5) and not _values_clash(report, 8, 5)


def test_two_counts_of_a_group_with_no_event_orders_apart_are_two_groups():
    report = _check(
        _doc("Wire", "en", "The union represents some 2.5 million employees.",
             date(2024, 3, 8)),
        _doc("Zeitung", "de", "In der Stadt legten knapp 10.000 Beschäftigte die Arbeit "
                              "nieder.", date(2024, 3, 9)),
    )
    assert not _values_clash(report, 2500000, 10000)


def test_injured_police_officers_meet_across_languages():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Harian", "id", "Tujuh polisi terluka dalam bentrokan itu.", day),
        _doc("Zeitung", "de", "Bei den Ausschreitungen wurden fünf Polizisten verletzt.", day),
    )
    assert _values_clash(report, 7, 5)


@pytest.mark.parametrize("denial, count", [
    (("Harian", "id", "Menurut operator, tidak ada yang mengalami luka dalam insiden itu."),
     ("Wire", "en", "Fourteen people were injured in the incident.")),
    (("Wire", "en", "No protesters were injured, the police spokesman said."),
     ("Zeitung", "de", "Auch zwei Demonstranten wurden verletzt.")),
    (("Zeitung", "de", "Festnahmen gab es bislang nicht."),
     ("Wire", "en", "Police said three arrests were made.")),
])
def test_none_at_all_against_a_count_of_the_same_is_a_conflict(denial, count):
    day = date(2024, 3, 8)
    report = _check(_doc(*denial, day), _doc(*count, day))
    conflict = _between(report, denial[2][:20], count[2][:20])
    assert conflict is not None and conflict.kind == "numeric"


def test_a_weekday_misprint_is_flagged_whatever_the_date_dates():
    # 7 March 2024 was a Thursday; no happening word needed, and "on Thursday" read as
    # that day confirms it.
    report = _check(
        _doc("Harian", "id", "Sidang digelar di Port Caldera, Rabu (7/3/2024).",
             date(2024, 3, 8)),
        _doc("Wire", "en", "The court in Port Caldera sat on Thursday.", date(2024, 3, 8)),
    )
    conflict = _between(report, "Rabu (7/3/2024)", "sat on Thursday")
    assert conflict is not None and conflict.detail == "misprinted"


def test_a_german_participle_at_the_end_of_its_clause_is_what_the_time_dates():
    report = _check(
        _doc("Zeitung", "de", "Die Maschine war am Montagabend gegen 20.40 Uhr Ortszeit auf "
                              "dem Flughafen von Port Caldera über das Ende der Landebahn "
                              "hinausgeschossen.", date(2024, 3, 6)),
        _doc("Wire", "en", "The plane overran the runway at Port Caldera on Sunday evening.",
             date(2024, 3, 6)),
    )
    conflict = _between(report, "gegen 20.40 Uhr", "on Sunday evening")
    assert conflict is not None and conflict.kind == "date"


def test_a_night_reaches_into_the_next_day_but_two_nights_are_two():
    report = _check(
        _doc("Harian", "id", "Kapal itu tenggelam pada Minggu (3/3/2024) malam.", date(2024, 3, 5)),
        _doc("Wire", "en", "The ferry sank on Monday night.", date(2024, 3, 5)),
        _doc("Post", "en", "The ferry sank early on Monday.", date(2024, 3, 5)),
        _doc("Zeitung", "de", "Die Fähre sank am Samstag.", date(2024, 3, 5)),
    )
    assert _between(report, "Minggu (3/3/2024) malam", "Monday night") is not None
    assert _between(report, "Minggu (3/3/2024) malam", "early on Monday") is None
    # Sunday night does not reach back into Saturday.
    assert _between(report, "Minggu (3/3/2024) malam", "am Samstag") is not None


def test_passengers_and_crew_together_are_everyone_aboard():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Wire", "en", "The ferry was carrying 174 passengers and crew.", day),
        _doc("Zeitung", "de", "An Bord waren 168 Passagiere und sechs Besatzungsmitglieder.",
             day),
        _doc("Post", "en", "The ferry was carrying 186 passengers and six crew.", day),
    )
    # 168 + 6 is the 174 aboard; 186 + 6 is not.
    assert _between(report, "174 passengers and crew", "168 Passagiere") is None
    assert _between(report, "174 passengers and crew", "186 passengers") is not None


def test_a_total_aboard_is_made_only_of_parts_counted_exactly():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Wire", "en", "The ferry had an estimated 83 passengers and nine crew members "
                           "aboard.", day),
        _doc("Post", "en", "The ferry had 96 people aboard.", day),
        _doc("Harian", "id", "Kapal itu membawa 48 penumpang dan empat awak.", day),
        _doc("Zeitung", "de", "Insgesamt 42 Menschen waren an Bord der Fähre.", day),
    )
    # No total of 92 is made of an estimate ...
    assert not _values_clash(report, 92, 96)
    # ... while 48 and four counted exactly are 52 aboard, not 42.
    assert _values_clash(report, 52, 42)


def test_those_of_the_injured_still_in_hospital_meet_the_same_count():
    day = date(2024, 3, 8)
    report = _check(
        _doc("Harian", "id", "Korban luka mencapai 168 orang, dan 41 orang di antaranya masih "
                             "dirawat di rumah sakit.", day),
        _doc("Wire", "en", "Officials said 168 people were injured, 37 of whom remained in "
                           "hospital.", day),
    )
    assert _values_clash(report, 41, 37)
    assert not _values_clash(report, 168, 37) and not _values_clash(report, 41, 168)


def test_a_qualifier_past_of_them_is_the_subsets_not_the_whole():
    report = _check(_doc("Wire", "en", "Thirteen people were injured, several of them "
                                       "seriously.", date(2024, 3, 8)))
    from claimcheck.claims.measures import read_measures
    whole = [m for m in read_measures(report.claims) if m.value == 13]
    assert whole and "serious" not in whole[0].qualifiers
