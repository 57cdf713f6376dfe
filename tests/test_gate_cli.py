"""The CI gate from the command line: baseline, fail-on, config files, the store commands,
every output format, and one clear line with exit 2 for every bad input."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ElementTree

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.report_fixtures import CORPUS
from tests.test_baseline import NEW_ARTICLE

LEXICAL = ["--embedder", "lexical"]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def batch(tmp_path, monkeypatch):
    """A copy of the corpus in a clean working folder (no config file above it)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path / "corpus"


def run(runner, *args):
    return runner.invoke(cli, [str(arg) for arg in args])


def one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_baseline_round_trip_then_a_new_conflicting_article_fails(runner, batch):
    recorded = run(runner, "baseline", batch, "-o", "claimcheck-baseline.json", *LEXICAL,
                   "--note", "reviewed 2021-08-14")
    assert recorded.exit_code == 0, recorded.output
    assert recorded.stdout == ""
    assert re.fullmatch(r"Recorded \d+ accepted conflicts in claimcheck-baseline.json "
                        r"\(0 already there\)\.\n", recorded.stderr)
    entries = json.loads((batch.parent / "claimcheck-baseline.json").read_text())["conflicts"]
    assert entries and all(e["note"] == "reviewed 2021-08-14" for e in entries)

    accepted = run(runner, "check", batch, "--baseline", "claimcheck-baseline.json", *LEXICAL)
    assert accepted.exit_code == 0, accepted.output
    assert f"No new conflicts: {len(entries)} known, hidden by the baseline." \
        in accepted.stdout
    assert "Conflicts  none new;" in accepted.stdout

    (batch / "harian-baru.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    fresh = run(runner, "check", batch, "--baseline", "claimcheck-baseline.json", *LEXICAL,
                "--format", "json")
    assert fresh.exit_code == 1, fresh.output
    conflicts = json.loads(fresh.stdout)["conflicts"]
    assert conflicts and all("harian-baru" in (c["a"]["doc"], c["b"]["doc"]) for c in conflicts)


def test_fail_on_decides_the_exit_code_not_the_report(runner, batch):
    (batch / "harian-baru.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert run(runner, "baseline", CORPUS, "-o", "b.json", *LEXICAL).exit_code == 0
    kinds = {c["kind"] for c in json.loads(run(
        runner, "check", batch, "--baseline", "b.json", *LEXICAL, "--format", "json"
    ).stdout)["conflicts"]}
    absent = sorted({"numeric", "unspecified", "date", "statement"} - kinds)
    assert "numeric" in kinds and absent
    passing = run(runner, "check", batch, "--baseline", "b.json", *LEXICAL,
                  "--fail-on", ",".join(absent), "--format", "json")
    assert passing.exit_code == 0 and json.loads(passing.stdout)["conflicts"]
    failing = run(runner, "check", batch, "--baseline", "b.json", *LEXICAL,
                  "--fail-on", ",".join(absent), "--fail-on", "numeric")
    assert failing.exit_code == 1
    assert run(runner, "check", batch, *LEXICAL, "--exit-zero").exit_code == 0


def test_config_file_sets_defaults_and_options_override_it(runner, batch):
    (batch.parent / "claimcheck.toml").write_text(
        'embedder = "lexical"\nformat = "json"\nfail_on = ["date"]\n'
        '[outlets]\n"telusur.co.id" = "Telusur"\n', encoding="utf-8")
    from_file = run(runner, "check", batch)
    data = json.loads(from_file.stdout)
    assert data["embedder"].startswith("lexical")
    assert "Telusur" in {d["outlet"] for d in data["documents"]}
    kinds = {c["kind"] for c in data["conflicts"]}
    assert from_file.exit_code == (1 if "date" in kinds else 0)
    overridden = run(runner, "check", batch, "--format", "markdown", "--fail-on", "any")
    assert overridden.stdout.startswith("## claimcheck report") and overridden.exit_code == 1


def test_unknown_config_key_is_one_line_and_exit_2(runner, batch):
    (batch.parent / "pyproject.toml").write_text(
        "[tool.claimcheck]\nfail-on = 'any'\n", encoding="utf-8")
    line = one_error_line(run(runner, "check", batch, *LEXICAL))
    assert "unknown key 'fail-on'" in line
    explicit = batch.parent / "other.toml"
    explicit.write_text("threshold = 3\n", encoding="utf-8")
    assert "unknown key 'threshold'" in one_error_line(
        run(runner, "index", batch, "--store", "s.db", "--config", explicit))


@pytest.mark.parametrize("output_format, parse", [
    ("json", json.loads),
    ("sarif", json.loads),
    ("junit", lambda text: ElementTree.fromstring(text.encode("utf-8"))),
    ("markdown", lambda text: text.index("| kind | count |")),
    ("html", lambda text: text.index("</html>")),
])
def test_every_format_written_atomically_to_a_file(runner, batch, output_format, parse):
    target = batch.parent / f"report.{output_format}"
    result = run(runner, "check", batch, *LEXICAL, "--format", output_format, "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    parse(target.read_text(encoding="utf-8"))
    assert [p.name for p in batch.parent.iterdir() if p.name.startswith(".report")] == []


def test_unwritable_output_path_is_one_line_and_exit_2(runner, batch):
    line = one_error_line(run(runner, "check", batch, *LEXICAL, "--format", "sarif",
                              "-o", batch.parent / "missing-folder" / "out.sarif"))
    assert "missing-folder" in line
    assert "does not exist" in one_error_line(run(runner, "baseline", batch, *LEXICAL,
                                                  "-o", "nowhere/b.json"))
    source = batch / "000_904dd51bb35e31f8.txt"
    assert "refusing to overwrite input" in one_error_line(
        run(runner, "check", batch, *LEXICAL, "-o", source))


def test_bad_gate_inputs_are_one_line_and_exit_2(runner, batch):
    assert "baseline" in one_error_line(run(runner, "check", batch, *LEXICAL,
                                            "--baseline", "missing.json"))
    assert "'sometimes' is not one of" in one_error_line(
        run(runner, "check", batch, *LEXICAL, "--fail-on", "sometimes"))
    assert "no store at" in one_error_line(run(runner, "check", batch, *LEXICAL,
                                               "--against", "missing.db"))


def test_index_check_against_stats_and_prune(runner, batch):
    old = batch.parent / "old"
    new = batch.parent / "new-articles"
    old.mkdir()
    new.mkdir()
    for path in sorted(batch.iterdir()):
        shutil.copy(path, old if path.name < "003" else new)
    indexed = run(runner, "index", old, "--store", "store.db", *LEXICAL)
    assert indexed.exit_code == 0, indexed.output
    assert indexed.stdout.strip() == ("Indexed 3 articles into store.db: 3 added, 0 updated, "
                                      "0 unchanged; 0 sentences embedded.")
    again = run(runner, "index", old, "--store", "store.db", *LEXICAL)
    assert "0 added, 0 updated, 3 unchanged" in again.stdout

    checked = run(runner, "check", new, "--against", "store.db", *LEXICAL, "--format", "json")
    assert checked.exit_code == 1, checked.output
    data = json.loads(checked.stdout)
    new_ids = {p.stem for p in new.iterdir()}
    assert data["conflicts"]
    assert all({c["a"]["doc"], c["b"]["doc"]} & new_ids for c in data["conflicts"])

    stats = run(runner, "store", "stats", "--store", "store.db", "--format", "json")
    facts = json.loads(stats.stdout)
    assert facts["articles"] == 3 and facts["schema_version"] == 3 and facts["sentences"] > 0
    assert "Articles:   3 from 3 outlets" in run(runner, "store", "stats", "--store",
                                                 "store.db").stdout
    pruned = run(runner, "store", "prune", "--before", "2000-01-01", "--store", "store.db")
    assert pruned.stdout.strip() == "Pruned 0 articles published before 2000-01-01 from " \
                                    "store.db."
    pruned = run(runner, "store", "prune", "--before", "2999-01-01", "--store", "store.db")
    assert pruned.stdout.startswith("Pruned 3 articles")


def test_corrupt_store_is_one_line_and_exit_2(runner, batch):
    (batch.parent / "store.db").write_bytes(b"\x00garbage, not SQLite\n" * 300)
    for args in (["store", "stats"], ["store", "prune", "--before", "2021-01-01"],
                 ["index", batch, *LEXICAL], ["check", batch, *LEXICAL, "--against"]):
        store_args = ["store.db"] if args[-1] == "--against" else ["--store", "store.db"]
        line = one_error_line(run(runner, *args, *store_args))
        assert "corrupt or not a claimcheck store" in line


def test_foreign_sqlite_file_is_refused(runner, batch):
    with sqlite3.connect(batch.parent / "notes.db") as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    assert "not a claimcheck store" in one_error_line(
        run(runner, "store", "stats", "--store", "notes.db"))


def test_quiet_and_piped_runs_print_nothing_but_the_report(runner, batch):
    result = run(runner, "check", batch, *LEXICAL, "--format", "json", "--quiet")
    json.loads(result.stdout)
    assert result.stderr == ""
    indexed = run(runner, "index", batch, "--store", "s.db", *LEXICAL, "--quiet")
    assert indexed.exit_code == 0 and indexed.output == ""
