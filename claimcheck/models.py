"""What flows between claimcheck's stages: frozen records, no I/O.

documents -> sentences -> claims (quantities, dates) -> embeddings -> topics
-> candidate pairs -> conflicts -> report.

Embeddings travel as a NumPy array (row i belongs to ``Report.claims[i]``),
never inside these records.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

CONFLICT_KINDS = ("numeric", "unspecified", "date", "statement")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk or standard input, before cleaning."""

    id: str
    path: str
    text: str
    outlet: str
    language: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    #: Line of ``path`` on which ``text`` starts (front matter and JSONL shift it).
    first_line: int = 1


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """A file or JSONL record left out of a run, and why (``line`` is None for a file)."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else \
            f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A kept sentence and where it came from."""

    doc: str
    index: int
    text: str
    language: str
    #: 1-based line of the source file on which the sentence starts.
    line: int = 1


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """Page furniture removed during cleaning, kept so nothing is lost silently."""

    doc: str
    text: str
    reason: str
    line: int = 1


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    document: Document
    language: str
    sentences: tuple[Sentence, ...]
    dropped: tuple[DroppedLine, ...]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a fact-checker reads it: an interval, what it counts and whose it is.

    ``low``/``high`` are inclusive bounds; ``None`` means unbounded on that side.
    ``value`` is the point value, or ``None`` for ranges and unspecified amounts.
    """

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    #: "=" exact, "~" approximate, ">" lower bound, "<" upper bound, "up"/"down" a change.
    change: str = "="
    #: Normalised unit: "troops", "percent", "kilometre", "dollar", "year", ...
    unit: str | None = None
    #: The counted noun as written ("tentara", "pegawai kedutaan").
    counted: str | None = None
    #: Normalised qualifiers: "additional", "already deployed", "total", ...
    qualifiers: tuple[str, ...] = ()
    #: Canonical actor the number belongs to ("United States", "United Kingdom").
    actor: str | None = None
    #: "count", "money", "percent", "measure", "duration", "ordinal", "year",
    #: "time", "date", "score", "phone", "unspecified".
    kind: str = "count"
    language: str = "en"
    #: A move written from the higher figure to the lower ("fell from 4.8 to 4.7
    #: percent"): ``low``/``high`` span it, this keeps which end it started from.
    descending: bool = False

    @property
    def unspecified(self) -> bool:
        """True for an explicitly unknown amount ("the number was not determined")."""
        return self.kind == "unspecified"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time reference; ``start``/``end`` resolved when the text allows it."""

    text: str
    span_start: int
    span_end: int
    start: date | None = None
    end: date | None = None
    #: Weekday 0=Monday..6=Sunday when the text names one ("Kamis", "Thursday").
    weekday: int | None = None
    #: True when resolved against the publication date, or left relative for lack of one.
    relative: bool = False
    #: Part of day when named ("malam", "morning").
    part_of_day: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence with what was extracted from it and the metadata judges need."""

    sentence: Sentence
    outlet: str
    published: date | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    #: The preceding sentence, when this one opens by pointing back at it
    #: ("Pernyataan itu ...", "This statement ..."): what the sentence is about.
    antecedent: str | None = None

    @property
    def matching_text(self) -> str:
        """The sentence with its antecedent, for finding what it speaks of."""
        if self.antecedent:
            return f"{self.antecedent} {self.sentence.text}"
        return self.sentence.text


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    label: str
    #: Positions in ``Report.claims``.
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CandidatePair:
    """Two sentences from different outlets that may speak about the same thing."""

    a: int
    b: int
    similarity: float
    #: Share of the corpus's neighbour similarities this pair beats (0..1).
    percentile: float
    topic: int | None


@dataclass(frozen=True, slots=True)
class PairContext:
    """What a judge may know about a pair beyond the two claims."""

    similarity: float = 0.0
    percentile: float = 0.0
    topic: int | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A judged disagreement between two outlets."""

    kind: str
    score: float
    explanation: str
    a: Claim
    b: Claim
    judge: str
    a_values: tuple[Quantity | DateMention, ...] = ()
    b_values: tuple[Quantity | DateMention, ...] = ()
    topic: int | None = None
    #: Finer label inside a kind: "disputed", "changed", "certainty", "qualifier", ...
    detail: str | None = None
    #: The same sentence as ``a`` (or ``b``) printed by other articles, reprints of wire
    #: copy above all: each side's outlets are ``a.outlet`` and those of its copies.
    a_copies: tuple[Claim, ...] = ()
    b_copies: tuple[Claim, ...] = ()

    @property
    def id(self) -> str:
        """A fingerprint of the normalised pair of claims, stable under order and wrapping."""
        texts = sorted((normalise_for_fingerprint(self.a.sentence.text),
                        normalise_for_fingerprint(self.b.sentence.text)))
        digest = hashlib.sha256("\x1f".join([self.kind, *texts]).encode("utf-8"))
        return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One outlet's value for a claim, in its own words."""

    claim: Claim
    quantity: Quantity | DateMention
    #: The value in the claim's base unit (``None`` for a range or an unspecified amount).
    value: float | None = None


@dataclass(frozen=True, slots=True)
class DisputedClaim:
    """One thing measured, as every outlet reports it, with a verdict.

    ``verdict`` is "contradicted" (same measure, same time, incompatible values),
    "changed" (a running figure reported at different times) or "unspecified".
    """

    measure: str
    verdict: str
    explanation: str
    #: Ordered by publication date, then outlet.
    values: tuple[ClaimValue, ...]
    kind: str = "numeric"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a formatter needs; row i of the embeddings belongs to ``claims[i]``."""

    documents: tuple[SegmentedDocument, ...]
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...]
    conflicts: tuple[Conflict, ...]
    embedder: str
    candidate_pairs: int = 0
    #: Inputs left out (unreadable files, bad JSONL records), each with its reason.
    skipped: tuple[SkippedInput, ...] = ()
    #: Conflicts found but left out because a baseline accepted them.
    hidden_by_baseline: int = 0
    #: Ids of the stored articles a ``check --against`` compared the batch with; those
    #: in ``documents`` take part in a conflict and are not counted as checked.
    archive_ids: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()
    #: Seconds per stage, one after another (they add up to the run); ``embed`` is the
    #: wait for the embedding once the figures are read, and ``embedding`` the
    #: embedder's own time on its thread, alongside extraction (not part of the sum).
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    #: Disputed claims across outlets: one entry per thing measured, every outlet's value.
    disputed: tuple[DisputedClaim, ...] = ()


_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


# Every conflict's id is taken by the judge loop and again by each report format, and a
# sentence sits in many conflicts: each text is normalised once.
@lru_cache(maxsize=65536)
def normalise_for_fingerprint(text: str) -> str:
    """Case, accents, punctuation and whitespace do not change a claim's identity."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", folded).strip()
