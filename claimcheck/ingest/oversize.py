"""Articles too large to be one article: skipped or cut, with a warning naming each.

Scraped input sometimes holds a whole site dump in one ``text`` field. Checking it costs
time linear in its size (claimcheck.segment.sentences), but megabytes of one "article" are
rarely news: above the limit (2 MB of text by default; ``--max-article-size``,
``max_article_size`` in a config file) an article is skipped, or cut at the last
paragraph or sentence break before the limit when the user asks for ``truncate``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.errors import ConfigError
from claimcheck.models import Document

DEFAULT_LIMIT = 2_000_000
OVERSIZE_CHOICES = ("skip", "truncate")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|m|mb|g|gb)\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9,
            "gb": 10**9}
# Where a cut may fall, best first: a blank line, a line break, a sentence's end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def parse_size(value: str | int) -> int:
    """``"2MB"`` -> 2,000,000 (characters of text; k, M, G are powers of 1,000)."""
    if isinstance(value, bool):
        raise ConfigError(f"not a size: {value!r} (write it like 2MB or 500kB)")
    if isinstance(value, int):
        number, unit = float(value), ""
    else:
        match = _SIZE.match(str(value))
        if not match:
            raise ConfigError(f"not a size: {value!r} (write it like 2MB or 500kB)")
        number, unit = float(match[1]), match[2].lower()
    size = int(number * _FACTORS[unit])
    if size < 1:
        raise ConfigError(f"the article size limit must be at least 1 character, not {value!r}")
    return size


def limit_article_sizes(documents: Sequence[Document], limit: int | None,
                        oversize: str = "skip") -> tuple[list[Document], list[str]]:
    """``documents`` within ``limit`` characters of text, and a warning per one that was not."""
    if oversize not in OVERSIZE_CHOICES:
        raise ConfigError(f"oversize must be one of {', '.join(OVERSIZE_CHOICES)}, "
                          f"not {oversize!r}")
    if limit is None:
        return list(documents), []
    kept: list[Document] = []
    warnings: list[str] = []
    for document in documents:
        size = len(document.text)
        if size <= limit:
            kept.append(document)
            continue
        where = f"article {document.id} ({document.path})" if document.path != document.id \
            else f"article {document.id}"
        over = f"{where} has {_human(size)} of text, over the {_human(limit)} limit"
        if oversize == "skip":
            warnings.append(f"{over}: skipped (raise --max-article-size, or --oversize "
                            "truncate to check its beginning)")
            continue
        text = _cut(document.text, limit)
        kept.append(replace(document, text=text))
        warnings.append(f"{over}: checked only its first {_human(len(text))}")
    return kept, warnings


def _cut(text: str, limit: int) -> str:
    head = text[:limit]
    for mark in _BREAKS:
        at = head.rfind(mark, limit // 2)
        if at > 0:
            return head[:at + len(mark)].rstrip()
    return head


def _human(size: int) -> str:
    for factor, unit in ((10**9, "GB"), (10**6, "MB"), (10**3, "kB")):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{size} characters"
