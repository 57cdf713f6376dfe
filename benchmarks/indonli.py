"""Contradiction precision and recall of ``compare`` on the IndoNLI diagnostic set.

    python benchmarks/indonli.py [--data PATH] [--nli-model PATH] [--show-errors N]

650 Indonesian premise/hypothesis pairs written by people, tagged by phenomenon
(NEG, NUM, TEMP, ...); label "c" is contradiction. A pair counts as flagged when
``compare`` says "contradiction". Also measures how many pairs per second the judges
get through, end to end (extraction included) and on prepared claims (the pipeline's
case). Nothing here knows any benchmark sentence: it only calls the library.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".." / "shared" / "benchmarks" / "indonli" / "diagnostic.json"
SUBSETS = ("NEG", "NUM", "TEMP")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--nli-model", help="add a CrossEncoder NLI model as a judge")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N false positives and N missed contradictions")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"IndoNLI diagnostic set not found at {args.data}; pass --data PATH. Skipping.")
        return 0
    sys.path.insert(0, str(ROOT))
    from claimcheck.judges import default_judges
    from claimcheck.judges.compare import compare_sentences

    records = json.loads(args.data.read_text(encoding="utf-8"))
    judges = default_judges()
    if args.nli_model:
        from claimcheck.judges.nli import NLIJudge

        judges.append(NLIJudge(args.nli_model))

    started = time.perf_counter()
    results = [compare_sentences(r["premise"], r["hypothesis"], language="id", judges=judges)
               for r in records]
    elapsed = time.perf_counter() - started
    gold = [r["label"] == "c" for r in records]
    flagged = [c.relation == "contradiction" for c in results]

    print(f"IndoNLI diagnostic: {len(records)} pairs, {sum(gold)} contradictions; "
          f"judges: {', '.join(getattr(j, 'name', '?') for j in judges)}")
    print(f"{'subset':<10}{'pairs':>6}{'gold c':>8}{'flagged':>9}{'correct':>9}"
          f"{'precision':>11}{'recall':>8}")
    rows = [("all", range(len(records)))]
    rows += [(tag, [i for i, r in enumerate(records) if tag in r["inference_phenomena"]])
             for tag in SUBSETS]
    for name, indices in rows:
        _print_row(name, list(indices), gold, flagged)
    details = Counter(f"{c.kind}/{c.detail}" for c, f in zip(results, flagged, strict=True) if f)
    correct = Counter(f"{c.kind}/{c.detail}" for c, f, g in zip(results, flagged, gold,
                                                                strict=True) if f and g)
    print("flags by judge/detail (correct/flagged): " + ", ".join(
        f"{k} {correct[k]}/{v}" for k, v in details.most_common()))
    print(f"end to end (premise split, extraction, all judges): "
          f"{len(records) / elapsed:,.0f} pairs/s")
    print(f"judges on prepared claims (pipeline case): {_judge_speed(records, judges):,.0f} "
          "pairs/s")
    if args.show_errors:
        _show_errors(records, results, gold, flagged, args.show_errors)
    return 0


def _print_row(name: str, indices: list[int], gold: list[bool], flagged: list[bool]) -> None:
    true = sum(1 for i in indices if gold[i])
    hits = sum(1 for i in indices if flagged[i])
    correct = sum(1 for i in indices if gold[i] and flagged[i])
    precision = f"{correct / hits:.3f}" if hits else "-"
    recall = f"{correct / true:.3f}" if true else "-"
    print(f"{name:<10}{len(indices):>6}{true:>8}{hits:>9}{correct:>9}{precision:>11}"
          f"{recall:>8}")


def _judge_speed(records: list[dict], judges: list) -> float:
    """Pairs per second for the judges alone, cold caches, claims built beforehand."""
    from claimcheck.judges.compare import _claim, best_sentence
    from claimcheck.judges.propositions import _analyse_cached
    from claimcheck.models import PairContext

    pairs = [(_claim(best_sentence(r["premise"], r["hypothesis"], "id"), "id", None, "A"),
              _claim(r["hypothesis"], "id", None, "B")) for r in records]
    _analyse_cached.cache_clear()
    context = PairContext()
    started = time.perf_counter()
    for a, b in pairs:
        for judge in judges:
            judge.judge(a, b, context)
    return len(pairs) / (time.perf_counter() - started)


def _show_errors(records, results, gold, flagged, limit: int) -> None:
    false_positives = [i for i in range(len(records)) if flagged[i] and not gold[i]]
    missed = [i for i in range(len(records)) if gold[i] and not flagged[i]]
    for title, indices in (("false positives", false_positives), ("missed", missed)):
        print(f"\n== {title} ({len(indices)}) ==")
        for i in indices[:limit]:
            r = records[i]
            print(f"[{r['label']}] {r['inference_phenomena']}\n  P: {r['premise'][:200]}\n"
                  f"  H: {r['hypothesis']}\n  -> {results[i].explanation}")


if __name__ == "__main__":
    raise SystemExit(main())
