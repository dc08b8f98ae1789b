"""The one process-wide model cache: every loaded model (embedder, spaCy pipeline, reader) lives
here, created on first use under a lock and reused by every thread."""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

__all__ = ["cached_model", "set_model", "clear_models"]

T = TypeVar("T")
_MODELS: dict[str, object] = {}
_LOCK = threading.RLock()


def cached_model(key: str, load: Callable[[], T]) -> T:
    """The model stored under ``key``, loading it with ``load()`` the first time."""
    with _LOCK:
        model = _MODELS.get(key)
        if model is None:
            model = load()
            _MODELS[key] = model
        return model  # type: ignore[return-value]


def set_model(key: str, model: object) -> None:
    """Put a model in the cache (tests and trainers swap in fakes or freshly trained weights)."""
    with _LOCK:
        _MODELS[key] = model


def clear_models() -> None:
    with _LOCK:
        _MODELS.clear()
