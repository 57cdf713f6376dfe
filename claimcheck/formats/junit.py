"""JUnit XML for CI test dashboards: one test case per pair of articles from different
outlets, failing with the text of every conflict between them.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence

from claimcheck.models import Conflict, Report

# Beyond this many article pairs only the failing ones get a test case, so a batch of
# 1,000 articles does not produce half a million passing cases.
MAX_PASSING_PAIRS = 2000
# XML 1.0 forbids these characters even escaped; article text scraped from the web has them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class JUnitFormatter:
    name = "junit"

    def render(self, report: Report, options=None) -> str:
        return render_junit(report)


def render_junit(report: Report) -> str:
    """The report as a ``<testsuites>`` document with one ``<testsuite>``."""
    by_pair: dict[tuple[str, str], list[Conflict]] = {}
    for conflict in report.conflicts:
        by_pair.setdefault(_pair(conflict.a.sentence.doc, conflict.b.sentence.doc),
                           []).append(conflict)
    outlets = {seg.document.id: seg.document.outlet for seg in report.documents}
    pairs = [_pair(a, b) for a, b in itertools.combinations(outlets, 2)
             if outlets[a].casefold() != outlets[b].casefold()]
    if len(pairs) > MAX_PASSING_PAIRS:
        pairs = []
    pairs = sorted(set(pairs) | set(by_pair))
    failures = sum(1 for pair in pairs if pair in by_pair)
    suites = ElementTree.Element("testsuites", name="claimcheck", tests=str(len(pairs)),
                                 failures=str(failures), errors="0")
    suite = ElementTree.SubElement(suites, "testsuite", name="claimcheck.article-pairs",
                                   tests=str(len(pairs)), failures=str(failures), errors="0",
                                   skipped="0")
    for a, b in pairs:
        name = f"{_clean(a)} ({_clean(outlets.get(a, '?'))}) vs {_clean(b)} " \
               f"({_clean(outlets.get(b, '?'))})"
        case = ElementTree.SubElement(suite, "testcase", classname="claimcheck", name=name)
        conflicts = by_pair.get((a, b))
        if conflicts:
            kinds = ", ".join(sorted({c.kind for c in conflicts}))
            failure = ElementTree.SubElement(
                case, "failure", type="conflict",
                message=_clean(f"{len(conflicts)} conflict(s): {kinds}"))
            failure.text = _clean(_describe(conflicts))
    if report.warnings:
        ElementTree.SubElement(suite, "system-err").text = _clean("\n".join(report.warnings))
    ElementTree.indent(suites)
    body = ElementTree.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _describe(conflicts: Sequence[Conflict]) -> str:
    blocks = []
    for conflict in conflicts:
        kind = conflict.kind + (f"/{conflict.detail}" if conflict.detail else "")
        blocks.append("\n".join([
            f"{kind} (score {conflict.score:.2f}, id {conflict.id}): {conflict.explanation}",
            f"  A {conflict.a.outlet} ({conflict.a.sentence.doc}, line "
            f"{conflict.a.sentence.line}): {conflict.a.sentence.text}",
            f"  B {conflict.b.outlet} ({conflict.b.sentence.doc}, line "
            f"{conflict.b.sentence.line}): {conflict.b.sentence.text}",
        ]))
    return "\n\n".join(blocks)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", str(text))
