"""A cold start loads the cross-encoder in a thread while the index and the corpus are read
(qa.api._warm_cross_reader): the first question does not wait for it, and a load that fails there
is left to the pipeline, which reports it where the model is used."""
from __future__ import annotations

import threading

from qa import api
from qa.reading import crossreader


class _Recorder:
    def __init__(self, fail: bool = False):
        self.threads: list[str] = []
        self.warmed = threading.Event()
        self.fail = fail

    def warm(self) -> None:
        self.threads.append(threading.current_thread().name)
        self.warmed.set()
        if self.fail:
            raise RuntimeError("no session")


def test_the_cross_encoder_loads_beside_the_index(monkeypatch, fake_embedder, data_dirs):
    rec = _Recorder()
    monkeypatch.setattr(crossreader, "get_cross_reader", lambda *a, **k: rec)
    api.get_pipeline(data_dirs["corpus"])
    assert rec.warmed.wait(timeout=10)
    assert rec.threads == ["qa-warm-cross"]
    api.get_pipeline(data_dirs["corpus"])  # loaded: no second warm-up
    assert rec.threads == ["qa-warm-cross"]


def test_a_failed_warm_up_does_not_fail_the_load(monkeypatch, fake_embedder, data_dirs):
    rec = _Recorder(fail=True)
    monkeypatch.setattr(crossreader, "get_cross_reader", lambda *a, **k: rec)
    p = api.get_pipeline(data_dirs["corpus"])
    assert rec.warmed.wait(timeout=10)
    assert p.reader.cross is rec  # the pipeline holds it and loads it again on first use
