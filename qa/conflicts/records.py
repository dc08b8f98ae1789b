"""The candidate search's records of every document, stored beside the index as plain arrays.

A record (``qa.conflicts.candidates.DocRecord``) is made from a document's sentence analysis,
which costs about 1.7 ms a document: after a restart, the first added article would otherwise
analyse the whole corpus again (18 s at 10,000 articles) to search one document's sentences. The
file keeps what the analysis gave, by document fingerprint (the analysis reads the bytes alone):
each content sentence's raw offsets, its copy hash, whether it may be a denied claim, the
possible denials and the figures. Sentence vectors are not stored (the index holds them, and the
caller's ``encode`` reuses them by text): the file stays ~40 bytes a sentence and can be rewritten
whole after each change. It is ``conflict_records.npz``, numpy arrays only (read with
``allow_pickle=False``), checked on load; a file of another version or shape is ignored, since it
is only a cache.
"""
from __future__ import annotations

import functools

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from .candidates import DocRecord, figure_key

__all__ = ["RECORDS_FILE", "save_records", "RecordTable", "checked_row", "checked_ident", "checked_key"]

RECORDS_FILE = "conflict_records.npz"


def save_records(directory: str | Path, records: Mapping[str, DocRecord], version: int) -> None:
    """Write the records (by fingerprint) atomically."""
    keys = sorted(records)
    recs = [records[k] for k in keys]
    sizes = np.array([len(r.spans) for r in recs], dtype=np.int64)
    units: dict[str, int] = {}
    fig_sent, fig_unit, fig_value, fig_count = [], [], [], []
    for r in recs:
        n = 0
        for (unit, value), sents in r.figures.items():
            fig_sent.extend(sents.tolist())
            fig_unit.extend([units.setdefault(unit, len(units))] * len(sents))
            fig_value.extend([value] * len(sents))
            n += len(sents)
        fig_count.append(n)
    empty = np.zeros(0, np.int64)
    arrays = {
        "version": np.array([version], np.int64),
        "fingerprints": np.array(keys, dtype=str) if keys else np.zeros(0, "<U64"),
        "offsets": np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        "spans": np.concatenate([r.spans for r in recs]).astype(np.int64) if recs else np.zeros((0, 2), np.int64),
        "same": np.concatenate([r.same for r in recs]).astype(np.int64) if recs else empty,
        "claim": np.concatenate([r.claim for r in recs]).astype(bool) if recs else np.zeros(0, bool),
        "denial_offsets": np.concatenate([[0], np.cumsum([len(r.denial) for r in recs])]).astype(np.int64),
        "denial": np.concatenate([r.denial for r in recs]).astype(np.int64) if recs else empty,
        "figure_offsets": np.concatenate([[0], np.cumsum(fig_count)]).astype(np.int64),
        "figure_sent": np.array(fig_sent, np.int64),
        "figure_unit": np.array(fig_unit, np.int64),
        "figure_value": np.array(fig_value, np.float64),
        "units": np.array(list(units), dtype=str) if units else np.zeros(0, "<U1"),
    }
    path = Path(directory) / RECORDS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{RECORDS_FILE}.tmp.npz")
    np.savez(tmp, **arrays)
    os.replace(tmp, path)


class RecordTable:
    """Stored records, looked up by fingerprint; each is rebuilt with its vectors on demand."""

    def __init__(self, arrays: Mapping[str, np.ndarray]):
        self.a = arrays
        self.position = {f: k for k, f in enumerate(arrays["fingerprints"].tolist())}

    @classmethod
    def load(cls, directory: str | Path, version: int) -> "RecordTable | None":
        """The stored records, or None when there are none, of another version, or inconsistent."""
        try:
            with np.load(Path(directory) / RECORDS_FILE, allow_pickle=False) as z:
                a = {k: z[k] for k in z.files}
        except (OSError, ValueError, KeyError):
            return None
        return cls(a) if _consistent(a, version) else None

    def __len__(self) -> int:
        return len(self.position)

    def get(self, fingerprint: str, raw: str, encode: Callable[[Sequence[str]], np.ndarray],
            float16: bool = False) -> DocRecord | None:
        from ..ingest.text import nfkc

        k = self.position.get(fingerprint)
        if k is None:
            return None
        a = self.a
        lo, hi = int(a["offsets"][k]), int(a["offsets"][k + 1])
        spans = a["spans"][lo:hi]
        if hi > lo and int(spans[:, 1].max()) > len(raw):
            return None  # not this document's text after all: analyse it again
        figures: dict[tuple[str, float], list[int]] = {}
        f0, f1 = int(a["figure_offsets"][k]), int(a["figure_offsets"][k + 1])
        for s, u, v in zip(a["figure_sent"][f0:f1].tolist(), a["figure_unit"][f0:f1].tolist(),
                           a["figure_value"][f0:f1].tolist()):
            figures.setdefault(figure_key(str(a["units"][u]), v), []).append(s)
        vecs = np.zeros((0, 0), np.float32)
        if hi > lo:
            vecs = np.asarray(encode([nfkc(raw[s:e]) for s, e in spans.tolist()]), dtype=np.float32)
        d0, d1 = int(a["denial_offsets"][k]), int(a["denial_offsets"][k + 1])
        return DocRecord(vecs.astype(np.float16) if float16 else vecs,
                         {key: np.array(v, np.int32) for key, v in figures.items()},
                         a["denial"][d0:d1].astype(np.int32), a["claim"][lo:hi].copy(),
                         a["same"][lo:hi].copy(), spans.copy())


    def get_many(self, docs: Sequence[tuple[str, str]], encode: Callable[[Sequence[str]], np.ndarray],
                 float16: bool = False) -> list[DocRecord | None] | None:
        """``get`` of many documents ((fingerprint, raw text) each), their sentences looked up in
        one call of ``encode.held`` (``qa.indexing.reuse.reusing_encoder``): after a restart the
        first add needs every document's record, 5 s one at a time at 10,000 articles. None when
        ``encode`` cannot look them all up (the caller then asks ``get`` one document at a time,
        so that texts to embed are embedded as they always were)."""
        from ..ingest.text import nfkc

        held = getattr(encode, "held", None)
        if held is None:
            return None
        a = self.a
        offsets, spans, units = a["offsets"].tolist(), a["spans"].tolist(), a["units"].tolist()
        fo, fs, fu, fv = (a[k].tolist() for k in ("figure_offsets", "figure_sent", "figure_unit", "figure_value"))
        texts: list[str] = []
        found: list[tuple[int, int] | None] = []
        for fingerprint, raw in docs:
            k = self.position.get(fingerprint)
            if k is None or (offsets[k + 1] > offsets[k] and max(e for _, e in spans[offsets[k]:offsets[k + 1]]) > len(raw)):
                found.append(None)  # not stored, or not this text after all: analyse it again
                continue
            found.append((k, len(texts)))
            texts.extend(nfkc(raw[s:e]) for s, e in spans[offsets[k]:offsets[k + 1]])
        vecs = held(texts)
        if vecs is None:
            return None
        vecs = np.asarray(vecs, np.float32)
        out: list[DocRecord | None] = []
        for got in found:
            if got is None:
                out.append(None)
                continue
            k, at = got
            lo, hi = offsets[k], offsets[k + 1]
            figures: dict[tuple[str, float], list[int]] = {}
            for i in range(fo[k], fo[k + 1]):
                figures.setdefault(figure_key(str(units[fu[i]]), fv[i]), []).append(fs[i])
            v = vecs[at:at + hi - lo] if hi > lo else np.zeros((0, 0), np.float32)
            d0, d1 = int(a["denial_offsets"][k]), int(a["denial_offsets"][k + 1])
            out.append(DocRecord(v.astype(np.float16) if float16 else v,
                                 {key: np.array(x, np.int32) for key, x in figures.items()},
                                 a["denial"][d0:d1].astype(np.int32), a["claim"][lo:hi].copy(),
                                 a["same"][lo:hi].copy(), a["spans"][lo:hi].copy()))
        return out


def _consistent(a: Mapping[str, np.ndarray], version: int) -> bool:
    """Every array present with its dtype, offsets that cover their tables, indices in range."""
    need = {"version": "i", "fingerprints": "U", "offsets": "i", "spans": "i", "same": "i", "claim": "b",
            "denial_offsets": "i", "denial": "i", "figure_offsets": "i", "figure_sent": "i",
            "figure_unit": "i", "figure_value": "f", "units": "U"}
    if any(k not in a or a[k].dtype.kind != kind for k, kind in need.items()):
        return False
    if a["version"].tolist() != [version]:
        return False
    n, s = len(a["fingerprints"]), len(a["spans"])
    for off, table in (("offsets", s), ("denial_offsets", len(a["denial"])), ("figure_offsets", len(a["figure_sent"]))):
        o = a[off]
        if o.shape != (n + 1,) or o[0] != 0 or o[-1] != table or (np.diff(o) < 0).any():
            return False
    if a["spans"].shape != (s, 2) or a["same"].shape != (s,) or a["claim"].shape != (s,):
        return False
    if len(a["figure_unit"]) != len(a["figure_sent"]) or len(a["figure_value"]) != len(a["figure_sent"]):
        return False
    sizes = np.diff(a["offsets"])
    for rows, off in ((a["denial"], a["denial_offsets"]), (a["figure_sent"], a["figure_offsets"])):
        limit = np.repeat(sizes, np.diff(off))  # the size of the document each row belongs to
        if len(rows) and ((rows < 0).any() or (rows >= limit).any()):
            return False
    if len(a["figure_unit"]) and (a["figure_unit"].min() < 0 or a["figure_unit"].max() >= len(a["units"])):
        return False
    return len(set(a["fingerprints"].tolist())) == n


# -- checks of conflict_pairs.json (plain JSON anyone can edit) --------------------------------
def checked_row(row, types: Sequence[str]) -> list:
    """``row`` when it is a list of values of ``types`` ("str", "int", "float"), else ValueError."""
    if not isinstance(row, list) or len(row) != len(types):
        raise ValueError("finding of another shape")
    # By exact type (a bool is no int here): ~0.6 s for the ~200,000 findings of 10,000 articles,
    # where a dict of isinstance() tests per field took 5 s of the first add after a start.
    for value, kind in zip(row, types):
        if type(value) not in _ALLOWED[kind] and not _subclass_ok(value, kind):
            raise ValueError(f"finding field is not {kind}")
    return row


def _subclass_ok(value, kind: str) -> bool:
    """The slow test, for values JSON never makes (subclasses of str, int or float)."""
    if kind == "str":
        return isinstance(value, str)
    allowed = int if kind == "int" else (int, float)
    return isinstance(value, allowed) and not isinstance(value, bool)


_ALLOWED = {"str": frozenset({str}), "int": frozenset({int}), "float": frozenset({int, float})}


def checked_ident(x) -> str:
    if not isinstance(x, str) or x.count("\t") != 1:
        raise ValueError("document entry is not 'doc_id<TAB>fingerprint'")
    return x


def checked_key(k) -> str:
    if not isinstance(k, str) or k.count("\t") != 3:
        raise ValueError("pair key is not two 'doc_id<TAB>fingerprint'")
    return k


def halves(key: str) -> set[str]:
    """The two "doc_id\tfingerprint" halves of a pair key."""
    parts = key.split("\t")
    return {"\t".join(parts[:2]), "\t".join(parts[2:4])}


def checked_finding(row):
    """A stored finding, its fields checked: the file is plain JSON anyone can edit, and a finding
    of the wrong shape must not reach the conflict merge (its offsets cite the article)."""
    from .pair_rules import PairFinding

    return PairFinding(*checked_row(row, _finding_types()))


@functools.cache
def _finding_types() -> tuple:
    from .pair_rules import PairFinding

    return tuple(f.type for f in PairFinding.__dataclass_fields__.values())
