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


def same_owner(a: Measure, b: Measure, claim_a: Claim, claim_b: Claim) -> bool:
    """An age is one person's or one thing's: two ages meet only when the words next to
    them name it alike (a capitalised word of four letters or more past the sentence's
    first word, or a code such as a model number), so the coach's 25 never meets a
    diver's 37, "Ana Lopes, 41" meets "Ana Lopez, 43" and the 20-year-old A321 its "22
    Jahre alte A321". A place both sentences name elsewhere ("from Sarundu") is not whose
    age it is."""
    if a.attribute != "age":
        return True
    return bool(_names(claim_a.sentence.text, a) & _names(claim_b.sentence.text, b))


def _names(text: str, m: Measure) -> set[str]:
    """Names just before the age ("a former Thai navy diver, Ana Lopes, 41"), just after
    it ("ein 52 Jahre alter Portugiese"), and codes around it ("the 26-year-old A320")."""
    start, end = m.quantity.start, m.quantity.end
    names = {match.group(0)[:4].casefold()
             for match in (*_NAME.finditer(text, max(0, start - _BEFORE), start),
                           *_NAME.finditer(text, end, end + _AFTER))
             if text[:match.start()].strip()}
    window = text[max(0, start - _CODE_REACH):end + _CODE_REACH]
    return names | {match.group(0).replace(" ", "") for match in _CODE.finditer(window)}


# How far from an age its owner's name stands: "Wa Ode Sari, a 43-year-old teacher",
# "La Ode Sahlan (47)", "ein 52 Jahre alter Portugiese"; a place further on ("a teacher
# from Port Caldera") is where, not whose; a code may stand further ("das 31 Jahre alte
# Schiff vom Typ MX-400").
_BEFORE = 45
_AFTER = 20
_CODE_REACH = 45
