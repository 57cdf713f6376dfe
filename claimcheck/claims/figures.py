"""How a figure is written: its dimension and base unit, a move it reports, and the
shapes of figures in a language (age bands, shares, clause joiners).

The words come from the language layer (``claimcheck/lang/<code>.toml``, sections
``clauses`` and ``figures``); the unit table converts miles to metres and tonnes to
kilograms so that figures in other units compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.lang import ConceptHit, language_data
from claimcheck.models import Quantity

# unit -> (dimension, factor to the dimension's base unit)
CONVERSIONS: dict[str, tuple[str, float]] = {
    "kilometre": ("length", 1000.0), "metre": ("length", 1.0), "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001), "mile": ("length", 1609.344), "foot": ("length", 0.3048),
    "yard": ("length", 0.9144), "inch": ("length", 0.0254),
    "nautical mile": ("length", 1852.0),
    "tonne": ("mass", 1000.0), "kilogram": ("mass", 1.0), "gram": ("mass", 0.001),
    "milligram": ("mass", 1e-6),
    "square kilometre": ("area", 1e6), "hectare": ("area", 1e4), "acre": ("area", 4046.856),
    "minute": ("duration", 60.0), "hour": ("duration", 3600.0), "day": ("duration", 86400.0),
    "week": ("duration", 604800.0), "month": ("duration", 2629800.0),
    "year": ("duration", 31557600.0),
    "percent": ("percent", 1.0), "percentage point": ("percent", 1.0),
    "mph": ("speed", 1.609344), "km/h": ("speed", 1.0),
}
# A word of movement this close before a bound ("rose up to 61", "naik hingga 61")
# makes the bound the level reached.
_RISEN_REACH = 12


def dimension_of(q: Quantity) -> tuple[str | None, float]:
    """The figure's dimension ("count", "length", "money:dollar"...) and the factor to its
    base unit; (None, 1) for one that is not compared."""
    if q.kind == "count":
        return "count", 1.0
    if q.kind == "money":
        return (f"money:{q.unit}", 1.0) if q.unit else (None, 1.0)
    if q.unit in CONVERSIONS:
        return CONVERSIONS[q.unit]
    return None, 1.0


def values_of(q: Quantity, factor: float, hits: tuple[ConceptHit, ...], language: str):
    """(point, low, high, moved): a move "from 76 to 82" is read at the level it reached."""
    def scaled(x: float | None) -> float | None:
        return None if x is None else x * factor

    low, high = scaled(q.low), scaled(q.high)
    if q.value is None and low is not None and high is not None and q.change not in ("~",):
        # A transition ("dari 40 menjadi 47", "fell from 4.8 to 4.2"): where it ended.
        if _is_transition(q.text, language):
            end = low if q.descending else high
            return end, end, end, True
        return None, low, high, False
    value = scaled(q.value)
    if q.change == "<" and any(hit.category == "running" and 0 <= q.start - hit.end
                               <= _RISEN_REACH for hit in hits):
        return value, value, value, True
    return value, low, high, False


def _is_transition(text: str, language: str) -> bool:
    to_words = language_data(language).words["transitions"]["to"]
    return any(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) for word in to_words)


@dataclass(frozen=True)
class Shapes:
    """A language's words for how figures are written, as the reader uses them."""

    conjunctions: frozenset[str]
    decade: re.Pattern[str]
    partitive: re.Pattern[str]
    #: Words opening a clause with its own subject ("while", "sementara", "während").
    contrasts: frozenset[str] = frozenset()
    #: Words making a number an increment ("more", "lagi", "weitere").
    increments: frozenset[str] = frozenset()
    #: Words making a happening a repeat ("again", "kembali", "erneut").
    again: frozenset[str] = frozenset()
    #: Words making a day's figures that day's alone ("on Thursday alone", "saja").
    day_alone: frozenset[str] = frozenset()


@cache
def figure_shapes(language: str) -> Shapes:
    """The language's shapes of figures, compiled once."""
    lists = language_data(language).lists
    figures = lists.get("figures", {})
    clauses = lists.get("clauses", {})
    conjunctions = frozenset(clauses.get("conjunctions", ()))

    def alternation(words) -> str:
        return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in
                        sorted(words, key=len, reverse=True)) or "(?!)"

    decade = re.compile(rf"(?:{alternation(figures.get('decade_suffixes', ()))})\b",
                        re.IGNORECASE)
    determiners = alternation(figures.get("partitive_determiners", ()))
    partitive = re.compile(
        rf"\s*(?:(?:{alternation(figures.get('partitive', ()))})"
        rf"|(?:{alternation(figures.get('partitive_before_figure', ()))})(?=\s+\d))"
        rf"\s+(?:(?:{determiners})\s+)?(?:\d|[^\W\d_]+)", re.IGNORECASE)
    return Shapes(conjunctions, decade, partitive, frozenset(clauses.get("contrasts", ())),
                  frozenset(clauses.get("increments", ())), frozenset(clauses.get("again", ())),
                  frozenset(clauses.get("day_alone", ())))


_WORD = re.compile(r"[^\W\d_]{5,}")
_SUBSTANCE_WORDS = 6


def substance_after(text: str, end: int) -> str | None:
    """What a tonnage weighs, as keys that survive languages and spellings: the first
    letters of the words after the unit, doubled letters collapsed ("potassium nitrate",
    "Kaliumnitrat" and "kalium nitrat" hold "nitr")."""
    words = [re.sub(r"(.)\1", r"\1", word.casefold())[:4]
             for word in _WORD.findall(text, end, end + 80)[:_SUBSTANCE_WORDS]]
    keys = sorted({word for word in words if len(word) == 4})
    return " ".join(keys) or None


def counted_by(hits: tuple[ConceptHit, ...], at: int, distance, reach: int, near: int
               ) -> ConceptHit | None:
    """The event of a count word before the number: "the death toll from the capsizing
    rose to nine", "jumlah korban meninggal dunia menjadi 16", "die Zahl der Todesopfer
    stieg bis Donnerstag auf 20"."""
    for counting in hits:
        gap = distance(counting) if counting.category == "counting" else None
        if gap is None or counting.last >= at or gap > reach:
            continue
        for hit in hits:
            if hit.category == "events" and (0 <= hit.first - counting.last <= near
                                             or 0 <= counting.first - hit.last <= near):
                return hit
    return None


def crowd(counted: str | None, event: str | None, qualifiers: set[str],
          hits: tuple[ConceptHit, ...], distance) -> tuple[str | None, str | None, set[str]]:
    """(counted, event, qualifiers) of a figure read as a crowd's size where it is one:
    "32,000 protesters" are people who took part; a count of people with no event in a
    sentence about a protest or strike is its crowd; each crowd figure carries who gave
    it (``crowd_source``)."""
    if counted == "protesters" and event is None:
        counted, event = "people", "participated"
    if event == "participated" or event is None and counted == "people" \
            and any(hit.concept in ("protest", "strike") for hit in hits):
        qualifiers = qualifiers | ({crowd_source(hits, distance)} - {None})
    return counted, event, qualifiers


def crowd_source(hits: tuple[ConceptHit, ...], distance) -> str | None:
    """Who gave a crowd's size: "by police" or "by organisers" (the language's
    ``sources`` nearest the figure), None when the sentence names no one. Police and
    organisers count one crowd differently as a rule, so each estimate is compared only
    with its own kind; a source other than the police ("nach Angaben der ÖDV", "the union
    said") is the other side's."""
    sources = [(gap, hit.concept) for hit in hits if hit.category == "sources"
               and (gap := distance(hit)) is not None]
    if sources:
        return f"by {min(sources)[1]}"
    if any(hit.category == "attribution" for hit in hits):
        return "by organisers"
    return None


def closest_number(hit: ConceptHit, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The number a partitive word belongs to: "41 korban, di antaranya 9 WNA" makes 9,
    not 41, a part."""
    def gap(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        if end <= hit.start:
            return hit.start - end, 1
        return max(0, start - hit.end), 0  # a tie goes to the number that follows
    return min(spans, key=gap, default=None)
