"""Every output format read back by a real parser: JSON, SARIF against its schema,
JUnit XML with ElementTree, Markdown with markdown-it, HTML in headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from claimcheck.formats import FORMATTERS, RenderOptions, get_formatter
from tests.report_fixtures import EVIL, make_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SARIF_SCHEMA = FIXTURES / "sarif-schema-2.1.0-subset.json"


def render(name: str, report=None) -> str:
    return get_formatter(name).render(report or make_report(evil=True), RenderOptions())


def test_every_format_is_registered():
    assert {"text", "json", "markdown", "sarif", "junit", "html"} <= set(FORMATTERS)


def test_json_parses_and_carries_fingerprints():
    report = make_report(evil=True)
    data = json.loads(render("json", report))
    assert [c["id"] for c in data["conflicts"]] == [c.id for c in report.conflicts]


def test_sarif_is_valid_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    report = make_report(evil=True)
    log = json.loads(render("sarif", report))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    results = log["runs"][0]["results"]
    assert len(results) == len(report.conflicts)
    first = results[0]
    assert first["partialFingerprints"] == {"claimcheckConflict/v1": report.conflicts[0].id}
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/telusur.txt"
    assert location["region"]["startLine"] == report.conflicts[0].a.sentence.line == 1
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "articles/gatra.txt"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "numeric"


def test_sarif_schema_rejects_what_the_official_one_rejects():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render("sarif"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.0.0", "runs": []}, schema)


def test_sarif_with_no_conflicts_is_valid():
    jsonschema = pytest.importorskip("jsonschema")
    from dataclasses import replace

    log = json.loads(render("sarif", replace(make_report(), conflicts=())))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []


def test_junit_has_one_case_per_article_pair_failing_with_the_texts():
    report = make_report(evil=True)
    root = ElementTree.fromstring(render("junit", report).encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 6  # four articles from four outlets: 4 * 3 / 2 pairs
    failing = {case.get("name"): case.find("failure") for case in cases
               if case.find("failure") is not None}
    assert set(failing) == {"gatra (Gatra.com) vs telusur (telusur.co.id)",
                            "calm (Calm Daily) vs evil (Evil <b>Outlet</b>)"}
    body = failing["gatra (Gatra.com) vs telusur (telusur.co.id)"].text
    assert "3.000 tentara tambahan" in body and "650 tentara" in body and "Kamis" in body
    assert EVIL in failing["calm (Calm Daily) vs evil (Evil <b>Outlet</b>)"].text
    assert root.get("tests") == "6" and root.get("failures") == "2"


def test_junit_survives_control_characters():
    from dataclasses import replace

    report = make_report()
    document = replace(report.documents[0].document, outlet="Bad\x0bOutlet")
    report = replace(report, documents=(replace(report.documents[0], document=document),
                                        *report.documents[1:]))
    ElementTree.fromstring(render("junit", report).encode("utf-8"))


def test_markdown_has_a_summary_table_and_both_quotes_escaped():
    from markdown_it import MarkdownIt

    text = render("markdown")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>3.000 tentara</strong>" in html and "<strong>650 tentara</strong>" in html
    assert html.count("<blockquote>") == 6


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_chromium() is None, reason="no chromium on PATH (apt-get install chromium)")
def test_html_in_headless_chromium(tmp_path):
    report = make_report(evil=True)
    page = tmp_path / "report.html"
    page.write_text(render("html", report), encoding="utf-8")

    def dump(fragment: str = "") -> str:
        completed = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
             page.as_uri() + fragment],
            capture_output=True, text=True, timeout=60)
        assert completed.returncode == 0, completed.stderr[-2000:]
        return completed.stdout

    dom = dump()
    parsed = _parse_html(dom)
    # The page's own script ran; the article's did not, and its text shows as text.
    assert parsed.root_attributes.get("data-ready") == "1"
    assert "data-pwned" not in parsed.root_attributes
    assert parsed.tags.count("script") == 1 and "img" not in parsed.tags
    assert "<script>document.documentElement" in parsed.text
    assert "<title>" not in dom.split("</title>")[1]
    assert len(parsed.cards) == 3 and not any(hidden for _, hidden in parsed.cards)
    assert parsed.marks == ["3.000 tentara", "650 tentara", "5 tentara", "7 tentara", "Kamis",
                            "Jumat"]
    # Links: the http one is a link, the javascript: one is not.
    assert "https://telusur.co.id/afghanistan" in parsed.hrefs
    assert not any(href.startswith("javascript:") for href in parsed.hrefs)
    # The filter by kind, driven through the address: only the date conflict stays.
    filtered = _parse_html(dump("#kinds=date"))
    assert [kind for kind, hidden in filtered.cards if not hidden] == ["date"]


def _parse_html(markup: str):
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self):
            super().__init__()
            self.root_attributes: dict = {}
            self.tags, self.cards, self.marks, self.hrefs = [], [], [], []
            self.text = ""
            self._in_mark = False

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            self.tags.append(tag)
            if tag == "html":
                self.root_attributes = attributes
            if tag == "article" and "conflict" in (attributes.get("class") or ""):
                self.cards.append((attributes["data-kind"], "hidden" in attributes))
            if tag == "a":
                self.hrefs.append(attributes.get("href", ""))
            if tag == "mark":
                self._in_mark = True
                self.marks.append("")

        def handle_endtag(self, tag):
            if tag == "mark":
                self._in_mark = False

        def handle_data(self, data):
            self.text += data
            if self._in_mark:
                self.marks[-1] += data

    page = Page()
    page.feed(markup)
    return page


def test_sarif_of_the_real_corpus_is_valid_and_points_at_the_sentences(monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    from claimcheck import CheckConfig, check

    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    report = check(["corpus/"], CheckConfig(embedder="lexical"))
    log = json.loads(render("sarif", report))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
                        format_checker=jsonschema.FormatChecker())
    results = log["runs"][0]["results"]
    assert len(results) == len(report.conflicts) > 0
    for result in results:
        for location in (result["locations"][0], result["relatedLocations"][0]):
            physical = location["physicalLocation"]
            lines = (root / physical["artifactLocation"]["uri"]).read_text("utf-8").splitlines()
            quoted = physical["region"]["snippet"]["text"]
            assert quoted[:25] in lines[physical["region"]["startLine"] - 1]
