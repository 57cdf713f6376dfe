"""``claimcheck check``: the report and the CI gate."""

from __future__ import annotations

import shutil
import sys
import time

import click

from claimcheck.cli import EXIT_CONFLICTS, cli, reports_errors
from claimcheck.cli.options import (
    against_option,
    article_size_options,
    cache_options,
    config_from_context,
    config_option,
    embedder_options,
    format_choices,
    language_option,
    min_score_option,
    nli_model_option,
    output_option,
    quiet_option,
    strict_option,
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(format_choices()),
              default="text", show_default=True, help="Report format.")
@output_option
@embedder_options
@language_option
@min_score_option
@click.option("--show-dropped", is_flag=True, help="List the page furniture that was dropped.")
@click.option("--width", type=click.IntRange(60, 400),
              help="Width of the text report (default: the terminal's, else 100).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when conflicts are found.")
@nli_model_option
@cache_options
@quiet_option
@article_size_options
@click.option("--fail-on", multiple=True, metavar="any|numeric|unspecified|date|statement",
              help="Which conflicts make the exit code 1 (repeat or comma-separate; "
                   "default: any).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report and fail only on conflicts not accepted in this baseline file.")
@against_option
@config_option
@strict_option
@reports_errors
def check(paths, output_format, output, embedder, model, language, min_score, show_dropped,
          width, exit_zero, nli_model, cache_dir, no_cache, quiet, max_article_size, oversize,
          fail_on, baseline_file, against, config_file, strict) -> None:
    """Check articles in PATHS for conflicts between outlets.

    \b
    Examples:
      claimcheck check corpus/
      claimcheck check corpus/ --format json -o report.json
      cat batch.jsonl | claimcheck check - --embedder lexical
    """
    from claimcheck import pipeline
    from claimcheck.cli.preflight import preflight
    from claimcheck.store.baseline import failing_conflicts, load_baseline, new_conflicts

    config = config_from_context(config_file, {
        "output_format": "format", "embedder": "embedder", "model": "model",
        "language": "language", "min_score": "min_score", "fail_on": "fail_on",
        "baseline_file": "baseline", "max_article_size": "max_article_size",
        "oversize": "oversize"}, cache_dir=cache_dir, use_cache=not no_cache,
        nli_model=nli_model)
    if config.model and config.embedder == "lexical" and not quiet:
        click.echo(f"Warning: model {config.model!r} is not used: the lexical embedder "
                   "has no model", err=True)
    accepted = load_baseline(config.baseline) if config.baseline else None
    preflight(config, output=output, against=against,
              protected=(*paths, *(p for p in (config.baseline, against) if p)))
    stdin = sys.stdin if "-" in paths else None
    report = _with_progress(lambda hook, lines: pipeline.check(
        paths, config, against=against, stdin=stdin, on_stage=hook, strict=strict,
        on_progress=lines), quiet)
    if accepted is not None:
        report = new_conflicts(report, accepted)
    if not quiet:
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
    _emit(report, config.format or output_format, output, show_dropped, width,
          protected=(*paths, *(p for p in (config.baseline, against) if p),
                     *(seg.document.path for seg in report.documents)))
    if failing_conflicts(report.conflicts, config.fail_on) and not exit_zero:
        sys.exit(EXIT_CONFLICTS)


def _emit(report, output_format: str, output: str | None, show_dropped: bool,
          width: int | None = None, protected=()) -> None:
    from claimcheck.formats import RenderOptions, get_formatter
    from claimcheck.formats.output import write_atomic
    from claimcheck.gc_pause import paused_collector

    to_terminal = output is None and sys.stdout.isatty()
    if width is None:
        width = max(60, shutil.get_terminal_size()[0]) if to_terminal else 100
    options = RenderOptions(width=width, color=to_terminal, show_dropped=show_dropped)
    with paused_collector():  # claimcheck.gc_pause: 0.25 s of 0.65 at 4,000 conflicts
        text = get_formatter(output_format).render(report, options)
    if output:
        write_atomic(output, text, protected=protected)
    else:
        click.echo(text, nl=False)


#: A run shorter than this prints no stage lines: a small batch's log stays clean.
PROGRESS_AFTER_S = 5.0


def _with_progress(run, quiet: bool):
    """Stage lines on stderr once a run is long, for logs; a status line on a terminal.

    ``run(on_stage, on_progress)`` does the work. Nothing is shown with ``quiet``.
    """
    if quiet:
        return run(None, None)
    lines = _StageLines(lambda line: click.echo(line, err=True))
    if not sys.stderr.isatty():
        return run(None, lines)
    from rich.console import Console

    console = Console(stderr=True)
    lines.echo = lambda line: console.print(line, markup=False, highlight=False)
    with console.status("reading articles") as status:
        return run(lambda stage: status.update(f"{stage}..."), lines)


class _StageLines:
    """Each finished stage's line, held back until the run has lasted ``PROGRESS_AFTER_S``."""

    def __init__(self, echo) -> None:
        self.echo = echo
        self.started = time.perf_counter()
        self.held: list[str] = []

    def __call__(self, line: str) -> None:
        self.held.append(line)
        if time.perf_counter() - self.started >= PROGRESS_AFTER_S:
            for held in self.held:
                self.echo(held)
            self.held.clear()
