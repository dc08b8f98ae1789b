from hypothesis import given, settings, strategies as st

from qa.ingest.chunking import chunk_document, document_sentences, token_counter
from qa.ingest.corpus import load_corpus, parse_document
from qa.ingest.text import normalize

from ..conftest import SEEDS

COUNT = token_counter()


def test_seed_chunks_respect_budget_and_offsets():
    for doc in load_corpus(SEEDS):
        chunks = chunk_document(doc, 128, 32, COUNT)
        assert chunks
        for c in chunks:
            text = doc.raw[c.start : c.end]
            assert text == text.strip() and text
            assert COUNT(normalize(text)) <= 128 + 8  # joining sentences can add a token or two
        # every content sentence is in some chunk
        for s, e, _ in document_sentences(doc):
            assert any(c.start <= s and e <= c.end for c in chunks)


def test_chunks_overlap_within_a_paragraph():
    para = " ".join(f"Sentence number {i} talks about chips and foundries in Korea." for i in range(40))
    doc = parse_document("p", "Title\n" + para + "\n")
    chunks = chunk_document(doc, 60, 20, COUNT)
    assert len(chunks) > 3
    overlaps = [a.end > b.start for a, b in zip(chunks[1:], chunks[2:])]
    assert any(overlaps)


def test_chunks_never_cross_page_furniture():
    raw = "Title\nFirst part is here.\nShare\nSecond part is here.\n"
    doc = parse_document("f", raw)
    for c in chunk_document(doc, 500, 50, COUNT):
        assert "Share" not in raw[c.start : c.end]


def test_long_sentence_is_split_to_the_budget():
    raw = "Title\n" + " ".join(["word"] * 600) + ".\n"
    doc = parse_document("l", raw)
    chunks = chunk_document(doc, 100, 10, COUNT)
    assert len(chunks) >= 6
    assert all(COUNT(normalize(raw[c.start : c.end])) <= 100 for c in chunks)


def test_model_limit_check_splits_chunks_that_do_not_fit():
    raw = "Title\n" + " ".join(f"w{i}." for i in range(200)) + "\n"
    doc = parse_document("m", raw)
    chunks = chunk_document(doc, 400, 0, COUNT, fits=lambda t: len(t.split()) <= 50)
    assert all(len(raw[c.start : c.end].split()) <= 50 for c in chunks)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=2000))
def test_fuzz_chunk_offsets_slice_raw_text(text):
    if not text.strip():
        return
    try:
        doc = parse_document("z", text)
    except ValueError:
        return  # only furniture
    for c in chunk_document(doc, 40, 10, COUNT):
        assert 0 <= c.start < c.end <= len(text)
        assert doc.raw[c.start : c.end].strip()


def test_paragraph_chunker_keeps_split_paragraphs_apart():
    from qa.ingest.chunking import chunk_document
    from qa.ingest.corpus import parse_document

    def count(text: str) -> int:
        return len(text.split())

    long_para = " ".join(f"Sentence {i} covers nuclear reactors." for i in range(16))  # 80 words
    short = "A short paragraph on libraries follows it. It has two sentences."
    tiny = ["Tiny one.", "Tiny two.", "Tiny three."]
    raw = "Title line\n\n" + long_para + "\n\n" + short + "\n\n" + "\n\n".join(tiny) + "\n"
    doc = parse_document("d", raw)
    breaks = [i for i in range(len(raw) - 1) if raw[i : i + 2] == "\n\n"]
    long_end = raw.index(long_para) + len(long_para)

    chunks = chunk_document(doc, 30, 8, count)
    # No chunk holds part of the long paragraph together with anything after it.
    assert not any(c.start < long_end < c.end for c in chunks)
    # The long paragraph is cut into windows of similar size (no tiny tail).
    windows = [c.tokens for c in chunks if c.end <= long_end]
    assert len(windows) >= 3 and max(windows) - min(windows) <= 10
    # The title opens the first window instead of making a chunk of its own.
    assert chunks[0].start == 0 and chunks[0].end > raw.index(long_para)
    # Whole small paragraphs are still packed together.
    assert any(sum(c.start < b < c.end for b in breaks) >= 1 for c in chunks if c.start > long_end)
    # Every sentence is covered.
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    for part in [long_para, short, *tiny]:
        assert raw.index(part) in covered
