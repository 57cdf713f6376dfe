"""Lengths of time written without a digit: "for a week", "half an hour", "seminggu",
"einer halben Stunde".

"Postponed for an hour" and "postponed for 40 minutes" disagree as surely as 60 and 40
minutes, but the first holds no number. Each language's ``[word_durations]`` patterns
(``claimcheck/lang/words/``) find one unit of time, or half of one, where the sentence
says a length of time follows: a preposition or a hedge before it ("for", "almost",
"selama", "um"), "lang" after it. A bare "a day" counts nothing ("$20 a day" is a rate,
"a week ago" a moment).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.lang.wordlists import words

# "The highest in a decade", "for more than a century": rhetoric, not a length anyone
# reports; "within a minute", "a second" are a manner of speaking.
_UNITS = frozenset({"hour", "day", "week", "month", "year"})


@lru_cache(maxsize=16)
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], float], ...]:
    table = words(language)
    units = sorted((word for unit, names in table["units"]["duration"].items()
                    if unit in _UNITS for word in names if word.isalpha()),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in units)
    durations = table.sections.get("word_durations", {})
    return tuple((re.compile(pattern.replace("{unit}", alternation), re.IGNORECASE), value)
                 for key, value in (("one", 1.0), ("half", 0.5))
                 for pattern in durations.get(key, ()))


@lru_cache(maxsize=16)
def _unit_of(language: str) -> dict[str, str]:
    """Folded unit word -> normalised unit ("stunde" -> "hour")."""
    return {word.casefold(): unit
            for unit, names in words(language)["units"]["duration"].items() for word in names}


def find_word_durations(text: str, language: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each length of time written in words, in order; the
    span runs from the amount ("a", "half an", "se-") to the unit."""
    found: dict[int, tuple[int, int, float, str]] = {}
    for pattern, value in _patterns(language):
        for match in pattern.finditer(text):
            unit = _unit_of(language).get(match.group("unit").casefold())
            if unit is not None:
                start = match.start("amount")
                found.setdefault(start, (start, match.end("unit"), value, unit))
    return sorted(found.values())
