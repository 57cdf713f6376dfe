"""Each language's word lists, read from ``claimcheck/lang/words/<code>.toml``.

Where ``claimcheck/lang/<code>.toml`` maps words to shared concepts, a word file holds
the lists that the readers match as written: the words that give a count its outcome,
that say "nobody" or "the number was not given", month and weekday names, the affixes
the stemmer strips. Every file has the same sections (a test checks it), so adding a
language is one file here beside its concept file.

A file may instead hold only ``reads_as = "<code>"``: Malay is read with the Indonesian
lists. A language without a file reads as English.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

WORDS_DIR = Path(__file__).parent / "words"
FALLBACK = "en"


@dataclass(frozen=True, eq=False)
class Words:
    """One language's word lists: ``words("id")["outcomes"]["after"]["killed"]``."""

    code: str
    sections: Mapping[str, Mapping[str, Any]]

    def __getitem__(self, section: str) -> Mapping[str, Any]:
        return self.sections[section]


@cache
def word_languages(folder: Path = WORDS_DIR) -> tuple[str, ...]:
    """Codes of the languages with a word file of their own (not read as another)."""
    return tuple(sorted(path.stem for path in folder.glob("*.toml")
                        if "reads_as" not in _read(path)))


@cache
def known_languages(folder: Path = WORDS_DIR) -> tuple[str, ...]:
    """Codes of every language with a word file, those read as another included."""
    return tuple(sorted(path.stem for path in folder.glob("*.toml")))


@cache
def words(code: str, folder: Path = WORDS_DIR) -> Words:
    """The word lists of ``code``; a language without a file reads as English."""
    path = folder / f"{code}.toml"
    if not path.exists():
        path = folder / f"{FALLBACK}.toml"
    raw = _read(path)
    if "reads_as" in raw:
        return words(raw["reads_as"], folder)
    return Words(path.stem, MappingProxyType(_frozen(raw)))


@cache
def all_words(folder: Path = WORDS_DIR) -> tuple[Words, ...]:
    """Every language's lists, for readers that look for any language's words at once."""
    return tuple(words(code, folder) for code in word_languages(folder))


def every_language(section: str, key: str) -> tuple[Any, ...]:
    """The entries of ``section.key`` of every language in turn, for readers that look for
    any language's words in any text (a quoted English phrase in an Indonesian article)."""
    return tuple(entry for language in all_words() for entry in language[section][key])


@cache
def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value
