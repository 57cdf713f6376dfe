"""The numeric judge: two outlets giving different amounts of the same measured thing.

Numbers only clash when they measure one thing: the same unit or counted-noun class,
the same actor when both are known (the UK's 600 troops never contradict the US's 650),
comparable kinds (a year is never compared with a count) and enough shared wording
around them that they speak of the same event. Intervals decide: overlapping ones agree
("lebih dari 900 kilometer" vs "900 km"), disjoint ones conflict.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from claimcheck.extract.calendar_words import MONTHS, WEEKDAYS
from claimcheck.extract.outcomes import OUTCOMES
from claimcheck.extract.quantities import MEASURED_KINDS
from claimcheck.extract.units import UNITS, hedges
from claimcheck.judges import Judge
from claimcheck.lang.wordlists import every_language, word_languages
from claimcheck.models import Claim, Conflict, PairContext, Quantity

# Exact values still carry rounding: "1.2m" and "1,234,000" are the same figure.
_ROUNDING = 0.02
_EXACT = ("=", "up", "down")

# Each language's [stopwords] content words, month and weekday names, and the words of
# a moment: two figures "in May" or "on Monday" share a moment, not what they measure.
_STOPWORDS = frozenset(every_language("stopwords", "content")) \
    | frozenset(every_language("stopwords", "moments")) | frozenset(MONTHS) | frozenset(WEEKDAYS)
#: Words that say nothing of what is measured or who did it (the date judge's too).
STOPWORDS = _STOPWORDS
_TOKEN = re.compile(r"[^\W\d_]{3,}")
# A forecast and a measurement speak of different moments: "diprediksi di atas 30 ribu"
# says nothing against "turun ke 20,14 ribu".
_FORECAST = re.compile(r"\b(?:" + "|".join(every_language("judging", "forecast")) + r")\b",
                       re.IGNORECASE)
# Bounds that exclude their own value ("kurang dari 4" is not 4); "hingga"/"up to" do not.
_STRICT_BEFORE = re.compile(
    "(?:" + "|".join(every_language("judging", "strict_bounds")) + r")\s*$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _forecast(text: str) -> bool:
    # A sentence meets ~14 partners: its forecast words are looked for once.
    return _FORECAST.search(text) is not None


def shared_words(a: str, b: str, stems: frozenset[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` words of ``a`` whose stems are in ``stems``, as written, for display."""
    words: dict[str, None] = {}
    for token, stem in _stemmed_tokens(a):
        if stem in stems:
            words.setdefault(token)
    return list(words)[:limit]


@lru_cache(maxsize=4096)
def _stemmed_tokens(text: str) -> tuple[tuple[str, str], ...]:
    # A sentence is explained against several partners: its words are cut once.
    return tuple((token, token.casefold()[:5]) for token in _TOKEN.findall(text))


_HEDGE_WORDS = frozenset(word for language in word_languages()
                         for phrase, _ in hedges(language) for word in phrase.split())


@lru_cache(maxsize=4096)
def content_stems(text: str, keep_units: bool = False) -> frozenset[str]:
    """Content words of ``text`` cut to five letters, so "kedutaannya" meets "kedutaan".

    Stop words, hedges and (unless ``keep_units``) units and counted-noun classes are left
    out: two numbers of "tentara" share their unit anyway, and "about" says nothing.
    """
    stems = set()
    for token in _TOKEN.findall(text.casefold()):
        if token in _STOPWORDS or token in _HEDGE_WORDS or (token in UNITS and not keep_units):
            continue
        stems.add(token[:5])
    return frozenset(stems)


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


@lru_cache(maxsize=65536)
def _calendar_stems(text: str) -> frozenset[str]:
    return frozenset(token for token in _TOKEN.findall(text.casefold()) if token in _CALENDAR)


def format_quantity(q: Quantity) -> str:
    """A short human reading of a quantity: "~3,000 troops", "more than 900 kilometre"."""
    if q.kind == "unspecified":
        return f"an unspecified number of {q.counted or q.unit or 'items'}"
    prefix = {"~": "about ", ">": "more than ", "<": "up to ", "up": "up ", "down": "down "}
    if q.value is not None:
        number = _number(q.value)
    else:
        number = f"{_number(q.low)}-{_number(q.high)}"
    if q.unit == "percent":
        noun = "%"
    elif q.unit and q.kind in ("measure", "duration", "money"):
        # "3 days", not the noun after it ("three days of national mourning").
        noun = _plural(q.unit) if (q.high or q.value) != 1 else q.unit
    else:
        noun = q.counted or q.unit or ""
    return f"{prefix.get(q.change, '')}{number}{'' if noun == '%' else ' '}{noun}".strip()


_IRREGULAR = {"foot": "feet", "century": "centuries", "inch": "inches"}


def _plural(unit: str) -> str:
    if unit in _IRREGULAR:
        return _IRREGULAR[unit]
    if not unit.isalpha() or unit.endswith("s") or unit in UNCOUNTABLE_UNITS:
        return unit
    return unit + "s"


#: Units written the same in the plural.
UNCOUNTABLE_UNITS = frozenset("yen yuan baht rand won naira ringgit rupiah horsepower pence "
                              "mph rpm".split())


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _describe(q: Quantity) -> str:
    extra = [*q.qualifiers, *([q.actor] if q.actor else [])]
    return format_quantity(q) + (f" ({', '.join(extra)})" if extra else "")


def _key(q: Quantity) -> str | None:
    """What is measured: the unit class, else the counted noun's stem."""
    if q.unit in ("people", "victims"):
        # "2 orang tewas" counts deaths, as "tidak ada korban jiwa" does.
        outcome = _outcome(q)
        if outcome in ({"killed"}, {"injured"}):
            return "deaths" if outcome == {"killed"} else "injured"
    if q.unit:
        return q.unit
    if q.counted:
        return q.counted.casefold().split()[0][:5]
    return None


def _signed(q: Quantity) -> tuple[float, float]:
    low = q.low if q.low is not None else float("-inf")
    high = q.high if q.high is not None else float("inf")
    if q.change == "down":
        low, high = -high, -low
    return low, high


def _overlap(a: Quantity, b: Quantity) -> bool:
    a_low, a_high = _signed(a)
    b_low, b_high = _signed(b)
    # Exact amounts, and exact amounts of a change ("lost $3.5 billion"), are rounded.
    slack_a = _ROUNDING * max(abs(a_low), abs(a_high)) if a.change in _EXACT else 0
    slack_b = _ROUNDING * max(abs(b_low), abs(b_high)) if b.change in _EXACT else 0
    slack = max(x for x in (slack_a, slack_b, 0) if x != float("inf"))
    return a_low <= b_high + slack and b_low <= a_high + slack


def _trivial(q: Quantity) -> bool:
    # "one of", "satu", "ein": a word meaning one is an article more often than a count,
    # but not under a bound or with a unit ("kurang dari satu kilogram").
    return q.value == 1 and not any(ch.isdigit() for ch in q.text) and q.change == "=" \
        and q.kind == "count"


def _strict_exact(bound: Quantity, exact: Quantity, text: str) -> bool:
    """A strict bound at an exact, unrounded figure: "kurang dari 4" against "4".

    Round figures ("900 km", "4,3 juta") may hide the difference, so they still agree
    with "more than 900 km"; a figure ending in a non-zero digit was counted, not rounded.
    """
    if bound.change not in ("<", ">") or exact.change != "=" or exact.value is None:
        return False
    edge = bound.high if bound.change == "<" else bound.low
    value = exact.value
    if edge != value or not float(value).is_integer() or (value >= 10 and value % 10 == 0):
        return False
    return _STRICT_BEFORE.search(text[max(0, bound.start - 20):bound.start]) is not None


class _Measure(NamedTuple):
    """What ``_comparable`` reads of one quantity."""

    trivial: bool
    #: A measured kind and not trivial: may be compared at all.
    usable: bool
    #: (a change, not a level; an "other" qualifier; its outcomes; ``_key``): equal on
    #: both sides of a comparable pair. A rise is not a level; "dua pengacara lainnya" are
    #: not among the six already named; the dead are not the deployed ("10 tentara tewas"
    #: vs "3.000 tentara").
    what: tuple[bool, bool, frozenset[str], str | None]


# A figure meets the figures of ~14 partner sentences: it is read once (judges at 10k:
# 155k look-ups of 1,554 distinct figures).
@lru_cache(maxsize=65536)
def _measure(q: Quantity) -> _Measure:
    trivial = _trivial(q)
    return _Measure(trivial, q.kind in MEASURED_KINDS and not trivial,
                    (q.change in ("up", "down"), "other" in q.qualifiers, _outcome(q), _key(q)))


def _comparable(a: Quantity, b: Quantity) -> bool:
    measure_a, measure_b = _measure(a), _measure(b)
    if not (measure_a.usable and measure_b.usable):
        return False
    # One kind, or one unspecified amount against a figure of any kind.
    if a.kind == b.kind:
        if a.kind == "unspecified":
            return False
    elif a.kind != "unspecified" and b.kind != "unspecified":
        return False
    what = measure_a.what
    return what[3] is not None and what == measure_b.what and _same_compound(a, b)


def _outcome(q: Quantity) -> frozenset[str]:
    implied = {"deaths": "killed", "injured": "injured"}.get(q.unit or "")
    return (OUTCOMES & frozenset(q.qualifiers)) | ({implied} if implied else frozenset())


def _same_compound(a: Quantity, b: Quantity) -> bool:
    """Indonesian compounds name different things by their second word: "ruang kelas" is
    not "ruang alat". Capitalised second words are names, left to the actor check."""
    if a.unit or b.unit or not a.counted or not b.counted:
        return True
    a_words, b_words = a.counted.split(), b.counted.split()
    if len(a_words) < 2 or len(b_words) < 2:
        return True
    second_a, second_b = a_words[1], b_words[1]
    if not (second_a.islower() and second_b.islower()):
        return True
    return second_a.casefold()[:5] == second_b.casefold()[:5]


def _agrees(q: Quantity, others: tuple[Quantity, ...], text: str, other_text: str) -> bool:
    """True when ``q`` matches a figure of the same thing on the other side, or their sum.

    A sentence that lists several figures ("1.049.334 suara sah ... 49.135 tidak sah")
    is not contradicted by a partner that repeats one of them: the repeated figure is
    accounted for, and the rest are other things of the same unit. Parts that add up to
    the partner's figure (men + women = population) agree with it too.
    """
    # A figure repeated with its noun left out ("berjumlah 49.135") still accounts for it.
    if q.kind == "unspecified":
        return False
    key = _measure(q).what[3]
    same = [o for o in others if o.kind != "unspecified" and (_comparable(q, o) or (
        o.kind == q.kind == "count" and (key is None or _measure(o).what[3] is None)
        and not _measure(o).trivial))]
    for other in same:
        if _overlap(q, other) and not _strict_exact(q, other, text) and \
                not _strict_exact(other, q, other_text):
            return True
    # Only figures that say what they count are parts: a bare "magnitudo 7,3" is no share
    # of "12 mm/tahun", though it may repeat a figure whose noun was left out.
    parts = [o for o in same if o.change == "=" and o.value is not None
             and _measure(o).what[3] is not None]
    if len(parts) >= 2:
        total = sum(o.value for o in parts)
        return _overlap(q, _Whole(total, total, parts[0].change))
    return False


class _Whole(NamedTuple):
    """A sum of parts, as ``_overlap`` reads it (instead of a copy of a Quantity)."""

    low: float
    high: float
    change: str


class NumericJudge(Judge):
    """Flags disjoint intervals of the same measured thing, and number-vs-unspecified."""

    name = "numeric"

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        if not a.quantities or not b.quantities:
            return None  # nothing to compare: most pairs of a batch end here
        a_text, b_text = a.sentence.text, b.sentence.text
        if _forecast(a_text) != _forecast(b_text):
            return None
        # Figures clash only when comparable (in reading order, so that the first of equal
        # scores wins); 16% of the 10k benchmark's pairs with figures on both sides have none.
        comparable = [(i, j) for i, qa in enumerate(a.quantities)
                      for j, qb in enumerate(b.quantities) if _comparable(qa, qb)]
        if not comparable:
            return None
        shared = content_stems(a_text) & content_stems(b_text)
        # "in March" on both sides supports other shared words, never stands alone.
        if shared and _calendar_stems(a_text) & _calendar_stems(b_text):
            shared = shared | {"(same month or day)"}
        best: Conflict | None = None
        # Only figures a partner figure does not account for (``_agrees``) can clash, and
        # that is asked only of the figures in a comparable pair.
        open_a: dict[int, bool] = {}
        open_b: dict[int, bool] = {}
        for i, j in comparable:
            qa, qb = a.quantities[i], b.quantities[j]
            if i not in open_a:
                open_a[i] = not _agrees(qa, b.quantities, a_text, b_text)
            if not open_a[i]:
                continue
            if j not in open_b:
                open_b[j] = not _agrees(qb, a.quantities, b_text, a_text)
            if not open_b[j]:
                continue
            conflict = self._pair(a, b, qa, qb, shared, context)
            if conflict is not None and (best is None or conflict.score > best.score):
                best = conflict
        return best

    def _pair(self, a: Claim, b: Claim, qa: Quantity, qb: Quantity, shared: frozenset[str],
              context: PairContext) -> Conflict | None:
        """The conflict between two comparable figures, if they clash."""
        if qa.actor and qb.actor and qa.actor != qb.actor:
            return None  # different owners: the UK's 600 vs the US's 650
        same_actor = bool(qa.actor and qa.actor == qb.actor)
        common_qualifiers = (set(qa.qualifiers) & set(qb.qualifiers)) - {"already deployed"}
        # Both counting the dead (or the injured...) is one more sign of one event.
        evidence = len(shared) + 2 * same_actor + 2 * bool(common_qualifiers) + \
            bool(_outcome(qa))
        if evidence < 2 and not (evidence >= 1 and context.percentile >= 0.9):
            return None
        unspecified = qa.kind == "unspecified" or qb.kind == "unspecified"
        if unspecified:
            if set(qa.qualifiers) - OUTCOMES != set(qb.qualifiers) - OUTCOMES:
                return None  # "jumlah pasukan tambahan" says nothing of troops in place
            score = min(0.8, 0.45 + 0.05 * evidence)
            explanation = (f"{_describe(qa)} vs {_describe(qb)}: "
                           f"{_why(a, b, qa, same_actor, shared)}; one outlet gives a "
                           f"number, the other says it was not given")
            return self._conflict("unspecified", score, explanation, a, b, qa, qb, context)
        strict = _strict_exact(qa, qb, a.sentence.text) or _strict_exact(qb, qa, b.sentence.text)
        if qa.value is not None and qb.value is not None and qa.value == qb.value and not strict:
            return None  # equal figures never clash, whatever the hedges, bar a strict bound
        if _overlap(qa, qb) and not strict:
            return None
        why = _why(a, b, qa, same_actor, shared)
        a_mid, b_mid = _centre(qa), _centre(qb)
        gap = abs(a_mid - b_mid) / max(abs(a_mid), abs(b_mid), 1e-9)
        score = 0.45 + 0.3 * min(1.0, gap) + 0.05 * min(evidence, 4)
        detail = None
        explanation = f"{_describe(qa)} vs {_describe(qb)}: {why}, different amounts"
        if set(qa.qualifiers) - OUTCOMES != set(qb.qualifiers) - OUTCOMES:
            differing = sorted((set(qa.qualifiers) ^ set(qb.qualifiers)) - OUTCOMES,
                               key=lambda qualifier: qualifier != "additional")
            score *= 0.6
            detail = "qualifier"
            explanation += f"; one counts {differing[0]} {qa.unit or qa.counted}"
        return self._conflict("numeric", min(score, 1.0), explanation, a, b, qa, qb, context,
                              detail)

    def _conflict(self, kind: str, score: float, explanation: str, a: Claim, b: Claim,
                  qa: Quantity, qb: Quantity, context: PairContext,
                  detail: str | None = None) -> Conflict:
        return Conflict(kind=kind, score=round(score, 3), explanation=explanation, a=a, b=b,
                        judge=self.name, a_values=(qa,), b_values=(qb,), topic=context.topic,
                        detail=detail)


def _why(a: Claim, b: Claim, qa: Quantity, same_actor: bool, shared: frozenset[str]) -> str:
    """Why two figures are taken to measure one thing; built only for a conflict."""
    words = ", ".join(shared_words(a.sentence.text, b.sentence.text, shared))
    reasons = ["same actor" if same_actor else None,
               "same unit" if qa.unit else "same counted noun",
               f"shared words ({words})" if shared else None]
    return " and ".join(r for r in reasons if r)


def _centre(q: Quantity) -> float:
    low, high = _signed(q)
    if low == float("-inf"):
        return high
    if high == float("inf"):
        return low
    return (low + high) / 2

