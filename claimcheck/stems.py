"""Light affix stripping so that inflected forms of one word compare equal.

Indonesian builds verbs and nouns with prefixes and suffixes (me-/di-/ber-/ter-/pe-,
-kan/-i/-an/-nya), with nasal assimilation (``menutup`` <- ``tutup``, ``memukul``
<- ``pukul``, ``menyerang`` <- ``serang``, ``mengirim`` <- ``kirim``). Instead of
one "correct" stem (which needs a dictionary), each word gets a small set of
candidate stems; two words match when their sets intersect. Junk candidates are
harmless because both sides must produce the same one, and short ones are dropped.
"""

from __future__ import annotations

from functools import lru_cache

_MIN_STEM = 3

_ID_PARTICLES = ("lah", "kah", "pun", "nya", "ku", "mu")
_ID_SUFFIXES = ("kan", "an", "i")
# Prefix -> letters that the nasal replaced (tried in order) ("" keeps the rest as is).
_ID_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)), ("diper", ("",)), ("menge", ("",)), ("penge", ("",)),
    ("meny", ("s",)), ("peny", ("s",)), ("meng", ("", "k")), ("peng", ("", "k")),
    ("mem", ("", "p")), ("pem", ("", "p")), ("men", ("", "t")), ("pen", ("", "t")),
    ("ber", ("",)), ("ter", ("",)), ("per", ("",)), ("me", ("",)), ("pe", ("",)),
    ("be", ("",)), ("di", ("",)), ("ke", ("",)), ("se", ("",)),
)
_VOWELS = frozenset("aeiou")

_EN_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly", "d")
_DE_SUFFIXES = ("ungen", "ung", "en", "er", "es", "em", "et", "st", "e", "n", "s", "t")


@lru_cache(maxsize=65536)
def word_keys(word: str, language: str) -> frozenset[str]:
    """Candidate stems of ``word`` (lower case) in ``language``; always holds the word."""
    word = word.casefold().strip("-'’")
    if language in ("id", "ms"):
        keys = _indonesian(word)
    elif language == "de":
        keys = _german(word)
    else:
        keys = _english(word)
    keys.add(word)
    return frozenset(key for key in keys if len(key) >= _MIN_STEM or key == word)


def _indonesian(word: str) -> set[str]:
    # Reduplication ("kota-kota") stands for a plural: the base is the word.
    if "-" in word:
        first, _, second = word.partition("-")
        if first == second or second.endswith(first):
            word = first
    bases = {word}
    for particle in _ID_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 4:
            bases.add(word[: -len(particle)])
    for base in list(bases):
        for suffix in _ID_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 4:
                bases.add(base[: -len(suffix)])
    keys = set(bases)
    for base in bases:
        for prefix, restored in _ID_PREFIXES:
            if not base.startswith(prefix) or len(base) - len(prefix) < _MIN_STEM:
                continue
            rest = base[len(prefix):]
            for letter in restored:
                # A restored consonant only replaces a nasal before a vowel ("menutup").
                if letter and rest[0] not in _VOWELS:
                    continue
                keys.add(letter + rest)
                # Stacked prefixes: "diperkuat", "keberhasilan", "memberlakukan".
                for inner in ("ber", "per", "ter"):
                    if rest.startswith(inner) and len(rest) - 3 >= _MIN_STEM:
                        keys.add(rest[3:])
    return keys


def _english(word: str) -> set[str]:
    keys = {word}
    for suffix in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            base = word[: -len(suffix)]
            keys.add(base)
            if suffix in ("ied", "ies"):
                keys.add(base + "y")
            if suffix in ("ed", "ing", "es") and len(base) > 2 and base[-1] == base[-2]:
                keys.add(base[:-1])
            if suffix in ("ed", "ing"):
                keys.add(base + "e")
    return keys


def _german(word: str) -> set[str]:
    keys = {word}
    # Participles: "geschlossen" / "geöffnet" / "evakuiert" share a stem with the verb.
    stems = {word}
    if word.startswith("ge") and len(word) > 6:
        stems.add(word[2:])
    for stem in stems:
        for suffix in _DE_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                keys.add(stem[: -len(suffix)])
        keys.add(stem)
    return keys
