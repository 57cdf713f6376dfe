"""The concept layer: what a language's words mean, the same concepts in every language."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

import claimcheck.lang as lang
from claimcheck.lang import CATEGORIES, available_languages, language_data

LANG_DIR = Path(lang.__file__).parent


def _concepts(code: str) -> dict[str, set[str]]:
    with (LANG_DIR / f"{code}.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {category: set(raw.get(category, {})) for category in CATEGORIES}


def _found(code: str, text: str) -> set[tuple[str, str]]:
    _, hits = language_data(code).find(text)
    return {(hit.category, hit.concept) for hit in hits}


def test_every_language_names_the_same_concepts():
    languages = available_languages()
    assert {"en", "id", "de"} <= set(languages)
    reference = _concepts("en")
    for code in languages:
        assert _concepts(code) == reference, code


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The blast killed 13 people."),
    ("id", "Ledakan itu menewaskan 13 orang."),
    ("de", "Bei der Explosion kamen 13 Menschen ums Leben."),
])
def test_a_death_toll_reads_the_same_in_every_language(code, text):
    assert ("events", "dead") in _found(code, text)
    assert ("counted", "people") in _found(code, text)


def test_a_word_matches_its_inflections_never_the_shorter_words_inside_it():
    assert ("events", "dead") in _found("id", "menewaskan")  # me-...-kan around "tewas"
    assert ("events", "injured") in _found("de", "Verletzten")
    # "kedalaman" (depth) contains "dalam" (in): "dalam waktu" is not a depth.
    assert ("attributes", "depth") in _found("id", "di kedalaman 800 meter")
    assert ("attributes", "depth") not in _found("id", "dalam waktu 48 jam")


def test_function_words_match_as_written():
    # "seit" (since) is a scope; "Seiten" (sides) only looks like it after stemming.
    assert ("scopes", "since") in _found("de", "seit Dienstag")
    assert ("scopes", "since") not in _found("de", "auf beiden Seiten der Straße")


def test_malay_reads_as_indonesian_and_an_unknown_language_as_english():
    assert language_data("ms").code == "id"
    assert language_data("xx").code == "en"


def test_a_new_language_is_one_data_file(tmp_path, monkeypatch):
    for path in LANG_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "fr.toml").write_text(
        '[events]\ndead = ["tués", "morts"]\n[counted]\npeople = ["personnes"]\n',
        encoding="utf-8")
    monkeypatch.setattr(lang, "_HERE", tmp_path)
    language_data.cache_clear()
    try:
        assert "fr" in available_languages()
        assert _found("fr", "L'explosion a fait 13 morts.") >= {("events", "dead")}
        assert ("counted", "people") in _found("fr", "13 personnes")
    finally:
        language_data.cache_clear()
