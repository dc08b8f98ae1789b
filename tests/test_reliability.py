"""Reliability: bad questions and bad corpora give a clear outcome, and the index on disk survives
crashes (a real SIGKILL of a build), truncation and corruption.

What tests/test_api.py, test_corpus.py and test_index.py already cover is not repeated here.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

import qa
from qa import api
from qa.cli import main as cli_main
from qa.config import Settings
from qa.ingest.corpus import DuplicateArticleWarning, SkippedFileWarning, load_corpus
from qa.errors import EmptyCorpusError, EmptyQuestionError, IndexMismatchError, QuestionTooLongError
from qa.indexing.indexer import sync_index
from qa.indexing.store import IndexDamagedWarning, load_index, read_manifest

from .conftest import SEEDS, FakeEmbedder
from .test_api import check_contract, texts

ROOT = Path(__file__).resolve().parent.parent
DOC = "001_af26bbaff3258840"  # a seed article


def _no_entity_types(texts, batch_size=256):
    return np.zeros(len(texts), np.uint32)


@pytest.fixture(autouse=True)
def fast_index(monkeypatch):
    """Index builds here skip spaCy's entity typing (about 1 s per build of the seeds, dozens of
    builds): these tests are about files and inputs, and the reader copes with empty type masks."""
    from qa.indexing import indexer

    if hasattr(indexer, "sentence_types"):
        monkeypatch.setattr(indexer, "sentence_types", _no_entity_types)


def build(corpus, ixdir, emb=None, settings=Settings()):
    emb = emb or FakeEmbedder()
    data, docs, report = sync_index(corpus, ixdir, emb, settings, progress=False)
    return emb, data, docs, report


@contextlib.contextmanager
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# --------------------------------------------------------------------------------------------
# Questions


@pytest.mark.parametrize("value", [None, b"Who makes MTIA?", 3.5, ["Who?"], {"q": "Who?"}, True, object()])
def test_non_string_questions_are_a_type_error_before_any_work(value, data_dirs, monkeypatch):
    # No model, no index: the check comes first (the fixture points at a corpus never indexed).
    monkeypatch.setattr(api, "get_pipeline", lambda *a, **k: pytest.fail("pipeline loaded"))
    with pytest.raises(TypeError, match="question must be a str"):
        qa.ask(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("question", ["\x00", "\x00\x01\x02\x7f", "\u200f\u202e\u2066", "\ufeff \u200b", "\r\n\t \x0b\x0c"])
def test_questions_of_only_invisible_characters_are_empty(question, data_dirs, monkeypatch):
    monkeypatch.setattr(api, "get_pipeline", lambda *a, **k: pytest.fail("pipeline loaded"))
    with pytest.raises(EmptyQuestionError, match="type a question"):
        qa.ask(question)


def test_question_length_limit_is_exact_and_fast(fake_qa):
    limit = Settings().max_question_chars
    a = qa.ask("Samsung " + "x" * (limit - 8))  # exactly at the limit: answered or abstained
    check_contract(a, texts(fake_qa["corpus"]))
    with pytest.raises(QuestionTooLongError, match=f"{limit + 1:,} characters"):
        qa.ask("y" * (limit + 1))
    t = time.perf_counter()
    for big in ("\x00" * 1_000_000, "🚀" * 1_000_000, "Samsung? " * 120_000):
        with pytest.raises(QuestionTooLongError, match="limit is"):
            qa.ask(big)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize(
    "question",
    [
        "Who makes MTIA chips? 🤖🚀",
        "🤖🤖🤖",
        "三星为谁制造芯片？",
        "삼성은 누구에게 칩을 만들어 주나요?",
        "Кто производит чипы MTIA?",
        "من يصنع رقائق MTIA؟",
        "\u202bمن يصنع\u202c Samsung 2nm?",
        "MTIAチップを作るのは誰ですか",
        "Ｗｈｏ ｍａｋｅｓ ＭＴＩＡ？",  # full-width: NFKC makes it ASCII
        "Who makes\u0301 MTIA\u0300?",  # stray combining marks
        "Samsung 2nm " * 300,
    ],
)
def test_unusual_questions_get_an_answer_or_an_abstention(question, fake_qa):
    a = qa.ask(question)
    check_contract(a, texts(fake_qa["corpus"]))
    assert a.question == " ".join(a.question.split()) and "\u202b" not in a.question


class _TokenizerLikeEmbedder(FakeEmbedder):
    """Rejects lone surrogates the way the real model's Rust tokenizer does (TypeError:
    'TextEncodeInput must be Union[...]')."""

    def _vec(self, text):
        text.encode("utf-8")  # UnicodeEncodeError on a lone surrogate
        return super()._vec(text)


def test_lone_surrogates_are_removed_before_the_model(monkeypatch, data_dirs):
    from qa import models
    from qa.indexing.embedding import embedder_key
    from qa.config import DEFAULT_MODEL

    monkeypatch.setitem(models._MODELS, embedder_key(DEFAULT_MODEL), _TokenizerLikeEmbedder())
    a = qa.ask("Samsung \udcff backlog \ud800?")
    json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")


def test_cli_bad_inputs_never_print_a_traceback(fake_qa, capsys, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    cases = [
        (["ask", "x" * 5000], "Ask a shorter question"),
        (["ask", "\x00\u202e"], "question is empty"),
        (["ask", "Samsung?", "--corpus", str(empty)], "Cannot index corpus directory"),
        (["ask", "Samsung?", "--corpus", str(tmp_path / "missing")], "does not exist"),
        (["index", "--quiet", "--corpus", str(empty)], "Put UTF-8 .txt or .md articles in it"),
    ]
    for argv, message in cases:
        assert cli_main(argv) == 2, argv
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (argv, err)


# --------------------------------------------------------------------------------------------
# Corpus


def test_a_corpus_of_only_unreadable_files_is_one_clear_error(fake_embedder, tmp_path):
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_text(" \n\t\n")
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "cp1252.txt").write_bytes("Café “quoted”\n".encode("cp1252"))
    (corpus / "furniture.txt").write_text("Share\nLike\nCopyright 2026 Example. All rights reserved.\n")
    (corpus / "folder.txt").mkdir()  # a directory with an article's name is not a file
    with pytest.warns(SkippedFileWarning) as record:
        with pytest.raises(EmptyCorpusError, match="no readable .txt or .md article"):
            qa.ask("anything?", corpus=corpus, index_dir=tmp_path / "ix")
    said = " ".join(str(w.message) for w in record)
    for name in ("empty.txt", "blank.md", "image.txt", "cp1252.txt", "furniture.txt"):
        assert name in said
    assert "binary" in said and "UTF-8" in said and "page furniture" in said
    assert not (tmp_path / "ix" / "manifest.json").exists()


def test_a_50_mb_article_is_skipped_with_the_limit_and_never_read(fake_qa, monkeypatch):
    big = fake_qa["corpus"] / "huge.txt"
    with open(big, "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    with pytest.warns(SkippedFileWarning, match=r"huge\.txt: 52\.4 MB is over the 5\.2 MB limit.*split it"):
        a = qa.ask("Who makes MTIA?")
    assert "huge.txt" not in read
    assert all(c.doc_id != "huge" for c in a.citations)
    assert "huge" not in {d.doc_id for d in api.documents()}


def test_a_byte_order_mark_is_not_part_of_the_title(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffAcme opens a plant\nAcme will open a plant in Lyon.\n".encode())
    (doc,) = load_corpus(tmp_path)
    assert doc.title == "Acme opens a plant" and doc.raw.startswith("\ufeff")  # raw kept exact


def test_crlf_and_cr_only_articles_keep_exact_offsets(fake_embedder, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "crlf.txt").write_bytes(b"Acme in Lyon\r\n2026-01-02\r\n\r\nAcme will open a 3nm chip plant in Lyon.\r\n")
    (corpus / "cr.txt").write_bytes(b"Globex in Oslo\rGlobex will build a battery plant in Oslo.\r")
    raw = {p.stem: p.read_bytes().decode() for p in corpus.iterdir()}
    for q in ("Where will Acme open a chip plant?", "Globex battery plant Oslo"):
        a = qa.ask(q, corpus=corpus, index_dir=tmp_path / "ix")
        for c in a.citations:
            assert raw[c.doc_id][c.start : c.end] == c.text


def test_an_article_that_vanishes_while_the_corpus_is_read_is_skipped(tmp_path, monkeypatch):
    from qa.ingest import corpus as corpus_mod

    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    real = corpus_mod.read_document

    def racing(path, max_bytes, *args):
        if path.stem == DOC:
            path.unlink()  # deleted after the folder was listed
        return real(path, max_bytes, *args)

    monkeypatch.setattr(corpus_mod, "read_document", racing)
    with pytest.warns(SkippedFileWarning, match=DOC):
        _, data, docs, _ = build(corpus, tmp_path / "ix")
    assert DOC not in docs and len(data.doc_ids) == 4


def test_duplicate_articles_are_both_indexed_embedded_once_and_warned(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    alone, *_ = build(corpus, tmp_path / "ix-alone")
    shutil.copy(corpus / f"{DOC}.txt", corpus / "copy.txt")
    with pytest.warns(DuplicateArticleWarning, match=rf"copy\.txt is a copy of {DOC}\.txt"):
        emb, data, docs, _ = build(corpus, tmp_path / "ix")
    assert {"copy", DOC} <= set(data.doc_ids)
    assert emb.encoded == alone.encoded  # the copy's rows are copied, not embedded again
    i, j = data.doc_ids.index(DOC), data.doc_ids.index("copy")
    assert np.array_equal(data.chunks[data.chunks[:, 0] == i, 1:], data.chunks[data.chunks[:, 0] == j, 1:])
    assert np.array_equal(data.vectors[data.chunks[:, 0] == i], data.vectors[data.chunks[:, 0] == j])
    assert load_index(tmp_path / "ix").chunks.shape == data.chunks.shape


def test_adding_a_copy_of_an_indexed_article_embeds_nothing(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    emb, *_ = build(corpus, tmp_path / "ix")
    n = emb.encoded
    shutil.copy(corpus / f"{DOC}.txt", corpus / "copy.txt")
    with pytest.warns(DuplicateArticleWarning):
        _, data, _, report = build(corpus, tmp_path / "ix", emb)
    assert report.added == ("copy",) and report.embedded_chunks == 0 and emb.encoded == n


def test_duplicate_articles_do_not_show_the_same_passage_twice(fake_qa):
    shutil.copy(fake_qa["corpus"] / f"{DOC}.txt", fake_qa["corpus"] / "copy.txt")
    with pytest.warns(DuplicateArticleWarning):
        a = qa.ask("Samsung backlog")
    shown = [" ".join(c.text.split()) for c in a.citations]
    assert len(shown) == len(set(shown))


def test_a_renamed_article_keeps_its_vectors(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    emb, data, _, _ = build(corpus, tmp_path / "ix")
    n = emb.encoded
    (corpus / f"{DOC}.txt").rename(corpus / "renamed.md")
    with no_warnings():
        _, d2, _, report = build(corpus, tmp_path / "ix", emb)
    assert emb.encoded == n and report.embedded_chunks == 0 and report.reused == 5
    assert report.added == ("renamed",) and report.removed == (DOC,)
    i, j = data.doc_ids.index(DOC), d2.doc_ids.index("renamed")
    assert np.array_equal(data.chunks[data.chunks[:, 0] == i, 1:], d2.chunks[d2.chunks[:, 0] == j, 1:])
    assert np.array_equal(data.vectors[data.chunks[:, 0] == i], d2.vectors[d2.chunks[:, 0] == j])


def test_a_renamed_article_is_cited_under_its_new_name(fake_qa, monkeypatch):
    # Note: the conflict finder still re-encodes every claim sentence of the corpus on any change
    # (indexer passes embedder.encode to find_conflicts); only chunk and sentence rows are reused.
    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    qa.ask("warm up")
    (fake_qa["corpus"] / f"{DOC}.txt").rename(fake_qa["corpus"] / "renamed.md")
    a = qa.ask("Which foundry produced the first two generations of MTIA?")
    (entry,) = api._CACHE.values()  # the cache entry keeps the last sync report
    assert entry.report.added == ("renamed",) and entry.report.removed == (DOC,)
    assert entry.report.embedded_chunks == 0 and entry.report.reused == 5
    ids = {c.doc_id for c in a.citations}
    assert DOC not in ids
    check_contract(a, texts(fake_qa["corpus"]))
    with pytest.raises(KeyError, match="no indexed document"):
        api.document_text(DOC)
    assert api.document_text("renamed") == (fake_qa["corpus"] / "renamed.md").read_text()


def test_an_article_deleted_between_runs_is_forgotten(fake_qa, monkeypatch):
    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    first = qa.ask("Samsung backlog")
    assert DOC in {c.doc_id for c in first.citations}
    (fake_qa["corpus"] / f"{DOC}.txt").unlink()
    api.clear_cache()  # a new process: only the index on disk is left
    a = qa.ask("Samsung backlog")
    assert DOC not in {c.doc_id for c in a.citations} and DOC not in read_manifest(
        next(fake_qa["index_root"].iterdir())
    )["doc_ids"]
    with pytest.raises(KeyError):
        api.document_text(DOC)


def test_deleting_every_article_while_running_is_a_clear_error_then_recovers(fake_qa, monkeypatch):
    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    qa.ask("warm up")
    hidden = fake_qa["tmp"] / "hidden"
    shutil.move(fake_qa["corpus"], hidden)
    fake_qa["corpus"].mkdir()
    with pytest.raises(EmptyCorpusError, match="Put UTF-8"):
        qa.ask("Samsung backlog")
    for p in hidden.iterdir():
        shutil.copy(p, fake_qa["corpus"])
    check_contract(qa.ask("Samsung backlog"), texts(fake_qa["corpus"]))


# --------------------------------------------------------------------------------------------
# Index files: truncation, corruption, foreign manifests


@pytest.fixture
def built(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ixdir = tmp_path / "ix"
    _, data, _, _ = build(corpus, ixdir)
    return corpus, ixdir, data


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _flip_middle(p: Path) -> None:
    b = bytearray(p.read_bytes())
    b[len(b) // 2] ^= 0x55
    p.write_bytes(bytes(b))


@pytest.mark.parametrize("role", ["chunks", "vectors", "sentences", "sent_vectors", "sent_types", "faiss", "conflicts", "bm25"])
@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "delete"])
def test_every_damaged_index_file_is_detected_and_rebuilt(built, role, damage):
    corpus, ixdir, data = built
    m = read_manifest(ixdir)
    target = ixdir / m["roles"][role]
    if target.is_dir():  # bm25 is a folder of files: damage its largest
        target = max(target.iterdir(), key=lambda p: p.stat().st_size)
    {"truncate": _truncate, "flip": _flip_middle, "empty": lambda p: p.write_bytes(b""), "delete": Path.unlink}[damage](target)
    with pytest.raises(ValueError, match="damaged|missing"):
        load_index(ixdir)
    with pytest.warns(IndexDamagedWarning, match=target.name):
        _, d2, _, report = build(corpus, ixdir)
    assert report.rebuilt_reason and report.reused == 0
    again = load_index(ixdir)
    assert again.doc_ids == data.doc_ids and np.array_equal(again.chunks, data.chunks)


def _manifest_edit(fn):
    def apply(ixdir: Path):
        m = read_manifest(ixdir)
        out = fn(m)
        (ixdir / "manifest.json").write_text(out if isinstance(out, str) else json.dumps(out))

    return apply


MANIFEST_DAMAGE = {
    "truncated": lambda ix: (ix / "manifest.json").write_bytes((ix / "manifest.json").read_bytes()[:200]),
    "empty": lambda ix: (ix / "manifest.json").write_bytes(b""),
    "not utf-8": lambda ix: (ix / "manifest.json").write_bytes(b"\xff\xfe{}"),
    "a list": _manifest_edit(lambda m: "[]"),
    "a number": _manifest_edit(lambda m: "1"),
    "deleted": lambda ix: (ix / "manifest.json").unlink(),
    "no file table": _manifest_edit(lambda m: {k: v for k, v in m.items() if k != "files"}),
    "no format version": _manifest_edit(lambda m: {k: v for k, v in m.items() if k != "format_version"}),
    "file without checksum": _manifest_edit(
        lambda m: {**m, "files": {k: v for k, v in m["files"].items() if k != m["roles"]["vectors"]}}
    ),
    "role outside the folder": _manifest_edit(lambda m: {**m, "roles": {**m["roles"], "vectors": "../vectors.npy"}}),
    "doc list edited": _manifest_edit(lambda m: {**m, "doc_ids": m["doc_ids"][:-1]}),
    "dim edited": _manifest_edit(lambda m: {**m, "dim": "many"}),
}


@pytest.mark.parametrize("damage", sorted(MANIFEST_DAMAGE))
def test_a_damaged_manifest_is_never_used_and_the_index_is_rebuilt(built, damage):
    corpus, ixdir, data = built
    MANIFEST_DAMAGE[damage](ixdir)
    with pytest.warns(IndexDamagedWarning):
        _, d2, docs, report = build(corpus, ixdir)
    assert report.rebuilt_reason and report.reused == 0
    again = load_index(ixdir)
    assert again.doc_ids == data.doc_ids == sorted(docs) and np.array_equal(again.vectors, data.vectors)
    assert not (ixdir.parent / "vectors.npy").exists()


def test_a_rows_pointing_past_the_document_list_are_refused_on_load(built):
    # Checksums pass, but the manifest's document list no longer matches the rows.
    corpus, ixdir, _ = built
    m = read_manifest(ixdir)
    gone = m["doc_ids"][-1]
    m["doc_ids"] = m["doc_ids"][:-1]
    del m["documents"][gone]
    (ixdir / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(ValueError, match="rows point at documents that are not listed"):
        load_index(ixdir)


def test_same_model_name_with_other_dimensions_is_never_mixed(built):
    corpus, ixdir, _ = built
    other = FakeEmbedder(dim=64)  # same model_id "fake-hash-256", other vectors
    with pytest.warns(IndexDamagedWarning, match="256 dimensions, the model gives 64"):
        _, data, _, report = build(corpus, ixdir, other)
    assert data.vectors.shape[1] == 64 and report.reused == 0
    assert load_index(ixdir).faiss_index.d == 64


def test_newer_format_is_refused_through_ask_and_the_cli(fake_qa, capsys):
    qa.ask("warm up")
    ixdir = next(fake_qa["index_root"].iterdir())
    m = read_manifest(ixdir)
    m["format_version"] = 7
    (ixdir / "manifest.json").write_text(json.dumps(m))
    api.clear_cache()
    with pytest.raises(IndexMismatchError, match="newer version of qa"):
        qa.ask("Samsung backlog")
    assert read_manifest(ixdir)["format_version"] == 7  # left alone, not overwritten
    assert cli_main(["ask", "Samsung backlog"]) == 2
    err = capsys.readouterr().err
    assert "Upgrade qa, or delete the index folder" in err and "Traceback" not in err


def test_a_damaged_index_is_rebuilt_through_ask_with_a_warning(fake_qa):
    qa.ask("warm up")
    ixdir = next(fake_qa["index_root"].iterdir())
    _flip_middle(ixdir / read_manifest(ixdir)["roles"]["faiss"])
    api.clear_cache()
    with pytest.warns(IndexDamagedWarning, match="damaged"):
        a = qa.ask("Which foundry produced the first two generations of MTIA?")
    check_contract(a, texts(fake_qa["corpus"]))


# --------------------------------------------------------------------------------------------
# A build killed with SIGKILL


_CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.conftest import FakeEmbedder
    import numpy as np
    from qa.indexing import indexer, store
    from qa.config import Settings
    from qa.indexing.indexer import sync_index

    if hasattr(indexer, "sentence_types"):  # no spaCy: the kill points are in our own code
        indexer.sentence_types = lambda texts, batch_size=256: np.zeros(len(texts), np.uint32)

    corpus, ixdir, point, marker = sys.argv[1:5]

    def stall():
        # Written whole, then renamed: the parent polls for the marker and must never read it empty.
        Path(marker + ".tmp").write_text("ready")
        os.replace(marker + ".tmp", marker)
        time.sleep(120)  # the parent kills us here

    class SlowEmbedder(FakeEmbedder):
        def encode(self, texts, *, show_progress=False):
            out = []
            for i, t in enumerate(texts):
                if point == "embedding" and i == len(texts) // 2:
                    stall()
                out.append(super().encode([t]))
            return super().encode([]) if not out else np.concatenate(out)

    if point == "data files":  # every data file of the new generation written, manifest not
        store._files_of = lambda *a, **k: stall()
    elif point == "manifest rename":  # the new manifest written to its temporary name
        real_replace = os.replace
        def replace(src, dst):
            if str(dst).endswith("manifest.json"):
                stall()
            return real_replace(src, dst)
        os.replace = replace
    elif point == "cleanup":  # new manifest in place, old generation not yet removed
        store._remove_other_generations = lambda *a, **k: stall()
    sync_index(corpus, ixdir, SlowEmbedder(), Settings(), progress=False)
    Path(marker).write_text("finished")
    """
)


def _kill_build_at(point: str, corpus: Path, ixdir: Path, tmp: Path) -> None:
    marker = tmp / f"marker-{point.replace(' ', '-')}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT)), str(corpus), str(ixdir), point, str(marker)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            if child.poll() is not None:
                pytest.fail(f"the build finished before the kill point: {child.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"the build never reached {point!r}")
            time.sleep(0.02)
        assert marker.read_text() == "ready"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stderr.close()


@pytest.mark.parametrize("point", ["embedding", "data files", "manifest rename", "cleanup"])
def test_sigkill_during_a_build_leaves_the_previous_index_usable(point, built, tmp_path):
    corpus, ixdir, data = built
    before = read_manifest(ixdir)
    (corpus / "extra.txt").write_text("Extra chips\nHynix will ship HBM4 memory to Nvidia in March.\n")
    (corpus / f"{DOC}.txt").unlink()
    _kill_build_at(point, corpus, ixdir, tmp_path)

    loaded = load_index(ixdir)  # loads, checksums verified
    if point == "cleanup":  # killed after the switch: the new index is complete and current
        assert loaded.generation > before["generation"] and "extra" in loaded.doc_ids
    else:
        assert loaded.generation == before["generation"] and loaded.doc_ids == data.doc_ids
        assert np.array_equal(loaded.vectors, data.vectors)

    with no_warnings():  # nothing is damaged, so no rebuild warning: a plain incremental sync
        emb, d2, docs, report = build(corpus, ixdir)
    assert "extra" in d2.doc_ids and DOC not in d2.doc_ids
    if point != "cleanup":
        assert report.added == ("extra",) and report.removed == (DOC,) and report.reused == 4
    with no_warnings():
        _, d3, _, r3 = build(corpus, ixdir, emb)  # and it stays fresh
    assert not r3.touched and d3.doc_ids == d2.doc_ids
    if point != "cleanup":  # the next save removed what the killed build left
        names = {p.name for p in ixdir.iterdir()} - {"verified.json"}  # qa.indexing.verify's record
        assert names == {"manifest.json"} | set(read_manifest(ixdir)["roles"].values())


def test_sigkill_during_the_first_build_is_recovered_with_a_warning(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ixdir = tmp_path / "ix"
    _kill_build_at("data files", corpus, ixdir, tmp_path)
    assert read_manifest(ixdir) is None and any(ixdir.iterdir())  # half a build, no manifest
    with pytest.raises(FileNotFoundError, match="no readable manifest.json"):
        load_index(ixdir)
    with pytest.warns(IndexDamagedWarning, match="no readable manifest.json"):
        _, data, _, report = build(corpus, ixdir)
    assert len(data.doc_ids) == 5 and load_index(ixdir).doc_ids == data.doc_ids
    names = {p.name for p in ixdir.iterdir()} - {"verified.json"}  # qa.indexing.verify's record
    assert names == {"manifest.json"} | set(read_manifest(ixdir)["roles"].values())


# --------------------------------------------------------------------------------------------
# Documents by id, uploads


def test_the_document_viewer_takes_indexed_ids_never_paths(fake_qa):
    qa.ask("warm up")
    corpus = fake_qa["corpus"]
    (fake_qa["tmp"] / "secret.txt").write_text("Secret\nNot an article of the corpus.\n")
    for bad in ("../secret", "../secret.txt", "/etc/passwd", f"{DOC}.txt", str(corpus / f"{DOC}.txt"), "", ".",
                "..", f"{DOC}/../{DOC}", DOC.upper(), f" {DOC}"):
        with pytest.raises(KeyError, match="no indexed document"):
            api.document_text(bad)
    assert api.document_text(DOC) == (corpus / f"{DOC}.txt").read_bytes().decode()


ARTICLE = (
    b"Acme opens a plant in Lyon <script>alert(1)</script>\n2026-07-04\n\n"
    b"Acme Corp said on Friday it will open a chip plant in Lyon. <img src=x onerror=alert(2)>\n"
)


def test_an_upload_is_kept_when_indexing_it_fails_and_indexed_on_the_next_sync(fake_qa, fake_embedder):
    uploads = pytest.importorskip("qa.app.uploads")
    corpus = fake_qa["corpus"]
    api.build_index(progress=False)
    ixdir = next(fake_qa["index_root"].iterdir())
    generation = read_manifest(ixdir)["generation"]
    p = uploads.save_upload(corpus, "../../Acme <script>.txt", ARTICLE)
    assert p.parent == corpus and p.name == "Acme_script.txt"

    def out_of_memory(texts, *, show_progress=False):
        raise RuntimeError("the model ran out of memory")

    with pytest.MonkeyPatch.context() as m:
        m.setattr(fake_embedder, "encode", out_of_memory)
        with pytest.raises(RuntimeError, match="out of memory"):
            api.build_index(progress=False)
    assert p.read_bytes() == ARTICLE  # the article is still there, byte for byte
    assert read_manifest(ixdir)["generation"] == generation  # and the index is the previous one
    assert p.stem not in load_index(ixdir).doc_ids
    report = api.build_index(progress=False)
    assert report.added == (p.stem,) and report.reused == 5
    a = qa.ask("Where will Acme open a chip plant?")
    assert a.citations[0].doc_id == p.stem
    # Markup is text: returned verbatim, never interpreted (the app escapes it when showing it).
    assert "<script>alert(1)</script>" in api.document_text(p.stem)
    assert api.document_text(p.stem) == ARTICLE.decode()
