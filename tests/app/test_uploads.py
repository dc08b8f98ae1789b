"""save_upload(): what may enter the corpus folder from an upload, and under which name."""
from __future__ import annotations

import os

import pytest

from qa.errors import BadDocumentError
from qa.app.uploads import safe_filename, save_upload

ARTICLE = b"Acme opens a plant in Lyon\n2026-07-04\n\nAcme Corp said on Friday it will open a chip plant in Lyon.\n"


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    return d


def article_files(corpus):
    return sorted(p.name for p in corpus.iterdir())


def test_saves_a_good_article(corpus):
    p = save_upload(corpus, "acme.txt", ARTICLE)
    assert p == corpus / "acme.txt"
    assert p.read_bytes() == ARTICLE
    assert article_files(corpus) == ["acme.txt"]  # no temporary file left behind


def test_markdown_is_accepted_and_suffix_lowercased(corpus):
    assert save_upload(corpus, "Notes.MD", ARTICLE).name == "Notes.md"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../x.txt", "x.txt"),
        ("..\\..\\windows\\evil.txt", "evil.txt"),
        ("/etc/passwd.txt", "passwd.txt"),
        ("sub/dir/a b c.txt", "a_b_c.txt"),
        ("..txt", "article.txt"),
        (".hidden.md", "hidden.md"),
        ("résumé d'été.txt", "resume_d_ete.txt"),
        ("기사.txt", "article.txt"),
        ("a;rm -rf ~;.txt", "a_rm_-rf.txt"),
    ],
)
def test_safe_names(name, expected):
    assert safe_filename(name) == expected


def test_traversal_name_stays_inside_the_corpus(corpus, tmp_path):
    p = save_upload(corpus, "../../../outside.txt", ARTICLE)
    assert p.parent == corpus
    assert not (tmp_path / "outside.txt").exists()


def test_long_names_are_shortened(corpus):
    p = save_upload(corpus, "a" * 500 + ".txt", ARTICLE)
    assert len(p.name) <= 90 and p.parent == corpus


@pytest.mark.parametrize("name", ["article", "article.txt.exe", "", "x.TXT.zip"])
def test_wrong_extensions_are_rejected(corpus, name):
    with pytest.raises(BadDocumentError, match=r"only articles saved as \.txt, \.md, \.html\.gz, \.html, \.htm, \.pdf"):
        save_upload(corpus, name, ARTICLE)
    assert article_files(corpus) == []


def test_oversize_is_rejected_with_the_limit(corpus):
    with pytest.raises(BadDocumentError, match="limit"):
        save_upload(corpus, "big.txt", b"word " * 1000, max_bytes=1000)
    assert article_files(corpus) == []


def test_empty_and_blank_files_are_rejected(corpus):
    with pytest.raises(BadDocumentError, match="empty"):
        save_upload(corpus, "empty.txt", b"")
    with pytest.raises(BadDocumentError, match="empty"):
        save_upload(corpus, "blank.txt", b"   \n\n  \t")
    assert article_files(corpus) == []


def test_binary_is_rejected(corpus):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(BadDocumentError, match="binary|UTF-8"):
        save_upload(corpus, "image.txt", png)
    with pytest.raises(BadDocumentError, match="binary"):
        save_upload(corpus, "nul.txt", b"hello\x00world")
    assert article_files(corpus) == []


def test_non_utf8_is_rejected(corpus):
    latin1 = "Café de la Gare: le maire a annoncé".encode("latin-1")
    with pytest.raises(BadDocumentError, match="UTF-8"):
        save_upload(corpus, "latin.txt", latin1)
    assert article_files(corpus) == []


def test_only_page_furniture_is_rejected(corpus):
    with pytest.raises(BadDocumentError, match="furniture"):
        save_upload(corpus, "chrome.txt", b"Share\nLike\n---\n")


def test_duplicate_name_gets_a_suffix_and_keeps_the_original(corpus):
    first = save_upload(corpus, "acme.txt", ARTICLE)
    other = ARTICLE.replace(b"Lyon", b"Lille")
    second = save_upload(corpus, "acme.txt", other)
    third = save_upload(corpus, "ACME.md", other + b"More.\n")  # same id once lower-cased
    assert first.read_bytes() == ARTICLE
    assert second.name == "acme-2.txt" and second.read_bytes() == other
    assert third.name == "ACME-3.md"


def test_same_bytes_again_returns_the_existing_file(corpus):
    first = save_upload(corpus, "acme.txt", ARTICLE)
    again = save_upload(corpus, "copy-of-acme.txt", ARTICLE)
    assert again == first
    assert article_files(corpus) == ["acme.txt"]


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(BadDocumentError, match="does not exist"):
        save_upload(tmp_path / "nope", "a.txt", ARTICLE)


def test_write_is_atomic_and_failure_leaves_nothing(corpus, monkeypatch):
    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_upload(corpus, "acme.txt", ARTICLE)
    assert article_files(corpus) == []


def test_saved_upload_is_indexed_without_reembedding_the_rest(fake_qa, fake_embedder):
    from qa import api

    api.build_index(progress=False)
    n_docs = len(api.documents())
    p = save_upload(fake_qa["corpus"], "acme plant.txt", ARTICLE)
    report = api.build_index(progress=False)
    assert report.added == (p.stem,) and not report.removed and report.reused == n_docs
    assert 0 < report.embedded_chunks <= 2  # only the new article's chunks are embedded
    assert p.stem in {d.doc_id for d in api.documents()}
    a = api.ask("Where will Acme open a chip plant?")
    assert not a.abstained and a.citations[0].doc_id == p.stem
