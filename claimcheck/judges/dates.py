"""The date judge: the same event dated differently by two outlets.

Most pairs of sentences with different dates speak of different events, so this judge
asks for the event to be shared first (shared content words and actors, a high
similarity percentile) and then reports a low score: a Thursday claim and a Friday
statement may well describe two moments of one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.calendar_words import WEEKDAYS
from claimcheck.entities import find_actors
from claimcheck.judges import register_judge
from claimcheck.judges.numeric import content_stems, shared_words
from claimcheck.models import Claim, Conflict, DateMention, PairContext

_BASE_SCORE = 0.3
_MAX_GAP_DAYS = 3
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Weekday, month and relative-day words say when, not what: they are not shared context.
_DATE_STEMS = frozenset(word[:5] for word in WEEKDAYS) | frozenset(
    "malam pagi siang sore kemar night morni eveni abend gestern".split())

# Reporting verbs say that something was said, not what happened: not shared context.
_REPORTING = re.compile(
    r"\b(?:di|meng?|ter)?(?:ungkap|nyata|sebut|kata|ujar|tutur|lapor|umum|kabar|jelas)"
    r"(?:kan|i|nya)?\b|\b(?:said|says|say|told|tells|reported|announced|stated|added|"
    r"according|sagte|sagten|erklärte|teilte|berichtete|hieß)\b",
    re.IGNORECASE,
)


# A sentence meets ~14 partners: what it speaks of and who it names are read once.
@lru_cache(maxsize=65536)
def _event_stems(text: str) -> frozenset[str]:
    return content_stems(_REPORTING.sub(" ", text), True) - _DATE_STEMS


@lru_cache(maxsize=65536)
def _names(text: str) -> frozenset[str]:
    """Stems of capitalised words that do not open a sentence or a quotation."""
    return frozenset(m.group(1).casefold()[:5] for m in _NAME.finditer(text))


_NAME = re.compile(r"(?<![.!?:\"“‘'(]\s)(?<!^)\b([A-Z][\w-]+)")


@lru_cache(maxsize=65536)
def _actors(text: str) -> frozenset[str]:
    return frozenset(m.actor for m in find_actors(text))


def _differ(a: DateMention, b: DateMention) -> bool | None:
    """True when the two mentions name different days, None when that cannot be told."""
    if a.start and b.start and a.end and b.end:
        gap = max((b.start - a.end).days, (a.start - b.end).days)
        # One event misdated lands a day or two off (time zones, event vs announcement);
        # dates further apart are different events.
        return 0 < gap <= _MAX_GAP_DAYS or None
    a_day = a.weekday if a.weekday is not None else _single_weekday(a)
    b_day = b.weekday if b.weekday is not None else _single_weekday(b)
    if a_day is None or b_day is None:
        return None
    return a_day != b_day


def _single_weekday(m: DateMention) -> int | None:
    if m.start is not None and m.start == m.end:
        return m.start.weekday()
    return None


def _label(m: DateMention) -> str:
    if m.start is not None and m.start == m.end:
        return f"{m.text} ({m.start.isoformat()})"
    if m.weekday is not None:
        return f"{m.text} ({_DAY_NAMES[m.weekday]})"
    return m.text


class DateJudge:
    """Flags two outlets putting one event on different days, with a low score."""

    name = "date"

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        if not a.dates or not b.dates:
            return None
        # "Pernyataan itu ... pada hari Jumat" dates what the sentence before it said.
        shared = _event_stems(a.matching_text) & _event_stems(b.matching_text)
        actors = _actors(a.matching_text) & _actors(b.matching_text)
        # Precision first: different dates usually mean different events. Actors alone
        # ("Taliban", "Afghanistan") are in every sentence of a story: the event needs
        # at least two shared words of its own.
        actor_stems = content_stems(" ".join(actors), True)
        # Names and places ("Kabul", "Pentagon") say where and who, like actors; the event
        # itself is told in common words ("closed", "send troops").
        # (German capitalises every noun: there capitals tell nothing.)
        names = frozenset().union(*(_names(c.matching_text) for c in (a, b)
                                    if c.sentence.language != "de"))
        if len(shared - actor_stems - names) < 2:
            return None
        if not (len(shared) >= 4 or (len(shared) >= 2 and context.percentile >= 0.8)):
            return None
        for da in a.dates:
            for db in b.dates:
                if _differ(da, db):
                    return self._conflict(a, b, da, db, shared, actors, context)
        return None

    def _conflict(self, a: Claim, b: Claim, da: DateMention, db: DateMention,
                  shared: frozenset[str], actors: frozenset[str], context: PairContext) -> Conflict:
        score = _BASE_SCORE + 0.05 * min(len(shared) - 2, 2) * (context.percentile >= 0.8)
        words = [w for w in shared_words(a.matching_text, b.matching_text, shared, 5)
                 if w not in actors]
        because = ", ".join(sorted(actors)[:2] + words[:3])
        explanation = (f"{_label(da)} vs {_label(db)}: both sentences speak of {because}, "
                       f"but date it differently; the two may describe different moments "
                       f"(the event and its announcement)")
        return Conflict(kind="date", score=round(max(score, 0.2), 3), explanation=explanation,
                        a=a, b=b, judge=self.name, a_values=(da,), b_values=(db,),
                        topic=context.topic, detail="different day")


register_judge("date", DateJudge)
