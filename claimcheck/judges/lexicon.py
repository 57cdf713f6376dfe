"""The words the statement judge reads polarity, certainty and attribution from.

The defaults are each language's ``[lexicon]`` in ``claimcheck/lang/words/<code>.toml``.
A user extends them with a mapping of the same shape, for example loaded from a
configuration file::

    load_lexicon({"id": {"concepts": {"open": {"+": ["beroperasi"]}}},
                  "fr": {"negators": ["ne", "pas"]}})

Entries are added, never removed, so an extension cannot silently weaken a default.
Indonesian concept entries are stems or word forms (affixes are stripped before the
lookup); English and German entries are word forms. Several-word entries
("ambil alih", "no guarantee") are matched as phrases.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.lang.wordlists import known_languages, word_languages
from claimcheck.lang.wordlists import words as word_lists

_LIST_FIELDS = ("negators", "hedges", "attribution_speaker_after", "attribution_speaker_before",
                "complementisers", "clause_breaks", "skip", "function_words", "persistence",
                "negative_verbs", "comparatives", "wide_negation")
# Languages whose lexicon another language borrows (Malay is read as Indonesian): those
# whose word file reads as another's.
_FALLBACK = {code: word_lists(code).code for code in known_languages()
             if word_lists(code).code != code}


@dataclass(frozen=True, slots=True, eq=False)
class LanguageLexicon:
    """One language's word lists, folded to lower case."""

    language: str
    negators: frozenset[str]
    #: Phrases (token tuples) that hedge what follows: "tidak ada jaminan", "may".
    hedges: frozenset[tuple[str, ...]]
    #: "kata X", "according to X": the speaker follows the word.
    speaker_after: frozenset[str]
    #: "X mengatakan", "X said": the speaker precedes the word.
    speaker_before: frozenset[str]
    complementisers: frozenset[str]
    clause_breaks: frozenset[str]
    #: Auxiliaries and modals a negation reaches through ("tidak berencana untuk X").
    skip: frozenset[str]
    function_words: frozenset[str]
    #: "tetap buka", "remains open": an aspect marker when a polar word follows.
    persistence: frozenset[str]
    #: "menolak menyembah", "refused to sign": verbs that negate the verb they govern.
    negative_verbs: frozenset[str] = frozenset()
    #: "lebih besar", "most": a compared adjective has no polarity of its own.
    comparatives: frozenset[str] = frozenset()
    #: "tidak ada calon yang menang", "no candidate won": a negator that is (or is followed
    #: by) one of these negates the clause's outcome, not only its first word.
    wide_negation: frozenset[str] = frozenset()
    #: word or phrase -> ((concept, +1 | -1), ...)
    polar: Mapping[tuple[str, ...], tuple[tuple[str, int], ...]] = field(default_factory=dict)
    #: Longest phrase length among ``hedges`` and ``polar``, to bound the phrase scan.
    longest_phrase: int = 1
    # Derived from the above: no hedge or polar phrase begins at any other token, so the
    # phrase scans pass over most tokens at once (and ``has_polarity`` reads no phrase).
    hedge_starts: frozenset[str] = field(init=False)
    polar_starts: frozenset[str] = field(init=False)
    #: First words of the polar phrases of two words or more.
    polar_long_starts: frozenset[str] = field(init=False)
    #: The one-word polar entries.
    polar_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        derived = {
            "hedge_starts": frozenset(phrase[0] for phrase in self.hedges if phrase),
            "polar_starts": frozenset(phrase[0] for phrase in self.polar if phrase),
            "polar_long_starts": frozenset(phrase[0] for phrase in self.polar
                                           if len(phrase) > 1),
            "polar_words": frozenset(phrase[0] for phrase in self.polar if len(phrase) == 1)}
        for name, value in derived.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Word lists per language; ``for_language`` falls back to English for the unknown."""

    languages: Mapping[str, LanguageLexicon]
    #: The raw mapping it was built from, so ``extended`` can add to it.
    source: Mapping[str, Any]

    def for_language(self, language: str | None) -> LanguageLexicon:
        """The lexicon for ``language`` (an ISO 639-1 code), English when there is none."""
        code = (language or "en").lower()
        code = _FALLBACK.get(code, code)
        return self.languages.get(code) or self.languages["en"]

    def extended(self, extra: Mapping[str, Any]) -> Lexicon:
        """A new lexicon with ``extra`` (same shape as the JSON data) added to this one."""
        return _build(_merge(self.source, extra))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon (built once)."""
    return _build(_packaged())


def load_lexicon(extra: Mapping[str, Any] | None = None) -> Lexicon:
    """The packaged lexicon plus ``extra`` entries (a dict loaded from configuration).

    Raises:
        ConfigError: ``extra`` does not have the lexicon's shape.
    """
    if not extra:
        return default_lexicon()
    return default_lexicon().extended(extra)


def _packaged() -> dict[str, Any]:
    return {code: _plain(word_lists(code)["lexicon"]) for code in word_languages()}


def _plain(value: Any) -> Any:
    # The language layer's read-only tables as the plain dicts and lists extensions merge into.
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(extra, Mapping):
        raise ConfigError("lexicon extension must be a mapping of language code -> entries")
    merged = json.loads(json.dumps(base))
    for language, entries in extra.items():
        if not isinstance(entries, Mapping):
            raise ConfigError(f"lexicon entries for {language!r} must be a mapping")
        target = merged.setdefault(str(language).lower(), {})
        for key, value in entries.items():
            if key == "concepts":
                _merge_concepts(language, target.setdefault("concepts", {}), value)
            elif key in _LIST_FIELDS:
                if not isinstance(value, list | tuple) or not all(isinstance(v, str)
                                                                 for v in value):
                    raise ConfigError(f"lexicon {language}.{key} must be a list of words")
                target[key] = [*target.get(key, []), *value]
            else:
                raise ConfigError(f"unknown lexicon entry {language}.{key}; expected one of "
                                  f"{', '.join((*_LIST_FIELDS, 'concepts'))}")
    return merged


def _merge_concepts(language: str, target: dict[str, Any], concepts: Any) -> None:
    if not isinstance(concepts, Mapping):
        raise ConfigError(f"lexicon {language}.concepts must map a concept to its poles")
    for concept, poles in concepts.items():
        if not isinstance(poles, Mapping) or not set(poles) <= {"+", "-"}:
            raise ConfigError(f"lexicon concept {language}.{concept} needs '+' and/or '-' lists")
        entry = target.setdefault(concept, {"+": [], "-": []})
        for pole, words in poles.items():
            entry[pole] = [*entry.get(pole, []), *words]


def _build(source: Mapping[str, Any]) -> Lexicon:
    languages = {code: _build_language(code, entries) for code, entries in source.items()}
    if "en" not in languages:
        raise ConfigError("the lexicon needs an 'en' section (the fallback language)")
    return Lexicon(languages, source)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.casefold().split())


def _build_language(code: str, entries: Mapping[str, Any]) -> LanguageLexicon:
    def words(key: str) -> frozenset[str]:
        return frozenset(word.casefold() for word in entries.get(key, ()))

    polar: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for concept, poles in entries.get("concepts", {}).items():
        for pole, sign in (("+", 1), ("-", -1)):
            for word in poles.get(pole, ()):
                senses = polar.setdefault(_phrase(word), [])
                if (concept, sign) not in senses:
                    senses.append((concept, sign))
    hedges = frozenset(_phrase(hedge) for hedge in entries.get("hedges", ()))
    longest = max((len(p) for p in (*polar, *hedges)), default=1)
    return LanguageLexicon(
        language=code,
        negators=words("negators"),
        hedges=hedges,
        speaker_after=words("attribution_speaker_after"),
        speaker_before=words("attribution_speaker_before"),
        complementisers=words("complementisers"),
        clause_breaks=words("clause_breaks"),
        skip=words("skip"),
        function_words=words("function_words"),
        persistence=words("persistence"),
        negative_verbs=words("negative_verbs"),
        comparatives=words("comparatives"),
        wide_negation=words("wide_negation"),
        polar={phrase: tuple(senses) for phrase, senses in polar.items()},
        longest_phrase=longest,
    )
