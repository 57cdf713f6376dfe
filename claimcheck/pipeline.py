"""The only place that runs the stages: one function per job, one commented line per stage.

``check`` (with or without a store to check ``against``), ``index``, ``extract`` and
``compare`` are what the CLI's commands call; a notebook calls the same functions with
the same ``CheckConfig``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from claimcheck.config import CheckConfig
from claimcheck.extract.extraction_version import extraction_version
from claimcheck.models import (
    CandidatePair,
    Claim,
    Conflict,
    Document,
    PairContext,
    Report,
    SegmentedDocument,
)

__all__ = ["CheckConfig", "check", "check_against", "check_documents", "compare", "extract",
           "index", "judge_pairs", "read_articles"]

#: Called with a stage's name as it starts (a terminal's status line).
StageHook = Callable[[str], None]
#: Called with one line as a stage ends: "segment: 17,950 sentences from 1,800 articles
#: (5.0 s)", for logs.
ProgressHook = Callable[[str], None]
#: The configuration of a call that gives none.
DEFAULTS = CheckConfig()


def read_articles(paths: Sequence[str | Path], config: CheckConfig = DEFAULTS, *,
                  stdin: TextIO | None = None, strict: bool = False):
    """The ingest stage: every article under ``paths``, outlets renamed by ``config.outlets``.

    Returns ``claimcheck.ingest.ingest.IngestResult``; ``strict`` makes any skipped input (a bad
    file or JSONL record) an ``InputError``.
    """
    from claimcheck.config import apply_outlet_names
    from claimcheck.ingest.ingest import read_documents

    ingested = read_documents(paths, stdin=stdin, strict=strict)
    ingested.documents = apply_outlet_names(ingested.documents, config.outlets)
    return ingested


def check(paths: Sequence[str | Path], config: CheckConfig = DEFAULTS, *,
          against: str | Path | None = None, stdin: TextIO | None = None,
          on_stage: StageHook | None = None, strict: bool = False,
          on_progress: ProgressHook | None = None) -> Report:
    """Read articles from ``paths`` and find where their outlets conflict.

    With ``against`` (a store file, ``claimcheck index``) the articles are checked together
    with every stored one, and only conflicts involving at least one of them are kept.
    """
    started = time.perf_counter()
    ingested = read_articles(paths, config, stdin=stdin, strict=strict)
    if against is None:
        report = check_documents(ingested.documents, config, warnings=ingested.warnings,
                                 on_stage=on_stage, on_progress=on_progress)
    else:
        report = check_against(ingested.documents, against, config,
                               warnings=ingested.warnings, on_stage=on_stage,
                               on_progress=on_progress)
    report = replace(report, skipped=tuple(ingested.skipped))
    report.timings["ingest"] = time.perf_counter() - started - sum(report.timings.values())
    return report


def check_against(documents: Sequence[Document], store_path: str | Path,
                  config: CheckConfig = DEFAULTS, *, warnings: Sequence[str] = (),
                  on_stage: StageHook | None = None,
                  on_progress: ProgressHook | None = None) -> Report:
    """Conflicts of ``documents`` with each other and with the stored archive.

    A stored article with the id or the content of a new one is left out: the new
    batch supersedes it, and an article never conflicts with its own earlier copy.
    The report lists the new articles and the stored ones that take part in a conflict.
    """
    from claimcheck.extract.extract import extract_claims
    from claimcheck.store.store import Store
    from claimcheck.store.store_schema import content_hash

    new_ids = {document.id for document in documents}
    with Store(store_path, create=False) as store:
        stored = store.archive(exclude_ids=new_ids,
                               exclude_hashes={content_hash(d) for d in documents})
    # Read by an older extractor: read again (in memory; the next `index` stores it).
    archive = [(segmented, claims if claims is not None else extract_claims([segmented]))
               for segmented, claims in stored]
    report = check_documents(
        documents, config, warnings=warnings, on_stage=on_stage, on_progress=on_progress,
        archive=archive, keep=lambda c: any(claim.sentence.doc in new_ids
                                            for claim in (c.a, c.b, *c.a_copies, *c.b_copies)))
    involved = new_ids | {claim.sentence.doc for c in report.conflicts
                          for claim in (c.a, c.b, *c.a_copies, *c.b_copies)}
    # A claim disputed only among stored articles was reported when they were checked.
    disputed = tuple(claim for claim in report.disputed
                     if any(value.claim.sentence.doc in new_ids for value in claim.values))
    return replace(report, documents=tuple(seg for seg in report.documents
                                           if seg.document.id in involved),
                   archive_ids=frozenset(seg.document.id for seg, _ in archive),
                   disputed=disputed)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``extract`` read: the segmented articles and one claim per sentence."""

    documents: tuple[SegmentedDocument, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[str, ...] = ()


def extract(paths: Sequence[str | Path], config: CheckConfig = DEFAULTS, *,
            stdin: TextIO | None = None, strict: bool = False) -> Extraction:
    """Every quantity and date of the articles under ``paths``, sentence by sentence."""
    from claimcheck.extract.extract import extract_claims
    from claimcheck.segment.segment import segment_documents

    ingested = read_articles(paths, config, stdin=stdin, strict=strict)
    # furniture off, sentences out, a language per document
    segmented = segment_documents(ingested.documents, config.language)
    # quantities and dates of every sentence
    claims = extract_claims(segmented)
    return Extraction(tuple(segmented), tuple(claims), tuple(ingested.warnings))


@dataclass(frozen=True, slots=True)
class IndexResult:
    """What ``index`` did: articles added, replaced (same id) or left as they were."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Sentences whose embeddings went into the embedding cache.
    embedded: int = 0
    #: Unchanged articles whose quantities and dates were read again by a newer extractor.
    reextracted: int = 0


def index(documents: Iterable[Document], store, config: CheckConfig = DEFAULTS, *,
          on_article: Callable[[Document, str], None] | None = None) -> IndexResult:
    """Keep ``documents`` in ``store`` (an open ``claimcheck.store.store.Store``) for ``against``.

    Each new or changed article is segmented, extracted and stored in one transaction;
    an unchanged one is skipped, or read again when an older extractor read it. The new
    sentences are embedded into the embedding cache, so a later ``check --against`` finds
    them there (the lexical embedder has nothing to keep). ``on_article(document, state)``
    is called inside each article's transaction, with state "added" or "updated", or
    after a skip with "unchanged".
    """
    from claimcheck.extract.extract import extract_claims
    from claimcheck.segment.segment import segment_documents
    from claimcheck.store.store_schema import content_hash

    added = updated = unchanged = reextracted = 0
    fresh: list = []
    for document in documents:
        digest = content_hash(document)
        stored = store.extractor_of(digest)
        state = "unchanged"
        if stored is None:
            # furniture off, sentences out; quantities and dates of every sentence
            segmented = segment_documents([document], config.language)[0]
            state = store.write_article(segmented, extract_claims([segmented]), digest,
                                        on_article)
        elif stored != extraction_version():
            # read by an older extractor: its sentences read again
            reextracted += store.replace_readings(digest, lambda seg: extract_claims([seg]))
        if state == "unchanged":
            unchanged += 1
            if on_article:
                on_article(document, state)
            continue
        added += state == "added"
        updated += state == "updated"
        fresh.extend(segmented.sentences)
    embedded = 0
    cache = _embedding_cache(config) if config.embedder != "lexical" else None
    if cache is not None and fresh:
        # one row per new sentence, kept in the cache; the hybrid embedder asks its model
        # only for languages the model knows, so what was cached is counted
        before = cache.count()
        _make_embedder(config, cache).embed([s.text for s in fresh],
                                            [s.language for s in fresh])
        embedded = cache.count() - before
    return IndexResult(added, updated, unchanged, embedded, reextracted)


def compare(pairs: Iterable[Mapping[str, Any]], config: CheckConfig = DEFAULTS) -> list:
    """Every configured judge's reading of each pair {a, b, language?, a_date?, b_date?}.

    Returns ``claimcheck.judges.compare.Comparison`` objects, in order.
    """
    from claimcheck.judges import default_judges
    from claimcheck.judges.compare import compare_pairs

    return compare_pairs(pairs, judges=default_judges(config))


def check_documents(documents: Iterable[Document], config: CheckConfig = DEFAULTS, *,
                    embedder=None, judges=None, warnings: Sequence[str] = (),
                    on_stage: StageHook | None = None,
                    archive: Sequence[tuple[SegmentedDocument, Sequence[Claim]]] = (),
                    keep: Callable[[Conflict], bool] | None = None,
                    on_progress: ProgressHook | None = None) -> Report:
    """Run every stage after ingestion on already-read documents.

    ``archive`` adds documents segmented and extracted earlier (``claimcheck.store.store``);
    ``keep`` drops the conflicts it rejects (``check --against`` keeps the new batch's).
    """
    from claimcheck.gc_pause import paused_collector

    with paused_collector():  # 1.0 s of 7.9 outside the encode at 10,000 hybrid sentences
        return _check_documents(documents, config, embedder, judges, warnings, on_stage,
                                archive, keep, on_progress)


def _check_documents(documents, config, embedder, judges, warnings, on_stage, archive,
                     keep, on_progress) -> Report:
    from claimcheck.claims.across import compare_across_outlets
    from claimcheck.embed.threads import Background
    from claimcheck.extract.extract import outline_claims, read_claims
    from claimcheck.ingest.oversize import limit_article_sizes
    from claimcheck.judges import default_judges
    from claimcheck.neighbours.candidates import find_candidates
    from claimcheck.neighbours.search import find_neighbours
    from claimcheck.neighbours.topics import GRAPH_NEIGHBOURS, find_topics
    from claimcheck.segment.copies import (
        expand_conflicts,
        expand_topics,
        group_copies,
        pairs_over_claims,
    )
    from claimcheck.segment.segment import segment_documents

    timings: dict[str, float] = {}
    stage = _stage_timer(timings, on_stage, on_progress)
    documents, oversized = limit_article_sizes(list(documents), config.max_article_size,
                                               config.oversize)
    warnings = (*warnings, *oversized)
    # Each stage's second argument is its line for a log (``on_progress``), read at its end.
    embedder = embedder or _make_embedder(config)
    with stage("segment", lambda: f"{_n(sum(len(s.sentences) for s in segmented), 'sentence')}"
                                  f" from {_n(len(segmented), 'article')}"):
        segmented = segment_documents(documents[:1], config.language)
        # Once the first article's sentences show the model will be needed (one is not
        # in the embedding cache), it loads on its own thread while the rest are split.
        _prepare(embedder, outline_claims(segmented))
        segmented += segment_documents(documents[1:], config.language)
    outlines = outline_claims(segmented)
    segmented += [seg for seg, _ in archive]
    archived = [claim for _, archive_claims in archive for claim in archive_claims]
    # From the embedding to the judges, a sentence printed word for word by several
    # outlets (wire copy) is one node: its first claim, read once (claimcheck.segment.copies).
    groups = group_copies(outlines + archived)
    # The embedding needs only the sentences: it starts on its own thread (one row per
    # distinct sentence) and the figures and dates are read while the model encodes.
    nodes = [(outlines + archived)[position] for position in groups.first]
    embedding = Background(lambda: embedder.embed([c.matching_text for c in nodes],
                                                  [c.sentence.language for c in nodes]),
                           name="claimcheck-embed")
    with stage("extract", lambda: f"{_n(sum(len(c.quantities) for c in claims), 'figure')} "
                                  f"and {_n(sum(len(c.dates) for c in claims), 'date')}"):
        claims = read_claims(outlines)
    claims += archived
    nodes = [claims[position] for position in groups.first]
    # What the encoder still needed once the figures were read.
    with stage("embed", lambda: f"{_n(len(nodes), 'distinct sentence')} of {len(claims):,}"):
        matrix = embedding.result()
    outlets = groups.outlets
    with stage("neighbours", lambda: f"{_n(len(nodes), 'sentence')} searched"):
        # each sentence's nearest of other outlets, searched once
        languages = [c.sentence.language for c in nodes]
        graph = find_neighbours(matrix, outlets, max(GRAPH_NEIGHBOURS, config.neighbours),
                                languages)
    with stage("topics", lambda: _n(len(topics), "topic")):  # clusters across outlets
        topic_of, topics = find_topics(nodes, matrix, outlets, graph=graph)
    with stage("candidates", lambda: _n(len(pairs), "cross-outlet pair")):
        # cross-outlet nearest neighbours, corpus-relative cut-off
        pairs = find_candidates(matrix, outlets, topic_of, neighbours=config.neighbours,
                                min_percentile=config.min_percentile, graph=graph,
                                languages=languages)
    with stage("judges", lambda: _n(len(conflicts), "conflict")):  # from every judge
        conflicts = judge_pairs(nodes, pairs, judges or default_judges(config),
                                config.min_score)
    with stage("claims", lambda: _n(len(disputed), "disputed claim")):
        # one claim per thing measured, across outlets and languages; it reads whole
        # articles (a tally's earlier figures, the story's happening), so every claim
        conflicts, disputed = compare_across_outlets(claims, pairs_over_claims(pairs, groups),
                                                     conflicts, config.min_score)
    # Back to claims: topics list every copy, a conflict each side's copies.
    topics = expand_topics(topics, groups)
    conflicts = expand_conflicts(conflicts, claims, groups, keep)
    timings["embedding"] = embedding.elapsed  # alongside the stages, after them in order
    return Report(tuple(segmented), tuple(claims), topics, conflicts, embedder.name,
                  candidate_pairs=len(pairs),
                  warnings=(*warnings, *getattr(embedder, "warnings", ())), timings=timings,
                  disputed=disputed)


def _prepare(embedder, claims: Sequence[Claim]) -> None:
    """Start what embedding ``claims`` will need (an embedder's optional ``prepare``) on
    its own thread; a failure is left to the embedding itself to report."""
    from claimcheck.embed.threads import Background

    prepare = getattr(embedder, "prepare", None)
    if prepare is not None and claims:
        Background(lambda: prepare([c.matching_text for c in claims],
                                   [c.sentence.language for c in claims]),
                   name="claimcheck-prepare")


def judge_pairs(claims: Sequence[Claim], pairs: Iterable[CandidatePair], judges,
                min_score: float = 0.0) -> tuple[Conflict, ...]:
    """Every judge's conflicts over ``pairs``, one per claim pair and kind, strongest first."""
    best: dict[str, Conflict] = {}
    # In sentence order, not similarity order: a sentence's pairs come one after another,
    # so its per-sentence analyses stay in the judges' bounded caches (65,536 sentences
    # each). Judges at 100,000 sentences: 2.2k sentences a second before, 5.3k after, as
    # at 10,000.
    for pair in sorted(pairs, key=lambda pair: (pair.a, pair.b)):
        context = PairContext(pair.similarity, pair.percentile, pair.topic)
        for judge in judges:
            conflict = judge.judge(claims[pair.a], claims[pair.b], context)
            if conflict is None or conflict.score < min_score:
                continue
            if conflict.topic != pair.topic:
                conflict = replace(conflict, topic=pair.topic)
            known = best.get(conflict.id)
            if known is None or conflict.score > known.score:
                best[conflict.id] = conflict
    return tuple(sorted(best.values(), key=lambda c: (-c.score, c.a.sentence.doc,
                                                      c.a.sentence.index, c.kind)))


def _embedding_cache(config: CheckConfig):
    from claimcheck.embed.cache import EmbeddingCache

    return EmbeddingCache(config.cache_dir) if config.use_cache else None


def _make_embedder(config: CheckConfig, cache=None):
    from claimcheck.plugins import EMBEDDERS

    if cache is None and config.embedder != "lexical":
        cache = _embedding_cache(config)
    return EMBEDDERS.factory(config.embedder)(config, cache)


def _outlet_ids(claims: Sequence[Claim]) -> np.ndarray:
    names: dict[str, int] = {}
    return np.array([names.setdefault(c.outlet.casefold(), len(names)) for c in claims],
                    dtype=np.int64)


def _stage_timer(timings: dict[str, float], on_stage: StageHook | None,
                 on_progress: ProgressHook | None = None):
    @contextmanager
    def stage(name: str, summary: Callable[[], str] | None = None):
        if on_stage:
            on_stage(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - started
            timings[name] = timings.get(name, 0.0) + seconds
        if on_progress and summary:  # not when the stage raised
            on_progress(f"{name}: {summary()} ({seconds:.1f} s)")
    return stage


def _n(count: int, noun: str) -> str:
    """``1 article``, ``1,800 articles``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
