"""The ``claimcheck`` command: a thin click layer over the library (the only click code).

One module per command family; each registers on the ``cli`` group defined here, and
takes its shared options from ``claimcheck.cli.options``. Each command parses its
options, builds the one ``CheckConfig``, calls ``claimcheck.pipeline`` and renders.

Exit codes: 0 no conflicts, 1 conflicts found, 2 usage or input error. Errors are one
line on stderr, never a traceback (set CLAIMCHECK_DEBUG=1 to see one).
"""

from __future__ import annotations

import functools
import os
import sys

import click

from claimcheck import __version__

EXIT_CONFLICTS = 1
EXIT_ERROR = 2


def reports_errors(command):
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from claimcheck.errors import ClaimcheckError

        try:
            return command(*args, **kwargs)
        except ClaimcheckError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as error:  # noqa: BLE001 - the promise is: never a traceback
            if os.environ.get("CLAIMCHECK_DEBUG"):
                raise
            message = str(error).strip().splitlines()[0] if str(error).strip() else ""
            click.echo(f"Error: unexpected {type(error).__name__}: {message} "
                       "(set CLAIMCHECK_DEBUG=1 for details)", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Find where news outlets contradict each other.

    Reads articles (.txt, .md, .html, .jsonl, or JSONL on stdin as -) from several
    outlets, groups their sentences by topic, and reports conflicting numbers, dates
    and statements with a score and an explanation you can check.
    """


def main() -> None:
    cli(prog_name="claimcheck")


# Command modules register themselves on ``cli`` when imported.
from claimcheck.cli import baseline as _baseline  # noqa: E402,F401
from claimcheck.cli import check as _check  # noqa: E402,F401
from claimcheck.cli import compare as _compare  # noqa: E402,F401
from claimcheck.cli import extract as _extract  # noqa: E402,F401
from claimcheck.cli import store as _store  # noqa: E402,F401
