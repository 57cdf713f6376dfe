"""How well each embedder finds a sentence's partner in another outlet.

For known (sentence, partner) pairs, the rank of the partner among all sentences of the
other articles (0 = nearest). Indonesian pairs come from corpus/; English pairs are
paraphrases written for this probe, mixed with the English fixture articles as
distractors. Run: python benchmarks/partner_rank.py

A second table reads the development set's gold (``../shared/devset/``, see
``devset_gold.py``; skipped, saying so, when the folder is missing): per pair of
languages, the partner's rank among the other outlets' sentences in one list and among
those of the partner's language, and the share of gold conflicting cross-outlet pairs
that the candidate stage proposes, with neighbours in one list (as before language-aware
search) and by language (the default), beside the candidate pairs per sentence.
``--skip-probes`` prints only that table; ``--devset DIR`` reads another folder like it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.embed.embed import make_embedder  # noqa: E402
from claimcheck.ingest.ingest import read_documents  # noqa: E402
from claimcheck.segment.segment import segment_document  # noqa: E402

# (document prefix, sentence start) pairs that report the same thing in two outlets.
INDONESIAN_PAIRS = [
    (("000", "Menanggapi kemajuan"), ("001", "Pentagon telah menempatkan")),
    (("000", "Menanggapi kemajuan"), ("001", "Pejabat itu mengatakan jumlah")),
    (("000", "Menanggapi kemajuan"), ("001", "Dengan keamanan yang memburuk")),
    (("000", "Seseorang yang mengetahui"), ("001", "Dia mengatakan kedutaan tetap")),
    (("000", "\"Kami berharap"), ("001", "Juru bicara Departemen Luar Negeri AS")),
    (("000", "\"Kami berharap"), ("001", "\"Kedutaan kami tetap buka")),
    (("000", "Pasukan Taliban mengklaim"), ("001", "Taliban akhirnya merebut")),
    (("000", "Dilansir Reuters"), ("001", "Pihak milisi mengumumkan")),
    (("000", "Kedua negara tersebut"), ("003", "Negara-negara Barat bergegas")),
    (("002", "Seorang juru bicara Kedutaan Besar Rusia"), ("003", "Kabulov menyatakan")),
    (("002", "Utusan Rusia untuk Afghanistan"), ("003", "Hal itu diungkapkan")),
    (("002", "Menurut laporan, Taliban"), ("001", "Taliban akhirnya merebut")),
    (("001", "Meski pasukan pemerintah"), ("004", "“Ketika mereka")),
]

ENGLISH_PAIRS = [
    ("The Pentagon will send about 3,000 more troops to Kabul airport.",
     "Some three thousand additional American soldiers are being dispatched to the Afghan "
     "capital's airfield, the Defense Department said."),
    ("The US embassy in Kabul remains open, a spokesman said.",
     "Washington's diplomatic mission in the Afghan capital has not shut its doors, "
     "according to the State Department."),
    ("Russia does not plan to evacuate its embassy staff.",
     "Moscow has no intention of pulling its diplomats out of the country."),
    ("Taliban fighters captured Kandahar, the country's second-largest city, on Friday.",
     "Insurgents seized control of Kandahar late on Friday after heavy fighting."),
    ("Britain will deploy around 600 soldiers to help its citizens leave.",
     "London is sending roughly six hundred military personnel to get British nationals out."),
    ("Tajikistan ordered 20,000 reservists to reinforce its border.",
     "Dushanbe called up twenty thousand reserve troops to guard the frontier."),
    ("Peace talks are expected to accelerate in the coming days.",
     "Negotiations toward a settlement should speed up soon, the spokesman said."),
    ("The number of additional troops has not been decided.",
     "Officials have yet to determine how many extra forces will be sent."),
    ("More than 1,000 Afghan soldiers fled across the border overnight.",
     "Over a thousand government troops escaped into the neighbouring country during the night."),
    ("The consulate in Mazar-i-Sharif was closed because of the deteriorating security.",
     "Worsening safety conditions forced the closure of the mission in Mazar-i-Sharif."),
]


def _ranks(matrix, queries: list[tuple[int, int]], eligible) -> list[int]:
    ranks = []
    for query, partner in queries:
        row = matrix[query] @ matrix.T
        row = np.asarray(row.toarray() if hasattr(row, "toarray") else row).ravel()
        candidates = [i for i in eligible(query) if i != query]
        order = sorted(candidates, key=lambda i: -row[i])
        ranks.append(order.index(partner))
    return ranks


def _indonesian():
    documents = read_documents([ROOT / "corpus"]).documents
    sentences = [(d.id[:3], s.text) for d in documents for s in segment_document(d, "id").sentences]

    def find(prefix, start):
        return next(i for i, (doc, text) in enumerate(sentences)
                    if doc == prefix and text.startswith(start))

    queries = []
    for (doc_a, start_a), (doc_b, start_b) in INDONESIAN_PAIRS:
        a, b = find(doc_a, start_a), find(doc_b, start_b)
        queries += [(a, b), (b, a)]
    texts = [text for _, text in sentences]

    def eligible(query):
        return [i for i, (doc, _) in enumerate(sentences) if doc != sentences[query][0]]

    return texts, ["id"] * len(texts), queries, eligible


def _english():
    documents = read_documents([ROOT / "tests" / "fixtures" / "multilingual"]).documents
    distractors = [s.text for d in documents if d.language != "de"
                   for s in segment_document(d, "en").sentences]
    texts = [text for pair in ENGLISH_PAIRS for text in pair] + distractors
    queries = []
    for index in range(len(ENGLISH_PAIRS)):
        queries += [(2 * index, 2 * index + 1), (2 * index + 1, 2 * index)]
    return texts, ["en"] * len(texts), queries, lambda query: range(len(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-probes", action="store_true",
                        help="only the development-set table")
    parser.add_argument("--devset", type=Path, help="folder of gold batches "
                        "(default: ../shared/devset)")
    options = parser.parse_args()
    if not options.skip_probes:
        probes()
    from devset_table import DEVSET, devset_table

    devset_table(options.devset or DEVSET)


def probes() -> None:
    print(f"{'set':<11} {'embedder':<9} {'top 1':>6} {'top 5':>6} {'top 10':>7} "
          f"{'median':>7} {'seconds':>8}")
    for label, build in (("Indonesian", _indonesian), ("English", _english)):
        texts, languages, queries, eligible = build()
        for kind in ("lexical", "semantic", "hybrid"):
            started = time.perf_counter()
            matrix = make_embedder(kind).embed(texts, languages)
            ranks = _ranks(matrix, queries, eligible)
            elapsed = time.perf_counter() - started
            print(f"{label:<11} {kind:<9} {sum(r < 1 for r in ranks):>3}/{len(ranks):<2} "
                  f"{sum(r < 5 for r in ranks):>3}/{len(ranks):<2} "
                  f"{sum(r < 10 for r in ranks):>4}/{len(ranks):<2} "
                  f"{statistics.median(ranks):>7.1f} {elapsed:>8.2f}")


if __name__ == "__main__":
    main()
