"""Which extractor produced a stored reading of an article.

A store keeps the quantities and dates read at index time. When claimcheck learns to read
numbers better (a new unit, a "from X to Y" move read as one interval), stored readings go
stale silently unless the store can tell. A hand-bumped version number is forgotten, and a
hand-kept list of modules misses the next one; a hash of every file of this package (the
``extract`` stage), of the records it fills and of the language data is neither.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from claimcheck import __version__

#: The extract stage: every Python file under it decides what a sentence's quantities and
#: dates are, a module added tomorrow included.
_PACKAGE = Path(__file__).parent
#: The records the readings are kept as.
_MODELS = _PACKAGE.parent / "models.py"
#: The language layer's data and its reader: moving a word there from a module must not
#: hide it from the version.
_LANGUAGE_DATA = _PACKAGE.parent / "lang"


def extraction_sources() -> list[tuple[str, Path]]:
    """The files the version hashes, each with its name, in a fixed order."""
    code = [(f"extract/{path.relative_to(_PACKAGE).as_posix()}", path)
            for path in sorted(_PACKAGE.rglob("*.py"))]
    language = [(f"lang/{path.relative_to(_LANGUAGE_DATA).as_posix()}", path)
                for path in sorted(_LANGUAGE_DATA.rglob("*")) if path.suffix in (".py", ".toml")]
    return [*code, ("models.py", _MODELS), *language]


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """A short hash of claimcheck's version and its extraction code; changes with either.

    The language layer's data files are part of it, with the statement lexicon they hold:
    judges read the lexicon at check time, so a lexicon change only re-reads stored
    articles needlessly, never misses a change.
    """
    digest = hashlib.sha256(__version__.encode())
    for name, path in extraction_sources():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
