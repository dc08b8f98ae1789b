"""The app server that ``qa.bench.load`` (and tests/test_load.py) drive: ``qa serve`` in a child
process on a free 127.0.0.1 port, with a fresh index in a temporary folder, optionally with a
hashing embedder instead of the model (``--fake-model``)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["Server", "free_port", "serve_child"]


class _HashEmbedder:
    """--fake-model: qa.indexing.distributed's word-hashing embedder in 256 dimensions (microseconds a
    text), with the query method the pipeline calls."""

    model_id = "bench-hash-256"

    def __init__(self):
        from ..indexing.distributed import HashingEmbedder

        self._inner = HashingEmbedder(256)
        self.dim = self._inner.dim

    def encode(self, texts, *, show_progress: bool = False):
        return self._inner.encode(list(texts))

    def encode_query(self, text: str):
        return self._inner.encode([text])[0]

    def fits(self, text: str) -> bool:
        return len(text.split()) <= 200


def serve_child(port: int, corpus: str | None, fake_model: bool) -> None:
    """Child process: the app exactly as ``qa serve`` runs it, on 127.0.0.1."""
    if fake_model:
        from ..config import DEFAULT_MODEL
        from ..indexing.embedding import embedder_key
        from ..models import set_model

        set_model(embedder_key(DEFAULT_MODEL), _HashEmbedder())
    from ..app.web import serve

    serve(host="127.0.0.1", port=port, corpus=corpus)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``qa serve`` in a child process on a free 127.0.0.1 port; stopped on exit."""

    def __init__(self, corpus: str | Path | None = None, fake_model: bool = False, startup_timeout: float = 600.0):
        self.corpus = str(corpus) if corpus else None
        self.fake_model = fake_model
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._tmp = tempfile.mkdtemp(prefix="qa-bench-load-")
        self.log = Path(self._tmp) / "server.log"

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def __enter__(self) -> "Server":
        import httpx

        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH")]))
        # A fresh index of its own: the bench neither races nor mixes (fake vectors) with index/.
        env["QA_INDEX_ROOT"] = str(Path(self._tmp) / "index")
        cmd = [sys.executable, "-m", "qa.bench.load", "--serve", "--port", str(self.port)]
        if self.corpus:
            cmd += ["--corpus", self.corpus]
        if self.fake_model:
            cmd.append("--fake-model")
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client() as client:
            while True:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the server exited with {self.proc.returncode}:\n{self.tail()}")
                try:
                    if client.get(self.base + "/gradio_api/info", timeout=5).status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    self.__exit__(None, None, None)
                    raise RuntimeError(f"the server did not start within {self.startup_timeout:.0f} s:\n{self.tail()}")
                time.sleep(0.25)

    def tail(self, n: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        shutil.rmtree(self._tmp, ignore_errors=True)
