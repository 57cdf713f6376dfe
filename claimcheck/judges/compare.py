"""Ask every judge about one pair of sentences: the library behind ``claimcheck compare``.

It is how a journalist asks "why was this flagged?" and how the judges are measured:
each judge gives its own verdict, and the strongest contradiction (else agreement)
becomes the pair's answer. A premise may be a paragraph; the hypothesis is compared
with its best-matching sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.errors import InputError
from claimcheck.judges import default_judges
from claimcheck.judges.verdict import Verdict
from claimcheck.models import Claim, PairContext, Sentence

# Sentence ends inside a premise paragraph: ". " before a capital, digit or quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]*\s+(?=[\"“«(]?[A-Z0-9À-Ý])")


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the judges make of one pair.

    ``relation`` is "contradiction", "agreement" or "unrelated"; ``kind`` and ``detail``
    come from the judge that decided ("statement"/"negation", "numeric", ...).
    """

    relation: str
    kind: str | None
    score: float
    explanation: str
    judges: tuple[Verdict, ...]
    detail: str | None = None
    language: str | None = None
    #: The premise sentence the hypothesis was compared with, when A was a paragraph.
    matched: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the ``--format json`` record)."""
        return {"relation": self.relation, "kind": self.kind, "detail": self.detail,
                "score": round(self.score, 3), "explanation": self.explanation,
                "language": self.language, "matched": self.matched,
                "judges": [verdict.to_dict() for verdict in self.judges]}


def compare_sentences(a: str, b: str, language: str | None = None, a_date: date | None = None,
                      b_date: date | None = None, judges: Sequence[Any] | None = None
                      ) -> Comparison:
    """Judge whether ``a`` and ``b`` contradict each other, and why.

    Args:
        a: The premise: a sentence or a paragraph (its best-matching sentence is used).
        b: The hypothesis: a sentence.
        language: ISO 639-1 code of both; detected from each text when ``None`` (the
            comparison then reports "en+de" for two languages).
        a_date: Publication date of ``a``; with ``b_date``, a changed position is "changed".
        b_date: Publication date of ``b``.
        judges: Judge objects to ask; every registered judge when ``None``.

    Returns:
        The ``Comparison``, with each judge's verdict in ``judges``.
    """
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        raise InputError("compare needs two non-empty sentences")
    a_language = b_language = language
    if language is None:
        from claimcheck.segment.language import detect_language, detect_languages

        # Together, two short sentences give the detector more to go on; read apart, an
        # English sentence and a German one keep their own number conventions and words.
        a_language, b_language = detect_languages([a, b])
        if a_language == b_language:
            a_language = b_language = detect_language(f"{a} {b}")
        language = a_language if a_language == b_language else f"{a_language}+{b_language}"
    judges = default_judges() if judges is None else list(judges)
    premise = best_sentence(a, b, a_language)
    left = _claim(premise, a_language, a_date, "A")
    right = _claim(b.strip(), b_language, b_date, "B")
    context = PairContext()
    verdicts = tuple(judge.verdict(left, right, context) for judge in judges)
    matched = premise if premise != a.strip() else None
    return _combine(verdicts, language, matched)


def compare_pairs(pairs: Iterable[Mapping[str, Any]], judges: Sequence[Any] | None = None
                  ) -> list[Comparison]:
    """``compare_sentences`` over records {a, b, language?, a_date?, b_date?}, in order.

    Dates may be ``date`` objects or ISO strings.

    Raises:
        InputError: a record lacks ``a`` or ``b`` or has a malformed date.
    """
    judges = default_judges() if judges is None else list(judges)
    results = []
    for number, pair in enumerate(pairs, start=1):
        if not isinstance(pair, Mapping) or not isinstance(pair.get("a"), str) \
                or not isinstance(pair.get("b"), str):
            raise InputError(f'pair {number}: expected {{"a": ..., "b": ...}} strings')
        results.append(compare_sentences(
            pair["a"], pair["b"], language=pair.get("language") or None,
            a_date=_as_date(pair.get("a_date"), number, "a_date"),
            b_date=_as_date(pair.get("b_date"), number, "b_date"), judges=judges))
    return results


def best_sentence(premise: str, hypothesis: str, language: str) -> str:
    """The sentence of ``premise`` that shares most content words with ``hypothesis``."""
    premise = premise.strip()
    sentences = [s for s in _SENTENCE_END.split(premise) if s.strip()]
    if len(sentences) < 2:
        return premise
    from claimcheck.judges.lexicon import default_lexicon
    from claimcheck.judges.propositions import analyse

    lexicon = default_lexicon()
    wanted = analyse(hypothesis, language, lexicon).words

    def overlap(sentence: str) -> tuple[int, int]:
        mentioned = analyse(sentence, language, lexicon).mentioned
        return sum(1 for word in wanted if word.keys & mentioned), -len(sentence)

    return max(sentences, key=overlap).strip()


def _claim(text: str, language: str, published: date | None, outlet: str) -> Claim:
    from claimcheck.extract.dates import extract_dates
    from claimcheck.extract.quantities import extract_quantities

    quantities = extract_quantities(text, language)
    dates = extract_dates(text, language, published)
    return Claim(sentence=Sentence(doc=outlet, index=0, text=text, language=language),
                 outlet=outlet, published=published, quantities=quantities, dates=dates)


def _combine(verdicts: tuple[Verdict, ...], language: str, matched: str | None) -> Comparison:
    for relation in ("contradiction", "agreement"):
        found = [v for v in verdicts if v.relation == relation]
        if found:
            best = max(found, key=lambda v: v.score)
            kind = best.conflict.kind if best.conflict else None
            detail = best.conflict.detail if best.conflict else None
            return Comparison(relation, kind, best.score, best.explanation, verdicts, detail,
                              language, matched)
    return Comparison("unrelated", None, 0.0, "no judge found a shared claim to compare",
                      verdicts, None, language, matched)


def _as_date(value: Any, number: int, key: str) -> date | None:
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"pair {number}: {key} {value!r} is not an ISO date") from None
