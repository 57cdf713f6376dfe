"""How the figures of one sentence relate: a breakdown's parts, an increment and its total.

"30 crew on board, 18 regular and 12 reserve": the 18 and the 12 count parts the sentence
tells apart in words no concept reads, so no other outlet's whole is theirs to meet.
"Two more bodies were found, raising the toll to eleven": the two were added to the toll.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.extract.calendar_words import WEEKDAYS
from claimcheck.lang import ConceptHit, Token

if TYPE_CHECKING:
    from claimcheck.claims.measures import Measure


def mark_breakdowns(measures: list[Measure], hits: tuple[ConceptHit, ...] = (),
                    breaks: tuple[int, ...] = ()) -> tuple[Measure, ...]:
    """Mark the parts when one sentence gives several figures of one measure and says none
    moved: "30 crew on board, 18 regular and 12 reserve", "41 tankers, 33 container ships and
    17 bulk ships", "the two pilots, aged 41 and 36". A figure that is the sum of the
    others is the whole and stays; the others count parts (or other persons) the sentence
    tells apart in words no concept reads, so no other outlet's figure is theirs. A figure
    with no event joins the one event the others name ("30 crew on board ... 18 regular").
    ``breaks`` are where clauses of their own open ("while", "sementara"): figures on
    either side of one are no breakdown.
    """
    groups: dict[tuple, list[int]] = {}
    for index, m in enumerate(measures):
        if not (m.moved or m.vague or m.superseded):
            key = (m.dimension, m.counted, m.attribute, m.qualifiers, m.scope, m.action,
                   m.quantity.actor)
            groups.setdefault(key, []).append(index)
    parts: set[int] = set()
    for members in groups.values():
        if len({measures[i].event for i in members} - {None}) > 1:
            continue  # "43 killed and 60 injured": two measures, not one broken down
        first = min(measures[i].quantity.end for i in members)
        last = max(measures[i].quantity.start for i in members)
        if any(hit.category == "attribution" and first <= hit.start < last for hit in hits):
            continue  # "police said 41, the hospital 43": two sources' figures, each a claim
        if any(first <= position < last for position in breaks):
            continue  # "7 dead, while 19 others are still buried": two clauses, two claims
        if len({(measures[i].value, measures[i].low, measures[i].high) for i in members}) < 2:
            continue  # one figure, or the same one said twice
        values = [measures[i].value for i in members]
        whole = next((i for i, value in zip(members, values, strict=True)
                      if value is not None and None not in values
                      and abs(2 * value - sum(values)) <= 1e-9 * max(abs(value), 1.0)), None)
        parts.update(i for i in members if i != whole)
    return tuple(replace(m, breakdown=True) if i in parts else m
                 for i, m in enumerate(measures))


_PUNCTUATION = re.compile(r"[,;:.()]")


def is_increment(text: str, start: int, tokens: tuple[Token, ...], at: int,
                 increments: frozenset[str]) -> bool:
    """An increment word right after the number ("three more", "drei weitere"), right
    before it ("another 12", "tambahan 3"), or after its noun ("tiga jenazah lagi")."""
    near = [tokens[i].text.casefold() for i in (at, at + 1) if i < len(tokens)]
    if at > 0 and not tokens[at - 1].text[:1].isdigit() and \
            not _PUNCTUATION.search(text, tokens[at - 1].end, start):
        near.append(tokens[at - 1].text.casefold())  # "another 12", not "Further, 26"
    return any(word in increments for word in near)


def mark_increments(measures: list[Measure]) -> list[Measure]:
    """"Two more bodies ... the toll rose to four": beside a figure of its event, "N
    more" is what was added to it. Alone, it is the count of its own group ("12 dead
    and 40 more injured", "422 weitere Schiffe warten")."""
    return [replace(m, qualifiers=tuple(sorted({*m.qualifiers, "additional"})))
            if m.increment and m.event is not None and any(
                    other.event == m.event and other.dimension == m.dimension
                                   and not other.increment for other in measures)
            else m for m in measures]


# Between two figures of one list: a noun or two, then "and" ("48 passengers and four").
_JOINED = re.compile(r"\s*(?:[^\W\d_]+[\s-]+){0,2}([^\W\d_]+)\s+")


def share_events(text: str, measures: list[Measure], joins: frozenset[str]
                   ) -> list[Measure]:
    """"38 Fahrgäste und vier Besatzungsmitglieder an Bord", "12 men and 3 women were
    killed": figures joined by "and" share the event told after the last of them."""
    out = list(measures)
    for i in range(len(out) - 2, -1, -1):
        m, after = out[i], out[i + 1]
        between = _JOINED.fullmatch(text, m.quantity.end, after.quantity.start)
        if m.event is None and after.event is not None and m.dimension == after.dimension \
                == "count" and between and between.group(1).casefold() in joins:
            out[i] = replace(m, event=after.event)
    return out


def one_day_alone(tokens: tuple[Token, ...], alone: frozenset[str]) -> bool:
    """A day named with a word that makes it that day's alone ("on Thursday alone")."""
    return any(token.text.casefold() in alone and any(
        0 <= j < len(tokens) and tokens[j].text.casefold() in WEEKDAYS for j in (i - 1, i + 1))
        for i, token in enumerate(tokens))


def aboard_together(text: str, measures: list[Measure], tokens: tuple[Token, ...],
                    hits: tuple[ConceptHit, ...], joins: frozenset[str]) -> list[Measure]:
    """Passengers and crew counted together are everyone aboard: "174 passengers and crew"
    counts people, not passengers; "48 passengers and four crew", both counted exactly,
    say 52 people were on board as well, a figure another outlet's "42 Menschen an Bord"
    meets (an estimate in either part makes no total)."""
    crew = {hit.first for hit in hits if hit.category == "counted" and hit.concept == "crew"}
    out = []
    for m in measures:
        after = next((hit for hit in hits if hit.category == "counted"
                      and hit.concept == "passengers" and hit.start >= m.quantity.start
                      and not re.search(r"\d", text[m.quantity.end:hit.start])), None)
        if m.counted == "passengers" and after is not None and after.last + 2 in crew and \
                after.last + 1 < len(tokens) and tokens[after.last + 1].text.casefold() in joins:
            m = replace(m, counted="people")  # "174 passengers and crew"
        out.append(m)
    parts = {m.counted: m for m in out if m.counted in ("passengers", "crew")
             and m.dimension == "count" and m.quantity.change == "=" and m.value is not None
             and m.low == m.high == m.value and m.event in (None, "aboard")
             and not (m.breakdown or "part" in m.qualifiers)}
    if len(parts) == 2 and "aboard" in {m.event for m in parts.values()} and not any(
            m.counted == "people" and m.event == "aboard" for m in out):
        first, second = sorted(parts.values(), key=lambda m: m.quantity.start)
        total = first.value + second.value
        end = max([second.quantity.end] + [hit.end for hit in hits if hit.category == "counted"
                                           and hit.start >= second.quantity.start][:1])
        both = replace(first.quantity, text=text[first.quantity.start:end], end=end,
                       value=total, low=total, high=total)
        out.append(replace(first, quantity=both, counted="people", event="aboard",
                           value=total, low=total, high=total))
    return out
