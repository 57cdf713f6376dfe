"""Who holds a role, across outlets: one captain, one governor, named two ways.

"Nakhoda kapal, La Ode Hamdan", "the ferry's captain, La Ode Hamzah", "Landrat Martin
Seiler" and "district administrator Michael Seiler": a story has one captain, one
district head, one driver of the bus (``claimcheck.lang``'s ``roles``), and two outlets
that name its holder differently disagree on a fact a reader checks first. The name is
the run of capitalised words next to the role word (after it, or before it ahead of a
comma). Names that one holds within the other ("Ahmad Lutfi", "Governor Ahmad Lutfi of
Central Java") are one person; names with nothing in common are taken for two people
(a captain and a ship's owner mixed up is beyond a word list), so only names that share
a part or differ in a few letters ("Hamdan" and "Hamzah", "Budiono" and "Budi Santoso")
are reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from claimcheck.claims.event_dates import outlet_pairs
from claimcheck.lang import language_data
from claimcheck.lang.wordlists import every_language
from claimcheck.models import Claim, Conflict

JUDGE = "claims"
_SCORE = 0.65
_PARTICLES = frozenset(word.casefold() for word in every_language("names", "particles"))
_PARTICLE = "|".join(sorted(_PARTICLES, key=len, reverse=True))
# Capitalised words of a name, with the particles names carry ("La Ode", "bin", "von").
_NAME = re.compile(rf"(?:[A-Z][\w'’-]+|(?<=\s)(?:{_PARTICLE})(?=\s+[A-Z]))"
                   rf"(?:\s+(?:[A-Z][\w'’-]+|{_PARTICLE})(?=\s|[,.;)]|$))*")
# Between a role word and its holder's name: a few lower-case words and a comma at most
# ("Nakhoda kapal, La Ode Hamdan", "captain of the ferry, ...").
_AFTER_ROLE = re.compile(r"(?:\s+[a-zà-ÿ][\w'’-]*){0,3}\s*,?\s*")
_APPOSED = re.compile(r"(?:\s+\d+)?\s*,\s*")
_ARTICLES = "|".join(re.escape(word) for word in every_language("names", "before_role"))
_BEFORE_ROLE = re.compile(rf",\s*(?:(?:{_ARTICLES})\s+)?$", re.IGNORECASE)
_TITLES = frozenset(word.casefold() for word in every_language("names", "titles"))
_SHARED_PREFIX = 4
_FEW_LETTERS = 2
_LONG_NAME = 7


@dataclass(frozen=True, slots=True)
class RoleName:
    claim: int
    role: str
    name: str
    parts: tuple[str, ...]  # the name's words, folded, particles left out


def read_role_names(claims: Sequence[Claim]) -> tuple[RoleName, ...]:
    """Each role word with the name of its holder written next to it."""
    found: list[RoleName] = []
    for position, claim in enumerate(claims):
        text = claim.sentence.text
        tokens, hits = language_data(claim.sentence.language).find(text)
        for hit in hits:
            if hit.category != "roles":
                continue
            name = _holder(text, hit.start, hit.end, claim.sentence.language)
            if name:
                parts = _parts(name)
                if parts:
                    found.append(RoleName(position, hit.concept, name, parts))
    return tuple(found)


def _parts(name: str) -> tuple[str, ...]:
    """A name's words, folded, without particles or titles; a place before a rank is the
    holder's jurisdiction and goes with it ("Tirtaraya AKBP Rudy Hartanto" is "rudy
    hartanto")."""
    words = [word.strip(".").casefold() for word in name.split()]
    ranked = [i for i, word in enumerate(words) if word in _TITLES]
    if ranked:
        words = words[ranked[-1] + 1:]
    return tuple(word for word in words if word and word not in _PARTICLES | _TITLES)


def _holder(text: str, start: int, end: int, language: str) -> str | None:
    gap = _AFTER_ROLE.match(text, end)
    after = _NAME.match(text, gap.end()) if gap else None
    # German writes every noun with a capital: there a name must follow the role word at
    # once or after a comma, not after other words ("Kapitän des Schiffes Marisol").
    if after and (language != "de" or not text[end:after.start()].strip(" ,")):
        # "nakhoda KM Sinar Laut 2, La Ode Sahlan": the role's ship, then its holder.
        apposed = _APPOSED.match(text, after.end())
        if apposed and "," not in text[end:after.start()]:
            holder = _NAME.match(text, apposed.end())
            if holder:
                return holder.group(0)
        return after.group(0)
    before = _BEFORE_ROLE.search(text, 0, start)
    if before:
        names = list(_NAME.finditer(text, 0, before.start()))
        if names and names[-1].end() == before.start():
            return names[-1].group(0)
    return None


def compare_role_names(claims: Sequence[Claim], names: Sequence[RoleName],
                       related: set) -> tuple[Conflict, ...]:
    """Two outlets naming the holder of one role in two ways that cannot both be right."""
    conflicts: dict[str, Conflict] = {}
    for a, b, claim_a, claim_b in outlet_pairs(names, claims, related):
        if a.role != b.role:
            continue
        first, second = set(a.parts), set(b.parts)
        if first <= second or second <= first or not _alike(a.parts, b.parts):
            continue
        why = (f"{a.role.replace('_', ' ')}: {a.name} ({claim_a.outlet}) vs {b.name} "
               f"({claim_b.outlet}): one holder of the role named two ways")
        conflict = Conflict("statement", _SCORE, why, claim_a, claim_b, JUDGE, detail="name")
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name written two ways: the last words are one word spelt within a few letters
    ("Hamdan", "Hamzah") or the same with another first name ("Martin Seiler", "Michael
    Seiler"), or a one-word name starts the other ("Budiono", "Budi Santoso"). Names that
    share only a place before them ("Jawa Tengah Ahmad Lutfi", "Jawa Timur Khofifah")
    are two people."""
    if _close(a[-1], b[-1]) or a[-1] == b[-1]:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == 1:
        return _close(short[0], long[0])
    # "Rudi Hartono" and "Rudy Hartanto Wibisono": every word of the shorter name written
    # alike in the longer one, in order.
    rest = iter(long)
    return all(any(word == other or _close(word, other) or _one_letter(word, other)
                   for other in rest) for word in short)


def _one_letter(x: str, y: str) -> bool:
    """Short words one letter apart ("Rudi", "Rudy")."""
    return min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= 1


def _close(x: str, y: str) -> bool:
    if min(len(x), len(y)) >= _SHARED_PREFIX and (x.startswith(y) or y.startswith(x)):
        return True
    # Longer names keep more letters in common when one is misheard ("Sutrisno", "Suwarno").
    few = _FEW_LETTERS + (min(len(x), len(y)) >= _LONG_NAME)
    return min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= few
