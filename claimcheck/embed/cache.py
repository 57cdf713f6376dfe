"""On-disk embedding cache keyed by model and sentence text (SQLite, one file)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from claimcheck.errors import ConfigError


def default_cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache``."""
    explicit = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


class EmbeddingCache:
    """Vectors already computed for (model, text); safe for concurrent runs (WAL)."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # The embedding runs on its own thread while the pipeline reads figures
            # (claimcheck.embed.threads): the connection may be used from any thread,
            # one at a time (the lock).
            self._connection = sqlite3.connect(self.directory / "embeddings.sqlite", timeout=30,
                                               check_same_thread=False)
            self._lock = threading.Lock()
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS embedding (model TEXT, key TEXT, vector BLOB, "
                "PRIMARY KEY (model, key))")
        except (OSError, sqlite3.Error) as error:
            raise ConfigError(f"cannot use embedding cache {self.directory}: {error}") from None

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, np.ndarray]:
        by_key = {self._key(text): text for text in texts}
        keys = list(by_key)
        with self._lock:
            return self._get(model, by_key, keys)

    def _get(self, model: str, by_key: dict[str, str], keys: list[str]
             ) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self._connection.execute(
                f"SELECT key, vector FROM embedding WHERE model = ? AND key IN "
                f"({','.join('?' * len(chunk))})", [model, *chunk])
            for key, blob in rows:
                found[by_key[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        with self._lock, self._connection:
            self._connection.executemany(
                "INSERT OR REPLACE INTO embedding (model, key, vector) VALUES (?, ?, ?)",
                [(model, self._key(text), np.asarray(vector, dtype=np.float32).tobytes())
                 for text, vector in vectors.items()])

    def count(self) -> int:
        """How many vectors the cache holds, of every model."""
        with self._lock:
            return self._connection.execute("SELECT count(*) FROM embedding").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._connection.close()
