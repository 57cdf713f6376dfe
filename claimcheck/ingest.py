"""Read articles from files, folders and JSONL into ``Document`` records.

Supported: ``.txt`` and ``.md`` (optionally with a ``---`` front-matter block),
``.html``/``.htm`` (article text extracted by trafilatura), ``.jsonl`` (one article
per line) and ``-`` for JSONL on standard input.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from claimcheck.errors import InputError
from claimcheck.models import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("id", "outlet", "url", "published", "language", "title")

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


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    #: One line per file that was skipped, naming it and why.
    warnings: list[str] = field(default_factory=list)


def read_documents(paths: Sequence[str | Path], stdin: TextIO | None = None) -> IngestResult:
    """Read every article under ``paths``.

    A bad file among good ones becomes a warning; no readable article at all, a
    missing path, or a malformed JSONL line raise ``InputError``.
    """
    if not paths:
        raise InputError("no input: give one or more files or folders, or - for JSONL on stdin")
    result = IngestResult()
    problems: list[str] = []
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin
            result.documents.extend(_read_jsonl_lines(stream, "<stdin>"))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"path not found: {path}")
        files = _files_under(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(
                f"no articles in folder {path} (looked for {', '.join(sorted(SUPPORTED_SUFFIXES))})"
            )
        for file in files:
            try:
                result.documents.extend(_read_file(file))
            except _SkippableFile as problem:
                problems.append(str(problem))
    if not result.documents:
        if problems:
            raise InputError(problems[0] if len(problems) == 1 else
                             f"no readable article: {problems[0]} (and {len(problems) - 1} more)")
        raise InputError("no articles found in the input")
    result.warnings.extend(f"skipped {problem}" for problem in problems)
    result.documents = _unique_ids(result.documents)
    return result


class _SkippableFile(Exception):
    """A file that cannot be read; fatal alone, a warning among good files."""


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _read_file(path: Path) -> list[Document]:
    text = _decode(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return list(_read_jsonl_lines(text.splitlines(), str(path)))
    if not text.strip():
        raise _SkippableFile(f"{path}: empty file")
    if suffix in HTML_SUFFIXES:
        return [_html_document(path, text)]
    return [_text_document(path, text)]


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _SkippableFile(f"{path}: cannot read ({error.strerror})") from None
    if not data.strip():
        raise _SkippableFile(f"{path}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise _SkippableFile(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _SkippableFile(
            f"{path}: not UTF-8 text (byte {error.start}); convert it, e.g. with iconv -t UTF-8"
        ) from None


def _read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Document]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{source}:{number}: malformed JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{source}:{number}: expected a JSON object per line")
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{source}:{number}: missing or empty \"text\"")
        metadata = {key: record[key] for key in METADATA_KEYS if record.get(key) is not None}
        name = Path(source).stem if source != "<stdin>" else "stdin"
        default_id = f"{name}:{number}"
        yield _build_document(text, metadata, default_id, source, number,
                              fallback_outlet=name, where=f"{source}:{number}")


def _text_document(path: Path, text: str) -> Document:
    metadata, body, body_line = split_front_matter(text, str(path))
    if not body.strip():
        raise _SkippableFile(f"{path}: no article text after the front matter")
    return _build_document(body, metadata, path.stem, str(path), body_line,
                           fallback_outlet=path.stem, where=str(path))


def _html_document(path: Path, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise _SkippableFile(f"{path}: no article text found in the HTML")
    metadata: dict[str, object] = {}
    # Article metadata from the page; trafilatura's author field is unreliable, so unused.
    for key, attribute in (("title", "title"), ("published", "date"), ("url", "url"),
                           ("outlet", "sitename"), ("language", "language")):
        value = getattr(extracted, attribute, None)
        if value:
            metadata[key] = value
    return _build_document(text, metadata, path.stem, str(path), 1,
                           fallback_outlet=path.stem, where=str(path))


def split_front_matter(text: str, where: str = "") -> tuple[dict[str, str], str, int]:
    """Split a ``---`` / ``key: value`` / ``---`` block off the top of ``text``.

    Returns the metadata, the body, and the 1-based line on which the body starts.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        return {}, text, 1
    metadata: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise InputError(f"{where}:{number}: front matter line is not 'key: value'")
        metadata[key.strip().lower()] = value.strip().strip("\"'")
    return metadata, "".join(lines[end + 1:]), end + 2


def _build_document(text: str, metadata: dict, default_id: str, path: str, first_line: int,
                    *, fallback_outlet: str, where: str) -> Document:
    outlet = str(metadata.get("outlet") or "") or outlet_from_dateline(text) or fallback_outlet
    language = metadata.get("language")
    return Document(
        id=str(metadata.get("id") or default_id),
        path=path,
        text=text,
        outlet=outlet,
        language=str(language).lower().split("-")[0] if language else None,
        url=str(metadata["url"]) if metadata.get("url") else None,
        published=_parse_published(metadata.get("published"), where),
        title=str(metadata["title"]) if metadata.get("title") else None,
        first_line=first_line,
    )


def _parse_published(value: object, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{where}: published date {text!r} is not an ISO date "
                         "(YYYY-MM-DD)") from None


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


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Two files named alike in different folders keep distinct ids (path without suffix)."""
    counts: dict[str, int] = {}
    for document in documents:
        counts[document.id] = counts.get(document.id, 0) + 1
    if all(count == 1 for count in counts.values()):
        return documents
    unique = []
    for document in documents:
        if counts[document.id] > 1 and document.path not in ("<stdin>",):
            path = Path(document.path)
            if path.suffix in JSONL_SUFFIXES:
                new_id = f"{path.with_suffix('')}:{document.id}"
            else:
                new_id = str(path.with_suffix(""))
            document = replace(document, id=new_id)
        unique.append(document)
    return unique
