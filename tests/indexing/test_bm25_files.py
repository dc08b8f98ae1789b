"""The BM25 index read from bm25s's files without bm25s: the same scores bit for bit, written back
unchanged, and a loaded index that never imports bm25s (or scipy, which it pulls in)."""
import json
import os
import subprocess
import sys

import bm25s
import numpy as np
import pytest
from bm25s.stopwords import STOPWORDS_EN

from qa.config import Settings
from qa.indexing.bm25_files import StoredBM25, load_bm25
from qa.indexing.indexer import sync_index
from qa.indexing.lexical import stopwords, tokenize
from qa.indexing.tokens import ChunkTokens, bm25_index

from ..conftest import FakeEmbedder

TEXTS = ["Samsung's foundry backlog reached 50 trillion won.", "Meta will use Samsung for MTIA chips.",
         "TSMC made the first two MTIA generations.", "OpenAI and Broadcom released Jalapeño.",
         "Samsung Samsung Samsung foundry foundry.", ""]


def _built():
    return bm25_index(ChunkTokens.from_lists([tokenize(t) for t in TEXTS]))


def test_stored_index_scores_as_bm25s_does(tmp_path):
    built = _built()
    built.save(str(tmp_path / "b"), show_progress=False)
    ours = load_bm25(tmp_path / "b")
    theirs = bm25s.BM25.load(str(tmp_path / "b"), show_progress=False, verbosity=0)
    assert isinstance(ours, StoredBM25) and ours.vocab_dict == theirs.vocab_dict
    for terms in (["samsung"], ["samsung", "foundri"], ["mtia", "tsmc", "meta", "samsung"], ["jalapeño"]):
        ids = [ours.vocab_dict[t] for t in terms]
        got, want = ours.get_scores_from_ids(ids), theirs.get_scores_from_ids(ids)
        assert got.dtype == want.dtype and np.array_equal(got, want), terms
    with pytest.raises(ValueError, match="beyond the"):
        ours.get_scores_from_ids([len(ours.scores["indptr"]) + 3])


def test_written_back_unchanged(tmp_path):
    _built().save(str(tmp_path / "b"), show_progress=False)
    load_bm25(tmp_path / "b").save(str(tmp_path / "c"))
    for name in os.listdir(tmp_path / "b"):
        a, c = tmp_path / "b" / name, tmp_path / "c" / name
        if name.endswith(".json"):
            assert json.loads(a.read_text("utf-8")) == json.loads(c.read_text("utf-8")), name
        else:
            assert np.array_equal(np.load(a), np.load(c)), name


def test_variants_with_a_non_occurrence_score_are_left_to_bm25s(tmp_path):
    plus = bm25s.BM25(method="bm25+")
    plus.index([tokenize(t) for t in TEXTS[:5]], show_progress=False)
    plus.save(str(tmp_path / "p"), show_progress=False)
    assert isinstance(load_bm25(tmp_path / "p"), bm25s.BM25)
    (tmp_path / "p" / "params.index.json").write_text("[]", "utf-8")
    with pytest.raises(ValueError, match="does not describe a BM25 index"):
        load_bm25(tmp_path / "p")


def test_pinned_stop_words_are_bm25s_own():
    # Every stored index was tokenized with bm25s's list: the pinned copy must not drift from it.
    assert stopwords() == frozenset(STOPWORDS_EN)


def test_loading_an_index_imports_neither_bm25s_nor_scipy(data_dirs):
    index_dir = data_dirs["tmp"] / "ix"
    sync_index(data_dirs["corpus"], index_dir, FakeEmbedder(), Settings(), progress=False)
    code = ("import sys; from qa.indexing.store import load_index; from qa.indexing.lexical import tokenize; "
            f"d = load_index({str(index_dir)!r}); tokenize('Samsung foundry'); "
            "ids = [d.bm25.vocab_dict[t] for t in ('samsung',)]; assert d.bm25.get_scores_from_ids(ids).max() > 0; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('bm25s', 'scipy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
