"""The cross-encoder (:mod:`qa.reading.crossreader`) on onnxruntime, without torch at question time.

Why: it reads a few sentences for every question, within the latency budget of ask(). On these
2-core CPUs the reader's two pairs per question take about 19 ms with torch and 4 ms once the
weights are quantised to int8 (onnxruntime's dynamic quantisation), five pairs 45 and 10 ms
(``python -m qa.bench.cross``, on the machine of the session that made it; on a slower one of
2026-11-26, sharing its cores with a test run, int8 took 23 and 62 ms: the figures move with the
machine, the ratio to torch stays), besides seconds of torch import on a cold start. The adapters are folded into the encoder's weights (W + scale * B A), the
plain encoder is exported once (qa.indexing.onnx_backend's exporter), quantised, and cached next to the
embedder's export, keyed by the adapter file, the manifest and the base model's files. It is
checked against torch on probe pairs when it is made (int8 moves logits by 0.26 in the median,
up to 2 on a few of the gold questions' pairs, and keeps the best of them in 93% of questions; the
reader's weights are fitted on the int8 scores, since ``qa.training.calibrate`` scores through this path
too); a passed check is written beside it, so later processes load it directly.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Sequence

import numpy as np

from ..indexing.onnx_backend import _export, cache_path, load_tokenizer, mean_pool, model_inputs

__all__ = ["OnnxCross", "load_onnx_cross"]

# Largest logit difference accepted against torch on the probe pairs: catches a broken export,
# not int8's own error (see above).
_TOLERANCE = 1.0
_PROBE = [("Who makes the chips?", "Samsung will make the chips on its 2nm process."),
          ("When?", "In the fourth quarter of this year, " + "the foundry business " * 60)]


def export_path(directory: Path, base_dir: Path) -> Path:
    h = hashlib.sha1()
    for name in ("adapters.safetensors", "manifest.json"):
        h.update((directory / name).read_bytes())
    h.update(cache_path(base_dir).name.encode())  # the base model's files, as the embedder keys them
    return cache_path(base_dir).with_name(f"cross-int8-{h.hexdigest()[:16]}.onnx")


class OnnxCross:
    """Scores (question, sentence) pairs with the exported encoder, mean pooling and the head."""

    def __init__(self, path: Path, base_dir: Path, max_length: int, head_w: np.ndarray, head_b: float):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.inter_op_num_threads = 1
        # Its intra-op threads wait for work without spinning: two pairs are a few milliseconds of
        # work, and a spinning second thread doubled the CPU time of a question and, on a busy
        # machine, its wall time (2 pairs x 96 gold questions, load ~14 on 2 cores: median 109 ms
        # wall / 55 ms CPU spinning, 38 / 28 without; the same logits bit for bit).
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        # Longest first: the sentence is cut, unless the question is the longer (a pasted
        # paragraph), which "only the sentence" could not bring under the limit.
        self._tok = load_tokenizer(base_dir, max_length)
        self._w, self._b = head_w.astype(np.float32).reshape(-1), float(head_b)

    def score(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        if not sentences:
            return np.zeros(0, np.float32)
        feed = model_inputs(self._tok.encode_batch([(question, s) for s in sentences]))
        pooled = mean_pool(self._session.run(None, feed)[0], feed["attention_mask"])
        return (pooled @ self._w + self._b).astype(np.float32)


def _head(directory: Path) -> tuple[np.ndarray, float]:
    from safetensors.numpy import load_file

    state = load_file(str(directory / "adapters.safetensors"))
    return state["head.weight"], float(state["head.bias"].reshape(-1)[0])


def load_onnx_cross(directory: Path, base_dir: Path, max_length: int, torch_model=None,
                    reference=None) -> OnnxCross | None:
    """The ONNX runner of the adapters in ``directory``: from the cache when an earlier process
    exported and checked it, else exported from ``torch_model()`` (tokenizer, merged encoder,
    head) and checked now against ``reference(tok, enc, head, max_length)``, the torch scorer
    (passed in, so that this module needs nothing from qa.reading.crossreader, which imports it).
    None, with a warning saying why, when it cannot be used."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    try:
        path = export_path(directory, base_dir)
        meta = path.with_suffix(".json")
        w, b = _head(directory)
        if path.exists() and meta.exists():
            return OnnxCross(path, base_dir, max_length, w, b)
        if torch_model is None or reference is None:
            return None
        tok, enc, head = torch_model()
        plain = path.with_name(f"{path.stem}.fp32.{os.getpid()}.onnx")
        try:
            _export(SimpleNamespace(tokenizer=tok), plain, transformer=enc)
            _quantize(plain, path)
        finally:
            plain.unlink(missing_ok=True)
        runner = OnnxCross(path, base_dir, max_length, w, b)
        err = _check(runner, reference(tok, enc, head, max_length))
    except Exception as exc:  # export or runtime failure: torch still works, say so
        warnings.warn(f"ONNX cross-encoder unavailable ({type(exc).__name__}: {exc}); using torch", stacklevel=2)
        return None
    if err > _TOLERANCE:
        warnings.warn(f"ONNX cross-encoder disagrees with torch (max diff {err:.2g}); using torch", stacklevel=2)
        return None
    tmp = meta.with_name(f"{meta.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"max_diff": err}), "utf-8")
        os.replace(tmp, meta)
    except OSError:  # a read-only cache: later processes check again
        tmp.unlink(missing_ok=True)
    return runner


def _quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
    quiet = logging.root.manager.disable
    logging.disable(logging.WARNING)  # its advice on pre-processing is for image models
    try:
        quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8)
        os.replace(tmp, dst)
    finally:
        logging.disable(quiet)
        tmp.unlink(missing_ok=True)


def _check(runner: OnnxCross, full) -> float:
    return max(float(np.abs(runner.score(q, [s]) - full.score(q, [s])).max()) for q, s in _PROBE)
