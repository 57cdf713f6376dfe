"""Turn segmented documents into claims: each sentence with its quantities and dates."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.models import Claim, SegmentedDocument


def extract_claims(documents: Iterable[SegmentedDocument]) -> list[Claim]:
    """One ``Claim`` per kept sentence, in document order."""
    from claimcheck.dates import extract_dates
    from claimcheck.quantities import extract_quantities

    claims = []
    for segmented in documents:
        document = segmented.document
        for sentence in segmented.sentences:
            claims.append(Claim(
                sentence=sentence,
                outlet=document.outlet,
                published=document.published,
                quantities=extract_quantities(sentence.text, sentence.language),
                dates=extract_dates(sentence.text, sentence.language, document.published),
            ))
    return claims
