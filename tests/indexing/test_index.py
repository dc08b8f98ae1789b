import json
import os
import warnings

import numpy as np
import pytest

from qa.config import Settings
from qa.errors import IndexMismatchError
from qa.indexing.indexer import sync_index, title_text
from qa.ingest.text import normalize
from qa.indexing.store import FORMAT_VERSION, IndexDamagedWarning, load_index, read_manifest

from ..conftest import FakeEmbedder


@pytest.fixture
def corpus(data_dirs):
    return data_dirs["corpus"]


@pytest.fixture
def ixdir(data_dirs):
    return data_dirs["tmp"] / "ix"


def build(corpus, ixdir, emb=None, settings=Settings()):
    emb = emb or FakeEmbedder()
    data, docs, report = sync_index(corpus, ixdir, emb, settings, progress=False)
    return emb, data, docs, report


def test_manifest_records_what_loading_checks(corpus, ixdir):
    _, data, docs, report = build(corpus, ixdir)
    m = read_manifest(ixdir)
    assert m["format_version"] == FORMAT_VERSION and m["model_id"] == "fake-hash-256" and m["dim"] == 256
    assert m["chunking"] == Settings().chunking()
    assert set(m["documents"]) == set(docs)
    assert all(len(v["fingerprint"]) == 64 for v in m["documents"].values())
    assert all(len(f["sha256"]) == 64 for f in m["files"].values())
    assert not any(p.suffix == ".pkl" for p in ixdir.rglob("*"))
    assert len(report.added) == 5


def test_report_times_each_stage_of_a_build(corpus, ixdir):
    _, _, _, report = build(corpus, ixdir)
    stages = dict(report.timings)
    assert {"read", "chunk", "embed", "entities", "index", "save"} <= set(stages)
    assert all(v >= 0 for v in stages.values())


def test_reload_is_fresh_and_embeds_nothing(corpus, ixdir):
    emb, data, _, _ = build(corpus, ixdir)
    n = emb.encoded
    _, data2, _, report = build(corpus, ixdir, emb)
    assert emb.encoded == n and not report.touched
    assert np.array_equal(data.chunks, data2.chunks)


def test_changing_one_document_re_embeds_only_it(corpus, ixdir):
    emb, data, docs, _ = build(corpus, ixdir)
    path = corpus / "002_9cc78ad025867a45.txt"
    path.write_text(path.read_text() + "\nSamsung Electronics confirmed a new order on Friday.\n")
    before = emb.encoded
    _, data2, docs2, report = build(corpus, ixdir, emb)
    assert report.changed == ("002_9cc78ad025867a45",) and report.reused == 4
    j = data2.doc_ids.index("002_9cc78ad025867a45")
    # Its sentences and its title, each distinct text once, nothing else (chunk vectors are made
    # from sentence vectors).
    doc = docs2["002_9cc78ad025867a45"]
    texts = {normalize(doc.raw[a:b]) for d, a, b in data2.sentences.tolist() if d == j} | {title_text(doc)}
    assert emb.encoded - before == len(texts)
    # Unchanged documents keep exactly the vectors they had.
    i = data.doc_ids.index("000_df6b974ab5d556b8")
    assert np.allclose(data.vectors[data.chunks[:, 0] == i], data2.vectors[data2.chunks[:, 0] == i])


def test_added_and_removed_documents(corpus, ixdir):
    emb, *_ = build(corpus, ixdir)
    (corpus / "001_af26bbaff3258840.txt").unlink()
    (corpus / "new.md").write_text("# New article\nTSMC said it will build a plant in Arizona.\n")
    _, data, docs, report = build(corpus, ixdir, emb)
    assert report.added == ("new",) and report.removed == ("001_af26bbaff3258840",)
    assert "001_af26bbaff3258840" not in data.doc_ids and "new" in data.doc_ids
    assert int(data.chunks[:, 0].max()) == len(data.doc_ids) - 1


def test_another_model_is_never_mixed(corpus, ixdir):
    build(corpus, ixdir)
    other = FakeEmbedder(dim=128, model_id="another-model")
    with pytest.warns(IndexDamagedWarning, match="another-model"):
        _, data, _, report = build(corpus, ixdir, other)
    assert data.vectors.shape[1] == 128 and report.reused == 0
    assert read_manifest(ixdir)["model_id"] == "another-model"


def test_changed_chunking_rebuilds(corpus, ixdir):
    build(corpus, ixdir)
    with pytest.warns(IndexDamagedWarning, match="chunking"):
        _, data, _, report = build(corpus, ixdir, settings=Settings(chunk_tokens=64))
    assert report.reused == 0


def test_damaged_file_is_detected_and_rebuilt(corpus, ixdir):
    build(corpus, ixdir)
    m = read_manifest(ixdir)
    vec = ixdir / m["roles"]["vectors"]
    data = bytearray(vec.read_bytes())
    data[-5] ^= 0xFF
    vec.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="damaged"):
        load_index(ixdir)
    with pytest.warns(IndexDamagedWarning, match="damaged"):
        _, d2, _, report = build(corpus, ixdir)
    assert report.rebuilt_reason and load_index(ixdir).chunks.shape == d2.chunks.shape


def test_newer_format_is_refused(corpus, ixdir):
    build(corpus, ixdir)
    m = read_manifest(ixdir)
    m["format_version"] = 99
    (ixdir / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(IndexMismatchError, match="newer version"):
        build(corpus, ixdir)


def test_crash_before_manifest_switch_leaves_previous_index_usable(corpus, ixdir, monkeypatch):
    build(corpus, ixdir)
    gen = read_manifest(ixdir)["generation"]
    (corpus / "extra.txt").write_text("Extra\nA brand new article about HBM memory supply.\n")

    def crash(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        build(corpus, ixdir)
    monkeypatch.undo()
    data = load_index(ixdir)  # previous generation, intact
    assert data.generation == gen and "extra" not in data.doc_ids
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, d2, _, report = build(corpus, ixdir)  # recovers without a rebuild warning
    assert report.added == ("extra",) and d2.generation > gen
    # Files of the crashed and of the replaced generation are gone.
    gens = {p.name.split(".")[1] for p in ixdir.iterdir() if p.name not in ("manifest.json", "verified.json") and "." in p.name}
    assert gens == {f"g{d2.generation}"}


def test_chunk_vector_is_the_overlap_weighted_sentence_mean_plus_title():
    from qa.indexing.indexer import TITLE_WEIGHT, _chunk_vectors, chunks_without_sentences

    sv = np.eye(4, dtype=np.float32)
    sents = [("d", 0, 10), ("d", 10, 30), ("d", 30, 40), ("e", 0, 5)]
    titles = {"d": np.array([0, 0, 0, 1], np.float32), "e": np.array([1, 0, 0, 0], np.float32)}
    chunks = [("d", 5, 30), ("e", 0, 5), ("d", 50, 60)]
    asked = []

    def fallback(rows):
        asked.extend(rows)
        return np.full((len(rows), 4), 0.5, np.float32)

    out = _chunk_vectors(chunks, sents, sv, titles, fallback)
    # Chunk [5, 30) shares 5 characters with the first sentence, 20 with the second, none with the third.
    mean = np.array([5, 20, 0, 0], np.float64) / np.linalg.norm([5, 20])
    want = mean + TITLE_WEIGHT * titles["d"]
    assert np.allclose(out[0], want / np.linalg.norm(want), atol=1e-6)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-6)
    assert asked == [2] == chunks_without_sentences(chunks, sents)  # embedded as text
    assert np.allclose(out[2], 0.5)


def test_an_index_whose_chunk_vectors_were_made_another_way_is_rebuilt(corpus, ixdir, monkeypatch):
    import qa.config

    emb, _, _, _ = build(corpus, ixdir)
    assert read_manifest(ixdir)["chunking"]["chunk_vectors"] == qa.config.CHUNK_VECTORS
    monkeypatch.setattr(qa.config, "CHUNK_VECTORS", "chunk-text-embedded")  # e.g. an older build
    with pytest.warns(IndexDamagedWarning, match="chunking settings changed"):
        _, _, _, report = build(corpus, ixdir, emb)
    assert report.rebuilt_reason and len(report.added) == 5
    assert read_manifest(ixdir)["chunking"]["chunk_vectors"] == "chunk-text-embedded"


UNTITLED = "\ufeff\nAcme Corp agreed on Monday to buy Beta Ltd for $2 billion. The deal needs approval from regulators.\n"


def test_an_untitled_document_gets_no_title_vector(data_dirs):
    from qa.indexing.indexer import _chunk_vectors

    corpus = data_dirs["tmp"] / "untitled"
    corpus.mkdir()
    (corpus / "u.txt").write_text(UNTITLED, "utf-8")
    (corpus / "t.txt").write_text("Acme buys Beta" + UNTITLED[1:], "utf-8")  # the same text with a title
    seen: list[str] = []

    class Spy(FakeEmbedder):
        def encode(self, texts, **kw):
            seen.extend(texts)
            return super().encode(texts, **kw)

    _, data, docs, _ = build(corpus, data_dirs["tmp"] / "ix-untitled", Spy())
    assert docs["u"].title == "" and docs["t"].title == "Acme buys Beta"
    assert "" not in seen and "Acme buys Beta" in seen
    u, t = (data.vectors[data.doc_rows(data.doc_ids.index(d))] for d in ("u", "t"))
    # The untitled document's chunk is its sentences' mean alone; the titled one's is not.
    srows = data.doc_rows(data.doc_ids.index("u"), "sentences")
    (_, a, b), = data.chunks[data.doc_rows(data.doc_ids.index("u"))].tolist()
    mean = sum((min(e, b) - max(s, a)) * v for (_, s, e), v in zip(data.sentences[srows].tolist(), data.sent_vectors[srows].astype(np.float32)))
    # Sentence vectors are kept in float16 (as stored); the chunk's mean was taken in float32.
    assert np.allclose(u[0], mean / np.linalg.norm(mean), atol=2e-3) and not np.allclose(u, t, atol=1e-3)
    # At the unit level: no entry in the title table, no title added.
    one = _chunk_vectors([("x", 0, 10)], [("x", 0, 10)], np.eye(2, dtype=np.float32)[:1], {}, None)
    assert np.allclose(one, [[1, 0]])


def test_sentence_texts_give_each_sentence_of_an_article_with_the_one_before(corpus, ixdir):
    _, data, docs, _ = build(corpus, ixdir)
    raw = [docs[d].raw for d in data.doc_ids]
    d = 1
    got = list(data.sentence_texts(raw, [d]))
    rows = data.doc_rows(d, "sentences").tolist()
    assert [r for r, _, _ in got] == rows and len(rows) > 2
    assert [t for _, t, _ in got] == [raw[d][a:b] for _, a, b in data.sentences[rows].tolist()]
    assert got[0][2] == "" and all(before == prev for (_, _, before), (_, prev, _) in zip(got[1:], got))
