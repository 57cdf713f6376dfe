"""``claimcheck index`` and ``claimcheck store stats|prune``: the persistent archive."""

from __future__ import annotations

import json
import sys

import click

from claimcheck.cli import cli, reports_errors
from claimcheck.cli.options import (
    cache_options,
    config_from_context,
    config_option,
    embedder_options,
    language_option,
    quiet_option,
    store_option,
    strict_option,
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@embedder_options
@language_option
@config_option
@cache_options
@quiet_option
@strict_option
@reports_errors
def index(paths, store_path, embedder, model, language, config_file, cache_dir, no_cache, quiet,
          strict) -> None:
    """Keep the articles in PATHS in a store for later check --against.

    Stores articles, sentences, and extracted quantities and dates; the new sentences'
    embeddings go to the embedding cache, where check --against finds them. Re-indexing
    an unchanged article is a no-op; a changed one (same id) is replaced. Each article
    is one transaction: an interrupted run loses nothing stored.

    \b
    Examples:
      claimcheck index corpus/ --store store.db --embedder lexical
      claimcheck check new-articles/ --against store.db
    """
    from claimcheck import pipeline
    from claimcheck.cli.preflight import check_model, check_store
    from claimcheck.formats.facts import counted
    from claimcheck.store.store import Store

    config = config_from_context(config_file, {"embedder": "embedder", "model": "model",
                                                "language": "language"},
                                 cache_dir=cache_dir, use_cache=not no_cache)
    # Nothing is written when the run is going to fail: the model and the store are
    # checked before any article is read, the store created only once articles are.
    check_model(config.embedder, config.model)
    check_store(store_path, create=True)
    stdin = sys.stdin if "-" in paths else None
    ingested = pipeline.read_articles(paths, config, stdin=stdin, strict=strict)
    if not quiet:
        for warning in ingested.warnings:
            click.echo(f"Warning: {warning}", err=True)
    documents = ingested.documents
    with Store(store_path) as store, _progress(len(documents), quiet) as advance:
        result = pipeline.index(documents, store, config,
                                on_article=lambda document, state: advance(state))
    if not quiet:
        click.echo(f"Indexed {counted(len(documents), 'article')} into {store_path}: "
                   f"{result.added} added, {result.updated} updated, {result.unchanged} "
                   f"unchanged; {counted(result.embedded, 'sentence')} embedded."
                   + (f" {counted(result.reextracted, 'stored article')} re-read with this "
                      "version's extractor." if result.reextracted else ""))


@cli.group()
def store() -> None:
    """Inspect and maintain a store made by claimcheck index."""


@store.command()
@store_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@reports_errors
def stats(store_path, output_format) -> None:
    """Count what a store holds.

    \b
    Example:
      claimcheck store stats --store store.db
    """
    from dataclasses import asdict

    from claimcheck.formats.facts import counted
    from claimcheck.store.store import Store

    with Store(store_path, create=False) as opened:
        facts = opened.stats()
    if output_format == "json":
        click.echo(json.dumps(asdict(facts), indent=2))
        return
    rows = [("Store", facts.path), ("Schema", str(facts.schema_version)),
            ("Articles", f"{facts.articles} from {counted(facts.outlets, 'outlet')}"),
            ("Published", f"{facts.oldest or '-'} to {facts.newest or '-'}"),
            ("Sentences", str(facts.sentences)), ("Quantities", str(facts.quantities)),
            ("Size", f"{facts.size_bytes:,} bytes")]
    for label, value in rows:
        click.echo(f"{label + ':':<12}{value}")


@store.command()
@store_option
@click.option("--before", required=True, type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Delete articles published (else indexed) before this date, YYYY-MM-DD.")
@reports_errors
def prune(store_path, before) -> None:
    """Delete old articles (and their sentences) from a store.

    \b
    Example:
      claimcheck store prune --before 2021-01-01 --store store.db
    """
    from claimcheck.store.store import Store

    with Store(store_path, create=False) as opened:
        removed = opened.prune(before.date())
    click.echo(f"Pruned {removed} articles published before {before.date().isoformat()} "
               f"from {store_path}.")


def _progress(total: int, quiet: bool):
    """A rich progress bar on a terminal's stderr; a silent counter otherwise."""
    from contextlib import contextmanager, nullcontext

    if quiet or not sys.stderr.isatty():
        return nullcontext(lambda state: None)

    @contextmanager
    def bar():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
                      console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("index", total=total)
            yield lambda state: progress.advance(task)
    return bar()
