"""Who a claim belongs to: countries, institutions and names across spellings and languages.

Country names in every language come from CLDR through babel, so "Inggris", "UK",
"Großbritannien" and "Britain" all resolve to one actor without a hand-made list
per event. Institutions and demonyms that stand for a country ("Pentagon",
"Kremlin", "British") are the small hand-kept part.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.extract.word_tries import trie_alternation
from claimcheck.lang.wordlists import every_language

# CLDR display languages whose country names are recognised.
_NAME_LANGUAGES = ("en", "id", "de", "ms", "fr", "es", "nl", "pt", "it")

# Territory code -> extra names: institutions, capitals used as metonyms, demonyms,
# abbreviations. Country names themselves come from CLDR.
_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("AS", "A.S.", "U.S.", "USA", "Amerika", "America", "American", "Americans",
           "Amerikaner", "amerikanische", "Pentagon", "Washington", "Gedung Putih",
           "White House", "Weißes Haus", "Biden", "Trump", "Blinken", "Austin"),
    "GB": ("UK", "U.K.", "Inggris", "Inggris Raya", "Britain", "British", "Briten",
           "britische", "London", "Downing Street", "Whitehall"),
    "RU": ("Rusia", "Russian", "Russians", "Moskow", "Moscow", "Moskau", "Kremlin", "Kreml",
           "Putin", "russische"),
    "DE": ("Jerman", "German", "Germans", "Berlin", "Bundeswehr", "Bundesregierung",
           "deutsche"),
    "FR": ("Prancis", "Perancis", "French", "Paris", "Élysée", "französische"),
    "CN": ("Tiongkok", "Cina", "China", "Chinese", "Beijing", "chinesische"),
    "AF": ("Afganistan", "Afghan", "Kabul"),
    "TJ": ("Tajik", "Tajikistan", "Dushanbe", "Duschanbe", "Tadschikistan"),
    "UA": ("Ukraina", "Ukrainian", "Kyiv", "Kiev", "Kiew"),
    "IL": ("Israeli", "Tel Aviv"),
    "ID": ("RI", "Jakarta", "Indonesian"),
}

# Non-state actors that commonly own numbers and claims in news.
_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Taliban": ("Taliban", "Taleban", "Taliban's"),
    "United Nations": ("PBB", "Perserikatan Bangsa-Bangsa", "United Nations", "UN", "U.N.",
                       "Vereinte Nationen", "UNO"),
    "NATO": ("NATO", "Nato", "Pakta Pertahanan Atlantik Utara"),
    "European Union": ("EU", "Uni Eropa", "European Union", "Europäische Union"),
    "Hamas": ("Hamas",),
    "Hezbollah": ("Hezbollah", "Hizbullah", "Hisbollah"),
}

# Prepositions after which a place name is a location, not the owner of a number.
LOCATION_PREPOSITIONS = frozenset(every_language("function_words", "location_prepositions"))


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str
    start: int
    end: int
    #: True when the mention reads as a place ("di Afghanistan"), not as an agent.
    as_location: bool


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    from babel import Locale

    english = Locale("en").territories
    table: dict[str, str] = {}
    for language in _NAME_LANGUAGES:
        try:
            territories = Locale(language).territories
        except Exception:  # noqa: BLE001 - a locale babel lacks just adds no names
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha() and code in english:
                table.setdefault(_fold(name), english[code])
    for code, aliases in _EXTRA_ALIASES.items():
        for alias in aliases:
            table[_fold(alias)] = english[code]
    for canonical, aliases in _ORGANISATIONS.items():
        for alias in aliases:
            table[_fold(alias)] = canonical
    return table


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    names = [name for name in _alias_table() if len(name) >= 2]
    # Matched against casefolded text only: IGNORECASE would add nothing and made
    # extraction 4x slower (1.2 s vs 0.29 s on 5,000 sentences, benchmarks/run.py).
    # As a trie: the flat alternation of ~1,400 names was a third of extraction at 10k
    # sentences (70 µs a sentence), the trie is 12x faster and matches the same names.
    return re.compile(rf"(?<![\w.])({trie_alternation(names)})(?![\w])")


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def find_actors(text: str) -> list[ActorMention]:
    """Every country, institution or organisation named in ``text``, in order."""
    return list(_find_actors(text))


# Extraction, the statement judge and the date judge all ask about the same sentences;
# the alias pattern costs ~80 µs a sentence, so each is scanned once.
@lru_cache(maxsize=65536)
def _find_actors(text: str) -> tuple[ActorMention, ...]:
    mentions = []
    folded = _fold(text)
    table = _alias_table()
    for match in _alias_pattern().finditer(folded):
        surface = text[match.start():match.end()]
        # Short all-caps aliases ("AS", "UN", "US") only count when written in capitals,
        # so the Indonesian conjunction "as" or English "us" is not a country.
        if len(surface) <= 3 and not surface.isupper():
            continue
        before = folded[:match.start()].split()
        as_location = bool(before) and before[-1] in LOCATION_PREPOSITIONS
        mentions.append(ActorMention(table[match.group(1)], match.start(), match.end(),
                                     as_location))
    return tuple(mentions)


def actor_before(text: str, position: int) -> str | None:
    """The agent named closest before ``position`` in the same clause, else the first agent.

    "Inggris mengatakan akan mengerahkan sekitar 600 tentara" -> United Kingdom;
    "Pentagon telah menempatkan sekitar 650 tentara di Afghanistan" -> United States.
    """
    clause_start = max(text.rfind(sep, 0, position) for sep in (";", ":", "\n"))
    agents = [m for m in find_actors(text) if not m.as_location]
    preceding = [m for m in agents if clause_start < m.start < position]
    if preceding:
        return preceding[-1].actor
    following = [m for m in agents if m.start >= position]
    return following[0].actor if following else None


_SPELLING_RULES = (
    ("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("dj", "j"), ("kh", "k"), ("ch", "k"),
    ("ph", "f"), ("w", "v"), ("z", "s"), ("y", "i"), ("ou", "u"), ("q", "k"), ("c", "k"),
)


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A key equal for transliteration variants of one name.

    "Samir Kabulov" / "Zamir Kabulov", "Wladimir Putin" / "Vladimir Putin",
    "Badachschan" / "Badakhshan" share a key; the rules are German/English/Indonesian
    transliteration habits, not a list of known people.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if ch.isalpha() or ch == " ")
    for source, target in _SPELLING_RULES:
        folded = folded.replace(source, target)
    return re.sub(r"(.)\1+", r"\1", " ".join(folded.split()))
