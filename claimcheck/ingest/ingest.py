"""Read articles from files, folders and JSONL into ``Document`` records.

Supported: ``.txt`` and ``.md`` (optionally with a ``---`` front-matter block),
``.html``/``.htm`` (article text extracted by trafilatura), ``.jsonl`` (one article
per line) and ``-`` for JSONL on standard input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from claimcheck.errors import InputError
from claimcheck.ingest.outlets import dateline_length as dateline_length
from claimcheck.ingest.outlets import outlet_from_dateline, outlet_from_url
from claimcheck.ingest.paths import display_path, escape_undecodable
from claimcheck.models import Document, SkippedInput

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("id", "outlet", "url", "published", "language", "title")


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    #: One line per thing the user should know: a skipped input, a repeated id, ...
    warnings: list[str] = field(default_factory=list)
    #: Every file or JSONL record left out, and why.
    skipped: list[SkippedInput] = field(default_factory=list)


def read_documents(paths: Sequence[str | Path], stdin: TextIO | None = None, *,
                   strict: bool = False) -> IngestResult:
    """Read every article under ``paths``.

    A bad file or JSONL record among good ones is skipped with a warning naming it (and
    listed in ``skipped``); with ``strict`` any skipped input raises ``InputError``. No
    readable article at all, or a missing path, raises ``InputError``. A file reached
    twice (same resolved path) is read once; a JSONL id given twice keeps the later record.
    """
    if not paths:
        raise InputError("no input: give one or more files or folders, or - for JSONL on stdin")
    reader = _Reader()
    for raw in paths:
        if str(raw) == "-":
            reader.read_jsonl(_stdin_lines(stdin if stdin is not None else sys.stdin),
                              "<stdin>", "stdin")
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"path not found: {display_path(path)}")
        files = _files_under(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(f"no articles in folder {display_path(path)} (looked for "
                             f"{', '.join(sorted(SUPPORTED_SUFFIXES))})")
        for file in files:
            reader.read_file(file)
    skipped = reader.skipped
    if strict and skipped:
        more = f"; {len(skipped) - 1} more skipped" if len(skipped) > 1 else ""
        raise InputError(f"{skipped[0]} (strict: any skipped input is an error{more})")
    documents = [document for document in reader.documents if document is not None]
    if not documents:
        if skipped:
            raise InputError(str(skipped[0]) if len(skipped) == 1 else
                             f"no readable article: {skipped[0]} (and {len(skipped) - 1} more)")
        raise InputError("no articles found in the input")
    warnings = [f"skipped {problem}" for problem in skipped] + reader.notes
    return IngestResult(_unique_ids(documents), warnings, list(skipped))


class _SkippableFile(Exception):
    """A file that cannot be read; fatal alone, a warning among good files."""


class _BadRecord(Exception):
    """A JSONL record that cannot be read; the rest of its file still is."""


class _Reader:
    """What a run has read so far: documents in order, what was skipped and why."""

    def __init__(self) -> None:
        #: ``None`` marks a record replaced by a later one with the same id.
        self.documents: list[Document | None] = []
        self.skipped: list[SkippedInput] = []
        self.notes: list[str] = []
        self._files: set[Path] = set()
        self._ids: dict[str, tuple[int, str]] = {}

    def read_file(self, file: Path) -> None:
        resolved = file.resolve()
        if resolved in self._files:  # "corpus/ corpus/000.txt": the article counts once
            return
        self._files.add(resolved)
        shown = display_path(file)
        try:
            if file.suffix.lower() in JSONL_SUFFIXES:
                self.read_jsonl(_file_lines(file), shown, escape_undecodable(file.stem))
            else:
                self.documents.append(_read_article(file, shown))
        except _SkippableFile as problem:
            self.skipped.append(SkippedInput(shown, None, str(problem)))
        except InputError as problem:  # front matter or a date it cannot read
            self.skipped.append(SkippedInput(shown, None, str(problem).removeprefix(
                f"{shown}: ")))

    def read_jsonl(self, lines: Iterable[str | _BadRecord], source: str, name: str) -> None:
        records = fell_back = 0
        for number, line in enumerate(lines, start=1):
            try:
                if isinstance(line, _BadRecord):
                    raise line
                if not line.strip():
                    continue
                document, explicit_id, inferred = _jsonl_document(line, source, name, number)
            except _BadRecord as problem:
                self.skipped.append(SkippedInput(source, number, str(problem)))
                continue
            records += 1
            fell_back += not inferred
            self._add(document, explicit_id, f"{source}:{number}")
        if records > 1 and fell_back == records:
            self.notes.append(
                f"{source}: no record names its outlet (no \"outlet\", dateline or \"url\"), "
                f"so all {records} are outlet {name!r} and never compared with each other; "
                "add \"outlet\" to each record")

    def _add(self, document: Document, explicit_id: bool, where: str) -> None:
        if explicit_id:
            earlier = self._ids.get(document.id)
            if earlier is not None:
                self.documents[earlier[0]] = None
                self.notes.append(f"{where}: id {document.id!r} was already given at "
                                  f"{earlier[1]}; the later record is kept")
            self._ids[document.id] = (len(self.documents), where)
        self.documents.append(document)


def _files_under(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _read_article(path: Path, shown: str) -> Document:
    text = _decode(_read_bytes(path))
    if not text.strip():
        raise _SkippableFile("empty file")
    if path.suffix.lower() in HTML_SUFFIXES:
        return _html_document(path, shown, text)
    return _text_document(path, shown, text)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _SkippableFile(f"cannot read ({error.strerror})") from None
    if not data.strip():
        raise _SkippableFile("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _SkippableFile("binary file, not text")
    return data


def _decode(data: bytes) -> str:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        encoding = "UTF-16" if error.encoding.startswith("utf-16") else "UTF-8"
        raise _SkippableFile(f"not {encoding} text (byte {error.start}); convert it, e.g. "
                             "with iconv -t UTF-8") from None


def _file_lines(path: Path) -> Iterator[str | _BadRecord]:
    """A JSONL file's lines, split at line feeds only: a record may hold U+2028 or a form
    feed, which ``str.splitlines`` would split at. A line that is not UTF-8 comes as
    ``_BadRecord``, so only that record is lost."""
    data = _read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield from _decode(data).split("\n")
        return
    for index, raw in enumerate(data.split(b"\n")):
        yield _decode_line(raw[3:] if index == 0 and raw.startswith(b"\xef\xbb\xbf") else raw)


def _stdin_lines(stream: TextIO) -> Iterator[str | _BadRecord]:
    binary = getattr(stream, "buffer", None)
    if binary is None:
        yield from stream
        return
    for raw in binary:
        yield _decode_line(raw)


def _decode_line(raw: bytes) -> str | _BadRecord:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _BadRecord(f"not UTF-8 text (byte {error.start} of the line)")


def _jsonl_document(line: str, source: str, name: str, number: int
                    ) -> tuple[Document, bool, bool]:
    """The record's document, whether it gave its own id, and whether its outlet was found
    (a field, a dateline or a URL) rather than taken from the file name."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        # The decoder's whole position: its message alone ("Unterminated string starting
        # at") says nothing of where.
        where = f"line {error.lineno} column {error.colno}" if error.lineno > 1 else \
            f"column {error.colno}"
        at = " " if error.msg.endswith(" at") else " at "
        raise _BadRecord(f"malformed JSON: {error.msg}{at}{where}") from None
    if not isinstance(record, dict):
        raise _BadRecord(f"expected a JSON object per line, not {_json_kind(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        raise _BadRecord('no "text"' if "text" not in record else
                         f'"text" is {_json_kind(text)}, not a string')
    if not text.strip():
        raise _BadRecord('"text" is empty')
    metadata = {key: escape_undecodable(str(record[key])) if isinstance(record[key], str)
                else record[key] for key in METADATA_KEYS if record.get(key) is not None}
    text = escape_undecodable(text)
    inferred = _inferred_outlet(metadata, text)
    try:
        document = _build_document(text, metadata, f"{name}:{number}", source, number,
                                   outlet=inferred or name, where=f"{source}:{number}")
    except InputError as error:
        raise _BadRecord(str(error).removeprefix(f"{source}:{number}: ")) from None
    return document, "id" in metadata, inferred is not None


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {list: "an array", dict: "an object"}.get(type(value), "a string")


def _text_document(path: Path, shown: str, text: str) -> Document:
    metadata, body, body_line = split_front_matter(text, shown)
    if not body.strip():
        raise _SkippableFile("no article text after the front matter")
    stem = escape_undecodable(path.stem)
    return _build_document(body, metadata, stem, shown, body_line,
                           outlet=_inferred_outlet(metadata, body) or stem, where=shown)


def _html_document(path: Path, shown: str, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise _SkippableFile("no article text found in the HTML")
    metadata: dict[str, object] = {}
    # Article metadata from the page; trafilatura's author field is unreliable, so unused.
    for key, attribute in (("title", "title"), ("published", "date"), ("url", "url"),
                           ("outlet", "sitename"), ("language", "language")):
        value = getattr(extracted, attribute, None)
        if value:
            metadata[key] = value
    stem = escape_undecodable(path.stem)
    return _build_document(text, metadata, stem, shown, 1,
                           outlet=_inferred_outlet(metadata, text) or stem, where=shown)


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


def _inferred_outlet(metadata: dict, text: str) -> str | None:
    """The outlet a record names, else its dateline's, else its URL's host."""
    return (str(metadata.get("outlet") or "") or outlet_from_dateline(text)
            or outlet_from_url(metadata.get("url")))


def _build_document(text: str, metadata: dict, default_id: str, path: str, first_line: int,
                    *, outlet: str, where: str) -> Document:
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
