"""What each number measures, in concepts that do not depend on the language.

"menewaskan 41 orang", "43 people were killed" and "44 Menschen kamen ums Leben"
all measure the same thing: people dead. ``read_measures`` gives every quantity of every
claim a :class:`Measure`: its dimension (a count, a length, a sum of dollars...) with the
value converted to one base unit (metres, kilograms, seconds), the event it counts
(dead, injured, missing...), what it counts (people, passengers, foreigners, ships...),
the property it gives (depth, age, delay...), qualifiers (seriously injured; part of a
larger count, "30 of the 41"), its time scope (a rate per day, a window, since a date)
and whether the sentence says the figure moved ("rose to", "bertambah menjadi").

The words come from the language layer (``claimcheck.lang``); the reading is a nearest
concept around the number, inside the stretch between its neighbouring numbers, so
"killed 43 and injured 60" gives each number its own event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from claimcheck.claims.breakdowns import (
    aboard_together,
    is_increment,
    mark_breakdowns,
    mark_increments,
    one_day_alone,
    share_events,
)
from claimcheck.claims.figures import (
    CONVERSIONS,
    closest_number,
    counted_by,
    crowd,
    dimension_of,
    figure_shapes,
    substance_after,
    values_of,
)
from claimcheck.extract.units import FUNCTION_WORDS
from claimcheck.lang import ConceptHit, Token, language_data
from claimcheck.lang.wordlists import every_language
from claimcheck.models import Claim, Quantity

#: Quantity kinds whose values can be compared.
_COMPARABLE = frozenset({"count", "measure", "duration", "money", "percent"})

#: Events whose count is a running tally: later reports move it.
TALLIES = frozenset({"dead", "injured", "missing", "detained", "questioned", "evacuated",
                     "rescued", "waiting", "homeless", "displaced", "infected", "affected"})
# How far (in words) a concept may stand from its number.
_EVENT_REACH = 12
_COUNTED_REACH = 4
_ATTRIBUTE_REACH = 10
_QUALIFIER_REACH = 8
_SCOPE_REACH = 4
_GENERIC_EVENT_REACH = 6
_COUNTING_REACH = 20  # "The death toll from the fire that gutted ... has risen to seven"
# "46 flights from the island's airport were cancelled": what a counted thing underwent.
_ACTION_REACH = 8
_TIGHT_ATTRIBUTES = frozenset({"age"})
#: Attributes and the dimensions they can measure.
_ATTRIBUTE_DIMENSIONS = {
    "depth": ("length",), "altitude": ("length",), "length": ("length",),
    "width": ("length",), "distance": ("length",), "age": ("duration",),
    "storage": ("duration", "mass"), "delay": ("duration",), "blockage": ("duration",),
    "search": ("duration",), "flight": ("duration",), "oxygen": ("duration",),
    "weight": ("mass",), "capacity": ("count", "mass"),
    "trade": ("money",), "compensation": ("money",), "pay": ("percent", "money"),
}
#: Events that only happen to persons.
_PERSON_EVENTS = frozenset({"dead", "injured", "missing", "detained", "questioned", "evacuated",
                            "rescued", "aboard", "homeless", "displaced", "infected",
                            "participated"})
_APPOSITION_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*,")
_BRACKET_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s*\(\s*$")
_BRACKET_AFTER = re.compile(r"\s*\)")
# Between a number and the noun it counts: a comma or a stop ends the phrase ("nine,
# officials said"; "1,100 rescuers, including soldiers").
_PHRASE_END = re.compile(r"[,;:.()]")
# A full stop inside a sentence read as one (a quote of two sentences): no breakdown
# spans it.
_SENTENCE_STOP = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z])")
#: Words a number's next word may be that name nothing counted ("five remain missing").
_NOT_NOUNS = frozenset(FUNCTION_WORDS | set(every_language("lexicon", "persistence")))
#: Counted classes that are groups of persons: "warga negara asing" narrows "warga".
PERSON_GROUPS = frozenset({"foreigners", "children", "teenagers", "infants", "women", "men",
                           "passengers", "crew", "cabin_crew", "pilots", "troops", "staff",
                           "divers", "police", "protesters"})
_ECHO = re.compile(r"\d[^\d()]{0,24}\(\s*(?:[^\W\d_]+\s+){0,2}$")
_QUALIFIERS = frozenset({"serious", "light", "limit", "additional", "hospitalised", "adult",
                         "demanded", "offered"})
_SUPERSEDED_LEFT = 6
_NEAR = 3
_SUPERSEDED_RIGHT = 2
_DIGITS_END = re.compile(r"[\d.,]*\d|\S*")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Measure:
    """One quantity read as a language-free measurement."""

    claim: int  # position in the claims list
    quantity: Quantity
    dimension: str  # "count", "length", "mass", "duration", "money:dollar", "percent"...
    value: float | None  # point value in the dimension's base unit
    low: float | None
    high: float | None
    event: str | None = None
    counted: str | None = None
    attribute: str | None = None
    qualifiers: tuple[str, ...] = ()
    scope: str | None = None
    #: The sentence says the figure moved, or the quantity is itself a move ("dari 40 menjadi 47").
    running: bool = False
    #: The number as written could only be a bound ("at least", "more than").
    bound: bool = False
    #: An order of magnitude only ("dozens", "ribuan"): never contradicts a figure.
    vague: bool = False
    #: The outlet itself gives the figure as an earlier one ("previously 38", "zuvor 20").
    superseded: bool = False
    #: What a counted group did, when no event says it ("two divers found them").
    action: str | None = None
    #: "more", "lagi", "weitere" beside the number: an increment if the sentence also
    #: gives its event's figure ("two more ... the toll rose to four").
    increment: bool = False
    #: One of several figures the sentence gives for one measure, none a move: a part of
    #: a breakdown ("6 active and 6 extra crew"), never the outlet's figure for the whole.
    breakdown: bool = False
    #: The quantity is itself a move ("dari 40 menjadi 47", "rose from 151 to 156").
    moved: bool = False

    @property
    def label(self) -> str:
        """What is measured, in words a journalist reads ("dead (people)", "depth")."""
        parts = [part for part in (*self.qualifiers, self.event) if part and part != "part"]
        what = self.counted if self.dimension == "count" else self.attribute
        head = " ".join(parts) or (what or self.dimension)
        if what and parts:
            head = f"{head} ({what})"
        if self.scope:
            head = f"{head}, {self.scope}"
        return head


def read_measures(claims: Sequence[Claim]) -> tuple[Measure, ...]:
    """A :class:`Measure` for every comparable quantity of ``claims``."""
    measures: list[Measure] = []
    for position, claim in enumerate(claims):
        if not claim.quantities:
            continue
        for measure in _read_claim(claim.sentence.text, claim.sentence.language,
                                   claim.quantities):
            measures.append(_at(measure, position))
    return tuple(measures)


def echoes(claims: Sequence[Claim]) -> set[tuple]:
    """Where each figure stands that restates the one before it in another unit ("2 juta
    dolar AS (Rp31,2 miliar)", "900 metres (about 2,950 feet)"): (doc, sentence, start,
    end). The outlet's claim is the figure it converts, never the conversion."""
    return {(claim.sentence.doc, claim.sentence.index, q.start, q.end)
            for claim in claims for q in claim.quantities
            if _ECHO.search(claim.sentence.text, 0, q.start)}


def _at(measure: Measure, position: int) -> Measure:
    return replace(measure, claim=position)


# Reprinted sentences are read once.
@lru_cache(maxsize=65536)
def _read_claim(text: str, language: str,
                quantities: tuple[Quantity, ...]) -> tuple[Measure, ...]:
    tokens, hits = language_data(language).find(text)
    running_sentence = any(hit.category == "running" for hit in hits)
    spans = sorted((q.start, q.end) for q in quantities)
    sole_count = sum(q.kind == "count" for q in quantities) == 1
    out = []
    for quantity in quantities:
        if quantity.kind not in _COMPARABLE:
            continue
        measure = _read_quantity(text, quantity, tokens, hits, spans, running_sentence,
                                 sole_count, language)
        if measure is not None:
            out.append(measure)
    shapes = figure_shapes(language)
    breaks = tuple(t.start for t in tokens if t.text.casefold() in shapes.contrasts) + \
        tuple(m.start() for m in _SENTENCE_STOP.finditer(text))
    joins = shapes.conjunctions - shapes.contrasts
    out = aboard_together(text, mark_increments(share_events(text, out, joins)), tokens, hits,
                          joins)
    if one_day_alone(tokens, shapes.day_alone):
        # "pada Kamis saja 2.314 warga dievakuasi": that day's, not the running total.
        out = [replace(m, qualifiers=tuple(sorted({*m.qualifiers, "one day"})))
               if m.dimension == "count" else m for m in out]
    return mark_breakdowns(out, hits, breaks)


def _read_quantity(text: str, q: Quantity, tokens: tuple[Token, ...],
                   hits: tuple[ConceptHit, ...], spans: list[tuple[int, int]],
                   running_sentence: bool, sole_count: bool, language: str) -> Measure | None:
    dimension, factor = dimension_of(q)
    if q.kind == "count" and any(hit.category == "not_counts" and 0 <= q.start - hit.end <= 2
                                 for hit in hits):
        return None  # "pada tanggal 30": a day of the month, not an amount
    if q.kind == "count" and (_APPOSITION_BEFORE.search(text, 0, q.start)
                              and _APPOSITION_AFTER.match(text, q.end)
                              or _BRACKET_BEFORE.search(text, 0, q.start)
                              and _BRACKET_AFTER.match(text, q.end)
                              and q.value is not None and 0 < q.value < 120):
        # "Ana Lopes, 41, died", "Wa Ode Sari (34)": a number between commas or in
        # brackets after a name is an age.
        q = replace(q, kind="duration", unit="year")
        dimension, factor = CONVERSIONS["year"]
        return Measure(-1, q, dimension, *values_of(q, factor, hits, language)[:3],
                       attribute="age")
    if dimension is None or _ECHO.search(text, 0, q.start):
        return None  # "900 metres (about 2,950 feet)": the same figure converted
    left = max((end for start, end in spans if end <= q.start), default=0)
    right = min((start for start, end in spans if start >= q.end), default=len(text))
    # The number sits just before token ``at``: the first word that starts after its digits.
    digits_end = q.end if q.value == 0 and q.counted == "people" and not _DIGIT.search(
        q.text) else _DIGITS_END.match(text, q.start).end()  # "tidak ada yang": after it
    magnitude_words = {hit.first for hit in hits if hit.category == "magnitudes"
                       and hit.start < q.end}
    at = next((i for i, t in enumerate(tokens) if t.start >= digits_end
               and i not in magnitude_words), len(tokens))
    shapes = figure_shapes(language)
    joins = [i for i, t in enumerate(tokens) if t.text.casefold() in shapes.conjunctions]
    breaks = [i for i, t in enumerate(tokens) if t.text.casefold() in shapes.contrasts]

    def distance(hit: ConceptHit) -> int | None:
        inside = q.start <= hit.start and hit.end <= q.end
        if not inside and (hit.start < left or hit.end > right):
            return None
        if hit.first >= at:
            gap, lo, hi = hit.first - at + 1, at, hit.first
        else:
            gap, lo, hi = at - hit.last, hit.last, at
        # A concept across "and" belongs to the other clause more often than to this one;
        # across "while" ("sementara", "während") to a clause with its own subject.
        if any(lo <= j < hi for j in breaks):
            return None
        if any(lo <= j < hi for j in joins):
            gap += 3
        elif hit.first < at and "," in text[hit.end:q.start]:
            # "12 Menschen starben, 52 weitere wurden verletzt": the verb is 12's; "Selain
            # korban tewas, 31 orang luka-luka": the 31 are the injured.
            gap += 3
        return gap

    def nearest(category: str, reach: int, right_only: bool = False,
                fits: str | None = None) -> ConceptHit | None:
        best: tuple[int, int, str] | None = None
        found = None
        for hit in hits:
            if hit.category != category:
                continue
            if right_only and _PHRASE_END.search(text, q.end, max(q.end, hit.start)):
                continue
            if fits is not None and fits.split(":")[0] not in _ATTRIBUTE_DIMENSIONS.get(
                    hit.concept, (fits.split(":")[0],)):
                continue  # "zwölf Tage lang" is twelve days long, not a length
            gap = distance(hit)
            if gap is None or gap > reach or (right_only and hit.first < at):
                continue
            rank = (gap, 0 if hit.first >= at else 1, hit.concept)
            if best is None or rank < best:
                best, found = rank, hit
        return found

    if shapes.decade.match(text, digits_end):
        return None  # "in their 20s", "usia 20-an", "in den 20er Jahren": an age band
    counted_hit = nearest("counted", _COUNTED_REACH, right_only=True)
    counted = counted_hit.concept if counted_hit else None
    if counted == "people":
        # "12 jiwa pekerja asing": the specific noun of a chain says who is counted.
        specific = [hit for hit in hits if hit.category == "counted"
                    and hit.concept in PERSON_GROUPS
                    and 0 <= hit.first - counted_hit.last <= 3 and distance(hit) is not None
                    and not _PHRASE_END.search(text, counted_hit.end, hit.start)]
        if specific:
            counted = specific[0].concept
    if counted is None and q.counted not in (None, "people") and _unknown_noun(q, tokens, hits) \
            and q.counted.split()[0].casefold() not in _NOT_NOUNS:
        # "dua blok", "13 verschiedenen Stellen": a count of something no concept names.
        counted = "other:" + q.counted.casefold()
    reach = _EVENT_REACH if counted not in (None, "people") else _GENERIC_EVENT_REACH
    event_hit = nearest("events", reach)
    if event_hit is None and dimension == "count" and sole_count:
        # "Die Zahl der Toten ist auf 41 gestiegen": the only count of a sentence
        # with one event counts that event, however far its subject stands.
        events = [hit for hit in hits if hit.category == "events"]
        if len({hit.concept for hit in events}) == 1 and any(
                hit.category == "counting" and 0 <= events[0].first - hit.last <= 3
                for hit in hits):
            event_hit = events[0]
    if event_hit is None and dimension == "count":
        event_hit = counted_by(hits, at, distance, _COUNTING_REACH, _NEAR)
    event = event_hit.concept if event_hit else None
    action = None
    if event is None and dimension == "count" and counted not in (None, "people"):
        # "Dua penyelam menemukan kapal itu": what a group did tells which of its counts
        # this is (the two who found it are not the three who joined).
        action_hit = nearest("happenings", _ACTION_REACH)
        action = action_hit.concept if action_hit else None
    attribute_hit = nearest("attributes", _ATTRIBUTE_REACH, fits=dimension)
    if attribute_hit is not None and attribute_hit.concept in _TIGHT_ATTRIBUTES \
            and distance(attribute_hit) > _NEAR:
        attribute_hit = None  # "37 years old", "berusia 37": an age stands by its number
    attribute = attribute_hit.concept if attribute_hit else None
    # "13 injured, several of them seriously": past "of them" a qualifier is the subset's.
    subsets = [hit.first for hit in hits if hit.category == "qualifiers" and hit.concept
               == "part" and hit.first >= at and _PHRASE_END.search(text, q.end, hit.start)]
    qualifiers = {hit.concept for hit in hits if hit.category == "qualifiers"
                  and hit.concept in _QUALIFIERS
                  and not any(at <= first < hit.first for first in subsets)
                  and _qualifies(hit, distance, event_hit, attribute_hit)}
    if attribute != "pay":  # a demand for compensation is what compensation is
        qualifiers -= {"demanded", "offered"}
    counted, event, qualifiers = crowd(counted, event, qualifiers, hits, distance)
    increment = dimension == "count" and event != "missing" and \
        is_increment(text, q.start, tokens, at, shapes.increments)
    if increment and (finding := nearest("happenings", _EVENT_REACH)) is not None \
            and finding.concept in ("found", "rescued"):
        # "recovered three more bodies", "drei weitere Tote geborgen": a day's finds, not
        # the tally; "5000 weitere verletzt" are others (``_increments``).
        qualifiers.add("additional")
        increment = False
    superseded = any(hit.category == "qualifiers" and hit.concept == "superseded"
                     and (gap := distance(hit)) is not None
                     and gap <= (_SUPERSEDED_LEFT if hit.first < at else _SUPERSEDED_RIGHT)
                     for hit in hits)
    # "mehrere hundert Tonnen", "several hundred": a vague word just before a number
    # written in words, or the number word itself ("Dutzende").
    vague = not _DIGIT.search(q.text) and any(
        hit.category == "qualifiers" and hit.concept == "vague"
        and (0 <= q.start - hit.end <= 2 or q.start <= hit.start < q.end) for hit in hits)
    part = shapes.partitive.match(text, digits_end) is not None or any(
        hit.category == "qualifiers" and hit.concept == "part"
        and (gap := distance(hit)) is not None and gap <= _QUALIFIER_REACH
        and (hit.first < at or hit.first - at <= 1)  # "30 of them", not "30 ..., 5 of them"
        and closest_number(hit, spans) == (q.start, q.end) for hit in hits)
    if part and counted not in PERSON_GROUPS and not qualifiers & {"serious", "light"}:
        # "12 of the ships", "30 of the 41": a share of a count is not the count. A group
        # of persons named by its own noun ("9 Ausländer waren unter den Toten") is its own count.
        qualifiers.add("part")
    if q.value == 0 and (event_hit is None or distance(event_hit) > _NEAR):
        return None  # "none of the boys could dive": a property of a group, not a tally
    if counted is not None and counted not in PERSON_GROUPS and counted != "people" \
            and event in _PERSON_EVENTS:
        event = None  # "70 ships carrying grain": ships are not on board anything
    if dimension != "count":
        counted = event = None
    if dimension == "mass":
        counted = substance_after(text, q.end)
    scope_hit = nearest("scopes", _SCOPE_REACH)
    if scope_hit is not None and q.start <= scope_hit.start and scope_hit.end <= q.end:
        scope_hit = None  # "for an hour" is a length of time, not "$20 an hour"
    scope = scope_hit.concept if scope_hit else None
    value, low, high, moved = values_of(q, factor, hits, language)
    bound = q.change in (">", "<")
    if moved:
        bound = False
    return Measure(-1, q, dimension, value, low, high, event, counted, attribute,
                   tuple(sorted(qualifiers)), scope, running_sentence or moved, bound,
                   vague or _vague(q), superseded, action, moved=moved, increment=increment)


def _qualifies(hit: ConceptHit, distance, event_hit: ConceptHit | None,
               attribute_hit: ConceptHit | None) -> bool:
    """A qualifier near the number, or next to the word it qualifies: "severely" its event,
    "maximum" its property ("a maximum depth of 300 m")."""
    gap = distance(hit)
    if gap is None:
        return False
    states = ("serious", "light", "hospitalised")
    head = event_hit if hit.concept in states else attribute_hit
    reach = _QUALIFIER_REACH if hit.concept in states else _NEAR
    if gap <= reach:
        return True
    return head is not None and (0 <= head.first - hit.last <= 2 or 0 <= hit.first - head.last <= 2)


def _unknown_noun(q: Quantity, tokens, hits) -> bool:
    """The number counts a noun that no concept of the language knows ("dua blok")."""
    end = q.end + len(q.counted or "") + 2
    return not any(hit.category in ("counted", "events") and hit.start < end
                   and hit.end > q.start for hit in hits)


def _vague(q: Quantity) -> bool:
    """"Dutzende", "ribuan", "hundreds of": an order of magnitude, no figure ("mehrere
    hundert" is caught by the ``vague`` qualifier before it)."""
    return q.value is None and not _DIGIT.search(q.text)
