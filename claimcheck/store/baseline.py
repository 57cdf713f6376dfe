"""Baselines: conflicts a newsroom has reviewed and accepted, so CI fails only on new ones.

An entry is keyed by ``Conflict.id``, a fingerprint of the kind and the normalised pair
of sentences: not file names, line numbers or the order of the articles, so renaming,
re-wrapping or re-ordering articles does not resurrect an accepted conflict. The file is
JSON sorted by fingerprint, so a re-recorded baseline diffs cleanly in review.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.models import Conflict, Report

SCHEMA = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted conflict, with enough text for a reviewer to recognise it."""

    id: str
    kind: str
    a: str
    b: str
    outlets: tuple[str, ...] = ()
    #: A reviewer's reason for accepting it ("both figures are official, at different dates").
    note: str = ""


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[BaselineEntry, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(entry.id for entry in self.entries)

    def __contains__(self, conflict: object) -> bool:
        return isinstance(conflict, Conflict) and conflict.id in self.ids


def baseline_from_conflicts(conflicts: Iterable[Conflict],
                            previous: Baseline | None = None) -> Baseline:
    """Accept ``conflicts``; notes written on ``previous`` entries that remain are kept."""
    notes = {entry.id: entry.note for entry in previous.entries} if previous else {}
    entries = {}
    for conflict in conflicts:
        entries[conflict.id] = BaselineEntry(
            conflict.id, conflict.kind, conflict.a.sentence.text, conflict.b.sentence.text,
            (conflict.a.outlet, conflict.b.outlet), notes.get(conflict.id, ""))
    return Baseline(tuple(sorted(entries.values(), key=lambda entry: entry.id)))


def baseline_to_json(baseline: Baseline) -> str:
    data = {"schema": SCHEMA, "tool": "claimcheck", "conflicts": [
        {"id": e.id, "kind": e.kind, "a": e.a, "b": e.b, "outlets": list(e.outlets),
         "note": e.note} for e in baseline.entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str | Path, baseline: Baseline, *, protected=()) -> None:
    """Write ``baseline`` atomically (never a half-written file)."""
    from claimcheck.formats.output import write_atomic

    write_atomic(path, baseline_to_json(baseline), protected=protected)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; a missing or malformed file raises ``InputError``."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"baseline {source} does not exist; record one with "
                         f"'claimcheck baseline PATHS -o {source}'") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read baseline {source}: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"baseline {source} is not JSON (line {error.lineno}: "
                         f"{error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("conflicts"), list):
        raise InputError(f"baseline {source} has no 'conflicts' list")
    if data.get("schema", SCHEMA) != SCHEMA:
        raise InputError(f"baseline {source} has schema {data.get('schema')!r}; this "
                         f"claimcheck reads schema {SCHEMA}")
    entries = []
    for number, item in enumerate(data["conflicts"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise InputError(f"baseline {source}: entry {number} has no string 'id'")
        entries.append(BaselineEntry(
            item["id"], str(item.get("kind", "")), str(item.get("a", "")),
            str(item.get("b", "")), tuple(str(o) for o in item.get("outlets") or ()),
            str(item.get("note") or "")))
    return Baseline(tuple(entries))


def new_conflicts(report: Report, baseline: Baseline) -> Report:
    """``report`` without the conflicts ``baseline`` accepted (counted in
    ``hidden_by_baseline``, so a report can say what it does not show)."""
    accepted = baseline.ids
    kept = tuple(c for c in report.conflicts if c.id not in accepted)
    return replace(report, conflicts=kept,
                   hidden_by_baseline=report.hidden_by_baseline + len(report.conflicts) - len(kept))


def failing_conflicts(conflicts: Iterable[Conflict], fail_on: Sequence[str] = ("any",)
                      ) -> tuple[Conflict, ...]:
    """The conflicts that make a gated run fail: all of them with ``any``, else those kinds."""
    kinds = set(fail_on)
    return tuple(c for c in conflicts if "any" in kinds or c.kind in kinds)
