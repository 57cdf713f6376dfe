"""Claims across outlets: the same measure from every outlet, compared as one claim.

Measures (``claimcheck.measures``) that count the same event and the same kind of thing
(people dead, passengers, ships waiting) or give the same property (depth, age, delay)
in the same scope are one claim, whatever the language each outlet wrote it in. Their
values are then compared:

- agreement: the intervals meet, within hedges and rounding ("at least 145" and 150),
  and unit conversions (2,600 feet and 792 metres);
- **changed**: a running figure (a death toll, ships waiting) reported at different
  times: the publication dates differ, or the sentence says the figure moved ("rose to");
  reported with its timeline, not as a contradiction;
- **contradicted**: the same measure at the same time with incompatible values.

A subset never meets its whole: foreigners among the dead are not the dead, the
seriously injured not the injured, "103 of the 154" not 154; a rate per day never meets
a total. Only outlets whose articles share a story are compared (linked by at least
one candidate pair), so two events in one batch keep their tolls apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from claimcheck.measures import TALLIES, Measure
from claimcheck.models import CandidatePair, Claim, ClaimValue, Conflict, DisputedClaim

JUDGE = "claims"
# Exact figures round only in their last digit; converted units lose a little more.
_SAME_UNIT_TOLERANCE = 0.005
_CONVERTED_TOLERANCE = 0.05
_CONTRADICTED_SCORE = 0.9
_CHANGED_SCORE = 0.6
# Generic counted nouns: "people" and a bare number count the same persons.
_GENERIC = (None, "people")


def compare_claims(claims: Sequence[Claim], measures: Sequence[Measure],
                   pairs: Iterable[CandidatePair]) -> tuple[tuple[Conflict, ...],
                                                            tuple[DisputedClaim, ...]]:
    """Conflicting pairs and disputed claims among ``measures`` of different outlets."""
    related = _related_documents(claims, pairs)
    buckets: dict[tuple, list[Measure]] = defaultdict(list)
    for measure in measures:
        key = _bucket(measure)
        if key is not None:
            buckets[key].append(measure)
    conflicts: dict[str, Conflict] = {}
    groups: list[list[tuple[Measure, Measure, str]]] = []
    for members in buckets.values():
        found: list[tuple[Measure, Measure, str]] = []
        for i, a in enumerate(members):
            claim_a = claims[a.claim]
            for b in members[i + 1:]:
                claim_b = claims[b.claim]
                if claim_a.outlet.casefold() == claim_b.outlet.casefold():
                    continue
                docs = frozenset((claim_a.sentence.doc, claim_b.sentence.doc))
                if docs not in related or not _comparable(a) or not _comparable(b) \
                        or not _same_measure(a, b):
                    continue
                verdict = _verdict(a, b, claim_a, claim_b)
                if verdict is None:
                    continue
                found.append((a, b, verdict))
                conflict = _conflict(a, b, claim_a, claim_b, verdict)
                known = conflicts.get(conflict.id)
                if known is None or conflict.score > known.score:
                    conflicts[conflict.id] = conflict
        if found:
            groups.append(found)
    disputed = tuple(_disputed(claims, found) for found in groups)
    return tuple(conflicts.values()), tuple(sorted(disputed, key=lambda d: d.measure))


def _related_documents(claims: Sequence[Claim], pairs: Iterable[CandidatePair]) -> set:
    related = set()
    for pair in pairs:
        related.add(frozenset((claims[pair.a].sentence.doc, claims[pair.b].sentence.doc)))
    return related


def _bucket(m: Measure) -> tuple | None:
    if m.dimension == "count":
        counted = "people" if m.counted in _GENERIC else m.counted
        if counted.startswith("other:"):
            return None
        if counted == "people" and (m.event is None or "part" in m.qualifiers):
            return None  # a bare count of persons says nothing of what happened to them
        return (m.dimension, counted, m.scope, m.qualifiers)
    if m.dimension in ("mass", "area"):
        return (m.dimension, None, m.scope, m.qualifiers)  # a tonnage of the story's cargo
    if m.attribute is None:
        return None
    return (m.dimension, m.attribute, m.scope, m.qualifiers)


def _comparable(m: Measure) -> bool:
    return not (m.vague or m.superseded)


def _same_measure(a: Measure, b: Measure) -> bool:
    actors = a.quantity.actor, b.quantity.actor
    if None not in actors and actors[0] != actors[1]:
        return False  # the UK's 600 troops never meet the US's 650
    if a.dimension == "count":
        if a.counted in _GENERIC or b.counted in _GENERIC:
            return a.event == b.event
        return a.event == b.event or a.event is None or b.event is None
    return a.event == b.event or a.event is None or b.event is None


def _verdict(a: Measure, b: Measure, claim_a: Claim, claim_b: Claim) -> str | None:
    """"contradicted", "changed" or None when the two values agree."""
    tolerance = _SAME_UNIT_TOLERANCE if a.quantity.unit == b.quantity.unit \
        else _CONVERTED_TOLERANCE
    meet = _overlap(a, b, tolerance)
    points_differ = (a.value is not None and b.value is not None
                     and abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value)))
    later = _different_moments(claim_a, claim_b)
    running = a.running or b.running or later
    if not meet:
        return "changed" if running and _tally(a, b) else "contradicted"
    if not points_differ or not _tally(a, b):
        return None
    # A tally's "at least 137" is the count of its moment: "at least 145" is a later update,
    # though the two intervals meet. An exact figure inside a bound of the same day agrees.
    exact_inside = (not a.bound and _inside(a, b)) or (not b.bound and _inside(b, a))
    if later or (a.bound and b.bound) or (running and not exact_inside):
        return "changed"
    return None


def _inside(x: Measure, bound: Measure) -> bool:
    low, high = _interval(bound)
    return x.value is not None and (low is None or x.value >= low) \
        and (high is None or x.value <= high)


def _tally(a: Measure, b: Measure) -> bool:
    return (a.event or b.event) in TALLIES or a.dimension == "count"


def _overlap(a: Measure, b: Measure, tolerance: float) -> bool:
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    if None in (low_a, high_a, low_b, high_b) and (a.value is None and a.low is None
                                                   or b.value is None and b.low is None):
        return True
    slack_a = tolerance * max(abs(low_a or 0), abs(high_a or 0))
    slack_b = tolerance * max(abs(low_b or 0), abs(high_b or 0))
    slack = max(slack_a, slack_b)
    if high_a is not None and low_b is not None and high_a + slack < low_b:
        return False
    return not (high_b is not None and low_a is not None and high_b + slack < low_a)


def _interval(m: Measure) -> tuple[float | None, float | None]:
    low = m.low if m.low is not None else (m.value if m.quantity.change != "<" else None)
    high = m.high if m.high is not None else (m.value if m.quantity.change != ">" else None)
    return low, high


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
    return Conflict("numeric", score, why, c1, c2, JUDGE, (m1.quantity,), (m2.quantity,),
                    detail=verdict)


def _order(claim: Claim) -> tuple[date, str]:
    return (claim.published or date.min, claim.outlet.casefold())


def _when(claim: Claim) -> str:
    return f"{claim.outlet}, {claim.published.isoformat()}" if claim.published else claim.outlet


def _disputed(claims: Sequence[Claim], found: list[tuple[Measure, Measure, str]]) -> DisputedClaim:
    members: dict[tuple[int, int], Measure] = {}
    for a, b, _ in found:
        members[(a.claim, a.quantity.start)] = a
        members[(b.claim, b.quantity.start)] = b
    ordered = sorted(members.values(), key=lambda m: (_order(claims[m.claim]), m.claim))
    verdicts = {verdict for _, _, verdict in found}
    verdict = "contradicted" if "contradicted" in verdicts else "changed"
    label = ordered[0].label
    timeline = ", ".join(f"{m.quantity.text} ({_when(claims[m.claim])})" for m in ordered)
    if verdict == "changed":
        why = f"{label} changed as it was reported: {timeline}"
    else:
        why = f"{label} is given differently at the same time: {timeline}"
    values = tuple(ClaimValue(claims[m.claim], m.quantity, m.value) for m in ordered)
    return DisputedClaim(label, verdict, why, values)
