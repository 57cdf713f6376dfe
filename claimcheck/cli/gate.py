"""``claimcheck baseline`` and the settings the gate options share with ``check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli import EMBEDDER_CHOICES, STRICT_OPTION, cli, reports_errors

DEFAULT_BASELINE = "claimcheck-baseline.json"


def settings_from_context(config_file: str | None, names: dict[str, str]):
    """File settings overridden by the options the user actually typed.

    ``names`` maps a click parameter name to a settings key; an option left at its
    default does not override the file (``--format`` defaults to text, a config file
    may say sarif).
    """
    from click.core import ParameterSource

    from claimcheck.config import load_settings

    context = click.get_current_context()
    given = {}
    for parameter, key in names.items():
        source = context.get_parameter_source(parameter)
        value = context.params.get(parameter)
        if source in (None, ParameterSource.DEFAULT) or value is None or value == ():
            continue
        given[key] = ",".join(value) if isinstance(value, tuple) else value
    return load_settings(config_file).override(**given)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(),
              help=f"Baseline file to write (default: the configured baseline, else "
                   f"{DEFAULT_BASELINE}).")
@click.option("--note", help="Reviewer's note for newly accepted conflicts (kept notes stay).")
@click.option("--embedder", type=click.Choice(EMBEDDER_CHOICES), default="hybrid",
              show_default=True, help="As for check.")
@click.option("--model", metavar="NAME_OR_PATH", help="As for check.")
@click.option("--language", metavar="CODE", help="As for check.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Accept only conflicts scoring at least this.")
@click.option("--against", type=click.Path(dir_okay=False), metavar="FILE.db",
              help="Check against a store, as for check.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Settings file (default: claimcheck.toml or pyproject.toml, searched "
                   "upwards).")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="As for check.")
@click.option("--no-cache", is_flag=True, help="As for check.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary line.")
@STRICT_OPTION
@reports_errors
def baseline(paths, output, note, embedder, model, language, min_score, against, config_file,
             cache_dir, no_cache, quiet, strict) -> None:
    """Record the conflicts in PATHS as accepted, so check --baseline fails only on new ones.

    Entries are keyed by a fingerprint of the normalised pair of sentences: renaming,
    re-ordering or re-wrapping articles does not resurrect them. Notes written in an
    existing baseline file are kept for the conflicts that remain.

    \b
    Examples:
      claimcheck baseline corpus/ -o claimcheck-baseline.json
      claimcheck check corpus/ --baseline claimcheck-baseline.json
    """
    from dataclasses import replace

    from claimcheck.baseline import (
        Baseline,
        baseline_from_conflicts,
        load_baseline,
        write_baseline,
    )
    from claimcheck.cli.check import _with_progress
    from claimcheck.gate import check_batch
    from claimcheck.preflight import preflight

    settings = settings_from_context(config_file, {
        "embedder": "embedder", "model": "model", "language": "language",
        "min_score": "min_score", "output": "baseline"})
    target = Path(settings.baseline or DEFAULT_BASELINE)
    config = settings.check_config(cache_dir=cache_dir, use_cache=not no_cache)
    previous = load_baseline(target) if target.is_file() else None
    preflight(config, output=target, against=against,
              protected=(*paths, *([against] if against else [])))
    stdin = sys.stdin if "-" in paths else None
    report = _with_progress(lambda hook, lines: check_batch(
        paths, config, outlets=settings.outlets, against=against, stdin=stdin,
        on_stage=hook, strict=strict, on_progress=lines), quiet)
    if not quiet:
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
    accepted = baseline_from_conflicts(report.conflicts, previous)
    if note:
        accepted = Baseline(tuple(entry if entry.note else replace(entry, note=note)
                                  for entry in accepted.entries))
    write_baseline(target, accepted, protected=(
        *paths, *([against] if against else []), *(s.document.path for s in report.documents)))
    if not quiet:
        kept = sum(1 for entry in accepted.entries if previous and entry.id in previous.ids)
        click.echo(f"Recorded {len(accepted.entries)} accepted conflicts in {target} "
                   f"({kept} already there).", err=True)
