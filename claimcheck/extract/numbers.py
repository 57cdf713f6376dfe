"""Reading numbers the way each language writes them: digits with locale separators,
number words, magnitude words and vague magnitudes.

Separators are classified here rather than by babel's lenient ``parse_decimal``,
which misreads "2.5" in Indonesian as 25 and "10.30" as 1030 (measured, see
shared/NOTES.md). Malay text follows the English convention; Indonesian, German
and most of continental Europe swap the two marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.lang.wordlists import all_words
from claimcheck.lang.wordlists import words as word_lists

# Languages whose decimal mark is a comma and whose group mark is a dot (CLDR).
COMMA_DECIMAL = frozenset(
    "id de nl fr es it pt tr da nb no sv fi pl cs sk ro hu hr sl sr bg ru uk el lt lv et".split()
)

_GROUPED_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_GROUPED_SPACE = re.compile(r"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:[.,]\d+)?$")
_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_numeral(token: str, language: str) -> float | None:
    """Read a digit string with locale separators.

    Args:
        token: Digits with optional group and decimal marks ("3.000", "2,5", "3,000").
        language: ISO 639-1 code of the document; decides ambiguous marks.

    Returns:
        The value, or ``None`` when ``token`` is not a number in any convention.

    "3.000" is 3000 in Indonesian and 3.0 in English; "2.5" is 2.5 in both, because a
    dot followed by other than three digits cannot be a group mark.
    """
    token = token.strip()
    comma_decimal = language in COMMA_DECIMAL
    if _GROUPED_SPACE.match(token):
        token = re.sub(r"[\u00a0\u202f ]", "", token)
    if _GROUPED_DOT.match(token) and (comma_decimal or "," in token):
        return float(token.replace(".", "").replace(",", "."))
    if _GROUPED_COMMA.match(token) and (not comma_decimal or "." in token):
        return float(token.replace(",", ""))
    if _PLAIN.match(token):
        # One mark, not followed by exactly three digits: always a decimal mark.
        return float(token.replace(",", "."))
    if _GROUPED_DOT.match(token):  # English text quoting "3.000.000": still groups
        return float(token.replace(".", ""))
    if _GROUPED_COMMA.match(token):
        return float(token.replace(",", ""))
    return None


# --- number words -----------------------------------------------------------------

# Each language's [numbers] tables: its number words, multipliers, vague magnitudes and
# fractions; which grammar reads its compounds ("dua ratus", "zweihundert").
_NUMBERS = {language.code: language["numbers"] for language in all_words()}
_EN_WORDS = dict(_NUMBERS["en"]["words"])
_ID_WORDS = dict(_NUMBERS["id"]["words"])
_DE_BASE = dict(_NUMBERS["de"]["words"])
_DE_ONES = {word: _DE_BASE[word] for word in _NUMBERS["de"]["compound_ones"]}

#: Multipliers written after a number, any language's (folded to lower case).
MAGNITUDES: dict[str, float] = {
    word: factor for table in _NUMBERS.values() for word, factor in table["magnitudes"].items()
}


def magnitude(word: str, language: str) -> float | None:
    """The multiplier a word stands for after a number ("juta" -> 1e6), else None."""
    folded = word.casefold()
    # "billion" is 10^12 in German, 10^9 in English; "mil" is a mile in Indonesian.
    table = word_lists(language)["numbers"]
    if folded in table["not_magnitudes"]:
        return None
    if folded in table["magnitude_overrides"]:
        return table["magnitude_overrides"][folded]
    return MAGNITUDES.get(folded)


#: Vague magnitudes as intervals: "ribuan" is 1,000 to 9,999 (integers with 4 digits).
VAGUE: dict[str, tuple[float, float]] = {
    words: tuple(interval) for table in _NUMBERS.values()
    for words, interval in table["vague"].items()
}


def _parse_german(word: str) -> float | None:
    """Parse a German compound numeral ("zwanzigtausend", "dreihunderteinundzwanzig")."""
    if not word:
        return None
    for unit, factor in (("tausend", 1000), ("hundert", 100)):
        head, sep, tail = word.partition(unit)
        if sep:
            left = _parse_german(head) if head else 1
            right = _parse_german(tail) if tail else 0
            if left is None or right is None or (head and left >= factor):
                return None
            return left * factor + right
    if word in _DE_BASE:
        return _DE_BASE[word]
    ones, sep, tens = word.partition("und")
    if sep and ones in _DE_ONES and tens in _DE_BASE and 20 <= _DE_BASE[tens] <= 90:
        return _DE_ONES[ones] + _DE_BASE[tens]
    return None


def _parse_english(words: list[str]) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        word = word.replace("-", " ")
        for part in word.split():
            if part in ("and", "a"):
                continue
            if part in _EN_WORDS:
                current += _EN_WORDS[part]
            elif part == "hundred":
                current = (current or 1) * 100
            elif part in ("thousand", "million", "billion", "trillion"):
                total += (current or 1) * MAGNITUDES[part]
                current = 0
            else:
                return None
            seen = True
    return total + current if seen else None


def _parse_indonesian(words: list[str]) -> float | None:
    total, current, last = 0.0, 0.0, 0.0
    for word in words:
        if word in _ID_WORDS and _ID_WORDS[word] >= 1000:  # seribu, sejuta
            total += _ID_WORDS[word]
            current = last = 0
        elif word in _ID_WORDS and _ID_WORDS[word] >= 10:  # sepuluh, sebelas, seratus
            current += last + _ID_WORDS[word]
            last = 0
        elif word in _ID_WORDS:
            current += last
            last = _ID_WORDS[word]
        elif word == "belas":
            current, last = current + last + 10, 0
        elif word == "puluh":
            current, last = current + last * 10, 0
        elif word == "ratus":
            current, last = current + (last or 1) * 100, 0
        elif word in ("ribu", "juta", "miliar", "milyar", "triliun"):
            total += ((current + last) or 1) * MAGNITUDES[word]
            current = last = 0
        else:
            return None
    return total + current + last if words else None


#: Spelled-out fractions ("a third", "setengah", "zwei Drittel"), folded, hyphens as spaces.
FRACTIONS: dict[str, float] = {
    phrase: value for table in _NUMBERS.values() for phrase, value in table["fractions"].items()
}


def parse_number_words(phrase: str, language: str) -> float | None:
    """Value of a spelled-out number ("twenty five", "tiga ratus", "zwanzigtausend")."""
    folded = " ".join(phrase.casefold().replace("-", " ").split())
    if folded in FRACTIONS:
        return FRACTIONS[folded]
    words = phrase.casefold().split()
    if not words:
        return None
    grammar = word_lists(language)["numbers"]["grammar"]
    if grammar == "german":
        value = 0.0
        for word in words:
            parsed = _parse_german(word)
            if parsed is None:
                return None
            value += parsed
        return value
    if grammar == "indonesian":
        return _parse_indonesian(words)
    return _parse_english(words)


@lru_cache(maxsize=16)
def number_word_pattern(language: str) -> str:
    """A regex alternative matching spelled-out numbers and vague magnitudes of ``language``."""
    grammar = word_lists(language)["numbers"]["grammar"]
    if grammar == "german":
        morphemes = sorted({*_DE_BASE, "hundert", "tausend", "und", "sech", "sieb"},
                           key=len, reverse=True)
        compound = "(?:" + "|".join(morphemes) + ")+"
        vague = "|".join(sorted((k for k in VAGUE if k[0] in "dhtzm" and " " not in k),
                                key=len, reverse=True))
        fractions = r"(?:(?:ein|zwei|drei)\s+(?:Drittel|Viertel)|(?:die\s+)?Hälfte)"
        return rf"(?:{fractions}|{vague}|{compound})"
    if grammar == "indonesian":
        base = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
        single = "|".join(sorted(_ID_WORDS, key=len, reverse=True))
        tail = r"(?:\s+(?:belas|puluh|ratus|ribu|juta|miliar|milyar|triliun|" + base + r"))*"
        vague = r"(?:(?:belasan|puluhan|ratusan|ribuan|jutaan|miliaran|lusinan)" \
                r"(?:\s+(?:ribu|juta))?)"
        fractions = r"(?:setengah|separuh|sepertiga|seperempat|(?:dua|tiga)\s+per(?:tiga|empat))"
        return rf"(?:{fractions}|{vague}|(?:{single}){tail})"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    small = "|".join(sorted((k for k in _EN_WORDS if " " not in k and k != "dozen"),
                            key=len, reverse=True))
    unit = rf"(?:(?:{tens})[- ](?:one|two|three|four|five|six|seven|eight|nine)|{small})"
    scale = r"(?:\s+(?:hundred|thousand|million|billion|trillion)(?:\s+and)?)"
    vague = (r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|"
             r"millions|billions)")
    fractions = (r"(?:(?:a|one)[\s-]third|two[\s-]thirds|(?:a|one)[\s-]quarter|"
                 r"three[\s-]quarters|half)")
    lone_scale = r"(?:a\s+(?:hundred|thousand|million|billion|trillion))"
    return (rf"(?:{fractions}|{vague}|a\s+dozen|{lone_scale}|"
            rf"{unit}(?:{scale}(?:\s+{unit})?)*)")


# --- finding numbers in text -------------------------------------------------------

@dataclass(slots=True)
class NumberAtom:
    """A number as written: digits or words, before any unit or hedge is read."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    raw: str
    is_word: bool
    #: "+" or "-" written against the digits ("-1.3%", "+0.2%").
    sign: str = ""


# Digits may follow a currency prefix written without a space ("$US55", "RM79", "PS6m"
# where "£" went through an ASCII transliteration) or "sub-"/"minus-"; otherwise they
# must not continue a word, a number or a hyphenated name ("F-35", "S23").
_GLUED = "|".join(rf"(?<={p})" for p in (r"\$US", r"\$A", r"\$AU", r"\$C", r"\$NZ", r"\$HK",
                                           r"\bPS", r"\bRM", r"\bRp", r"\bRs", "Y=", "sub-",
                                           "minus-", "Sub-"))
# ISO codes glued to the amount ("USD10m", "EUR50m"): one fixed-width lookbehind.
_GLUED += r"|(?<=\b(?:USD|EUR|AUD|GBP|INR|IDR|SGD|JPY|CNY|MYR|CAD|CHF|NZD|HKD))"
# The lookahead first: a sign, a digit or "." must start it, and re then skips the fifteen
# lookbehinds everywhere else (find_numbers went from 0.41 to 0.13 s on 10k sentences).
_DIGITS = (rf"(?=[-\u2212+.\d])(?:(?P<sign>(?<![\w.,/:#])[-\u2212+](?=\.?\d))|{_GLUED}|"
           r"(?<![\w.,/:#])(?<![A-Za-z]-))"
           r"(?P<num>\d+(?:[.,\u00a0]\d+)*|\.\d+)")


# "1.99×10^30", "2.998 x 10−8", "6.02×10²³": scientific notation is one number.
_SCIENTIFIC = re.compile(r"\s?[×xX*·]\s?10\s?(?:\^|\*\*)?\s?"
                         r"(?P<exp>[-−–]?\s?\d{1,3}(?![\d.,]\d)|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹−–", "-0123456789--")


def _exponent(written: str) -> int:
    return int(written.translate(_SUPERSCRIPTS).replace(" ", ""))


# "1/2 pound", "1/16 of a pint"; never "16/8/2021" and never a date "(16/8)".
_FRACTION = (r"(?<![\w.,/:(])(?P<frac>(?P<numerator>\d{1,3})\s?[/⁄]\s?(?P<denominator>\d{1,4}))"
             r"(?![\d/⁄)])(?=\s+(?:of|dari|von|der|des|pound|cup|cups|inch|mile|teaspoon|"
             r"tablespoon|kg|gram|liter|litre|km|m)\b)")


@lru_cache(maxsize=16)
def _number_pattern(language: str) -> re.Pattern[str]:
    words = number_word_pattern(language)
    return re.compile(rf"{_FRACTION}|{_DIGITS}|(?<![\w-])(?P<word>{words})(?!\w)(?!-\d)",
                      re.IGNORECASE)


def find_numbers(text: str, language: str) -> list[NumberAtom]:
    """Every number written in ``text`` (digits or words), in order, with its value."""
    atoms: list[NumberAtom] = []
    for match in _number_pattern(language).finditer(text):
        if atoms and match.start() < atoms[-1].end:
            continue  # the exponent of "1.99×10^30"
        if match.group("frac"):
            numerator, denominator = int(match.group("numerator")), int(match.group("denominator"))
            if 0 < numerator < denominator:
                value = numerator / denominator
                atoms.append(NumberAtom(match.start(), match.end(), value, value, value,
                                        match.group(), False))
            continue
        if match.group("num"):
            raw = match.group("num")
            value = parse_numeral("0" + raw if raw.startswith(".") else raw, language)
            if value is None:
                continue
            sign = match.group("sign") or ""
            if sign in ("-", "\u2212"):
                value, sign = -value, "-"
            end = match.end()
            scientific = _SCIENTIFIC.match(text, end)
            if scientific:
                value = float(f"{value * 10.0 ** _exponent(scientific.group('exp')):.12g}")
                end, raw = scientific.end(), text[match.start("num"):scientific.end()]
            atoms.append(NumberAtom(match.start(), end, value, value, value, raw, False, sign))
            continue
        raw = match.group("word")
        folded = " ".join(raw.casefold().split())
        if folded in VAGUE:
            low, high = VAGUE[folded]
            atoms.append(NumberAtom(match.start(), match.end(), None, low, high, raw, True))
            continue
        value = parse_number_words(folded, language)
        # German "ein"/"eine" alone is an article, not a count.
        if value is None or folded in word_lists(language)["numbers"]["not_alone"]:
            continue
        atoms.append(NumberAtom(match.start(), match.end(), value, value, value, raw, True))
    return atoms
