"""Read one sentence as the statement judge needs it: words, polarity, certainty, speaker.

A sentence becomes a list of content words, each with its candidate stems, its clause,
whether a negation reaches it, whether a hedge ("tidak ada jaminan", "may") covers
it, and its polar senses from the lexicon ("ditutup" -> open, -1). The speaker
("kata juru bicara Taliban", "a US official said") is set apart, so that who says a
thing never counts as what is said.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.extract.entities import find_actors, spelling_key
from claimcheck.judges.lexicon import LanguageLexicon, Lexicon
from claimcheck.judges.scopes import (
    PUNCT,
    clause_numbers,
    complement_follows,
    drop_persistence,
    find_speakers,
    negation_reach,
    reporting_frames,
    statement_words,
)
from claimcheck.lang.stems import word_keys

_TOKEN = re.compile(r"n't|[^\W_]+(?:[-'’][^\W_]+)*|[,;:!?.()\[\]“”\"«»„—–]")
_EN_CONTRACTION = re.compile(r"(\w)n['’]t\b", re.IGNORECASE)


# "X hanya berbunga sekali di akhir" implies X does not flower at other times: a clause
# restricted this way is consistent with a negation of the same verb elsewhere.
_RESTRICTIVE = statement_words("restrictive")


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of a sentence and what reaches it."""

    text: str
    keys: frozenset[str]
    clause: int
    #: Odd number of negations over this word in its clause.
    negated: bool
    #: The first content word after a negator: what a plain negation denies.
    negation_head: bool
    #: The negating word as written ("tidak", "not"), when ``negated``.
    negator: str | None
    #: A negation stands earlier in the same clause (on this word or another).
    clause_negated: bool
    #: The clause restricts itself ("hanya berbunga sekali", "only on Sundays").
    restricted: bool
    hedged: bool
    #: ((concept, +1 | -1), ...) from the lexicon; empty for most words.
    senses: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class StatementAnalysis:
    text: str
    language: str
    #: Content words of what is claimed (speaker and reporting frame left out).
    words: tuple[Word, ...]
    #: Stems of every content word, speaker and frame included: what the sentence mentions.
    mentioned: frozenset[str]
    speaker: str | None
    #: "actor:Russia", "person:kabulov": who the claim belongs to; empty when unknown.
    parties: frozenset[str]
    #: (surface, spelling key) of capitalised names.
    names: tuple[tuple[str, str], ...]
    #: The first hedge as written ("tidak ada jaminan"), if any.
    hedge: str | None
    #: For each word, the position of the first word equal to it (``words.index``):
    #: the judge compares a sentence with ~14 partners, so positions are found once here.
    first: tuple[int, ...] = field(default=(), compare=False)
    #: Lexicon concept -> positions of the words carrying it, so that two sentences'
    #: polar words meet without comparing every word with every word.
    concepts: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    #: Positions of the negation heads that carry no lexicon sense.
    plain_heads: tuple[int, ...] = field(default=(), compare=False)


def analyse(text: str, language: str, lexicon: Lexicon) -> StatementAnalysis:
    """Analyse ``text`` (one sentence) in ``language`` with ``lexicon`` (cached)."""
    return _analyse_cached(text, language, lexicon)


def _prepare(text: str, lex: LanguageLexicon) -> str:
    return _EN_CONTRACTION.sub(r"\1 n't", text) if lex.language == "en" else text


def _fold(surface: list[str], lex: LanguageLexicon) -> list[str]:
    lower = [token.casefold() for token in surface]
    if lex.language == "en":
        lower = ["not" if w == "cannot" else w for w in lower]
    return lower


@lru_cache(maxsize=65536)
def has_polarity(text: str, language: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` holds a negator, a negative verb or a word of the polar lexicon.

    Without one, ``analyse`` finds no concept and no negation head: the statement judge
    skips it for most pairs (38% of the 10k benchmark's sentences; a tenth of the cost).
    """
    lex = lexicon.for_language(language)
    for word in _fold(_TOKEN.findall(_prepare(text, lex)), lex):
        if word in lex.negators or word in lex.negative_verbs or word in lex.polar_starts:
            return True
        if word not in PUNCT and word_keys(word, language) & lex.polar_words:
            return True
    return False


@lru_cache(maxsize=65536)
def _analyse_cached(text: str, language: str, lexicon: Lexicon) -> StatementAnalysis:
    lex = lexicon.for_language(language)
    prepared = _prepare(text, lex)
    matches = list(_TOKEN.finditer(prepared))
    surface = [m.group() for m in matches]
    lower = _fold(surface, lex)
    count = len(surface)

    hedge_at, consumed = _find_phrases(lower, lex.hedges, lex.longest_phrase,
                                       lex.hedge_starts)
    senses = _polar_senses(surface, lower, lex, consumed, language)
    clause = clause_numbers(lower, lex)
    speaker_spans, attribution = find_speakers(surface, lower, lex)
    hidden = set(consumed) | attribution | {i for span in speaker_spans for i in span}
    hidden |= reporting_frames(lower, lex, attribution)

    # Asked about each token many times over (negation scopes): decided once per token.
    content = [len(word) >= 2 and word not in PUNCT and word not in lex.function_words
               and word not in lex.negators and word not in lex.skip
               and not any(map(str.isdigit, word)) for word in lower]
    is_content = content.__getitem__

    hidden |= drop_persistence(lower, lex, senses, clause, is_content)
    negations, heads = negation_reach(lower, lex, clause, consumed, is_content, senses)
    # A hedge covers its own clause ("tidak ada jaminan bahwa kedutaan akan tetap buka"),
    # and a complement clause after a comma ("keine Garantie, dass die Botschaft geöffnet
    # bleibt"), not the next clause ("dikabarkan hanyut, ditemukan meninggal").
    hedged_clauses = {clause[i] for i in hedge_at}
    hedged_clauses |= {clause[i] + 1 for i in hedge_at
                       if complement_follows(lower, clause, i, lex)}
    actor_keys = _actor_keys(prepared, matches)

    restricted_clauses = {clause[i] for i, word in enumerate(lower) if word in _RESTRICTIVE}
    negator_positions = sorted({n for reached in negations.values() for n in reached})
    words, mentioned = [], set()
    for i in range(count):
        if not content[i]:
            continue
        keys = set(word_keys(lower[i], language)) | actor_keys.get(i, set())
        if "-" in lower[i]:
            # "Al-Quran" / "Al- Quran", "anti-Taliban": each part is a word of its own.
            keys.update(part for part in lower[i].split("-") if len(part) >= 3)
        if surface[i][:1].isupper():
            keys.add("~" + spelling_key(surface[i]))
        mentioned |= keys
        if i in hidden:
            continue
        negators = negations.get(i, [])
        words.append(Word(
            text=surface[i], keys=frozenset(keys), clause=clause[i],
            negated=len(negators) % 2 == 1, negation_head=i in heads,
            negator=surface[negators[-1]] if negators else None,
            clause_negated=bool(negator_positions) and any(
                clause[n] == clause[i] and n < i for n in negator_positions),
            restricted=clause[i] in restricted_clauses,
            hedged=clause[i] in hedged_clauses,
            senses=senses.get(i, ()),
        ))
    speaker = None
    parties: frozenset[str] = frozenset()
    for span in speaker_spans:
        if span:
            speaker = " ".join(surface[i] for i in span)
            parties = _parties(speaker)
            break
    hedge = None
    if hedge_at:
        start = min(hedge_at)
        hedge = " ".join(surface[start:start + hedge_at[start]])
    return StatementAnalysis(text, language, tuple(words), frozenset(mentioned), speaker,
                             parties, _names(surface, lower, lex), hedge, *_word_index(words))


def _word_index(words: list[Word]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]],
                                            tuple[int, ...]]:
    """``StatementAnalysis.first``, ``.concepts`` and ``.plain_heads`` of ``words``."""
    seen: dict[Word, int] = {}
    first = tuple(seen.setdefault(word, i) for i, word in enumerate(words))
    concepts: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        for concept in dict.fromkeys(concept for concept, _ in word.senses):
            concepts.setdefault(concept, []).append(i)
    plain_heads = tuple(i for i, word in enumerate(words)
                        if word.negation_head and not word.senses)
    return first, {c: tuple(found) for c, found in concepts.items()}, plain_heads


def _find_phrases(lower: list[str], phrases: frozenset[tuple[str, ...]],
                  longest: int, starts: frozenset[str]) -> tuple[dict[int, int], set[int]]:
    """Start index -> length of each phrase found, and the token positions they cover.

    ``starts`` holds the phrases' first words: no phrase begins at any other token.
    """
    found: dict[int, int] = {}
    covered: set[int] = set()
    i = 0
    while i < len(lower):
        if lower[i] not in starts:
            i += 1
            continue
        for length in range(min(longest, len(lower) - i), 0, -1):
            if tuple(lower[i:i + length]) in phrases:
                found[i] = length
                covered.update(range(i, i + length))
                i += length - 1
                break
        i += 1
    return found, covered


def _polar_senses(surface: list[str], lower: list[str], lex: LanguageLexicon,
                  consumed: set[int], language: str) -> dict[int, tuple[tuple[str, int], ...]]:
    senses: dict[int, tuple[tuple[str, int], ...]] = {}
    polar, polar_words = lex.polar, lex.polar_words
    for i, word in enumerate(lower):
        if i in consumed or word in PUNCT:
            continue
        # Mid-sentence capitals are names ("Kedutaan Besar"), except German nouns.
        if i > 0 and surface[i][:1].isupper() and lex.language != "de":
            continue
        # "lebih besar", "terbesar", "sebesar", "most open": comparisons, not poles.
        if i > 0 and lower[i - 1] in lex.comparatives:
            continue
        if lex.language == "id" and word not in polar_words and (
                word.startswith("ter") and word[3:] in polar_words
                or word.startswith("se") and word[2:] in polar_words):
            continue
        found = None
        if word in lex.polar_long_starts:
            for length in range(min(lex.longest_phrase, len(lower) - i), 1, -1):
                phrase = tuple(lower[i:i + length])
                if phrase in polar:
                    found = polar[phrase]
                    break
        if found is None:
            if word in polar_words:
                found = polar[(word,)]
            else:
                # The first stem in sorted order that the lexicon knows.
                known = word_keys(word, language) & polar_words
                if known:
                    found = polar[(min(known),)]
        if found is not None:
            senses[i] = found
    return senses


def _actor_keys(text: str, matches: list[re.Match[str]]) -> dict[int, set[str]]:
    mentions = find_actors(text)
    keys: dict[int, set[str]] = {}
    if not mentions:
        return keys
    for i, match in enumerate(matches):
        for mention in mentions:
            if mention.start <= match.start() < mention.end:
                keys.setdefault(i, set()).add("@" + mention.actor)
    return keys


def _parties(speaker: str) -> frozenset[str]:
    parties = set()
    for mention in find_actors(speaker):
        anti = speaker[max(0, mention.start - 5):mention.start].casefold().endswith("anti-")
        parties.add(("actor:anti-" if anti else "actor:") + mention.actor)
    # A person's name only says who speaks when no institution does ("kata Price").
    names = [w.strip("'’") for w in speaker.split() if w[:1].isupper()]
    if names and not parties:
        parties.add("person:" + spelling_key(names[-1]))
    return frozenset(parties)


def _names(surface: list[str], lower: list[str], lex: LanguageLexicon) -> tuple[
        tuple[str, str], ...]:
    names, run = [], []
    for i, word in enumerate(surface + ["."]):
        # A capital opening the sentence is a name only when another capital follows.
        capital = (i < len(surface) and word[:1].isupper() and len(word) > 2
                   and lower[i] not in lex.function_words
                   and (i > 0 or surface[1:2] != [] and surface[1][:1].isupper()))
        if capital:
            run.append(word)
            continue
        if run:
            names.append(" ".join(run))
            names.extend(run if len(run) > 1 else [])
            run = []
    return tuple((name, spelling_key(name)) for name in dict.fromkeys(names))
