"""An onnxruntime runner for mean-pooled sentence-transformers models (all-MiniLM-L6-v2 among them).

Why: on these 2-core CPUs, onnxruntime with one intra-op thread encodes about twice as many
tokens per CPU second as torch, and two such workers side by side use both cores fully, where
torch's own two threads mostly wait on each other. The vectors are the same (max abs difference
about 1e-7, checked on every load against torch): an index built with either backend is the same
index, so the manifest's model id does not change.

The ONNX graph is exported once from the loaded torch model (torch.onnx, TorchScript exporter)
and cached under ``<index root>/.onnx/`` (or ``QA_ONNX_CACHE``), keyed by the model files' names,
sizes and mtimes. Models whose sentence-transformers pipeline is anything other than
Transformer -> mean Pooling [-> Normalize] stay on torch.
"""
from __future__ import annotations

import copy
import hashlib
import os
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np

from .config import index_root

__all__ = ["OnnxEncoder", "onnx_supported", "load_onnx_encoder"]

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Largest agreement error accepted between the backends on the probe texts (they agree to ~1e-7).
_TOLERANCE = 1e-4
_BATCH_TOKENS = 2048
_PROBE = ["The backlog is expected to approach 50 trillion won.", "Who builds the 2nm chips?", "ok"]


def onnx_supported(st_model) -> bool:
    """True when the sentence-transformers pipeline is a plain mean-pooled transformer."""
    mods = list(st_model)
    names = [type(m).__name__ for m in mods]
    if names not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return False
    pooling = mods[1]
    mode = getattr(pooling, "pooling_mode", None) or getattr(pooling, "get_pooling_mode_str", lambda: "")()
    return str(mode) == "mean"


def _model_dir(st_model) -> Path | None:
    auto = st_model[0].auto_model
    path = getattr(auto.config, "_name_or_path", "") or ""
    return Path(path) if path and Path(path).is_dir() else None


def _cache_path(st_model) -> Path:
    root = Path(os.environ.get("QA_ONNX_CACHE") or index_root() / ".onnx")
    h = hashlib.sha1()
    model_dir = _model_dir(st_model)
    if model_dir is not None:
        for f in sorted(model_dir.rglob("*")):
            if f.is_file() and f.suffix in {".json", ".safetensors", ".bin", ".txt"}:
                st = f.stat()
                h.update(f"{f.relative_to(model_dir)}:{st.st_size}:{st.st_mtime_ns};".encode())
    else:  # no local folder to fingerprint: the weights themselves
        for name, p in st_model[0].auto_model.state_dict().items():
            h.update(name.encode())
            h.update(p.detach().cpu().numpy().tobytes()[:4096])
    import torch

    h.update(torch.__version__.encode())
    return root / f"encoder-{h.hexdigest()[:16]}.onnx"


def _export(st_model, path: Path) -> None:
    import torch

    auto = st_model[0].auto_model

    class Hidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    enc = st_model.tokenizer(["an example", "another, longer example text"], padding=True, return_tensors="pt")
    if "token_type_ids" not in enc:
        enc["token_type_ids"] = torch.zeros_like(enc["input_ids"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Hidden(auto).eval(), tuple(enc[k] for k in _INPUTS), str(tmp), input_names=list(_INPUTS),
                output_names=["hidden"], opset_version=17, dynamo=False,
                dynamic_axes={k: {0: "batch", 1: "seq"} for k in (*_INPUTS, "hidden")},
            )
        os.replace(tmp, path)  # another process exporting at the same time writes the same graph
    finally:
        tmp.unlink(missing_ok=True)


class OnnxEncoder:
    """Encodes with ``workers`` onnxruntime runs in parallel, each on one thread and its own
    tokenizer copy (a fast tokenizer shared between threads raises 'Already borrowed')."""

    def __init__(self, path: Path, tokenizer, max_tokens: int, dim: int, workers: int):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        # Without the arena, memory goes back after each batch instead of staying at the peak of
        # the longest one (hundreds of MB per worker for 256-token batches); speed is the same.
        so.enable_cpu_mem_arena = False
        self._session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self._names = {i.name for i in self._session.get_inputs()}
        self.max_tokens = max_tokens
        self.dim = dim
        self.workers = max(1, workers)
        self._tokenizers = [tokenizer] + [copy.deepcopy(tokenizer) for _ in range(self.workers - 1)]
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="qa-onnx") if self.workers > 1 else None

    def _run(self, texts: Sequence[str], tokenizer) -> np.ndarray:
        enc = tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_tokens, return_tensors="np")
        feed = {k: enc[k].astype(np.int64) for k in _INPUTS if k in self._names and k in enc}
        if "token_type_ids" in self._names and "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        hidden = self._session.run(None, feed)[0]
        mask = enc["attention_mask"][..., None].astype(np.float32)
        vecs = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        if not texts:
            return out
        # Longest first, so that each batch pads to similar lengths; long texts go in smaller
        # batches (attention memory grows with batch x length^2).
        lengths = [len(t) for t in texts]
        order = np.argsort([-n for n in lengths], kind="stable")
        batches, s = [], 0
        while s < len(order):
            longest = min(self.max_tokens, lengths[order[s]] // 3 + 2)  # ~3+ characters per token
            size = max(8, min(batch_size, _BATCH_TOKENS // max(1, longest)))
            batches.append(order[s : s + size])
            s += size
        if self._pool is None or len(batches) == 1:
            for idx in batches:
                out[idx] = self._run([texts[i] for i in idx], self._tokenizers[0])
                if progress is not None:
                    progress.update(len(idx))
            return out
        # Worker w takes batches w, w + W, ...: every worker keeps its own tokenizer.
        def work(w: int) -> None:
            for idx in batches[w :: self.workers]:
                out[idx] = self._run([texts[i] for i in idx], self._tokenizers[w])
                if progress is not None:
                    progress.update(len(idx))

        for f in [self._pool.submit(work, w) for w in range(self.workers)]:
            f.result()
        return out


def load_onnx_encoder(st_model, dim: int, workers: int) -> OnnxEncoder | None:
    """The ONNX twin of ``st_model``, or None (with a warning saying why) when it cannot be used."""
    if not onnx_supported(st_model):
        return None
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        warnings.warn("onnxruntime is not installed: embedding with torch (about half as fast)", stacklevel=3)
        return None
    try:
        path = _cache_path(st_model)
        if not path.exists():
            _export(st_model, path)
        enc = OnnxEncoder(path, st_model.tokenizer, int(st_model.max_seq_length), dim, workers)
        want = st_model.encode(_PROBE, normalize_embeddings=True, convert_to_numpy=True)
        got = enc.encode(_PROBE)
    except Exception as exc:  # export or runtime failure: torch still works, say so
        warnings.warn(f"ONNX encoder unavailable ({type(exc).__name__}: {exc}); embedding with torch", stacklevel=3)
        return None
    err = float(np.abs(np.asarray(want, np.float32) - got).max())
    if err > _TOLERANCE:
        warnings.warn(f"ONNX encoder disagrees with torch (max diff {err:.2g}); embedding with torch", stacklevel=3)
        return None
    return enc
