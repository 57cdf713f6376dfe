"""An article too large to be one is skipped or cut with a warning; long runs log each stage."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import claimcheck.cli.check as check_command
from claimcheck.cli import cli
from claimcheck.errors import ConfigError
from claimcheck.ingest.oversize import limit_article_sizes, parse_size
from claimcheck.models import Document
from tests.conftest import CORPUS

LEXICAL = ["--embedder", "lexical"]


@pytest.mark.parametrize("text, size", [("2MB", 2_000_000), ("500kB", 500_000),
                                        ("1.5 M", 1_500_000), ("100000", 100_000),
                                        (4096, 4096)])
def test_sizes_are_read_in_powers_of_1000(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["two megabytes", "-1MB", "0", "", True])
def test_a_size_that_is_not_one_is_an_error(text):
    with pytest.raises(ConfigError):
        parse_size(text)


def _long(characters: int) -> Document:
    sentence = "Sebanyak 3.000 tentara tiba di Kabul pada Kamis untuk membantu evakuasi. "
    text = (sentence * (characters // len(sentence) + 1))[:characters]
    return Document("dump", "feed.jsonl:7", text, "Feed")


def test_an_article_over_the_limit_is_skipped_with_a_warning_naming_it():
    small = Document("small", "small.txt", "Pasukan tiba pada Kamis.", "Kabar")
    kept, warnings = limit_article_sizes([small, _long(5_000)], 1_000)
    assert kept == [small]
    assert warnings == ["article dump (feed.jsonl:7) has 5 kB of text, over the 1 kB limit: "
                        "skipped (raise --max-article-size, or --oversize truncate to check "
                        "its beginning)"]


def test_a_truncated_article_is_cut_at_a_sentence_end_within_the_limit():
    (cut,), (warning,) = limit_article_sizes([_long(5_000)], 1_000, "truncate")
    assert len(cut.text) <= 1_000 and cut.text.endswith("evakuasi.")
    assert warning.endswith(f"checked only its first {len(cut.text)} characters")


def _write_article(folder, name: str, text: str) -> None:
    (folder / name).write_text(f"---\noutlet: {name}\nlanguage: id\n---\n{text}\n",
                               encoding="utf-8")


def test_the_cli_skips_an_oversized_article_and_checks_the_rest(tmp_path):
    for path in sorted(CORPUS.glob("*.txt"))[:2]:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    _write_article(tmp_path, "dump.txt", _long(30_000).text)  # one line, no break
    result = CliRunner().invoke(cli, ["check", str(tmp_path), *LEXICAL, "--format", "json",
                                      "--max-article-size", "20kB"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["summary"]["articles"] == 2
    assert any("dump.txt" in warning and "over the 20 kB limit: skipped" in warning
               for warning in report["warnings"])
    assert "Warning: article dump" in result.stderr

    truncated = CliRunner().invoke(cli, ["check", str(tmp_path), *LEXICAL, "--format", "json",
                                         "--max-article-size", "20kB", "--oversize",
                                         "truncate"])
    assert json.loads(truncated.stdout)["summary"]["articles"] == 3


def test_the_limit_comes_from_the_config_file_too(tmp_path):
    _write_article(tmp_path, "dump.txt", _long(3_000).text)
    _write_article(tmp_path, "short.txt", "Pasukan tiba di Kabul pada Kamis pagi.")
    config = tmp_path / "claimcheck.toml"
    config.write_text('max_article_size = "2kB"\noversize = "skip"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), *LEXICAL, "--format", "json",
                                      "--config", str(config)])
    assert json.loads(result.stdout)["summary"]["articles"] == 1
    config.write_text('max_article_size = "lots"\n', encoding="utf-8")
    bad = CliRunner().invoke(cli, ["check", str(tmp_path), *LEXICAL, "--config", str(config)])
    assert bad.exit_code == 2 and "max_article_size" in bad.output


def test_a_long_run_logs_one_line_per_stage_with_counts(monkeypatch):
    monkeypatch.setattr(check_command, "PROGRESS_AFTER_S", 0.0)
    result = CliRunner().invoke(cli, ["check", str(CORPUS), *LEXICAL, "--format", "json"])
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Warning")]
    stages = [line.split(":")[0] for line in lines]
    assert stages == ["segment", "extract", "embed", "neighbours", "topics", "candidates",
                      "judges", "claims"]
    summary = json.loads(result.stdout)["summary"]
    assert lines[0].startswith(f"segment: {summary['sentences']} sentences from "
                               f"{summary['articles']} articles (")
    assert lines[0].endswith(" s)")


def test_a_short_run_or_quiet_logs_no_stage_lines(monkeypatch):
    monkeypatch.setattr(check_command, "PROGRESS_AFTER_S", 0.0)
    quiet = CliRunner().invoke(cli, ["check", str(CORPUS), *LEXICAL, "-q"])
    assert quiet.stderr == ""
    monkeypatch.setattr(check_command, "PROGRESS_AFTER_S", 3600.0)
    short = CliRunner().invoke(cli, ["check", str(CORPUS), *LEXICAL])
    assert "segment:" not in short.stderr
