"""Conflicts between sources: statements from different documents that cannot both be true, or that
give the same claim a different certainty.

The heavy work happens once, when the index is built (``find_conflicts``); a question only filters
the stored list by the passages retrieved for it (``select_for_question``), which is a dictionary
look-up over a few dozen spans.

How a conflict is found (after de Marneffe et al. 2008, "Finding Contradictions in Text": first
decide that two sentences are about the same thing, then look for a mismatch between them):

1. Every content sentence is analysed (``qa.claims``): tokens, figures with unit/scale/currency and
   the qualifier that bounds them ("more than", "up to", "about", ranges), time frames, certainty
   (asserted / tentative / unconfirmed / denied) and negation.
2. Candidate pairs from different documents: similar sentences (embedding cosine, or lexical
   cosine without an encoder) plus sentences that state the same figure in the same unit.
3. Rules on each pair:
   * aligned near-copies (token alignment ratio high): a swapped figure is ``numeric``, a swapped
     date ``date``, a swapped name ``entity`` (not when the two names are spellings of one another),
     an added negation ``negation``;
   * the same kind of figure in similar sentences about the same named subjects, for the same time
     frame, whose allowed intervals do not meet: ``numeric``; the same figure with a different
     certainty ("expected to approach" vs "has reached"): ``certainty``;
   * similar sentences about the same named subjects whose certainty differs (asserted vs tentative,
     or a claim vs a denial of it): ``certainty``.
   Different currencies are never compared (no offline exchange rate is trustworthy), and figures
   whose sentences name disjoint subjects (Meta's campus vs Anthropic's capacity) are not either.
4. Pairwise findings about the same claim are merged, so that "is evaluating" / "is using" /
   "are not well supported" is one conflict with three statements.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .claims import (
    ASSERTED,
    DENIED,
    NEGATIONS,
    STOPWORDS,
    TENTATIVE,
    UNCONFIRMED,
    UNIT_WORDS,
    Quantity,
    Token,
    certainty,
    is_date_token,
    nfkc,
    quantities,
    stem,
    time_frames,
    tokenize,
)
from .corpus import Document
from .results import Citation, Conflict
from .text import sentence_spans

__all__ = [
    "KINDS",
    "Thresholds",
    "find_conflicts",
    "conflicts_to_json",
    "conflicts_from_json",
    "select_for_question",
]

_CURRENCIES = frozenset({"KRW", "USD", "CNY", "EUR", "GBP", "JPY"})
_AMOUNTS = _CURRENCIES | {"%", "W"}
KINDS = ("numeric", "certainty", "negation", "entity", "date")
Encoder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Thresholds:
    """Rule settings; the benchmark switches rules off one at a time through ``enabled``."""

    candidate_embedding: float = 0.5  # cosine for a pair to be looked at at all
    aligned: float = 0.75  # token alignment ratio of a near-copy
    negation_aligned: float = 0.6
    numeric_similar: float = 0.7  # similarity for two different figures to be the same quantity
    figure_similar: float = 0.45  # similarity for one figure stated with different certainty
    certainty_similar: float = 0.75  # similarity for a certainty clash without a shared figure
    certainty_overlap: float = 0.45  # share of the shorter sentence's words the other repeats
    denial_similar: float = 0.35  # a denial restates a claim loosely, so it may be less similar
    enabled: frozenset[str] = frozenset(KINDS)
    aligned_rules: bool = True  # near-copy rules (swapped figure, date, name, added negation)
    loose_rules: bool = True  # similarity-based rules (figures and certainty in paraphrases)

    @classmethod
    def lexical(cls) -> "Thresholds":
        """Without an encoder similarities are tf-idf cosines, which run much lower than embedding
        cosines for the same pair (names shared by every article weigh little)."""
        return cls(candidate_embedding=0.15, numeric_similar=0.35, figure_similar=0.2,
                   certainty_similar=0.3, denial_similar=0.08)


@dataclass(frozen=True)
class _Sentence:
    doc: int
    start: int
    end: int
    raw: str
    norm: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    content: frozenset[str]
    names: frozenset[str]
    quantities: tuple[Quantity, ...]
    certainty: int
    times: frozenset[str]
    boilerplate: bool  # "Retrieved 3 May 2020", "Archived from the original on ..."


_BOILERPLATE = re.compile(r"\b(?:retrieved|archived|accessed)\b(?: \w+){0,4} (?:\d{1,2} )?"
                          r"(?:january|february|march|april|may|june|july|august|september|october|"
                          r"november|december|\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class _Finding:
    kind: str
    a: int  # sentence indices, a < b
    b: int
    claim_a: int  # token index of the figure the finding is about, -1 for the whole sentence
    claim_b: int
    confidence: float
    phrase_a: str  # what each side says, for the summary
    phrase_b: str


# --------------------------------------------------------------------------- sentence analysis


def _sentences(docs: Sequence[Document]) -> list[_Sentence]:
    spans: list[tuple[int, int, int, str, list[Token]]] = []
    lower_vocab: set[str] = set()
    for di, doc in enumerate(docs):
        for a, b in doc.content:
            for s, e in sentence_spans(doc.raw, a, b):
                norm = nfkc(doc.raw[s:e])
                toks = tokenize(norm)
                if sum(1 for t in toks if t.key.isalpha()) < 4:
                    continue  # headings, bylines, bullets: too short to state a claim
                lower_vocab.update(t.key for t in toks if t.text.islower())
                spans.append((di, s, e, norm, toks))
    out = []
    for di, s, e, norm, toks in spans:
        keys = tuple(t.key for t in toks)
        # A name is a capitalised word the corpus never writes in lower case ("Anthropic", not "The").
        names = frozenset(
            t.key for t in toks
            if t.text[:1].isupper() and t.key not in lower_vocab and t.key not in STOPWORDS
            and not is_date_token(t) and t.key not in UNIT_WORDS
        )
        content = frozenset(stem(k) for k in keys if k.isalpha() and k not in STOPWORDS)
        out.append(_Sentence(di, s, e, docs[di].raw[s:e], norm, tuple(toks), keys, content, names,
                             tuple(quantities(toks, norm)), certainty(list(keys)), time_frames(toks),
                             bool(_BOILERPLATE.search(norm))))
    return out


def _similarity(sents: list[_Sentence], encode: Encoder | None) -> np.ndarray:
    if encode is not None:
        vecs = np.asarray(encode([s.norm for s in sents]), dtype=np.float32)
        return vecs @ vecs.T
    vocab: dict[str, int] = {}
    rows = []
    for s in sents:
        rows.append([vocab.setdefault(w, len(vocab)) for w in s.content])
    df = np.zeros(len(vocab), dtype=np.float32)
    for r in rows:
        df[r] += 1
    idf = np.log((1 + len(sents)) / (1 + df)) + 1
    mat = np.zeros((len(sents), len(vocab)), dtype=np.float32)
    for i, r in enumerate(rows):
        mat[i, r] = idf[r]
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    mat /= np.where(norms == 0, 1, norms)
    return mat @ mat.T


# --------------------------------------------------------------------------- rules


def _window(s: _Sentence, first: int, last: int, before: int = 7, after: int = 2) -> str:
    a = max(0, first - before)
    b = min(len(s.tokens), last + after)
    return s.norm[s.tokens[a].start : s.tokens[b - 1].end] if b > a else ""


def _quantity_phrase(s: _Sentence, q: Quantity) -> str:
    a = q.first
    # Back up to the start of the clause, at most eight tokens, so the phrase says what is counted.
    while a > 0 and q.first - a < 8 and s.keys[a - 1] not in ("and", "but", "which", "while", "with"):
        a -= 1
    return s.norm[s.tokens[a].start : s.tokens[q.last - 1].end]


def _same_spelling(a: str, b: str) -> bool:
    """"MITA" and "MTIA", "Samsung" and "Samsung Foundry": one name, not two."""
    a, b = a.lower(), b.lower()
    if a in b or b in a or sorted(a) == sorted(b):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _name_like(toks: Sequence[Token]) -> bool:
    words = [t for t in toks if t.key not in ("of", "de", "the", "and", "von", "van", "la", "le", "&")]
    return bool(words) and all(t.text[:1].isupper() and not t.key.isdigit() for t in words)


def _is_date_segment(toks: Sequence[Token]) -> bool:
    return any(is_date_token(t) for t in toks) and all(
        is_date_token(t) or (t.key.isdigit() and len(t.key) <= 2) or t.key in ("of", "th", "st", "nd", "rd")
        for t in toks
    )


def _compatible(qa: Quantity, qb: Quantity) -> bool:
    slack = 1e-9 * max(abs(qa.value), abs(qb.value), 1.0)
    return qa.low <= qb.high + slack and qb.low <= qa.high + slack


def _close(qa: Quantity, qb: Quantity) -> bool:
    return abs(qa.value - qb.value) <= 0.1 * max(abs(qa.value), abs(qb.value))


def _certainty_clash(x: int, y: int) -> bool:
    """Asserted vs anything weaker, and tentative vs denied; tentative vs unconfirmed agree."""
    lo, hi = sorted((x, y))
    return lo != hi and (hi == ASSERTED or (hi == TENTATIVE and lo == DENIED))


def _subjects_agree(a: _Sentence, b: _Sentence) -> bool:
    return not a.names or not b.names or bool(a.names & b.names)


def _aligned_rules(a: _Sentence, b: _Sentence, ia: int, ib: int, th: Thresholds,
                   ) -> list[_Finding] | None:
    """Findings on a near-copy; None when the copy is about another subject or period, so that no
    looser rule should compare the two sentences either."""
    sm = difflib.SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    ratio = sm.ratio()
    if ratio < min(th.aligned, th.negation_aligned):
        return []
    ops = sm.get_opcodes()
    if _subject_differs(a, b, ops):
        return None  # "The 487th Fighter Squadron is ..." vs "The 487th Bombardment Squadron is ..."
    out: list[_Finding] = []
    for op, a0, a1, b0, b1 in ops:
        if op == "equal":
            continue
        ta, tb = a.tokens[a0:a1], b.tokens[b0:b1]
        neg_a = any(t.key in NEGATIONS for t in ta)
        neg_b = any(t.key in NEGATIONS for t in tb)
        if neg_a != neg_b and ratio >= th.negation_aligned:
            if certainty([t.key for t in ta + tb]) not in (UNCONFIRMED, DENIED):
                out.append(_Finding("negation", ia, ib, -1, -1, ratio,
                                    _window(a, a0, max(a1, a0 + 1), 5, 4),
                                    _window(b, b0, max(b1, b0 + 1), 5, 4)))
            continue
        if op != "replace" or ratio < th.aligned:
            continue
        if _is_date_segment(ta) and _is_date_segment(tb):
            out.append(_Finding("date", ia, ib, -1, -1, ratio,
                                _window(a, a0, a1, 6, 0), _window(b, b0, b1, 6, 0)))
            continue
        qa = [q for q in a.quantities if q.first < a1 and q.last > a0]
        qb = [q for q in b.quantities if q.first < b1 and q.last > b0]
        if qa and qb:
            x, y = qa[0], qb[0]
            if x.unit == y.unit and not _compatible(x, y):
                out.append(_Finding("numeric", ia, ib, x.first, y.first, ratio,
                                    _quantity_phrase(a, x), _quantity_phrase(b, y)))
            continue
        text_a = a.norm[ta[0].start : ta[-1].end]
        text_b = b.norm[tb[0].start : tb[-1].end]
        if _name_like(ta) and _name_like(tb) and not _same_spelling(text_a, text_b):
            out.append(_Finding("entity", ia, ib, -1, -1, ratio,
                                _window(a, a0, a1, 6, 0), _window(b, b0, b1, 6, 0)))
    if len({f.kind for f in out}) > 1:
        # A contradicting copy swaps one slot. Two kinds of swap (a name and a figure, a year and a
        # figure) mean another subject or another period: "Meta ... 5 GW" / "Anthropic ... 1 GW",
        # "220 in the 2010 census" / "250 in the 2020 census".
        return None
    return [f for f in out if f.kind in th.enabled]


_VERBS = frozenset("is was are were has had have became becomes will did does served".split())


def _subject_end(s: _Sentence) -> int:
    """Index of the first auxiliary or copula: the words before it name what the sentence is about."""
    return next((k for k, key in enumerate(s.keys) if key in _VERBS), 0)


def _subject_differs(a: _Sentence, b: _Sentence, ops: list) -> bool:
    """Whether the names before the verb differ, i.e. the sentences are about two things ("The
    487th Fighter Squadron is ..." / "The 487th Bombardment Squadron is ..."). A name only one side
    repeats (a title glued before the sentence) does not count."""
    ea, eb = _subject_end(a), _subject_end(b)
    keys_a, keys_b = set(a.keys), set(b.keys)
    for op, a0, a1, b0, b1 in ops:
        if op == "equal" or a0 >= ea or b0 >= eb:
            continue
        ta, tb = a.tokens[a0 : min(a1, ea)], b.tokens[b0 : min(b1, eb)]
        if _is_date_segment(ta) or _is_date_segment(tb):
            continue
        if op == "replace" and _name_like(ta) and _name_like(tb):
            return True
        extra = [t for t in ta if t.key not in keys_b] + [t for t in tb if t.key not in keys_a]
        if any(t.text[:1].isupper() and t.key not in STOPWORDS for t in extra):
            return True
    return False


def _loose_rules(a: _Sentence, b: _Sentence, ia: int, ib: int, sim: float, th: Thresholds,
                 ) -> list[_Finding]:
    if not _subjects_agree(a, b) or min(len(a.content), len(b.content)) < 5:
        return []  # fragments ("United States Congress [edit]") say too little to contradict
    out: list[_Finding] = []
    same_frame = not (a.times and b.times and a.times != b.times)
    for x in a.quantities:
        for y in b.quantities:
            if x.unit != y.unit or (not x.unit and (not x.noun or x.noun != y.noun)):
                continue
            shared = len(_context(a, x) & _context(b, y))
            # One shared word suffices beside a sum of money (the figure is specific enough);
            # other figures ("2 nm", "5 GW") recur across subjects and need more context.
            if shared < (1 if x.unit in _CURRENCIES else 2):
                continue
            if _close(x, y) and _compatible(x, y):
                # Only amounts carry a claim of their own; "2 nm" names a process, whose use is a
                # sentence-level claim handled below.
                if (x.unit in _AMOUNTS or (not x.unit and x.noun)) and (_certainty_clash(x.certainty, y.certainty) and sim >= th.figure_similar
                        and "certainty" in th.enabled):
                    out.append(_Finding("certainty", ia, ib, x.first, y.first, sim,
                                        _quantity_phrase(a, x), _quantity_phrase(b, y)))
            elif (not _compatible(x, y) and same_frame and shared >= (2 if x.unit else 3)
                  and sim >= th.numeric_similar and "numeric" in th.enabled):
                out.append(_Finding("numeric", ia, ib, x.first, y.first, sim,
                                    _quantity_phrase(a, x), _quantity_phrase(b, y)))
    if out or "certainty" not in th.enabled or not _certainty_clash(a.certainty, b.certainty):
        return out
    shared_names = a.names & b.names
    weak, strong = (a, b) if a.certainty < b.certainty else (b, a)
    # The words that make one side weaker must be its own, not shared with the stronger side.
    if not _cue_keys(weak) - set(strong.keys):
        return out
    containment = len(a.content & b.content) / max(1, min(len(a.content), len(b.content)))
    if (sim >= th.certainty_similar and containment >= th.certainty_overlap and shared_names):
        out.append(_Finding("certainty", ia, ib, -1, -1, sim, _cue_phrase(a, shared_names),
                            _cue_phrase(b, shared_names)))
    return out


def _denial_rules(sents: list[_Sentence], sim: np.ndarray, th: Thresholds) -> list[_Finding]:
    """A denial ("claims that X contacted Y are not well supported") restates the claim loosely,
    so it is paired with the single closest claim about the same two names in each other document."""
    out: list[_Finding] = []
    for i, s in enumerate(sents):
        if s.certainty != DENIED or len(s.names) < 2:
            continue
        best: dict[int, tuple[float, int]] = {}
        for j, t in enumerate(sents):
            if t.doc == s.doc or t.certainty < TENTATIVE or len(s.names & t.names) < 2:
                continue
            if sim[i, j] >= th.denial_similar and sim[i, j] > best.get(t.doc, (-1.0, -1))[0]:
                best[t.doc] = (float(sim[i, j]), j)
        for score, j in best.values():
            a, b = min(i, j), max(i, j)
            names = sents[a].names & sents[b].names
            out.append(_Finding("certainty", a, b, -1, -1, score, _cue_phrase(sents[a], names),
                                _cue_phrase(sents[b], names)))
    return out


def _cue_keys(s: _Sentence) -> set[str]:
    return {k for k in s.keys if certainty([k]) != ASSERTED} | (
        {"talks", "discussions"} & set(s.keys)) | ({"not"} if s.certainty < TENTATIVE else set())


def _context(s: _Sentence, q: Quantity, span: int = 8) -> frozenset[str]:
    keys = s.keys[max(0, q.first - span) : q.first] + s.keys[q.last : q.last + 3]
    return frozenset(stem(k) for k in keys if k.isalpha() and k not in STOPWORDS and len(k) > 2)


def _cue_phrase(s: _Sentence, names: frozenset[str] = frozenset()) -> str:
    """The words around what makes the sentence tentative or a denial; if it is asserted, the
    words from the first name both sentences mention (the subject of the claim)."""
    level = s.certainty
    if level != ASSERTED:
        for i in range(len(s.tokens)):
            for j in range(i + 1, min(len(s.tokens), i + 5) + 1):
                if certainty(list(s.keys[i:j])) == level:
                    return _window(s, i, j, 7, 8)
    first = next((k for k, key in enumerate(s.keys) if key in names), 0)
    return _window(s, first, min(len(s.tokens), first + 12), 0, 0)


# --------------------------------------------------------------------------- grouping


def _short_id(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def _clip(text: str, words: int = 16) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _group(findings: list[_Finding]) -> list[list[_Finding]]:
    """Merge findings of one kind that share a claim (a sentence, or a figure in it)."""
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in findings:
        ra, rb = root((f.kind, f.a, f.claim_a)), root((f.kind, f.b, f.claim_b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple, list[_Finding]] = {}
    for f in findings:
        groups.setdefault(root((f.kind, f.a, f.claim_a)), []).append(f)
    return list(groups.values())


def _to_conflict(group: list[_Finding], sents: list[_Sentence], docs: Sequence[Document]) -> Conflict:
    score: dict[int, float] = {}
    phrase: dict[int, str] = {}
    for f in sorted(group, key=lambda f: -f.confidence):
        for i, p in ((f.a, f.phrase_a), (f.b, f.phrase_b)):
            score[i] = max(score.get(i, 0.0), f.confidence)
            phrase.setdefault(i, p)
    order = sorted(score, key=lambda i: (sents[i].doc, sents[i].start))
    kind = group[0].kind
    parts = []
    for i in order:
        s = sents[i]
        verb = "says"
        if kind == "certainty":
            verb = {ASSERTED: "states", TENTATIVE: "says tentatively", UNCONFIRMED: "calls unconfirmed",
                    DENIED: "disputes"}[_phrase_certainty(phrase[i], s)]
        parts.append(f"{_short_id(docs[s.doc].doc_id)} {verb} “{_clip(phrase[i])}”")
    statements = tuple(
        Citation(
            doc_id=docs[sents[i].doc].doc_id,
            title=docs[sents[i].doc].title,
            date=docs[sents[i].doc].date,
            start=sents[i].start,
            end=sents[i].end,
            text=sents[i].raw,
            score=round(float(score[i]), 4),
            outlet=docs[sents[i].doc].outlet,
        )
        for i in order
    )
    return Conflict(kind, f"{kind.capitalize()} conflict: " + "; ".join(parts), statements)


def _phrase_certainty(phrase: str, s: _Sentence) -> int:
    level = certainty([t.key for t in tokenize(phrase)])
    return level if level != ASSERTED else (ASSERTED if s.certainty == ASSERTED else level)


# --------------------------------------------------------------------------- public API


def find_conflicts(docs: Sequence[Document], encode: Encoder | None = None,
                   thresholds: Thresholds | None = None) -> list[Conflict]:
    """All conflicts between the documents, computed once at index-build time.

    ``encode`` maps texts to L2-normalised vectors (None: lexical similarity only). Only sentences
    inside ``doc.content`` are read; every conflict has statements from at least two documents.
    Each statement's ``Citation.score`` is the confidence, in [0, 1], that it takes part in the
    conflict: the best score of the pairwise findings it is in, where a finding scores the
    similarity of its two sentences (token alignment ratio for near-copies, embedding or lexical
    cosine otherwise). Order: by the position (document, offset) of the first statement.
    """
    th = thresholds or (Thresholds() if encode is not None else Thresholds.lexical())
    sents = _sentences(docs)
    if len({s.doc for s in sents}) < 2:
        return []
    sim = _similarity(sents, encode)
    cand = th.candidate_embedding
    doc_of = np.array([s.doc for s in sents])
    pairs = set(zip(*np.nonzero((sim >= cand) & (doc_of[:, None] != doc_of[None, :]))))
    # A figure stated in the same unit anchors a pair even when the sentences differ elsewhere.
    by_figure: dict[tuple[str, float], list[int]] = {}
    for i, s in enumerate(sents):
        for q in s.quantities:
            if q.unit:
                by_figure.setdefault((q.unit, float(f"{q.value:.3g}")), []).append(i)
    for members in by_figure.values():
        for x in members:
            for y in members:
                if doc_of[x] != doc_of[y]:
                    pairs.add((x, y))
    findings: list[_Finding] = []
    if th.loose_rules and "certainty" in th.enabled:
        findings.extend(_denial_rules(sents, sim, th))
    for i, j in sorted(p for p in pairs if p[0] < p[1]):
        a, b = sents[i], sents[j]
        if a.keys == b.keys or a.boilerplate or b.boilerplate:
            continue  # a verbatim copy cannot disagree with itself; a citation line claims nothing
        s = float(sim[i, j])
        found = _aligned_rules(a, b, i, j, th)
        if found is None:
            continue
        if not th.aligned_rules:
            found = []
        if th.loose_rules and not found:
            found = _loose_rules(a, b, i, j, max(s, 0.0), th)
        seen = set()
        for f in found:
            if (f.kind, f.claim_a, f.claim_b) not in seen:
                seen.add((f.kind, f.claim_a, f.claim_b))
                findings.append(f)
    conflicts = [_to_conflict(g, sents, docs) for g in _group(findings)]
    position = {d.doc_id: k for k, d in enumerate(docs)}
    conflicts.sort(key=lambda c: (position[c.statements[0].doc_id], c.statements[0].start,
                                  KINDS.index(c.kind), c.summary))
    return conflicts


def conflicts_to_json(conflicts: Sequence[Conflict]) -> list[dict]:
    """Plain dicts for ``conflicts.json`` in the index directory."""
    return [c.to_dict() for c in conflicts]


def conflicts_from_json(data: Sequence[dict]) -> list[Conflict]:
    return [
        Conflict(d["kind"], d["summary"], tuple(Citation(**s) for s in d["statements"]))
        for d in data
    ]


def select_for_question(conflicts: Sequence[Conflict], passages: Sequence[tuple[str, int, int]],
                        ) -> list[Conflict]:
    """The conflicts with statements from two different documents inside the retrieved passages.

    ``passages`` are raw (doc_id, start, end) spans of everything retrieved about the question,
    best first; a conflict ranks by the best passage that holds one of its statements.
    """
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for rank, (doc_id, start, end) in enumerate(passages):
        spans.setdefault(doc_id, []).append((start, end, rank))
    ranked = []
    for k, c in enumerate(conflicts):
        docs_hit: dict[str, int] = {}
        for s in c.statements:
            for start, end, rank in spans.get(s.doc_id, ()):
                if start < s.end and s.start < end:
                    docs_hit[s.doc_id] = min(docs_hit.get(s.doc_id, math.inf), rank)
        if len(docs_hit) >= 2:
            ranks = sorted(docs_hit.values())
            ranked.append((ranks[0], ranks[1], k, c))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]
