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

_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}
_ID_WORDS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    "seratus": 100, "seribu": 1000, "sejuta": 1e6, "semiliar": 1e9, "selusin": 12,
}
_DE_ONES = {
    "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9,
}
_DE_BASE = {
    **_DE_ONES, "null": 0, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "dutzend": 12,
}

#: Multipliers written after a number, per language (folded to lower case).
MAGNITUDES: dict[str, float] = {
    # English
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "trillion": 1e12, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "m": 1e6, "k": 1e3,
    "tn": 1e12, "trn": 1e12, "mil": 1e6,
    # Indonesian / Malay
    "puluh": 10, "belas": 0, "ratus": 1e2, "ribu": 1e3, "juta": 1e6, "miliar": 1e9,
    "milyar": 1e9, "bilion": 1e9, "triliun": 1e12, "trilion": 1e12, "jt": 1e6, "rb": 1e3,
    # German
    "hundert": 1e2, "tausend": 1e3, "mio": 1e6, "mio.": 1e6, "millionen": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billionen": 1e12,
    "tsd": 1e3, "tsd.": 1e3,
}
# "billion" in German is 10^12, in English 10^9; "milion" is Malay/Indonesian typo-ish.
# "mil" is a mile in Indonesian and Malay ("5 mil"); glued in English it is a million.
_LANGUAGE_MAGNITUDES = {"de": {"billion": 1e12, "million": 1e6, "b": None, "m": None, "k": None,
                               "mil": None},
                        "id": {"mil": None}, "ms": {"mil": None}}


def magnitude(word: str, language: str) -> float | None:
    """The multiplier a word stands for after a number ("juta" -> 1e6), else None."""
    folded = word.casefold()
    special = _LANGUAGE_MAGNITUDES.get(language, {})
    if folded in special:
        return special[folded]
    return MAGNITUDES.get(folded)


#: Vague magnitudes as intervals: "ribuan" is 1,000 to 9,999 (integers with 4 digits).
VAGUE: dict[str, tuple[float, float]] = {
    # Indonesian / Malay
    "belasan": (11, 19), "puluhan": (10, 99), "ratusan": (100, 999), "ribuan": (1e3, 9999),
    "puluhan ribu": (1e4, 99999), "ratusan ribu": (1e5, 999999), "jutaan": (1e6, 9999999),
    "puluhan juta": (1e7, 99999999), "ratusan juta": (1e8, 999999999),
    "miliaran": (1e9, 9999999999), "lusinan": (24, 99),
    # English
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1e3, 9999),
    "tens of thousands": (1e4, 99999), "hundreds of thousands": (1e5, 999999),
    "millions": (1e6, 9999999), "tens of millions": (1e7, 99999999),
    "hundreds of millions": (1e8, 999999999), "billions": (1e9, 9999999999),
    # German
    "dutzende": (24, 99), "hunderte": (100, 999), "tausende": (1e3, 9999),
    "zehntausende": (1e4, 99999), "hunderttausende": (1e5, 999999),
    "millionen": (1e6, 9999999), "milliarden": (1e9, 9999999999),
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
    "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "three quarters": 0.75, "half": 0.5, "setengah": 0.5, "separuh": 0.5,
    "sepertiga": 1 / 3, "seperempat": 0.25, "dua pertiga": 2 / 3, "tiga perempat": 0.75,
    "hälfte": 0.5, "die hälfte": 0.5, "ein drittel": 1 / 3, "zwei drittel": 2 / 3,
    "ein viertel": 0.25, "drei viertel": 0.75,
}


def parse_number_words(phrase: str, language: str) -> float | None:
    """Value of a spelled-out number ("twenty five", "tiga ratus", "zwanzigtausend")."""
    folded = " ".join(phrase.casefold().replace("-", " ").split())
    if folded in FRACTIONS:
        return FRACTIONS[folded]
    words = phrase.casefold().split()
    if not words:
        return None
    if language == "de":
        value = 0.0
        for word in words:
            parsed = _parse_german(word)
            if parsed is None:
                return None
            value += parsed
        return value
    if language in ("id", "ms"):
        return _parse_indonesian(words)
    return _parse_english(words)


@lru_cache(maxsize=16)
def number_word_pattern(language: str) -> str:
    """A regex alternative matching spelled-out numbers and vague magnitudes of ``language``."""
    if language == "de":
        morphemes = sorted({*_DE_BASE, "hundert", "tausend", "und", "sech", "sieb"},
                           key=len, reverse=True)
        compound = "(?:" + "|".join(morphemes) + ")+"
        vague = "|".join(sorted((k for k in VAGUE if k[0] in "dhtzm" and " " not in k),
                                key=len, reverse=True))
        fractions = r"(?:(?:ein|zwei|drei)\s+(?:Drittel|Viertel)|(?:die\s+)?Hälfte)"
        return rf"(?:{fractions}|{vague}|{compound})"
    if language in ("id", "ms"):
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
        if value is None or (language == "de" and folded in ("ein", "eins", "und")):
            continue
        atoms.append(NumberAtom(match.start(), match.end(), value, value, value, raw, True))
    return atoms
