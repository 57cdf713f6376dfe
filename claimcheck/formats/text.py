"""The terminal report (rich): a header, then conflicts grouped by topic, strongest first.

Side by side when the terminal is wide enough, stacked below 100 columns so it stays
readable at 80. Without colour, conflict panels are written by ``plain_panels`` (the same
characters, ~10x faster than rich's layout).
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from claimcheck.formats import RenderOptions
from claimcheck.formats.claims_view import claim_rows, claims_heading
from claimcheck.formats.facts import (
    articles_line,
    conflicts_line,
    counted,
    no_conflicts_line,
    sentences_line,
)
from claimcheck.formats.json_format import summary
from claimcheck.formats.plain_panels import PlainPanels, RawLines, copies_note, where
from claimcheck.models import Claim, Conflict, Report

_KIND_STYLE = {"numeric": "bold red", "unspecified": "bold magenta", "date": "bold yellow",
               "statement": "bold cyan"}
_SIDE_BY_SIDE_WIDTH = 100


class TextFormatter:
    name = "text"

    def render(self, report: Report, options: RenderOptions | None = None) -> str:
        options = options or RenderOptions()
        buffer = io.StringIO()
        console = Console(file=buffer, width=options.width, color_system=(
            "truecolor" if options.color else None), force_terminal=options.color,
            highlight=False, emoji=False, soft_wrap=False)
        render_report(console, report, options)
        return buffer.getvalue()


def render_report(console: Console, report: Report, options: RenderOptions) -> None:
    console.print(_header(report))
    if report.warnings:
        for warning in report.warnings:
            console.print(Text(f"warning: {warning}", style="yellow"))
    if not report.conflicts:
        console.print(Text(no_conflicts_line(summary(report)), style="bold green"))
    if report.disputed:
        _render_claims(console, report)
    topics = {topic.id: topic for topic in report.topics}
    plain = PlainPanels.for_console(console, options.width >= _SIDE_BY_SIDE_WIDTH)
    for topic_id, conflicts in _grouped(report.conflicts):
        label = topics[topic_id].label if topic_id in topics else "sentences outside any topic"
        title = f"Topic {topic_id}: {label}" if topic_id is not None else label.capitalize()
        console.print(Rule(Text(title, style="bold"), align="left"))
        written: list[str] = []
        for conflict in conflicts:
            panel = plain.panel(conflict) if plain is not None else None
            if panel is not None:
                written.extend(panel)
                continue
            if written:
                console.print(RawLines(written))
                written = []
            console.print(_conflict_panel(conflict, options.width))
        if written:
            console.print(RawLines(written))
    if options.show_dropped:
        _render_dropped(console, report)


def _header(report: Report) -> Panel:
    facts = summary(report)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Articles", escape(articles_line(facts)))
    grid.add_row("Languages", ", ".join(facts["languages"]) or "-")
    grid.add_row("Sentences", sentences_line(facts))
    grid.add_row("Conflicts", conflicts_line(facts))
    if facts["skipped"]:
        grid.add_row("Skipped", f"{counted(facts['skipped'], 'input')} (see the warnings)")
    grid.add_row("Embedder", escape(report.embedder))
    return Panel(grid, title="claimcheck", title_align="left", expand=False)


def _grouped(conflicts: tuple[Conflict, ...]) -> list[tuple[int | None, list[Conflict]]]:
    groups: dict[int | None, list[Conflict]] = {}
    for conflict in conflicts:
        groups.setdefault(conflict.topic, []).append(conflict)
    return sorted(groups.items(), key=lambda item: (item[0] is None,
                                                    -max(c.score for c in item[1])))


def _conflict_panel(conflict: Conflict, width: int) -> Panel:
    kind = conflict.kind + (f"/{conflict.detail}" if conflict.detail else "")
    title = Text.assemble((kind, _KIND_STYLE.get(conflict.kind, "bold")),
                          f"  score {conflict.score:.2f}  ", (f"#{conflict.id}", "dim"))
    left = _side(conflict.a, conflict.a_values, "A", conflict.a_copies)
    right = _side(conflict.b, conflict.b_values, "B", conflict.b_copies)
    if width >= _SIDE_BY_SIDE_WIDTH:
        body = Table.grid(expand=True, padding=(0, 2))
        body.add_column(ratio=1)
        body.add_column(ratio=1)
        body.add_row(left, right)
    else:
        body = Group(left, Text(""), right)
    explanation = Text(conflict.explanation, style="italic")
    judged = Text(f"judge: {conflict.judge}", style="dim")
    return Panel(Group(body, Text(""), explanation, judged), title=title, title_align="left")


def _side(claim: Claim, values, label: str, copies: tuple[Claim, ...] = ()) -> Text:
    heading = Text.assemble((f"{label} ", "bold"), (claim.outlet, "bold blue"),
                            copies_note(claim, copies), (f"  ({where(claim)})", "dim"))
    sentence = Text(claim.sentence.text)
    for value in values:
        start = getattr(value, "start", None) if hasattr(value, "unit") else \
            getattr(value, "span_start", None)
        end = getattr(value, "end", None) if hasattr(value, "unit") else \
            getattr(value, "span_end", None)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            sentence.stylize("bold reverse", start, end)
        elif value.text:
            sentence.highlight_words([value.text], style="bold reverse")
    return Text.assemble(heading, "\n", sentence)


def _render_claims(console: Console, report: Report) -> None:
    """Each disputed claim: its verdict, then every outlet's value in time order."""
    console.print(Rule(Text(claims_heading(report), style="bold"), align="left"))
    for claim in report.disputed:
        style = "bold red" if claim.verdict == "contradicted" else "bold yellow"
        console.print(Text.assemble((f"{claim.measure}", "bold"), "  ", (claim.verdict, style)))
        table = Table.grid(padding=(0, 2))
        for row in claim_rows(claim):
            table.add_row(Text(row.published, style="dim"), Text(row.outlet, style="blue"),
                          Text(row.value, style="bold"))
        console.print(table)
        console.print(Text(claim.explanation, style="italic"))
        console.print()


def _render_dropped(console: Console, report: Report) -> None:
    console.print(Rule(Text("Dropped as page furniture", style="bold"), align="left"))
    for segmented in report.documents:
        if not segmented.dropped:
            continue
        console.print(Text(f"{segmented.document.id} ({segmented.document.outlet})",
                           style="bold"))
        for dropped in segmented.dropped:
            console.print(Text.assemble(("  - ", "dim"), (f"[{dropped.reason}] ", "yellow"),
                                        dropped.text))
