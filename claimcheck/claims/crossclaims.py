"""Claims across outlets: the same measure from every outlet, compared as one claim.

Measures (``claimcheck.claims.measures``) that count the same event and the same kind
of thing (people dead, passengers, ships waiting) or give the same property (depth, age,
delay) in the same scope are one claim, whatever the language each outlet wrote it in.
Their values are then compared:

- agreement: the intervals meet, within hedges and rounding ("at least 145" and 150),
  and unit conversions (2,600 feet and 792 metres);
- **changed**: a running figure (a death toll, ships waiting) reported at different
  times: the publication dates differ, or the sentence says the figure moved ("rose to");
  reported with its timeline, not as a contradiction;
- **contradicted**: the same measure at the same time with incompatible values.

A subset never meets its whole: foreigners among the dead are not the dead, the
seriously injured not the injured, "30 of the 41" not 41; a rate per day never meets
a total. Only outlets whose articles share a story are compared (linked by at least
two candidate pairs), so two events in one batch keep their tolls apart. An outlet's
figure it calls superseded ("previously 38"), an order of magnitude ("dozens") and a
toll dated to an earlier year are not its claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from claimcheck.claims.event_dates import by_related_documents, related_documents
from claimcheck.claims.intervals import (
    orders_apart,
    overlap,
    round_figure,
    summarises,
)
from claimcheck.claims.measures import PERSON_GROUPS, TALLIES, Measure
from claimcheck.claims.owners import same_owner
from claimcheck.models import CandidatePair, Claim, ClaimValue, Conflict, DisputedClaim

JUDGE = "claims"
# Exact figures round only in their last digit; converted units lose a little more.
_SAME_UNIT_TOLERANCE = 0.005
_CONVERTED_TOLERANCE = 0.05
_CONTRADICTED_SCORE = 0.9
_DAY_SECONDS = 86400.0
_CHANGED_SCORE = 0.6
# A month or year that ended this long before the article is another event's time.
_EARLIER_PERIOD_DAYS = 31
# Generic counted nouns: "people" and a bare number count the same persons.
_GENERIC = (None, "people")


def compare_claims(claims: Sequence[Claim], measures: Sequence[Measure],
                   pairs: Iterable[CandidatePair]) -> tuple[tuple[Conflict, ...],
                                                            tuple[DisputedClaim, ...]]:
    """Conflicting pairs and disputed claims among ``measures`` of different outlets."""
    related = related_documents(claims, pairs)
    keyed = [(m, key) for m in _claimed(claims, measures) if (key := _bucket(m)) is not None]
    conflicts: dict[str, Conflict] = {}
    found: list[tuple[Measure, Measure, str]] = []
    linked = _Components()
    # Only figures of two related articles meet: each such pair of articles is visited
    # once, so the work grows with the stories, not with the square of the batch.
    for (a, key_a), (b, key_b) in by_related_documents(
            keyed, lambda item: claims[item[0].claim].sentence.doc, related):
        if key_a != key_b:
            continue
        claim_a, claim_b = claims[a.claim], claims[b.claim]
        if claim_a.outlet.casefold() == claim_b.outlet.casefold() or not _same_measure(a, b) \
                or not same_owner(a, b, claim_a, claim_b):
            continue
        linked.join(id(a), id(b))
        verdict = _verdict(a, b, claim_a, claim_b)
        if verdict is None:
            continue
        found.append((a, b, verdict))
        conflict = _conflict(a, b, claim_a, claim_b, verdict)
        known = conflicts.get(conflict.id)
        if known is None or conflict.score > known.score:
            conflicts[conflict.id] = conflict
    # One claim per set of figures that measure the same thing: a toll of the dead and
    # one of the injured share a bucket, never a claim.
    by_component: dict[int, list[tuple[Measure, Measure, str]]] = defaultdict(list)
    for item in found:
        by_component[linked.find(id(item[0]))].append(item)
    groups = list(by_component.values())
    disputed = tuple(_disputed(claims, group) for group in groups)
    return tuple(conflicts.values()), tuple(sorted(disputed, key=lambda d: d.measure))


def measures_by_place(claims: Sequence[Claim], measures: Sequence[Measure]) -> dict:
    """Each measure under (doc, sentence, start, end) of its quantity."""
    return {(claims[m.claim].sentence.doc, claims[m.claim].sentence.index, m.quantity.start,
             m.quantity.end): m for m in measures}


def disagrees_on_measure(conflict: Conflict, read: dict, retired_at: set[tuple]) -> bool:
    """True when a judge's numeric conflict compares figures that measure different things.

    The numeric judge pairs figures by shared words; the measures know that "16 detained"
    and "18 questioned", or a tonnage and a depth, are not one claim. ``read`` is
    ``measures_by_place``'s, built once: rebuilt for each conflict it was quadratic (25 s
    of a 22,000-sentence batch, under a profiler).
    """
    if conflict.kind != "numeric" or conflict.judge == JUDGE:
        return False
    a, b = conflict.a.sentence, conflict.b.sentence
    where_a = [(a.doc, a.index, q.start, q.end) for q in conflict.a_values]
    where_b = [(b.doc, b.index, q.start, q.end) for q in conflict.b_values]
    if (where_a and all(w in retired_at for w in where_a)) \
            or (where_b and all(w in retired_at for w in where_b)):
        return True  # "previously 38": not the outlet's claim
    side_a = [read.get(w) for w in where_a]
    side_b = [read.get(w) for w in where_b]
    for values, side in ((conflict.a_values, side_a), (conflict.b_values, side_b)):
        if values and all(getattr(q, "value", None) == 0 for q in values) \
                and all(m is None for m in side):
            return True  # "none of the passengers was Dutch": who was absent, no count
    if not side_a or not side_b or None in side_a or None in side_b:
        return False
    if any(m.dimension != "count" for m in (*side_a, *side_b)):
        # Sums, lengths and spans the measures read are theirs to compare: with what each
        # measures known, a shared word adds nothing; without it, it proves nothing.
        return True
    return all(_clearly_different(a, b) for a in side_a for b in side_b)


def _clearly_different(a: Measure, b: Measure) -> bool:
    """Both figures say what they measure, and it is not the same thing (a conservative
    test: a figure that says little is left to the judge that paired it)."""
    if a.dimension != b.dimension or (a.scope != b.scope and "rate" in (a.scope, b.scope)):
        return True
    marks = {"part", "serious", "light", "limit", "one day", "hospitalised", "adult",
             "demanded", "offered"}
    if set(a.qualifiers) & marks != set(b.qualifiers) & marks or \
            {q for q in a.qualifiers if q.startswith("by ")} != \
            {q for q in b.qualifiers if q.startswith("by ")}:
        return True  # ... or a crowd counted by the police and by its organisers
    if a.dimension == "count":
        if None not in (a.event, b.event) and a.event != b.event:
            return True
        if None not in (a.action, b.action) and a.action != b.action:
            return True  # flights cancelled are not flights diverted
        if (a.event is None or b.event is None) and orders_apart(a, b):
            # "employs 600 people" and "5 people died": staff, not a toll; "2.5 million
            # employees" nationwide and "10,000 employees" of one city: two groups
            return True
        # Nouns no concept knows ("provincial capitals", "Provinzhauptstädte") may be one
        # thing in two languages: only known concepts tell two counts apart.
        specific = {c for c in (a.counted, b.counted)
                    if c not in _GENERIC and not c.startswith("other:")}
        return len(specific) == 2 or (a.counted in _GENERIC) != (b.counted in _GENERIC) \
            and bool(specific & PERSON_GROUPS)
    return None not in (a.attribute, b.attribute) and a.attribute != b.attribute


def _claimed(claims: Sequence[Claim],
                            measures: Sequence[Measure]) -> list[Measure]:
    """The figures each outlet claims: not those it calls superseded ("previously 38") or
    only an order of magnitude ("dozens"); an article's earlier figure of a running tally
    stays, as a point of the timeline ("Reuters first counted 78 dead")."""
    kept = [m for m in measures if _comparable(m) and not (
        m.event in TALLIES and _of_an_earlier_year(claims[m.claim]))]
    kept = _without_figures_the_article_moved_on_from(claims, kept)
    # The same figure stated twice in one article is one claim, shown where the body first
    # states it (the lead a reader meets, and a fact-checker quotes), read as tightly as
    # the article states it anywhere: "at least 41 dead" in the lead and "41 dead" in a
    # quote later are the lead's sentence reading exactly 41.
    first: dict[tuple, Measure] = {}
    for m in sorted(kept, key=lambda m: (_headline(claims[m.claim]), m.claim)):
        bucket = _bucket(m)
        key = (claims[m.claim].sentence.doc, bucket, m.event, m.value) if bucket else id(m)
        shown = first.setdefault(key, m)
        if shown is not m:
            first[key] = _tightened(shown, m)
    return list(first.values())


def _tightened(shown: Measure, other: Measure) -> Measure:
    """``shown`` with the range it shares with ``other`` (the same figure stated again)."""
    low = max((v for v in (shown.low, other.low) if v is not None), default=None)
    high = min((v for v in (shown.high, other.high) if v is not None), default=None)
    if low is not None and high is not None and low > high:
        return shown
    return replace(shown, low=low, high=high, bound=shown.bound and other.bound)


def _without_figures_the_article_moved_on_from(claims: Sequence[Claim],
                                               measures: list[Measure]) -> list[Measure]:
    """An article that says its tally moved ("now rose to 41", "dari 40 menjadi 47") has
    told its own timeline: its lower figures of that tally are the past, not its claim.
    Figures it gives side by side without saying one replaced the other all stand."""
    moved_to: dict[tuple, float] = {}
    for m in measures:
        bucket = _bucket(m)
        if m.running and m.value is not None and m.event in TALLIES and bucket:
            key = (claims[m.claim].sentence.doc, bucket, m.event)
            moved_to[key] = max(moved_to.get(key, m.value), m.value)
    return [m for m in measures
            if (key := (claims[m.claim].sentence.doc, _bucket(m), m.event)) not in moved_to
            or m.value is None or m.value >= moved_to[key]]


def _headline(claim: Claim) -> bool:
    """A line without closing punctuation: a headline, which the body says again."""
    return not claim.sentence.text.rstrip().endswith((".", "!", "?", '"', "”", "'", ")"))


def retired(claims: Sequence[Claim], measures: Sequence[Measure]) -> set[tuple]:
    """Where each figure that is not its outlet's claim stands: one the outlet calls
    superseded, an order of magnitude."""
    kept = {id(m) for m in _claimed(claims, measures)}
    return {_where(claims, m) for m in measures if not _comparable(m) or (
        id(m) not in kept and m.event in TALLIES)}


def _where(claims: Sequence[Claim], m: Measure) -> tuple:
    sentence = claims[m.claim].sentence
    return sentence.doc, sentence.index, m.quantity.start, m.quantity.end


def _bucket(m: Measure) -> tuple | None:
    if m.dimension == "count":
        counted = "people" if m.counted in _GENERIC else m.counted
        if counted.startswith("other:"):
            return None
        if counted == "people" and (m.event is None or "part" in m.qualifiers) \
                and "hospitalised" not in m.qualifiers:
            # A bare count of persons says nothing of what happened to them; those still in
            # hospital ("41 of them still treated") are injured, a count of their own.
            return None
        return (m.dimension, counted, m.scope, m.qualifiers)
    if m.dimension == "mass":
        # A tonnage is of something: "500 t of fertiliser", not "the 1,200 t ferry".
        return None if m.counted is None else (m.dimension, None, m.scope, m.qualifiers)
    if m.attribute is None:
        return None
    return (m.dimension, m.attribute, m.scope, m.qualifiers)


def _comparable(m: Measure) -> bool:
    """A figure an outlet claims: not an order of magnitude, a superseded or partial one,
    nor "two more" with no event of its own (a group added to one the sentence does not
    count; "8,000 additional troops" are a group named as such and stay), nor a single
    one written as a word with no event ("one passenger told ..."): a person, not a count."""
    if m.event is None and ((m.increment and "additional" not in m.qualifiers) or (
            m.value == 1 and not any(ch.isdigit() for ch in m.quantity.text))):
        return False
    return not (m.vague or m.superseded or m.breakdown)


def _of_an_earlier_year(claim: Claim) -> bool:
    """The sentence dates what it tells to a month or year that ended well before its
    article ("in October 2018, 60 people were killed", "Erst im März starben neun
    Menschen" in an article of October): its toll belongs to another event."""
    if claim.published is None:
        return False
    return any(mention.end is not None and mention.start is not None
               and (mention.end - mention.start).days >= 27
               and (claim.published - mention.end).days > _EARLIER_PERIOD_DAYS
               for mention in claim.dates)


def _same_measure(a: Measure, b: Measure) -> bool:
    actors = a.quantity.actor, b.quantity.actor
    # A toll of a happening's victims is the happening's, whoever announces it (an
    # embassy, the police); troops, staff and money belong to whoever sends them.
    victims = a.event in TALLIES and b.event in TALLIES and \
        a.counted in _GENERIC and b.counted in _GENERIC
    if None not in actors and actors[0] != actors[1] and not victims:
        return False  # the UK's 600 troops never meet the US's 650
    if a.dimension == "mass":
        return bool(set(a.counted.split()) & set(b.counted.split()))
    if a.dimension == "count":
        if a.counted in _GENERIC or b.counted in _GENERIC:
            return a.event == b.event or "hospitalised" in a.qualifiers and \
                "hospitalised" in b.qualifiers and {a.event, b.event} <= {None, "injured"}
        if a.action != b.action and (a.counted in PERSON_GROUPS
                                     or None not in (a.action, b.action)):
            # The two divers who found the crew are not the three who joined; flights
            # cancelled are not flights diverted. Things a happening befell without saying
            # ("the landslide buried 24 houses", "42 houses") are the same houses.
            return False
        return a.event == b.event or a.event is None or b.event is None
    return a.event == b.event or a.event is None or b.event is None


def _verdict(a: Measure, b: Measure, claim_a: Claim, claim_b: Claim) -> str | None:
    """"contradicted", "changed" or None when the two values agree."""
    if orders_apart(a, b) and (a.dimension != "count" or None in (a.event, b.event)):
        # a 300 m ship and a 160 km river: two objects, not one length; "2.5 million
        # employees" nationwide and "9,500 employees" who struck in one city: two groups
        return None
    converted = a.dimension != "count" and a.quantity.unit != b.quantity.unit
    tolerance = _CONVERTED_TOLERANCE if converted else _SAME_UNIT_TOLERANCE
    meet = overlap(a, b, tolerance)
    points_differ = (a.value is not None and b.value is not None
                     and abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value)))
    later = _different_moments(claim_a, claim_b)
    running = a.running or b.running or later
    if not meet:
        return "changed" if running and _tally(a, b) else "contradicted"
    if not points_differ or not _tally(a, b):
        return None
    if a.bound and b.bound and a.quantity.change == b.quantity.change and not later \
            and a.event not in TALLIES and b.event not in TALLIES:
        # "at least 46 flights" and "more than 40" the same day: two floors of one count
        # (a toll's "at least 137" and "at least 145" are two moments of it).
        return None
    if any(m.quantity.change == "~" and round_figure(m) for m in (a, b)):
        # "nearly 30" and 28, "about 150" and 146: one figure, rounded; "an estimated
        # 59" is an estimate of its own, which 56 disputes.
        return None
    # A tally's "at least 137" is the count of its moment: "at least 145" is a later update,
    # though the two intervals meet. An exact figure inside a bound of the same day agrees.
    if (b.bound and not a.bound and summarises(b, a)) \
            or (a.bound and not b.bound and summarises(a, b)):
        return None  # "more than 40" summarises 43 and 45: a round bound, not an update
    # A tally's "at least 145" is the count of its moment, not a floor: 157 is another one.
    return "changed"


def _tally(a: Measure, b: Measure) -> bool:
    return (a.event or b.event) in TALLIES or a.dimension == "count"


def _different_moments(a: Claim, b: Claim) -> bool:
    return a.published is not None and b.published is not None and a.published != b.published


def _conflict(a: Measure, b: Measure, claim_a: Claim, claim_b: Claim, verdict: str) -> Conflict:
    first, second = (a, b), (claim_a, claim_b)
    if _order(claim_b) < _order(claim_a):
        first, second = (b, a), (claim_b, claim_a)
    (m1, m2), (c1, c2) = first, second
    label = m1.label
    if verdict == "changed":
        why = (f"{label}: {m1.quantity.text} ({_when(c1)}) then {m2.quantity.text} "
               f"({_when(c2)}): a running figure reported at different times")
        score = _CHANGED_SCORE
    else:
        why = (f"{label}: {m1.quantity.text} ({c1.outlet}) vs {m2.quantity.text} "
               f"({c2.outlet}): the same measure with incompatible values")
        score = _CONTRADICTED_SCORE
    # How long after take-off, how many hours late: a span of minutes or hours is a matter
    # of time, reported with the dates; days and years stay numbers.
    kind = "date" if _clock_span(m1) and _clock_span(m2) else "numeric"
    return Conflict(kind, score, why, c1, c2, JUDGE, (m1.quantity,), (m2.quantity,),
                    detail=verdict)


def _clock_span(m: Measure) -> bool:
    return m.dimension == "duration" and m.value is not None and m.value < _DAY_SECONDS


def _order(claim: Claim) -> tuple[date, str]:
    return (claim.published or date.min, claim.outlet.casefold())


def _when(claim: Claim) -> str:
    return f"{claim.outlet}, {claim.published.isoformat()}" if claim.published else claim.outlet


class _Components:
    """Union-find over measures: which figures are linked as one claim."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _disputed(claims: Sequence[Claim], found: list[tuple[Measure, Measure, str]]) -> DisputedClaim:
    members: dict[tuple, Measure] = {}
    for a, b, _ in found:
        for m in (a, b):
            # An outlet giving one figure twice is listed once.
            members.setdefault((claims[m.claim].outlet.casefold(), m.value, m.quantity.text), m)
    ordered = sorted(members.values(), key=lambda m: (_order(claims[m.claim]), m.claim))
    verdicts = {verdict for _, _, verdict in found}
    verdict = "contradicted" if "contradicted" in verdicts else "changed"
    label = ordered[0].label
    outlets = len({claims[m.claim].outlet.casefold() for m in ordered})
    first, last = ordered[0], ordered[-1]
    if verdict == "changed":
        why = (f"a running figure: {first.quantity.text} ({_when(claims[first.claim])}) "
               f"to {last.quantity.text} ({_when(claims[last.claim])})")
    else:
        why = f"{outlets} outlets give values that cannot all hold at the same time"
    values = tuple(ClaimValue(claims[m.claim], m.quantity, m.value) for m in ordered)
    return DisputedClaim(label, verdict, why, values)
