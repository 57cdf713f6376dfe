"""Clock times as news writes them: "pukul 16.40 WITA", "at about 4:40 p.m.", "gegen
14.40 Uhr Ortszeit (8.40 Uhr MESZ)".

Each time is read in minutes after midnight with its zone: hours east of UTC where the
text names a zone ("WIB", "GMT", "MESZ"), ``None`` (the place's own time) where it says
local time ("waktu setempat", "Ortszeit") or names none. A number is a time only with a
sign of one: "a.m."/"p.m.", "Uhr", a zone or local-time word after it, or a lead word
before it ("pukul", "um", "at" with a colon). Words and zones come from each language's
``[clock]`` lists (``claimcheck/lang/words``), and any language's are read in any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.lang.wordlists import all_words, every_language

_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class ClockTime:
    """One time of day in a sentence."""

    text: str
    start: int
    end: int
    minutes: int  # after midnight, 0..1439
    offset: float | None  # hours east of UTC; None: the place's own time
    hedged: bool = False  # "about", "sekitar", "gegen"
    whole_hour: bool = False  # "3 a.m.", "um 7 Uhr": no minutes written

    @property
    def utc(self) -> int | None:
        """Minutes after midnight UTC, when the zone is known."""
        if self.offset is None:
            return None
        return round(self.minutes - self.offset * 60) % _DAY

    @property
    def label(self) -> str:
        """"16:40 WITA (08:40 UTC)", "14:40 local"."""
        clock = f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"
        if self.offset is None:
            return f"{clock} local"
        utc = self.utc
        return f"{clock} (UTC{self.offset:+g}, {utc // 60:02d}:{utc % 60:02d} UTC)"


def _alternation(words) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+")
                    for word in sorted(set(words), key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, float], dict[str, int], re.Pattern[str]]:
    zones = {name.casefold(): float(hours) for language in all_words()
             for name, hours in language["clock"]["zones"].items()}
    zone = _alternation(name for language in all_words() for name in language["clock"]["zones"])
    local = _alternation(every_language("clock", "local"))
    leads = _alternation((*every_language("clock", "leads"),
                          *every_language("clock", "weak_leads")))
    hedges = _alternation(every_language("clock", "hedges"))
    afternoon = {word.casefold(): hour for language in all_words()
                 for word, hour in language["clock"]["pm_after"].items()}
    pattern = re.compile(
        rf"(?:(?P<hedge>\b(?:{hedges}))\s+)?(?:(?P<lead>\b(?:{leads}))\s+)?"
        r"(?<![\d.,:/])(?P<hour>[01]?\d|2[0-3])(?:(?P<sep>[.:])(?P<minute>[0-5]\d))?(?![\d,/]|\.\d)"
        r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?"
        r"(?:\s*(?P<uhr>Uhr|h\b))?"
        rf"(?:\s+(?P<pm>\b(?:{_alternation(afternoon)})\b))?"
        rf"(?:\s*\(?\s*(?:(?P<zone>\b(?:{zone})\b)|(?P<local>\b(?:{local})\b)))?",
        re.IGNORECASE)
    # "1830 GMT": four digits are a time only with a zone after them.
    military = re.compile(rf"(?<![\d.,:/])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*"
                          rf"(?P<zone>\b(?:{zone})\b)")
    return pattern, zones, afternoon, military


def find_clock_times(text: str) -> tuple[ClockTime, ...]:
    """Every clock time in ``text``, in text order."""
    if not re.search(r"\d", text):
        return ()
    pattern, zones, afternoon, military = _patterns()
    found = []
    for m in pattern.finditer(text):
        hour, minute = int(m.group("hour")), m.group("minute")
        half, zone = m.group("half"), m.group("zone")
        marked = half or m.group("uhr") or zone or m.group("local")
        # "at 14:25" is a time, "at 14.25" may be a price: a lead alone needs a colon,
        # or a lead that only ever comes before a time ("pukul", "um 14.25").
        lead = (m.group("lead") or "").casefold()
        led = bool(lead) and (lead in _strong_leads() or (minute and m.group("sep") == ":"))
        if not (marked or led):
            continue
        if half:
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if half.casefold() == "p" else 0)
        elif m.group("pm") and afternoon[m.group("pm").casefold()] <= hour <= 11:
            hour += 12  # "pukul 7 malam", "um 7 Uhr abends"
        # A zone written in capitals only: "wit" or "est" in running text is a word.
        if zone and not zone.isupper():
            zone = None
            if not (half or m.group("uhr") or m.group("local") or led):
                continue
        start = m.start("hour") if m.group("lead") is None and m.group("hedge") is None \
            else m.start()
        found.append(ClockTime(
            text=text[start:m.end()].rstrip(" ("), start=start, end=m.end(),
            minutes=hour * 60 + int(minute or 0),
            offset=zones.get(zone.casefold()) if zone else None,
            hedged=bool(m.group("hedge")) or lead in _hedges(),
            whole_hour=minute is None))
    for m in military.finditer(text):
        if m.group("zone").isupper() and not any(t.start <= m.start() < t.end for t in found):
            found.append(ClockTime(m.group(), m.start(), m.end(),
                                   int(m.group("hour")) * 60 + int(m.group("minute")),
                                   zones.get(m.group("zone").casefold())))
    return tuple(sorted(found, key=lambda time: time.start))


@lru_cache(maxsize=1)
def _strong_leads() -> frozenset[str]:
    """Words that stand before nothing but a time ("pukul", "um"): "um 7" is seven o'clock."""
    return frozenset(word.casefold() for word in every_language("clock", "leads"))


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    return frozenset(word.casefold() for word in every_language("clock", "hedges"))
