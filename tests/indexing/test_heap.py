"""Syncs run with the objects alive before them out of the collector's full passes
(qa.indexing.heap), and hand them back after, also when the sync fails."""
from __future__ import annotations

import gc
import threading

import pytest

from qa import api
from qa.indexing.heap import frozen_heap, spaced_full_collections


def test_objects_alive_before_are_frozen_during_and_handed_back_after():
    gc.unfreeze()
    before = object()  # noqa: F841 - alive when the sync starts
    with frozen_heap():
        assert gc.get_freeze_count() > 0
        with frozen_heap():  # a second sync in another thread
            pass
        assert gc.get_freeze_count() > 0  # the first is still running
    assert gc.get_freeze_count() == 0


def test_handed_back_when_the_sync_fails():
    gc.unfreeze()
    with pytest.raises(RuntimeError):
        with frozen_heap():
            raise RuntimeError("a sync that fails")
    assert gc.get_freeze_count() == 0


def test_index_syncs_run_frozen(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(api, "_sync", lambda entry, progress: seen.append(gc.get_freeze_count()))
    gc.unfreeze()
    api._build(api._Entry(tmp_path, tmp_path / "index", api.Settings()), progress=False)
    assert seen and seen[0] > 0 and gc.get_freeze_count() == 0


def test_two_threads_leave_nothing_frozen():
    gc.unfreeze()
    go = threading.Barrier(2)

    def sync():
        with frozen_heap():
            go.wait()

    threads = [threading.Thread(target=sync) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.get_freeze_count() == 0


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_full_collections_are_spaced_never_brought_closer(thresholds, monkeypatch):
    monkeypatch.delenv("QA_GC_FULL_EVERY", raising=False)
    assert spaced_full_collections() == 1000
    assert gc.get_threshold() == (700, 10, 1000)
    gc.set_threshold(700, 10, 5000)  # a host that spaced them further keeps its setting
    assert spaced_full_collections() == 5000 and gc.get_threshold()[2] == 5000


def test_the_spacing_is_set_by_the_environment(thresholds, monkeypatch):
    monkeypatch.setenv("QA_GC_FULL_EVERY", "0")
    assert spaced_full_collections() == 10 and gc.get_threshold()[2] == 10
    monkeypatch.setenv("QA_GC_FULL_EVERY", "250")
    assert spaced_full_collections() == 250
    monkeypatch.setenv("QA_GC_FULL_EVERY", "often")
    with pytest.raises(ValueError, match="QA_GC_FULL_EVERY must be a whole number"):
        spaced_full_collections()


def test_loading_a_pipeline_spaces_them(thresholds, monkeypatch, tmp_path):
    monkeypatch.delenv("QA_GC_FULL_EVERY", raising=False)
    monkeypatch.setattr(api, "_build", lambda entry, progress: setattr(entry, "pipeline", object()))
    monkeypatch.setattr(api, "_warm_cross_reader", lambda settings: None)
    monkeypatch.setattr(api, "_CACHE", {})
    (tmp_path / "corpus").mkdir()
    api.get_pipeline(tmp_path / "corpus", tmp_path / "index")
    assert gc.get_threshold()[2] == 1000


def test_a_replaced_pipeline_is_freed_at_once_though_full_passes_are_spaced(fake_qa, monkeypatch, thresholds):
    # The pipeline holds reference cycles: with full passes spaced, only the explicit collection
    # after the sync frees the old one (an add at 100,000 articles held two and was killed).
    import weakref

    import qa

    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    qa.ask("warm up")
    gc.collect()
    gc.disable()  # no pass of the collector's own, as when full passes are far apart
    try:
        old = weakref.ref(api.get_pipeline())
        (fake_qa["corpus"] / "zz_new.txt").write_text("Quantum news\nIonQ unveiled the Tempest quantum chip in Oslo.\n")
        new = api.get_pipeline()
        assert new is not old()
        assert old() is None
    finally:
        gc.enable()
