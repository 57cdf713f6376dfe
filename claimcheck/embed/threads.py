"""Threads for the encoder: its batches side by side, and an embedding while other
stages run.

ONNX Runtime and torch release the GIL while they compute, so an encoder in a thread
leaves the interpreter to the stages around it (extraction, the lexical channel): on a
2-core machine, one batch on both cores kept them busy four fifths of the time, and what
was left (and a core, between batches) goes to that work. Daemon threads, not an
executor: an interrupted run (Ctrl-C) exits without waiting for what is still queued.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

_DONE = object()


def usable_cores() -> int:
    """Cores this process may run on; ``$CLAIMCHECK_THREADS`` caps them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1
    cap = os.environ.get("CLAIMCHECK_THREADS", "").strip()
    if cap.isdigit() and int(cap) > 0:
        cores = min(cores, int(cap))
    return max(1, cores)


def encoder_threads(cores: int | None = None) -> tuple[int, int]:
    """(batches encoded at once, threads each) for ``cores`` cores (default: usable)."""
    cores = max(1, cores or usable_cores())
    workers = min(cores, 4)
    return workers, max(1, cores // workers)


def run_shared(work, items: Sequence, workers: int) -> None:
    """``work(item)`` for every item, on ``workers`` threads pulling the next item as they
    finish one; the first exception is raised here once every thread has stopped."""
    if workers <= 1 or len(items) <= 1:
        for item in items:
            work(item)
        return
    pending = iter(items)
    lock = threading.Lock()
    failures: list[BaseException] = []

    def loop() -> None:
        while not failures:
            with lock:
                item = next(pending, _DONE)
            if item is _DONE:
                return
            try:
                work(item)
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                failures.append(error)

    threads = [threading.Thread(target=loop, daemon=True, name=f"claimcheck-encode-{n}")
               for n in range(min(workers, len(items)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


class Background(Generic[T]):
    """``function()`` started on a daemon thread; ``result()`` waits for its value or
    raises its exception."""

    def __init__(self, function: Callable[[], T], name: str = "claimcheck-background") -> None:
        self._value: T | None = None
        self._error: BaseException | None = None
        #: Seconds ``function`` ran, once it has returned.
        self.elapsed = 0.0

        def run() -> None:
            started = time.perf_counter()
            try:
                self._value = function()
            except BaseException as error:  # noqa: BLE001 - handed to ``result``
                self._error = error
            finally:
                self.elapsed = time.perf_counter() - started

        self._thread = threading.Thread(target=run, daemon=True, name=name)
        self._thread.start()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
