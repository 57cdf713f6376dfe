"""A newsroom's memory: articles, sentences and their extracted values in SQLite.

Persistence only: ``claimcheck.pipeline.index`` decides what to read and embed, and
embeddings live in the one embedding cache (``claimcheck.embed.cache``).

Safety, by construction:
- one transaction per article (``BEGIN IMMEDIATE``), so a run killed with SIGKILL leaves
  every article either fully stored or absent, never half-written (WAL journal);
- ``PRAGMA user_version`` records the schema; older stores are migrated in a transaction,
  newer ones are refused rather than misread;
- a second writer waits for the busy timeout, then fails with a clear message;
- an article is keyed by a hash of its text and metadata, so re-indexing it is a no-op.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.extract.extraction_version import extraction_version
from claimcheck.models import (
    Claim,
    DateMention,
    Document,
    DroppedLine,
    Quantity,
    SegmentedDocument,
    Sentence,
)
from claimcheck.store.store_schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    from_json,
    iso,
    readings,
    text_hash,
)

BUSY_TIMEOUT_S = 30.0


class StoreError(ClaimcheckError):
    """A store that cannot be opened, read or written; one line for the user."""


@dataclass(frozen=True, slots=True)
class StoreStats:
    path: str
    schema_version: int
    articles: int
    outlets: int
    sentences: int
    quantities: int
    oldest: str | None
    newest: str | None
    size_bytes: int


class Store:
    """An open store; use as a context manager. ``create=False`` refuses a missing file."""

    def __init__(self, path: str | Path, *, create: bool = True,
                 timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"no store at {self.path}; create one with "
                             f"'claimcheck index PATHS --store {self.path}'")
        if self.path.is_dir():
            raise StoreError(f"store path {self.path} is a folder")
        try:
            # isolation_level=None: transactions are explicit, so each is exactly one article.
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._prepare_when_free(timeout)
        except sqlite3.Error as error:
            raise self._error(error) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- schema ---------------------------------------------------------------------------

    def _prepare_when_free(self, timeout: float) -> None:
        # Switching a store being created to WAL needs every other connection out of it, and
        # SQLite answers that busy at once rather than through the busy timeout; opening is
        # idempotent, so try again until the timeout.
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._prepare()
                return
            except sqlite3.OperationalError as error:
                message = str(error)
                if ("locked" not in message and "busy" not in message) or \
                        time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _prepare(self) -> None:
        # One read transaction: the version and the table list come from the same moment,
        # so a run creating the store meanwhile is never mistaken for a foreign database,
        # and a foreign file is refused before anything (even its journal mode) changes.
        self._db.execute("BEGIN")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            foreign = version == 0 and self._db.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        finally:
            self._db.execute("COMMIT")
        if foreign:
            raise StoreError(f"{self.path} is an SQLite file but not a claimcheck store")
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {version}, newer than this "
                             f"claimcheck understands ({SCHEMA_VERSION}); upgrade claimcheck")
        if self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise StoreError(f"cannot switch store {self.path} to WAL journaling")
        self._db.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                # Re-read under the write lock: a concurrent run may have migrated meanwhile.
                current = self._db.execute("PRAGMA user_version").fetchone()[0]
                # Checked under the lock too: a run creating the store at this moment
                # must not make its half-born tables look like a foreign database.
                if current == 0 and self._db.execute(
                        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchone()[0]:
                    raise StoreError(f"{self.path} is an SQLite file but not a claimcheck store")
                for step in range(current, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step].split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _guard(self, action: Callable, *args):
        try:
            return action(*args)
        except sqlite3.Error as error:
            raise self._error(error) from None

    def _error(self, error: sqlite3.Error) -> StoreError:
        message = str(error)
        if "locked" in message or "busy" in message:
            return StoreError(f"store {self.path} is busy: another claimcheck run is writing "
                              "to it; try again when it has finished")
        if isinstance(error, sqlite3.DatabaseError) and (
                "not a database" in message or "malformed" in message or "corrupt" in message):
            return StoreError(f"store {self.path} is corrupt or not a claimcheck store "
                              f"({message})")
        return StoreError(f"store {self.path}: {message}")

    # -- writing --------------------------------------------------------------------------

    def write_article(self, segmented: SegmentedDocument, claims: Sequence[Claim],
                      digest: str, on_article: Callable[[Document, str], None] | None = None
                      ) -> str:
        """Store one article and its claims in one transaction: "added", "updated" (an
        article of the same id replaced) or "unchanged" (a concurrent run stored it).

        ``on_article(document, state)`` is called inside the transaction, before it commits.
        """
        return self._guard(self._write_article, segmented, claims, digest, on_article)

    def _write_article(self, segmented: SegmentedDocument, claims: Sequence[Claim],
                       digest: str, on_article) -> str:
        document = segmented.document
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if self._has(digest):  # indexed by a concurrent run since we looked
                db.execute("ROLLBACK")
                return "unchanged"
            replaced = db.execute("DELETE FROM article WHERE doc_id = ?", (document.id,)).rowcount
            cursor = db.execute(
                "INSERT INTO article (doc_id, content_hash, path, outlet, language, "
                "declared_language, url, published, title, first_line, text, dropped, "
                "sentence_count, indexed_at, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document.id, digest, document.path, document.outlet, segmented.language,
                 document.language, document.url, iso(document.published), document.title,
                 document.first_line, document.text,
                 json.dumps([[d.text, d.reason, d.line] for d in segmented.dropped],
                            ensure_ascii=False),
                 len(claims), datetime.now(UTC).isoformat(timespec="seconds"),
                 extraction_version()))
            db.executemany(
                "INSERT INTO sentence (article, idx, text, language, line, text_hash, "
                "quantities, dates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(cursor.lastrowid, c.sentence.index, c.sentence.text, c.sentence.language,
                  c.sentence.line, text_hash(c.sentence.text), *readings(c)) for c in claims])
            state = "updated" if replaced else "added"
            if on_article:
                on_article(document, state)
            db.execute("COMMIT")
            return state
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _has(self, digest: str) -> bool:
        return self._extractor_of(digest) is not None

    def extractor_of(self, digest: str) -> str | None:
        """The extractor version of the stored article with this hash; None if absent."""
        return self._guard(self._extractor_of, digest)

    def _extractor_of(self, digest: str) -> str | None:
        row = self._db.execute("SELECT extractor FROM article WHERE content_hash = ?",
                               (digest,)).fetchone()
        return None if row is None else row[0]

    def replace_readings(self, digest: str,
                         read: Callable[[SegmentedDocument], Sequence[Claim]]) -> int:
        """Store ``read``'s claims for the stored article with this hash when an older
        extractor read it (one transaction); 1 if it did."""
        return self._guard(self._reextract, digest, read)

    def _reextract(self, digest: str, read) -> int:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            rows = self._articles("WHERE content_hash = ? AND extractor != ?",
                                  (digest, extraction_version()))
            for rowid, segmented, _claims in rows:
                db.executemany(
                    "UPDATE sentence SET quantities = ?, dates = ? WHERE article = ? AND idx = ?",
                    [(*readings(c), rowid, c.sentence.index) for c in read(segmented)])
                db.execute("UPDATE article SET extractor = ? WHERE id = ?",
                           (extraction_version(), rowid))
            db.execute("COMMIT")
            return len(rows)
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def prune(self, before: date) -> int:
        """Delete articles published (else indexed) before ``before``; returns how many."""
        def run() -> int:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                count = self._db.execute(
                    "DELETE FROM article WHERE coalesce(published, substr(indexed_at, 1, 10)) "
                    "< ?", (before.isoformat(),)).rowcount
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return count
        return self._guard(run)

    # -- reading --------------------------------------------------------------------------

    def archive(self, exclude_ids: Iterable[str] = (), exclude_hashes: Iterable[str] = ()
                ) -> list[tuple[SegmentedDocument, list[Claim] | None]]:
        """Every stored article, segmented, with its claims (``None`` when an older
        extractor read it), except the excluded ones."""
        return [(segmented, claims) for _rowid, segmented, claims in self._guard(
            self._articles, "ORDER BY doc_id", (), set(exclude_ids), set(exclude_hashes))]

    def _articles(self, where: str, parameters: tuple, exclude_ids: set[str] = frozenset(),
                  exclude_hashes: set[str] = frozenset()):
        """(rowid, segmented, claims) per stored article; claims None when read by an
        older extractor."""
        articles = self._db.execute(
            "SELECT id, doc_id, content_hash, path, outlet, language, declared_language, url, "
            f"published, title, first_line, text, dropped, extractor FROM article {where}",
            parameters).fetchall()
        out = []
        for (rowid, doc_id, digest, path, outlet, language, declared, url, published, title,
             first_line, text, dropped, extractor) in articles:
            if doc_id in exclude_ids or digest in exclude_hashes:
                continue
            document = Document(doc_id, path, text, outlet, declared, url,
                                date.fromisoformat(published) if published else None, title,
                                first_line)
            sentences, claims = [], []
            for idx, sentence_text, sentence_language, line, quantities, dates in \
                    self._db.execute("SELECT idx, text, language, line, quantities, dates "
                                     "FROM sentence WHERE article = ? ORDER BY idx", (rowid,)):
                sentence = Sentence(doc_id, idx, sentence_text, sentence_language, line)
                sentences.append(sentence)
                claims.append(Claim(sentence, outlet, document.published,
                                    tuple(from_json(Quantity, q) for q in json.loads(quantities)),
                                    tuple(from_json(DateMention, d) for d in json.loads(dates))))
            segmented = SegmentedDocument(document, language, tuple(sentences), tuple(
                DroppedLine(doc_id, t, reason, line) for t, reason, line in json.loads(dropped)))
            out.append((rowid, segmented,
                        claims if extractor == extraction_version() else None))
        return out

    def stats(self) -> StoreStats:
        def run() -> StoreStats:
            one = self._db.execute
            articles, outlets, oldest, newest = one(
                "SELECT count(*), count(DISTINCT lower(outlet)), min(published), max(published) "
                "FROM article").fetchone()
            sentences, quantities = one(
                "SELECT count(*), coalesce(sum(json_array_length(quantities)), 0) FROM sentence"
            ).fetchone()
            size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal"))
                       if p.exists())
            return StoreStats(str(self.path), one("PRAGMA user_version").fetchone()[0],
                              articles, outlets, sentences, quantities, oldest, newest, size)
        return self._guard(run)

    def integrity_errors(self) -> list[str]:
        """SQLite's integrity and foreign-key checks, plus sentence counts per article."""
        def run() -> list[str]:
            problems = [row[0] for row in self._db.execute("PRAGMA integrity_check")
                        if row[0] != "ok"]
            problems += [f"foreign key: {row}" for row in
                         self._db.execute("PRAGMA foreign_key_check")]
            problems += [f"article {doc_id}: {have} of {want} sentences"
                         for doc_id, want, have in self._db.execute(
                             "SELECT a.doc_id, a.sentence_count, count(s.idx) FROM article a "
                             "LEFT JOIN sentence s ON s.article = a.id GROUP BY a.id "
                             "HAVING count(s.idx) != a.sentence_count")]
            return problems
        return self._guard(run)
