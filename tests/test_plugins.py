"""Plug-ins: an installed package adds a judge, an embedder and a format through entry points,
and claimcheck uses them exactly as it uses its own."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from claimcheck import plugins
from claimcheck.config import CheckConfig
from claimcheck.errors import ConfigError
from claimcheck.formats import FORMATTERS, RenderOptions, get_formatter
from claimcheck.judges import JUDGES, default_judges
from claimcheck.pipeline import check
from tests.conftest import CORPUS, ROOT

EXTENSION = '''
"""A tiny claimcheck extension: letter counts, a length judge and a one-line report."""

import numpy as np

from claimcheck.judges import Judge
from claimcheck.models import Conflict


class LetterEmbedder:
    name = "letters"

    def embed(self, texts, languages=None):
        rows = np.zeros((len(texts), 26), dtype=np.float32)
        for row, text in enumerate(texts):
            for letter in text.lower():
                if "a" <= letter <= "z":
                    rows[row, ord(letter) - 97] += 1
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)


class LengthJudge(Judge):
    name = "length"

    def __init__(self, ratio):
        self.ratio = ratio

    def judge(self, a, b, context):
        short, long = sorted((len(a.sentence.text), len(b.sentence.text)))
        if long < self.ratio * short:
            return None
        return Conflict("length", 0.5, f"one is {self.ratio}x longer", a, b, self.name)


def make_letters(config, cache):
    return LetterEmbedder()


def make_length_judge(config):
    # A judge's options come from the configuration it is built with.
    return LengthJudge(ratio=1 + 10 * config.min_percentile)


class CountFormatter:
    name = "count"

    def render(self, report, options):
        kinds = sorted({conflict.kind for conflict in report.conflicts})
        return f"{len(report.conflicts)} conflicts ({', '.join(kinds)}) by {report.embedder}\\n"
'''

ENTRY_POINTS = '''
[claimcheck.embedders]
letters = claimcheck_letters:make_letters

[claimcheck.judges]
length = claimcheck_letters:make_length_judge

[claimcheck.formats]
count = claimcheck_letters:CountFormatter
'''


@pytest.fixture
def site(tmp_path):
    """A folder holding an installed extension: its module and its .dist-info metadata,
    as ``pip install --target`` leaves them."""
    (tmp_path / "claimcheck_letters.py").write_text(textwrap.dedent(EXTENSION), "utf-8")
    info = tmp_path / "claimcheck_letters-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: claimcheck-letters\n"
                                   "Version: 0.1\n", "utf-8")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, "utf-8")
    return tmp_path


@pytest.fixture
def installed(site, monkeypatch):
    """The extension on sys.path, and every registry discovering afresh."""
    monkeypatch.syspath_prepend(str(site))
    for registry in (JUDGES, FORMATTERS, plugins.EMBEDDERS):
        monkeypatch.setattr(registry, "_factories", None)
    return site


def test_built_ins_are_entry_points_of_the_same_groups():
    assert list(plugins.discover(plugins.JUDGES_GROUP))[:4] == ["numeric", "date", "statement",
                                                                "nli"]
    assert set(plugins.discover(plugins.EMBEDDERS_GROUP)) >= {"hybrid", "lexical", "semantic"}
    assert set(plugins.discover(plugins.FORMATS_GROUP)) >= {"text", "json", "markdown", "html"}


def test_an_installed_extension_joins_every_registry(installed):
    assert "letters" in plugins.EMBEDDERS and "length" in JUDGES and "count" in FORMATTERS
    report = check([CORPUS], CheckConfig(embedder="letters", judges=("length",),
                                         min_percentile=0.2))
    assert report.embedder == "letters"
    lengths = [c for c in report.conflicts if c.judge == "length"]
    assert lengths and all(c.explanation == "one is 3.0x longer" for c in lengths)
    assert get_formatter("count").render(report, RenderOptions()).endswith("by letters\n")


def test_an_extension_judge_is_off_unless_chosen_only_when_it_says_so(installed):
    names = [judge.name for judge in default_judges(CheckConfig())]
    assert names == ["numeric", "date", "statement", "length"]  # nli: no model configured


def test_an_extension_never_replaces_a_built_in(installed):
    (installed / "claimcheck_letters-0.1.dist-info" / "entry_points.txt").write_text(
        "[claimcheck.embedders]\nlexical = claimcheck_letters:make_letters\n", "utf-8")
    assert plugins.discover(plugins.EMBEDDERS_GROUP)["lexical"].value == \
        "claimcheck.embed.embed:lexical"


def test_unknown_and_broken_plug_ins_are_one_line_errors(installed):
    with pytest.raises(ConfigError, match="unknown embedder 'nope'; choose one of hybrid"):
        plugins.EMBEDDERS.factory("nope")
    (installed / "claimcheck_letters-0.1.dist-info" / "entry_points.txt").write_text(
        "[claimcheck.formats]\ncount = claimcheck_not_there:CountFormatter\n", "utf-8")
    FORMATTERS._factories = None  # discovered afresh (the fixture restores it)
    with pytest.raises(ConfigError, match="format 'count' .* cannot be loaded"):
        get_formatter("count")


def test_the_command_line_offers_and_uses_the_extension(site):
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(CORPUS), "--embedder", "letters",
         "--format", "count", "--exit-zero", "-q"],
        capture_output=True, text=True, env=environment, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("by letters\n")
    helped = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--help"],
                            capture_output=True, text=True, env=environment, check=False)
    assert "hybrid|lexical|semantic|letters" in helped.stdout
