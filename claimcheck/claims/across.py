"""The claims stage: the judges' conflicts merged with the claims compared across outlets.

One claim per thing measured (``crossclaims``, ``measures``), per happening dated
(``event_dates``) and per code named (``identifiers``), each read over whole articles;
where the claims compared a pair of sentences, their verdict replaces the numeric and
date judges' on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.claims.crossclaims import (
    compare_claims,
    disagrees_on_measure,
    measures_by_place,
    retired,
)
from claimcheck.claims.event_dates import (
    apart_in_happenings,
    compare_event_dates,
    compare_weekdays,
    read_event_dates,
    related_documents,
    state_dates,
    statement_dates,
    story_happening,
)
from claimcheck.claims.event_times import compare_event_times, read_event_times
from claimcheck.claims.identifiers import compare_codes, read_codes
from claimcheck.claims.locations import compare_placements, read_placements
from claimcheck.claims.measures import echoes, read_measures
from claimcheck.claims.role_names import compare_role_names, read_role_names
from claimcheck.claims.stances import compare_stances, read_stances
from claimcheck.models import CandidatePair, Claim, Conflict, DisputedClaim


def compare_across_outlets(claims: Sequence[Claim], pairs: Sequence[CandidatePair],
                           conflicts: Sequence[Conflict], min_score: float = 0.0
                           ) -> tuple[tuple[Conflict, ...], tuple[DisputedClaim, ...]]:
    """The judges' ``conflicts`` with the cross-outlet claims' own, strongest first, and the
    disputed claims; ``pairs`` are the candidate pairs over ``claims``' positions."""
    measures = read_measures(claims)
    found, disputed = compare_claims(claims, measures, pairs)
    related = related_documents(claims, pairs)
    story = story_happening(claims)
    dated = compare_event_dates(claims, read_event_dates(claims, story or ""), related)
    dated += compare_event_times(claims, read_event_times(claims, story or ""), related)
    dated += compare_weekdays(claims, related)
    named = compare_codes(claims, read_codes(claims), related)
    role_names = read_role_names(claims)
    named += compare_role_names(claims, role_names, related)
    named += compare_stances(claims, read_stances(claims, role_names), related)
    named += compare_placements(claims, read_placements(claims), related)
    retired_at = retired(claims, measures) | echoes(claims)
    read = measures_by_place(claims, measures)
    # Dates that only say when something was said, or that a state still held that day
    # ("still stuck on Friday"), date no happening: the date judge's pairs on them go.
    said_on = statement_dates(claims) | state_dates(claims)
    # A pair of sentences the claims compared is theirs to judge on numbers and dates.
    decided = {_sentence_pair(conflict) for conflict in (*found, *dated)}
    merged = {conflict.id: conflict for conflict in conflicts
              if not disagrees_on_measure(conflict, read, retired_at)
              and not _dates_a_statement(conflict, said_on)
              and not _dates_two_happenings(conflict, story)
              and not (conflict.kind in ("numeric", "date")
                       and _sentence_pair(conflict) in decided)}
    for conflict in (*found, *dated, *named):
        if conflict.score >= min_score:
            merged[conflict.id] = conflict
    # Equal scores in one order whatever the hash seed: the report is the same every run.
    ordered = sorted(merged.values(), key=lambda c: (
        -c.score, c.a.sentence.doc, c.a.sentence.index, c.kind, c.b.sentence.doc,
        c.b.sentence.index, c.detail or "", c.explanation))
    return tuple(ordered), disputed




def _sentence_pair(conflict: Conflict) -> frozenset:
    return frozenset(((conflict.a.sentence.doc, conflict.a.sentence.index),
                      (conflict.b.sentence.doc, conflict.b.sentence.index)))


def _dates_two_happenings(conflict: Conflict, story: str | None) -> bool:
    """A date judge's "may be different moments" pair whose dates the claims read as
    dating two happenings ("found on Friday", "the blast on Wednesday")."""
    if conflict.kind != "date" or conflict.detail != "different day":
        return False
    return any(apart_in_happenings(conflict.a, a, conflict.b, b, story)
               for a in conflict.a_values for b in conflict.b_values)


def _dates_a_statement(conflict: Conflict, said_on: set) -> bool:
    """A date judge's pair where one side's date only says when something was said."""
    if conflict.kind != "date" or conflict.detail == "misprinted":
        return False  # a misprinted date is wrong whatever it dates
    for sentence, values in ((conflict.a.sentence, conflict.a_values),
                             (conflict.b.sentence, conflict.b_values)):
        spans = [getattr(value, "span_start", None) for value in values]
        if spans and all((sentence.doc, sentence.index, span) in said_on for span in spans):
            return True
    return False


