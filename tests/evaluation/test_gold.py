"""Validates eval/gold.jsonl against its schema and against the seed articles."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from qa.ingest.corpus import load_corpus
from qa.ingest.text import sentence_spans

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold.jsonl"
SEEDS = ROOT / "seeds"

FIELDS = {
    "id": str,
    "question": str,
    "answers": list,
    "doc_ids": list,
    "conflict": (bool, type(None)),
    "conflict_doc_ids": list,
    "answerable": bool,
    "category": str,
}
CATEGORIES = {
    "fact-number",
    "fact-money",
    "fact-date",
    "fact-name",
    "fact-org",
    "paraphrase",
    "multi-doc",
    "conflict",
    "lookalike",
    "unanswerable",
}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """NFKC, case-folded, whitespace-folded, without trailing sentence punctuation."""
    return " ".join(nfkc(text).casefold().split()).rstrip(" .?!:;")


def _load_gold() -> list[dict]:
    entries = []
    with GOLD.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
                    pytest.fail(f"{GOLD}:{n}: not JSON: {exc}")
    return entries


GOLD_ENTRIES = _load_gold()
DOCS = {d.doc_id: d for d in load_corpus(SEEDS)}
DOC_TEXT = {doc_id: nfkc(d.raw) for doc_id, d in DOCS.items()}


def _ids(entries: list[dict]) -> list[str]:
    return [e.get("id", f"#{i}") for i, e in enumerate(entries)]


def test_size():
    assert len(GOLD_ENTRIES) >= 60
    unanswerable = [e for e in GOLD_ENTRIES if not e["answerable"]]
    assert len(unanswerable) >= 12


def test_every_category_present():
    counts = Counter(e["category"] for e in GOLD_ENTRIES)
    assert set(counts) == CATEGORIES, counts


def test_ids_and_questions_unique():
    ids = [e["id"] for e in GOLD_ENTRIES]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    questions = [squash(e["question"]) for e in GOLD_ENTRIES]
    dupes = [q for q, c in Counter(questions).items() if c > 1]
    assert not dupes


@pytest.mark.parametrize("entry", GOLD_ENTRIES, ids=_ids(GOLD_ENTRIES))
def test_schema(entry):
    assert set(entry) == set(FIELDS), set(entry) ^ set(FIELDS)
    for key, typ in FIELDS.items():
        assert isinstance(entry[key], typ), f"{key} has type {type(entry[key]).__name__}"
    assert re.fullmatch(r"g\d{3,}", entry["id"])
    assert entry["question"].strip() and entry["question"] == entry["question"].strip()
    assert entry["category"] in CATEGORIES
    assert all(isinstance(a, str) and a.strip() for a in entry["answers"])
    assert all(isinstance(d, str) for d in entry["doc_ids"] + entry["conflict_doc_ids"])
    assert len(set(entry["doc_ids"])) == len(entry["doc_ids"])
    # answerable <=> there are answers and supporting documents
    assert entry["answerable"] == bool(entry["answers"]) == bool(entry["doc_ids"])
    assert (entry["category"] == "unanswerable") == (not entry["answerable"])
    if not entry["answerable"]:
        assert entry["conflict"] is None and not entry["conflict_doc_ids"]
    if entry["category"] == "conflict":
        assert entry["conflict"] is True
    if entry["category"] == "lookalike":
        assert entry["conflict"] is False
    if entry["conflict"] is not True:
        assert entry["conflict_doc_ids"] == []


@pytest.mark.parametrize("entry", GOLD_ENTRIES, ids=_ids(GOLD_ENTRIES))
def test_doc_ids_exist(entry):
    for doc_id in entry["doc_ids"] + entry["conflict_doc_ids"]:
        assert doc_id in DOCS, f"unknown document {doc_id!r}"


@pytest.mark.parametrize("entry", GOLD_ENTRIES, ids=_ids(GOLD_ENTRIES))
def test_answers_occur_in_supporting_docs(entry):
    for answer in entry["answers"]:
        found = [d for d in entry["doc_ids"] if d in DOC_TEXT and nfkc(answer) in DOC_TEXT[d]]
        assert found, f"{answer!r} is in none of {entry['doc_ids']}"


@pytest.mark.parametrize("entry", GOLD_ENTRIES, ids=_ids(GOLD_ENTRIES))
def test_every_supporting_doc_holds_an_answer(entry):
    for doc_id in entry["doc_ids"]:
        assert any(nfkc(a) in DOC_TEXT[doc_id] for a in entry["answers"]), (
            f"{doc_id} is listed as supporting but holds none of the answers"
        )


@pytest.mark.parametrize(
    "entry", [e for e in GOLD_ENTRIES if e["conflict"]], ids=_ids([e for e in GOLD_ENTRIES if e["conflict"]])
)
def test_conflicts_name_two_docs(entry):
    cdocs = entry["conflict_doc_ids"]
    assert len(set(cdocs)) >= 2
    assert set(cdocs) <= set(entry["doc_ids"]), "conflicting documents must also be supporting documents"


def _article_sentences() -> set[str]:
    out = set()
    for doc in DOCS.values():
        for a, b in sentence_spans(doc.raw):
            out.add(squash(doc.raw[a:b]))
    return out


ARTICLE_SENTENCES = _article_sentences()
ARTICLE_SQUASHED = {doc_id: squash(text) for doc_id, text in DOC_TEXT.items()}


@pytest.mark.parametrize("entry", GOLD_ENTRIES, ids=_ids(GOLD_ENTRIES))
def test_question_does_not_copy_the_articles(entry):
    q = squash(entry["question"])
    assert q not in ARTICLE_SENTENCES
    # Nor is the whole question found verbatim inside an article.
    assert not any(q in text for text in ARTICLE_SQUASHED.values())
