"""An onnxruntime runner for mean-pooled sentence-transformers models (all-MiniLM-L6-v2 among them).

Why: on these 2-core CPUs, onnxruntime with one intra-op thread encodes about twice as many
tokens per CPU second as torch, and two such workers side by side use both cores fully, where
torch's own two threads mostly wait on each other. The vectors are the same (max abs difference
about 1e-7, checked on every load against torch): an index built with either backend is the same
index, so the manifest's model id does not change.

The ONNX graph is exported once from the loaded torch model (torch.onnx, TorchScript exporter)
and cached under ``~/.cache/qa/onnx/`` (or ``QA_ONNX_CACHE``), keyed by the model files' names,
sizes and mtimes. Models whose sentence-transformers pipeline is anything other than
Transformer -> mean Pooling [-> Normalize] stay on torch.
"""
from __future__ import annotations

import copy
import hashlib
import json
import math
import os
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

__all__ = ["OnnxEncoder", "onnx_supported", "load_onnx_encoder"]

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Largest agreement error accepted between the backends on the probe texts (they agree to ~1e-7).
_TOLERANCE = 1e-4
_BATCH_TOKENS = 2048
# Mixed lengths, outer white space, and a text past the model's length (truncation must agree).
_PROBE = ["The backlog is expected to approach 50 trillion won.", "  Who builds the 2nm chips?\n", "ok",
          "Jalapeño, MTIA and TPUs: " + "chips and foundries " * 150]


# The sentence-transformers pipelines the export reproduces: a transformer, mean pooling, and
# optionally normalisation.
# torch.onnx.export keeps process-wide state ("GLOBALS.in_onnx_export"): a second export running in
# another thread fails. On a machine's first run the embedder and the cross-encoder are exported at
# once (qa.api warms the cross-encoder in a thread), and the failed one ran on torch for that
# process only, so its answers differed from every later process's (gold: 82.9% against 84.2%).
_EXPORT_LOCK = threading.Lock()

_PLAIN_PIPELINES = (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"])


def onnx_supported(st_model) -> bool:
    """True when the sentence-transformers pipeline is a plain mean-pooled transformer."""
    mods = list(st_model)
    names = [type(m).__name__ for m in mods]
    if names not in _PLAIN_PIPELINES:
        return False
    pooling = mods[1]
    mode = getattr(pooling, "pooling_mode", None) or getattr(pooling, "get_pooling_mode_str", lambda: "")()
    return str(mode) == "mean"


def _model_dir(st_model) -> Path | None:
    auto = st_model[0].auto_model
    path = getattr(auto.config, "_name_or_path", "") or ""
    return Path(path) if path and Path(path).is_dir() else None


def cache_path(model_dir: Path) -> Path:
    """Where the export of the model in ``model_dir`` is kept: keyed by its files' names, sizes
    and mtimes, so a changed model is exported again."""
    # Not under the index root: every corpus (and every test's temporary root) shares one export.
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    root = Path(os.environ.get("QA_ONNX_CACHE") or Path(cache) / "qa" / "onnx")
    h = hashlib.sha1(str(model_dir.resolve()).encode())
    for f in sorted(model_dir.rglob("*")):
        if f.is_file() and f.suffix in {".json", ".safetensors", ".bin", ".txt"}:
            st = f.stat()
            h.update(f"{f.relative_to(model_dir)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return root / f"encoder-{h.hexdigest()[:16]}.onnx"


def plain_mean_pooled(model_dir: Path) -> dict | None:
    """Read off a sentence-transformers folder without loading it: its max length and casing
    when its pipeline is Transformer -> mean Pooling [-> Normalize], else None."""
    try:
        mods = json.loads((model_dir / "modules.json").read_text("utf-8"))
        kinds = [str(m["type"]).rsplit(".", 1)[-1] for m in mods]
        if kinds not in _PLAIN_PIPELINES:
            return None
        pool = json.loads((model_dir / mods[1]["path"] / "config.json").read_text("utf-8"))
        modes = {k for k, v in pool.items() if k.startswith("pooling_mode") and v}
        if modes != {"pooling_mode_mean_tokens"} and pool.get("pooling_mode") != "mean":
            return None
        cfg = json.loads((model_dir / "sentence_bert_config.json").read_text("utf-8"))
        return {"max_tokens": int(cfg["max_seq_length"]), "do_lower_case": bool(cfg.get("do_lower_case", False))}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _export(st_model, path: Path, transformer=None) -> None:
    """Write the ONNX graph of ``st_model``'s transformer (or of ``transformer``, a Hugging Face
    model taking the same inputs) to ``path`` atomically."""
    import torch

    auto = transformer if transformer is not None else st_model[0].auto_model

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
        with _EXPORT_LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Hidden(auto).eval(), tuple(enc[k] for k in _INPUTS), str(tmp), input_names=list(_INPUTS),
                output_names=["hidden"], opset_version=17, dynamo=False,
                dynamic_axes={k: {0: "batch", 1: "seq"} for k in (*_INPUTS, "hidden")},
            )
        os.replace(tmp, path)  # another process exporting at the same time writes the same graph
    finally:
        tmp.unlink(missing_ok=True)


Tokenize = Callable[[list[str]], dict]


def hf_tokenize(tokenizer, max_tokens: int) -> Tokenize:
    """A transformers tokenizer as sentence-transformers calls it (texts stripped)."""
    def tokenize(texts: list[str]) -> dict:
        texts = [t.strip() for t in texts]
        enc = tokenizer(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="np")
        return {k: enc[k] for k in _INPUTS if k in enc}

    return tokenize


def load_tokenizer(model_dir: Path, max_tokens: int):
    """The model's tokenizer.json (tokenizers library alone), truncating longest-first and padding
    batches: texts, or (question, sentence) pairs where the longer of the two is cut."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(max_length=max_tokens)
    pad = tok.padding or {}
    tok.enable_padding(pad_id=pad.get("pad_id", 0), pad_token=pad.get("pad_token", "[PAD]"))
    return tok


def model_inputs(encodings) -> dict:
    """The onnxruntime inputs of a batch of tokenizers encodings."""
    return {
        "input_ids": np.array([e.ids for e in encodings], np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], np.int64),
    }


def mean_pool(hidden: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    mask = attention_mask[..., None].astype(np.float32)
    return (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)


def rust_tokenize(model_dir: Path, max_tokens: int, lower: bool = False) -> Tokenize:
    """The same tokenization from tokenizer.json with the tokenizers library alone (no torch or
    transformers import: a cold start spends seconds on those)."""
    tok = load_tokenizer(model_dir, max_tokens)

    def tokenize(texts: list[str]) -> dict:
        return model_inputs(tok.encode_batch([t.strip().lower() if lower else t.strip() for t in texts]))

    return tokenize


class OnnxEncoder:
    """Encodes with one onnxruntime run per worker in parallel, each on one thread with its own
    tokenize function (a fast tokenizer shared between threads raises 'Already borrowed').

    ``threads`` (intra-op threads of the session), ``batch_tokens`` (None: every batch holds
    ``batch_size`` texts) and ``arena`` (onnxruntime's memory arena) are there for the benchmark
    (``qa.bench.embed``), which compares this set-up with the plain one: one session of two
    threads, batches of 64, the arena on (faster on such batches: memory is kept, not returned)."""

    def __init__(self, path: Path, tokenizers: list[Tokenize], max_tokens: int, dim: int, *,
                 threads: int = 1, batch_tokens: int | None = _BATCH_TOKENS, arena: bool = False):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        # Without the arena, memory goes back after each batch instead of staying at the peak of
        # the longest one (hundreds of MB per worker for 256-token batches); speed is the same on
        # token-budget batches.
        so.enable_cpu_mem_arena = arena
        self._session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self._names = {i.name for i in self._session.get_inputs()}
        self.max_tokens = max_tokens
        self.dim = dim
        self.batch_tokens = batch_tokens
        self._tokenizers = tokenizers
        self.workers = len(tokenizers)
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="qa-onnx") if self.workers > 1 else None

    def _run(self, texts: Sequence[str], tokenize: Tokenize) -> np.ndarray:
        enc = tokenize(list(texts))
        feed = {k: enc[k].astype(np.int64) for k in _INPUTS if k in self._names and k in enc}
        if "token_type_ids" in self._names and "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        vecs = mean_pool(self._session.run(None, feed)[0], enc["attention_mask"])
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
            size = batch_size
            if self.batch_tokens is not None:
                size = max(8, min(batch_size, self.batch_tokens // max(1, longest)))
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


def _meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def load_onnx_encoder(st_model, dim: int, workers: int) -> OnnxEncoder | None:
    """The ONNX twin of a loaded sentence-transformers model, exported (and cached) if need be and
    checked against it; None, with a warning saying why, when it cannot be used. A passed check is
    written next to the export, so later processes can use it without loading torch."""
    model_dir = _model_dir(st_model)
    if not onnx_supported(st_model) or model_dir is None:
        return None
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        warnings.warn("onnxruntime is not installed: embedding with torch (about half as fast)", stacklevel=3)
        return None
    try:
        path = cache_path(model_dir)
        cached = path.exists()
        if not cached:
            _export(st_model, path)
        max_tokens = int(st_model.max_seq_length)
        toks = [hf_tokenize(st_model.tokenizer if w == 0 else copy.deepcopy(st_model.tokenizer), max_tokens)
                for w in range(max(1, workers))]
        try:
            enc = OnnxEncoder(path, toks, max_tokens, dim)
        except Exception:
            if not cached:
                raise
            # A damaged export in the cache (a full disk, a killed process): make it again.
            _meta_path(path).unlink(missing_ok=True)
            path.unlink(missing_ok=True)
            _export(st_model, path)
            enc = OnnxEncoder(path, toks, max_tokens, dim)
        want = np.asarray(st_model.encode(_PROBE, normalize_embeddings=True, convert_to_numpy=True), np.float32)
        got = enc.encode(_PROBE)
        fast = plain_mean_pooled(model_dir)
        if fast is not None:  # the torch-free tokenizer must agree too, on the same session
            got_fast = enc._run(_PROBE, rust_tokenize(model_dir, fast["max_tokens"], fast["do_lower_case"]))
    except Exception as exc:  # export or runtime failure: torch still works, say so
        warnings.warn(f"ONNX encoder unavailable ({type(exc).__name__}: {exc}); embedding with torch", stacklevel=3)
        return None
    err = float(np.abs(want - got).max())
    if err > _TOLERANCE:
        warnings.warn(f"ONNX encoder disagrees with torch (max diff {err:.2g}); embedding with torch", stacklevel=3)
        return None
    fast_err = float(np.abs(want - got_fast).max()) if fast is not None else math.inf
    if fast_err <= _TOLERANCE:
        meta = {"dim": dim, **fast, "max_diff": max(err, fast_err)}
        tmp = _meta_path(path).with_name(f"{path.stem}.{os.getpid()}.json.tmp")
        try:
            tmp.write_text(json.dumps(meta), "utf-8")
            os.replace(tmp, _meta_path(path))
        except OSError:  # a read-only cache: later processes check again, nothing is lost
            tmp.unlink(missing_ok=True)
    return enc


def open_verified(model_dir: Path, workers: int) -> tuple[OnnxEncoder, dict] | None:
    """The cached export of ``model_dir`` with torch-free tokenization, if an earlier process
    exported it and checked it against torch; else None."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    fast = plain_mean_pooled(model_dir)
    path = cache_path(model_dir)
    try:
        meta = json.loads(_meta_path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if fast is None or not path.exists() or {k: meta.get(k) for k in fast} != fast:
        return None
    try:
        toks = [rust_tokenize(model_dir, fast["max_tokens"], fast["do_lower_case"]) for _ in range(max(1, workers))]
        return OnnxEncoder(path, toks, fast["max_tokens"], int(meta["dim"])), meta
    except Exception:  # a damaged export: the torch path exports it again
        return None
