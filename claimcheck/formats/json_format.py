"""The machine-readable report (schema 1): other tools and CI checks rely on its shape."""

from __future__ import annotations

import json
from datetime import date

from claimcheck.formats.claims_view import claim_to_dict
from claimcheck.models import Claim, Conflict, DateMention, Quantity, Report

SCHEMA = 1


class JsonFormatter:
    name = "json"

    def render(self, report: Report, options=None) -> str:
        return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data (see README, "Output contract")."""
    claims = report.claims
    return {
        "schema": SCHEMA,
        "embedder": report.embedder,
        "summary": summary(report),
        "documents": [
            {
                "id": seg.document.id,
                "path": seg.document.path,
                "outlet": seg.document.outlet,
                "language": seg.language,
                "title": seg.document.title,
                "url": seg.document.url,
                "published": _iso(seg.document.published),
                "sentences": len(seg.sentences),
                "dropped": [{"text": d.text, "reason": d.reason, "line": d.line}
                            for d in seg.dropped],
            }
            for seg in report.documents
        ],
        "topics": [
            {
                "id": topic.id,
                "label": topic.label,
                "sentences": [{"doc": claims[i].sentence.doc, "index": claims[i].sentence.index}
                              for i in topic.members],
            }
            for topic in report.topics
        ],
        "conflicts": [conflict_to_dict(conflict) for conflict in report.conflicts],
        "claims": [claim_to_dict(claim) for claim in report.disputed],
        "warnings": list(report.warnings),
        "skipped": [{"path": item.path, "line": item.line, "reason": item.reason}
                    for item in report.skipped],
    }


def summary(report: Report) -> dict:
    """Counts for the batch checked; stored articles a ``check --against`` brought in
    are counted apart (``archive_articles``), not as checked."""
    archive = report.archive_ids
    batch = [seg for seg in report.documents if seg.document.id not in archive]
    outlets = {seg.document.outlet for seg in batch}
    languages = sorted({seg.language for seg in batch})
    kinds: dict[str, int] = {}
    for conflict in report.conflicts:
        kinds[conflict.kind] = kinds.get(conflict.kind, 0) + 1
    return {
        "articles": len(batch),
        "outlets": len(outlets),
        "languages": languages,
        "sentences": sum(1 for claim in report.claims if claim.sentence.doc not in archive)
        if archive else len(report.claims),
        "topics": len(report.topics),
        "candidate_pairs": report.candidate_pairs,
        "conflicts": len(report.conflicts),
        "conflicts_by_kind": kinds,
        "claims": len(report.disputed),
        "hidden_by_baseline": report.hidden_by_baseline,
        "archive_articles": len(archive),
        "skipped": len(report.skipped),
    }


def conflict_to_dict(conflict: Conflict) -> dict:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "detail": conflict.detail,
        "score": round(conflict.score, 4),
        "topic": conflict.topic,
        "judge": conflict.judge,
        "explanation": conflict.explanation,
        "a": _side(conflict.a, conflict.a_values, conflict.a_copies),
        "b": _side(conflict.b, conflict.b_values, conflict.b_copies),
    }


def _side(claim: Claim, values, copies: tuple[Claim, ...] = ()) -> dict:
    return {
        "doc": claim.sentence.doc,
        "outlet": claim.outlet,
        "index": claim.sentence.index,
        "line": claim.sentence.line,
        "text": claim.sentence.text,
        "published": _iso(claim.published),
        "values": [value_to_dict(value) for value in values],
        # The same sentence in other articles (reprints): one conflict lists every outlet
        # that printed a side, its own first, and the other articles by id.
        "outlets": list(dict.fromkeys([claim.outlet, *(copy.outlet for copy in copies)])),
        "copies": [copy.sentence.doc for copy in copies],
    }


def value_to_dict(value: Quantity | DateMention) -> dict:
    if isinstance(value, Quantity):
        return {
            "text": value.text,
            "value": value.value,
            "low": value.low,
            "high": value.high,
            "change": value.change,
            "unit": value.unit,
            "counted": value.counted,
            "qualifiers": list(value.qualifiers),
            "actor": value.actor,
            "kind": value.kind,
            "language": value.language,
            "descending": value.descending,
        }
    return {"value": None, "low": _iso(value.start), "high": _iso(value.end), "unit": "date",
            **date_to_dict(value)}


def date_to_dict(mention: DateMention) -> dict:
    return {
        "text": mention.text,
        "start": _iso(mention.start),
        "end": _iso(mention.end),
        "weekday": mention.weekday,
        "part_of_day": mention.part_of_day,
        "relative": mention.relative,
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
