"""claimcheck extract: what was read, sentence by sentence, as a table or the JSON schema."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import CORPUS

PENTAGON = CORPUS / "000_904dd51bb35e31f8.txt"


@pytest.fixture
def runner():
    return CliRunner()


def _sentence(data: dict, fragment: str) -> dict:
    return next(s for d in data["documents"] for s in d["sentences"] if fragment in s["text"])


def test_json_follows_the_schema_and_reads_the_troop_numbers(runner):
    result = runner.invoke(cli, ["extract", str(PENTAGON), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    (document,) = data["documents"]
    assert document["language"] == "id" and document["id"] == PENTAGON.stem
    troops = _sentence(data, "sekitar 3.000 tentara tambahan")
    first = troops["quantities"][0]
    assert set(first) >= {"text", "value", "low", "high", "change", "unit", "counted",
                          "qualifiers", "language", "descending"}
    assert (first["value"], first["low"], first["high"], first["change"], first["unit"]) == \
        (3000.0, 2700.0, 3300.0, "~", "troops")
    assert first["qualifiers"] == ["additional"] and first["counted"] == "tentara"
    assert [q["unit"] for q in troops["quantities"]][1] == "hour"  # "dalam waktu 48 jam"


def test_a_move_from_one_figure_to_another_is_one_descending_interval(runner):
    lines = {"id": "inflasi", "outlet": "Contoh", "language": "id",
             "text": "Inflasi turun dari 4,8 persen menjadi 4,2 persen pada Agustus."}
    result = runner.invoke(cli, ["extract", "-", "--format", "json"],
                           input=json.dumps(lines) + "\n")
    assert result.exit_code == 0, result.output
    (move,) = json.loads(result.stdout)["documents"][0]["sentences"][0]["quantities"]
    assert (move["value"], move["low"], move["high"], move["unit"], move["descending"]) == \
        (None, 4.2, 4.8, "percent", True)


def test_the_table_marks_what_was_read(runner):
    result = runner.invoke(cli, ["extract", str(PENTAGON)])
    assert result.exit_code == 0, result.output
    assert "~ [2,700, 3,300] troops" in result.output and "(additional)" in result.output


def test_the_language_option_decides_separators(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Die Regierung schickt 3.000 Soldaten und 2,5 Millionen Euro.\n",
                       encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(article), "--language", "de", "--format",
                                 "json"])
    assert result.exit_code == 0, result.output
    values = [q["value"] for q in
              json.loads(result.stdout)["documents"][0]["sentences"][0]["quantities"]]
    assert values == [3000.0, 2500000.0]


def test_a_missing_path_is_one_line_and_exit_2(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
