"""Dates and times as news writes them, resolved against the publication date when known.

Own regexes read the forms that matter for Indonesian, Malay, English and German
("16/8/2021", "1 September 2021", "Jumat (13/8/2021)", "pada hari Kamis", "Senin malam",
"kemarin", "last week"): they are exact and fast. dateparser's ``search_dates`` is slow
(tens of milliseconds a sentence) and reads durations such as "dalam waktu 48 jam" as
dates, so it is only a fallback for other languages, behind a cheap pre-filter.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from claimcheck.extract.calendar_words import (
    MONTH_PRESENCE_RE,
    MONTH_RE,
    MONTHS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from claimcheck.extract.weekday_dates import guess_year, misprinted_year, safe_date, weekday_date
from claimcheck.extract.word_tries import trie_alternation
from claimcheck.lang.wordlists import all_words, every_language, known_languages
from claimcheck.models import DateMention

# Each language's [dates] lists, joined: a date's words in any language read in any text.
_DATES = tuple(language["dates"] for language in all_words())


def _alternatives(key: str) -> str:
    return "|".join(every_language("dates", key))


#: Languages read by the patterns here; dateparser reads the others.
_OWN_LANGUAGES = frozenset(known_languages())
_FULL_WEEKDAYS = sorted((w for w in WEEKDAYS if len(w) >= 4 and w not in ("tues", "thurs")),
                        key=len, reverse=True)
_PART_RE = "|".join(sorted(PARTS_OF_DAY, key=len, reverse=True))

_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "17 Agustus tahun 1945": Indonesian may name the year with its word.
_DAY_MONTH = re.compile(
    rf"(?<![\d.,])(\d{{1,2}})\.?\s+({MONTH_RE})(?:,?\s+(?:tahun\s+)?(\d{{4}}))?(?!\d)")
_MONTH_DAY = re.compile(
    rf"({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(\d{{4}}))?(?![\d:])")
_MONTH_YEAR = re.compile(rf"(?<!\d\s)\b({MONTH_RE})\s+(\d{{4}})\b")
# A year on its own, only behind the word that makes it one ("pada tahun 1951", "in 1985",
# "im Jahr 2010"): a bare "2021" is as often a name ("Liga Super 2021") or an amount.
# Decades ("1970-an", "1970s", "1970er") and ranges ("2019-2020") are not one year.
_YEAR = re.compile(
    r"\b(?:(?P<word>" + _alternatives("year_word") + ")|" + _alternatives("year_lead")
    + r")\s+(?P<year>1\d{3}|2[01]\d{2})"
    r"(?![\d.,]\d|[-–]?an\b|er\b|s\b|['’]s\b|\s*[-–/]\s*\d)")
_MONTH_ALONE = re.compile(
    rf"\b(?:{_alternatives('month_lead')})\s+({MONTH_RE})(?!\s*\d)", re.IGNORECASE)
_WEEKDAY = re.compile(
    rf"(?:\b(?:{_alternatives('weekday_lead')}))?"
    rf"\b(?P<day>(?i:{'|'.join(_FULL_WEEKDAYS)}))(?P<compound>"
    rf"{_alternatives('weekday_compounds')})?\b(?:\s+(?P<part>(?i:{_PART_RE})))?"
    rf"(?:\s+(?P<last>{_alternatives('weekday_last_after')}))?")
# "Rabu (21/4)": Indonesian news dates a weekday with its day and month alone, in brackets.
_BRACKETED_DAY_MONTH = re.compile(r"\s*\(\s*(\d{1,2})/(\d{1,2})\s*\)")
# "Kamis (14/3/2024) malam": a part of the day after the bracketed date is that day's.
_PART_AFTER = re.compile(rf"\s+(?P<part>(?i:{_PART_RE}))\b")
_RELATIVE = {word: offset for table in _DATES for word, offset in table["relative"].items()}
_RELATIVE_RE = re.compile(r"\b(" + "|".join(sorted(_RELATIVE, key=len, reverse=True)) + r")\b",
                          re.IGNORECASE)
_LAST_PERIOD = re.compile(
    rf"\b(?:(?P<week>{_alternatives('last_week')})|(?P<month>{_alternatives('last_month')})|"
    rf"(?P<year>{_alternatives('last_year')}))\b", re.IGNORECASE)
_PREFILTER_WORDS = every_language("dates", "presence")
# Searched for presence only, so as tries: the flat alternations were 35 µs a sentence.
_PREFILTER = re.compile(r"\d|" + MONTH_PRESENCE_RE + r"|\b(?i:" + trie_alternation(_FULL_WEEKDAYS)
                        + r")|(?i:" + trie_alternation(_PREFILTER_WORDS) + ")")


def _words(words) -> re.Pattern[str]:
    # Only ever searched for presence; as a trie, _ANY_WORDS alone went from 9 to 2 µs.
    return re.compile(trie_alternation(words))


# The case-insensitive patterns above try every alternative at every position: the
# prefilter alone was 40% of reading 10k sentences' dates. A case-sensitive search for
# the words each one needs, over the lowered sentence, skips ahead; the pattern itself
# then runs only where its words occur. (?i) also matches "İ", "ı" and "ſ" to "i" and
# "s" and str.lower() does not (checked over all of Unicode for these words' letters),
# so a sentence holding one of those runs every pattern.
_MONTH_WORDS = _words(MONTHS)
_WEEKDAY_WORDS = _words(_FULL_WEEKDAYS)
_RELATIVE_WORDS = _words(_RELATIVE)
_LAST_PERIOD_WORDS = _words(every_language("dates", "last_presence"))
_ANY_WORDS = _words((*MONTHS, *_FULL_WEEKDAYS, *_PREFILTER_WORDS))
_FOLDS_UNLIKE_LOWER = re.compile("[İıſ]")
_AS_MATCHED = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def _key(word: str) -> str:
    """A matched word as the tables spell it: (?i) matched "SENİN" to "senin", and
    casefold() alone would make it "seni\u0307n"."""
    return " ".join(word.casefold().translate(_AS_MATCHED).split())
_DIGIT = re.compile(r"\d")
# "minggu" is Sunday, and a week before "lalu"; "last Monday" is last week's.
_AS_PERIOD = {name: re.compile(r"\s+(?:" + "|".join(after) + ")")
              for table in _DATES for name, after in table["weekday_as_period"].items()}
_LAST_BEFORE = every_language("dates", "weekday_last_before")


def extract_dates(text: str, language: str, published: date | None) -> tuple[DateMention, ...]:
    """Every date or day reference in ``text``.

    Args:
        text: One sentence.
        language: ISO 639-1 code of the document.
        published: Publication date; weekdays and "kemarin" resolve against it. Without it,
            weekday mentions keep ``weekday`` with ``relative=True`` and no ``start``.

    Returns:
        Date mentions in text order, overlapping spans merged ("Jumat (13/8/2021)" is one).
    """
    lowered = None if _FOLDS_UNLIKE_LOWER.search(text) else text.lower()

    def may_hold(words: re.Pattern[str]) -> bool:
        return lowered is None or words.search(lowered) is not None

    digits = _DIGIT.search(text) is not None
    if not (digits or may_hold(_ANY_WORDS) and _PREFILTER.search(text)):
        return ()
    mentions: list[DateMention] = []
    mentions += _absolute(text, language, published, months=may_hold(_MONTH_WORDS),
                          digits=digits)
    if may_hold(_WEEKDAY_WORDS):
        mentions += _weekdays(text, published)
    mentions += _relative(text, published, words=may_hold(_RELATIVE_WORDS),
                          last_period=may_hold(_LAST_PERIOD_WORDS))
    if language not in _OWN_LANGUAGES and not mentions:
        mentions += _dateparser_dates(text, language, published)
    return _merge(text, mentions)


def _year(two_or_four: str) -> int:
    year = int(two_or_four)
    return year + 2000 if year < 100 else year


def _absolute(text: str, language: str, published: date | None,
              months: bool = True, digits: bool = True) -> list[DateMention]:
    """Numeric dates, and with ``months`` (a month word may occur) named-month ones.

    Without ``digits`` (no digit in ``text``) only a month alone ("in May") can occur: every
    other pattern holds a digit, and _MONTH_DAY alone was 60% of reading dates.
    """
    found: list[DateMention] = []
    if not digits:
        return _months_alone(text, published) if months else found
    for m in _NUMERIC.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        day, month = first, second
        if language == "en" and second > 12 >= first:  # US order "8/16/2021"
            day, month = second, first
        if m.group(2) == "." and len(m.group(4)) == 2:
            continue  # "10.30.45" style times, not dates
        when = safe_date(year, month, day)
        if when:
            found.append(DateMention(m.group(), m.start(), m.end(), when, when))
    for m in _ISO.finditer(text):
        when = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if when:
            found.append(DateMention(m.group(), m.start(), m.end(), when, when))
    found += _years(text)
    if not months:
        return found
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(text):
            month = MONTHS.get(_key(m.group(month_group).rstrip(".")))
            if month is None:
                continue
            day = int(m.group(day_group))
            year = int(m.group(3)) if m.group(3) else guess_year(month, day, published)
            when = safe_date(year, month, day) if year else None
            if year and not when:
                continue
            found.append(DateMention(m.group(), m.start(), m.end(), when, when,
                                     relative=m.group(3) is None))
    for m in _MONTH_YEAR.finditer(text):
        month, year = MONTHS.get(_key(m.group(1).rstrip("."))), int(m.group(2))
        if month is None:
            continue
        found.append(DateMention(m.group(), m.start(), m.end(), date(year, month, 1),
                                 date(year, month, calendar.monthrange(year, month)[1])))
    return found + _months_alone(text, published)


def _years(text: str) -> list[DateMention]:
    """A whole year named as such: "pada tahun 1951", "in 1985", "im Jahr 2010"."""
    found = []
    for m in _YEAR.finditer(text):
        year = int(m.group("year"))
        if not m.group("word") and not 1800 <= year <= 2100:
            continue  # "in 1500 cases" is an amount; "tahun 1500" is still a year
        found.append(DateMention(m.group(), m.start(), m.end(), date(year, 1, 1),
                                 date(year, 12, 31)))
    return found


def _months_alone(text: str, published: date | None) -> list[DateMention]:
    """A month without a day: "pada Agustus", "since March"."""
    found = []
    for m in _MONTH_ALONE.finditer(text):
        month = MONTHS.get(_key(m.group(1).rstrip(".")))
        if month is None:
            continue
        year = guess_year(month, 1, published)
        start = date(year, month, 1) if year else None
        end = date(year, month, calendar.monthrange(year, month)[1]) if year else None
        found.append(DateMention(m.group(1), m.start(1), m.end(1), start, end, relative=True))
    return found


def _weekdays(text: str, published: date | None) -> list[DateMention]:
    found = []
    for m in _WEEKDAY.finditer(text):
        name = m.group("day")
        folded = _key(name)
        after = text[m.end():m.end() + 12].casefold()
        if folded in _AS_PERIOD and (not name[0].isupper() or _AS_PERIOD[folded].match(after)):
            continue  # "minggu lalu" is last week, not Sunday
        weekday = WEEKDAYS.get(folded)
        if weekday is None:
            continue
        part = m.group("part") or m.group("compound")
        last = bool(m.group("last")) or m.group().casefold().startswith(_LAST_BEFORE)
        bracket = _BRACKETED_DAY_MONTH.match(text, m.end())
        dated = bracket and _with_day_month(text, m, bracket, weekday, part, published)
        if dated:
            found.append(dated)
            continue
        when = None
        if published is not None:
            delta = (published.weekday() - weekday) % 7
            if last and delta == 0:
                delta = 7
            when = published - timedelta(days=delta)
        found.append(DateMention(m.group(), m.start(), m.end(), when, when, weekday=weekday,
                                 relative=True,
                                 part_of_day=PARTS_OF_DAY.get(_key(part)) if part else None))
    return found


def _with_day_month(text: str, weekday_match: re.Match, bracket: re.Match, weekday: int,
                    part: str | None, published: date | None) -> DateMention | None:
    """"Rabu (21/4)", "Sabtu (24/4) dini hari": the weekday's day and month
    (``weekday_dates.weekday_date``); None when the bracket holds no day and month."""
    found = weekday_date(int(bracket.group(1)), int(bracket.group(2)), weekday, published)
    if found is None:
        return None  # "(41/12)": no date; the weekday alone is read
    _, when = found
    end = bracket.end()
    after = _PART_AFTER.match(text, end)
    if after and not part:
        part, end = after.group("part"), after.end()
    return DateMention(text[weekday_match.start():end], weekday_match.start(), end, when, when,
                       weekday=weekday, relative=when is None,
                       part_of_day=PARTS_OF_DAY.get(_key(part)) if part else None)


def _relative(text: str, published: date | None, words: bool = True,
              last_period: bool = True) -> list[DateMention]:
    """"kemarin" and the like if ``words`` may occur, "last week" if ``last_period`` may."""
    found = []
    for m in _RELATIVE_RE.finditer(text) if words else ():
        offset = _RELATIVE.get(_key(m.group(1)))
        if offset is None:
            continue
        when = published + timedelta(days=offset) if published else None
        part = "night" if "malam" in m.group(1).casefold() or "night" in m.group(1) else None
        found.append(DateMention(m.group(), m.start(), m.end(), when, when, relative=True,
                                 part_of_day=part))
    for m in _LAST_PERIOD.finditer(text) if last_period else ():
        start = end = None
        if published is not None:
            if m.group("week"):
                start = published - timedelta(days=published.weekday() + 7)
                end = start + timedelta(days=6)
            elif m.group("month"):
                end = published.replace(day=1) - timedelta(days=1)
                start = end.replace(day=1)
            else:
                start, end = date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
        found.append(DateMention(m.group(), m.start(), m.end(), start, end, relative=True))
    return found


def _merge(text: str, mentions: list[DateMention]) -> tuple[DateMention, ...]:
    """One mention per place: "Jumat (13/8/2021)" and "Rabu, 1 September 2021" join up."""
    mentions.sort(key=lambda m: (m.span_start, -(m.span_end - m.span_start)))
    merged: list[DateMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is None or not re.fullmatch(
                r"[\s,(]{0,3}", text[previous.span_end:mention.span_start]) and \
                mention.span_start >= previous.span_end:
            merged.append(mention)
            continue
        if mention.span_start < previous.span_end and mention.span_end <= previous.span_end:
            continue  # contained in a date already read ("1 September 2021")
        plain = previous if previous.weekday is None else mention
        if (previous.weekday is None) == (mention.weekday is None) or plain.relative:
            merged.append(mention)
            continue
        merged[-1] = _combine(text, previous, mention)
    return tuple(merged)


def _combine(text: str, a: DateMention, b: DateMention) -> DateMention:
    absolute = b if b.start is not None and not b.relative else a
    named = a if absolute is b else b
    end = max(a.span_end, b.span_end)
    part = a.part_of_day or b.part_of_day
    if text[end:end + 1] == ")" and "(" in text[a.span_start:end]:
        end += 1
        after = _PART_AFTER.match(text, end)
        if after and not part:
            part, end = PARTS_OF_DAY.get(_key(after.group("part"))), after.end()
    start, finish = misprinted_year(absolute, named.weekday, named.start)
    return DateMention(
        text=text[a.span_start:end], span_start=a.span_start, span_end=end,
        start=start, end=finish,
        weekday=a.weekday if a.weekday is not None else b.weekday,
        relative=a.relative and b.relative, part_of_day=part)


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b\d+\s*(?:[^\W\d_]+)\b(?!\s+(?:{_alternatives('ago')}))", re.IGNORECASE)


def _dateparser_dates(text: str, language: str,
                      published: date | None) -> list[DateMention]:
    from datetime import datetime

    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        results = search_dates(text, languages=[language], settings=settings) or []
    except Exception:  # noqa: BLE001 - an unsupported language reads no dates
        return []
    found = []
    position = 0
    for surface, moment in results:
        start = text.find(surface, position)
        if start < 0 or _duration_pattern().fullmatch(surface.strip()):
            continue
        position = start + len(surface)
        found.append(DateMention(surface, start, position, moment.date(), moment.date(),
                                 relative=published is not None))
    return found
