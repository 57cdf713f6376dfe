"""Write reports without ever leaving a half-written file or overwriting an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.ingest.paths import display_path


def write_atomic(path: str | Path, text: str, *, protected: Iterable[str | Path] = ()) -> None:
    """Write ``text`` to ``path`` via a temporary file and an atomic rename.

    Raises ``InputError`` when ``path`` is one of the ``protected`` inputs or a folder,
    or when it cannot be written; the previous file, if any, is then left untouched.
    """
    target, directory = _target(path, protected)
    handle, temporary = _temporary(target, directory)
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
        raise InputError(f"cannot write {display_path(target)}: {error.strerror}") from None


def check_writable(path: str | Path, *, protected: Iterable[str | Path] = ()) -> None:
    """Raise the ``InputError`` that ``write_atomic(path, ...)`` would, without writing:
    a protected input, a folder, a missing or unwritable folder (a temporary file is made
    there and removed at once, which answers for read-only mounts and permissions alike)."""
    target, directory = _target(path, protected)
    handle, temporary = _temporary(target, directory)
    os.close(handle)
    Path(temporary).unlink(missing_ok=True)


def _target(path: str | Path, protected: Iterable[str | Path]) -> tuple[Path, Path]:
    target = Path(path)
    resolved = target.resolve()
    shown = display_path(resolved)
    for item in protected:
        # Inputs may arrive as shown in reports (undecodable bytes escaped).
        if str(item) != "-" and display_path(Path(item).resolve()) == shown:
            raise InputError(f"refusing to overwrite input file {display_path(target)} "
                             "with the report")
    if target.is_dir():
        raise InputError(f"output path {display_path(target)} is a folder")
    directory = resolved.parent
    if not directory.is_dir():
        raise InputError(f"cannot write {display_path(target)}: folder "
                         f"{display_path(directory)} does not exist")
    return target, directory


def _temporary(target: Path, directory: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {display_path(target)}: {error.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
