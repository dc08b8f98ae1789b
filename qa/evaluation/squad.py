"""SQuAD (v1.1, or v2.0 with its unanswerable questions) as an open-domain corpus: every article
one document, every question asked against all of them. Used by the retrieval benchmark,
calibration and ``qa eval``."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SquadQuestion", "SquadCorpus", "load_squad", "write_squad_corpus"]


@dataclass(frozen=True)
class SquadQuestion:
    qid: str
    question: str
    answers: tuple[str, ...]
    doc_id: str
    paragraph: int  # index into SquadCorpus.paragraphs[doc_id]
    # SQuAD 2.0's ``is_impossible``: written to look answerable from its paragraph, but it is not
    # (``answers`` is then empty; the annotators' ``plausible_answers`` are wrong answers, left out).
    answerable: bool = True


@dataclass(frozen=True)
class SquadCorpus:
    texts: dict[str, str]  # doc_id -> article text as written to disk
    paragraphs: dict[str, list[tuple[int, int]]]  # doc_id -> raw spans of its paragraphs
    questions: list[SquadQuestion]
    version: str = "v1.1"  # the file's "version": "v2.0" holds unanswerable questions

    @property
    def name(self) -> str:
        """The folder stem of its corpus and index: v1.1 and v2.0 halves hold different
        articles, so they never share one."""
        return "squad2" if self.version.startswith("v2") else "squad"

    def paragraph_of(self, doc_id: str, start: int, end: int) -> int:
        """The paragraph that holds most of the span [start, end)."""
        best, best_overlap = -1, 0
        for i, (a, b) in enumerate(self.paragraphs[doc_id]):
            overlap = min(b, end) - max(a, start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best


def _doc_id(i: int, title: str) -> str:
    return f"{i:03d}_{re.sub(r'[^A-Za-z0-9]+', '_', title).strip('_')[:60]}"


def load_squad(path: str | Path) -> SquadCorpus:
    doc = json.loads(Path(path).read_text("utf-8"))
    data = doc["data"]
    texts, paragraphs, questions = {}, {}, []
    for i, article in enumerate(data):
        doc_id = _doc_id(i, article["title"])
        parts = [article["title"].replace("_", " ")]
        spans = []
        pos = len(parts[0]) + 2
        for j, para in enumerate(article["paragraphs"]):
            ctx = para["context"].strip()
            spans.append((pos, pos + len(ctx)))
            parts.append(ctx)
            pos += len(ctx) + 2
            for qa in para["qas"]:
                impossible = bool(qa.get("is_impossible", False))
                answers = () if impossible else tuple(dict.fromkeys(a["text"] for a in qa["answers"]))
                questions.append(SquadQuestion(qa["id"], qa["question"], answers, doc_id, j, not impossible))
        texts[doc_id] = "\n\n".join(parts) + "\n"
        paragraphs[doc_id] = spans
    return SquadCorpus(texts, paragraphs, questions, str(doc.get("version") or "v1.1"))


def write_squad_corpus(corpus: SquadCorpus, directory: str | Path) -> Path:
    """Write one .txt per article (only when missing or different, so the index stays fresh)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for doc_id, text in corpus.texts.items():
        p = directory / f"{doc_id}.txt"
        if not p.exists() or p.read_text("utf-8") != text:
            p.write_text(text, "utf-8")
    return directory
