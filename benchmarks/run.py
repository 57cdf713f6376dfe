"""Throughput of every claimcheck stage at growing batch sizes, as one Markdown table.

    python benchmarks/run.py                                  # 1k, 10k, 100k lexical; hybrid to 10k
    python benchmarks/run.py --sizes 1000 --embedder lexical  # a CI-sized run

Each (size, embedder) runs in its own process so peak RSS belongs to that run. The
corpora come from ``corpus_builder`` (new names, numbers and wording per story, so
nothing is a cache hit). In the same process, after the pipeline, the embedding model
alone encodes the same texts the pipeline gave it (sentences with their antecedents):
``overhead`` is pipeline total / that time. The embedding runs on its own thread from
the end of splitting, alongside extraction: the *embed* row is what was left to wait for
once the figures were read, and *embedding* the embedder's own time (loading the model,
the lexical channel and the cache added to the encode). The hybrid run
is then repeated in a fresh process on the same articles with the same cache folder, as
a second ``claimcheck check`` would be (import and load included). Hybrid corpora
declare every article English, so MiniLM encodes every sentence (the case of an English
batch or a multilingual model): the model's worst case, not its
skip-the-foreign-sentences best case.

Then, with the lexical embedder, a second table: a reprint-heavy batch (36 stories each
reprinted 50 times under 40 outlet names, a figure changed in one reprint of three;
``--reprint-source ../shared/devset`` adds one built from real articles) and single-line
articles of 1 MB and 10 MB (``--long-lines``), checked with no size limit.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

STAGES = ("ingest", "segment", "extract", "embed", "neighbours", "topics", "candidates", "judges",
          "claims", "report")


def run_worker(corpus: str, embedder: str, cache_dir: str, second: bool,
               no_limit: bool = False) -> dict:
    """One pipeline run in this process; numbers as a dict (only the timings when it is
    the ``second`` run over a filled cache). ``no_limit`` lifts the article size limit."""
    from claimcheck.formats import RenderOptions, get_formatter
    from claimcheck.gc_pause import paused_collector
    from claimcheck.ingest.ingest import read_documents
    from claimcheck.pipeline import CheckConfig, check_documents

    config = CheckConfig(embedder=embedder, cache_dir=cache_dir,
                         **({"max_article_size": None} if no_limit else {}))
    judges, judges_note = _judges()

    def one_run() -> tuple[object, dict[str, float]]:
        started = time.perf_counter()
        documents = read_documents([corpus]).documents
        ingest = time.perf_counter() - started
        report = check_documents(documents, config, judges=judges)
        started = time.perf_counter()
        with paused_collector():  # as ``claimcheck check`` renders
            for name in ("text", "json"):
                get_formatter(name).render(report, RenderOptions(width=100))
        # The collections the pause put off are the pipeline's cost: paid here, not
        # inside the model-alone timing that follows.
        gc.collect()
        return report, {"ingest": ingest, **report.timings,
                        "report": time.perf_counter() - started}

    cpu = _cpu_seconds()
    report, timings = one_run()
    cpu = _cpu_seconds() - cpu
    if second:
        return {"timings": timings}
    from claimcheck.segment.copies import group_copies

    result = {"sentences": len(report.claims), "documents": len(report.documents),
              "distinct": len(group_copies(report.claims).first),
              "timings": timings, "pairs": report.candidate_pairs,
              "conflicts": len(report.conflicts), "judges_note": judges_note,
              "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    # What the pipeline's embedder encodes: a sentence with its antecedent, when it has
    # one (27% more tokens than the bare sentences at 10k).
    texts = [claim.matching_text for claim in report.claims]
    languages = [claim.sentence.language for claim in report.claims]
    model_cpu = _cpu_seconds()
    result["model_alone"] = _model_alone(embedder, texts, languages)
    result["cpu"], result["model_cpu"] = cpu, _cpu_seconds() - model_cpu
    return result


def _judges():
    try:
        from claimcheck.judges import default_judges

        return default_judges(), ""
    except ImportError as error:  # judges land in parallel work; measure what exists
        return [_NoJudge()], f"judges not available yet ({error}): the judges row is a no-op"


class _NoJudge:
    name = "none"

    def judge(self, a, b, context):
        return None


def _cpu_seconds() -> float:
    """User and system CPU time of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _model_alone(embedder: str, texts: list[str], languages: list[str]) -> float:
    """Seconds the bare model needs for what the pipeline's embedder gave it."""
    from claimcheck.embed.embed import LexicalEmbedder

    if embedder == "lexical":
        started = time.perf_counter()
        LexicalEmbedder().embed(texts)
        return time.perf_counter() - started
    from claimcheck.embed.model_loader import load_sentence_transformer

    loaded = load_sentence_transformer(None)
    known = loaded.languages
    encoded = [t for t, lang in zip(texts, languages, strict=True)
               if known is None or (lang or "en") in known]
    started = time.perf_counter()
    loaded.model.encode(list(dict.fromkeys(encoded)), batch_size=32,
                        normalize_embeddings=True, convert_to_numpy=True,
                        show_progress_bar=False)
    return time.perf_counter() - started


def _measure(corpus: Path, embedder: str, repeat: bool, no_limit: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="claimcheck-cache-") as cache_dir:
        # A fresh embedding cache, but the converted default model (built once, about a
        # minute) from the usual cache: its build is not the pipeline's cost.
        from claimcheck.embed.cache import default_cache_dir

        models = default_cache_dir() / "models"
        models.mkdir(parents=True, exist_ok=True)
        (Path(cache_dir) / "models").symlink_to(models, target_is_directory=True)
        command = [sys.executable, __file__, "--worker", str(corpus), "--embedder", embedder,
                   "--cache-dir", cache_dir, *(["--no-limit"] if no_limit else [])]
        result = _worker(command, embedder, corpus)
        if repeat:  # a fresh process, as a second ``claimcheck check`` would be
            result["second_embed"] = _worker([*command, "--second"], embedder,
                                             corpus)["timings"]["embedding"]
    return result


def _worker(command: list[str], embedder: str, corpus: Path) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{embedder} run on {corpus} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cli_seconds(*arguments: str, repeats: int = 3) -> tuple[float, int]:
    """Best wall time of ``claimcheck ARGS`` over ``repeats`` runs, and its exit code."""
    best, code = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        done = subprocess.run([str(Path(sys.executable).parent / "claimcheck"), *arguments],
                              capture_output=True, check=False)
        best, code = min(best, time.perf_counter() - started), done.returncode
    return best, code


def _table(runs: list[tuple[str, dict]], cli: list[tuple[str, float, int]]) -> str:
    header = ["", *(name for name, _ in runs)]
    rows: list[list[str]] = []
    for stage in STAGES:
        cells = []
        for _, run in runs:
            total = _total(run["timings"])
            seconds = run["timings"].get(stage, 0.0)
            rate = run["sentences"] / seconds if seconds > 0 else float("inf")
            cells.append(f"{seconds:.2f} s · {_rate(rate)}/s · {seconds / total:.0%}")
        rows.append([stage, *cells])
    totals = [_total(run["timings"]) for _, run in runs]
    rows.append(["**total**", *(f"**{t:.2f} s** · {_rate(run['sentences'] / t)}/s"
                                for t, (_, run) in zip(totals, runs, strict=True))])
    rows.append(["sentences (articles)", *(f"{run['sentences']:,} ({run['documents']:,})"
                                           for _, run in runs)])
    rows.append(["peak RSS", *(f"{run['peak_rss_mb']:,.0f} MB" for _, run in runs)])
    rows.append(["candidate pairs judged", *(f"{run['pairs']:,}" for _, run in runs)])
    rows.append(["pairs per sentence", *(f"{run['pairs'] / max(run['sentences'], 1):.2f}"
                                         for _, run in runs)])
    rows.append(["conflicts", *(f"{run['conflicts']:,}" for _, run in runs)])
    rows.append(["embedding model alone", *(f"{run['model_alone']:.2f} s" for _, run in runs)])
    rows.append(["embedding (its own thread) / model alone",
                 *(f"{run['timings']['embedding'] / run['model_alone']:.2f}"
                   if run["model_alone"] > 0 else "-" for _, run in runs)])
    rows.append(["overhead (total / model alone)",
                 *(f"{t / run['model_alone']:.2f}" if run["model_alone"] > 0 else "-"
                   for t, (_, run) in zip(totals, runs, strict=True))])
    # On a machine with C cores no schedule beats total CPU time / C: the overhead's floor
    # once the encoder keeps every core busy.
    cores = os.cpu_count() or 1
    rows.append(["CPU time: check / model alone",
                 *(f"{run['cpu']:.1f} s / {run['model_cpu']:.1f} s" for _, run in runs)])
    rows.append([f"overhead floor on {cores} cores (CPU time / {cores} / model alone)",
                 *(f"{run['cpu'] / cores / run['model_alone']:.2f}"
                   if run["model_alone"] > 0.5 else "-" for _, run in runs)])
    rows.append(["second run: embedding",
                 *(_second_run(run) for _, run in runs)])
    for label, seconds, code in cli:
        rows.append([label, f"{seconds:.2f} s" + (f" (exit {code})" if code not in (0, 1) else ""),
                     *([""] * (len(runs) - 1))])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _stage_table(runs: list[tuple[str, dict]]) -> str:
    """Seconds per stage, totals and sizes: the reprint and long-line batches."""
    header = ["", *(name for name, _ in runs)]
    rows = []
    for stage in STAGES:
        if any(stage in run["timings"] for _, run in runs):
            rows.append([stage, *(f"{run['timings'].get(stage, 0.0):.2f} s" for _, run in runs)])
    rows.append(["**total**", *(f"**{_total(run['timings']):.2f} s** · "
                                f"{_rate(run['sentences'] / _total(run['timings']))}/s"
                                for _, run in runs)])
    rows.append(["sentences (articles)", *(f"{run['sentences']:,} ({run['documents']:,})"
                                           for _, run in runs)])
    rows.append(["distinct sentences", *(f"{run['distinct']:,}" for _, run in runs)])
    rows.append(["segment rate", *(f"{_rate(run['sentences'] / run['timings']['segment'])}"
                                   "/s" for _, run in runs)])
    rows.append(["candidate pairs judged", *(f"{run['pairs']:,}" for _, run in runs)])
    rows.append(["conflicts", *(f"{run['conflicts']:,}" for _, run in runs)])
    rows.append(["peak RSS", *(f"{run['peak_rss_mb']:,.0f} MB" for _, run in runs)])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _total(timings: dict) -> float:
    """The run's length: its stages one after another (``embedding`` overlaps them)."""
    return sum(timings.get(stage, 0.0) for stage in STAGES)


def _second_run(run: dict) -> str:
    if "second_embed" not in run:
        return "- (no cache: lexical)"
    speedup = run["timings"]["embedding"] / max(run["second_embed"], 1e-9)
    return f"{run['second_embed']:.2f} s ({speedup:.0f}x faster)"


def _rate(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return f"{value / 1000:.1f}k" if value >= 1000 else f"{value:.0f}"


def _machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
                 platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({model}), {memory:.0f} GB RAM, Python "
            f"{platform.python_version()}, {platform.system()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated sentence counts")
    parser.add_argument("--embedder", default="lexical,hybrid",
                        help="comma-separated: lexical, hybrid")
    parser.add_argument("--hybrid-max", type=int, default=10_000,
                        help="largest size the hybrid embedder runs at (MiniLM: ~230 sent/s)")
    parser.add_argument("--corpus-dir", help="keep the generated corpora here")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI start-up timings")
    parser.add_argument("--reprints", type=int, default=36, metavar="STORIES",
                        help="stories in the reprint-heavy batch, each reprinted 50 times "
                             "under 40 outlet names (0: skip it)")
    parser.add_argument("--reprint-source", metavar="FOLDER",
                        help="also a reprint batch of the first 10 paragraphs of the articles "
                             "in FOLDER/*/*.txt (a header line, then the body), e.g. "
                             "../shared/devset")
    parser.add_argument("--long-lines", default="1000000,10000000", metavar="SIZES",
                        help="characters of each single-line article to check, no size "
                             "limit ('': skip)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--second", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-limit", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(run_worker(options.worker, options.embedder, options.cache_dir,
                                    options.second, options.no_limit)))
        return
    from corpus_builder import build_corpus

    sizes = [int(size) for size in options.sizes.split(",") if size]
    embedders = options.embedder.split(",")
    base = Path(options.corpus_dir or tempfile.mkdtemp(prefix="claimcheck-bench-"))
    runs = []
    for size in sizes:
        for embedder in embedders:
            if embedder == "hybrid" and size > options.hybrid_max:
                continue
            language = "en" if embedder == "hybrid" else None
            corpus = base / f"{size}-{language or 'mixed'}"
            if not corpus.exists():
                build_corpus(corpus, size, language=language)
            print(f"running {embedder} on {size:,} sentences ...", file=sys.stderr, flush=True)
            runs.append((f"{embedder} {_short(size)}",
                         _measure(corpus, embedder, repeat=embedder != "lexical")))
    cli = []
    if not options.no_cli:
        article = base / "one-article"
        article.mkdir(exist_ok=True)
        (article / "a.txt").write_text(
            "---\nlanguage: id\n---\n" + (HERE.parent / "corpus/000_904dd51bb35e31f8.txt")
            .read_text(encoding="utf-8"), encoding="utf-8")
        cli = [("`claimcheck --help`", *_cli_seconds("--help")),
               ("`claimcheck check --help`", *_cli_seconds("check", "--help")),
               ("`check` one article, lexical",
                *_cli_seconds("check", str(article), "--embedder", "lexical", "-q"))]
    extra = _extra_runs(options, base)
    notes = sorted({run["judges_note"] for _, run in runs + extra if run["judges_note"]})
    print(f"Machine: {_machine()}")
    if notes:
        print("Note: " + "; ".join(notes))
    if runs:
        print(_table(runs, cli))
    if extra:
        print("\nReprint-heavy batches and single-line articles, lexical embedder:\n")
        print(_stage_table(extra))


def _extra_runs(options, base: Path) -> list[tuple[str, dict]]:
    """The reprint-heavy batches and the single-line articles, each in its own process."""
    from corpus_builder import build_long_line_article, build_reprint_corpus

    batches = []
    if options.reprints:
        batches.append(("reprints", None))
    if options.reprint_source:
        source = Path(options.reprint_source)
        if any(source.glob("*/*.txt")):
            batches.append((f"reprints of {source.name}", source))
        else:
            print(f"no articles under {source}/*/*.txt: its reprint batch is skipped",
                  file=sys.stderr)
    runs = []
    for name, source in batches:
        corpus = base / name.replace(" ", "-")
        if not corpus.exists():
            build_reprint_corpus(corpus, stories=options.reprints or 36, source=source)
        print(f"running lexical on {name} ...", file=sys.stderr, flush=True)
        runs.append((f"{name}", _measure(corpus, "lexical", repeat=False)))
    for size in (int(size) for size in options.long_lines.split(",") if size):
        corpus = base / f"one-line-{size}"
        if not corpus.exists():
            build_long_line_article(corpus / "article.txt", size)
        print(f"running lexical on a one-line article of {size:,} characters ...",
              file=sys.stderr, flush=True)
        runs.append((f"one line, {_megabytes(size)}",
                     _measure(corpus, "lexical", repeat=False, no_limit=True)))
    return runs


def _megabytes(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 100_000 else f"{size / 1e3:g} kB"


def _short(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


if __name__ == "__main__":
    main()
