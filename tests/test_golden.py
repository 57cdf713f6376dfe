"""Golden files: the rendered reports of corpus/, so a layout change shows in review.

The lexical embedder keeps them deterministic and fast. After an intended change,
rewrite them with ``python -m pytest tests/test_golden.py --update-golden`` (or
``CLAIMCHECK_UPDATE_GOLDEN=1``) and review the diff of tests/golden/.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"text": "corpus.txt", "markdown": "corpus.md", "html": "corpus.html",
           "json": "corpus.json"}


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_the_corpus_report_renders_as_recorded(output_format, update_golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the report as a reader types them: corpus/...
    result = CliRunner().invoke(cli, ["check", "corpus/", "--embedder", "lexical", "--width",
                                      "80", "--format", output_format, "-q"])
    assert result.exit_code == 1, result.output  # the corpus has conflicts
    golden = GOLDEN / FORMATS[output_format]
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run pytest {__file__} --update-golden"
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"the {output_format} report changed; if intended, rerun with --update-golden and "
        "review the diff of tests/golden/")
