"""Codes across outlets: the same flight, vessel or route number written two ways.

A story names its object by a code ("KF204", "MH 370", "Flight 204"). When one outlet
writes that code with one digit changed ("KF205") while the others agree on another, it
names a different object: a conflict a fact-checker checks first, reported with each
outlet's way of writing it. Codes are letters and digits; one written without its
letters ("Flight 182") matches by its digits.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.lang import language_data
from claimcheck.models import Claim, Conflict

JUDGE = "claims"
_SCORE = 0.65
_CODE = re.compile(r"\b(?P<letters>[A-Z]{2,3})[ -]?(?P<digits>\d{2,4})\b")
_CUED_NUMBER = re.compile(r"(?P<digits>\d{2,4})\b")
# After a word naming what it numbers ("Gate 4", "Pintu 4"), one digit is enough.
_NUMBERED = re.compile(r"(?P<digits>\d{1,4})\b")


@dataclass(frozen=True, slots=True)
class CodeMention:
    claim: int
    letters: str | None
    digits: str
    cued: bool  # a word before it says it is a number ("flight", "nomor penerbangan")
    #: The kind of thing a cue word numbers, when it says ("gate": "Gate 4", "Tor 7").
    kind: str | None = None


def read_codes(claims: Sequence[Claim]) -> tuple[CodeMention, ...]:
    """Every code-like identifier in ``claims``."""
    found: list[CodeMention] = []
    for position, claim in enumerate(claims):
        text = claim.sentence.text
        tokens, hits = language_data(claim.sentence.language).find(text)
        cues = [(hit.end, hit.concept) for hit in hits if hit.category == "identifier_cues"]
        spans = set()
        for match in _CODE.finditer(text):
            cued = any(0 <= match.start() - end <= 12 for end, _ in cues)
            found.append(CodeMention(position, match["letters"], match["digits"], cued))
            spans.add(match.start("digits"))
        for end, concept in cues:
            pattern = _CUED_NUMBER if concept == "words" else _NUMBERED
            match = pattern.match(text, end + 1) if end < len(text) else None
            if match and match.start("digits") not in spans:
                found.append(CodeMention(position, None, match["digits"], True,
                                         None if concept == "words" else concept))
    return tuple(found)


def compare_codes(claims: Sequence[Claim], codes: Sequence[CodeMention],
                  related: set) -> tuple[Conflict, ...]:
    """An outlet's code one digit away from the code the other outlets agree on."""
    by_letters: dict[str, list[CodeMention]] = defaultdict(list)
    for code in codes:
        if code.letters:
            by_letters[code.letters].append(code)
        elif code.kind:  # "Gate 4", "Pintu 4", "Tor 7": one story's gates by number
            by_letters[f"{code.kind} "].append(code)
    conflicts: dict[str, Conflict] = {}
    for letters, mentions in by_letters.items():
        outlets_of: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            outlets_of[mention.digits].add(claims[mention.claim].outlet.casefold())
        if len(outlets_of) < 2:
            continue
        usual = Counter({digits: len(outlets) for digits, outlets in outlets_of.items()})
        common, support = usual.most_common(1)[0]
        if support < 2:
            continue  # no agreement to measure a deviation against
        kind = letters.endswith(" ")
        for digits in outlets_of:
            if digits == common or not _one_digit_apart(digits, common) or \
                    kind and outlets_of[digits] & outlets_of[common]:
                continue  # an outlet naming Gate 3 and Gate 4 tells two gates
            odd = [m for m in mentions if m.digits == digits]
            agreeing = [m for m in (mentions if kind else codes) if m.digits == common
                        and (kind or m.letters in (None, letters))]
            for a in odd:
                for b in _one_per_outlet(claims, agreeing, claims[a.claim].outlet):
                    claim_a, claim_b = claims[a.claim], claims[b.claim]
                    docs = frozenset((claim_a.sentence.doc, claim_b.sentence.doc))
                    if docs not in related:
                        continue
                    what = "another place" if kind else "another object"
                    why = (f"{letters}{digits} ({claim_a.outlet}) vs {letters}{common} "
                           f"({len(outlets_of[common])} other outlets): one number written "
                           f"with another digit names {what}")
                    conflict = Conflict("statement", _SCORE, why, claim_a, claim_b, JUDGE,
                                        detail="location" if kind else "name")
                    conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _one_digit_apart(a: str, b: str) -> bool:
    """One slip of the pen: a digit changed ("KF204", "KF205") or two next to each other
    swapped ("CD 417", "CD 471")."""
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])


def _one_per_outlet(claims: Sequence[Claim], mentions: Sequence[CodeMention],
                    outlet: str) -> list[CodeMention]:
    """Each other outlet's plainest statement of the code: the first cued one, else the
    first."""
    chosen: dict[str, CodeMention] = {}
    for mention in sorted(mentions, key=lambda m: (not m.cued, m.claim)):
        name = claims[mention.claim].outlet.casefold()
        if name != outlet.casefold():
            chosen.setdefault(name, mention)
    return list(chosen.values())
