"""Times of happenings across outlets: the same event at clock times that cannot meet.

"terbalik sekitar pukul 16.40 WITA", "capsized at about 4:40 p.m.", "gegen 14.40 Uhr
Ortszeit gekentert": a clock time in a news sentence times the happening nearest to it,
as a date dates it (``event_dates.happening_of``: a time that only says when something
was said times nothing). Two outlets' times of one happening are compared where they can
be: both in a named zone (converted to UTC: "03.00 WITA" is not "03.00 WIB"), or both in
the place's own time, said or unsaid. A time in a named zone meets one in local time only
where an outlet gave the happening's time both ways ("14.40 Uhr Ortszeit (8.40 Uhr
MESZ)"): that shows which zone is local. A time written with its minutes is taken to five
minutes, "about" one to fifteen, a whole hour ("around 3 a.m.") to half an hour; one of
an outlet's times that agrees with the other's (a time and its conversion) settles it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimcheck.claims.event_dates import by_related_documents, happening_of, story_happening
from claimcheck.extract.clock_times import ClockTime, find_clock_times
from claimcheck.lang import language_data
from claimcheck.models import Claim, Conflict, DateMention

JUDGE = "claims"
_SCORE = 0.7
_SAID_REACH = 3
_OPENING = 3
_CONVERSION_GAP = 12
_DAY = 24 * 60
# Zones run from UTC-12 to UTC+14.
_MAX_OFFSET = 14


@dataclass(frozen=True, slots=True)
class EventTimes:
    """The clock times one sentence gives one happening, and the day it gives it."""

    claim: int
    happening: str
    times: tuple[ClockTime, ...]
    day: DateMention | None


def read_event_times(claims: Sequence[Claim], story: str | None = None
                     ) -> tuple[EventTimes, ...]:
    """Each sentence's clock times, grouped by the happening they time; ``story`` is
    ``story_happening(claims)``, found here when needed and not given."""
    out: list[EventTimes] = []
    for position, claim in enumerate(claims):
        times = find_clock_times(claim.sentence.text)
        if not times:
            continue
        if story is None:
            story = story_happening(claims) or ""
        by_happening: dict[str, list[ClockTime]] = defaultdict(list)
        timed_as = [happening_of(claim, DateMention(t.text, t.start, t.end, None, None),
                                 story or None) or _sole_happening(claim, t) for t in times]
        for index, time in enumerate(times):
            happening = timed_as[index]
            if happening is None and index and _converted(claim.sentence.text, times[index - 1],
                                                          time):
                happening = timed_as[index - 1]  # "14.40 Uhr Ortszeit (8.40 Uhr MESZ)"
            if happening is None and index + 1 < len(times) and \
                    _converted(claim.sentence.text, time, times[index + 1]):
                happening = timed_as[index + 1]
            if happening is not None:
                by_happening[happening].append(time)
        for happening, found in by_happening.items():
            # A day inside a conversion's brackets is the other zone's ("1830 GMT Thursday").
            days = [mention for mention in claim.dates if mention.start is not None
                    and not _bracketed(claim.sentence.text, mention.span_start)
                    and happening_of(claim, mention, story or None) == happening]
            out.append(EventTimes(position, happening, tuple(found),
                                  days[0] if len(days) == 1 else None))
    return tuple(out)


def _converted(text: str, first: ClockTime, second: ClockTime) -> bool:
    """The second time restates the first in brackets: "2:30 a.m. local time (1830 GMT)"."""
    between = text[first.end:second.start]
    return "(" in between and len(between) <= _CONVERSION_GAP


def _bracketed(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("(") > before.count(")")


def _sole_happening(claim: Claim, time: ClockTime) -> str | None:
    """The one happening a sentence names, however far from its time ("The blast tore
    through the plant's main hall ... at around 2:45 p.m."), unless a word of saying
    stands by the time ("said at 3 p.m." times a statement)."""
    tokens, hits = language_data(claim.sentence.language).find(claim.sentence.text)
    at = next((i for i, t in enumerate(tokens) if t.start >= time.start), len(tokens))
    if any(hit.category == "attribution" and abs(hit.first - at) <= _SAID_REACH
           for hit in hits):
        return None
    happenings = {hit.concept for hit in hits if hit.category == "happenings"}
    # Named first, it is what the sentence is about; further in, it may only qualify
    # another deed ("the search for the landslide's victims was halted at 2 p.m.").
    opening = any(hit.category == "happenings" and hit.first <= _OPENING for hit in hits)
    return happenings.pop() if len(happenings) == 1 and opening else None


def compare_event_times(claims: Sequence[Claim], timed: Sequence[EventTimes],
                        related: set) -> tuple[Conflict, ...]:
    """Pairs of outlets that time the same happening at clock times that cannot meet."""
    conflicts: dict[str, Conflict] = {}
    zones = _local_zones(timed)
    for a, b in by_related_documents(timed, lambda item: claims[item.claim].sentence.doc,
                                     related):
        claim_a, claim_b = claims[a.claim], claims[b.claim]
        if a.happening != b.happening or claim_a.outlet.casefold() == claim_b.outlet.casefold():
            continue
        if a.day is not None and b.day is not None and (a.day.start, a.day.end) != \
                (b.day.start, b.day.end):
            continue  # two days: a date conflict, or two happenings
        apart = [(x, y) for x in a.times for y in b.times if _comparable(x, y)]
        zone = zones.get(a.happening)
        if not apart and zone is not None:
            # Local time against a named zone: comparable once an outlet has converted
            # one into the other ("14.40 Uhr Ortszeit (8.40 Uhr MESZ)").
            apart = [(_placed(x, zone), _placed(y, zone)) for x in a.times for y in b.times]
        if not apart or any(_meet(x, y) for x, y in apart):
            continue
        x, y = apart[0]
        why = (f"{a.happening.replace('_', ' ')}: {x.text} ({x.label}, {claim_a.outlet}) vs "
               f"{y.text} ({y.label}, {claim_b.outlet}): the same happening at times that "
               f"cannot meet")
        conflict = Conflict("date", _SCORE, why, claim_a, claim_b, JUDGE,
                            (_as_mention(x, a.day),), (_as_mention(y, b.day),),
                            detail="contradicted")
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _as_mention(time: ClockTime, day: DateMention | None) -> DateMention:
    """The time as the reports show a date: where it stands, on its day if one is given."""
    return DateMention(time.text, time.start, time.end, day.start if day else None,
                       day.end if day else None)


def _local_zones(timed: Sequence[EventTimes]) -> dict[str, float]:
    """Each happening's local zone, where a sentence gives its time both in local time and
    in a named zone: the hours between the two (the most common, if outlets differ)."""
    found: dict[str, Counter] = defaultdict(Counter)
    for item in timed:
        for local in (t for t in item.times if t.offset is None):
            for zoned in (t for t in item.times if t.offset is not None):
                hours = ((local.minutes - zoned.utc) % _DAY) / 60
                hours = hours - 24 if hours > _MAX_OFFSET else hours
                found[item.happening][round(hours * 4) / 4] += 1
    return {happening: counts.most_common(1)[0][0] for happening, counts in found.items()}


def _placed(time: ClockTime, zone: float) -> ClockTime:
    """A local time given the zone an outlet's conversion showed."""
    return time if time.offset is not None else replace(time, offset=zone)


def _comparable(x: ClockTime, y: ClockTime) -> bool:
    return (x.offset is None) == (y.offset is None)


def _meet(x: ClockTime, y: ClockTime) -> bool:
    first, second = (x.utc, y.utc) if x.offset is not None else (x.minutes, y.minutes)
    gap = abs(first - second)
    return min(gap, _DAY - gap) <= max(_tolerance(x), _tolerance(y))


def _tolerance(time: ClockTime) -> int:
    if time.whole_hour:
        return 30
    return 15 if time.hedged else 5
