"""Amounts written as none at all: "no one was injured", "tidak ada korban jiwa",
"keine Toten".

"No one was injured" and "three people were injured" disagree as surely as 0 and 3, but
neither holds a digit. These phrases become quantities of value 0, only for what a news
count is of (people, deaths, the injured, troops...): "no comment" or "tidak ada
informasi" count nothing a judge could compare.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from claimcheck.extract.outcomes import outcome_around
from claimcheck.extract.units import counted_class
from claimcheck.lang.wordlists import words
from claimcheck.models import Quantity

_NOUN = r"(?P<noun>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)"


@lru_cache(maxsize=16)
def _compiled(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "nobody" phrases count people; "no" + a noun only a counted noun (the language's
    # [zeros] lists), never a bound ("no more than 5") or a time ("no longer").
    table = words(language)["zeros"]
    return (re.compile(table["nobody"], re.IGNORECASE),
            re.compile(table["none_of"].replace("{noun}", _NOUN), re.IGNORECASE))


def find_zero_amounts(text: str, language: str,
                      actor: Callable[[int], str | None]) -> list[Quantity]:
    """Quantities of value 0 for "nobody" and "no <counted noun>" phrases in ``text``."""
    nobody, none_of = _compiled(language)
    found = []
    for match in nobody.finditer(text):
        found.append(_zero(text, match.start(), match.end(), "people", "people", language,
                           actor))
    for match in none_of.finditer(text):
        words = match.group("noun").split()
        # The longest beginning that names a counted class: "korban jiwa", "casualties".
        for size in range(len(words), 0, -1):
            counted = " ".join(words[:size])
            known = counted_class(counted)
            if known is not None and known[1] == "count":
                end = match.start("noun") + len(counted)
                found.append(_zero(text, match.start(), end, counted, known[0], language,
                                   actor))
                break
    return found


def _zero(text: str, start: int, end: int, counted: str, unit: str, language: str,
          actor: Callable[[int], str | None]) -> Quantity:
    outcome = outcome_around(text, start, end)
    return Quantity(text=text[start:end], start=start, end=end, value=0.0, low=0.0, high=0.0,
                    change="=", unit=unit, counted=counted,
                    qualifiers=(outcome,) if outcome else (), actor=actor(start),
                    kind="count", language=language)
