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
