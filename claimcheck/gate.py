"""The CI gate as library calls: check a batch (optionally against a store), drop what a
baseline accepted, and decide which conflicts fail the run.

``claimcheck check`` is these three calls plus rendering; a notebook can make them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from claimcheck.models import Conflict, Document, Report


def check_batch(paths: Sequence[str | Path], config=None, *,
                outlets: Mapping[str, str] | None = None, against: str | Path | None = None,
                stdin: TextIO | None = None, on_stage=None, strict: bool = False,
                on_progress=None) -> Report:
    """Read ``paths``, rename outlets by ``outlets``, and check them.

    With ``against`` (a store file) the batch is checked together with every stored
    article, and only conflicts involving at least one article of the batch are kept.
    ``strict`` makes any skipped input (a bad file or JSONL record) an ``InputError``.
    """
    from claimcheck.config import apply_outlet_names
    from claimcheck.ingest import read_documents
    from claimcheck.pipeline import CheckConfig, check_documents

    config = config or CheckConfig()
    ingested = read_documents(paths, stdin=stdin, strict=strict)
    documents = apply_outlet_names(ingested.documents, outlets or {})
    if against is None:
        report = check_documents(documents, config, warnings=ingested.warnings,
                                 on_stage=on_stage, on_progress=on_progress)
    else:
        report = check_against(documents, against, config, warnings=ingested.warnings,
                               on_stage=on_stage, on_progress=on_progress)
    return replace(report, skipped=tuple(ingested.skipped))


def check_against(documents: Sequence[Document], store_path: str | Path, config=None, *,
                  warnings: Sequence[str] = (), on_stage=None, on_progress=None) -> Report:
    """Conflicts of ``documents`` with each other and with the stored archive.

    A stored article with the id or the content of a new one is left out: the new
    batch supersedes it, and an article never conflicts with its own earlier copy.
    The report lists the new articles and the stored ones that take part in a conflict.
    """
    from claimcheck.pipeline import CheckConfig, check_documents
    from claimcheck.store import ReadThroughCache, Store, content_hash

    config = config or CheckConfig()
    new_ids = {document.id for document in documents}
    with Store(store_path, create=False) as store:
        archive = store.archive(exclude_ids=new_ids,
                                exclude_hashes={content_hash(d) for d in documents})
        embedder = None
        if config.embedder != "lexical":
            from claimcheck.cache import EmbeddingCache
            from claimcheck.embed import make_embedder

            fallback = EmbeddingCache(config.cache_dir) if config.use_cache else None
            embedder = make_embedder(config.embedder, config.model,
                                     ReadThroughCache(store, fallback))
        report = check_documents(
            documents, config, embedder=embedder, warnings=warnings, on_stage=on_stage,
            on_progress=on_progress, archive=archive,
            keep=lambda c: any(claim.sentence.doc in new_ids
                               for claim in (c.a, c.b, *c.a_copies, *c.b_copies)))
    involved = new_ids | {claim.sentence.doc for c in report.conflicts
                          for claim in (c.a, c.b, *c.a_copies, *c.b_copies)}
    return replace(report, documents=tuple(seg for seg in report.documents
                                           if seg.document.id in involved),
                   archive_ids=frozenset(seg.document.id for seg, _ in archive))


def failing_conflicts(conflicts: Iterable[Conflict], fail_on: Sequence[str] = ("any",)
                      ) -> tuple[Conflict, ...]:
    """The conflicts that make the run fail: all of them with ``any``, else those kinds."""
    kinds = set(fail_on)
    return tuple(c for c in conflicts if "any" in kinds or c.kind in kinds)
