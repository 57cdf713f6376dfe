"""``claimcheck extract``: see every quantity and date claimcheck read."""

from __future__ import annotations

import shutil
import sys

import click

from claimcheck.cli import cli, reports_errors
from claimcheck.cli.options import language_option, output_option


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@language_option
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True)
@output_option
@reports_errors
def extract(paths, language, output_format, output) -> None:
    """Show, sentence by sentence, every quantity and date found in PATHS.

    \b
    Examples:
      claimcheck extract corpus/000_904dd51bb35e31f8.txt
      claimcheck extract corpus/ --format json
    """
    from claimcheck import pipeline
    from claimcheck.config import CheckConfig
    from claimcheck.formats.extraction import render_extraction_json, render_extraction_table
    from claimcheck.formats.output import check_writable, write_atomic

    if output:  # before reading: an unwritable path fails at once, not after the work
        check_writable(output, protected=paths)
    stdin = sys.stdin if "-" in paths else None
    config = CheckConfig().override(language=language)
    extraction = pipeline.extract(paths, config, stdin=stdin)
    for warning in extraction.warnings:
        click.echo(f"Warning: {warning}", err=True)
    segmented, claims = list(extraction.documents), list(extraction.claims)
    if output_format == "json":
        text = render_extraction_json(segmented, claims)
    else:
        terminal = output is None and sys.stdout.isatty()
        text = render_extraction_table(segmented, claims,
                                       width=shutil.get_terminal_size()[0] if terminal else 100,
                                       color=terminal)
    if output:
        write_atomic(output, text, protected=paths)
    else:
        click.echo(text, nl=False)
