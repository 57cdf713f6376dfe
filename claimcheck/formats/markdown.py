"""Markdown for a pull-request comment or a CI job summary: a summary table, then each
conflict with both quotes and the disputed values in bold.

Article text is escaped: a sentence is a quote, never markup that GitHub would render
(an article containing ``<img>`` or ``| table |`` must show those characters).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from claimcheck.formats.claims_view import claim_rows, claims_heading
from claimcheck.formats.facts import (
    articles_line,
    conflicts_line,
    no_conflicts_line,
    sentences_line,
)
from claimcheck.formats.json_format import summary
from claimcheck.models import Claim, Conflict, DateMention, Quantity, Report

# Every character CommonMark gives a meaning to, plus "|" (GFM tables) and "<" (raw HTML).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


class MarkdownFormatter:
    name = "markdown"

    def render(self, report: Report, options=None) -> str:
        return render_markdown(report)


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    facts = summary(report)
    lines = ["## claimcheck report", ""]
    lines += ["| | |", "|---|---|",
              f"| Articles | {articles_line(facts)} |",
              f"| Languages | {escape_markdown(', '.join(facts['languages']) or '-')} |",
              f"| Sentences | {sentences_line(facts, pairs=False)} |",
              f"| Conflicts | {conflicts_line(facts, kinds=False)} |", ""]
    if not report.conflicts:
        lines += [no_conflicts_line(facts), ""]
        return _with_warnings(lines, report)
    lines += ["| kind | count |", "|---|---:|"]
    lines += [f"| {kind} | {count} |" for kind, count in sorted(
        facts["conflicts_by_kind"].items())]
    lines += ["", "| # | kind | score | outlets | id |", "|---:|---|---:|---|---|"]
    for number, conflict in enumerate(report.conflicts, start=1):
        outlets = f"{escape_markdown(conflict.a.outlet)} vs {escape_markdown(conflict.b.outlet)}"
        lines.append(f"| {number} | {_kind(conflict)} | {conflict.score:.2f} | {outlets} | "
                     f"`{conflict.id}` |")
    lines.append("")
    lines += _claims_section(report)
    topics = {topic.id: topic.label for topic in report.topics}
    for number, conflict in enumerate(report.conflicts, start=1):
        lines += _conflict_section(number, conflict, topics)
    return _with_warnings(lines, report)


def _claims_section(report: Report) -> list[str]:
    if not report.disputed:
        return []
    lines = [f"### {claims_heading(report)}", ""]
    for claim in report.disputed:
        lines += [f"**{escape_markdown(claim.measure)}**: {claim.verdict}. "
                  f"{escape_markdown(claim.explanation)}", "",
                  "| published | outlet | value | sentence |", "|---|---|---|---|"]
        lines += [f"| {row.published} | {escape_markdown(row.outlet)} | "
                  f"{escape_markdown(row.value)} | {escape_markdown(row.sentence)} |"
                  for row in claim_rows(claim)]
        lines.append("")
    return lines


def _conflict_section(number: int, conflict: Conflict, topics: dict[int, str]) -> list[str]:
    heading = (f"### {number}. {_kind(conflict)}: {escape_markdown(conflict.a.outlet)} vs "
               f"{escape_markdown(conflict.b.outlet)} (score {conflict.score:.2f})")
    lines = [heading, ""]
    if conflict.topic is not None and conflict.topic in topics:
        lines += [f"Topic {conflict.topic}: {escape_markdown(topics[conflict.topic])}", ""]
    for label, claim, values in (("A", conflict.a, conflict.a_values),
                                 ("B", conflict.b, conflict.b_values)):
        lines.append(f"**{label}. {escape_markdown(claim.outlet)}** ({_where(claim)})")
        lines.append("")
        lines.append("> " + _quote(claim.sentence.text, values))
        lines.append("")
    lines += [f"_{escape_markdown(conflict.explanation)}_",
              "", f"judge: {escape_markdown(conflict.judge)}, id: `{conflict.id}`", ""]
    return lines


def _where(claim: Claim) -> str:
    where = f"{escape_markdown(claim.sentence.doc)}, line {claim.sentence.line}"
    if claim.published:
        where += f", {claim.published.isoformat()}"
    return where


def _quote(text: str, values: Sequence[Quantity | DateMention]) -> str:
    quoted = mark_values(text, values, _escape_characters, "**", "**")
    # A quote is one paragraph: a newline inside it would end the blockquote.
    return " ".join(quoted.split())


def _kind(conflict: Conflict) -> str:
    return conflict.kind + (f"/{escape_markdown(conflict.detail)}" if conflict.detail else "")


def _with_warnings(lines: list[str], report: Report) -> str:
    for warning in report.warnings:
        lines.append(f"- warning: {escape_markdown(warning)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def escape_markdown(text: str) -> str:
    """``text`` as literal characters in Markdown (and in a GFM table cell)."""
    return _escape_characters(" ".join(str(text).split()))


def _escape_characters(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def mark_values(text: str, values: Sequence[Quantity | DateMention],
                escape: Callable[[str], str], before: str, after: str) -> str:
    """``text`` escaped for a format, each value's span between ``before`` and ``after``."""
    parts, position = [], 0
    for start, end in value_spans(text, values):
        parts += [escape(text[position:start]), before, escape(text[start:end]), after]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def value_spans(text: str, values: Sequence[Quantity | DateMention]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping character spans of ``values`` inside ``text``.

    Offsets are used when they still point at the value's text; otherwise the value's
    text is searched, so a value from a re-wrapped sentence is still highlighted.
    """
    spans = []
    for value in values:
        start, end = (value.start, value.end) if isinstance(value, Quantity) else (
            value.span_start, value.span_end)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
                and (not value.text or text[start:end] == value.text)):
            found = text.find(value.text) if value.text else -1
            if found < 0:
                continue
            start, end = found, found + len(value.text)
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
