"""Conflict judges: small pluggable objects that look at one candidate pair.

A judge is anything with a ``name`` and ``judge(a, b, context) -> Conflict | None``.
Built-ins register themselves in ``JUDGES`` exactly as an extension would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from claimcheck.models import Claim, Conflict, PairContext


@runtime_checkable
class Judge(Protocol):
    name: str

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        """Return a conflict between ``a`` and ``b``, or ``None`` when they do not clash."""
        ...


#: name -> factory; factories keep heavy imports out of ``claimcheck --help``.
JUDGES: dict[str, Callable[[], Judge]] = {}


def register_judge(name: str, factory: Callable[[], Judge]) -> None:
    JUDGES[name] = factory


def default_judges() -> list[Judge]:
    """One instance of every registered judge, in registration order."""
    _load_builtins()
    return [factory() for factory in JUDGES.values()]


def _load_builtins() -> None:
    # Importing the modules registers them; done lazily so the registry stays cheap.
    from claimcheck.judges import dates, numeric, statement  # noqa: F401
