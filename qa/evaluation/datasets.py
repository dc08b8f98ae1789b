"""The data sets ``qa eval`` reads, told apart by content (:func:`detect_format`): the gold JSONL,
SQuAD v1.1 or v2.0 JSON (open-domain: one corpus of all its articles; v2.0's ``is_impossible``
questions are unanswerable), RAMDocs JSONL (one small corpus per question) and WikiContradict JSONL
(``qa.evaluation.wikicontradict``). Each becomes a :class:`Dataset` of :class:`Item` rows that name the corpus and
index folder to ask in."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..config import default_corpus, index_root
from .items import Dataset, Item
from .metrics import normalize_answer

__all__ = ["Item", "Dataset", "detect_format", "load_gold", "load_squad_items", "select_articles", "ramdocs_label", "load_ramdocs", "load_dataset",
           "disk_text_of"]


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


def select_articles(doc_ids: list[str], spec: str) -> set[str]:
    """The articles ``spec`` names, among ``doc_ids`` (in file order): "even" or "odd" (by position
    in the file, from 0: the held-out split of ``qa.training.fit_answerable``), or a comma-separated
    list of positions and title words ("3,Oxygen")."""
    spec = spec.strip().lower()
    if spec in ("even", "odd"):
        return {d for i, d in enumerate(doc_ids) if i % 2 == (spec == "odd")}
    chosen = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        found = [d for i, d in enumerate(doc_ids) if part == str(i) or part == d.lower() or part in d.lower().split("_", 1)[-1]]
        if not found:
            raise ValueError(f"--articles: no article {part!r} (positions 0-{len(doc_ids) - 1}, or words of a title)")
        chosen.update(found)
    return chosen


def load_squad_items(path: Path, limit: int | None = None, root: Path | None = None, articles: str | None = None) -> Dataset:
    from .squad import load_squad, write_squad_corpus

    root = root or index_root()
    sq = load_squad(path)
    corpus = write_squad_corpus(sq, root / "bench" / f"{sq.name}-corpus")
    index_dir = root / "bench" / sq.name
    qs = sq.questions
    if articles:
        # Every question is still asked against all articles: only which are scored changes.
        keep = select_articles(list(sq.texts), articles)
        qs = [q for q in qs if q.doc_id in keep]
    qs = qs[:limit] if limit else qs
    items = [
        Item(q.qid, q.question, q.answers, (q.doc_id,) if q.answerable else (), q.answerable, None, (),
             ("answerable" if q.answerable else "unanswerable") if sq.name == "squad2" else None, str(corpus), str(index_dir),
             f"{q.doc_id}#{q.paragraph}" if q.answerable else None)
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
            namesakes=len(row.get("disambig_entity") or ()) > 1,
        ))
    return Dataset(path.stem, "ramdocs", items, None, texts)


def load_dataset(path: str | Path, limit: int | None = None, articles: str | None = None) -> Dataset:
    path = Path(path)
    kind = detect_format(path)
    if articles and kind != "squad":
        raise ValueError(f"{path}: --articles selects articles of a SQuAD file, not of a {kind} file")
    if kind == "squad":
        return load_squad_items(path, limit, articles=articles)
    if kind == "wikicontradict":
        from .wikicontradict import load_wikicontradict

        return load_wikicontradict(path, limit)
    return {"gold": load_gold, "ramdocs": load_ramdocs}[kind](path, limit)


def disk_text_of(dataset: Dataset) -> Callable[[str | None, str], str | None]:
    """Document text as stored on disk (or as written by the loader), for citation validity."""
    cache = dict(dataset.texts)

    def text_of(corpus: str | None, doc_id: str) -> str | None:
        folder = Path(corpus) if corpus else default_corpus()
        key = f"{corpus}|{doc_id}"
        if key not in cache:
            cache[key] = None
            for suffix in (".txt", ".md"):
                p = folder / f"{doc_id}{suffix}"
                if p.is_file():
                    cache[key] = p.read_bytes().decode("utf-8")
                    break
        return cache[key]

    return text_of
