"""Numbers that are not quantities: years, times of day, dates, ordinals, scores,
identifiers ("Game 2", "iPhone 11"), street addresses and phone numbers.

NewsQuant's convention, and a fact-checker's: a sentence with only a year or a score in it
has no quantity, and nothing downstream may compare a year with a troop count.
"""

from __future__ import annotations

import re

from claimcheck.extract.calendar_words import MONTH_RE
from claimcheck.extract.numbers import NumberAtom
from claimcheck.extract.units import FUNCTION_WORDS, hedges, unit_after
from claimcheck.lang.wordlists import every_language


def _words(key: str) -> frozenset[str]:
    # Each language's [not_quantities] words, joined: any language's words in any text.
    return frozenset(every_language("not_quantities", key))


def _alternatives(key: str) -> str:
    return "|".join(every_language("not_quantities", key))


_YEAR_CUES = _words("year_cues")
_AMOUNT_OF = _words("amount_of")
_TIME_AFTER = re.compile(rf"^\s?(?:{_alternatives('time_after')})", re.IGNORECASE)
_TIME_BEFORE = re.compile(rf"(?:{_alternatives('time_before')})\s*$", re.IGNORECASE)
#: Words that make "2-1" a score rather than a range.
SCORE_CONTEXT = re.compile(rf"\b(?:{_alternatives('score_context')})\b", re.IGNORECASE)
_ADDRESS_AFTER = re.compile(
    rf"^\s+(?:[A-Z][\w.]*\s+){{0,3}}(?:{_alternatives('address_after')})\b")
_ADDRESS_BEFORE = re.compile(rf"\b(?:{_alternatives('address_before')})\s*$")
# Nouns that a number labels rather than measures, in lower case too ("type 2 diabetes").
_LABEL_BEFORE = re.compile(rf"\b(?:{_alternatives('label_before')})\s$", re.IGNORECASE)
_CODE_AFTER = re.compile(rf"\s(?:{_alternatives('code_after')})\b", re.IGNORECASE)
_NOT_NAMES = _words("not_names")


def is_non_quantity(text: str, atom: NumberAtom, language: str) -> bool:
    """True for years, times, dates, ordinals, identifiers and phone numbers."""
    if atom.is_word:
        return False
    raw, before, after = atom.raw, text[:atom.start], text[atom.end:]
    if re.match(r"^(?:st|nd|rd|th|er|e|\.\s*(?:" + MONTH_RE + r"))\b", after) or \
            re.search(r"\bke-?$", before[-3:]):
        return True  # ordinal ("22nd", "ke-3", "3. Mai")
    if re.match(r"^\s?/\s?\d", after) or re.match(r"^[-/]\d{1,2}[-/]\d", after):
        return True  # "16/8/2021", "2021-08-16"
    if re.search(MONTH_RE + r"\s*(?:\d{1,2}\s*[-–]\s*)?$", before[-20:]) or \
            re.match(r"^\.?\s*" + MONTH_RE + r"\b", after):
        return True  # "August 14", "1 September"
    if re.match(r"^:\d\d", after) or (re.fullmatch(r"\d{1,2}[.:][0-5]\d", raw) and
                                      (_TIME_AFTER.match(after) or _TIME_BEFORE.search(before))
                                      and unit_after(text, atom.end)[0] is None):
        return True  # "at 10.45pm", "pukul 19.30"; not "at 3.23 shekels"
    if re.fullmatch(r"\d{4}", raw) and re.match(r"^\s?(?:GMT|UTC|WIB|EDT|EST|BST|CET)", after):
        return True  # military time "0401 GMT"
    if re.fullmatch(r"\d{1,2}", raw) and _TIME_AFTER.match(after) and \
            not re.match(r"^\s?(?:h\b|pagi|siang|sore|malam)", after):
        return True  # "11 a.m.", "9 Uhr"
    if re.match(r"^\s?[-–]?\s?\d{3,}[-\s]\d{3,}", after) or re.search(r"\+\s?$", before) or \
            re.fullmatch(r"0\d{6,}", raw):
        return True  # phone-like
    if re.search(r"(?:\b[Nn]o\.?|#|\b[Nn]omor|\bNr\.)\s*$", before):
        return True
    if re.search(r"\b(?:aged|ages|berusia|im Alter von)\s*$", before) and \
            unit_after(text, atom.end)[0] != "year":
        # An age bracket qualifies a group ("men aged 18 to 34"), it counts nothing; an age
        # in years is someone's ("berusia 38 tahun"), a figure outlets may dispute.
        return True
    if re.match(r"^\)", after) and re.search(r"[A-Z][a-z]+\s\($", before):
        # A shirt or list number after a name: "Dak Prescott (4)". Indonesian and German
        # news give a person's age so ("Wa Ode Sari (34)", "Martin K. (47)"): a figure.
        return language not in _AGE_IN_BRACKETS
    if _ADDRESS_AFTER.match(after) or _ADDRESS_BEFORE.search(before):
        return True  # "575 Wilbraham Road", "Jl. 17"
    return False


#: Languages whose news writes an age in brackets after a name.
_AGE_IN_BRACKETS = frozenset({"id", "ms", "de"})


def is_year(text: str, atom: NumberAtom, has_unit: bool, change: str) -> bool:
    if atom.is_word or not re.fullmatch(r"\d{4}", atom.raw) or has_unit:
        return False
    value = atom.value or 0
    after = text[atom.end:atom.end + 4]
    if re.match(r"^(?:s\b|-an\b|an\b|'s)", after):
        return True
    previous = text[max(0, atom.start - 20):atom.start].split()
    if len(previous) > 1 and previous[-2].casefold() in _AMOUNT_OF and \
            previous[-1].casefold() == "of":
        return False  # "an average of 1500", "a total of 2000"
    cue = bool(previous) and previous[-1].casefold().strip("(,") in _YEAR_CUES
    if cue and change in ("<", ">") and len(previous) > 1 and \
            previous[-2].casefold() in ("kurang", "lebih"):
        cue = False  # "kurang dari 2000 bencana": the "dari" belongs to the bound
    if 1900 <= value <= 2100:
        return change == "=" or cue
    if 2100 < value <= 2200:
        return cue
    return 1000 <= value < 1900 and cue


def is_identifier(text: str, atom: NumberAtom, language: str) -> bool:
    """A number naming a thing ("Game 2", "iPhone 11", "Section 427"), not measuring it."""
    if atom.is_word or not re.fullmatch(r"\d{1,5}", atom.raw):
        return False
    if _LABEL_BEFORE.search(text, max(0, atom.start - 16), atom.start) or \
            _CODE_AFTER.match(text, atom.end):
        return True  # "a category 4 hurricane", "pasal 27", "the 90049 ZIP code"
    if len(atom.raw) == 5:
        return False
    match = re.search(r"([A-Za-z][\w-]*)\s$", text[max(0, atom.start - 25):atom.start])
    if not match:
        return False
    word = match.group(1)
    word_start = atom.start - len(match.group())
    sentence_initial = not text[:word_start].strip() or \
        text[:word_start].rstrip()[-1] in ".!?\"“'‘(-–:"
    folded = word.casefold()
    if sentence_initial or folded in _NOT_NAMES or folded in FUNCTION_WORDS or \
            any(phrase == folded for phrase, _ in hedges(language)):
        return False
    if not (word[0].isupper() or any(c.isupper() for c in word[1:])):
        return False
    # "laut Polizei 9 Ausländer": a number followed by what it counts is a count, though
    # a capitalised noun (every German noun) stands before it.
    return not _counts_what_follows(text, atom.end, language)


def _counts_what_follows(text: str, end: int, language: str) -> bool:
    from claimcheck.lang import language_data

    following = re.match(r"\s+([^\W\d_][\w-]*)", text[end:end + 40])
    if not following:
        return False
    _, hits = language_data(language).find(following.group(1))
    return any(hit.category == "counted" for hit in hits)
