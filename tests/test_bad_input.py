"""Hostile and scraped input as a newsroom pipeline feeds it: one bad record, odd file names,
wrong options and repeated articles never cost the rest of the batch, and what is going to
fail fails before any article is read."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import CORPUS

LEXICAL = ["--embedder", "lexical"]
TROOPS_A = "The ministry said 3,000 troops arrived in the capital on Thursday."
TROOPS_B = "The ministry said 650 troops arrived in the capital on Thursday."


@pytest.fixture
def runner():
    return CliRunner()


def _error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _record(**fields) -> str:
    return json.dumps(fields)


# -- one bad JSONL record -------------------------------------------------------------------

def test_a_bad_jsonl_record_among_good_ones_is_a_warning_and_the_rest_is_checked(
        runner, tmp_path):
    batch = _jsonl(tmp_path / "batch.jsonl",
                   _record(id="a", outlet="Daily", text=TROOPS_A),
                   '{"id": "b", "outlet": "Wire", "text": "The ministry said',
                   _record(id="c", outlet="Wire", text=None),
                   _record(id="d", outlet="Wire", text=42),
                   _record(id="e", outlet="Wire", text=TROOPS_B))
    result = runner.invoke(cli, ["check", str(batch), *LEXICAL, "--format", "json"])
    assert result.exit_code == 1, result.output
    assert f"Warning: skipped {batch}:2: malformed JSON: Unterminated string starting at " \
           "column 39" in result.stderr
    assert f'Warning: skipped {batch}:3: "text" is null, not a string' in result.stderr
    assert f'Warning: skipped {batch}:4: "text" is a number, not a string' in result.stderr
    report = json.loads(result.stdout)
    assert [doc["id"] for doc in report["documents"]] == ["a", "e"]
    assert report["conflicts"] and report["summary"]["skipped"] == 3
    assert report["skipped"] == [
        {"path": str(batch), "line": 2,
         "reason": "malformed JSON: Unterminated string starting at column 39"},
        {"path": str(batch), "line": 3, "reason": '"text" is null, not a string'},
        {"path": str(batch), "line": 4, "reason": '"text" is a number, not a string'}]


def test_strict_makes_any_skipped_input_exit_2(runner, tmp_path):
    batch = _jsonl(tmp_path / "batch.jsonl", _record(outlet="Daily", text=TROOPS_A),
                   _record(outlet="Wire", text=None), _record(outlet="Wire", text=TROOPS_B))
    line = _error_line(runner.invoke(cli, ["check", str(batch), *LEXICAL, "--strict"]))
    assert f'{batch}:2: "text" is null, not a string' in line and "strict" in line
    (tmp_path / "good.jsonl").write_text(_record(outlet="Daily", text=TROOPS_A) + "\n",
                                         encoding="utf-8")
    assert runner.invoke(cli, ["check", str(tmp_path / "good.jsonl"), *LEXICAL,
                               "--strict"]).exit_code == 0


# -- a file name that is not UTF-8 ----------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "sarif", "junit", "html"])
def test_a_file_name_that_is_not_utf8_gives_valid_reports_in_every_format(
        runner, tmp_path, output_format):
    folder = os.fsencode(tmp_path / "batch")
    os.mkdir(folder)
    with open(folder + b"/caf\xff-daily.txt", "wb") as stream:
        stream.write(TROOPS_A.encode())
    (tmp_path / "batch" / "wire.md").write_text(f"---\noutlet: Wire\n---\n{TROOPS_B}\n",
                                                encoding="utf-8")
    shown = str(tmp_path / "batch" / "caf\\xff-daily.txt")
    target = tmp_path / f"report.{output_format}"
    result = runner.invoke(cli, ["check", os.fsdecode(folder), *LEXICAL,
                                 "--format", output_format, "-o", str(target)])
    assert result.exit_code == 1, result.output
    text = target.read_bytes().decode("utf-8")  # strict: any stray byte fails here
    assert re.search(r"caf\\+xff", text)  # escaped once, or again by the format
    if output_format in ("json", "sarif"):
        data = json.loads(text)
        if output_format == "json":
            assert data["documents"][0]["path"] == shown
        else:
            location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uri"].endswith("caf%FF-daily.txt")
    if output_format == "junit":
        ElementTree.fromstring(text)
    stdout = runner.invoke(cli, ["check", os.fsdecode(folder), *LEXICAL, "--format", "json"])
    assert json.loads(stdout.stdout_bytes.decode("utf-8"))["documents"][0]["path"] == shown


# -- checked before any article is read -----------------------------------------------------

def test_a_missing_model_fails_before_any_article_is_read(runner, tmp_path):
    # Both are wrong; the model is named because it is checked first.
    line = _error_line(runner.invoke(cli, ["check", str(tmp_path / "nowhere"),
                                           "--model", "does/not-exist"]))
    assert "does/not-exist" in line


def test_an_unwritable_output_or_a_missing_store_fails_before_any_article_is_read(
        runner, tmp_path):
    missing = tmp_path / "nowhere"
    line = _error_line(runner.invoke(cli, ["check", str(missing), *LEXICAL,
                                           "-o", str(tmp_path / "no" / "dir" / "r.json")]))
    assert "folder" in line and "does not exist" in line
    line = _error_line(runner.invoke(cli, ["check", str(missing), *LEXICAL,
                                           "--against", str(tmp_path / "none.db")]))
    assert "no store at" in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_output_folder_fails_before_any_article_is_read(runner, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        line = _error_line(runner.invoke(cli, ["check", str(tmp_path / "nowhere"), *LEXICAL,
                                               "-o", str(locked / "r.json")]))
    finally:
        locked.chmod(0o755)
    assert "Permission denied" in line


def test_index_with_a_missing_model_writes_nothing(runner, tmp_path):
    store = tmp_path / "store.db"
    assert "does/not-exist" in _error_line(runner.invoke(
        cli, ["index", str(CORPUS), "--store", str(store), "--model", "does/not-exist"]))
    assert not store.exists()
    assert runner.invoke(cli, ["index", str(CORPUS / "000_904dd51bb35e31f8.txt"), "--store",
                               str(store), *LEXICAL]).exit_code == 0
    before = store.read_bytes()
    _error_line(runner.invoke(cli, ["index", str(CORPUS), "--store", str(store), "--model",
                                    "does/not-exist"]))
    assert store.read_bytes() == before
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM article").fetchone()[0] == 1


def test_index_with_input_that_cannot_be_read_creates_no_store(runner, tmp_path):
    store = tmp_path / "store.db"
    _error_line(runner.invoke(cli, ["index", str(tmp_path / "nowhere"), "--store", str(store),
                                    *LEXICAL]))
    assert not store.exists()


# -- the same article twice -----------------------------------------------------------------

def test_the_same_file_reached_twice_is_read_once(runner):
    once = runner.invoke(cli, ["check", str(CORPUS), *LEXICAL, "--format", "json"])
    twice = runner.invoke(cli, ["check", str(CORPUS), str(CORPUS),
                                str(CORPUS / "000_904dd51bb35e31f8.txt"),
                                str(CORPUS / ".." / CORPUS.name), *LEXICAL, "--format", "json"])
    assert twice.exit_code == once.exit_code == 1
    assert json.loads(twice.stdout)["summary"]["articles"] == 5
    assert [c["id"] for c in json.loads(twice.stdout)["conflicts"]] == \
        [c["id"] for c in json.loads(once.stdout)["conflicts"]]


def test_a_jsonl_id_given_twice_is_a_warning_and_the_later_record_is_kept(runner, tmp_path):
    first = _jsonl(tmp_path / "monday.jsonl", _record(id="story-7", outlet="Daily",
                                                      text="The embassy stays open."),
                   _record(id="story-8", outlet="Wire", text=TROOPS_B))
    second = _jsonl(tmp_path / "tuesday.jsonl",
                    _record(id="story-7", outlet="Daily", text=TROOPS_A))
    result = runner.invoke(cli, ["check", str(first), str(second), *LEXICAL,
                                 "--format", "json"])
    assert result.exit_code == 1, result.output
    assert f"Warning: {second}:1: id 'story-7' was already given at {first}:1; the later " \
           "record is kept" in result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert sorted(doc["id"] for doc in documents) == ["story-7", "story-8"]
    assert next(d for d in documents if d["id"] == "story-7")["path"] == str(second)


# -- smaller things ---------------------------------------------------------------------------

def test_jsonl_records_without_an_outlet_take_the_dateline_or_the_url_host(runner, tmp_path):
    batch = _jsonl(tmp_path / "scraped.jsonl",
                   _record(url="https://www.daily-example.com/news/1", text=TROOPS_A),
                   _record(text="Kabul, Wire-Example.com - " + TROOPS_B))
    result = runner.invoke(cli, ["check", str(batch), *LEXICAL, "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [d["outlet"] for d in json.loads(result.stdout)["documents"]] == \
        ["daily-example.com", "Wire-Example.com"]
    assert "Warning" not in result.stderr


def test_jsonl_records_that_all_fall_back_to_one_outlet_are_a_warning(runner, tmp_path):
    batch = _jsonl(tmp_path / "scraped.jsonl", _record(text=TROOPS_A), _record(text=TROOPS_B))
    result = runner.invoke(cli, ["check", str(batch), *LEXICAL])
    assert result.exit_code == 0, result.output
    assert f"Warning: {batch}: no record names its outlet" in result.stderr
    assert "all 2 are outlet 'scraped'" in result.stderr


def test_check_against_counts_only_the_new_batch_as_checked(runner, tmp_path):
    archive, batch = tmp_path / "archive", tmp_path / "batch"
    archive.mkdir()
    batch.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, archive if path.name < "003" else batch)
    store = str(tmp_path / "store.db")
    assert runner.invoke(cli, ["index", str(archive), "--store", store, *LEXICAL]).exit_code == 0
    result = runner.invoke(cli, ["check", str(batch), "--against", store, *LEXICAL,
                                 "--format", "json"])
    facts = json.loads(result.stdout)["summary"]
    assert (facts["articles"], facts["archive_articles"]) == (2, 3)
    text = runner.invoke(cli, ["check", str(batch), "--against", store, *LEXICAL])
    assert "2 from 2 outlets, against 3 stored articles" in text.stdout


def test_counts_of_one_are_singular(runner, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(TROOPS_A + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(one), *LEXICAL])
    assert "1 from 1 outlet " in result.stdout and "1 from 1 outlets" not in result.stdout
    for output_format in ("markdown", "html"):
        rendered = runner.invoke(cli, ["check", str(one), *LEXICAL, "--format", output_format])
        assert "1 outlets" not in rendered.stdout and "1 from 1 outlet" in rendered.stdout
    indexed = runner.invoke(cli, ["index", str(one), "--store", str(tmp_path / "s.db"),
                                  *LEXICAL])
    assert "Indexed 1 article into" in indexed.output
    stats = runner.invoke(cli, ["store", "stats", "--store", str(tmp_path / "s.db")])
    assert "1 from 1 outlet\n" in stats.output
