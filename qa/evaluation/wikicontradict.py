"""WikiContradict in ``qa eval``: pairs of Wikipedia passages that contradict each other on a
question (Hou et al., 2024), each pair asked its question as a two-document corpus, as RAMDocs
questions are (``qa.evaluation.datasets.load_ramdocs``).

Each row gives ``context1`` and ``context2`` (the contradicting passages), the ``question`` they
disagree on, each passage's answer, the ``contradiction_type`` ("Explicit", or "Implicit
(reasoning required)") and the longer passage each was taken from (``context1_info``,
``context2_info``). Two items per row:

* the pair (``d1`` = context1, ``d2`` = context2): a conflict is expected;
* an agreeing control on the same subject: a passage beside the longer passage it came from
  (``d1`` = context1, ``d1i`` = context1_info), asked the same question. Any entry of
  ``a.conflicts`` there is a false alarm. When the longer passage also holds the other side of the
  contradiction (some rows take both passages from one paragraph) it does not agree, so the
  other side's passage is used, and when both hold both, the row has no control.

Rows are split in two halves by a stable hash of the two passages (not of the question: several
rows ask different questions of one pair, and must not fall on both sides), so that settings tuned
on the ``dev`` half can be checked on the ``held-out`` half.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..config import index_root
from .items import Dataset, Item

__all__ = ["is_wikicontradict", "load_wikicontradict", "wikicontradict_metrics", "half_of", "DEV", "HELD_OUT"]

DEV, HELD_OUT = "dev", "held-out"
TYPES = ("explicit", "implicit", "control")
# Share of a passage's word 4-grams found in a longer passage for the longer one to hold it.
_HOLDS = 0.3


def is_wikicontradict(row: dict) -> bool:
    return {"question", "context1", "context2"} <= set(row)


def half_of(row: dict) -> str:
    """``dev`` or ``held-out``, stable across runs and machines (a hash of the two passages)."""
    a, b = sorted((row["context1"], row["context2"]))
    return DEV if hashlib.sha1((a + "\x00" + b).encode("utf-8")).digest()[0] % 2 == 0 else HELD_OUT


def _grams(text: str) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 4]) for i in range(len(w) - 3)}


def _holds(longer: str, passage: str) -> bool:
    g = _grams(passage)
    return bool(g) and len(g & _grams(longer)) >= _HOLDS * len(g)


def _control(row: dict) -> tuple[int, str, str] | None:
    """(side, passage, the longer passage it came from) for an agreeing control, or None."""
    for side, other in ((1, 2), (2, 1)):
        passage, longer = row.get(f"context{side}") or "", row.get(f"context{side}_info") or ""
        if passage.strip() and longer.strip() and not _holds(longer, row[f"context{other}"]):
            return side, passage, longer
    return None


def _write(folder: Path, docs: dict[str, str], texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        if old.stem not in docs:
            old.unlink()  # a document of an earlier version of the data set
    for doc_id, text in docs.items():
        p = folder / f"{doc_id}.txt"
        if not p.exists() or p.read_text("utf-8") != text:
            p.write_text(text, "utf-8")
        texts[f"{folder}|{doc_id}"] = text


def load_wikicontradict(path: Path, limit: int | None = None, root: Path | None = None):
    """The pairs and their controls as a ``Dataset`` of kind ``wikicontradict``; each item's
    category is "<explicit|implicit|control> (<dev|held-out>)"."""
    root = root or index_root()
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = rows[:limit] if limit else rows
    items, texts = [], {}
    for i, row in enumerate(rows):
        half = half_of(row)
        kind = "implicit" if str(row.get("contradiction_type", "")).lower().startswith("implicit") else "explicit"
        qid = f"w{i:03d}"
        base = root / "bench" / "wikicontradict" / qid
        docs = {d: row[f"context{n}"] for n, d in ((1, "d1"), (2, "d2")) if row[f"context{n}"].strip()}
        _write(base / "docs", docs, texts)
        answers = tuple(a for a in (row.get("answer1"), row.get("answer2")) if a)
        items.append(Item(qid, row["question"], answers, tuple(docs), True, True, tuple(docs),
                          f"{kind} ({half})", str(base / "docs"), str(base / "index")))
        control = _control(row)
        if control is None:
            continue
        side, passage, longer = control
        cbase = root / "bench" / "wikicontradict" / f"{qid}c"
        _write(cbase / "docs", {"d1": passage, "d1i": longer}, texts)
        answer = row.get(f"answer{side}")
        items.append(Item(f"{qid}c", row["question"], (answer,) if answer else (), ("d1", "d1i"), True, False,
                          (), f"control ({half})", str(cbase / "docs"), str(cbase / "index")))
    return Dataset(path.stem, "wikicontradict", items, None, texts,
                   lambda records: {"wikicontradict": wikicontradict_metrics(records)})


def wikicontradict_metrics(records: list[dict]) -> dict:
    """Recall on explicit and on implicit contradictions and false alarms on the agreeing
    controls (every entry of ``a.conflicts`` counts, whatever its kind), on all rows and on each
    half; namesake notes apart."""
    out: dict = {}
    for half in ("all", DEV, HELD_OUT):
        sub = [r for r in records if half == "all" or (r.get("category") or "").endswith(f"({half})")]
        fig: dict = {}
        for kind in TYPES:
            rs = [r for r in sub if (r.get("category") or "").startswith(kind)]
            flagged = sum(bool(r["conflict_flagged"]) for r in rs)
            noted = sum(bool(r.get("notes")) for r in rs)
            fig[kind] = {"n": len(rs), "flagged": flagged, "share": flagged / len(rs) if rs else None,
                         "notes": noted}
        out[half] = fig
    return out


def wikicontradict_rows(m: dict) -> list[tuple[str, str]]:
    """(label, value) rows of the report."""
    rows = []
    for half, fig in m.items():
        parts = []
        for kind, label in (("explicit", "explicit recall"), ("implicit", "implicit recall"),
                            ("control", "control false alarms")):
            d = fig[kind]
            share = "n/a" if d["share"] is None else f"{100 * d['share']:.1f}%"
            parts.append(f"{label} {share} ({d['flagged']}/{d['n']})")
        notes = sum(fig[k]["notes"] for k in TYPES)
        rows.append((f"WikiContradict, {half}", "; ".join(parts) + f"; notes shown {notes}"))
    return rows
