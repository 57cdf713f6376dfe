"""claimcheck: find where news outlets contradict each other.

Library use (everything the CLI does; ``claimcheck.pipeline`` also has ``index``,
``extract`` and ``compare``)::

    from claimcheck import check, CheckConfig
    report = check(["corpus/"], CheckConfig(embedder="lexical"), against=None)
    for conflict in report.conflicts:
        print(conflict.kind, conflict.score, conflict.explanation)
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["CheckConfig", "check", "check_documents", "read_documents", "__version__"]


def __getattr__(name: str):
    # Lazy, so `claimcheck --help` does not pay for numpy, scikit-learn or torch.
    if name in ("CheckConfig", "check", "check_documents"):
        from claimcheck import pipeline

        return getattr(pipeline, name)
    if name == "read_documents":
        from claimcheck.ingest.ingest import read_documents

        return read_documents
    raise AttributeError(name)
