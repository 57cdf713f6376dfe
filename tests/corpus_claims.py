"""Real sentences from corpus/*.txt turned into claims, shared by the judge tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimcheck.extract.dates import extract_dates
from claimcheck.extract.quantities import extract_quantities
from claimcheck.models import Claim, Sentence

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_sentence(prefix: str, fragment: str) -> str:
    """The sentence of corpus file ``prefix``_*.txt containing ``fragment``, read from disk."""
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    assert fragment in text, f"{fragment!r} not in {path.name}"
    at = text.index(fragment)
    start = max(text.rfind(mark, 0, at) for mark in (". ", "\n", "- ")) + 1
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0)
    return text[start:end + 1].strip()


def claim(text: str, lang: str = "id", outlet: str = "x", doc: str = "d",
          published: date | None = None) -> Claim:
    return Claim(Sentence(doc, 0, text, lang), outlet, published,
                 extract_quantities(text, lang), extract_dates(text, lang, published))


def corpus_claim(prefix: str, fragment: str, published: date | None = None) -> Claim:
    return claim(corpus_sentence(prefix, fragment), "id", f"outlet{prefix}", prefix, published)
