"""Sentence analyses in the index: made for new and changed documents only, kept in step with the
sentence table, and remade (without re-embedding) when a file is missing or damaged. A fake
analyser stands in for spaCy (the real one is tested in tests/reading/test_analysis.py)."""
from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from qa.config import Settings
from qa.indexing.analyses import ENT, SPAN, TOKEN, SentenceAnalyses, distinct
from qa.indexing.indexer import sync_index, title_text
from qa.ingest.text import normalize
from qa.indexing.store import IndexDamagedWarning, load_index, read_manifest

from ..conftest import FakeEmbedder

LABELS = ("", "CARDINAL", "X")


class FakeAnalyser:
    """One token per word, an entity on a sentence's first number, one span per token; records
    every text it is asked to analyse."""

    def __init__(self, version: int = 1):
        self.seen: list[str] = []
        self.version = version

    @property
    def recipe(self) -> dict:
        return {"fake": self.version}

    def __call__(self, texts):
        self.seen.extend(texts)
        counts, toks, ents, spans = [], [], [], []
        for text in texts:
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
            t = np.array([(a, b, 0, 2, 2, 0) for a, b in words], TOKEN)
            num = next((k for k, (a, b) in enumerate(words) if any(c.isdigit() for c in text[a:b])), None)
            e = np.array([] if num is None else [(num, num + 1, 1)], ENT)
            s = np.array([(k, k + 1, 1) for k in range(len(words))], SPAN)
            counts.append((len(t), len(e), len(s)))
            toks.append(t), ents.append(e), spans.append(s)
        return SentenceAnalyses(np.array(counts, np.int32).reshape(-1, 3), np.concatenate(toks or [np.zeros(0, TOKEN)]),
                                np.concatenate(ents or [np.zeros(0, ENT)]), np.concatenate(spans or [np.zeros(0, SPAN)]),
                                LABELS, self.recipe)


def sync(corpus, ixdir, emb, analyser):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data, docs, report = sync_index(corpus, ixdir, emb, Settings(), progress=False, analyse=analyser)
    return data, docs, report, [w for w in caught if issubclass(w.category, IndexDamagedWarning)]


def texts_of(data, docs):
    return [docs[data.doc_ids[d]].raw[a:b] for d, a, b in data.sentences.tolist()]


def same(a: SentenceAnalyses, b: SentenceAnalyses) -> bool:
    return (a.labels == b.labels and np.array_equal(a.counts, b.counts) and np.array_equal(a.tokens, b.tokens)
            and np.array_equal(a.ents, b.ents) and np.array_equal(a.spans, b.spans))


@pytest.fixture
def built(data_dirs):
    corpus, ixdir = data_dirs["corpus"], data_dirs["tmp"] / "ix"
    emb, an = FakeEmbedder(), FakeAnalyser()
    data, docs, report, warned = sync(corpus, ixdir, emb, an)
    assert not warned and report.analysed == len(data.sentences) == len(an.seen)
    return corpus, ixdir, emb, data, docs


def test_analyses_are_stored_row_for_row_with_the_sentences(built):
    corpus, ixdir, emb, data, docs = built
    m = read_manifest(ixdir)
    assert m["analyses"] == {"recipe": {"fake": 1}, "labels": list(LABELS)}
    assert {f"parse_{p}" for p in ("counts", "tokens", "ents", "spans")} <= set(m["roles"])
    loaded = load_index(ixdir)
    assert loaded.analyses_problem is None and same(loaded.analyses, data.analyses)
    assert same(loaded.analyses, FakeAnalyser()(texts_of(loaded, docs)))  # each row is its sentence's


def test_sync_analyses_only_new_and_changed_documents(built):
    corpus, ixdir, emb, data, docs = built
    path = sorted(corpus.glob("*.txt"))[1]
    path.write_text(path.read_text("utf-8") + "\n\nA new closing line with 42 units.\n", "utf-8")
    (corpus / "new.txt").write_text("A new article\n\nIt names 7 chips. Then it stops.\n", "utf-8")
    an = FakeAnalyser()
    data2, docs2, report, warned = sync(corpus, ixdir, emb, an)
    assert not warned and report.changed and report.added
    touched = set(report.changed) | set(report.added)
    want = [docs2[data2.doc_ids[d]].raw[a:b] for d, a, b in data2.sentences.tolist() if data2.doc_ids[d] in touched]
    assert sorted(an.seen) == sorted(want) and report.analysed == len(want)
    assert same(data2.analyses, FakeAnalyser()(texts_of(data2, docs2)))
    # Nothing changed: nothing analysed.
    an3 = FakeAnalyser()
    _, _, report3, _ = sync(corpus, ixdir, emb, an3)
    assert an3.seen == [] and report3.analysed == 0


@pytest.mark.parametrize("damage", ["flip", "delete"])
@pytest.mark.parametrize("part", ["tokens", "spans", "counts"])
def test_damaged_or_missing_analysis_is_remade_without_reembedding(built, damage, part):
    corpus, ixdir, emb, data, docs = built
    path = ixdir / read_manifest(ixdir)["roles"][f"parse_{part}"]
    if damage == "delete":
        path.unlink()
    else:
        raw = bytearray(path.read_bytes())
        raw[-1] ^= 0xFF
        path.write_bytes(bytes(raw))
    assert load_index(ixdir).analyses is None  # the rest of the index still loads
    encoded, an = emb.encoded, FakeAnalyser()
    data2, _, report, warned = sync(corpus, ixdir, emb, an)
    assert warned and "sentence analyses" in str(warned[0].message)
    assert emb.encoded == encoded and report.embedded_chunks == 0 and report.rebuilt_reason is None
    assert report.analysed == len(data.sentences) and same(data2.analyses, data.analyses)
    assert same(load_index(ixdir).analyses, data.analyses)


def test_another_recipe_remakes_the_analyses(built):
    corpus, ixdir, emb, data, docs = built
    an = FakeAnalyser(version=2)
    data2, _, report, warned = sync(corpus, ixdir, emb, an)
    assert warned and len(an.seen) == len(data.sentences) and report.embedded_chunks == 0
    assert read_manifest(ixdir)["analyses"]["recipe"] == {"fake": 2}


def test_sync_without_an_analyser_stores_none(data_dirs):
    data, _, _ = sync_index(data_dirs["corpus"], data_dirs["tmp"] / "ix", FakeEmbedder(), Settings(), progress=False)
    assert data.analyses is None and "analyses" not in read_manifest(data_dirs["tmp"] / "ix")


def test_take_and_concat_keep_each_sentence_whole():
    an = FakeAnalyser()(["one 1 two", "", "three four 5 6", "seven"])
    back = SentenceAnalyses.concat([an.take([2, 0]), an.take([3, 1])], LABELS, an.recipe).take([1, 3, 0, 2])
    assert same(back, an)
    assert an.problems(4) == [] and an.problems(3)
    broken = SentenceAnalyses(an.counts + 1, an.tokens, an.ents, an.spans, LABELS, an.recipe)
    assert broken.problems(4)


def test_wire_copies_are_embedded_and_parsed_once_per_text(tmp_path):
    """Two articles repeating sentences verbatim: each distinct sentence text is embedded and
    parsed once, and every row still gets its own text's vector and parse."""
    corpus = tmp_path / "wire"
    corpus.mkdir()
    shared = "Acme Corp said on Monday it would buy 12 plants. The deal closes in 2027."
    (corpus / "a.txt").write_text(f"First outlet\n\n{shared} Analysts were surprised.\n")
    (corpus / "b.txt").write_text(f"Second outlet\n\n{shared} Shares rose 4 percent.\n")
    emb, an = FakeEmbedder(), FakeAnalyser()
    data, docs, _, _ = sync(corpus, tmp_path / "ix", emb, an)
    texts = texts_of(data, docs)
    assert len(texts) == 8 and len(set(texts)) == 6  # titles are sentences too
    assert sorted(an.seen) == sorted(set(texts))  # each text parsed once
    titles = {title_text(d) for d in docs.values()}
    assert emb.encoded == len({normalize(t) for t in texts} | titles) < len(texts) + len(titles)
    assert same(data.analyses, FakeAnalyser()(texts))  # row for row, as parsing every row gives
    fresh = FakeEmbedder()
    # Stored as float16 (as on disk): each row its own text's vector to float16 precision.
    assert np.allclose(data.sent_vectors, fresh.encode([normalize(t) for t in texts]), atol=2e-3)


def test_distinct_keeps_first_seen_order_and_maps_back():
    once, inverse = distinct(["b", "a", "b", "c", "a"])
    assert once == ["b", "a", "c"] and inverse.tolist() == [0, 1, 0, 2, 1]
    none, back = distinct([])
    assert none == [] and len(back) == 0
