"""The numeric judge on real corpus sentences and hand-written English and German pairs."""

from __future__ import annotations

import pytest
from corpus_claims import claim, corpus_claim

from claimcheck.config import CheckConfig
from claimcheck.judges import JUDGES
from claimcheck.judges.numeric import NumericJudge
from claimcheck.models import PairContext

CTX = PairContext(similarity=0.3, percentile=0.5)


@pytest.fixture()
def judge() -> NumericJudge:
    return NumericJudge()


def test_registered():
    assert isinstance(JUDGES["numeric"](CheckConfig()), NumericJudge)


def test_additional_3000_vs_650_in_place_is_flagged_with_qualifier(judge):
    a = corpus_claim("000", "sekitar 3.000 tentara tambahan")
    b = corpus_claim("001", "sekitar 650 tentara")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "numeric"
    assert conflict.detail == "qualifier"
    assert "additional" in conflict.explanation and "United States" in conflict.explanation
    assert "3,000" in conflict.explanation and "650" in conflict.explanation
    assert 0 < conflict.score < 0.7
    assert conflict.a_values[0].value == 3000 and conflict.b_values[0].value == 650


def test_3000_vs_not_determined_is_unspecified(judge):
    a = corpus_claim("000", "sekitar 3.000 tentara tambahan")
    b = corpus_claim("001", "jumlah pasukan tambahan tidak ditentukan")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "unspecified"
    assert conflict.b_values[0].unspecified
    # Either order.
    assert judge.judge(b, a, CTX).kind == "unspecified"


def test_uk_600_vs_us_650_not_flagged(judge):
    a = corpus_claim("000", "sekitar 600 tentara")
    b = corpus_claim("001", "sekitar 650 tentara")
    assert judge.judge(a, b, PairContext(percentile=0.99)) is None


def test_twenty_year_mission_vs_last_twenty_years_not_flagged(judge):
    a = corpus_claim("001", "misi 20 tahun")
    b = corpus_claim("004", "20 tahun terakhir")
    assert judge.judge(a, b, PairContext(percentile=0.99)) is None


def test_more_than_900_km_agrees_with_900_km(judge):
    a = corpus_claim("002", "lebih dari 900 kilometer")
    b = claim("Tajikistan shares a 900 km border with Afghanistan's Badakhshan province.", "en")
    assert judge.judge(a, b, PairContext(percentile=0.99)) is None


def test_900_km_vs_125_km_unrelated_not_flagged(judge):
    a = corpus_claim("002", "lebih dari 900 kilometer")
    b = corpus_claim("004", "125 kilometer")
    assert judge.judge(a, b, CTX) is None


def test_thousands_of_troops_vs_650_without_shared_context(judge):
    a = corpus_claim("000", "mengirim ribuan tentara")
    b = corpus_claim("001", "sekitar 650 tentara")
    assert judge.judge(a, b, CTX) is None


def test_about_3000_vs_3000_agree(judge):
    a = corpus_claim("000", "sekitar 3.000 tentara tambahan")
    b = claim("The Pentagon said it would send 3,000 additional troops to evacuate embassy "
              "staff within 48 hours.", "en")
    assert judge.judge(a, b, CTX) is None


def test_english_pair_flagged(judge):
    a = claim("The Pentagon said it would send 3,000 additional troops to Kabul.", "en")
    b = claim("The Pentagon said it would send 5,000 additional troops to Kabul.", "en")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "numeric" and conflict.detail is None
    assert conflict.score > 0.5


def test_german_pair_flagged(judge):
    a = claim("Das Pentagon schickt etwa 3.000 zusätzliche Soldaten nach Kabul.", "de")
    b = claim("Das Pentagon schickt 5.000 zusätzliche Soldaten nach Kabul.", "de")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and "3,000" in conflict.explanation


def test_german_vs_indonesian_agree(judge):
    a = claim("Das Pentagon schickt etwa 3.000 zusätzliche Soldaten nach Kabul.", "de")
    b = corpus_claim("000", "sekitar 3.000 tentara tambahan")
    assert judge.judge(a, b, CTX) is None


def test_english_unspecified(judge):
    a = claim("The Pentagon will send about 3,000 additional troops to Kabul.", "en")
    b = claim("The number of additional troops to be sent to Kabul was not disclosed.", "en")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "unspecified"


def test_percent_vs_count_never_compared(judge):
    a = claim("Unemployment in Kabul rose to 30 percent, officials in Kabul said.", "en")
    b = claim("Unemployment in Kabul reached 30,000 people, officials in Kabul said.", "en")
    assert judge.judge(a, b, PairContext(percentile=0.99)) is None


def test_year_never_compared_with_count(judge):
    a = claim("The Taliban ruled Kabul from 1996 until 2001.", "en")
    b = claim("The Taliban ruled Kabul with 2000 fighters.", "en")
    assert judge.judge(a, b, PairContext(percentile=0.99)) is None


def test_rise_vs_fall_conflict(judge):
    a = claim("Shares of Vectura rose 6.5% on Monday in London trading.", "en")
    b = claim("Shares of Vectura fell 3% on Monday in London trading.", "en")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "numeric"


@pytest.mark.parametrize(("a", "b"), [
    # The repeated figure is accounted for; the other figure counts something else.
    ("Survei itu menemukan 52% responden kehilangan pendapatan dan 63% mengurangi pekerja.",
     "Survei itu menemukan 63% responden mengurangi pekerja."),
    # Parts that add up to the partner's figure.
    ("Penduduk kabupaten itu terdiri dari laki-laki 197.213 jiwa dan perempuan 176.629 jiwa.",
     "Penduduk kabupaten itu berjumlah 373.842 jiwa."),
    # A forecast is not a measurement.
    ("Bitcoin melonjak hingga US$20,39 ribu sebelum turun ke US$20,14 ribu.",
     "Bitcoin diprediksi akan di atas 30 ribu USD."),
    # "Other" lawyers are not among those already counted.
    ("Pasangan ini menunjuk tim kuasa hukum yang terdiri dari enam pengacara.",
     "Pasangan ini akan menunjuk dua pengacara lainnya untuk tim kuasa hukum."),
    # Compounds differ by their second word.
    ("Sekolah itu memiliki 12 ruang kelas dan satu perpustakaan.",
     "Sekolah itu memiliki 2 ruang alat peraga."),
])
def test_figures_of_different_things_not_flagged(judge, a, b):
    assert judge.judge(claim(a, "id"), claim(b, "id"), PairContext(percentile=0.99)) is None


def test_strict_bound_excludes_an_exact_count(judge):
    a = claim("Provinsi itu terdiri dari 13 pemerintah kabupaten dan 4 pemerintah kota.", "id")
    b = claim("Provinsi itu terdiri dari kurang dari 4 pemerintah kota.", "id")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and conflict.kind == "numeric"


def test_part_of_a_whole_inherits_the_counted_noun(judge):
    a = claim("Di masa awal pandemi, Christian terpaksa merumahkan 40 dari 45 karyawannya.", "id")
    b = claim("Christian terpaksa merumahkan 20 dari 45 karyawannya di masa akhir pandemi.", "id")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and {conflict.a_values[0].value, conflict.b_values[0].value} \
        == {40, 20}


def test_a_bound_on_2000_is_a_count_not_a_year(judge):
    a = claim("BNPB mencatat sepanjang 2020 terjadi 2.676 bencana.", "id")
    b = claim("BNPB mencatat sepanjang 2020 terjadi kurang dari 2000 bencana.", "id")
    assert judge.judge(a, b, CTX) is not None


def test_a_duration_is_explained_by_its_unit_not_the_noun_after_it():
    from claimcheck.extract.quantities import extract_quantities
    from claimcheck.judges.numeric import format_quantity

    (three,) = extract_quantities("The government declared three days of national mourning.",
                                  "en")
    (one,) = extract_quantities("Pemerintah menetapkan satu hari berkabung nasional.", "id")
    assert (format_quantity(three), format_quantity(one)) == ("3 days", "1 day")


def test_figures_that_share_only_a_month_measure_different_things():
    inflation = claim("Inflation was 3 percent in May.", "en")
    unemployment = claim("Unemployment was 5 percent in May.", "en")
    assert NumericJudge().judge(inflation, unemployment, PairContext(percentile=0.95)) is None
    # The same indicator in the same month does clash.
    other = claim("Inflation was 4.5 percent in May.", "en")
    assert NumericJudge().judge(inflation, other, PairContext(percentile=0.95)) is not None


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("Police said no one was injured in the blast.",
     "Police said three people were injured in the blast.", "en"),
    ("Tidak ada korban jiwa dalam kebakaran itu.", "Dua orang tewas dalam kebakaran itu.", "id"),
    ("Niemand wurde bei dem Anschlag verletzt, sagte die Polizei.",
     "Bei dem Anschlag wurden drei Menschen verletzt, sagte die Polizei.", "de"),
])
def test_nobody_against_a_count_of_the_same_outcome_conflicts(a, b, lang):
    conflict = NumericJudge().judge(claim(a, lang), claim(b, lang), CTX)
    assert conflict is not None and conflict.kind == "numeric"
    assert 0 in {v.value for v in conflict.a_values + conflict.b_values}


@pytest.mark.parametrize(("a", "b", "lang"), [
    # The dead are not the deployed.
    ("Sepuluh tentara AS tewas dalam serangan di bandara Kabul.",
     "AS akan mengirim 3.000 tentara ke bandara Kabul.", "id"),
    ("No US troops were killed in the attack on the airport.",
     "The US will send 3,000 troops to the airport.", "en"),
    # "At least 30" killed agrees with 45 killed.
    ("The blast killed at least 30 people, police said.",
     "Police said 45 people were killed in the blast.", "en"),
    # "No more than" is a bound, not nobody.
    ("No more than 40 people were injured, police said.",
     "Police said 35 people were injured.", "en"),
])
def test_counts_of_different_outcomes_or_compatible_bounds_do_not_conflict(a, b, lang):
    assert NumericJudge().judge(claim(a, lang), claim(b, lang),
                                PairContext(percentile=0.95)) is None


@pytest.mark.parametrize(("a", "b", "lang", "conflict"), [
    # A loss written to two digits covers the one written to three.
    ("The company lost $3.5 billion last year.", "The company lost $3.46 billion last year.",
     "en", False),
    ("The company lost $3.5 billion last year.", "The company lost $4.1 billion last year.",
     "en", True),
    # A death toll is a count of the dead wherever "death toll" stands in the clause.
    ("The death toll rose to 120 people in the earthquake.",
     "The death toll in the earthquake rose to 126 people.", "en", True),
    ("Jumlah korban tewas akibat gempa bertambah menjadi 120 orang.",
     "Korban tewas gempa bertambah menjadi 98 orang.", "id", True),
    # The same month supports a shared word; alone it is no evidence.
    ("Inflation rose to 3.1% in March.", "Inflation rose to 3.4% in March.", "en", True),
])
def test_rounding_outcomes_and_months(a, b, lang, conflict):
    found = NumericJudge().judge(claim(a, lang), claim(b, lang), CTX)
    assert (found is not None) is conflict


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("Gempa bermagnitudo 5,2 itu merusak 18 rumah warga.",
     "Gempa itu merusak lebih dari 18 rumah warga.", "id"),
    ("The magnitude 5.2 quake damaged 18 houses.", "The quake damaged more than 18 houses.",
     "en"),
    ("Das Beben der Stärke 5,2 beschädigte 18 Häuser.",
     "Das Beben beschädigte mehr als 18 Häuser.", "de"),
])
def test_a_bare_figure_is_no_part_of_a_sum(judge, a, b, lang):
    # 5.2 + 18 is not a count of houses: the bound "more than 18" still excludes 18.
    assert judge.judge(claim(a, lang), claim(b, lang), CTX) is not None


def test_parts_that_name_what_they_count_still_add_up(judge):
    a = claim("Gempa itu merusak 12 rumah di desa timur dan 6 rumah di desa barat.", "id")
    b = claim("Gempa itu merusak lebih dari 15 rumah.", "id")
    assert judge.judge(a, b, CTX) is None


def test_a_figure_spelled_out_in_brackets_keeps_its_noun(judge):
    a = claim("Kabupaten itu terdiri dari 18 (delapan belas) kecamatan dan 5 (lima) kelurahan.",
              "id")
    b = claim("Kabupaten itu terdiri dari kurang dari 5 kelurahan.", "id")
    conflict = judge.judge(a, b, CTX)
    assert conflict is not None and "5 kelurahan" in conflict.explanation
    same = claim("Kabupaten itu terdiri dari 18 kecamatan dan 5 kelurahan.", "id")
    assert judge.judge(a, same, CTX) is None
