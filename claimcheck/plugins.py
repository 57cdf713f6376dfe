"""Plug-ins: judges, embedders and report formats, found through entry points.

Each kind has a registry filled from one entry-point group. Built-ins are entry points
too, declared here (a source checkout has no installed metadata) and loaded exactly as
an extension's are; an installed package adds its own in its ``pyproject.toml``::

    [project.entry-points."claimcheck.judges"]
    quotes = "my_package.judges:make_quote_judge"

A judge factory is called with the check's configuration (``claimcheck.config.
CheckConfig``) and returns a judge, or ``None`` when the configuration does not ask
for it; an embedder factory with the configuration and an embedding cache (or
``None``); a format factory with nothing. An extension never replaces a built-in of
the same name. Entry points are loaded only when their plug-in is used, so listing
the names (``--help`` choices) imports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import Any

JUDGES_GROUP = "claimcheck.judges"
EMBEDDERS_GROUP = "claimcheck.embedders"
FORMATS_GROUP = "claimcheck.formats"

BUILTINS: dict[str, tuple[str, ...]] = {
    JUDGES_GROUP: (
        "numeric = claimcheck.judges.builtin:numeric",
        "date = claimcheck.judges.builtin:date",
        "statement = claimcheck.judges.builtin:statement",
        "nli = claimcheck.judges.builtin:nli",
    ),
    EMBEDDERS_GROUP: (
        "hybrid = claimcheck.embed.embed:hybrid",
        "lexical = claimcheck.embed.embed:lexical",
        "semantic = claimcheck.embed.embed:semantic",
    ),
    FORMATS_GROUP: (
        "text = claimcheck.formats.text:TextFormatter",
        "json = claimcheck.formats.json_format:JsonFormatter",
        "markdown = claimcheck.formats.markdown:MarkdownFormatter",
        "sarif = claimcheck.formats.sarif:SarifFormatter",
        "junit = claimcheck.formats.junit:JUnitFormatter",
        "html = claimcheck.formats.html:HtmlFormatter",
    ),
}


def discover(group: str) -> dict[str, EntryPoint]:
    """The built-in entry points of ``group``, then the installed ones, by name."""
    found: dict[str, EntryPoint] = {}
    for line in BUILTINS.get(group, ()):
        name, value = (part.strip() for part in line.split("=", 1))
        found[name] = EntryPoint(name=name, value=value, group=group)
    for point in entry_points(group=group):
        found.setdefault(point.name, point)
    return found


class Registry:
    """Factories by name: the entry points of one group plus ``register``-ed ones."""

    def __init__(self, group: str, kind: str) -> None:
        self.group, self.kind = group, kind
        self._factories: dict[str, Callable[..., Any] | EntryPoint] | None = None

    def _entries(self) -> dict[str, Callable[..., Any] | EntryPoint]:
        if self._factories is None:
            self._factories = dict(discover(self.group))
        return self._factories

    def register(self, name: str, factory: Callable[..., Any]) -> None:
        """Add (or replace) ``name`` for this process, as a notebook or a test may."""
        self._entries()[name] = factory

    def names(self) -> list[str]:
        """Every registered name: built-ins first, in their order, then extensions."""
        return list(self._entries())

    def factory(self, name: str) -> Callable[..., Any]:
        """The factory registered as ``name``, its module imported now.

        Raises:
            ConfigError: no such name, or its extension cannot be imported.
        """
        from claimcheck.errors import ConfigError

        entries = self._entries()
        if name not in entries:
            raise ConfigError(f"unknown {self.kind} {name!r}; choose one of "
                              f"{', '.join(entries)}")
        found = entries[name]
        if isinstance(found, EntryPoint):
            try:
                found = entries[name] = found.load()
            except (ImportError, AttributeError) as error:
                raise ConfigError(f"{self.kind} {name!r} ({found.value}) cannot be loaded: "
                                  f"{error}") from None
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._entries()

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __getitem__(self, name: str) -> Callable[..., Any]:
        return self.factory(name)

    def __len__(self) -> int:
        return len(self._entries())


#: Embedders by name (the ``--embedder`` choices); factories live in ``claimcheck.embed.embed``.
EMBEDDERS = Registry(EMBEDDERS_GROUP, "embedder")
