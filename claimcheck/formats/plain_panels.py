"""Conflict panels of the text report written as characters, for consoles without colour.

rich lays a panel out through Panel, Padding, Group, Table and Text objects, measuring
every cell on the way: about 1 ms a conflict, 5-6 s of the 10k benchmark's 4,471-conflict
report (0.5 s this way). Without colour the panel is nothing but characters, so this
module writes the same characters directly: lines wrapped the way rich's ``Text.wrap``
wraps them, the grid's column widths measured from rich once per report. Text it cannot
vouch for (wide, zero-width or control characters, tabs, line breaks in a sentence) is
left to rich, and ``tests/test_plain_panels.py`` checks that both write the same bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table

from claimcheck.models import Claim, Conflict

# Very narrow consoles bring in rules of rich's this module does not copy (columns squeezed
# under their minimum width, borders wider than the panel).
_MIN_WIDTH = 20
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
# Characters rich measures one cell wide, from the ranges news text is written in.
_CANDIDATE_RANGES = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x2027),
                     (0x2030, 0x205E))


class PlainPanels:
    """Writes conflict panels as rich would on ``console``; ``panel`` says None when it can't."""

    def __init__(self, console: Console, side_by_side: bool) -> None:
        self.width = console.width
        # Measured once a report: ratio columns of an expanding grid ignore their content.
        self.columns = _grid_columns(console, self.width - 4) if side_by_side else None

    @classmethod
    def for_console(cls, console: Console, side_by_side: bool) -> PlainPanels | None:
        """A writer for ``console``, or None when its output is more than plain characters."""
        plain = (console.color_system is None and not console.legacy_windows
                 and console.encoding.lower().startswith("utf") and console.width >= _MIN_WIDTH)
        return cls(console, side_by_side) if plain else None

    def panel(self, conflict: Conflict) -> list[str] | None:
        """The conflict's panel as lines; None when rich must draw it."""
        kind = conflict.kind + (f"/{conflict.detail}" if conflict.detail else "")
        title = f" {kind}  score {conflict.score:.2f}  #{conflict.id} "
        left = _side_text(conflict.a, "A", conflict.a_copies)
        right = _side_text(conflict.b, "B", conflict.b_copies)
        judged = f"judge: {conflict.judge}"
        if not _simple(title + left + right + conflict.explanation + judged):
            return None
        width, inner = self.width, self.width - 4
        if self.columns is not None:
            # A grid column cuts a word too long for it with an ellipsis; a panel folds it.
            body = _columns(_wrap(left, self.columns[0], fold=False),
                            _wrap(right, self.columns[2], fold=False), self.columns)
        else:
            body = [*_wrap(left, inner), "", *_wrap(right, inner)]
        lines = [*body, "", *_wrap(conflict.explanation, inner), *_wrap(judged, inner)]
        title = title[:width - 4]
        out = [f"╭─{title}{'─' * (width - 4 - len(title))}─╮"]
        out.extend(f"│ {line}{' ' * (inner - len(line))} │" for line in lines)
        out.append(f"╰{'─' * (width - 2)}╯")
        return out


class RawLines:
    """Lines already laid out, for ``Console.print``: no wrapping, no markup."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # One segment a line: rich splits a segment at each newline, copying what follows.
        newline = Segment.line()
        for line in self.lines:
            yield Segment(line)
            yield newline


def where(claim: Claim) -> str:
    """Where a side's sentence comes from, as the panel's heading shows it."""
    place = f"{claim.sentence.doc} #{claim.sentence.index}"
    if claim.published:
        place += f", {claim.published.isoformat()}"
    return place


def copies_note(claim: Claim, copies: tuple[Claim, ...]) -> str:
    """" (+49 copies, 38 more outlets)" after an outlet whose sentence was reprinted."""
    if not copies:
        return ""
    outlets = {copy.outlet.casefold() for copy in copies} - {claim.outlet.casefold()}
    return (f" (+{len(copies)} {'copy' if len(copies) == 1 else 'copies'}, "
            f"{len(outlets)} more {'outlet' if len(outlets) == 1 else 'outlets'})")


def _side_text(claim: Claim, label: str, copies: tuple[Claim, ...] = ()) -> str:
    # formats/text.py's _side without its highlights, which only colour shows.
    return (f"{label} {claim.outlet}{copies_note(claim, copies)}  ({where(claim)})\n"
            f"{claim.sentence.text}")


def _simple(text: str) -> bool:
    # Line breaks are allowed only where _side_text puts them: one per side.
    return text.count("\n") == 2 and _single_cells().issuperset(text.replace("\n", ""))


@lru_cache(maxsize=1)
def _single_cells() -> frozenset[str]:
    return frozenset(character for start, end in _CANDIDATE_RANGES
                     for character in map(chr, range(start, end + 1))
                     if cell_len(character) == 1)


def _grid_columns(console: Console, inner: int) -> tuple[int, int, int]:
    """(left width, gap, right width) of the report's two-column grid at ``inner`` cells,
    read off a probe row of words too long for either column."""
    grid = Table.grid(expand=True, padding=(0, 2))
    # Folded, not cut with an ellipsis as in the report: the width is the same either way.
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row("x" * inner, "y" * inner)
    first = "".join(segment.text for segment in
                    console.render_lines(grid, console.options.update_width(inner))[0])
    left, right = first.count("x"), first.count("y")
    return left, first.index("y") - left, right


def _columns(left: list[str], right: list[str], columns: tuple[int, int, int]) -> list[str]:
    left_width, gap, _ = columns
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    return [f"{a}{' ' * (left_width - len(a) + gap)}{b}" for a, b in zip(left, right,
                                                                       strict=True)]


def _wrap(text: str, width: int, fold: bool = True) -> list[str]:
    """``rich.text.Text.wrap`` for text of one-cell characters: the same lines, unpadded.

    ``fold`` is the "fold" overflow (long words broken across lines); otherwise "ellipsis".
    """
    lines = []
    for line in text.split("\n"):
        offsets = [0, *_breaks(line, width, fold), len(line)]
        for start, end in zip(offsets, offsets[1:], strict=False):
            piece = line[start:end]
            if len(piece) > width:  # Text.rstrip_end, then Text.truncate
                spaces = _TRAILING_SPACE.search(piece)
                if spaces is not None:
                    piece = piece[:len(piece) - min(len(spaces.group()), len(piece) - width)]
                if len(piece) > width:
                    piece = piece[:width] if fold else piece[:width - 1] + "…"
            lines.append(piece)
    return lines


def _breaks(text: str, width: int, fold: bool) -> list[int]:
    """``rich._wrap.divide_line`` where every character is one cell wide."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        word_length = len(word.rstrip())
        if width - offset >= word_length:
            offset += len(word)
        elif word_length > width:
            # A word longer than a line: folded across lines, or left whole to be cut.
            pieces = [word[i:i + width] for i in range(0, len(word), width)] if fold \
                else [word]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
