"""Which extractor produced a stored reading of an article.

A store keeps the quantities and dates read at index time. When claimcheck learns to read
numbers better (a new unit, a "from X to Y" move read as one interval), stored readings go
stale silently unless the store can tell. A hand-bumped version number is forgotten; a
hash of the code and data that decide a reading is not.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from claimcheck import __version__

#: The modules whose code decides what a sentence's quantities and dates are.
EXTRACTION_MODULES = (
    "claimcheck.extract", "claimcheck.quantities", "claimcheck.numbers", "claimcheck.units",
    "claimcheck.quantity_filters", "claimcheck.transitions", "claimcheck.unspecified",
    "claimcheck.dates", "claimcheck.calendar_words", "claimcheck.entities",
    "claimcheck.models",
)
#: The language layer's data files (word lists, concept words): moving a word there from
#: a module must not hide it from the version.
_LANGUAGE_DATA = Path(__file__).parent / "lang"


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """A short hash of claimcheck's version and its extraction code; changes with either.

    The language layer's data files are part of it, with the statement lexicon they hold:
    judges read the lexicon at check time, so a lexicon change only re-reads stored
    articles needlessly, never misses a change.
    """
    digest = hashlib.sha256(__version__.encode())
    for name in EXTRACTION_MODULES:
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            continue
        digest.update(name.encode())
        with open(spec.origin, "rb") as source:
            digest.update(source.read())
    for path in sorted(_LANGUAGE_DATA.rglob("*.toml")):
        digest.update(path.relative_to(_LANGUAGE_DATA).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
