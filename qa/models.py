"""The one process-wide model cache: every loaded model (embedder, spaCy pipeline, reader) lives
here, created on first use under a lock and reused by every thread."""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable, TypeVar

__all__ = ["cached_model", "is_loaded", "set_model", "clear_models", "quiet_loading"]

T = TypeVar("T")
_MODELS: dict[str, object] = {}
_LOCK = threading.RLock()  # guards the two tables; a model loads under its own lock
_LOADING: dict[str, threading.RLock] = {}
_QUIET = threading.Lock()
_quiet_depth = 0
_quiet_saved: dict[str, str | None] = {}


@contextmanager
def quiet_loading() -> Iterator[None]:
    """Load a model without the libraries' own progress bars and log lines.

    transformers announces every load ("Loading weights: 100%| 103/103"), which `qa ask` printed
    whenever it loaded a model with torch (a first run, before the ONNX exports are cached): a
    question's output is its answer. The libraries' bars stay off for the rest of the process
    (huggingface_hub reads the switch once, on import); progress the project shows itself (`qa
    index`'s embedding bar) is not theirs and stays. Warnings are left alone: the project's own
    (a fallback to torch, say) must be seen."""
    global _quiet_depth
    # Models may load in two threads at once (qa.api loads the embedder beside the index): the
    # environment is set by the first load in and restored by the last one out.
    with _QUIET:
        if _quiet_depth == 0:
            _quiet_saved.clear()
            _quiet_saved.update({k: os.environ.get(k) for k in ("HF_HUB_DISABLE_PROGRESS_BARS", "TRANSFORMERS_VERBOSITY")})
            # Read by huggingface_hub and transformers when they are first imported, inside the load.
            os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
            os.environ["TRANSFORMERS_VERBOSITY"] = "error"
        _quiet_depth += 1
    hf = sys.modules.get("transformers.utils.logging")
    verbosity = hf.get_verbosity() if hf is not None else None
    if hf is not None:  # imported earlier: its own switches
        hf.disable_progress_bar()
        hf.set_verbosity_error()
    try:
        yield
    finally:
        with _QUIET:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for k, v in _quiet_saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
        hf = sys.modules.get("transformers.utils.logging")
        if hf is not None:  # its warnings again, as the environment (or the caller) had them
            hf.set_verbosity(verbosity if verbosity is not None else hf._get_default_logging_level())


def cached_model(key: str, load: Callable[[], T]) -> T:
    """The model stored under ``key``, loading it with ``load()`` the first time. Each key loads
    under its own lock: a thread loading one model does not hold up another reading its own."""
    with _LOCK:
        model = _MODELS.get(key)
        if model is not None:
            return model  # type: ignore[return-value]
        lock = _LOADING.setdefault(key, threading.RLock())
    with lock:
        with _LOCK:
            model = _MODELS.get(key)
        if model is None:
            with quiet_loading():
                model = load()
            with _LOCK:
                _MODELS[key] = model
        return model  # type: ignore[return-value]


def is_loaded(key: str) -> bool:
    """Whether the model under ``key`` is in the cache."""
    with _LOCK:
        return key in _MODELS


def set_model(key: str, model: object) -> None:
    """Put a model in the cache (tests and trainers swap in fakes or freshly trained weights)."""
    with _LOCK:
        _MODELS[key] = model


def clear_models() -> None:
    with _LOCK:
        _MODELS.clear()
