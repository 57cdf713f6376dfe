"""Month, weekday and part-of-day words shared by the quantity and date readers.

Hand-kept for the languages claimcheck reads most (Indonesian, Malay, English, German);
the date reader falls back to dateparser for others. Kept apart from ``dates`` so the
quantity reader can recognise "1 September" without importing dateparser.
"""

from __future__ import annotations

import re

from claimcheck.word_tries import trie_alternation

_MONTH_NAMES = (
    "januari january jänner januar jan|februari february februar feb pebruari|"
    "maret march märz mar mär|april apr|mei may mai|juni june jun|juli july jul|"
    "agustus august agu aug agt|september sept sep|oktober october okt oct|"
    "november nopember nov|desember december dezember des dec dez"
)
#: Folded month word (name or abbreviation) -> month number 1..12.
MONTHS: dict[str, int] = {
    word: index + 1
    for index, group in enumerate(_MONTH_NAMES.split("|"))
    for word in group.split()
}

_WEEKDAY_NAMES = (
    "senin monday montag mon|selasa tuesday dienstag tue tues|rabu wednesday mittwoch wed|"
    "kamis thursday donnerstag thu thurs|jumat jum'at friday freitag fri|"
    "sabtu saturday samstag sat|minggu ahad sunday sonntag sun"
)
#: Folded weekday word -> 0 (Monday) .. 6 (Sunday).
WEEKDAYS: dict[str, int] = {
    word: index
    for index, group in enumerate(_WEEKDAY_NAMES.split("|"))
    for word in group.split()
}

#: Part-of-day word -> normalised English name.
PARTS_OF_DAY: dict[str, str] = {
    **dict.fromkeys("pagi morning morgen vormittag morgens".split(), "morning"),
    **dict.fromkeys("siang noon mittag midday".split(), "midday"),
    **dict.fromkeys("sore afternoon nachmittag".split(), "afternoon"),
    **dict.fromkeys("malam evening night abend nacht abends nachts tonight".split(), "night"),
}

# Full month names only (abbreviations like "mar", "may", "sun" are ordinary words too).
_FULL_MONTHS = sorted((w for w in MONTHS if len(w) > 3 or w in ("mei", "mai")),
                      key=len, reverse=True)
# "Sept." is both: a full word to the table above, an abbreviation in "Sept. 20-24".
_ABBREVIATED = sorted((w for w in MONTHS if len(w) <= 4 and
                       (w not in _FULL_MONTHS or w == "sept")), key=len, reverse=True)
#: A month word: full names anywhere, abbreviations only capitalised and followed by ".".
MONTH_RE = (r"(?:(?i:" + "|".join(_FULL_MONTHS) + r")|(?:"
            + "|".join(w.capitalize() for w in _ABBREVIATED) + r")\.?)")
MONTH_PATTERN = re.compile(r"\b" + MONTH_RE + r"\b")
#: MONTH_RE for a search that only asks whether a month word occurs anywhere, as tries
#: (``word_tries``): the flat alternation tries every month at every position.
MONTH_PRESENCE_RE = (r"(?:(?i:" + trie_alternation(_FULL_MONTHS) + r")|"
                     + trie_alternation(w.capitalize() for w in _ABBREVIATED) + r")")
