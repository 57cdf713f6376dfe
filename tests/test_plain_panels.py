"""The plain-text conflict panels write exactly what rich's layout writes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from claimcheck.formats import RenderOptions, get_formatter
from claimcheck.formats.plain_panels import PlainPanels, RawLines
from claimcheck.formats.text import _conflict_panel
from claimcheck.models import Claim, Conflict, Quantity, Sentence
from tests.report_fixtures import EVIL, THURSDAY, TROOPS_650, TROOPS_3000, make_report

LONG_WORD = "Pertanggungjawabannya" * 4
TEXTS = [
    TROOPS_3000, TROOPS_650, THURSDAY, EVIL,
    f"Kata {LONG_WORD} muncul di tengah kalimat yang cukup panjang untuk dilipat.",
    LONG_WORD,
    "Spasi   berlebih    di  tengah dan di akhir      ",
    "   Spasi di awal kalimat dan tanda baca — “kutipan” … serta Größe, café, naïve.",
    "x",
    "Kalimat dengan angka 1.234.567,89 dan tanda-tanda-hubung-yang-sangat-panjang-sekali-"
    "tanpa-spasi-apapun-di-antaranya-sampai-habis.",
]
# Text the fast path must leave to rich (wide, zero-width, control, tab, line break).
FALLBACK = ["東京で会議が開かれた。", "tab\there", "combining e\u0301", "line\nbreak",
            "zero\u200bwidth"]


def _conflict(a: str, b: str, explanation: str, *, outlet: str = "telusur.co.id",
              published: date | None = date(2021, 8, 13), detail: str | None = "qualifier",
              judge: str = "numeric") -> Conflict:
    quantity = Quantity("3.000", 0, 5, 3000.0, 3000.0, 3000.0, unit="troops")
    left = Claim(Sentence("telusur", 12, a, "id"), outlet, published, (quantity,))
    right = Claim(Sentence("gatra-with-a-long-document-id", 3, b, "id"), "Gatra.com", None)
    return Conflict("numeric", 0.8123, explanation, left, right, judge, (quantity,), (),
                    topic=1, detail=detail)


def _conflicts() -> list[Conflict]:
    conflicts = []
    for i, a in enumerate(TEXTS):
        b = TEXTS[(i * 3 + 1) % len(TEXTS)]
        conflicts.append(_conflict(a, b, f"{a} vs {b}: same unit, different amounts"))
    conflicts.append(_conflict("a", "b", LONG_WORD * 3, outlet="O" * 70, detail=None,
                               judge="an-extension-judge-with-a-long-name"))
    return conflicts


def _by_rich(conflict: Conflict, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(_conflict_panel(conflict, width))
    return console.file.getvalue()


def _by_plain(conflict: Conflict, width: int) -> str | None:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    lines = PlainPanels(console, width >= 100).panel(conflict)
    if lines is None:
        return None
    console.print(RawLines(lines))
    return console.file.getvalue()


@pytest.mark.parametrize("width", [20, 33, 60, 80, 99, 100, 101, 117, 160])
def test_plain_panels_match_rich(width):
    for conflict in _conflicts():
        plain = _by_plain(conflict, width)
        assert plain is not None, conflict.a.sentence.text
        assert plain == _by_rich(conflict, width), conflict.a.sentence.text


@pytest.mark.parametrize("text", FALLBACK)
def test_text_rich_measures_differently_is_left_to_rich(text):
    conflict = _conflict(text, TROOPS_650, "why")
    assert _by_plain(conflict, 100) is None
    report = make_report()
    report = type(report)(report.documents, report.claims, report.topics, (conflict,),
                          report.embedder)
    rendered = get_formatter("text").render(report, RenderOptions(width=100))
    assert _by_rich(conflict, 100) in rendered


def test_colour_and_narrow_consoles_use_rich():
    assert PlainPanels.for_console(Console(file=io.StringIO(), width=100,
                                           color_system="truecolor", force_terminal=True),
                                   True) is None
    assert PlainPanels.for_console(Console(file=io.StringIO(), width=19, color_system=None),
                                   False) is None
    assert PlainPanels.for_console(Console(file=io.StringIO(), width=80, color_system=None),
                                   False) is not None
