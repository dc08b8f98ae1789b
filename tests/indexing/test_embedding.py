"""The embedding backends: onnxruntime gives torch's vectors, and falls back to torch (saying why)
when it cannot be used."""
from __future__ import annotations

import numpy as np
import pytest

from qa.indexing.embedding import SentenceTransformerEmbedder

TEXTS = [
    "Samsung's foundry backlog is expected to approach 50 trillion won.",
    "Meta is testing its MTIA chips for training.",
    "Who makes OpenAI's Jalapeño?",
    "",
    "word " * 400,  # longer than the model reads: truncated the same way by both
]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("QA_ONNX_CACHE", str(tmp_path_factory.mktemp("onnx")))
    try:
        onnx = SentenceTransformerEmbedder(backend="onnx")
        torch = SentenceTransformerEmbedder(backend="torch")
    finally:
        mp.undo()
    return onnx, torch


@pytest.mark.slow
def test_onnx_vectors_equal_torch_vectors(both):
    onnx, torch = both
    assert onnx.backend == "onnx" and torch.backend == "torch"
    a, b = onnx.encode(TEXTS), torch.encode(TEXTS)
    assert a.shape == b.shape == (len(TEXTS), 384) and a.dtype == np.float32
    assert np.abs(a - b).max() < 1e-4
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    # Many texts go through both workers and come back in input order.
    many = [f"sentence number {i} about chips and {'x ' * (i % 40)}" for i in range(300)]
    assert np.abs(onnx.encode(many) - torch.encode(many)).max() < 1e-4
    assert np.allclose(onnx.encode_query(TEXTS[1]), b[1], atol=1e-4)


@pytest.mark.slow
def test_onnx_export_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    SentenceTransformerEmbedder(backend="onnx")
    files = list(tmp_path.glob("encoder-*.onnx"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    SentenceTransformerEmbedder(backend="onnx")
    assert files[0].stat().st_mtime_ns == stamp and not list(tmp_path.glob("*.tmp"))


def test_unknown_backend_is_refused(monkeypatch):
    monkeypatch.setenv("QA_EMBED_BACKEND", "tpu")
    with pytest.raises(ValueError, match="QA_EMBED_BACKEND must be auto, torch or onnx"):
        SentenceTransformerEmbedder()


def test_only_mean_pooled_pipelines_are_run_with_onnx():
    from qa.indexing.onnx_backend import onnx_supported

    class Pooling:
        def __init__(self, mode):
            self.pooling_mode = mode

    Transformer = type("Transformer", (), {})
    Normalize = type("Normalize", (), {})
    Dense = type("Dense", (), {})
    assert onnx_supported([Transformer(), Pooling("mean"), Normalize()])
    assert onnx_supported([Transformer(), Pooling("mean")])
    assert not onnx_supported([Transformer(), Pooling("cls"), Normalize()])
    assert not onnx_supported([Transformer(), Pooling("mean"), Dense(), Normalize()])


@pytest.mark.slow
def test_broken_export_falls_back_to_torch(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    import qa.indexing.onnx_backend as ob

    def boom(model, path):
        raise RuntimeError("exporter missing")

    monkeypatch.setattr(ob, "_export", boom)
    with pytest.warns(UserWarning, match="ONNX encoder unavailable .*exporter missing.*embedding with torch"):
        e = SentenceTransformerEmbedder(backend="onnx")
    assert e.backend == "torch" and e.encode(["still works"]).shape == (1, 384)


@pytest.mark.slow
def test_later_processes_use_the_checked_export_without_torch(both, tmp_path, monkeypatch):
    """After one process exported and checked the model, get_embedder opens the export with the
    tokenizers library alone, and gives the same vectors."""
    import json
    import subprocess
    import sys

    from qa.indexing.embedding import OnnxEmbedder, _load_embedder

    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    SentenceTransformerEmbedder(backend="onnx")  # exports, checks, writes the sidecar
    meta = json.loads(next(tmp_path.glob("encoder-*.json")).read_text())
    assert meta["max_tokens"] == 256 and meta["dim"] == 384 and meta["max_diff"] < 1e-4
    fast = _load_embedder("all-MiniLM-L6-v2")
    assert isinstance(fast, OnnxEmbedder)
    _, torch = both
    assert np.abs(fast.encode(TEXTS) - torch.encode(TEXTS)).max() < 1e-4
    assert fast.fits("short") and not fast.fits("word " * 300)
    code = ("import sys; from qa.indexing.embedding import get_embedder; e = get_embedder(); e.encode(['x']); "
            "print(e.backend, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QA_ONNX_CACHE": str(tmp_path)})
    assert out.stdout.split() == ["onnx", "False", "False"]


@pytest.mark.slow
def test_a_missing_check_means_the_torch_path(tmp_path, monkeypatch):
    from qa.indexing.embedding import _load_embedder

    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    SentenceTransformerEmbedder(backend="onnx")
    next(tmp_path.glob("encoder-*.json")).unlink()  # an export nobody checked is not trusted
    assert isinstance(_load_embedder("all-MiniLM-L6-v2"), SentenceTransformerEmbedder)


@pytest.mark.slow
def test_a_damaged_export_is_made_again(tmp_path, monkeypatch):
    from qa.indexing.embedding import _load_embedder

    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    SentenceTransformerEmbedder(backend="onnx")
    export = next(tmp_path.glob("encoder-*.onnx"))
    export.write_bytes(export.read_bytes()[:1000])  # truncated, as by a full disk
    e = _load_embedder("all-MiniLM-L6-v2")  # the fast path cannot open it: torch path, re-export
    assert isinstance(e, SentenceTransformerEmbedder) and e.backend == "onnx"
    assert export.stat().st_size > 1_000_000
    assert e.encode(["works again"]).shape == (1, 384)


@pytest.mark.slow
def test_an_unwritable_cache_still_embeds(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")  # fails even for root
    monkeypatch.setenv("QA_ONNX_CACHE", str(blocker / "onnx"))
    with pytest.warns(UserWarning, match="ONNX encoder unavailable"):
        e = SentenceTransformerEmbedder(backend="auto")
    assert e.backend == "torch" and e.encode(["fine"]).shape == (1, 384)


@pytest.mark.slow
def test_two_exports_at_once_both_succeed(both, tmp_path):
    """A machine's first run exports the embedder and the cross-encoder in two threads at once;
    torch.onnx.export refuses to run while another export is under way, and the loser then ran on
    torch, so that process's answers differed from every later one's."""
    import threading

    from qa.indexing import onnx_backend as ob

    model = both[1]._model
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def export(name: str) -> None:
        start.wait()
        try:
            ob._export(model, tmp_path / name)
        except BaseException as exc:  # noqa: BLE001 - the test reports what a thread raised
            failures.append(exc)

    threads = [threading.Thread(target=export, args=(f"{n}.onnx",)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    assert (tmp_path / "a.onnx").stat().st_size > 1_000_000 and (tmp_path / "b.onnx").exists()
