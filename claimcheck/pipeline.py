"""The whole check, one stage per line: the library API behind ``claimcheck check``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from claimcheck.models import (
    CandidatePair,
    Claim,
    Conflict,
    Document,
    PairContext,
    Report,
    SegmentedDocument,
)


@dataclass(frozen=True)
class CheckConfig:
    """Every knob of a check; the CLI and configuration files fill it."""

    embedder: str = "hybrid"
    model: str | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    neighbours: int = 10
    min_percentile: float = 0.25
    min_score: float = 0.0
    #: Names of registered judges to run; ``None`` runs them all.
    judges: tuple[str, ...] | None = None
    nli_model: str | None = None
    #: Language for documents that declare none, instead of detecting it.
    language: str | None = None
    #: Extra statement-lexicon entries, shaped like ``claimcheck/data/lexicon.json``.
    lexicon: Mapping[str, Any] | None = None
    #: Characters of text above which an article is skipped or cut (``None``: no limit).
    max_article_size: int | None = 2_000_000
    #: What happens to such an article: "skip" or "truncate" (claimcheck.oversize).
    oversize: str = "skip"


#: Called with a stage's name as it starts (a terminal's status line).
StageHook = Callable[[str], None]
#: Called with one line as a stage ends: "segment: 18,015 sentences from 1,800 articles
#: (5.6 s)", for logs.
ProgressHook = Callable[[str], None]


def check(paths: Sequence[str | Path], config: CheckConfig = CheckConfig(), *,
          stdin: TextIO | None = None, on_stage: StageHook | None = None,
          on_progress: ProgressHook | None = None) -> Report:
    """Read articles from ``paths`` and find where their outlets conflict."""
    from claimcheck.ingest import read_documents

    started = time.perf_counter()
    ingested = read_documents(paths, stdin=stdin)
    report = replace(check_documents(ingested.documents, config, warnings=ingested.warnings,
                                     on_stage=on_stage, on_progress=on_progress),
                     skipped=tuple(ingested.skipped))
    report.timings["ingest"] = time.perf_counter() - started - sum(report.timings.values())
    return report


def check_documents(documents: Iterable[Document], config: CheckConfig = CheckConfig(), *,
                    embedder=None, judges=None, warnings: Sequence[str] = (),
                    on_stage: StageHook | None = None,
                    archive: Sequence[tuple[SegmentedDocument, Sequence[Claim]]] = (),
                    keep: Callable[[Conflict], bool] | None = None,
                    on_progress: ProgressHook | None = None) -> Report:
    """Run every stage after ingestion on already-read documents.

    ``archive`` adds documents segmented and extracted earlier (``claimcheck.store``);
    ``keep`` drops the conflicts it rejects (``check --against`` keeps the new batch's).
    """
    from claimcheck.gc_pause import paused_collector

    with paused_collector():  # 1.0 s of 7.9 outside the encode at 10,000 hybrid sentences
        return _check_documents(documents, config, embedder, judges, warnings, on_stage,
                                archive, keep, on_progress)


def _check_documents(documents, config, embedder, judges, warnings, on_stage, archive,
                     keep, on_progress) -> Report:
    from claimcheck.candidates import find_candidates
    from claimcheck.copies import (
        expand_conflicts,
        expand_topics,
        group_copies,
        pairs_over_claims,
    )
    from claimcheck.extract import extract_claims, segment_documents
    from claimcheck.oversize import limit_article_sizes
    from claimcheck.topics import find_topics

    timings: dict[str, float] = {}
    stage = _stage_timer(timings, on_stage, on_progress)
    documents, oversized = limit_article_sizes(list(documents), config.max_article_size,
                                               config.oversize)
    warnings = (*warnings, *oversized)
    # Each stage's second argument is its line for a log (``on_progress``), read at its end.
    with stage("segment", lambda: f"{_n(sum(len(s.sentences) for s in segmented), 'sentence')}"
                                  f" from {_n(len(segmented), 'article')}"):
        segmented = segment_documents(documents, config.language)
    with stage("extract", lambda: f"{_n(sum(len(c.quantities) for c in claims), 'figure')} "
                                  f"and {_n(sum(len(c.dates) for c in claims), 'date')}"):
        claims = extract_claims(segmented)
    segmented += [seg for seg, _ in archive]
    claims += [claim for _, archive_claims in archive for claim in archive_claims]
    # From here to the judges, a sentence printed word for word by several outlets
    # (wire copy) is one node: its first claim, read once (claimcheck.copies).
    groups = group_copies(claims)
    nodes = [claims[position] for position in groups.first]
    with stage("embed", lambda: f"{_n(len(nodes), 'distinct sentence')} of {len(claims):,}"):
        # one row per distinct sentence
        embedder = embedder or _make_embedder(config)
        matrix = embedder.embed([c.matching_text for c in nodes],
                                [c.sentence.language for c in nodes])
    with stage("topics", lambda: _n(len(topics), "topic")):  # clusters across outlets
        topic_of, topics = find_topics(nodes, matrix, groups.outlets)
    with stage("candidates", lambda: _n(len(pairs), "cross-outlet pair")):
        # cross-outlet nearest neighbours, corpus-relative cut-off
        pairs = find_candidates(matrix, groups.outlets, topic_of,
                                neighbours=config.neighbours,
                                min_percentile=config.min_percentile)
    with stage("judges", lambda: _n(len(conflicts), "conflict")):  # from every judge
        conflicts = judge_pairs(nodes, pairs, judges or _make_judges(config), config.min_score)
    with stage("claims", lambda: _n(len(disputed), "disputed claim")):
        # one claim per thing measured, across outlets and languages; it reads whole
        # articles (a tally's earlier figures, the story's happening), so every claim
        conflicts, disputed = _claims_across(claims, pairs_over_claims(pairs, groups),
                                             conflicts, config.min_score)
    # Back to claims: topics list every copy, a conflict each side's copies.
    topics = expand_topics(topics, groups)
    conflicts = expand_conflicts(conflicts, claims, groups, keep)
    return Report(tuple(segmented), tuple(claims), topics, conflicts, embedder.name,
                  candidate_pairs=len(pairs), warnings=tuple(warnings), timings=timings,
                  disputed=disputed)


def _claims_across(claims, pairs, conflicts, min_score):
    """The judges' conflicts with the cross-outlet claims' pairs; the claims decide a pair
    they both speak of."""
    from claimcheck.crossclaims import (
        compare_claims,
        disagrees_on_measure,
        measures_by_place,
        retired,
    )
    from claimcheck.event_dates import (
        compare_event_dates,
        read_event_dates,
        related_documents,
        state_dates,
        statement_dates,
    )
    from claimcheck.measures import read_measures

    measures = read_measures(claims)
    found, disputed = compare_claims(claims, measures, pairs)
    dated = compare_event_dates(claims, read_event_dates(claims),
                                related_documents(claims, pairs))
    retired_at = retired(claims, measures)
    read = measures_by_place(claims, measures)
    # Dates that only say when something was said, or that a state still held that day
    # ("still stuck on Friday"), date no happening: the date judge's pairs on them go.
    said_on = statement_dates(claims) | state_dates(claims)
    merged = {conflict.id: conflict for conflict in conflicts
              if not disagrees_on_measure(conflict, read, retired_at)
              and not _dates_a_statement(conflict, said_on)}
    for conflict in (*found, *dated):
        if conflict.score >= min_score:
            merged[conflict.id] = conflict
    ordered = sorted(merged.values(), key=lambda c: (-c.score, c.a.sentence.doc,
                                                     c.a.sentence.index, c.kind))
    return tuple(ordered), disputed


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


def _dates_a_statement(conflict: Conflict, said_on: set) -> bool:
    """A date judge's pair where one side's date only says when something was said."""
    if conflict.kind != "date":
        return False
    for sentence, values in ((conflict.a.sentence, conflict.a_values),
                             (conflict.b.sentence, conflict.b_values)):
        spans = [getattr(value, "span_start", None) for value in values]
        if spans and all((sentence.doc, sentence.index, span) in said_on for span in spans):
            return True
    return False


def _make_embedder(config: CheckConfig):
    from claimcheck.cache import EmbeddingCache
    from claimcheck.embed import make_embedder

    cache = EmbeddingCache(config.cache_dir) if config.use_cache and config.embedder != "lexical" \
        else None
    return make_embedder(config.embedder, config.model, cache)


def _make_judges(config: CheckConfig) -> list:
    from claimcheck.errors import ConfigError
    from claimcheck.judges import JUDGES, default_judges

    judges = default_judges()
    if config.judges is not None:
        unknown = sorted(set(config.judges) - set(JUDGES))
        if unknown:
            raise ConfigError(f"unknown judge {unknown[0]!r}; choose from {', '.join(JUDGES)}")
        judges = [judge for judge in judges if judge.name in config.judges]
    if config.lexicon:
        from claimcheck.judges.statement import StatementJudge
        from claimcheck.lexicon import load_lexicon

        lexicon = load_lexicon(dict(config.lexicon))
        judges = [StatementJudge(lexicon) if judge.name == "statement" else judge
                  for judge in judges]
    if config.nli_model:
        from claimcheck.judges.nli import NLIJudge

        judges.append(NLIJudge(config.nli_model))
    return judges


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
