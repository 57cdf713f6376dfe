"""Disputed claims as rows every format renders the same way.

One entry per thing measured ("dead (people)", "depth"): every outlet's value in its own
words, with its date, in time order, and the verdict with its one-line why.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import DisputedClaim, Report


@dataclass(frozen=True, slots=True)
class ClaimRow:
    outlet: str
    published: str
    value: str
    sentence: str
    doc: str
    index: int


def claim_rows(claim: DisputedClaim) -> list[ClaimRow]:
    """One row per outlet's value, in the claim's time order."""
    return [ClaimRow(value.claim.outlet,
                     value.claim.published.isoformat() if value.claim.published else "-",
                     value.quantity.text, value.claim.sentence.text, value.claim.sentence.doc,
                     value.claim.sentence.index)
            for value in claim.values]


def claim_to_dict(claim: DisputedClaim) -> dict:
    """A disputed claim as JSON-ready data (the ``claims`` list of the JSON report)."""
    return {
        "measure": claim.measure,
        "kind": claim.kind,
        "verdict": claim.verdict,
        "explanation": claim.explanation,
        "values": [{"doc": row.doc, "index": row.index, "outlet": row.outlet,
                    "published": None if row.published == "-" else row.published,
                    "value": row.value, "text": row.sentence} for row in claim_rows(claim)],
    }


def claims_heading(report: Report) -> str:
    count = len(report.disputed)
    return f"Disputed claims ({count})" if count != 1 else "Disputed claim (1)"
