"""Write reports without ever leaving a half-written file or overwriting an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import InputError


def write_atomic(path: str | Path, text: str, *, protected: Iterable[str | Path] = ()) -> None:
    """Write ``text`` to ``path`` via a temporary file and an atomic rename.

    Raises ``InputError`` when ``path`` is one of the ``protected`` inputs or a folder,
    or when it cannot be written; the previous file, if any, is then left untouched.
    """
    target = Path(path)
    resolved = target.resolve()
    for item in protected:
        if str(item) != "-" and Path(item).resolve() == resolved:
            raise InputError(f"refusing to overwrite input file {target} with the report")
    if target.is_dir():
        raise InputError(f"output path {target} is a folder")
    directory = resolved.parent
    if not directory.is_dir():
        raise InputError(f"cannot write {target}: folder {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot write {target}: {error.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
