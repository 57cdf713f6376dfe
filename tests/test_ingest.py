"""Reading articles: formats, metadata, outlets from datelines, and bad input."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from claimcheck.errors import InputError
from claimcheck.ingest.ingest import outlet_from_dateline, read_documents, split_front_matter
from tests.conftest import CORPUS, MULTILINGUAL


def test_the_sample_corpus_reads_with_outlets_from_datelines():
    documents = {d.id: d for d in read_documents([CORPUS]).documents}
    assert len(documents) == 5
    assert documents["000_904dd51bb35e31f8"].outlet == "telusur.co.id"
    assert documents["001_eb8b64be02c2e535"].outlet == "Gatra.com"
    assert documents["003_6274c6f764ddb41c"].outlet == "SuaraJawaTengah.id"
    # "Jakarta -" names a city, not an outlet: the file name stands in.
    assert documents["004_90ef9b23076f5816"].outlet == "004_90ef9b23076f5816"


@pytest.mark.parametrize(("line", "outlet"), [
    ("telusur.co.id - Pasukan Taliban mengklaim", "telusur.co.id"),
    ("Kabul, Gatra.com - Taliban akhirnya merebut", "Gatra.com"),
    ("KABUL (Reuters) - Taliban fighters captured", "Reuters"),
    ("Jakarta (ANTARA) - Pemerintah menyatakan", "ANTARA"),
    ("Jakarta - Taliban menyerbu provinsi terakhir", None),
    ("The Pentagon said on Thursday - in a statement - that", None),
])
def test_outlets_come_from_datelines(line, outlet):
    assert outlet_from_dateline(line) == outlet


def test_front_matter_sets_metadata_and_keeps_line_numbers():
    documents = {d.id: d for d in read_documents([MULTILINGUAL]).documents}
    wire = documents["wire-report"]
    assert wire.outlet == "Wire Service"
    assert wire.published == date(2021, 8, 12)
    assert wire.language == "en"
    assert wire.url == "https://wire.example/kabul-embassy"
    assert wire.first_line == 7
    # No outlet in the front matter: the dateline's domain names it.
    assert documents["daily-ledger"].outlet == "DailyLedger.example"


def test_front_matter_needs_key_value_lines():
    with pytest.raises(InputError, match="x.md:2"):
        split_front_matter("---\nnot a pair\n---\nText.", "x.md")


def test_jsonl_from_stdin_and_files(tmp_path):
    records = [
        {"id": "a1", "text": "Outlet A says 3,000 troops.", "outlet": "A", "language": "en",
         "published": "2021-08-12T10:00:00Z"},
        {"text": "Outlet B says 5,000 troops.", "outlet": "B"},
    ]
    lines = "\n".join(json.dumps(r) for r in records) + "\n\n"
    from_stdin = read_documents(["-"], stdin=io.StringIO(lines)).documents
    assert [d.id for d in from_stdin] == ["a1", "stdin:2"]
    assert from_stdin[0].published == date(2021, 8, 12)
    file = tmp_path / "batch.jsonl"
    file.write_text(lines, encoding="utf-8")
    from_file = read_documents([file]).documents
    assert [d.id for d in from_file] == ["a1", "batch:2"]
    assert from_file[1].outlet == "B"


def test_html_article_text_is_extracted(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The Pentagon said it would send about 3,000 additional troops to Kabul "
                     "airport within 48 hours to help evacuate embassy staff."] * 3)
    page.write_text(
        "<html><head><title>Troops to Kabul</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Troops to Kabul</h1><p>{body}</p>"
        "<p>The embassy remains open, a State Department spokesman told reporters on "
        "Thursday, adding that a core diplomatic presence would stay in the capital.</p>"
        "</article><footer>Copyright Example News</footer></body></html>", encoding="utf-8")
    [document] = read_documents([page]).documents
    assert "3,000 additional troops" in document.text
    assert "Copyright" not in document.text
    assert document.id == "page"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary\x00data", "binary file"),
    ("Berita dalam Latin-1: caf\xe9".encode("latin-1"), "not UTF-8"),
])
def test_a_single_bad_file_is_an_error(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_documents([bad])


def test_a_bad_file_among_good_ones_is_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul, Example.com - The embassy is open.\n",
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = read_documents([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    assert len(result.warnings) == 1 and "empty.txt" in result.warnings[0]


def test_missing_paths_and_empty_folders_are_errors(tmp_path):
    with pytest.raises(InputError, match="path not found"):
        read_documents([tmp_path / "nowhere"])
    with pytest.raises(InputError, match="no articles in folder"):
        read_documents([tmp_path])


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", 'bad.jsonl:2: malformed JSON: Expecting property name enclosed in double '
                  'quotes at column 2'),
    ('{"text": "cut off', "bad.jsonl:2: malformed JSON: Unterminated string starting at "
                         "column 10"),
    ("[1, 2]", "bad.jsonl:2: expected a JSON object per line, not an array"),
    ('{"id": "x"}', 'bad.jsonl:2: no "text"'),
    ('{"text": null}', 'bad.jsonl:2: "text" is null, not a string'),
    ('{"text": 42}', 'bad.jsonl:2: "text" is a number, not a string'),
    ('{"text": "  "}', 'bad.jsonl:2: "text" is empty'),
    ('{"text": "ok", "published": "last tuesday"}', "bad.jsonl:2: published date 'last "
                                                    "tuesday' is not an ISO date (YYYY-MM-DD)"),
])
def test_a_bad_jsonl_record_is_skipped_naming_its_line(tmp_path, line, message):
    file = tmp_path / "bad.jsonl"
    file.write_text('{"text": "A fine article.", "outlet": "A"}\n' + line
                    + '\n{"text": "Another.", "outlet": "B"}\n', encoding="utf-8")
    result = read_documents([file])
    assert [d.first_line for d in result.documents] == [1, 3]
    assert [str(item) for item in result.skipped] == [f"{file.parent}/{message}"]
    assert result.warnings == [f"skipped {file.parent}/{message}"]


def test_strict_reading_refuses_any_skipped_input(tmp_path):
    file = tmp_path / "bad.jsonl"
    file.write_text('{"text": "A fine article."}\n{"text": null}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r'bad.jsonl:2: "text" is null.*strict'):
        read_documents([file], strict=True)


def test_a_jsonl_record_may_hold_line_separators_and_bytes_that_are_not_utf8(tmp_path):
    file = tmp_path / "mixed.jsonl"
    file.write_bytes('{"text": "One\u2028sentence, \u0085 one record."}\n'.encode()
                     + b'{"text": "caf\xe9"}\n' + b'{"text": "Fine."}\r\n')
    result = read_documents([file])
    assert [d.first_line for d in result.documents] == [1, 3]
    assert result.documents[0].text == "One\u2028sentence, \u0085 one record."
    assert [(s.line, s.reason) for s in result.skipped] == [
        (2, "not UTF-8 text (byte 13 of the line)")]


def test_same_file_names_in_two_folders_keep_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("The embassy is open.\n", encoding="utf-8")
    ids = [d.id for d in read_documents([tmp_path]).documents]
    assert len(set(ids)) == 2
