"""The model cache (qa/models.py): models load once, and quietly."""
import pytest

from qa import models


def test_a_model_loads_without_the_libraries_progress_bars(capsys, monkeypatch):
    hf = pytest.importorskip("transformers.utils.logging")
    monkeypatch.setattr(hf, "_tqdm_active", True)  # as transformers starts: its bars on
    monkeypatch.setattr(models, "_MODELS", {})
    verbosity = hf.get_verbosity()

    def load():
        # what transformers does on every from_pretrained: "Loading weights: 100%| 103/103"
        return sum(hf.tqdm(range(103), desc="Loading weights"))

    assert models.cached_model("test:bars", load) == sum(range(103))
    assert "Loading weights" not in capsys.readouterr().err
    assert hf.get_verbosity() == verbosity  # the library's own warnings are back after the load


def test_two_models_load_at_once(monkeypatch):
    """Each key loads under its own lock: a thread loading one model does not hold up another
    (qa.api loads the embedder beside the index). With one lock for all, the first load below
    waits for the second, which waits for the lock: it would time out."""
    import threading

    monkeypatch.setattr(models, "_MODELS", {})
    monkeypatch.setattr(models, "_LOADING", {})
    second_loaded = threading.Event()

    def first():
        assert second_loaded.wait(timeout=10), "the second model could not load while the first did"
        return "first"

    def second():
        second_loaded.set()
        return "second"

    got = {}
    t = threading.Thread(target=lambda: got.setdefault("first", models.cached_model("test:first", first)))
    t.start()
    assert models.cached_model("test:second", second) == "second"
    t.join(timeout=15)
    assert got == {"first": "first"}
    assert models.is_loaded("test:first") and models.is_loaded("test:second")
    # One key loads once, however many threads ask for it.
    calls = []
    threads = [threading.Thread(target=models.cached_model, args=("test:once", lambda: calls.append(1) or "m"))
               for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert calls == [1]


def test_quiet_loading_in_two_threads_restores_the_environment(monkeypatch):
    """The first load in sets the environment, the last one out restores it, whichever ends first."""
    import os
    import threading

    monkeypatch.delenv("HF_HUB_DISABLE_PROGRESS_BARS", raising=False)
    monkeypatch.setenv("TRANSFORMERS_VERBOSITY", "info")
    inside, leave = threading.Event(), threading.Event()

    def hold():
        with models.quiet_loading():
            inside.set()
            leave.wait(timeout=10)

    t = threading.Thread(target=hold)
    t.start()
    assert inside.wait(timeout=10)
    with models.quiet_loading():
        leave.set()
        t.join(timeout=10)  # the other load ends first: this one is still quiet
        assert os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] == "1"
        assert os.environ["TRANSFORMERS_VERBOSITY"] == "error"
    assert "HF_HUB_DISABLE_PROGRESS_BARS" not in os.environ
    assert os.environ["TRANSFORMERS_VERBOSITY"] == "info"
