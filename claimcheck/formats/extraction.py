"""Rendering for ``claimcheck extract``: every quantity and date, sentence by sentence."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimcheck.formats.json_format import date_to_dict, value_to_dict
from claimcheck.models import Claim, SegmentedDocument


def extraction_to_dict(documents: Sequence[SegmentedDocument], claims: Sequence[Claim]) -> dict:
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.sentence.doc, []).append(claim)
    return {
        "schema": 1,
        "documents": [
            {
                "id": seg.document.id,
                "language": seg.language,
                "published": seg.document.published.isoformat() if seg.document.published
                else None,
                "sentences": [
                    {
                        "index": claim.sentence.index,
                        "text": claim.sentence.text,
                        "quantities": [value_to_dict(q) for q in claim.quantities],
                        "dates": [date_to_dict(d) for d in claim.dates],
                    }
                    for claim in by_doc.get(seg.document.id, [])
                ],
            }
            for seg in documents
        ],
    }


def render_extraction_json(documents, claims) -> str:
    return json.dumps(extraction_to_dict(documents, claims), ensure_ascii=False, indent=2) + "\n"


def render_extraction_table(documents, claims, width: int = 100, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="truecolor" if color else None,
                      force_terminal=color, highlight=False)
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.sentence.doc, []).append(claim)
    for seg in documents:
        table = Table(title=f"{seg.document.id} ({seg.document.outlet}, {seg.language})",
                      title_justify="left", expand=True, show_lines=True)
        table.add_column("#", justify="right", width=3)
        table.add_column("found", ratio=3)
        table.add_column("reads as", ratio=2)
        for claim in by_doc.get(seg.document.id, []):
            if not claim.quantities and not claim.dates:
                continue
            sentence = Text(claim.sentence.text)
            readings = []
            for quantity in claim.quantities:
                sentence.stylize("bold reverse", quantity.start, quantity.end)
                readings.append(_describe_quantity(quantity))
            for mention in claim.dates:
                sentence.stylize("bold underline", mention.span_start, mention.span_end)
                readings.append(_describe_date(mention))
            table.add_row(str(claim.sentence.index), sentence, "\n".join(readings))
        console.print(table)
    return buffer.getvalue()


def _describe_quantity(quantity) -> str:
    if quantity.kind == "unspecified":
        amount = "unspecified amount"
    elif quantity.value is not None and quantity.change == "=":
        amount = f"{quantity.value:,g}"
    else:
        low = "-inf" if quantity.low is None else f"{quantity.low:,g}"
        high = "inf" if quantity.high is None else f"{quantity.high:,g}"
        amount = f"{quantity.change} [{low}, {high}]"
    parts = [amount, quantity.unit or quantity.counted or quantity.kind]
    if quantity.qualifiers:
        parts.append("(" + ", ".join(quantity.qualifiers) + ")")
    if quantity.actor:
        parts.append(f"of {quantity.actor}")
    return " ".join(parts)


def _describe_date(mention) -> str:
    if mention.start:
        span = mention.start.isoformat()
        if mention.end and mention.end != mention.start:
            span += f" to {mention.end.isoformat()}"
        return f"date {span}" + (" (resolved from publication date)" if mention.relative else "")
    return f"date {mention.text!r} (relative; no publication date)"
