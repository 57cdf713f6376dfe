"""Output formats: small renderers from a ``Report`` to text, registered by name.

A formatter is anything with ``name`` and ``render(report, options) -> str``;
built-ins are ``claimcheck.formats`` entry points exactly as an extension's are
(``claimcheck.plugins``), and ``--format`` choices come from this registry so they
never drift from what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from claimcheck.models import Report
from claimcheck.plugins import FORMATS_GROUP, Registry


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


#: name -> factory() -> Formatter, from the ``claimcheck.formats`` entry points.
FORMATTERS = Registry(FORMATS_GROUP, "format")


def register_formatter(name: str, factory: Callable[[], Formatter]) -> None:
    """Add a format for this process (installed packages use entry points)."""
    FORMATTERS.register(name, factory)


def get_formatter(name: str) -> Formatter:
    """A new formatter of the format registered as ``name``."""
    return FORMATTERS.factory(name)()
