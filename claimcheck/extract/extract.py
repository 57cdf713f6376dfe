"""Turn segmented documents into claims: the quantities and dates of every sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from claimcheck.models import Claim, SegmentedDocument

# A sentence that opens by pointing back ("Pernyataan itu", "Hal tersebut", "This move",
# "Diese Entscheidung") is about what the previous sentence said.
_ANAPHORIC_OPENING = re.compile(
    r"^\W*(?:\w+(?:-\w+)?\s+(?:itu|tersebut|ini)\b|(?:hal|itu|ini)\b|"
    r"(?:this|that|these|those|such)\b|the (?:same|move|statement|decision|announcement|"
    r"claim|report|step)\b|(?:dies|diese|dieser|dieses|damit)\b)",
    re.IGNORECASE,
)


def antecedent_of(previous: str | None, text: str) -> str | None:
    """The previous sentence when ``text`` opens by referring back to it."""
    if previous and _ANAPHORIC_OPENING.match(text):
        return previous
    return None


def extract_claims(documents: Iterable[SegmentedDocument]) -> list[Claim]:
    """One ``Claim`` per kept sentence, in document order, with its figures and dates."""
    return read_claims(outline_claims(documents))


def outline_claims(documents: Iterable[SegmentedDocument]) -> list[Claim]:
    """One ``Claim`` per kept sentence, in document order, not yet read: its sentence,
    outlet, publication date and antecedent (what the embedding needs), no figures or
    dates (``read_claims`` adds them)."""
    claims = []
    for segmented in documents:
        document = segmented.document
        previous = None
        for sentence in segmented.sentences:
            claims.append(Claim(sentence=sentence, outlet=document.outlet,
                                published=document.published,
                                antecedent=antecedent_of(previous, sentence.text)))
            previous = sentence.text
    return claims


def read_claims(outlines: Sequence[Claim]) -> list[Claim]:
    """``outlines`` (``outline_claims``) with the figures and dates of their sentences."""
    from claimcheck.extract.dates import extract_dates
    from claimcheck.extract.quantities import extract_quantities

    # Reprints repeat sentences word for word: each distinct one is read once (the
    # benchmark's reprint batch: 17,950 sentences, 701 distinct).
    quantities: dict[tuple, tuple] = {}
    dates: dict[tuple, tuple] = {}
    claims = []
    for claim in outlines:
        key = (claim.sentence.text, claim.sentence.language)
        if key not in quantities:
            quantities[key] = extract_quantities(*key)
        dated = (*key, claim.published)
        if dated not in dates:
            dates[dated] = extract_dates(*dated)
        claims.append(replace(claim, quantities=quantities[key], dates=dates[dated]))
    return claims
