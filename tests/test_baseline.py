"""Baselines: accepted conflicts stop failing, new ones fail, fingerprints do not drift."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.models import Claim, Conflict, Sentence
from claimcheck.store.baseline import (
    baseline_from_conflicts,
    load_baseline,
    new_conflicts,
    write_baseline,
)
from tests.report_fixtures import CORPUS, THURSDAY, TROOPS_3000, make_report

NEW_ARTICLE = (
    "---\noutlet: Harian Baru\npublished: 2021-08-13\nlanguage: id\n---\n"
    "Pentagon mengatakan akan mengirim sekitar 8.000 tentara tambahan dalam waktu 48 jam "
    "untuk membantu mengevakuasi staf kedutaan AS di Kabul.\n")


def test_round_trip_accepts_every_recorded_conflict(tmp_path):
    report = make_report(evil=True)
    path = tmp_path / "baseline.json"
    write_baseline(path, baseline_from_conflicts(report.conflicts))
    loaded = load_baseline(path)
    assert loaded.ids == {c.id for c in report.conflicts}
    assert new_conflicts(report, loaded).conflicts == ()
    entry = next(e for e in loaded.entries if e.kind == "date")
    assert entry.a == THURSDAY and entry.outlets == ("telusur.co.id", "Gatra.com")


def test_notes_survive_re_recording(tmp_path):
    report = make_report()
    path = tmp_path / "baseline.json"
    write_baseline(path, baseline_from_conflicts(report.conflicts))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["conflicts"][0]["note"] = "both figures official, at different dates"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = baseline_from_conflicts(report.conflicts, load_baseline(path))
    notes = {e.id: e.note for e in again.entries}
    assert notes[data["conflicts"][0]["id"]] == "both figures official, at different dates"


def test_a_conflict_not_in_the_baseline_is_new(tmp_path):
    report = make_report(evil=True)
    accepted = baseline_from_conflicts(report.conflicts[:2])
    remaining = new_conflicts(report, accepted).conflicts
    assert [c.id for c in remaining] == [report.conflicts[2].id]


def test_fingerprint_ignores_order_whitespace_wrapping_and_names():
    base = make_report().conflicts[0]
    swapped = replace(base, a=base.b, b=base.a, a_values=base.b_values, b_values=base.a_values)
    rewrapped_text = TROOPS_3000.replace(" mengirim ", "\n  mengirim\t").replace(", ", " ,  ")
    rewrapped = replace(base, a=Claim(Sentence("renamed-file", 7, rewrapped_text, "id", 40),
                                      "Another Name", None))
    upper = replace(base, a=replace(base.a, sentence=replace(base.a.sentence,
                                                             text=TROOPS_3000.upper())))
    assert base.id == swapped.id == rewrapped.id == upper.id
    assert replace(base, kind="date").id != base.id
    other = replace(base, a=replace(base.a, sentence=replace(
        base.a.sentence, text=TROOPS_3000.replace("3.000", "3.500"))))
    assert other.id != base.id


def test_fingerprints_of_a_report_survive_renaming_and_rewrapping():
    plain = make_report()
    renamed = make_report(paths={"telusur": "elsewhere/z.txt", "gatra": "x/y.md"})
    rewrapped = make_report(texts={TROOPS_3000: TROOPS_3000.replace(" ", "\n", 3) + "  "})
    assert [c.id for c in plain.conflicts] == [c.id for c in renamed.conflicts] \
        == [c.id for c in rewrapped.conflicts]


def _corpus_variant(folder: Path, rename: bool = False, rewrap: bool = False) -> Path:
    folder.mkdir()
    for number, source in enumerate(sorted(CORPUS.glob("*.txt"))):
        text = source.read_text(encoding="utf-8")
        if rewrap:  # one sentence per line, doubled spaces after commas
            text = re.sub(r"(?<=[a-z]\.) (?=[A-Z])", "  \n", text).replace(", ", ",  ")
        name = f"z{9 - number}_{source.stem[::-1]}.txt" if rename else source.name
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_pipeline_fingerprints_survive_renaming_reordering_and_rewrapping(tmp_path):
    from claimcheck import CheckConfig, check

    config = CheckConfig(embedder="lexical")
    original = {c.id for c in check([str(CORPUS)], config).conflicts}
    renamed = {c.id for c in check([str(_corpus_variant(tmp_path / "a", rename=True))],
                                   config).conflicts}
    rewrapped = {c.id for c in check([str(_corpus_variant(tmp_path / "b", rewrap=True))],
                                     config).conflicts}
    assert original and original == renamed == rewrapped


def test_round_trip_through_the_pipeline(tmp_path):
    from claimcheck import CheckConfig, check

    config = CheckConfig(embedder="lexical")
    path = tmp_path / "baseline.json"
    write_baseline(path, baseline_from_conflicts(check([str(CORPUS)], config).conflicts))
    batch = tmp_path / "batch"
    shutil.copytree(CORPUS, batch)
    assert new_conflicts(check([str(batch)], config), load_baseline(path)).conflicts == ()
    (batch / "harian-baru.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    fresh = new_conflicts(check([str(batch)], config), load_baseline(path)).conflicts
    assert fresh and all("harian-baru" in (c.a.sentence.doc, c.b.sentence.doc) for c in fresh)
    assert any(c.kind == "numeric" for c in fresh)


@pytest.mark.parametrize("content, message", [
    (None, "does not exist"),
    ("{not json", "is not JSON"),
    ('{"conflicts": 3}', "no 'conflicts' list"),
    ('{"schema": 9, "conflicts": []}', "schema 9"),
    ('{"conflicts": [{"kind": "date"}]}', "entry 1 has no string 'id'"),
])
def test_bad_baseline_files_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        load_baseline(path)


def test_conflict_is_in_baseline():
    report = make_report()
    accepted = baseline_from_conflicts(report.conflicts[:1])
    assert report.conflicts[0] in accepted and report.conflicts[1] not in accepted
    assert isinstance(report.conflicts[0], Conflict)
