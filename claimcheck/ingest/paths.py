"""File names as text every report can hold: undecodable bytes written as escapes."""

from __future__ import annotations

import os
import re
from pathlib import Path


def display_path(path: str | bytes | Path) -> str:
    """``path`` as text that every report format can hold: undecodable bytes as ``\\xff``."""
    return escape_undecodable(os.fsdecode(path))


def escape_undecodable(text: str) -> str:
    """``text`` with lone surrogates written as backslash escapes.

    A file name's undecodable byte arrives as a surrogate (``os.fsdecode``: ``\\udcff``)
    and becomes ``\\xff``; any other lone surrogate (a JSON ``"\\ud800"``) ``\\ud800``.
    Neither can be written as UTF-8, so each would break a report at its very end.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escaped, text)


def restore_undecodable(text: str) -> str:
    """The inverse of ``escape_undecodable`` for file names: ``\\xff`` back to the byte's
    surrogate, so ``os.fsencode`` gives the file's real name (a SARIF link to it)."""
    return _ESCAPED_BYTE.sub(lambda match: chr(0xDC00 + int(match.group(1), 16)), text)


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
