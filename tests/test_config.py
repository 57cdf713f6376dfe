"""Settings files: where they are found, what they may say, and what overrides them."""

from __future__ import annotations

import re

import pytest

from claimcheck.config import (
    CheckConfig,
    apply_outlet_names,
    find_config,
    load_settings,
    parse_fail_on,
)
from claimcheck.errors import ConfigError
from claimcheck.models import Document

PYPROJECT = """
[project]
name = "newsroom"

[tool.claimcheck]
embedder = "lexical"
min_score = 0.4
fail_on = ["numeric", "date"]
baseline = "gate/claimcheck-baseline.json"
format = "sarif"
language = "ID"
neighbours = 5
model = "models/minilm"

[tool.claimcheck.outlets]
"telusur.co.id" = "Telusur"

[tool.claimcheck.lexicon.id]
hedges = ["konon"]
"""


def test_pyproject_table_found_from_a_subfolder(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "articles" / "today").mkdir(parents=True)
    settings = load_settings(start=tmp_path / "articles" / "today")
    assert settings.source == (tmp_path / "pyproject.toml").resolve()
    assert settings.embedder == "lexical" and settings.min_score == 0.4
    assert settings.fail_on == ("numeric", "date") and settings.format == "sarif"
    assert settings.language == "id" and settings.neighbours == 5
    # Relative to the file that says it, not to wherever claimcheck runs.
    assert settings.baseline == str((tmp_path / "gate" / "claimcheck-baseline.json").resolve())
    assert dict(settings.outlets) == {"telusur.co.id": "Telusur"}
    assert dict(settings.lexicon) == {"id": {"hedges": ["konon"]}}


def test_claimcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('embedder = "semantic"\n', encoding="utf-8")
    assert load_settings(start=tmp_path).embedder == "semantic"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('format = "junit"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n',
                                                      encoding="utf-8")
    assert find_config(tmp_path / "sub") == tmp_path / "claimcheck.toml"


def test_no_file_means_defaults(tmp_path):
    if find_config(tmp_path) is not None:
        pytest.skip("a claimcheck.toml above the temporary folder")
    assert load_settings(start=tmp_path) == CheckConfig()


def test_command_line_overrides_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    settings = load_settings(start=tmp_path).override(
        embedder="hybrid", min_score=0.9, fail_on="statement", format=None, language="EN")
    assert (settings.embedder, settings.min_score, settings.fail_on) == \
        ("hybrid", 0.9, ("statement",))
    assert settings.format == "sarif"  # not given on the command line: the file's value
    assert settings.language == "en"
    config = settings.override(use_cache=False)
    assert (config.embedder, config.min_score, config.neighbours, config.language,
            config.model, config.use_cache) == ("hybrid", 0.9, 5, "en", "models/minilm", False)


def test_explicit_config_file(tmp_path):
    path = tmp_path / "elsewhere.toml"
    path.write_text('[tool.claimcheck]\nfail_on = "any"\n', encoding="utf-8")
    assert load_settings(path).fail_on == ("any",)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")


def test_unknown_key_is_an_error_that_names_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\nembedder = "lexical"\nmin-score = 0.5\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("unknown key 'min-score' in "
                                                    "[tool.claimcheck] of")):
        load_settings(start=tmp_path)


@pytest.mark.parametrize("line, message", [
    ('embedder = "bert"', "embedder must be one of"),
    ("min_score = 2", "min_score must be a number from 0 to 1"),
    ('min_score = "high"', "min_score must be a number"),
    ('fail_on = ["numeric", "typo"]', "'typo' is not one of"),
    ("neighbours = 0", "neighbours must be a whole number"),
    ('format = "pdf"', "format must be one of"),
    ("outlets = 3", "outlets must be a table"),
    ("model = 3", "model must be a non-empty string"),
    ("embedder = [", "not valid TOML"),
    ('[lexicon.id]\nunits = ["x"]', "lexicon: unknown lexicon entry id.units"),
])
def test_bad_values_are_one_clear_error(tmp_path, line, message):
    (tmp_path / "claimcheck.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(start=tmp_path)


def test_parse_fail_on():
    assert parse_fail_on("numeric, date,numeric") == ("numeric", "date")
    with pytest.raises(ConfigError):
        parse_fail_on("")


def test_outlet_names_are_mapped_without_regard_to_case():
    documents = [Document("a", "a.txt", "x", "TELUSUR.co.id"), Document("b", "b.txt", "y", "Gatra")]
    mapped = apply_outlet_names(documents, {"telusur.co.id": "Telusur"})
    assert [d.outlet for d in mapped] == ["Telusur", "Gatra"]


def test_lexicon_entries_in_the_config_extend_the_statement_judge(tmp_path):
    from click.testing import CliRunner

    from claimcheck.cli import cli

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("---\noutlet: A\nlanguage: en\n---\nThe court acquitted "
                                    "the former mayor of all charges on Monday.\n",
                                    encoding="utf-8")
    (articles / "b.txt").write_text("---\noutlet: B\nlanguage: en\n---\nThe court convicted "
                                    "the former mayor of all charges on Monday.\n",
                                    encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", str(articles), "--embedder", "lexical"])
    assert plain.exit_code == 0, plain.output
    config = tmp_path / "claimcheck.toml"
    config.write_text('[lexicon.en.concepts.verdict]\n"+" = ["acquitted"]\n'
                      '"-" = ["convicted"]\n', encoding="utf-8")
    extended = runner.invoke(cli, ["check", str(articles), "--embedder", "lexical",
                                   "--config", str(config), "--format", "json"])
    assert extended.exit_code == 1, extended.output
    assert '"detail": "antonym"' in extended.output and "verdict" in extended.output
