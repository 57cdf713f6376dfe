"""A README example is a test: every ``claimcheck ...`` command the README shows runs here,
in README order, in one working folder holding the files the examples name."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.report_fixtures import CORPUS

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_commands() -> list[tuple[str, str | None]]:
    """``(command, stdin file)`` for every claimcheck command in bash and yaml blocks."""
    commands = []
    for language, body in _BLOCK.findall(README.read_text(encoding="utf-8")):
        if language not in ("bash", "yaml"):
            continue
        for line in body.splitlines():
            if language == "yaml":
                match = re.match(r"\s*(?:-\s*)?run:\s*(claimcheck .*)$", line)
                line = match.group(1) if match else ""
            for part in line.split("&&"):
                part = part.split(" #")[0].strip()
                piped = re.match(r"cat (\S+) \| (claimcheck .*)$", part)
                if piped:
                    commands.append((piped.group(2), piped.group(1)))
                elif part.startswith("claimcheck "):
                    commands.append((part, None))
    return commands


def _workspace(folder: Path) -> None:
    shutil.copytree(CORPUS, folder / "corpus")
    (folder / "articles").mkdir()
    (folder / "new-articles").mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, folder / ("articles" if path.name < "003" else "new-articles"))
    with (folder / "batch.jsonl").open("w", encoding="utf-8") as stream:
        for path in sorted(CORPUS.glob("*.txt")):
            stream.write(json.dumps({"id": path.stem, "text": path.read_text("utf-8")}) + "\n")


def test_the_readme_shows_the_new_commands():
    shown = " ".join(command for command, _ in readme_commands())
    for needed in ("claimcheck baseline", "--baseline", "--fail-on", "claimcheck index",
                   "--against store.db", "claimcheck store stats", "claimcheck store prune",
                   "--format sarif"):
        assert needed in shown


def test_every_readme_command_runs(tmp_path, monkeypatch):
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    ran, failures = 0, []
    for command, stdin_file in readme_commands():
        args = [str(Path(arg).expanduser()) if arg.startswith("~") else arg
                for arg in shlex.split(command)[1:]]
        if "--model" in args and not Path(args[args.index("--model") + 1]).exists():
            continue  # by design: the example names a model folder the reader has
        stdin = (tmp_path / stdin_file).read_text(encoding="utf-8") if stdin_file else None
        result = runner.invoke(cli, args, input=stdin)
        ran += 1
        if result.exit_code not in (0, 1) or "Error" in result.stderr:
            failures.append(f"{command}: exit {result.exit_code}: {result.output[-500:]}")
    assert not failures, "\n".join(failures)
    assert ran >= 15
    assert json.loads((tmp_path / "claimcheck.sarif").read_text())["version"] == "2.1.0"
    assert (tmp_path / "summary.md").read_text().startswith("## claimcheck report")


def test_the_readme_configuration_example_is_valid(tmp_path):
    from claimcheck.config import load_settings

    [example] = [body for language, body in _BLOCK.findall(README.read_text("utf-8"))
                 if language == "toml" and "[tool.claimcheck]" in body]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = load_settings(start=tmp_path)
    assert settings.fail_on == ("numeric", "date")
    assert dict(settings.outlets)["Gatra.com"] == "Gatra"


@pytest.mark.parametrize("snippet", ["--fail-on any|numeric|unspecified|date|statement"])
def test_the_readme_matches_the_options(snippet):
    assert snippet in README.read_text(encoding="utf-8")


def test_the_readme_says_the_first_command_exits_1_on_the_sample():
    text = README.read_text(encoding="utf-8")
    first_block = _BLOCK.search(text)
    assert first_block.group(2).strip().endswith("claimcheck check corpus/")
    after = text[first_block.end():].lstrip().split("\n\n")[0]
    assert "exits with code 1" in after and "--exit-zero" in after


def test_the_readme_lists_every_bad_input_case():
    section = README.read_text(encoding="utf-8").split("### Bad input", 1)[1].split("\n#", 1)[0]
    for case in ("malformed JSONL line", "null, a number", "--strict", "same `id`",
                 "same file reached twice", "not valid UTF-8", "--model does/not-exist",
                 "read-only folder", "--against", "index --store"):
        assert case in section, case


def test_the_layout_section_names_only_modules_that_exist():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## How the code is laid out"):]
    section = section[:section.index("\n## ", 1)]
    named = set(re.findall(r"`(claimcheck/[\w/]+(?:\.py)?)`", section))
    assert len(named) > 20
    assert [path for path in sorted(named) if not (README.parent / path).exists()] == []
    judges = set(re.findall(r"`(\w+\.py)`", section))
    assert all((README.parent / "claimcheck" / "judges" / name).exists() for name in judges)


def test_the_library_example_runs(monkeypatch, capsys):
    monkeypatch.chdir(README.parent)
    [example] = [body for language, body in _BLOCK.findall(README.read_text("utf-8"))
                 if language == "python"]
    exec(compile(example, "README.md", "exec"), {})
    assert "statement" in capsys.readouterr().out
