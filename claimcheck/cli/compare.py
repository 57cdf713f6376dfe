"""``claimcheck compare``: ask the judges about one pair of sentences, or a file of pairs."""

from __future__ import annotations

import json
from datetime import date

import click

from claimcheck.cli import cli, reports_errors
from claimcheck.cli.options import nli_model_option


@cli.command()
@click.argument("sentences", nargs=-1)
@click.option("--pairs", "pairs_file", type=click.File("r", encoding="utf-8"),
              help='JSONL of {"a", "b", "language"?, "a_date"?, "b_date"?}; - for stdin.')
@click.option("--language", metavar="CODE", help="Language of both sentences (default: detected).")
@click.option("--a-date", type=click.DateTime(["%Y-%m-%d"]), help="Publication date of A.")
@click.option("--b-date", type=click.DateTime(["%Y-%m-%d"]), help="Publication date of B.")
@nli_model_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@reports_errors
def compare(sentences, pairs_file, language, a_date, b_date, nli_model, output_format) -> None:
    """Judge whether SENTENCE_A and SENTENCE_B contradict each other, and why.

    \b
    Examples:
      claimcheck compare "Kedutaan kami tetap buka." "Kedutaan tidak ditutup."
      claimcheck compare --pairs pairs.jsonl --format json
    """
    from claimcheck import pipeline
    from claimcheck.config import CheckConfig
    from claimcheck.errors import InputError

    if pairs_file is not None:
        if sentences:
            raise InputError("give either two sentences or --pairs FILE, not both")
        pairs = list(_read_pairs(pairs_file, language))
    elif len(sentences) == 2:
        pairs = [{"a": sentences[0], "b": sentences[1], "language": language,
                  "a_date": a_date.date() if a_date else None,
                  "b_date": b_date.date() if b_date else None}]
    else:
        raise click.UsageError("give exactly two sentences, or --pairs FILE")
    comparisons = pipeline.compare(pairs, CheckConfig(nli_model=nli_model))
    if output_format == "json":
        click.echo(json.dumps([c.to_dict() for c in comparisons], ensure_ascii=False, indent=2))
        return
    for number, comparison in enumerate(comparisons, start=1):
        data = comparison.to_dict()
        prefix = f"{number}. " if len(comparisons) > 1 else ""
        kind = f" ({data['kind']})" if data.get("kind") else ""
        click.echo(f"{prefix}{data['relation']}{kind}, score {data['score']:.2f}: "
                   f"{data['explanation']}")


def _read_pairs(stream, language):
    from claimcheck.errors import InputError

    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{stream.name}:{number}: malformed JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("a"), str) \
                or not isinstance(record.get("b"), str):
            raise InputError(f'{stream.name}:{number}: expected {{"a": ..., "b": ...}} strings')
        pair = {"a": record["a"], "b": record["b"],
                "language": record.get("language") or language}
        for key in ("a_date", "b_date"):
            value = record.get(key)
            try:
                pair[key] = date.fromisoformat(value[:10]) if value else None
            except (TypeError, ValueError):
                raise InputError(f"{stream.name}:{number}: {key} {value!r} is not an ISO "
                                 "date") from None
        yield pair
