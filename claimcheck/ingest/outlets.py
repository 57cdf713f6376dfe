"""Which outlet an article comes from when its metadata does not say: its dateline, its URL."""

from __future__ import annotations

import re

# "telusur.co.id -", "Kabul, Gatra.com -", "SuaraJawaTengah.id -": a web domain before a dash.
_DOMAIN_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w'’. ]{1,40},\s*)?"
    r"(?P<outlet>[A-Za-z0-9][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:[a-z]{2,12}))"
    r"\s*[-–—]+\s+"
)
# "KABUL (Reuters) -", "Jakarta (ANTARA) -", "BERLIN, 3. Mai (dpa) -": an agency in brackets.
_AGENCY_DATELINE = re.compile(
    r"^\s*[A-ZÄÖÜ][\w'’., ]{1,60}?\((?P<outlet>[A-Za-z][\w .&/-]{1,30})\)\s*[-–—:]+\s+"
)


def outlet_from_dateline(text: str) -> str | None:
    """The outlet named in an article's dateline, if its first lines have one."""
    checked = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        for pattern in (_DOMAIN_DATELINE, _AGENCY_DATELINE):
            match = pattern.match(line)
            if match:
                return match.group("outlet").strip()
        checked += 1
        if checked >= 6:
            break
    return None


def dateline_length(text: str) -> int:
    """Characters of ``text`` taken by a leading dateline ("Kabul, Gatra.com - "), else 0."""
    for pattern in (_DOMAIN_DATELINE, _AGENCY_DATELINE):
        match = pattern.match(text)
        if match:
            return match.end()
    match = re.match(r"^\s*[A-Z][A-Za-z'’. ]{1,30}\s+[-–—]+\s+(?=[A-Z“\"])", text)
    return match.end() if match else 0


def outlet_from_url(url: object) -> str | None:
    """``https://www.example.com/a/b`` -> ``example.com``; None without a host."""
    if not url or not isinstance(url, str):
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        if host and host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host or None


# The same outlet's desktop, mobile and AMP pages.
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
