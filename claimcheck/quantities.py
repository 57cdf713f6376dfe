"""Quantities as a fact-checker reads them: an interval, what it counts and whose it is.

``extract_quantities`` finds every number (digits in the document's locale, number
words, vague magnitudes), reads the hedge or change word before it, the magnitude,
currency and unit around it, the counted noun and qualifiers after it, and the actor
that owns it. Years, times of day, calendar dates, scores, ordinals, identifiers
("Game 2") and phone numbers are recognised and left out, so nothing downstream can
compare a year with a troop count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.calendar_words import MONTH_RE
from claimcheck.entities import actor_before, find_actors
from claimcheck.models import Quantity
from claimcheck.numbers import (
    VAGUE,
    magnitude,
    number_word_pattern,
    parse_number_words,
    parse_numeral,
)
from claimcheck.units import (
    ALREADY_DEPLOYED,
    BELOW_HEDGES,
    CONNECTORS,
    CURRENCY_SYMBOLS,
    QUALIFIERS,
    UNITS,
    hedges,
)
from claimcheck.unspecified import find_unspecified

#: Kinds that are values a judge may compare.
MEASURED_KINDS = frozenset({"count", "money", "percent", "measure", "duration", "unspecified"})

_APPROX_TOLERANCE = 0.1  # "about 3,000" spans 2,700..3,300: news rounds to one or two digits

_CURRENCY_BEFORE = re.compile(
    r"(US\s?\$|[ACS]\$|HK\$|NZ\$|\$|£|€|¥|₹|\bRp\.?|\bRM|\bUSD|\bEUR|\bIDR|\bGBP|\bRs\.?)\s?$")
_WORD = re.compile(r"[^\W\d_][\w'’./-]*|%|°[CF]?")
_YEAR_CUES = frozenset(
    "in since of tahun sejak pada hingga sampai until by from im seit bis von jahr jahres dari "
    "year before after during between and dan und early late mid awal akhir pertengahan "
    "season musim fiscal fy ad a.d. bc anno circa sebelum sesudah setelah menjelang".split())
_TIME_AFTER = re.compile(r"^\s?(?:WIB|WITA|WIT|GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST|"
                         r"[ap]\.?m\.?(?!\w)|Uhr|h\b|pagi|siang|sore|malam)", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?:\bpukul|\bjam|\bat|\bum|\bsekitar pukul|\buntil|\bbefore|"
                          r"\bafter|\bby|\bfrom|\bgegen|\bab)\s*$", re.IGNORECASE)
_SCORE_CONTEXT = re.compile(
    r"\b(?:skor|menang|kalah|imbang|unggul|won|win|wins|beat|beats|draw|drew|lead|led|score|"
    r"scored|victory|defeat|defeated|aggregate|ended|trail|trailed|sieg|gewann|verlor|"
    r"unentschieden|endete|goals?|gol|half-time|halftime|game|match|pertandingan|spiel)\b",
    re.IGNORECASE)
_NOT_NAMES = frozenset("rp rm us usd eur idr gbp".split())
_NOUNISH_STOP = frozenset(
    "di ke dari dan yang untuk dengan dalam pada itu ini atau oleh akan telah sudah adalah "
    "bagi per sejak selama sebagai tersebut karena agar namun tetapi juga saja lagi pun the "
    "a an of in on at to for from and or by with that which who than as is are was were be "
    "been have has had will would per each der die das den dem des und oder in im am an auf "
    "mit von zu für aus bei nach vor als ist sind war waren wird werden haben hat mereka kami "
    "kita dia ia saya anda they we he she it you sie er wir ihr es".split())


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    raw: str
    is_word: bool


@lru_cache(maxsize=16)
def _atom_pattern(language: str) -> re.Pattern[str]:
    digits = r"(?<![\w.,/:#])(?<![A-Za-z]-)\d+(?:[.,\u00a0]\d+)*"
    words = number_word_pattern(language)
    return re.compile(rf"(?P<num>{digits})|(?<![\w-])(?P<word>{words})(?![\w-])", re.IGNORECASE)


def _atoms(text: str, language: str) -> list[_Atom]:
    atoms = []
    for match in _atom_pattern(language).finditer(text):
        raw = match.group()
        if match.group("num"):
            value = parse_numeral(raw, language)
            if value is None:
                continue
            atoms.append(_Atom(match.start(), match.end(), value, value, value, raw, False))
            continue
        folded = " ".join(raw.casefold().split())
        if folded in VAGUE:
            low, high = VAGUE[folded]
            atoms.append(_Atom(match.start(), match.end(), None, low, high, raw, True))
            continue
        value = parse_number_words(folded, language)
        # German "ein"/"eine" and Indonesian "satu" alone are mostly articles ("salah satu").
        if value is None or (language == "de" and folded in ("ein", "eins", "und")):
            continue
        atoms.append(_Atom(match.start(), match.end(), value, value, value, raw, True))
    return atoms


def _next_words(text: str, pos: int, count: int) -> list[tuple[str, int, int]]:
    words = []
    for match in _WORD.finditer(text, pos):
        gap = text[pos:match.start()]
        if any(ch in gap for ch in ",;:()\"“”!?") or (words and "." in gap):
            break
        word = match.group().rstrip(".") or match.group()
        words.append((word, match.start(), match.start() + len(word)))
        pos = match.end()
        if len(words) == count:
            break
    return words


def _unit_after(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """(unit, kind, end) for the unit word right after ``pos``, else (None, None, pos)."""
    rest = text[pos:pos + 40]
    stripped = rest.lstrip()
    if stripped[:1] == "%" or stripped[:1] == "°":
        symbol = "%" if stripped[0] == "%" else stripped[:2].rstrip()
        unit, kind = UNITS.get(symbol.casefold(), ("degree", "measure"))
        return unit, kind, pos + len(rest) - len(stripped) + len(symbol)
    words = _next_words(text, pos, 3)
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        phrase = " ".join(w for w, _, _ in words[:size]).casefold()
        if phrase in UNITS and UNITS[phrase][1] != "count":
            # A one-letter unit only attached or lower-case ("5 m", "5m"; not "5 M").
            if len(phrase) == 1 and words[0][0] != phrase:
                continue
            unit, kind = UNITS[phrase]
            return unit, kind, words[size - 1][2]
    return None, None, pos


def _hedge_before(text: str, start: int, language: str) -> tuple[str, bool]:
    """The change a hedge or change word before ``start`` implies, and whether it is 'below'."""
    before = text[max(0, start - 40):start].casefold().rstrip()
    words = before.split()
    change, below = "=", False
    for phrase, kind in hedges(language):
        if kind in ("up", "down"):
            continue
        if before.endswith(phrase) and (len(before) == len(phrase)
                                        or not before[-len(phrase) - 1].isalnum()):
            change, below = kind, phrase in BELOW_HEDGES
            words = before[:-len(phrase)].split()
            break
    while words and words[-1] in CONNECTORS:
        words.pop()
    if words:
        last = words[-1].strip(",")
        for phrase, kind in hedges(language):
            if kind in ("up", "down") and last == phrase:
                return kind, False
    return change, below


def _counted(text: str, pos: int, language: str) -> tuple[str | None, tuple[str, ...], int]:
    """The counted noun after ``pos`` as written, the qualifiers around it, and its end."""
    words = _next_words(text, pos, 4)
    qualifiers: list[str] = []
    head: list[str] = []
    end = pos
    for word, _, word_end in words:
        folded = word.casefold()
        if folded in QUALIFIERS and not (folded in UNITS and not head):
            qualifiers.append(QUALIFIERS[folded])
            if head:
                break
            continue
        if head:
            # Indonesian compounds ("pegawai kedutaan") continue with a plain noun; verbs
            # carry me-/ber-/di-/ter- prefixes and stop the noun.
            if language in ("id", "ms") and folded not in _NOUNISH_STOP and len(head) < 2 \
                    and not re.match(r"(?:me|ber|di|ter)\w{3,}", folded) \
                    and folded not in UNITS:
                head.append(re.sub(r"nya$", "", word))
                end = word_end
                continue
            if language == "en" and folded.endswith("s") and not head[-1].endswith("s") \
                    and folded not in _NOUNISH_STOP and len(head) < 2:
                head.append(word)
                end = word_end
            break
        if folded in _NOUNISH_STOP or not word[0].isalpha():
            break
        if language == "de" and not word[0].isupper():
            continue  # adjectives before a German noun are lower case
        if folded in QUALIFIERS:
            qualifiers.append(QUALIFIERS[folded])
        head.append(word)
        end = word_end
    counted = " ".join(head) if head else None
    return counted, tuple(dict.fromkeys(qualifiers)), end


def _non_quantity(text: str, atom: _Atom, language: str) -> bool:
    """True for years, times, dates, ordinals, identifiers and phone numbers."""
    if atom.is_word:
        return False
    raw, before, after = atom.raw, text[:atom.start], text[atom.end:]
    if re.match(r"^(?:st|nd|rd|th|er|e|\.\s*(?:" + MONTH_RE + r"))\b", after) or \
            re.search(r"\bke-?$", before[-3:]):
        return True  # ordinal ("22nd", "ke-3", "3. Mai")
    if re.match(r"^\s?/\s?\d", after) or re.match(r"^[-/]\d{1,2}[-/]\d", after):
        return True  # "16/8/2021", "2021-08-16"
    if re.search(MONTH_RE + r"\s*$", before[-14:]) or \
            re.match(r"^\.?\s*" + MONTH_RE + r"\b", after):
        return True  # "August 14", "1 September"
    if re.match(r"^:\d\d", after) or (re.fullmatch(r"\d{1,2}[.:]\d\d", raw) and
                                      (_TIME_AFTER.match(after) or _TIME_BEFORE.search(before))):
        return True
    if re.fullmatch(r"\d{1,2}", raw) and _TIME_AFTER.match(after) and \
            not re.match(r"^\s?(?:h\b|pagi|siang|sore|malam)", after):
        return True  # "11 a.m.", "9 Uhr"
    if re.match(r"^\s?[-–]?\s?\d{3,}[-\s]\d{3,}", after) or re.search(r"\+\s?$", before) or \
            re.fullmatch(r"0\d{6,}", raw):
        return True  # phone-like
    if re.search(r"(?:\b[Nn]o\.?|#|\b[Nn]omor|\bNr\.)\s*$", before):
        return True
    return False


def _is_year(text: str, atom: _Atom, has_unit: bool, change: str) -> bool:
    if atom.is_word or not re.fullmatch(r"\d{4}", atom.raw) or has_unit:
        return False
    value = atom.value or 0
    after = text[atom.end:atom.end + 4]
    if re.match(r"^(?:s\b|-an\b|an\b|'s)", after):
        return True
    previous = text[max(0, atom.start - 20):atom.start].split()
    cue = bool(previous) and previous[-1].casefold().strip("(,") in _YEAR_CUES
    if 1900 <= value <= 2100:
        return change == "=" or cue
    return 1000 <= value < 1900 and cue


def _identifier(text: str, atom: _Atom, language: str) -> bool:
    """A number naming a thing ("Game 2", "iPhone 11", "Section 427"), not measuring it."""
    if atom.is_word or not re.fullmatch(r"\d{1,4}", atom.raw):
        return False
    match = re.search(r"([A-Za-z][\w-]*)\s$", text[max(0, atom.start - 25):atom.start])
    if not match:
        return False
    word = match.group(1)
    word_start = atom.start - len(match.group())
    sentence_initial = not text[:word_start].strip() or \
        text[:word_start].rstrip()[-1] in ".!?\"“'‘(-–:"
    if sentence_initial or word.casefold() in _NOT_NAMES or \
            any(phrase == word.casefold() for phrase, _ in hedges(language)):
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def extract_quantities(text: str, language: str) -> tuple[Quantity, ...]:
    """Every measured quantity in ``text``, read in ``language``'s conventions.

    Args:
        text: One sentence (or a short passage).
        language: ISO 639-1 code of the document ("id", "en", "de", "ms", ...). It decides
            separators ("3.000" is 3000 in "id" and "de") and the words read around numbers.

    Returns:
        Quantities in text order, plus explicitly unspecified amounts (kind "unspecified").
    """
    if not any(ch.isdigit() for ch in text) and not _has_number_word(text, language):
        return find_unspecified(text, language, _actor_lookup(text))
    language = language if language in ("id", "ms", "de") else (language or "en")
    atoms = _atoms(text, language)
    actor = _actor_lookup(text)
    deployed = [(m.start(), m.end()) for m in re.finditer(ALREADY_DEPLOYED, text, re.IGNORECASE)]
    results: list[Quantity] = []
    index = 0
    consumed = 0
    while index < len(atoms):
        atom = atoms[index]
        index += 1
        if atom.start < consumed or _non_quantity(text, atom, language):
            continue
        start, end = atom.start, atom.end
        low, high, value = atom.low, atom.high, atom.value
        unit = kind = None
        currency = _CURRENCY_BEFORE.search(text[max(0, start - 6):start])
        if currency:
            start -= len(currency.group())
            unit, kind = CURRENCY_SYMBOLS[re.sub(r"\s", "", currency.group(1)).casefold()], "money"
        end, factor = _magnitude_after(text, atom, end, language)
        if factor != 1:
            value, low, high = _scale(value, factor), _scale(low, factor), _scale(high, factor)
        # Ranges: "5-6", "5 to 6", "antara 5 dan 6", "zwischen 5 und 6".
        if index < len(atoms):
            other = atoms[index]
            joiner = text[end:other.start]
            between = re.search(r"(?:between|antara|zwischen|from|dari|von)\s+\S*$",
                                text[max(0, start - 30):start], re.IGNORECASE)
            if re.fullmatch(r"\s*(?:[-–—]|to|hingga|sampai|s/d|s\.d\.|bis|until)\s*"
                            r"(?:US\s?\$|\$|£|€|Rp\.?\s?)?", joiner) or \
                    (between and re.fullmatch(r"\s*(?:and|dan|und)\s*(?:\$|£|€)?", joiner)):
                first_year = _is_year(text, atom, False, "=")
                if first_year and not re.fullmatch(r"\d{2,4}", other.raw):
                    pass  # "in 2018 to 3.9 million": a year, then a quantity
                elif not _non_quantity(text, other, language):
                    other_end, other_factor = _magnitude_after(text, other, other.end, language)
                    if factor == 1 and other_factor != 1 and (atom.high or 0) < (other.low or 0):
                        factor = other_factor
                        low = _scale(atom.low, factor)
                    second = _scale(other.high, other_factor)
                    first = low
                    if re.fullmatch(r"\s*[-–—]\s*", joiner) and first is not None and \
                            second is not None and (first >= second or
                                                    _SCORE_CONTEXT.search(text)):
                        index += 1
                        continue  # a score ("2-2", "3-1")
                    if first_year:
                        index += 1
                        continue  # "1996 hingga 2001", "2019-20"
                    if first is not None and second is not None and first < second:
                        value, low, high, end = None, first, second, other_end
                        index += 1
        change, below = _hedge_before(text, start, language)
        if re.match(r"^\s*(?:\+|or more|atau lebih|oder mehr|or above)", text[end:end + 12]):
            change = ">"
        elif re.match(r"^\s*(?:or less|or fewer|atau kurang|oder weniger)", text[end:end + 14]):
            change = "<"
        word_unit, word_kind, unit_end = _unit_after(text, end)
        if word_unit is not None and (unit is None or word_kind == "money"):
            if unit is None or word_unit == unit:
                unit, kind, end = word_unit, word_kind, unit_end
        if unit is None and _identifier(text, atom, language):
            continue
        counted, qualifiers, counted_end = _counted(text, end, language)
        if kind in (None, "count"):
            noun_unit = UNITS.get((counted or "").casefold())
            if noun_unit is None and counted and " " in counted:
                noun_unit = UNITS.get(counted.split()[0].casefold())
            if unit is None and noun_unit is not None:
                unit, kind = noun_unit
                end = counted_end  # the span shows what is counted: "3.000 tentara"
        if value is not None and _is_year(text, atom, unit is not None or factor != 1, change):
            continue
        kind = kind or "count"
        if kind == "count" and "additional" not in qualifiers and \
                any(_same_clause(text, start, cue) for cue, _ in deployed):
            qualifiers = (*qualifiers, "already deployed")
        if value is not None and change in ("~", ">", "<"):
            low, high = map(_round, _interval(value, change, below))
        consumed = end
        results.append(Quantity(
            text=text[start:end], start=start, end=end, value=value, low=low, high=high,
            change=change, unit=unit, counted=counted, qualifiers=qualifiers,
            actor=actor(start), kind=kind, language=language))
    results.extend(find_unspecified(text, language, actor))
    return tuple(sorted(results, key=lambda q: q.start))


def _same_clause(text: str, a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    return not any(mark in text[low:high] for mark in (";", ":", " but ", " while ", " tetapi "))


def _interval(value: float, change: str, below: bool) -> tuple[float | None, float | None]:
    if change == ">":
        return value, None
    if change == "<":
        return None, value
    if below:
        return value * (1 - _APPROX_TOLERANCE), value
    return value * (1 - _APPROX_TOLERANCE), value * (1 + _APPROX_TOLERANCE)


def _scale(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 6)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _magnitude_after(text: str, atom: _Atom, end: int, language: str) -> tuple[int, float]:
    """Position after a magnitude word ("juta", "million", "bn") and its factor."""
    match = re.match(r"(\s?)([^\W\d_]+\.?)", text[end:end + 14])
    if not match:
        return end, 1
    word = match.group(2)
    factor = magnitude(word, language)
    if factor is None and word.endswith("."):
        word = word[:-1]
        factor = magnitude(word, language)
    # Single letters ("m", "k", "b") only count attached: "1.2m", not "5 m".
    if not factor or factor == 0 or (len(word) <= 2 and match.group(1)) or \
            (atom.is_word and len(word) <= 2):
        return end, 1
    if word in ("m",) and re.match(r"^\s?(?:long|wide|high|tall|deep)", text[end + 2:]):
        return end, 1
    return end + match.end(1) + len(word), factor


@lru_cache(maxsize=16)
def _word_probe(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){number_word_pattern(language)}(?![\w-])", re.IGNORECASE)


def _has_number_word(text: str, language: str) -> bool:
    language = language if language in ("id", "ms", "de") else "en"
    return _word_probe(language).search(text) is not None


def _actor_lookup(text: str):
    """``entities.actor_before`` for this sentence, skipped when it names no actor at all."""
    if not find_actors(text):
        return lambda _position: None
    return lambda position: actor_before(text, position)
