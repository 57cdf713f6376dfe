"""The SQLite store: no-op re-indexing, SIGKILL mid-index, busy and corrupt files, prune,
and check --against reporting only what involves the new batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.config import CheckConfig
from claimcheck.ingest.ingest import read_documents
from claimcheck.store.store import SCHEMA_VERSION, Store, StoreError
from tests.report_fixtures import CORPUS

ROOT = Path(__file__).resolve().parent.parent


def index(documents, store, **options):
    """Store ``documents`` as ``claimcheck index --embedder lexical`` does."""
    return pipeline.index(documents, store, CheckConfig(embedder="lexical"), **options)


def corpus_documents(count: int = 5, start: date | None = None):
    """``count`` articles cycled from corpus/, each with its own id, text and date."""
    base = read_documents([str(CORPUS)]).documents
    out = []
    for number in range(count):
        document = base[number % len(base)]
        out.append(replace(document, id=f"{document.id}-{number}", language="id",
                           text=document.text + f"\nEdisi {number}.\n",
                           published=date(2021, 8, 1 + number % 28) if start else None))
    return out


def test_reindexing_unchanged_articles_is_a_no_op(tmp_path):
    path = tmp_path / "store.db"
    documents = corpus_documents(5)
    with Store(path) as store:
        first = index(documents, store)
        assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
        changes = store._db.total_changes
        again = index(reversed(documents), store)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
        assert store._db.total_changes == changes  # not a single row written
        stats = store.stats()
        assert stats.articles == 5 and stats.sentences > 50 and stats.quantities > 0
        assert stats.schema_version == SCHEMA_VERSION
        assert store.integrity_errors() == []


def test_a_changed_article_replaces_its_old_version(tmp_path):
    documents = corpus_documents(2)
    with Store(tmp_path / "store.db") as store:
        index(documents, store)
        edited = replace(documents[0], text=documents[0].text + "\nKoreksi: 4.000 tentara.\n")
        result = index([edited], store)
        assert (result.added, result.updated) == (0, 1)
        archive = {seg.document.id: seg for seg, _ in store.archive()}
        assert archive[edited.id].document.text == edited.text
        assert any("Koreksi" in s.text for s in archive[edited.id].sentences)
        assert store.stats().articles == 2 and store.integrity_errors() == []


def test_stored_claims_round_trip(tmp_path):
    from claimcheck.extract.extract import extract_claims
    from claimcheck.segment.segment import segment_documents

    documents = corpus_documents(1)
    with Store(tmp_path / "store.db") as store:
        index(documents, store)
        [(segmented, claims)] = store.archive()
    expected = extract_claims(segment_documents(documents))
    assert claims == expected
    assert segmented.sentences == tuple(c.sentence for c in expected)


def test_articles_read_by_an_older_extractor_are_read_again(tmp_path):
    from claimcheck.extract.extract import extract_claims
    from claimcheck.extract.extraction_version import extraction_version
    from claimcheck.segment.segment import segment_documents

    documents = corpus_documents(2)
    path = tmp_path / "store.db"
    with Store(path) as store:
        index(documents, store)
        # What an older claimcheck left: another extractor, and it found nothing.
        store._db.execute("UPDATE article SET extractor = 'older'")
        store._db.execute("UPDATE sentence SET quantities = '[]'")
        fresh = extract_claims(segment_documents(documents))
        # The store says which readings are stale; check --against reads them again.
        assert [claims for _, claims in store.archive()] == [None, None]
        report = pipeline.check_against([], path, CheckConfig(embedder="lexical"))
        assert list(report.claims) == fresh
        result = index(documents, store)
        assert (result.unchanged, result.reextracted) == (2, 2)
        assert {row[0] for row in store._db.execute("SELECT extractor FROM article")} == \
            {extraction_version()}
        assert store.stats().quantities > 0
        changes = store._db.total_changes
        assert index(documents, store).reextracted == 0
        assert store._db.total_changes == changes


def test_a_schema_1_store_is_migrated_and_its_articles_read_again(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as store:
        index(corpus_documents(1), store)
    with sqlite3.connect(path) as connection:  # the layout claimcheck 0.1 wrote
        connection.execute("ALTER TABLE article DROP COLUMN extractor")
        connection.execute("PRAGMA user_version = 1")
    with Store(path) as store:
        assert store.stats().schema_version == SCHEMA_VERSION == 3
        assert index(corpus_documents(1), store).reextracted == 1


def test_a_schema_2_store_loses_its_embeddings_table_and_keeps_its_articles(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as store:
        index(corpus_documents(2), store)
    with sqlite3.connect(path) as connection:  # claimcheck 0.2 kept embeddings in the store
        connection.execute("CREATE TABLE embedding (model TEXT NOT NULL, text_hash TEXT NOT "
                           "NULL, vector BLOB NOT NULL, PRIMARY KEY (model, text_hash))")
        connection.execute("PRAGMA user_version = 2")
    with Store(path) as store:
        assert store.stats().articles == 2 and store.integrity_errors() == []
        assert not store._db.execute("SELECT name FROM sqlite_master WHERE name = 'embedding'"
                                     ).fetchall()


_CHILD = """
import sys, time
from dataclasses import replace
sys.path.insert(0, {root!r})
from claimcheck.store.store import Store
from tests.test_store import corpus_documents, index

def hook(document, state):
    if document.id.endswith("-3"):
        print("IN-TRANSACTION", document.id, flush=True)
        time.sleep(60)

with Store({path!r}) as store:
    index(corpus_documents(8), store, on_article=hook)
"""


def test_sigkill_in_the_middle_of_indexing_leaves_the_store_consistent(tmp_path):
    path = tmp_path / "store.db"
    child = subprocess.Popen([sys.executable, "-c", _CHILD.format(root=str(ROOT),
                                                                  path=str(path))],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = child.stdout.readline()
        assert line.startswith("IN-TRANSACTION"), line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    with Store(path) as store:
        assert store.integrity_errors() == []
        stored = sorted(seg.document.id for seg, _ in store.archive())
        # Articles 0-2 committed; article 3 was mid-transaction: absent, not half there.
        assert [doc_id.rsplit("-", 1)[1] for doc_id in stored] == ["0", "1", "2"]
        result = index(corpus_documents(8), store)
        assert (result.added, result.unchanged) == (5, 3)
        assert store.integrity_errors() == []


def test_a_second_writer_waits_then_succeeds(tmp_path):
    path = tmp_path / "store.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    with Store(path, timeout=10) as store:
        assert index(corpus_documents(1), store).added == 1
    assert time.monotonic() - started >= 0.4
    release.join()
    holder.close()


def test_a_second_writer_that_times_out_gets_a_clear_message(tmp_path):
    path = tmp_path / "store.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.2) as store, \
                pytest.raises(StoreError, match="busy: another claimcheck run is writing"):
            index(corpus_documents(1), store)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_corrupt_and_foreign_files_are_refused(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not an sqlite file\n" * 200)
    with pytest.raises(StoreError, match="corrupt or not a claimcheck store"):
        Store(corrupt)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(StoreError, match="not a claimcheck store"):
        Store(foreign)
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "missing.db", create=False)


def test_a_store_from_a_newer_claimcheck_is_refused(tmp_path):
    path = tmp_path / "store.db"
    Store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this claimcheck"):
        Store(path)


def test_prune_removes_old_articles_and_their_rows(tmp_path):
    documents = corpus_documents(6, start=date(2021, 8, 1))  # published 1..6 August
    with Store(tmp_path / "store.db") as store:
        index(documents, store)
        assert store.prune(date(2021, 8, 4)) == 3
        remaining = sorted(seg.document.published.day for seg, _ in store.archive())
        assert remaining == [4, 5, 6]
        assert store.integrity_errors() == []
        assert store._db.execute("SELECT count(*) FROM sentence WHERE article NOT IN "
                                 "(SELECT id FROM article)").fetchone()[0] == 0


def test_check_against_reports_only_conflicts_involving_the_new_batch(tmp_path):
    from claimcheck import CheckConfig, check
    from claimcheck.pipeline import check_against

    config = CheckConfig(embedder="lexical")
    documents = read_documents([str(CORPUS)]).documents
    old, new = documents[:3], documents[3:]
    with Store(tmp_path / "store.db") as store:
        index(old, store)
    report = check_against(new, tmp_path / "store.db", config)
    new_ids = {d.id for d in new}
    assert report.conflicts
    assert all({c.a.sentence.doc, c.b.sentence.doc} & new_ids for c in report.conflicts)
    everything = check([str(CORPUS)], config).conflicts
    expected = {c.id for c in everything if {c.a.sentence.doc, c.b.sentence.doc} & new_ids}
    assert {c.id for c in report.conflicts} == expected
    assert new_ids <= {seg.document.id for seg in report.documents}


def test_index_embeds_new_sentences_into_the_one_embedding_cache(tmp_path, tiny_sentence_model):
    from claimcheck.embed.cache import EmbeddingCache

    config = CheckConfig(embedder="semantic", model=str(tiny_sentence_model),
                         cache_dir=str(tmp_path / "cache"))
    with Store(tmp_path / "store.db") as store:
        result = pipeline.index(corpus_documents(2), store, config)
        texts = {s.text for seg, _ in store.archive() for s in seg.sentences}
        assert pipeline.index(corpus_documents(2), store, config).embedded == 0
    assert result.embedded == EmbeddingCache(tmp_path / "cache").count() == len(texts)


def test_two_index_runs_at_once_both_succeed(tmp_path):
    folders = []
    for number in range(2):
        folder = tmp_path / f"batch{number}"
        folder.mkdir()
        for document in corpus_documents(6)[number::2]:
            (folder / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
        folders.append(folder)
    command = [sys.executable, "-c", "from claimcheck.cli import main; main()", "index", "--store",
               str(tmp_path / "store.db"), "--embedder", "lexical", "--language", "id", "-q"]
    runs = [subprocess.Popen([*command, str(folder)], cwd=ROOT, stderr=subprocess.PIPE,
                             text=True) for folder in folders]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read()
    with Store(tmp_path / "store.db") as store:
        assert store.stats().articles == 6 and store.integrity_errors() == []
