"""Python's cyclic garbage collector paused while a batch is checked or rendered.

A check allocates millions of small objects that live until the report is written
(sentences, quantities, per-sentence caches), beside the hundreds of thousands torch
and transformers create when they are imported. The collector walks all of them again
each time its allocation thresholds trip: at 10,022 hybrid sentences, 9 full and about
1,700 young collections took 1.0 s of 7.9 s outside the model's encode (measured with
``gc.callbacks``). What the pipeline builds is not cyclic, so reference counting frees
it as before; what cycles the libraries leave (90 MB at 10,022 sentences, most of it
from importing torch) waits for the collector, which resumes, in the state it was in,
when the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run the block without cyclic collections; nesting and a disabled collector are kept."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
