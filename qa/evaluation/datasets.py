"""The data sets ``qa eval`` reads, told apart by content (:func:`detect_format`): the gold JSONL,
SQuAD v1.1 JSON (open-domain: one corpus of all its articles), RAMDocs JSONL (one small corpus
per question) and WikiContradict JSONL (``qa.evaluation.wikicontradict``). Each becomes a :class:`Dataset` of :class:`Item` rows that name the corpus and
index folder to ask in."""
from __future__ import annotations

import json
from pathlib import Path

from ..config import index_root
from .items import Dataset, Item
from .metrics import normalize_answer

__all__ = ["Item", "Dataset", "detect_format", "load_gold", "load_squad_items", "ramdocs_label", "load_ramdocs", "load_dataset"]


# --------------------------------------------------------------------------- formats
def detect_format(path: str | Path) -> str:
    """'gold', 'squad', 'ramdocs' or 'wikicontradict' from the file's content (not its name)."""
    with open(path, encoding="utf-8") as fh:
        head = fh.read(1 << 16)
    first = next((line for line in head.splitlines() if line.strip()), "")
    try:
        row = json.loads(first)
    except json.JSONDecodeError:
        row = None
    if isinstance(row, dict):
        if "documents" in row and "gold_answers" in row:
            return "ramdocs"
        if {"question", "context1", "context2"} <= set(row):
            return "wikicontradict"
        if "question" in row and "answers" in row:
            return "gold"
    if head.lstrip().startswith("{") and '"data"' in head and '"paragraphs"' in head:
        return "squad"
    raise ValueError(f"{path}: not a gold JSONL, SQuAD v1.1 JSON, RAMDocs JSONL or WikiContradict JSONL file")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


# The forms of a paraphrase group (``p01a``, ``p01b``, ``p01c``) in the second seed question set.
_FORMS = {"a": "paraphrase: plain", "b": "paraphrase: few shared words", "c": "paraphrase: casual or keywords"}


def _category(r: dict) -> str | None:
    """A row's own category, else what its fields say it is: a form of a paraphrase group, a near
    miss, a dialogue's first turn or a follow-up (asked here as typed, without its history)."""
    if r.get("category"):
        return r["category"]
    if r.get("group") and str(r["id"])[-1:] in _FORMS:
        return _FORMS[str(r["id"])[-1]]
    if r.get("dialogue"):
        return "dialogue: first turn" if int(r.get("turn") or 1) == 1 else "dialogue: follow-up, with history"
    if r.get("answerable") is False:
        return "near miss"
    return None


def load_gold(path: Path, limit: int | None = None) -> Dataset:
    rows = _jsonl(path)[:limit] if limit else _jsonl(path)
    items = [
        Item(r["id"], r["question"], tuple(r.get("answers") or ()), tuple(r.get("doc_ids") or ()),
             bool(r.get("answerable", True)), r.get("conflict"), tuple(r.get("conflict_doc_ids") or ()),
             _category(r), group=r.get("group"), dialogue=r.get("dialogue"), turn=int(r.get("turn") or 1),
             standalone=r.get("standalone"))
        for r in rows
    ]
    return Dataset(path.stem, "gold", items)


def load_squad_items(path: Path, limit: int | None = None, root: Path | None = None) -> Dataset:
    from .squad import load_squad, write_squad_corpus

    root = root or index_root()
    sq = load_squad(path)
    corpus = write_squad_corpus(sq, root / "bench" / "squad-corpus")
    index_dir = root / "bench" / "squad"
    qs = sq.questions[:limit] if limit else sq.questions
    items = [
        Item(q.qid, q.question, q.answers, (q.doc_id,), True, None, (), None, str(corpus), str(index_dir),
             f"{q.doc_id}#{q.paragraph}")
        for q in qs
    ]
    texts = {f"{corpus}|{d}": t for d, t in sq.texts.items()}
    return Dataset(path.stem, "squad", items, sq.paragraph_of, texts)


# The category of a question whose documents describe different entities sharing a name: the only
# questions on which a namesake note is right.
NAMESAKE_CATEGORY = "ambiguity"


def ramdocs_label(row: dict) -> str:
    """conflict | misinfo-only | ambiguity | clean (the definition of qa.bench.conflicts, plus:
    a misinformation document that gives the correct answer is no conflict)."""
    types = [d["type"] for d in row["documents"]]
    if "misinfo" in types and "correct" in types:
        right = {normalize_answer(d.get("answer")) for d in row["documents"] if d["type"] == "correct"}
        wrong = {normalize_answer(d.get("answer")) for d in row["documents"] if d["type"] == "misinfo"}
        return "conflict" if wrong - right else "clean"
    if "misinfo" in types:
        return "misinfo-only"
    return NAMESAKE_CATEGORY if len(row.get("disambig_entity") or ()) > 1 else "clean"


def load_ramdocs(path: Path, limit: int | None = None, root: Path | None = None) -> Dataset:
    root = root or index_root()
    rows = _jsonl(path)[:limit] if limit else _jsonl(path)
    items, texts = [], {}
    for i, row in enumerate(rows):
        qid = f"r{i:04d}"
        base = root / "bench" / "ramdocs" / qid
        corpus = base / "docs"
        corpus.mkdir(parents=True, exist_ok=True)
        types: dict[str, str] = {}
        for k, d in enumerate(row["documents"]):
            if not d["text"].strip():
                continue  # an empty document states nothing (and would be skipped by the indexer)
            doc_id = f"d{k}"
            types[doc_id] = d["type"]
            p = corpus / f"{doc_id}.txt"
            if not p.exists() or p.read_text("utf-8") != d["text"]:
                p.write_text(d["text"], "utf-8")
            texts[f"{corpus}|{doc_id}"] = d["text"]
        label = ramdocs_label(row)
        items.append(Item(
            qid, row["question"], tuple(row["gold_answers"]),
            tuple(d for d, t in types.items() if t == "correct"), True,
            None if label == "misinfo-only" else label == "conflict",
            tuple(d for d, t in types.items() if t in ("correct", "misinfo")) if label == "conflict" else (),
            label, str(corpus), str(base / "index"),
        ))
    return Dataset(path.stem, "ramdocs", items, None, texts)


def load_dataset(path: str | Path, limit: int | None = None) -> Dataset:
    path = Path(path)
    kind = detect_format(path)
    if kind == "wikicontradict":
        from .wikicontradict import load_wikicontradict

        return load_wikicontradict(path, limit)
    return {"gold": load_gold, "squad": load_squad_items, "ramdocs": load_ramdocs}[kind](path, limit)


# --------------------------------------------------------------------------- scoring
