"""The report's header facts as words, shared by the text, Markdown and HTML formats."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 outlet``, ``2 outlets``, ``0 topics``."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def articles_line(facts: dict) -> str:
    """``5 from 5 outlets``; with a store, ``2 from 2 outlets, against 3 stored articles``."""
    line = f"{facts['articles']} from {counted(facts['outlets'], 'outlet')}"
    if facts.get("archive_articles"):
        line += f", against {counted(facts['archive_articles'], 'stored article')}"
    return line


def sentences_line(facts: dict, pairs: bool = True) -> str:
    """``88 in 17 topics, 463 cross-outlet pairs judged`` (without the pairs if asked)."""
    line = f"{facts['sentences']} in {counted(facts['topics'], 'topic')}"
    if pairs:
        line += f", {counted(facts['candidate_pairs'], 'cross-outlet pair')} judged"
    return line


def conflicts_line(facts: dict, kinds: bool = True) -> str:
    """``2 (1 date, 1 numeric)``; ``none new; 6 known, hidden by the baseline``."""
    hidden = facts.get("hidden_by_baseline", 0)
    known = f"{hidden} known, hidden by the baseline"
    if hidden and not facts["conflicts"]:
        return f"none new; {known}"
    line = str(facts["conflicts"])
    if kinds:
        line += " (" + (", ".join(f"{count} {kind}" for kind, count in sorted(
            facts["conflicts_by_kind"].items())) or "none") + ")"
    return line + (f"; {known}" if hidden else "")


def no_conflicts_line(facts: dict) -> str:
    """What a report with no conflicts to show says instead."""
    hidden = facts.get("hidden_by_baseline", 0)
    if hidden:
        return f"No new conflicts: {hidden} known, hidden by the baseline."
    return "No conflicts found between outlets."
