"""Conflict judges: small pluggable objects that look at one candidate pair.

A judge has a ``name``, ``judge(a, b, context) -> Conflict | None`` and
``verdict(a, b, context) -> Verdict`` (``compare``'s fuller answer; a judge that
subclasses ``Judge`` inherits one read from ``judge``). Judges come from the
``claimcheck.judges`` entry points (``claimcheck.plugins``): built-ins and extensions
alike, each a factory called with the check's configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from claimcheck.judges.verdict import Verdict
from claimcheck.models import Claim, Conflict, PairContext
from claimcheck.plugins import JUDGES_GROUP, Registry


@runtime_checkable
class Judge(Protocol):
    name: str

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        """Return a conflict between ``a`` and ``b``, or ``None`` when they do not clash."""
        ...

    def verdict(self, a: Claim, b: Claim, context: PairContext) -> Verdict:
        """What this judge makes of the pair: a contradiction (from ``judge``), else
        "unrelated"; a judge that can also tell agreement overrides this."""
        conflict = self.judge(a, b, context)
        if conflict is None:
            return Verdict(self.name, "unrelated", 0.0, "no conflict found")
        return Verdict(self.name, "contradiction", conflict.score, conflict.explanation,
                       conflict)


#: name -> factory(config) -> Judge | None; ``None``: the configuration does not ask for it.
JUDGES = Registry(JUDGES_GROUP, "judge")


def register_judge(name: str, factory: Callable[[Any], Judge | None]) -> None:
    """Add a judge factory for this process (installed packages use entry points)."""
    JUDGES.register(name, factory)


def default_judges(config=None, names: tuple[str, ...] | None = None) -> list[Judge]:
    """Every judge the configuration asks for, in registration order.

    Args:
        config: a ``CheckConfig``; the defaults when ``None``.
        names: only these judges (``CheckConfig.judges`` when ``None``); all when both are.

    Raises:
        ConfigError: a name that no judge is registered under.
    """
    from claimcheck.config import CheckConfig
    from claimcheck.errors import ConfigError

    config = config or CheckConfig()
    names = names if names is not None else config.judges
    if names is not None:
        unknown = sorted(set(names) - set(JUDGES))
        if unknown:
            raise ConfigError(f"unknown judge {unknown[0]!r}; choose from "
                              f"{', '.join(JUDGES)}")
    judges = []
    for name in JUDGES:
        if names is None or name in names:
            judge = JUDGES.factory(name)(config)
            if judge is not None:
                judges.append(judge)
    return judges
