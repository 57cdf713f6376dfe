"""Candidate stems: inflected forms of one word share a key, in each language's rules."""

import pytest

from claimcheck.lang.stems import word_keys


def _match(a: str, b: str, language: str) -> bool:
    return bool(word_keys(a, language) & word_keys(b, language))


@pytest.mark.parametrize(("inflected", "base"), [
    ("menewaskan", "tewas"),      # nasal me(n)- replaced t, suffix -kan
    ("menutup", "tutup"),
    ("memukul", "pukul"),
    ("menyerang", "serang"),
    ("mengirim", "kirim"),
    ("meninggal", "tinggal"),
    ("diperkuat", "kuat"),        # stacked di- + per-
    ("kota-kota", "kota"),        # reduplication is a plural
    ("rumahnya", "rumah"),        # particle -nya
])
def test_indonesian_forms_reach_their_base(inflected, base):
    assert base in word_keys(inflected, "id")


@pytest.mark.parametrize(("a", "b", "language"), [
    ("injured", "injuring", "en"),
    ("casualties", "casualty", "en"),
    ("Verletzten", "verletzt", "de"),
    ("geöffnet", "öffnen", "de"),         # participle ge- and -et
])
def test_inflected_forms_share_a_key(a, b, language):
    assert _match(a, b, language)


def test_every_key_holds_the_word_and_no_short_junk():
    keys = word_keys("dikirimkan", "id")
    assert "dikirimkan" in keys
    assert all(len(key) >= 3 for key in keys)


def test_malay_follows_indonesian_and_an_unknown_language_english():
    assert word_keys("menewaskan", "ms") == word_keys("menewaskan", "id")
    assert word_keys("killings", "xx") == word_keys("killings", "en")
