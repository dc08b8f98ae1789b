"""Candidate token spans of a parsed sentence for a short answer (scored in qa.reading.spanfeatures):
entities, figures, noun chunks, syntactic phrases and single content words, each with the kinds
that proposed it (``KINDS``)."""
from __future__ import annotations

import re

__all__ = ["MAX_SPAN"]

MAX_SPAN = 12  # tokens
_DETS = frozenset(("the", "a", "an"))
_NUM_RE = re.compile(
    r"(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent)|"
    r"\s(?:million|billion|trillion|thousand|hundred)(?:\s(?:dollars|pounds|euros))?)?")


def _spans(doc) -> dict[tuple[int, int], set[str]]:
    """Candidate token spans (i, j) -> the kinds that proposed them."""
    out: dict[tuple[int, int], set[str]] = {}

    def add(i: int, j: int, kind: str) -> None:
        while i < j and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ in _DETS):
            i += 1
        while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space) and doc[j - 1].text != "%":
            j -= 1
        if 0 < j - i <= MAX_SPAN:
            out.setdefault((i, j), set()).add(kind)

    for e in doc.ents:
        add(e.start, e.end, "ENT")
    for m in _NUM_RE.finditer(doc.text):
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sp is not None:
            add(sp.start, sp.end, "NUM")
            if sp.end < len(doc) and doc[sp.end].pos_ == "NOUN":  # number with its unit
                add(sp.start, sp.end + 1, "NUM")
    for nc in doc.noun_chunks:
        add(nc.start, nc.end, "NP")
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and t.dep_ in (
                "pobj", "dobj", "attr", "appos", "nsubj", "nsubjpass", "conj", "oprd", "dative",
                "npadvmod", "ROOT", "acomp"):
            sub = list(t.subtree)
            add(sub[0].i, sub[-1].i + 1, "SUB")
            add(t.left_edge.i, t.i + 1, "LEFT")
        if t.dep_ == "prep" and any(c.dep_ == "pobj" for c in t.children):
            add(t.left_edge.i, t.right_edge.i + 1, "PP")
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not t.is_stop:
            add(t.i, t.i + 1, "TOK")
    return out
