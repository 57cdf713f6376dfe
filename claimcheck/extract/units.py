"""Words around a number: units, counted nouns, hedges, changes and qualifiers per language.

The words are each language's lists in ``claimcheck/lang/words/<code>.toml``; keys are
folded to lower case; Malay shares the Indonesian words, unknown languages fall back to
English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.lang.wordlists import all_words, every_language
from claimcheck.lang.wordlists import words as word_lists

#: Word or symbol after a number -> (normalised unit, kind): each language's [units]
#: lists, joined ("tentara" and "troops" compare as one thing).
UNITS: dict[str, tuple[str, str]] = {
    word: (unit, kind)
    for language in all_words()
    for kind, table in language["units"].items()
    for unit, names in table.items()
    for word in names
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "$us": "dollar", "$a": "dollar", "$au": "dollar",
    "$c": "dollar", "$nz": "dollar", "$hk": "dollar", "aud": "dollar", "au$": "dollar",
    "ps": "pound", "y=": "yen", "inr": "rupee", "sgd": "dollar", "jpy": "yen", "cny": "yuan",
    "myr": "ringgit", "cad": "dollar", "chf": "franc", "nzd": "dollar", "hkd": "dollar",
    "us $": "dollar", "a$": "dollar", "c$": "dollar",
    "hk$": "dollar", "s$": "dollar", "nz$": "dollar", "usd": "dollar", "£": "pound",
    "€": "euro", "eur": "euro", "¥": "yen", "rp": "rupiah", "rp.": "rupiah", "idr": "rupiah",
    "rm": "ringgit", "gbp": "pound", "₹": "rupee", "rs": "rupee", "rs.": "rupee",
}

# Each language's [quantities] lists: hedges and change words before a number, qualifier
# words, phrases for troops already in place. Qualifiers, connectors and copulas of any
# language count in any text.
_LISTS = tuple(language["quantities"] for language in all_words())

#: Hedges that mean "just below": an interval ending at the value.
BELOW_HEDGES = frozenset(every_language("quantities", "below"))

# Qualifier word -> normalised qualifier ("dua pengacara lainnya": the others are by
# definition not the ones counted elsewhere).
QUALIFIERS: dict[str, str] = {
    word: qualifier
    for lists in _LISTS
    for qualifier, words in lists["qualifiers"].items()
    for word in words
}

# Phrases that mark troops or staff already in place, anywhere in the sentence.
ALREADY_DEPLOYED = "|".join(every_language("quantities", "already_deployed"))

# Verbs that make a following "up" part of the verb, not a rise ("gave up 517 yards").
_PHRASAL_UP = frozenset(every_language("function_words", "phrasal_up"))

_COPULAS = frozenset(every_language("quantities", "copulas"))

# Connectors allowed between a change verb or hedge and the number.
CONNECTORS = frozenset(every_language("quantities", "connectors"))


@lru_cache(maxsize=16)
def hedges(language: str) -> tuple[tuple[str, str], ...]:
    """(phrase, change) pairs for ``language``, longest phrase first."""
    table = word_lists(language)["quantities"]["hedges"]
    pairs = [(phrase, change) for change, phrases in table.items() for phrase in phrases]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


# --- reading the words around a number ---------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’./-]*|%|°[CF]?")
#: Function words: never a counted noun, never a name before a number.
FUNCTION_WORDS = frozenset(every_language("function_words", "words"))


def next_words(text: str, pos: int, count: int) -> list[tuple[str, int, int]]:
    words = []
    for match in _WORD.finditer(text, pos):
        gap = text[pos:match.start()]
        if gap.strip(" \t\n\u00a0-"):
            break  # punctuation or another number between: not this number's word
        word = match.group().rstrip(".") or match.group()
        words.append((word, match.start(), match.start() + len(word)))
        pos = match.end()
        if len(words) == count or (word != match.group() and len(word) > 3):
            break  # "dua anak-anak. Sebelas orang": a full stop ends the phrase
    return words


def unit_after(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """(unit, kind, end) for the unit word right after ``pos``, else (None, None, pos)."""
    rest = text[pos:pos + 40]
    stripped = rest.lstrip()
    if stripped[:1] == "%" or stripped[:1] == "°":
        symbol = "%" if stripped[0] == "%" else stripped[:2].rstrip()
        unit, kind = UNITS.get(symbol.casefold(), ("degree", "measure"))
        return unit, kind, pos + len(rest) - len(stripped) + len(symbol)
    words = next_words(text, pos, 3)
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


def hedge_before(text: str, start: int, language: str) -> tuple[str, bool]:
    """The change a hedge or change word before ``start`` implies, and whether it is 'below'.

    A bound ("more than", "up to") next to the number wins over a change verb ("lost more
    than 60%" is a lower bound); a change verb wins over "about" ("rose about 1.5%" is a
    rise), except the adverb "up"/"down" after a copula ("was up about 19 per cent").
    """
    before = text[max(0, start - 40):start].casefold().rstrip()
    words = before.split()
    hedge, below = None, False
    found = _hedge_pattern(language).search(before)
    if found:
        phrase = found.group(1)
        hedge, below = _bounds(language)[phrase], phrase in BELOW_HEDGES
        words = before[:found.start(1)].split()
    if hedge in (">", "<"):
        return hedge, below
    while words and words[-1] in CONNECTORS:
        words.pop()
    if words:
        last = words[-1].strip(",")
        previous = words[-2] if len(words) > 1 else ""
        if last == "up" and previous in _PHRASAL_UP:
            return hedge or "=", below  # "gave up 517 yards" is no rise
        kind = _changes(language).get(last)
        if kind is not None:
            if hedge and last in ("up", "down") and previous in _COPULAS:
                return hedge, below
            return kind, False
    return hedge or "=", below


@lru_cache(maxsize=16)
def _bounds(language: str) -> dict[str, str]:
    return {phrase: kind for phrase, kind in hedges(language) if kind not in ("up", "down")}


@lru_cache(maxsize=16)
def _changes(language: str) -> dict[str, str]:
    return {phrase: kind for phrase, kind in hedges(language) if kind in ("up", "down")}


@lru_cache(maxsize=16)
def _hedge_pattern(language: str) -> re.Pattern[str]:
    # One anchored alternation instead of a loop of endswith(): hedge_before runs per number.
    phrases = sorted(_bounds(language), key=len, reverse=True)
    articles = "|".join(re.escape(word) for word in word_lists(language)["quantities"]["articles"])
    article = rf"(?:\s+(?:{articles}))?" if articles else ""
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + rf"){article}$")


def counted_after(text: str, pos: int, language: str) -> tuple[str | None, tuple[str, ...], int]:
    """The counted noun after ``pos`` as written, the qualifiers around it, and its end."""
    words = next_words(text, pos, 6)
    # "hundreds of people", "dozens of civilians", "3 of the soldiers".
    while words and words[0][0].casefold() in ("of", "the", "der", "die", "den", "von", "dari"):
        words = words[1:]
    words = words[:4]
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
            phrase = " ".join([*head, word]).casefold()
            if phrase in _CLASS_PREFIXES:  # "ibu kota provinsi", "rumah sakit", "anak-anak"
                head.append(word)
                end = word_end
                continue
            # Indonesian compounds ("pegawai kedutaan") continue with a plain noun; verbs
            # carry me-/ber-/di-/ter- prefixes and stop the noun.
            if language in ("id", "ms") and folded not in FUNCTION_WORDS and len(head) < 2 \
                    and not re.match(r"(?:me|ber|di|ter)\w{3,}", folded) \
                    and folded not in UNITS:
                head.append(re.sub(r"nya$", "", word))
                end = word_end
                continue
            if language == "en" and folded.endswith("s") and not head[-1].endswith("s") \
                    and folded not in FUNCTION_WORDS and len(head) < 2:
                head.append(word)
                end = word_end
            break
        if folded in FUNCTION_WORDS or not word[0].isalpha():
            break
        if language == "de" and not word[0].isupper():
            continue  # adjectives before a German noun are lower case
        if folded in QUALIFIERS:
            qualifiers.append(QUALIFIERS[folded])
        head.append(word)
        end = word_end
    counted = " ".join(head) if head else None
    return counted, tuple(dict.fromkeys(qualifiers)), end


#: Every beginning of a several-word counted noun ("ibu kota", "ibu kota provinsi").
_CLASS_PREFIXES = frozenset(
    " ".join(key.split()[:size]) for key, (_, kind) in UNITS.items() if kind == "count"
    for size in range(2, len(key.split()) + 1))


def counted_class(counted: str | None) -> tuple[str, str] | None:
    """(unit, kind) of a counted noun phrase, by its longest known beginning.

    Indonesian puts the head first ("rumah sakit umum" is a hospital, "anak perusahaan" a
    subsidiary), so "rumah sakit" is tried before "rumah".
    """
    if not counted:
        return None
    words = counted.casefold().split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        # "karyawannya" (its employees) counts "karyawan".
        found = UNITS.get(phrase) or (UNITS.get(phrase[:-3]) if phrase.endswith("nya") else None)
        if found is not None:
            return found
    return None
