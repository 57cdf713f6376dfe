"""Output formats: small renderers from a ``Report`` to text, registered by name.

A formatter is anything with ``name`` and ``render(report, options) -> str``;
built-ins register exactly as an extension would, and ``--format`` choices come
from this registry so they never drift from what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from claimcheck.models import Report


@dataclass(frozen=True)
class RenderOptions:
    width: int = 100
    color: bool = False
    show_dropped: bool = False


class Formatter(Protocol):
    name: str

    def render(self, report: Report, options: RenderOptions) -> str:
        """The whole report as one string."""
        ...


FORMATTERS: dict[str, Callable[[], Formatter]] = {}


def register_formatter(name: str, factory: Callable[[], Formatter]) -> None:
    FORMATTERS[name] = factory


def get_formatter(name: str) -> Formatter:
    from claimcheck.errors import ConfigError

    if name not in FORMATTERS:
        raise ConfigError(f"unknown format {name!r}; choose one of {', '.join(FORMATTERS)}")
    return FORMATTERS[name]()


def _register_builtins() -> None:
    from claimcheck.formats import html, json_format, junit, markdown, sarif, text

    register_formatter("text", text.TextFormatter)
    register_formatter("json", json_format.JsonFormatter)
    register_formatter("markdown", markdown.MarkdownFormatter)
    register_formatter("sarif", sarif.SarifFormatter)
    register_formatter("junit", junit.JUnitFormatter)
    register_formatter("html", html.HtmlFormatter)


_register_builtins()
