import pytest

from qa.ingest.corpus import SkippedFileWarning, is_furniture, load_corpus, parse_document
from qa.errors import EmptyCorpusError

from ..conftest import SEEDS


def test_seed_metadata():
    docs = {d.doc_id: d for d in load_corpus(SEEDS)}
    assert len(docs) == 5
    d0 = docs["000_df6b974ab5d556b8"]
    assert d0.title == "Samsung's 2nm Foundry Targets AI Chip Orders from Meta and Anthropic"
    assert d0.date == "2026-07-03 16:37"
    assert d0.outlet == "en.Wedoany.com"
    assert docs["004_0a4a36f27d9e0a5e"].outlet == "BlockBeats"
    assert docs["003_f8e9aabb34363ca6"].title == "#AnthropicTapsSamsungForAIchips"


def test_furniture_is_left_out_without_shifting_offsets():
    docs = {d.doc_id: d for d in load_corpus(SEEDS)}
    d4 = docs["004_0a4a36f27d9e0a5e"]
    content = "\n".join(d4.raw[a:b] for a, b in d4.content)
    for junk in ("This page may contain third-party content", "Telegram Chat Group", "Add a comment", "Repost", "View Original"):
        assert junk not in content
    assert "Clive Chan" in content
    for a, b in d4.content:  # spans index the raw text exactly
        assert d4.raw[a:b] == d4.raw[a:b].strip() and d4.raw[a:b]
    d2 = docs["002_9cc78ad025867a45"]
    content2 = "\n".join(d2.raw[a:b] for a, b in d2.content)
    assert "Copying, redistribution" not in content2 and "(Photo: AP" not in content2


@pytest.mark.parametrize(
    "line, furniture",
    [
        ("  • Share", True),
        ("Favorite", True),
        ("Copyright 2026 Example News. All rights reserved.", True),
        ("Twitter Official Account: https://twitter.com/x", True),
        ("※", True),
        ("Samsung shares rose after the comment by its CEO.", False),
        ("Share prices fell 3% on Monday.", False),
    ],
)
def test_is_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_bad_files_are_skipped_with_a_warning_naming_them(tmp_path):
    (tmp_path / "good.txt").write_text("Title\nSamsung makes chips. Meta buys them.\n")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.md").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.warns(SkippedFileWarning) as record:
        docs = load_corpus(tmp_path)
    assert [d.doc_id for d in docs] == ["good"]
    messages = " ".join(str(w.message) for w in record)
    assert "empty.txt" in messages and "binary.txt" in messages and "latin1.md" in messages
    assert "UTF-8" in messages


def test_oversize_file_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nA sentence here.\n")
    (tmp_path / "big.txt").write_text("Big\n" + "word " * 3000)
    with pytest.warns(SkippedFileWarning, match=r"big\.txt.*limit"):
        docs = load_corpus(tmp_path, max_bytes=10_000)
    assert [d.doc_id for d in docs] == ["a"]


def test_empty_corpus_directory_is_a_clear_error(tmp_path):
    with pytest.raises(EmptyCorpusError, match=r"Cannot index corpus directory .*no readable \.txt or \.md"):
        load_corpus(tmp_path)
    with pytest.raises(ValueError, match="does not exist"):
        load_corpus(tmp_path / "missing")


def test_parse_document_keeps_raw_text():
    raw = "Title line\r\n2026-01-02\r\nBody text here.\r\n"
    doc = parse_document("x", raw)
    assert doc.raw == raw and doc.title == "Title line" and doc.date == "2026-01-02"
