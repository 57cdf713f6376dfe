"""The collector pause puts the collector back as it found it, errors or not."""

from __future__ import annotations

import gc

import pytest

from claimcheck.gc_pause import paused_collector
from claimcheck.pipeline import CheckConfig, check_documents


@pytest.fixture(autouse=True)
def _collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after():
    with paused_collector():
        assert not gc.isenabled()
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not end the outer pause
    assert gc.isenabled()


def test_an_error_inside_still_resumes_the_collector():
    with pytest.raises(RuntimeError), paused_collector():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()


def test_a_check_runs_without_collections_and_resumes_them(monkeypatch):
    seen = []
    monkeypatch.setattr("claimcheck.pipeline._check_documents",
                        lambda *args: seen.append(gc.isenabled()) or "report")
    assert check_documents([], CheckConfig(embedder="lexical")) == "report"
    assert seen == [False]
    assert gc.isenabled()
