"""Fusion logic of HybridRetriever on a tiny hand-made index with the deterministic fake model."""
from __future__ import annotations

import numpy as np
import pytest

from qa.indexing.dense import build_dense_index
from qa.indexing.indexer import build_bm25
from qa.indexing.lexical import tokenize
from qa.retrieval.retriever import Hit, HybridRetriever, _term_maxima
from qa.indexing.store import IndexData

from ..conftest import FakeEmbedder

TEXTS = [
    "The Zorblax reactor in Norvale was shut down in March after a coolant leak.",
    "Quarterly revenue of the chip maker rose 12 percent on strong smartphone demand.",
    "The city council approved a new budget for public libraries and parks.",
    "Heavy rain flooded the river valley and closed the main highway for two days.",
    "The football club signed a young striker from a rival team for a record fee.",
    "Scientists found that the coral reef recovered faster than expected after the heatwave.",
]


def _index(texts: list[str], emb: FakeEmbedder, sentences: bool = True) -> IndexData:
    # One document per text, one chunk per document, one sentence per chunk.
    chunks = np.array([(i, 0, len(t)) for i, t in enumerate(texts)], dtype=np.int64)
    vectors = emb.encode(texts)
    extra = {}
    if "sent_types" in IndexData.__dataclass_fields__:  # entity-type masks, unused by retrieval
        extra["sent_types"] = np.zeros(len(texts) if sentences else 0, np.uint32)
    return IndexData(
        model_id=emb.model_id,
        dim=emb.dim,
        chunking={},
        doc_ids=[f"d{i}" for i in range(len(texts))],
        doc_meta={},
        chunks=chunks,
        vectors=vectors,
        sentences=chunks.copy() if sentences else np.zeros((0, 3), np.int64),
        sent_vectors=vectors.copy() if sentences else np.zeros((0, emb.dim), np.float32),
        faiss_index=build_dense_index(vectors),
        bm25=build_bm25(texts),
        **extra,
    )


@pytest.fixture
def emb() -> FakeEmbedder:
    return FakeEmbedder(dim=64, model_id="fake-hash-64")


@pytest.fixture
def retriever(emb) -> HybridRetriever:
    return HybridRetriever(_index(TEXTS, emb))


def _ask(r: HybridRetriever, emb: FakeEmbedder, q: str, k: int = 3, mode: str = "hybrid") -> list[Hit]:
    return r.search(emb.encode_query(q), q, k, mode)


def test_exact_lexical_match_ranks_first(retriever, emb):
    for mode in ("hybrid", "lexical"):
        hits = _ask(retriever, emb, "Why was the Zorblax reactor shut down?", mode=mode)
        assert hits[0].row == 0
        assert hits[0].lexical == pytest.approx(1.0)


def test_dense_only_match_is_found(emb):
    # The question shares no indexable word with chunk 0 (only stop words), but the query vector is
    # chunk 0's own vector: only the dense side can find it.
    r = HybridRetriever(_index(TEXTS, emb))
    qvec = r.data.vectors[0]
    for mode in ("dense", "hybrid"):
        hits = r.search(qvec, "what is it about?", 3, mode)
        assert hits and hits[0].row == 0
        assert hits[0].lexical == 0.0
        assert hits[0].dense == pytest.approx(1.0, abs=1e-5)
    assert r.search(qvec, "what is it about?", 3, "lexical") == []


def test_modes_differ(emb):
    r = HybridRetriever(_index(TEXTS, emb))
    # Dense points at the flood chunk (3), the words at the reactor chunk (0).
    qvec = r.data.vectors[3]
    q = "Zorblax reactor Norvale"
    dense = r.search(qvec, q, 6, "dense")
    lexical = r.search(qvec, q, 6, "lexical")
    hybrid = r.search(qvec, q, 6, "hybrid")
    assert dense[0].row == 3 and lexical[0].row == 0
    assert [h.row for h in dense] != [h.row for h in lexical]
    assert {h.row for h in hybrid[:2]} == {0, 3}
    # The fused score is the weighted sum of its bounded parts.
    for h in hybrid:
        assert h.score == pytest.approx(r.alpha * max(h.dense, 0.0) + (1 - r.alpha) * h.lexical, abs=1e-6)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
@pytest.mark.parametrize(
    "q",
    ["Why was the Zorblax reactor shut down?", "revenue chip smartphone", "flood rain highway valley river", "record fee"],
)
def test_scores_bounded_and_sorted(retriever, emb, mode, q):
    hits = _ask(retriever, emb, q, k=6, mode=mode)
    assert hits
    for h in hits:
        assert 0.0 <= h.score <= 1.0
        assert 0.0 <= h.lexical <= 1.0
        assert -1.0 - 1e-6 <= h.dense <= 1.0 + 1e-6
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.row for h in hits}) == len(hits)


@pytest.mark.parametrize("k", [0, 1, 2, 5, 100])
def test_k_respected(retriever, emb, k):
    hits = _ask(retriever, emb, "the reactor and the river and the club", k=k)
    assert len(hits) == min(k, len(TEXTS))


def test_small_pool_still_fills_k(emb):
    r = HybridRetriever(_index(TEXTS, emb), pool=1)
    assert len(_ask(r, emb, "reactor budget", k=4)) == 4


def test_query_without_known_tokens(retriever, emb):
    # Only stop words, or words the index has never seen: lexical finds nothing, dense still works.
    for q in ("", "what is the", "xyzzy quux"):
        assert _ask(retriever, emb, q, mode="lexical") == []
        hits = _ask(retriever, emb, q, mode="hybrid")
        assert all(h.lexical == 0.0 for h in hits)
        assert all(0.0 <= h.score <= 1.0 for h in hits)


def test_weak_lexical_match_stays_weak(retriever, emb):
    # Each chunk matches one of six rare terms: the best BM25 score is a small part of what the
    # question could attain, so with the floor its lexical score stays well below 1.
    q = "striker reactor revenue budget flood coral"
    plain = HybridRetriever(retriever.data, lex_floor=0.0)
    spread = _ask(retriever, emb, q, k=6, mode="lexical")
    assert max(h.lexical for h in _ask(plain, emb, q, k=6, mode="lexical")) == pytest.approx(1.0)
    assert 0.0 < max(h.lexical for h in spread) < 0.6
    # A question fully matched by one chunk keeps lexical 1 for it.
    full = _ask(retriever, emb, "Zorblax reactor Norvale coolant leak", mode="lexical")
    assert full[0].row == 0 and full[0].lexical == pytest.approx(1.0)
    # The floor rescales but does not reorder the lexical ranking.
    assert [h.row for h in spread] == [h.row for h in _ask(plain, emb, q, k=6, mode="lexical")]


def test_attainable_bounds_every_chunk_score(retriever):
    r = retriever
    maxima = _term_maxima(r.data.bm25)
    # bm25s appends an empty token (for all-stop-word chunks) without a column of its own.
    assert len(maxima) == len(r.data.bm25.vocab_dict) - ('' in r.data.bm25.vocab_dict)
    for q in ("Zorblax reactor leak", "revenue demand", "river rain"):
        toks = tokenize(q)
        scores = r.data.bm25.get_scores(r._known(toks))
        assert scores.max() <= r.attainable(toks) + 1e-5


def test_sentence_weight_option(emb):
    data = _index(TEXTS, emb)
    plain = HybridRetriever(data)
    multi = HybridRetriever(data, sentence_weight=0.5)
    q = "coral reef heatwave"
    a = _ask(plain, emb, q)
    b = _ask(multi, emb, q)
    # Sentences equal chunks here, so the best-sentence cosine is the chunk cosine.
    assert [h.row for h in a] == [h.row for h in b]
    assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-5)
    no_sents = HybridRetriever(_index(TEXTS, emb, sentences=False), sentence_weight=0.5)
    assert [h.row for h in _ask(no_sents, emb, q)] == [h.row for h in a]


def test_unknown_mode_rejected(retriever, emb):
    with pytest.raises(ValueError):
        _ask(retriever, emb, "reactor", mode="fuzzy")


def test_lexical_candidates_match_bm25s(retriever):
    # The direct column scoring gives bm25s's own ranking and scores.
    bm25 = retriever.data.bm25
    for q in ("Zorblax reactor leak", "the river and the club", "revenue rose on demand budget"):
        known = retriever._known(tokenize(q))
        rows, scores = retriever.lexical(tokenize(q), 4)
        res = bm25.retrieve([known], k=4, show_progress=False, n_threads=1)
        keep = res.scores[0] > 0
        assert scores == pytest.approx(res.scores[0][keep], abs=1e-6)
        assert set(rows.tolist()) == set(res.documents[0][keep].tolist())


@pytest.mark.parametrize(
    "text, has, lacks",
    [
        ("en.Wedoany.com Reported - July 3 news", ["en.wedoany.com", "wedoani"], []),
        ("as www.reuters.com said", ["reuter"], []),
        ("U.S. officials, e.g. in 3.5 cases", ["u."], ["u"]),  # not web addresses
        ("see samsung.co.kr", ["samsung"], ["co"]),
        ("news.com.cn", ["news"], ["com"]),
    ],
)
def test_tokenize_adds_the_site_name_of_a_web_address(text, has, lacks):
    from qa.indexing.lexical import tokenize

    toks = tokenize(text)
    assert all(t in toks for t in has) and not any(t in toks for t in lacks)
