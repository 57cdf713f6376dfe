"""The language layer: what each language's words mean, one data file per language.

``claimcheck/lang/<code>.toml`` maps words and phrases of one language to concepts that
every language shares: what a number measures (``events``: dead, injured, missing...),
what it counts (``counted``: people, passengers, ships...), which property it gives
(``attributes``: depth, age, delay...), qualifiers (serious, light, part of a larger
count), its time scope (a rate per day, a window, since a date) and words that say a
figure moved (``running``). "menewaskan", "killed" and "ums Leben" are all ``dead``, so
a death toll reads the same in any language. Adding a language is one file here.

Words match through ``claimcheck.lang.stems``: a token matches a word of the file when it is
that word or one of its affix-stripped stems is ("menewaskan" -> "tewas", "Verletzten"
-> "verletzt"), so a file lists base forms, not every inflection; a word never matches
the shorter words it contains ("kedalaman", depth, is not "dalam", in).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from claimcheck.lang.stems import word_keys
from claimcheck.lang.wordlists import Words, words

_word_lists_of = words  # the name ``words`` is a local of language_data

_HERE = Path(__file__).parent
#: Concept categories a language file may hold.
CATEGORIES = ("events", "counted", "attributes", "qualifiers", "magnitudes", "counting",
              "happenings", "reference", "occurred", "not_counts", "identifier_cues", "ongoing",
              "attribution", "scopes", "running", "roles", "subjects",
              "sources")
#: Sections of plain word lists: clause joiners, the shapes of figures.
LISTS = ("clauses", "figures")
#: Categories of short function words, matched as written rather than by stem.
_EXACT = frozenset({"scopes", "counting", "ongoing", "magnitudes", "not_counts", "occurred",
                    "identifier_cues"})
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """A phrase of a language file found in a text: its category and concept, and where."""

    category: str
    concept: str
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # character offsets in the text
    end: int


@dataclass(frozen=True, eq=False)
class LanguageData:
    """One language's concept words, indexed for matching."""

    code: str
    #: first word -> ((words of the phrase), category, concept)
    index: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    #: Sections that are word lists rather than concepts ("clauses", "figures").
    lists: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def find(self, text: str) -> tuple[tuple[Token, ...], tuple[ConceptHit, ...]]:
        """The tokens of ``text`` and every concept phrase in it (longest per category)."""
        return _find(self, text)

    @property
    def words(self) -> Words:
        """The language's word lists (``claimcheck/lang/words/<code>.toml``)."""
        return words(self.code)


def available_languages() -> tuple[str, ...]:
    """Codes of the languages with a data file."""
    return tuple(sorted(path.stem for path in _HERE.glob("*.toml")))


@cache
def language_data(code: str) -> LanguageData:
    """The concept data of ``code``; a language without a file reads as the language its
    word lists read as (Malay as Indonesian), else as English."""
    path = _HERE / f"{code}.toml"
    reads_as = _word_lists_of(code).code
    if not path.exists() and code != reads_as:
        return language_data(reads_as)
    if not path.exists():
        path = _HERE / "en.toml"
        code = "en"
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    index: dict[str, list] = {}
    for category in CATEGORIES:
        for concept, phrases in raw.get(category, {}).items():
            for phrase in phrases:
                words = tuple(word.text.casefold() for word in tokenize(phrase))
                if words:
                    index.setdefault(words[0], []).append((words, category, concept))
    frozen = {key: tuple(sorted(entries, key=lambda e: -len(e[0])))
              for key, entries in index.items()}
    lists = {section: {key: tuple(value) for key, value in entries.items()}
             for section, entries in raw.items() if section in LISTS}
    return LanguageData(code, frozen, lists)


def tokenize(text: str) -> tuple[Token, ...]:
    """Words of ``text`` (letters, with inner hyphens and apostrophes), with offsets."""
    return tuple(Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text))


def _keys(word: str, code: str) -> frozenset[str]:
    return word_keys(word.casefold(), code)


@lru_cache(maxsize=65536)
def _find(data: LanguageData, text: str):
    tokens = tokenize(text)
    token_keys = [_keys(token.text, data.code) for token in tokens]
    hits: list[ConceptHit] = []
    taken: dict[str, int] = {}  # category -> last token already covered by a longer phrase
    for i, keys in enumerate(token_keys):
        seen: set[tuple[str, str, int]] = set()
        for key in keys:
            for phrase, category, concept in data.index.get(key, ()):
                last = i + len(phrase) - 1
                if last >= len(tokens) or (category, concept, last) in seen:
                    continue
                if category in _EXACT and tokens[i].text.casefold() != phrase[0]:
                    continue  # "seit" is not "Seiten": short function words match as written
                # A word of the file matches a token that is it, or that reduces to it
                # ("menewaskan" -> "tewas"), never one it reduces to ("kedalaman" is not "dalam").
                if all(phrase[j] in token_keys[i + j] for j in range(len(phrase))):
                    if taken.get(category, -1) >= last:
                        continue
                    seen.add((category, concept, last))
                    taken[category] = last
                    hits.append(ConceptHit(category, concept, i, last, tokens[i].start,
                                           tokens[last].end))
    return tokens, tuple(hits)
