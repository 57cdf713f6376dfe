"""Month, weekday and part-of-day words shared by the quantity and date readers.

Each language's ``[calendar]`` list (``claimcheck/lang/words/``) holds its words; any
language's month names count in any text ("1 September" reads the same everywhere). The
date reader falls back to dateparser for languages without a list. Kept apart from
``dates`` so the quantity reader can recognise "1 September" without importing dateparser.
"""

from __future__ import annotations

import re

from claimcheck.extract.word_tries import trie_alternation
from claimcheck.lang.wordlists import all_words

_CALENDARS = tuple(language["calendar"] for language in all_words())

#: Folded month word (name or abbreviation) -> month number 1..12.
MONTHS: dict[str, int] = {
    word: index + 1
    for index in range(12)
    for calendar in _CALENDARS
    for word in calendar["months"][index]
}

#: Folded weekday word -> 0 (Monday) .. 6 (Sunday).
WEEKDAYS: dict[str, int] = {
    word: index
    for index in range(7)
    for calendar in _CALENDARS
    for word in calendar["weekdays"][index]
}

#: Part-of-day word -> normalised English name.
PARTS_OF_DAY: dict[str, str] = {
    word: part
    for calendar in _CALENDARS
    for part, names in calendar["parts_of_day"].items()
    for word in names
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
