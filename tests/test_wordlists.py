"""The language layer's word lists: one file per language, all of the same shape."""

from pathlib import Path

from claimcheck.lang.wordlists import (
    WORDS_DIR,
    all_words,
    known_languages,
    word_languages,
    words,
)


def _shape(sections):
    """Each section with the names of its lists (the words in them differ by language)."""
    return {(name, key) for name, section in sections.items() for key in section}


def test_every_language_file_has_the_same_sections_and_keys():
    english = _shape(words("en").sections)
    for code in word_languages():
        assert _shape(words(code).sections) == english, code


def test_the_shipped_languages_are_found_by_their_files():
    assert set(word_languages()) >= {"en", "id", "de"}


def test_malay_reads_as_indonesian_and_an_unknown_language_as_english():
    assert words("ms").code == "id"
    assert "ms" in known_languages() and "ms" not in word_languages()
    assert words("xx").code == "en"


def test_word_lists_cannot_be_changed_by_a_reader():
    lists = words("id")["outcomes"]["after"]["killed"]
    assert isinstance(lists, tuple)
    try:
        words("id")["outcomes"]["after"]["killed"] = ()
    except TypeError:
        pass
    else:
        raise AssertionError("a word table was writable")


def test_a_new_language_is_one_file(tmp_path: Path):
    english = (WORDS_DIR / "en.toml").read_text("utf-8")
    (tmp_path / "en.toml").write_text(english, "utf-8")
    french = english.replace("after.killed = ['killed', 'dead', 'died', 'die', 'slain']",
                             "after.killed = ['tués', 'morts']")
    assert french != english
    (tmp_path / "fr.toml").write_text(french, "utf-8")
    assert word_languages(tmp_path) == ("en", "fr")
    assert words("fr", tmp_path)["outcomes"]["after"]["killed"] == ("tués", "morts")
    assert _shape(words("fr", tmp_path).sections) == _shape(words("en").sections)
    assert [w.code for w in all_words(tmp_path)] == ["en", "fr"]


def test_a_changed_word_list_changes_the_extraction_version(tmp_path: Path, monkeypatch):
    import shutil

    from claimcheck.extract import extraction_version as version

    folder = tmp_path / "lang"
    shutil.copytree(WORDS_DIR.parent, folder, ignore=shutil.ignore_patterns("*.py", "__py*"))
    monkeypatch.setattr(version, "_LANGUAGE_DATA", folder)
    version.extraction_version.cache_clear()
    before = version.extraction_version()
    with (folder / "words" / "id.toml").open("a", encoding="utf-8") as handle:
        handle.write("# one more word\n")
    version.extraction_version.cache_clear()
    try:
        assert version.extraction_version() != before
    finally:
        version.extraction_version.cache_clear()


def test_a_languages_concepts_and_word_lists_come_through_one_object():
    from claimcheck.lang import language_data

    german = language_data("de")
    assert german.words is words("de")
    assert "Januar".casefold() in german.words["calendar"]["months"][0]
