"""``claimcheck baseline``: record the conflicts a newsroom accepts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli import cli, reports_errors
from claimcheck.cli.options import (
    against_option,
    cache_options,
    config_from_context,
    config_option,
    embedder_options,
    language_option,
    min_score_option,
    quiet_option,
    strict_option,
)

DEFAULT_BASELINE = "claimcheck-baseline.json"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(),
              help=f"Baseline file to write (default: the configured baseline, else "
                   f"{DEFAULT_BASELINE}).")
@click.option("--note", help="Reviewer's note for newly accepted conflicts (kept notes stay).")
@embedder_options
@language_option
@min_score_option
@against_option
@config_option
@cache_options
@quiet_option
@strict_option
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

    from claimcheck import pipeline
    from claimcheck.cli.check import _with_progress
    from claimcheck.cli.preflight import preflight
    from claimcheck.store.baseline import (
        Baseline,
        baseline_from_conflicts,
        load_baseline,
        write_baseline,
    )

    config = config_from_context(config_file, {
        "embedder": "embedder", "model": "model", "language": "language",
        "min_score": "min_score", "output": "baseline"}, cache_dir=cache_dir,
        use_cache=not no_cache)
    target = Path(config.baseline or DEFAULT_BASELINE)
    previous = load_baseline(target) if target.is_file() else None
    preflight(config, output=target, against=against,
              protected=(*paths, *([against] if against else [])))
    stdin = sys.stdin if "-" in paths else None
    report = _with_progress(lambda hook, lines: pipeline.check(
        paths, config, against=against, stdin=stdin, on_stage=hook, strict=strict,
        on_progress=lines), quiet)
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
