"""The date judge: the same event dated differently by two outlets.

Most pairs of sentences with different dates speak of different events, so this judge
asks for the event to be shared first (shared content words and actors, a high
similarity percentile) and then reports a low score: a Thursday claim and a Friday
statement may well describe two moments of one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.extract.calendar_words import MONTH_PATTERN, MONTHS, WEEKDAYS
from claimcheck.extract.entities import find_actors
from claimcheck.judges import Judge
from claimcheck.judges.numeric import STOPWORDS, content_stems, shared_words
from claimcheck.lang.wordlists import all_words, every_language
from claimcheck.models import Claim, Conflict, DateMention, PairContext

_BASE_SCORE = 0.3
# A date its own weekday contradicts, beside the other outlet's that it confirms: an
# error on the page, whatever the two sentences date.
_MISPRINT_SCORE = 0.5
_MAX_GAP_DAYS = 3
_WEEK = 7
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Weekday, month and relative-day words say when, not what: they are not shared context.
_EVENTS = tuple(language["dated_events"] for language in all_words())


def _alternatives(key: str) -> str:
    return "|".join(every_language("dated_events", key))


_DATE_STEMS = frozenset(word[:5] for word in WEEKDAYS) | frozenset(
    every_language("dated_events", "not_context"))

# Reporting verbs say that something was said, not what happened: not shared context.
_REPORTING = re.compile(
    "|".join(rf"\b(?:{'|'.join(table['reporting'])})\b" for table in _EVENTS if table["reporting"]),
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
        if max((a.end - a.start).days, (b.end - b.start).days) >= _WEEK:
            return None  # "Mei 2020" and "Juni 2020" touch, but no day was misdated
        gap = max((b.start - a.end).days, (a.start - b.end).days)
        # One event misdated lands a day or two off (time zones, event vs announcement);
        # dates further apart are different events.
        return 0 < gap <= _MAX_GAP_DAYS or None
    a_day = a.weekday if a.weekday is not None else _single_weekday(a)
    b_day = b.weekday if b.weekday is not None else _single_weekday(b)
    if a_day is None or b_day is None:
        return None
    return a_day != b_day


def _misprinted(a: DateMention, b: DateMention) -> bool:
    """One weekday and day of the month, in two months, one of them not on that weekday:
    an outlet misprinted the month ("Sabtu (24/2)" beside "Sabtu (24/4/2021)"), however
    far apart the two dates it wrote lie."""
    return (a.weekday is not None and a.weekday == b.weekday and None not in (a.start, b.start)
            and a.start == a.end
            and b.start == b.end and a.start != b.start and a.start.day == b.start.day
            and a.weekday in (a.start.weekday(), b.start.weekday())
            and (a.start.weekday(), b.start.weekday()).count(a.weekday) == 1)


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


# What happens once to whoever it happens to: a founding, a birth, a wedding. Two dates
# for one of them cannot both be right however far apart they are, where two dates for a
# meeting or an attack are usually two meetings or two attacks.
_ONCE = {event: "|".join(word for table in _EVENTS for word in table["once"][event])
         for event in ("founded", "born", "married")}
_ONCE_RE = re.compile("|".join(rf"(?P<{event}>\b(?:{words})\b)" for event, words in
                               _ONCE.items()), re.IGNORECASE)
_ONCE_SCORE = 0.6
# The date of the event follows its word closely ("didirikan pada tahun 1985", "born in
# Jakarta on 6 March 1985") or, in German, comes just before it ("im Jahr 1985 gegründet").
_WORDS_AFTER = 3
_WORDS_BEFORE = 1
_CLAUSE_BREAK = re.compile(r"[.;:!?()]")
# "Anak kedua" and "anak ketiga" are two children, each born once.
_ORDINAL = re.compile(rf"\b(?:{_alternatives('ordinals')})\w{{0,2}}\b", re.IGNORECASE)
_CAPITAL = re.compile(r"\b[A-Z][\w-]*")
_RATE_BEFORE = re.compile(
    rf"\b(?:{_alternatives('rate_before')})\s+(?:(?:{_alternatives('rate_link')})\s+)?$",
    re.IGNORECASE)


def _once_conflict(a: Claim, b: Claim) -> tuple[DateMention, DateMention, tuple[int, str]] | None:
    """Two dates for one founding, birth or wedding of one subject, wholly apart."""
    a_text, b_text = a.sentence.text, b.sentence.text
    a_events, b_events = _once_events(a_text, a.dates), _once_events(b_text, b.dates)
    if not a_events or not b_events or \
            {m.group().casefold() for m in _ORDINAL.finditer(a_text)} != \
            {m.group().casefold() for m in _ORDINAL.finditer(b_text)}:
        return None
    found = None
    for event, (a_position, a_dates) in a_events.items():
        if event not in b_events:
            continue
        b_position, b_dates = b_events[event]
        subject = _subject(a_text, a_position)
        if not _same_subject(subject, _subject(b_text, b_position)):
            continue
        pairs = [(da, db) for da in a_dates for db in b_dates]
        if all(_apart(da, db) for da, db in pairs):
            found = found or (*pairs[0], (a_position, event))
        else:
            return None  # one of the dates given agrees: the others date something else
    return found


def _once_events(text: str, dates: tuple[DateMention, ...]
                 ) -> dict[str, tuple[int, list[DateMention]]]:
    """Each one-time event named in ``text`` with the dates attached to it."""
    events: dict[str, tuple[int, list[DateMention]]] = {}
    for match in _ONCE_RE.finditer(text):
        if _RATE_BEFORE.search(text, 0, match.start()):
            continue  # "angka kelahiran pada 2020", "the marriage rate": many events
        attached = [d for d in dates if _attached(text, match, d)]
        if attached and match.lastgroup not in events:
            events[match.lastgroup] = (match.start(), attached)
    return events


def _attached(text: str, event: re.Match[str], mention: DateMention) -> bool:
    if mention.span_start >= event.end():
        between, limit = text[event.end():mention.span_start], _WORDS_AFTER
    elif mention.span_end <= event.start():
        between, limit = text[mention.span_end:event.start()], _WORDS_BEFORE
    else:
        return False
    return len(between.split()) <= limit and not _CLAUSE_BREAK.search(between)


def _subject(text: str, position: int) -> str | None:
    """The name nearest before the event word ("Happy Salma menikah"), else the first after
    it ("Didirikan pada tahun 1985, PT Manulife ..."): whose founding or birth it is."""
    names: list[tuple[int, int]] = []
    for m in _CAPITAL.finditer(text):
        if not _is_name(m.group()):
            continue
        if names and not text[names[-1][1]:m.start()].strip():
            names[-1] = (names[-1][0], m.end())  # "Happy Salma", "PT Asuransi Jiwa"
        else:
            names.append((m.start(), m.end()))
    # One capitalised word opening the sentence may be any word ("Angka", "Babies").
    names = [n for n in names if n[0] > 0 or " " in text[n[0]:n[1]]]
    before = [n for n in names if n[1] <= position]
    after = [n for n in names if n[0] > position]
    nearest = before[-1] if before else (after[0] if after else None)
    return text[nearest[0]:nearest[1]] if nearest else None


def _same_subject(a: str | None, b: str | None) -> bool:
    """"Presiden Joko Widodo" and "Joko Widodo" name one person: one name holds the other
    ("Bank Maju" and "Bank Sejahtera" share a word, not a name)."""
    if not a or not b:
        return False
    a_words, b_words = set(a.casefold().split()), set(b.casefold().split())
    return a_words <= b_words or b_words <= a_words


def _is_name(word: str) -> bool:
    folded = word.casefold()
    return folded not in STOPWORDS and folded not in MONTHS and folded not in WEEKDAYS and \
        _ONCE_RE.fullmatch(word) is None


def _apart(a: DateMention, b: DateMention) -> bool:
    """True when the two mentions cannot name the same day: a year, month or day differs.

    A year guessed for "pada bulan September" is not compared, only its month.
    """
    a_fields, b_fields = _calendar_fields(a), _calendar_fields(b)
    if a_fields is None or b_fields is None:
        return False
    for index, (x, y) in enumerate(zip(a_fields, b_fields, strict=True)):
        if x is not None and y is not None and x != y:
            return True
        if index > 0 and (x is None or y is None):
            return False
    return False


def _calendar_fields(m: DateMention) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) as far as the mention names them; None for weekdays and the like."""
    if m.start is not None and m.end is not None and not m.relative:
        if m.start.year != m.end.year:
            return None
        month = m.start.month if m.start.month == m.end.month else None
        return m.start.year, month, m.start.day if m.start == m.end else None
    if m.weekday is not None:
        return None
    month_word = MONTH_PATTERN.search(m.text)
    if month_word is None:
        return None
    month = MONTHS.get(month_word.group().rstrip(".").casefold())
    day = re.search(r"\b(\d{1,2})\b", m.text)
    return (None, month, int(day.group(1)) if day else None) if month else None


class DateJudge(Judge):
    """Flags two outlets putting one event on different days, with a low score."""

    name = "date"

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        if not a.dates or not b.dates:
            return None
        once = _once_conflict(a, b)
        if once is not None:
            da, db, event = once
            return Conflict(
                kind="date", score=_ONCE_SCORE, a=a, b=b, judge=self.name, a_values=(da,),
                b_values=(db,), topic=context.topic, detail="one-time event",
                explanation=f"{_label(da)} vs {_label(db)}: both date when "
                            f"{_subject(a.sentence.text, event[0])} was {event[1]}, which "
                            f"happens once")
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
                if _misprinted(da, db):
                    return self._misprint(a, b, da, db, context)
        for da in a.dates:
            for db in b.dates:
                if _differ(da, db):
                    return self._conflict(a, b, da, db, shared, actors, context)
        return None

    def _misprint(self, a: Claim, b: Claim, da: DateMention, db: DateMention,
                  context: PairContext) -> Conflict:
        wrong, right = (da, db) if da.start.weekday() != da.weekday else (db, da)
        explanation = (f"{_label(da)} vs {_label(db)}: the same {_DAY_NAMES[da.weekday]} "
                       f"and day of the month in two months, and {wrong.start.isoformat()} "
                       f"is no {_DAY_NAMES[da.weekday]}: one outlet misprinted the date "
                       f"({right.start.isoformat()} is one)")
        return Conflict(kind="date", score=_MISPRINT_SCORE, explanation=explanation, a=a, b=b,
                        judge=self.name, a_values=(da,), b_values=(db,), topic=context.topic,
                        detail="misprinted")

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

