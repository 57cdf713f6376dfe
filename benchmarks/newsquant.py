"""Score ``extract_quantities`` on NewsQuant (CQE, EMNLP 2023) the way its authors did.

Usage (from the repository root)::

    python benchmarks/newsquant.py [--data PATH] [--errors N]

For each sentence a predicted quantity is correct when its value equals a not yet
matched gold value (relative tolerance 1e-5); a gold range "low-high" only matches a
predicted range with both ends equal. Precision, recall and F1 are summed over the whole
set, for value and for value+change (which also requires the same ``change``). See
``../shared/benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "newsquant" / "NewsQuant.json"
_TOLERANCE = 1e-5
_SCORED_KINDS = frozenset({"count", "money", "percent", "measure", "duration"})


def parse_gold(value: str) -> tuple[float, ...]:
    """(v,) for a point, (low, high) for a "low-high" range."""
    text = str(value).strip()
    try:
        return (float(text),)
    except ValueError:
        pass
    head, _, tail = text[1:].partition("-")  # a leading minus belongs to the number
    return (float(text[0] + head), float(tail))


def predicted(quantity) -> tuple[float, ...] | None:
    if quantity.kind not in _SCORED_KINDS:
        return None
    if quantity.value is not None:
        return (quantity.value,)
    if quantity.low is not None and quantity.high is not None:
        # The gold writes a move in the order it was made: "from 4.8 to 4.7" is "4.8-4.7".
        if quantity.descending:
            return (quantity.high, quantity.low)
        return (quantity.low, quantity.high)
    return None


def same(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE if y == 0 else 0)
        for x, y in zip(a, b, strict=True))


def match(gold: list[tuple[tuple[float, ...], str]], pred: list[tuple[tuple[float, ...], str]],
          with_change: bool) -> int:
    """How many predictions find an unmatched gold value (and change, if asked)."""
    used = [False] * len(gold)
    correct = 0
    for value, change in pred:
        for i, (gold_value, gold_change) in enumerate(gold):
            if not used[i] and same(value, gold_value) and (not with_change
                                                              or change == gold_change):
                used[i] = True
                correct += 1
                break
    return correct


def prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def published(path: Path) -> dict[tuple[str, str], tuple[float, float, float]]:
    rows = {}
    if not path.exists():
        return rows
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows[(row["model"], row["type"])] = (float(row["P"]), float(row["R"]),
                                                 float(row["F1"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N sentences with misses")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"NewsQuant data not found at {args.data}; nothing to score.")
        return 0
    sys.path.insert(0, str(ROOT))
    from claimcheck.extract.quantities import extract_quantities

    items = json.loads(args.data.read_text(encoding="utf-8"))
    texts = [item["text"] for item in items]

    started = time.perf_counter()
    outputs = [extract_quantities(text, "en") for text in texts]
    cold = time.perf_counter() - started
    warm = min(_timed(extract_quantities, texts) for _ in range(3))

    totals = {"value": [0, 0, 0], "value+change": [0, 0, 0]}
    shown = 0
    for item, found in zip(items, outputs, strict=True):
        gold = [(parse_gold(q["value"]), q["change"]) for q in item["quantities"]]
        pred = [(v, q.change) for q in found if (v := predicted(q)) is not None]
        for name, with_change in (("value", False), ("value+change", True)):
            correct = match(gold, pred, with_change)
            totals[name][0] += correct
            totals[name][1] += len(pred)
            totals[name][2] += len(gold)
        if shown < args.errors and (match(gold, pred, True) != len(gold)
                                    or len(pred) != len(gold)):
            shown += 1
            print(f"- {item['text']}\n    gold {gold}\n    pred {pred}")

    reference = published(args.data.with_name("published_scores.csv"))
    print(f"NewsQuant: {len(items)} sentences, {totals['value'][2]} gold quantities")
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}   published F1 (CQE / quantulum3 / GPT-3)")
    for name, (correct, n_pred, n_gold) in totals.items():
        p, r, f1 = prf(correct, n_pred, n_gold)
        refs = " / ".join(f"{reference[(m, name)][2]:.1f}" if (m, name) in reference else "-"
                          for m in ("CQE-Numparser", "quantulum3", "GPT3"))
        print(f"{name:14}{100 * p:7.1f}{100 * r:7.1f}{100 * f1:7.1f}   {refs}")
    print(f"speed: {len(texts) / warm:,.0f} sentences/s warm (best of 3), "
          f"{len(texts) / cold:,.0f} cold")
    return 0


def _timed(function, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        function(text, "en")
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
