"""The same batch gives the same report on every run: a CI check compares reports and
baselines, so no order may depend on Python's per-process string hashing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Invented: five outlets, one toll each, the same day; many conflicts of equal score.
_TOLLS = [
    ("harian", "id", "Kapal feri Marisol tenggelam di Port Caldera. Sebanyak 12 orang tewas."),
    ("wire", "en", "The ferry Marisol sank off Port Caldera. Fourteen people were killed."),
    ("zeitung", "de", "Die Fähre Marisol sank vor Port Caldera. 15 Menschen kamen ums Leben."),
    ("post", "en", "The ferry Marisol sank off Port Caldera, killing 13 people."),
    ("kabar", "id", "Feri Marisol tenggelam di perairan Port Caldera; 11 orang meninggal."),
]


def _report(seed: str, path: Path) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(path),
                           "--embedder", "lexical", "--format", "json"],
                          capture_output=True, text=True, env=environment, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_the_report_does_not_depend_on_the_hash_seed(tmp_path):
    batch = tmp_path / "tolls.jsonl"
    batch.write_text("".join(json.dumps({"id": name, "outlet": name.title(), "language": lang,
                                         "published": "2024-03-08", "text": text}) + "\n"
                             for name, lang, text in _TOLLS), encoding="utf-8")
    first = _report("1", batch)
    assert json.loads(first)["conflicts"]
    assert all(_report(seed, batch) == first for seed in ("2", "3"))
    assert _report("1", CORPUS) == _report("2", CORPUS)
