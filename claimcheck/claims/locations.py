"""Where a story happened, across outlets: one place put in two regencies or provinces.

"Kecamatan Watugede, Kabupaten Banyuresik, Jawa Tengah", "in the Banyuresik regency of
Central Java", "im Bezirk Banyuresik in der Provinz Ostjava": three outlets name the
regency, and one puts it in another province. A sentence that names one unit of a level
(a regency, a province: ``claimcheck/lang/words``' ``[places]``) puts every other place it
names in that unit; two outlets that put the same place in two units of one level, where
no outlet puts it (or either unit) in the other, disagree on where it happened.

Provinces made of a compass word and an island ("Jawa Tengah", "Central Java",
"Zentral-Java") are read in every language to one key; other names are compared as
written, folded ("Banjarnegara", "Jambi"). A sentence that names two units of one level
("from Jambi to Riau") puts nothing anywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimcheck.claims.event_dates import outlet_pairs
from claimcheck.lang.wordlists import words
from claimcheck.models import Claim, Conflict

JUDGE = "claims"
_SCORE = 0.6
LEVELS = ("regency", "province")
_NAME = r"[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,2}"


@dataclass(frozen=True, slots=True)
class Placement:
    claim: int
    place: str  # a folded name the sentence puts in ``unit``
    level: str
    unit: str  # the unit's key ("central java", "banjarnegara")
    written: str  # the unit as the sentence writes it


def read_placements(claims: Sequence[Claim]) -> tuple[Placement, ...]:
    """Each place a sentence puts in the one unit of a level it names: a village or
    district it names by its unit word ("Desa Gunungwangi", "Gunungwangi village"), and a
    regency in the province."""
    found: list[Placement] = []
    for position, claim in enumerate(claims):
        text, language = claim.sentence.text, claim.sentence.language
        units = _units(text, language)
        if not units:
            continue
        minor = {name.casefold() for pattern in _table(language)["minor"]
                 for name in (m.group("name") for m in pattern.finditer(text))}
        for level in LEVELS:
            named = {key: written for lvl, key, written, _ in units if lvl == level}
            if len(named) != 1:
                continue
            (key, written), = named.items()
            places = minor | ({k for lvl, k, _, _ in units if lvl == "regency"}
                              if level == "province" else set())
            found.extend(Placement(position, place, level, key, written)
                         for place in sorted(places) if place != key)
    return tuple(found)


def compare_placements(claims: Sequence[Claim], placements: Sequence[Placement],
                       related: set) -> tuple[Conflict, ...]:
    """Two outlets putting one place in two units of one level."""
    # Everything any outlet puts anywhere: a unit inside the other, or a place in both,
    # reconciles two placements.
    inside: dict[str, set[str]] = defaultdict(set)
    for p in placements:
        inside[p.place].add(p.unit)
    conflicts: dict[str, Conflict] = {}
    for a, b, claim_a, claim_b in outlet_pairs(placements, claims, related):
        if a.place != b.place or a.level != b.level or a.unit == b.unit:
            continue
        if {a.unit, b.unit} <= inside[a.place] and _said_together(placements, a, b) or \
                b.unit in inside[a.unit] or a.unit in inside[b.unit]:
            continue
        why = (f"{a.place.title()}: in {a.written} ({claim_a.outlet}) vs in {b.written} "
               f"({claim_b.outlet}): one place put in two {a.level}s")
        conflict = Conflict("statement", _SCORE, why, claim_a, claim_b, JUDGE,
                            detail="location")
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _said_together(placements: Sequence[Placement], a: Placement, b: Placement) -> bool:
    """One outlet's article puts the place in both units."""
    by_outlet: dict[int, set[str]] = defaultdict(set)
    for p in placements:
        if p.place == a.place:
            by_outlet[p.claim].add(p.unit)
    return any({a.unit, b.unit} <= units for units in by_outlet.values())


def _units(text: str, language: str) -> list[tuple[str, str, str, tuple[int, int]]]:
    """(level, key, as written, span) of every administrative unit the text names."""
    table = _table(language)
    found = []
    if not table["any"].search(text):
        return found  # most sentences name no unit and no region: one search, not seven
    for level in LEVELS:
        for pattern in table[level]:
            for match in pattern.finditer(text):
                found.append((level, _key(match.group("name"), language), match.group(0),
                              match.span()))
    for match in table["region"].finditer(text):
        key = _region(match.group(0), language)
        if key and not any(s <= match.start() < e for _, _, _, (s, e) in found):
            found.append(("province", key, match.group(0), match.span()))
    return found


def _key(name: str, language: str) -> str:
    """A unit's name as compared: "Indonesia's West Sulawesi" and "Sulawesi Barat" are
    "west sulawesi"; a possessive before a name is the country it lies in."""
    words = name.split()
    owners = [i for i, word in enumerate(words) if word.endswith(("'s", "’s"))]
    words = words[owners[-1] + 1:] if owners and owners[-1] + 1 < len(words) else words
    for start in range(len(words)):
        region = _region(" ".join(words[start:]), language)
        if region:
            return region
    return " ".join(words).casefold()


def _region(name: str, language: str) -> str | None:
    """"Jawa Tengah", "Central Java", "Zentral-Java" -> "central java"; None for a name
    that is no compass region of an island."""
    table = _table(language)
    folded = name.casefold().replace("-", " ")
    for direction, key in sorted(table["directions"].items(), key=lambda item: -len(item[0])):
        for island, neutral in table["islands"].items():
            if folded in (f"{direction} {island}", f"{island} {direction}",
                          f"{direction}{island}"):
                return f"{key} {neutral}"
    return None


def _unit_patterns(unit_words: Sequence[str], name_first: bool
                   ) -> tuple[re.Pattern[str], ...]:
    """"Kabupaten Banyuresik", "Provinz Ostjava": the unit word before its name; in a
    language that writes the name first, "Banyuresik regency" as well."""
    unit = "|".join(re.escape(word) for word in sorted(unit_words, key=len, reverse=True))
    before = re.compile(rf"\b(?i:{unit})\s+(?P<name>{_NAME})")
    if not name_first:
        return (before,)
    return before, re.compile(rf"(?P<name>{_NAME})\s+(?i:{unit})\b")


@cache
def _table(language: str) -> dict:
    try:
        places = words(language)["places"]
    except KeyError:
        places = words("en")["places"]
    directions = {k.casefold(): v for k, v in places["directions"].items()}
    islands = {k.casefold(): v for k, v in places["islands"].items()}
    table: dict = {"directions": directions, "islands": islands}
    for level in LEVELS:
        table[level] = _unit_patterns(places[level], places.get("name_first", False))
    table["minor"] = _unit_patterns(places["minor"], places.get("name_first", False))
    direction = "|".join(re.escape(d) for d in sorted(directions, key=len, reverse=True))
    island = "|".join(re.escape(i) for i in sorted(islands, key=len, reverse=True))
    table["any"] = re.compile("|".join(
        re.escape(word) for word in sorted({*places["regency"], *places["province"],
                                            *islands}, key=len, reverse=True)),
        re.IGNORECASE)
    table["region"] = re.compile(
        rf"\b(?i:(?:{direction})[\s-]?(?:{island})|(?:{island})\s+(?:{direction}))\b")
    return table
