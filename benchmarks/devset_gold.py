"""The development set's gold conflicting pairs, as sentences of claimcheck's own segmentation.

Reads ``../shared/devset/`` (third-party news texts, for evaluation only: nothing of it
is copied into the repository). Each batch folder's articles become documents as
``score.py`` builds them (line 1 ``# outlet | language | date | url``, then the body),
go through segmentation and extraction, and each gold conflicting cross-outlet pair is
mapped to the sentences that carry its two sides, matched as ``score.py`` matches a
reported conflict: a sentence carries a side when it contains (or is contained in) the
side's quote or one of its alt_quotes, and the two sides are in different groups.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claimcheck.extract.extract import extract_claims  # noqa: E402
from claimcheck.ingest.ingest import read_documents  # noqa: E402
from claimcheck.models import Claim  # noqa: E402
from claimcheck.segment.segment import segment_documents  # noqa: E402


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One gold conflicting cross-outlet pair: the rows that may stand for each side."""

    batch: str
    conflict: str
    file_a: str
    file_b: str
    language_a: str
    language_b: str
    #: (row in A, row in B) pairs whose sides are in different groups.
    links: tuple[tuple[int, int], ...]

    @property
    def languages(self) -> str:
        """``same``, or the two languages in the table's order (``id-en``, ``id-de``, ``en-de``)."""
        if self.language_a == self.language_b:
            return "same"
        order = {"id": 0, "en": 1, "de": 2}
        pair = sorted((self.language_a, self.language_b), key=lambda code: (order.get(code, 3),
                                                                             code))
        return "-".join(pair)


@dataclass(frozen=True, slots=True)
class Batch:
    name: str
    claims: tuple[Claim, ...]
    #: article file name (``x.txt``) of each row
    files: tuple[str, ...]
    pairs: tuple[GoldPair, ...]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _contains(text: str, quote: str) -> bool:
    t, q = _norm(text), _norm(quote)
    return bool(q) and (q in t or (len(t) > 25 and t in q))


def _records(folder: Path) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        parts = [part.strip() for part in head.lstrip("# ").split("|")]
        outlet, language, date, url = (parts + ["", "", "", ""])[:4]
        record = {"id": path.stem, "outlet": outlet, "language": language, "url": url,
                  "text": body.strip()}
        found = re.search(r"\d{4}-\d{2}-\d{2}", date)
        if found:
            record["published"] = found.group(0)
        records.append(record)
    return records


def load_batches(root: Path = DEVSET) -> list[Batch]:
    """Every batch under ``root``; an empty list when the folder is missing."""
    batches = []
    for folder in sorted(path.parent for path in root.glob("*/gold.json")):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        records = _records(folder)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{folder.name}.jsonl"
            source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                              encoding="utf-8")
            documents = read_documents([source]).documents
        claims = extract_claims(segment_documents(documents))
        files = tuple(f"{claim.sentence.doc}.txt" for claim in claims)
        language = {f"{r['id']}.txt": r["language"] for r in records}
        pairs = []
        for conflict in gold["conflicts"]:
            carriers = {}  # row -> groups of the sides it carries
            for side in conflict["sides"]:
                quotes = [side["quote"], *side.get("alt_quotes", [])]
                for row, claim in enumerate(claims):
                    if files[row] == side["file"] and any(
                            _contains(claim.sentence.text, quote) for quote in quotes):
                        carriers.setdefault(row, set()).add(side.get("group"))
            seen = set()
            for file_a, file_b in conflict.get("cross_outlet_pairs", []):
                if frozenset((file_a, file_b)) in seen:
                    continue
                seen.add(frozenset((file_a, file_b)))
                links = tuple(
                    (a, b) for a in carriers if files[a] == file_a
                    for b in carriers if files[b] == file_b
                    if any(x != y for x in carriers[a] for y in carriers[b]))
                pairs.append(GoldPair(folder.name, conflict["id"], file_a, file_b,
                                      language[file_a], language[file_b], links))
        batches.append(Batch(folder.name, tuple(claims), files, tuple(pairs)))
    return batches
