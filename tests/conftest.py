"""Shared fixtures: a deterministic fake embedding model and data folders under tmp_path."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from qa import api, models
from qa.indexing.embedding import embedder_key
from qa.config import DEFAULT_MODEL
from qa.ingest.text import words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class FakeEmbedder:
    """Hashes word unigrams and bigrams into a fixed-size vector: similar wording gives similar
    vectors, deterministically, in microseconds. Counts what it encodes so tests can check that
    unchanged documents are not embedded again."""

    def __init__(self, dim: int = 256, model_id: str = "fake-hash-256"):
        self.dim = dim
        self.model_id = model_id
        self.encoded = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        toks = words(text)
        for t in toks + [a + " " + b for a, b in zip(toks, toks[1:])]:
            h = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode(self, texts, *, show_progress: bool = False) -> np.ndarray:
        self.encoded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([self._vec(t) for t in texts])

    def encode_query(self, text: str) -> np.ndarray:
        return self._vec(text)

    def fits(self, text: str) -> bool:
        return len(words(text)) <= 200


@pytest.fixture
def fake_embedder(monkeypatch) -> FakeEmbedder:
    """Every pipeline built during the test uses the fake model."""
    fake = FakeEmbedder()
    monkeypatch.setitem(models._MODELS, embedder_key(DEFAULT_MODEL), fake)
    # The cross-encoder is a real model: fast tests with the fake embedder leave it out.
    monkeypatch.setenv("QA_CROSS_READER", "off")
    return fake


@pytest.fixture
def data_dirs(tmp_path, monkeypatch) -> dict[str, Path]:
    """Point the default corpus and the index root at tmp_path (the corpus holds the seeds)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index_root = tmp_path / "index"
    monkeypatch.setenv("QA_CORPUS", str(corpus))
    monkeypatch.setenv("QA_INDEX_ROOT", str(index_root))
    api.clear_cache()
    yield {"corpus": corpus, "index_root": index_root, "tmp": tmp_path}
    api.clear_cache()


@pytest.fixture
def write_corpus(tmp_path, monkeypatch):
    """A function writing made-up articles ({file name: text}) into a corpus folder under tmp_path,
    with the index root beside it; returns the folder. Loaded pipelines are dropped after the test."""
    def write(docs: dict[str, str], name: str = "made-up") -> Path:
        corpus = tmp_path / name
        corpus.mkdir()
        for file, text in docs.items():
            (corpus / file).write_text(text, "utf-8")
        monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path / "index"))
        api.clear_cache()
        return corpus

    yield write
    api.clear_cache()


@pytest.fixture
def fake_qa(fake_embedder, data_dirs):
    """ask() on a copy of the seeds with the fake model."""
    return data_dirs
