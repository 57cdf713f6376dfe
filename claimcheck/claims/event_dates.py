"""Dates of happenings across outlets: the same event dated on different days.

A date in a news sentence dates something: "16 port workers were detained on Thursday",
"dinyatakan tenggelam pada Minggu (3/3/2024)", "am Freitag wurden 16 Mitarbeiter
festgenommen". ``read_event_dates`` ties each resolved date to the happening nearest to it
(found, declared, sank, detained, stuck...; ``claimcheck.lang``'s ``happenings``), and
leaves out dates that only date a statement ("said on Friday", "kata polisi, Jumat
(7/8/2020)"), whose day says when an outlet heard it, not when it happened.
``compare_event_dates`` reports two outlets dating the same happening on days that cannot
coincide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from claimcheck.claims.figures import figure_shapes
from claimcheck.judges.lexicon import default_lexicon
from claimcheck.lang import ConceptHit, language_data
from claimcheck.models import CandidatePair, Claim, Conflict, DateMention

JUDGE = "claims"
_REACH = 8
_CLAUSE_BREAK = re.compile(r"[,;:!?()]|\.(?!\d)")  # not the dot of "20.40"
_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?)]|$)")
_WIDE_REACH = 14
# Candidate pairs two articles must share to tell one story.
_STORY_LINKS = 2
_REFERENCE_REACH = 3
#: Happenings that happen once to their subject: two years for one are two claims.
_ONE_TIME = frozenset({"built"})
_ONGOING_REACH = 2
# A date that spans more than a few days ("in 2013", "in March") does not date a day.
_MAX_SPAN_DAYS = 3
_SCORE = 0.7
#: Parts of a day in their order (``claimcheck.extract.calendar_words``' names).
_PARTS = ("morning", "midday", "afternoon", "night")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A happening and the day a sentence gives it."""

    claim: int
    mention: DateMention
    happening: str
    start: date
    end: date


def read_event_dates(claims: Sequence[Claim], story: str | None = None
                     ) -> tuple[EventDate, ...]:
    """Every resolved date of ``claims`` that dates a happening rather than a statement;
    ``story`` is ``story_happening(claims)`` ("" for none), found here when not given."""
    story = (story_happening(claims) if story is None else story) or None
    out: list[EventDate] = []
    for position, claim in enumerate(claims):
        for mention in claim.dates:
            if mention.relative and _quoted(claim.sentence.text, mention.span_start):
                continue  # "kemarin" in a quote is the speaker's yesterday, not the paper's
            happening = happening_of(claim, mention, story)
            if happening is None or mention.start is None or mention.end is None:
                continue
            if (mention.end - mention.start).days >= _MAX_SPAN_DAYS \
                    and happening not in _ONE_TIME:
                continue  # "in 2013" does not date a day; a ship is built in one year
            out.append(EventDate(position, mention, happening, mention.start, mention.end))
    return tuple(out)


def happening_of(claim: Claim, mention: DateMention, story: str | None = None) -> str | None:
    """The happening ``mention`` dates in its sentence, or None for a statement's date.

    ``story`` is the happening the whole batch is about ("the explosion"): a sentence that
    names it beside another happening ("16 detained on Friday over the explosions") dates
    the other one.
    """
    text = claim.sentence.text
    tokens, hits = language_data(claim.sentence.language).find(text)
    at = next((i for i, t in enumerate(tokens) if t.start >= mention.span_end), len(tokens))
    before = next((i for i, t in enumerate(tokens) if t.start >= mention.span_start),
                  len(tokens))

    def gap(hit: ConceptHit) -> int:
        if hit.first >= at:
            return hit.first - at + 1
        if hit.last < before:
            return before - hit.last
        return 0

    references = [hit for hit in hits if hit.category == "reference"]

    def referred(hit: ConceptHit) -> bool:
        return any(0 <= hit.first - ref.last <= _REFERENCE_REACH for ref in references)

    def nearest(category: str, reach: int = _REACH, skip: str | None = None):
        found = [(gap(hit), hit.concept, hit) for hit in hits
                 if hit.category == category and hit.concept != skip
                 and not (category == "happenings" and referred(hit))]
        found = [item for item in found if item[0] <= reach]
        return min(found, key=lambda item: item[:2]) if found else None

    happening = nearest("happenings") or _clause_final(text, hits, mention, referred)
    occurred = nearest("occurred", _ONGOING_REACH)
    if occurred is not None:
        # "kebakaran ... yang terjadi Selasa": the date belongs to the happening named before.
        before = [hit for hit in hits if hit.category == "happenings"
                  and hit.last < occurred[2].first]
        if before:
            return before[-1].concept
    if happening is not None and happening[1] == story:
        happening = nearest("happenings", _WIDE_REACH, skip=story) or happening
    attribution = nearest("attribution")
    if happening is None or (attribution is not None and attribution[0] <= happening[0]):
        return None
    ongoing = nearest("ongoing", _ONGOING_REACH)
    shapes = figure_shapes(claim.sentence.language)
    if ongoing is not None and not any(
            tokens[i].text.casefold() in shapes.conjunctions
            for i in range(min(at, ongoing[2].first), max(before, ongoing[2].first))):
        # "still stuck on Thursday": a state on that day, not its start ("erupted on
        # Tuesday and is still spewing ash" dates the eruption).
        return None
    negators = default_lexicon().for_language(claim.sentence.language).negators
    first, last = happening[2].first, happening[2].last
    if any(tokens[i].text.casefold() in negators for i in range(max(0, first - 2), first)):
        return None  # "belum dievakuasi", "not yet found": nothing happened that day
    repeats = shapes.increments | shapes.again
    if any(tokens[i].text.casefold() in repeats
           for i in (*range(max(0, first - 2), first), *range(last + 1, last + 4))
           if i < len(tokens)):
        return None  # "found three more bodies", "kembali menemukan": one find of many
    return happening[1]


def _clause_final(text: str, hits: Sequence[ConceptHit], mention: DateMention, referred):
    """(gap, happening, hit) of the happening that ends the clause a date stands in, however
    far: German puts the participle last ("war am Montag gegen 20.40 Uhr ... über das Ende
    der Landebahn hinausgeschossen")."""
    for hit in hits:
        if hit.category == "happenings" and hit.start >= mention.span_end and \
                not referred(hit) and _CLAUSE_END.match(text, hit.end) and \
                not _CLAUSE_BREAK.search(text, mention.span_end, hit.start):
            return _REACH, hit.concept, hit
    return None


def story_happening(claims: Sequence[Claim]) -> str | None:
    """The happening the batch mentions most often: what the story is about."""
    counts: dict[str, int] = defaultdict(int)
    for claim in claims:
        _, hits = language_data(claim.sentence.language).find(claim.sentence.text)
        for concept in {hit.concept for hit in hits if hit.category == "happenings"}:
            counts[concept] += 1
    return max(counts, key=counts.get) if counts else None


def _quoted(text: str, position: int) -> bool:
    before = text[:position]
    return (before.count("\u201c") > before.count("\u201d")) or before.count('"') % 2 == 1


def compare_event_dates(claims: Sequence[Claim], dated: Sequence[EventDate],
                        related: set) -> tuple[Conflict, ...]:
    """Pairs of outlets that date the same happening on days that cannot coincide."""
    conflicts: dict[str, Conflict] = {}
    for a, b in by_related_documents(dated, lambda item: claims[item.claim].sentence.doc,
                                     related):
        if a.happening != b.happening:
            continue
        claim_a, claim_b = claims[a.claim], claims[b.claim]
        if claim_a.outlet.casefold() == claim_b.outlet.casefold():
            continue
        # A night spans midnight: Thursday night is Friday's small hours, so a night
        # reaches into the next day (not the day before); two nights must be one.
        night_a, night_b = _night(a.mention), _night(b.mention)
        end_a = a.end + timedelta(days=night_a and not night_b)
        end_b = b.end + timedelta(days=night_b and not night_a)
        apart = _hours_apart(a, b)
        if not apart and a.start <= end_b and b.start <= end_a:
            continue
        conflict = _conflict(a, b, claim_a, claim_b, apart)
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def apart_in_happenings(a: Claim, a_date: DateMention, b: Claim, b_date: DateMention,
                        story: str | None) -> bool:
    """True when what the two dates date cannot be one happening: each dates a different
    one, one dates a happening the other sentence never names, or one dates one find of
    many ("three more bodies were recovered on Wednesday")."""
    first, second = happening_of(a, a_date, story), happening_of(b, b_date, story)
    if first is not None and second is not None:
        return first != second
    for happening, other in ((first, b), (second, a)):
        if happening is not None and happening not in _happenings_named(other):
            return True
    return _repeats_a_happening(a) or _repeats_a_happening(b)


def _happenings_named(claim: Claim) -> set[str]:
    _, hits = language_data(claim.sentence.language).find(claim.sentence.text)
    return {hit.concept for hit in hits if hit.category == "happenings"}


def _repeats_a_happening(claim: Claim) -> bool:
    """A happening told as one more of its kind ("two more bodies were found")."""
    tokens, hits = language_data(claim.sentence.language).find(claim.sentence.text)
    shapes = figure_shapes(claim.sentence.language)
    repeats = shapes.increments | shapes.again
    return any(hit.category == "happenings" and any(
        tokens[i].text.casefold() in repeats
        for i in (*range(max(0, hit.first - 2), hit.first), *range(hit.last + 1, hit.last + 4))
        if i < len(tokens)) for hit in hits)


def statement_dates(claims: Sequence[Claim]) -> set[tuple[str, int, int]]:
    """Where the dates that only date a statement stand: (doc, sentence, span start)."""
    return {(claim.sentence.doc, claim.sentence.index, mention.span_start)
            for claim in claims for mention in claim.dates
            if _dates_a_statement(claim, mention)}


def state_dates(claims: Sequence[Claim]) -> set[tuple[str, int, int]]:
    """Where the dates that only say a state still held stand ("still stuck on Friday"):
    (doc, sentence, span start). Such a date never dates the state's start."""
    return {(claim.sentence.doc, claim.sentence.index, mention.span_start)
            for claim in claims for mention in claim.dates if _dates_a_state(claim, mention)}


def _dates_a_state(claim: Claim, mention: DateMention) -> bool:
    # happening_of's "ongoing" rule, on its own.
    tokens, hits = language_data(claim.sentence.language).find(claim.sentence.text)
    at = next((i for i, t in enumerate(tokens) if t.start >= mention.span_end), len(tokens))
    before = next((i for i, t in enumerate(tokens) if t.start >= mention.span_start),
                  len(tokens))
    return any(hit.category == "ongoing" and
               (hit.first - at + 1 if hit.first >= at else
                before - hit.last if hit.last < before else 0) <= _ONGOING_REACH
               for hit in hits)


def _dates_a_statement(claim: Claim, mention: DateMention) -> bool:
    if mention.relative and _quoted(claim.sentence.text, mention.span_start):
        return True  # a speaker's "yesterday" is not the paper's
    tokens, hits = language_data(claim.sentence.language).find(claim.sentence.text)
    return any(hit.category == "attribution" and abs(hit.start - mention.span_start) < 60
               for hit in hits) and happening_of(claim, mention) is None


def _night(mention: DateMention) -> bool:
    return mention.part_of_day in ("night", "evening", "malam", "Nacht")


def _hours_apart(a: EventDate, b: EventDate) -> bool:
    """One day, at parts of it that cannot meet: Tuesday morning and Tuesday night (parts
    next to each other, morning and midday, afternoon and evening, may)."""
    parts = a.mention.part_of_day, b.mention.part_of_day
    if a.start != a.end or (a.start, a.end) != (b.start, b.end) or None in parts:
        return False
    first, second = (_PARTS.index(part) if part in _PARTS else None for part in parts)
    return None not in (first, second) and abs(first - second) >= 2


def compare_weekdays(claims: Sequence[Claim], related: set) -> tuple[Conflict, ...]:
    """One calendar day written by one outlet with the weekday it is ("Kamis (12/6)", or
    "on Thursday" read as that day) and by another with a weekday it is not ("Rabu
    (12/6/2025)"): a misprinted weekday, whatever the date dates."""
    written = [(position, mention) for position, claim in enumerate(claims)
               for mention in claim.dates
               if mention.weekday is not None and mention.start is not None
               and mention.start == mention.end]
    conflicts: dict[str, Conflict] = {}
    for (a, first), (b, second) in by_related_documents(
            written, lambda item: claims[item[0]].sentence.doc, related):
        claim_a, claim_b = claims[a], claims[b]
        if first.start != second.start or first.weekday == second.weekday or \
                first.start.weekday() not in (first.weekday, second.weekday) or \
                claim_a.outlet.casefold() == claim_b.outlet.casefold():
            continue
        wrong = first if first.weekday != first.start.weekday() else second
        if wrong.relative:
            continue  # "on Thursday" resolved to a day is that day's weekday by its reading
        why = (f"{first.text} ({claim_a.outlet}) vs {second.text} ({claim_b.outlet}): "
               f"{wrong.start.isoformat()} is a {wrong.start.strftime('%A')}: one outlet "
               f"misprinted the weekday")
        conflict = Conflict("date", _SCORE, why, claim_a, claim_b, JUDGE, (first,), (second,),
                            detail="misprinted")
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _conflict(a: EventDate, b: EventDate, claim_a: Claim, claim_b: Claim,
              hours: bool = False) -> Conflict:
    what = "at times of one day that cannot meet" if hours else "on different days"
    why = (f"{a.happening.replace('_', ' ')}: {a.mention.text} ({a.start.isoformat()}, "
           f"{claim_a.outlet}) vs {b.mention.text} ({b.start.isoformat()}, {claim_b.outlet}): "
           f"the same happening dated {what}")
    return Conflict("date", _SCORE, why, claim_a, claim_b, JUDGE, (a.mention,), (b.mention,),
                    detail="contradicted")


def related_documents(claims: Sequence[Claim], pairs: Iterable[CandidatePair]) -> set:
    """Pairs of documents that tell one story: linked by at least two candidate pairs.

    One passing resemblance (a shared name, a stock phrase) links two stories; two
    reports of one story share several sentences, in any language the neighbour search
    pairs across. Direct links only: a chain of them would make a month of news one story.
    """
    links: dict[frozenset, int] = defaultdict(int)
    for pair in pairs:
        a, b = claims[pair.a].sentence.doc, claims[pair.b].sentence.doc
        if a != b:
            links[frozenset((a, b))] += 1
    return {docs for docs, count in links.items() if count >= _STORY_LINKS}


def by_related_documents(items: Iterable, doc_of, related: set):
    """Pairs of items from two related documents, without comparing every item with every
    other: each related pair of documents is visited once."""
    per_doc: dict[str, list] = defaultdict(list)
    for item in items:
        per_doc[doc_of(item)].append(item)
    for docs in sorted(related, key=sorted):  # one order, whatever the hash seed
        first, second = sorted(docs)
        for a in per_doc.get(first, ()):
            for b in per_doc.get(second, ()):
                yield a, b


def outlet_pairs(items: Iterable, claims: Sequence[Claim], related: set):
    """(a, b, a's claim, b's claim) for items (each with a ``claim`` position) from two
    related documents of two outlets."""
    for a, b in by_related_documents(items, lambda item: claims[item.claim].sentence.doc,
                                     related):
        claim_a, claim_b = claims[a.claim], claims[b.claim]
        if claim_a.outlet.casefold() != claim_b.outlet.casefold():
            yield a, b, claim_a, claim_b
