"""Quantities as a fact-checker reads them: an interval, what it counts and whose it is.

``extract_quantities`` finds every number (digits in the document's locale, number
words, vague magnitudes), reads the hedge or change word before it, the magnitude,
currency and unit around it, the counted noun and qualifiers after it, and the actor
that owns it. Years, times of day, calendar dates, scores, ordinals, identifiers
("Game 2") and phone numbers are recognised and left out (``quantity_filters``), so
nothing downstream can compare a year with a troop count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claimcheck.extract.entities import actor_before, find_actors
from claimcheck.extract.numbers import NumberAtom, find_numbers, magnitude, number_word_pattern
from claimcheck.extract.outcomes import outcome_around
from claimcheck.extract.quantity_filters import (
    SCORE_CONTEXT,
    is_identifier,
    is_non_quantity,
    is_year,
)
from claimcheck.extract.transitions import join_transitions
from claimcheck.extract.units import (
    ALREADY_DEPLOYED,
    CURRENCY_SYMBOLS,
    FUNCTION_WORDS,
    counted_after,
    counted_class,
    hedge_before,
    unit_after,
)
from claimcheck.extract.unspecified import find_unspecified
from claimcheck.extract.word_durations import find_word_durations
from claimcheck.extract.zeros import find_zero_amounts
from claimcheck.models import Quantity

#: Kinds that are values a judge may compare.
MEASURED_KINDS = frozenset({"count", "money", "percent", "measure", "duration", "unspecified"})

_APPROX_TOLERANCE = 0.1  # "about 3,000" spans 2,700..3,300: news rounds to one or two digits
# "nearly 3,000" is just short of it, 2,850..3,000: 2,750 would be "more than 2,700".
_NEARLY_TOLERANCE = 0.05
_NEARLY_UNITS = 2
_WORD_DURATION_TOLERANCE = 0.15

# "PS" and "Y=" are "£" and "¥" after an ASCII transliteration (unidecode), common in feeds.
_CURRENCY_BEFORE = re.compile(
    r"(\$\s?(?:US|AU|A|C|NZ|HK)|US\s?\$|AU\s?\$|[ACS]\$|HK\s?\$|NZ\s?\$|\$|£|€|¥|₹|\bPS|Y=|"
    r"\bRp\.?|\bRM|\b(?:USD|EUR|AUD|GBP|INR|IDR|SGD|JPY|CNY|MYR|CAD|CHF|NZD|HKD)|\bRs\.?)\s?$")
_RANGE_JOINER = re.compile(
    r"\s*(?P<unit>%|[^\W\d_]+(?:\s[^\W\d_]+)?)?\s*(?:[-–—]|to-?|hingga|sampai|s/d|s\.d\.|bis|"
    r"until|(?P<and>and|dan|und)|(?P<or>or|atau|oder))\s*"
    r"(?:US\s?\$|\$\s?(?:US|AU|A|C|NZ|HK)?|[ACS]\$|£|€|¥|Rp\.?\s?|RM)?")
_BETWEEN = re.compile(r"(?:between|antara|zwischen|from|dari|von)\s+\S*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PART_OF = re.compile(r"\s+(?:dari|of|von|der)\s+(?:(?:the|its|their|seluruh|all)\s+)?"
                      r"(?:[^\W\d_]+['’]s?\s+)?", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s+(?:to|or|hingga|sampai|atau|bis|oder)\s+", re.IGNORECASE)
_BY_AMOUNT = re.compile(r"\b(?:by|sebesar|um)\s+$", re.IGNORECASE)
_INHERIT = re.compile(r"\s*(?:\(\s*(?:or\s+|atau\s+|oder\s+)?|,?\s*(?:or|atau|oder)\s+|/\s*)")
_ALREADY_DEPLOYED = re.compile(ALREADY_DEPLOYED, re.IGNORECASE)
_ECHO_OPEN = re.compile(r"\s?\(\s?")
_ECHO_CLOSE = re.compile(r"\s?\)")
_ONE_WORDS = frozenset("one satu ein eine".split())
_LENGTH_WORDS = frozenset("long wide high tall deep away above below across thick".split())
# Words after a height or a distance, never after what a million counts.
_AFTER_A_PLACE = frozenset("before after beneath under over behind beyond off down up "
                           "when while during".split())


def extract_quantities(text: str, language: str) -> tuple[Quantity, ...]:
    """Every measured quantity in ``text``, read in ``language``'s conventions.

    Args:
        text: One sentence (or a short passage).
        language: ISO 639-1 code of the document ("id", "en", "de", "ms", ...). It decides
            separators ("3.000" is 3000 in "id" and "de") and the words read around numbers.

    Returns:
        Quantities in text order, plus explicitly unspecified amounts (kind "unspecified").
    """
    actor = _actor_lookup(text)
    if not _DIGIT.search(text) and not _has_number_word(text, language):
        return tuple(sorted(find_unspecified(text, language, actor)
                            + find_zero_amounts(text, language, actor)
                            + _with_word_durations(text, language, [], actor),
                            key=lambda q: q.start))
    language = language if language in ("id", "ms", "de") else (language or "en")
    atoms = find_numbers(text, language)
    deployed = [m.start() for m in _ALREADY_DEPLOYED.finditer(text)]
    results: list[Quantity] = []
    index = consumed = previous_end = 0
    while index < len(atoms):
        atom = atoms[index]
        index += 1
        if atom.start < consumed or _not_a_count(text, atom, language):
            continue
        if is_non_quantity(text, atom, language):
            # "aged 18 to 34", "August 14-16", "021-5678-1234": the ends joined to it are too.
            while index < len(atoms) and \
                    _RANGE_JOINER.fullmatch(text, atoms[index - 1].end, atoms[index].start):
                index += 1
            continue
        start, end = atom.start, atom.end
        low, high, value = atom.low, atom.high, atom.value
        unit = kind = None
        currency = _CURRENCY_BEFORE.search(text[max(0, start - 6):start])
        if currency:
            start -= len(currency.group())
            symbol = re.sub(r"\s", "", currency.group(1)).casefold()
            unit, kind = CURRENCY_SYMBOLS.get(symbol, "dollar"), "money"
        end, factor = _magnitude_after(text, atom, end, language, kind == "money")
        if factor != 1:
            value, low, high = _scale(value, factor), _scale(low, factor), _scale(high, factor)
        if index < len(atoms):
            echo_end = _echo_end(text, end, atom, atoms[index], value, language)
            if echo_end is not None:
                index, end = index + 1, echo_end
        change, below = hedge_before(text, start, language)
        if index < len(atoms):
            taken = _range(text, atom, atoms[index], start, end, factor, language, change)
            if taken == "skip":
                index += 1
                continue
            if taken is not None:
                low, high, end = taken
                value = None
                index += 1
        change = _sign_change(text, atom, start, end, change)
        bound = re.match(r"\s*(?:or more|or above|or less|or fewer|atau lebih|atau kurang|"
                         r"oder mehr|oder weniger)\b", text[end:end + 16])
        if bound:
            end += bound.end()
        if change == "=" and results and _INHERIT.fullmatch(text[previous_end:start]):
            change = results[-1].change  # "more than 100 km (60 miles)", "lost 190, or 0.6%"
        if re.search(r"\bminus[\s-]$", text[max(0, start - 6):start], re.IGNORECASE):
            value, low, high = (None if v is None else -v for v in (value, high, low))
        word_unit, word_kind, unit_end = unit_after(text, end)
        if word_unit is not None and (unit is None or word_unit == unit):
            unit, kind, end = word_unit, word_kind, unit_end
        counted, qualifiers, counted_end = counted_after(text, end, language)
        outcome = outcome_around(text, start, end)
        if outcome is not None:
            qualifiers = (*qualifiers, outcome)  # "10 tentara tewas" are not the deployed
        if unit is None and factor == 1 and is_identifier(text, atom, language):
            continue
        # Only a unit written as such makes "2010" a count: "Pada 2010 penduduk..." is a year
        # even though "penduduk" names people.
        measured = unit is not None
        if counted and change == "=" and counted.casefold().endswith(" lebih"):
            # "satu juta suara lebih", "12 orang lebih": Indonesian puts "more than" after.
            counted, change = counted[:-len(" lebih")], ">"
            counted_end = end + text[end:counted_end].casefold().rfind(" lebih")
        if kind in (None, "count"):
            noun_unit = counted_class(counted)
            if unit is None and noun_unit is not None:
                unit, kind = noun_unit
                end = counted_end  # the span shows what is counted: "3.000 tentara"
        if value is not None and is_year(text, atom, measured or factor != 1, change):
            continue
        if (atom.is_word or "/" in atom.raw or "⁄" in atom.raw) and atom.value is not None \
                and 0 < atom.value < 1 and factor == 1:
            unit, kind = "fraction", "percent"  # "two thirds of the people" is a share
        if atom.sign == "-" and change == "=" and kind == "percent":
            change = "down"
        kind = kind or "count"
        if kind == "count" and "additional" not in qualifiers and \
                any(_same_clause(text, start, cue) for cue in deployed):
            qualifiers = (*qualifiers, "already deployed")
        if value is not None and change in ("~", ">", "<"):
            low, high = map(_round, _interval(value, change, below))
        consumed = end
        previous_end = max(end, counted_end)
        results.append(Quantity(
            text=text[start:end], start=start, end=end, value=value, low=low, high=high,
            change=change, unit=unit, counted=counted, qualifiers=qualifiers,
            actor=actor(start), kind=kind, language=language))
    results = join_transitions(text, results)
    for i, (part, whole) in enumerate(zip(results, results[1:], strict=False)):
        gap = _PART_OF.fullmatch(text, part.end, whole.start)
        if gap and whole.counted and part.kind == whole.kind == "count" and \
                (part.counted is None or part.counted in gap.group()):
            # "40 dari 45 karyawannya", "12 of the country's 34 provincial capitals",
            # "18 der 34 Provinzhauptstädte": the part counts what the whole counts.
            results[i] = replace(part, counted=whole.counted, unit=whole.unit or part.unit)
    results = _with_word_durations(text, language, results, actor)
    results.extend(find_unspecified(text, language, actor))
    results.extend(z for z in find_zero_amounts(text, language, actor)
                   if not any(q.start <= z.start < q.end for q in results))
    return tuple(sorted(results, key=lambda q: q.start))


def _with_word_durations(text: str, language: str, results: list[Quantity], actor
                         ) -> list[Quantity]:
    """``results`` and each length of time written in words ("for nearly a month", "nach
    einer halben Stunde"); it replaces the bare fraction read inside it ("half")."""
    for start, end, value, unit in find_word_durations(text, language):
        inside = [q for q in results if q.start < end and start < q.end]
        if any(q.unit != "fraction" for q in inside):
            continue  # already read with its digits or number words
        change, below = hedge_before(text, start, language)
        # "Nearly a month" is four weeks: a hedged unit of time spans one of its smaller units.
        low, high = map(_round, _interval(value, change, below, _WORD_DURATION_TOLERANCE)) \
            if change in ("~", ">", "<") else (value, value)
        results = [q for q in results if q not in inside]
        results.append(Quantity(text=text[start:end], start=start, end=end, value=value,
                                low=low, high=high, change=change, unit=unit,
                                actor=actor(start), kind="duration", language=language))
    return sorted(results, key=lambda q: q.start)


def _echo_end(text: str, end: int, atom: NumberAtom, following: NumberAtom,
              value: float | None, language: str) -> int | None:
    """The end of the figure spelled out again in brackets, if ``following`` is that.

    Official and legal writing repeats a figure in words, or words in digits: "13 (tiga
    belas) kabupaten", "two (2) vehicles", "zwei (2) Fahrzeuge". That is one figure, and
    the counted noun comes after the bracket.
    """
    opening = _ECHO_OPEN.match(text, end)
    if value is None or following.value is None or opening is None or \
            opening.end() != following.start or following.is_word == atom.is_word:
        return None
    inner_end, factor = _magnitude_after(text, following, following.end, language, True)
    closing = _ECHO_CLOSE.match(text, inner_end)
    if closing is None or _scale(following.value, factor) != value:
        return None
    return closing.end()


def _not_a_count(text: str, atom: NumberAtom, language: str) -> bool:
    """Spelled-out "one" as a pronoun ("the same one across") and "second half"."""
    if not atom.is_word:
        return False
    folded = atom.raw.casefold()
    if folded in _ONE_WORDS:
        if text[atom.end:atom.end + 1] == "-":
            return True  # "one-time", "one-sided"
        joined = _RANGE_TO.match(text, atom.end)
        if joined and (text[joined.end():joined.end() + 1].isdigit()
                       or _word_probe(language).match(text, joined.end())):
            return False  # "one to two years", "satu hingga dua"
        following = re.match(r"\s*([^\W\d_]+)", text[atom.end:])
        return following is None or (following.group(1).casefold() in FUNCTION_WORDS
                                     and following.group(1).casefold() != "of")
    if atom.value is not None and atom.value < 1 and re.match(r"-[^\W\d_]", text[atom.end:]):
        return True  # "a third-party evaluation", "half-time": a compound, not a share
    if folded == "half":
        return re.search(r"\b(?:first|second|other|final|this|that)\s+$", text[:atom.start],
                         re.IGNORECASE) is not None
    return False


def _sign_change(text: str, atom: NumberAtom, start: int, end: int, change: str) -> str:
    """Changes written with symbols: "+0.2%", "1000+", "sub-300", "or more"."""
    after = text[end:end + 14]
    if re.match(r"^\s*(?:\+|or more|atau lebih|oder mehr|or above)", after):
        return ">"
    if re.match(r"^\s*(?:or less|or fewer|atau kurang|oder weniger)", after):
        return "<"
    if change != "=":
        return change
    if text[max(0, start - 4):start].casefold() == "sub-":
        return "<"
    if atom.sign == "+":
        return "up"
    return change


def _range(text: str, atom: NumberAtom, other: NumberAtom, start: int, end: int, factor: float,
           language: str, change: str) -> tuple[float, float, int] | str | None:
    """(low, high, end) when ``atom`` and ``other`` form a range, "skip" for a score or a
    span of years, else None. "5-6", "5 to 6 km", "antara 5 dan 6", "1 per cent to 1.5
    per cent", "three or four years"."""
    joiner = _RANGE_JOINER.fullmatch(text, end, other.start)
    if joiner is None or _BY_AMOUNT.search(text, max(0, start - 12), start):
        return None  # "increased by $43.6 billion to $419.2 billion": a rise, then a level
    if joiner.group("unit"):
        # The first number's unit repeated after the second: "15kHz and 17kHz".
        repeated = text[other.end:other.end + len(joiner.group("unit")) + 1].lstrip()
        if not repeated.casefold().startswith(joiner.group("unit").casefold()):
            return None
    if joiner.group("and") and not _BETWEEN.search(text[max(0, start - 30):start]):
        return None
    if joiner.group("or") and (atom.value is None or other.value != atom.value + 1):
        return None  # "three or four years" is a range; "25k or 40k cheaper" two figures
    if is_year(text, atom, False, change):
        return "skip" if re.fullmatch(r"\d{2,4}", other.raw) else None
    if is_non_quantity(text, other, language):
        return None
    # "$3m to $4m", "3 to 4m people": the second "m" is a million; "from 3,322m to 76m":
    # the first "m" was metres, so is the second.
    metres = factor == 1 and re.match(r"m\b", text[end:end + 2]) is not None
    other_end, other_factor = _magnitude_after(text, other, other.end, language, not metres)
    low = _scale(atom.low, factor)
    if factor == 1 and other_factor != 1 and (atom.high or 0) < (other.low or 0):
        low = _scale(atom.low, other_factor)
    scale = magnitude(other.raw.split()[-1], language) if other.is_word else None
    if factor == 1 and scale and scale > 1 and (atom.high or 0) < scale:
        low = _scale(atom.low, scale)  # "four to five thousand" is 4,000..5,000
    high = _scale(other.high, other_factor)
    if low is None or high is None:
        return None
    hyphen = re.fullmatch(r"\s*[-–—]\s*", text[end:other.start]) is not None
    if hyphen and (low >= high or SCORE_CONTEXT.search(text)):
        return "skip"  # a score ("2-2", "3-1")
    if low >= high or re.match(r"\s*[-–]\s*\d", text[other.end:other.end + 4]):
        return None  # "from 24.2 to 33-35 billion": the later pair is the range
    return low, high, other_end


def _same_clause(text: str, a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    return not any(mark in text[low:high] for mark in (";", ":", " but ", " while ", " tetapi "))


def _interval(value: float, change: str, below: bool, tolerance: float | None = None
              ) -> tuple[float | None, float | None]:
    if change == ">":
        return value, None
    if change == "<":
        return None, value
    # Hedges scale the magnitude: "about -30 degrees" spans -33..-27, "almost -30" -30..-27.
    near, approx = (tolerance, tolerance) if tolerance else \
        (_NEARLY_TOLERANCE, _APPROX_TOLERANCE)
    # "nearly 30" of a small count is two short of it (28), not 5%: news rounds to a ten.
    short = max(abs(value) * near, min(_NEARLY_UNITS, abs(value) * approx)) \
        if tolerance is None and abs(value) >= 10 and float(value).is_integer() \
        else abs(value) * near
    ends = (value - short if value >= 0 else value + short, value) if below else \
        (value * (1 - approx), value * (1 + approx))
    return min(ends), max(ends)


def _scale(value: float | None, factor: float) -> float | None:
    return _round(None if value is None else value * factor)


def _round(value: float | None) -> float | None:
    # Twelve significant digits drop float noise (1.2 * 1e6) and keep 1.99e-30 apart from 0.
    return None if value is None else float(f"{value:.12g}")


def _one_magnitude(text: str, atom: NumberAtom, end: int, language: str,
                     money: bool = False) -> tuple[int, float]:
    """Position after a magnitude word ("juta", "million", "bn") and its factor."""
    match = re.match(r"(\s?)([^\W\d_]+\.?)(?![\d²³])", text[end:end + 14])
    if not match:
        return end, 1
    word = match.group(2)
    factor = magnitude(word, language)
    if factor is None and word.endswith("."):
        word = word[:-1]
        factor = magnitude(word, language)
    # Single letters ("m", "k", "b") only count attached: "1.2m", not "5 m".
    if not factor or factor == 0 or ((len(word) <= 2 or word == "mil") and match.group(1)) or \
            (atom.is_word and len(word) <= 2):
        return end, 1
    if word == "m" and not money:
        # "1.2m people" and "$3m" are millions; "37m (121ft)" and "5m long" are metres.
        noun = re.match(r"\s([a-z]+)", text[end + 1:end + 20])
        if noun is None or noun.group(1) in _LENGTH_WORDS or \
                (noun.group(1) in FUNCTION_WORDS and noun.group(1) != "of"):
            return end, 1
        if noun.group(1) in _AFTER_A_PLACE:
            return end, 1  # "hovered at 120m over the ridge": a height, not a count
    return end + match.end(1) + len(word), factor


def _magnitude_after(text: str, atom: NumberAtom, end: int, language: str,
                     money: bool = False) -> tuple[int, float]:
    """Position after magnitude words and their product: "4 hundred million" is 4e8."""
    end, factor = _one_magnitude(text, atom, end, language, money)
    if factor != 1:
        more_end, more = _one_magnitude(text, atom, end, language, money)
        if more > factor:
            return more_end, factor * more
    return end, factor


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
