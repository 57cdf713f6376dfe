"""Whose figure it is, when a figure belongs to one person or one thing.

A death toll is the event's; an age is someone's. Two outlets' ages are one claim only
when they speak of the same one: a name written alike (transliterations differ in a
letter or two: the first four letters are compared) or a code such as a model number.
"""

from __future__ import annotations

import re

from claimcheck.claims.measures import Measure
from claimcheck.models import Claim

_NAME = re.compile(r"\b[A-Z][^\W\d_]{3,}")
_CODE = re.compile(r"\b(?:[A-Z]{1,4}[- ]?\d{2,5}[A-Z]?|\d{2,4}-\d{2,4})\b")


def same_owner(m: Measure, claim_a: Claim, claim_b: Claim) -> bool:
    """An age is one person's or one thing's: two ages meet only when both sentences name
    it alike (a capitalised word of four letters or more past the first word, or a code
    such as a model number), so the coach's 25 never meets a diver's 37, "Ana Lopes, 41"
    meets "Ana Lopez, 43" and the 20-year-old A321 its "22 Jahre alte A321"."""
    if m.attribute != "age":
        return True
    return bool(_names(claim_a.sentence.text) & _names(claim_b.sentence.text))


def _names(text: str) -> set[str]:
    names = {match.group(0)[:4].casefold() for match in _NAME.finditer(text)
             if text[:match.start()].strip()}
    return names | {match.group(0).replace(" ", "") for match in _CODE.finditer(text)}
