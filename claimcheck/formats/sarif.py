"""SARIF 2.1.0 for code-scanning dashboards: one result per conflict.

A result sits at the article file and line of side A, with side B as a related
location; ``partialFingerprints`` carries ``Conflict.id`` so dashboards de-duplicate
the same disagreement across runs even when files are renamed or re-wrapped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.formats.json_format import summary
from claimcheck.models import CONFLICT_KINDS, Claim, Conflict, Document, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Key under ``partialFingerprints``; the ``/v1`` lets a future fingerprint coexist.
FINGERPRINT_KEY = "claimcheckConflict/v1"
INFORMATION_URI = "https://pypi.org/project/claimcheck/"

_RULE_TEXT = {
    "numeric": "Outlets report different numbers for the same thing.",
    "unspecified": "One outlet gives a number where another says it is not known.",
    "date": "Outlets report different dates or days for the same event.",
    "statement": "Outlets make statements that contradict each other.",
}


class SarifFormatter:
    name = "sarif"

    def render(self, report: Report, options=None) -> str:
        return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"


def report_to_sarif(report: Report) -> dict:
    """The report as a SARIF 2.1.0 log with one run."""
    documents = {seg.document.id: seg.document for seg in report.documents}
    kinds = list(CONFLICT_KINDS) + sorted({c.kind for c in report.conflicts}
                                          - set(CONFLICT_KINDS))
    rules = [{
        "id": kind,
        "name": f"{kind.capitalize()}Conflict",
        "shortDescription": {"text": _RULE_TEXT.get(kind, f"A {kind} conflict between outlets.")},
        "defaultConfiguration": {"level": "warning"},
    } for kind in kinds]
    results = [_result(conflict, kinds.index(conflict.kind), documents)
               for conflict in report.conflicts]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "results": results,
            "properties": {"embedder": report.embedder, "articles": summary(report)["articles"],
                           "warnings": list(report.warnings),
                           "skipped": [str(item) for item in report.skipped]},
        }],
    }


def _result(conflict: Conflict, rule_index: int, documents: dict[str, Document]) -> dict:
    message = (f"{conflict.explanation} | {conflict.a.outlet}: \"{conflict.a.sentence.text}\" | "
               f"{conflict.b.outlet}: \"{conflict.b.sentence.text}\"")
    return {
        "ruleId": conflict.kind,
        "ruleIndex": rule_index,
        "level": "warning",
        "message": {"text": message},
        "locations": [_location(conflict.a, documents, 0)],
        "relatedLocations": [_location(conflict.b, documents, 1)],
        "partialFingerprints": {FINGERPRINT_KEY: conflict.id},
        "rank": round(conflict.score * 100, 2),
        "properties": {"score": round(conflict.score, 4), "detail": conflict.detail,
                       "judge": conflict.judge, "topic": conflict.topic,
                       "outlets": [conflict.a.outlet, conflict.b.outlet]},
    }


def _location(claim: Claim, documents: dict[str, Document], number: int) -> dict:
    document = documents.get(claim.sentence.doc)
    path = document.path if document else claim.sentence.doc
    return {
        "id": number,
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {"startLine": max(1, claim.sentence.line),
                       "snippet": {"text": claim.sentence.text}},
        },
        "message": {"text": f"{claim.outlet} ({claim.sentence.doc})"},
    }


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (dashboards resolve it against the checkout)."""
    from claimcheck.ingest.paths import restore_undecodable

    # A name's undecodable byte, shown as "\\xff", is linked as the byte itself ("%FF").
    candidate = Path(restore_undecodable(path))
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.as_uri()
    return quote(os.fsencode(candidate.as_posix()), safe="/-._~")
