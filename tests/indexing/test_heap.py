"""Syncs run with the objects alive before them out of the collector's full passes
(qa.indexing.heap), and hand them back after, also when the sync fails."""
from __future__ import annotations

import gc
import threading

import pytest

from qa import api
from qa.indexing.heap import frozen_heap


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
