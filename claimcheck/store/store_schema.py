"""How a store lays out its tables and rows: the schema, its migrations, and the JSON
each sentence row keeps for its quantities and dates. No connection handling here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from datetime import date

from claimcheck.models import Claim, DateMention, Document, Quantity

SCHEMA_VERSION = 3

# Index i upgrades a store from user_version i to i + 1.
MIGRATIONS = (
    """
    CREATE TABLE article (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        outlet TEXT NOT NULL,
        language TEXT NOT NULL,
        declared_language TEXT,
        url TEXT,
        published TEXT,
        title TEXT,
        first_line INTEGER NOT NULL DEFAULT 1,
        text TEXT NOT NULL,
        dropped TEXT NOT NULL DEFAULT '[]',
        sentence_count INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
    );
    CREATE INDEX article_published ON article (published);
    CREATE TABLE sentence (
        article INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        language TEXT NOT NULL,
        line INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        quantities TEXT NOT NULL,
        dates TEXT NOT NULL,
        PRIMARY KEY (article, idx)
    );
    CREATE INDEX sentence_text_hash ON sentence (text_hash);
    CREATE TABLE embedding (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text_hash)
    );
    """,
    # Which extractor read each article, so better readings replace stale ones.
    "ALTER TABLE article ADD COLUMN extractor TEXT NOT NULL DEFAULT ''",
    # Embeddings live in the one embedding cache (claimcheck.embed.cache), not in the store.
    "DROP TABLE IF EXISTS embedding",
)


def content_hash(document: Document) -> str:
    """What makes an article the same article: its text and everything said about it."""
    parts = [document.text, document.outlet, document.language or "", document.url or "",
             iso(document.published) or "", document.title or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def readings(claim: Claim) -> tuple[str, str]:
    """A claim's quantities and dates as the two JSON columns of its sentence row."""
    return (json.dumps([to_json(q) for q in claim.quantities], ensure_ascii=False),
            json.dumps([to_json(d) for d in claim.dates], ensure_ascii=False))


def to_json(value: Quantity | DateMention) -> dict:
    return {key: (item.isoformat() if isinstance(item, date) else item)
            for key, item in asdict(value).items()}


def from_json(kind: type, data: dict):
    # Fields added to the models later take their defaults; dropped ones are ignored.
    known = {f.name: f for f in fields(kind)}
    values = {}
    for key, item in data.items():
        if key not in known:
            continue
        if kind is DateMention and key in ("start", "end") and item:
            item = date.fromisoformat(item)
        elif isinstance(item, list):
            item = tuple(item)
        values[key] = item
    return kind(**values)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
