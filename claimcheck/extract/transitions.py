"""A figure's move from one value to another, read as one interval.

"dropped from 208 pounds to 193", "narrowed to 138,285 lots from 212,577", "naik dari 2.500
menjadi 3.000", "stieg von 4,8 auf 5,1 Prozent": the two numbers are one quantity at two
moments. Reported as separate points they would each look like a claim another outlet can
contradict ("193" vs "208"), which is how a tool cries wolf. Reported as the interval they
span, an outlet giving either end, or a figure in between, agrees; one outside conflicts.
NewsQuant (CQE, EMNLP 2023) annotates them the same way, as a "from-to" range.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.lang.wordlists import every_language
from claimcheck.models import Quantity


def _alternatives(key: str) -> str:
    # Each language's [transitions] words, joined: any language's "from" in any text.
    return "|".join(every_language("transitions", key))


_HEDGE = rf"(?:(?:{_alternatives('hedges')})\s+)?"
# "from" in front of the first figure. The currency symbol is already inside the span.
_FROM_BEFORE = re.compile(rf"\b(?:{_alternatives('from')})\s+{_HEDGE}$", re.IGNORECASE)
# What may stand between the two figures of "from X ... to Y": the first figure's unit
# ("pounds", "U.S. per barrel") and when it held ("at 10.45pm last night", "in 2008"),
# never a clause boundary.
_FORWARD_GAP = re.compile(
    rf"(?P<mid>(?:\s+[^\s,;:()]+){{0,5}}?)\s+(?:{_alternatives('to')})\s+{_HEDGE}",
    re.IGNORECASE)
# "narrowed to 138,285 lots from 212,577": the verb's target first, its origin after.
_TO_BEFORE = re.compile(rf"\b[^\W\d_]{{3,}}\s+(?:{_alternatives('to_first')})\s+$",
                        re.IGNORECASE)
_BACKWARD_GAP = re.compile(rf"(?P<mid>(?:\s+[^\W\d_]+){{0,3}}?)\s+(?:{_alternatives('from')})\s+",
                           re.IGNORECASE)
_NOT_IN_GAP = frozenset(every_language("transitions", "not_in_gap"))


def join_transitions(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` (in text order) with every "from X to Y" pair merged into one range.

    The merged quantity's ``low``/``high`` span both figures, its ``value`` is None, and
    ``descending`` says the move went down ("fell from 4.8 to 4.7 percent").
    """
    joined: list[Quantity] = []
    index = 0
    while index < len(quantities):
        first = quantities[index]
        second = quantities[index + 1] if index + 1 < len(quantities) else None
        merged = _transition(text, first, second) if second is not None else None
        if merged is None:
            joined.append(first)
            index += 1
        else:
            joined.append(merged)
            index += 2
    return joined


def _transition(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    if first.value is None or second.value is None or first.value == second.value or \
            not _same_measure(first, second):
        return None
    gap = text[first.end:second.start]
    before = text[max(0, first.start - 40):first.start]
    forward = _FROM_BEFORE.search(before) and _FORWARD_GAP.fullmatch(gap)
    if forward and _clean_gap(forward.group("mid")):
        origin, target = first, second
    else:
        backward = _TO_BEFORE.search(before) and _BACKWARD_GAP.fullmatch(gap)
        if not backward or not _clean_gap(backward.group("mid")):
            return None
        origin, target = second, first
    low, high = sorted((first.value, second.value))
    with_unit = first if first.unit is not None else second
    return replace(
        first, text=text[first.start:second.end], end=second.end, value=None, low=low,
        high=high, change=first.change if first.change in ("=", "~") else "=",
        unit=with_unit.unit, kind=with_unit.kind, counted=first.counted or second.counted,
        qualifiers=tuple(dict.fromkeys(first.qualifiers + second.qualifiers)),
        descending=origin.value > target.value)


def _same_measure(first: Quantity, second: Quantity) -> bool:
    """Both figures measure one thing: no two different units or counted nouns."""
    if first.kind not in ("count", "money", "percent", "measure") or \
            second.kind not in ("count", "money", "percent", "measure"):
        return False
    if first.unit and second.unit and first.unit != second.unit:
        return False
    return not (first.counted and second.counted and
                first.counted.casefold() != second.counted.casefold())


def _clean_gap(mid: str) -> bool:
    return not any(word.casefold() in _NOT_IN_GAP for word in mid.split())
