"""The encoder's threads: every batch encoded once, failures reported, cores shared out."""

from __future__ import annotations

import threading

import pytest

from claimcheck.embed.threads import Background, encoder_threads, run_shared, usable_cores


def test_every_item_is_worked_once_whatever_the_number_of_threads():
    for workers in (1, 2, 5):
        seen, lock = [], threading.Lock()

        def work(item, seen=seen, lock=lock):
            with lock:
                seen.append(item)

        run_shared(work, list(range(100)), workers)
        assert sorted(seen) == list(range(100))


def test_a_failing_item_is_raised_to_the_caller_once_the_threads_stop():
    def work(item):
        if item == 7:
            raise ValueError("batch 7 is broken")

    with pytest.raises(ValueError, match="batch 7"):
        run_shared(work, list(range(20)), 3)


def test_a_background_result_is_its_value_or_its_exception():
    assert Background(lambda: 6 * 7).result() == 42

    def broken():
        raise RuntimeError("no model here")

    pending = Background(broken)
    with pytest.raises(RuntimeError, match="no model here"):
        pending.result()


def test_cores_go_to_batches_side_by_side_each_on_one_thread_up_to_four():
    assert encoder_threads(1) == (1, 1)
    assert encoder_threads(2) == (2, 1)
    assert encoder_threads(4) == (4, 1)
    assert encoder_threads(16) == (4, 4)  # four batches at most: their memory is bounded


def test_the_environment_caps_the_cores_used(monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_THREADS", "1")
    assert usable_cores() == 1
    assert encoder_threads() == (1, 1)
    monkeypatch.setenv("CLAIMCHECK_THREADS", "not a number")
    assert usable_cores() >= 1
