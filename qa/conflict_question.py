"""Question-aware conflicts: do the retrieved documents give the question different answers?

The corpus-wide rules (``qa.conflicts``) only compare sentences that line up with one another. A
document that states its answer elsewhere (an infobox, a list, a differently worded sentence) is
missed, and two near-copies about different entities that share a name (two Kaliganj upazilas) look
like a contradiction. Knowing the question fixes both:

1. Build time (``DocFacts.of``, once per document): every content sentence analysed
   (``qa.conflict_sentences``), its candidate answers per kind (dates, figures, names), the
   document's names and hashed word 4-grams, and the names qualifying its subject.
2. Question time (``QuestionConflicts.find``): the expected answer type (``qa.answertype``); in
   each retrieved document the sentences most related to the question (cosine with the question
   vector, plus the share of the question's words they repeat), and in them the candidate answers of
   that type, closest to the question's words first. Two documents disagree when each one's answer
   is absent from the other document (a figure, date or name the other never states).
3. Same entity or not: two documents are about the same entity when they share enough text (word
   4-grams) or names, and the names that qualify the question's subject where it is first mentioned
   ("Kaliganj Upazila, Jhenaidah" vs "Kaliganj Upazila, Lalmonirhat", "No. 100 Squadron RAAF" vs
   "RAF") do not differ. A disagreement between the same entity is a ``Conflict`` of kind ``answer``;
   between different entities sharing a name it is a ``Conflict`` of kind ``ambiguity`` (the UI
   should say "these sources describe different X", not "these sources disagree").
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .answertype import question_focus
from .claims import STOPWORDS, Quantity, Token, is_year, nfkc, stem, tokenize
from .conflict_rules import _same_spelling
from .conflict_sentences import Encoder, _Sentence, _sentences
from .corpus import Document
from .results import Citation, Conflict

__all__ = ["DocFacts", "QuestionConflicts", "QuestionSettings", "find_conflicts_for_question",
           "ANSWER", "AMBIGUITY"]

ANSWER, AMBIGUITY = "answer", "ambiguity"
_DATE_TYPES = frozenset({"DATE", "TIME"})
_NUMBER_TYPES = frozenset({"NUM", "QUANTITY", "MONEY", "PERCENT", "DURATION"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "PLACE", "OTHER"})
_CONNECT = frozenset("of de the and von van la le du des del di da al bin y".split())
_MONTHS = frozenset("january february march april may-month june july august september october "
                    "november december".split())
_Q_STOP = STOPWORDS | frozenset("what which who whom whose when where why how name named called "
                                "many much did does do is was were".split())


@dataclass(frozen=True)
class Value:
    """A candidate answer in a sentence: a year, a figure or a name."""

    kind: str  # "date" | "number" | "name"
    key: str  # what two values are compared on: "1856", "USD:5e+07", "raj kapoor"
    text: str  # as written
    first: int  # token span in the sentence
    last: int
    low: float = 0.0
    high: float = 0.0


@dataclass
class DocFacts:
    """Everything the question path needs about one document, computed once (build time)."""

    doc: Document
    sents: list[_Sentence]
    values: list[tuple[Value, ...]]
    keys: frozenset[str]  # every token key of the content sentences
    names: frozenset[str]
    years: frozenset[str]
    numbers: tuple[tuple[float, float, str], ...]  # (low, high, unit) of every figure
    grams: frozenset[int]  # hashed word 4-grams
    lead: tuple[Token, ...]  # tokens of the title and first sentence: where the subject is named
    lead_text: str
    vectors: np.ndarray | None = None  # one L2-normalised row per sentence

    @classmethod
    def of(cls, doc: Document, encode: Encoder | None = None) -> "DocFacts":
        sents = _sentences([doc])
        values = [tuple(_values(s)) for s in sents]
        keys = frozenset(k for s in sents for k in s.keys)
        names = frozenset(n for s in sents for n in s.names)
        years = frozenset(t.key for s in sents for t in s.tokens if is_year(t))
        numbers = tuple((q.low, q.high, q.unit) for s in sents for q in s.quantities)
        grams = frozenset(zlib.crc32(" ".join(s.keys[i:i + 4]).encode())
                          for s in sents for i in range(max(0, len(s.keys) - 3)))
        lead_text = (nfkc(doc.title) + " . " + (sents[0].norm if sents else ""))[:400]
        vecs = None
        if encode is not None and sents:
            vecs = np.asarray(encode([s.norm for s in sents]), dtype=np.float32)
        return cls(doc, sents, values, keys, names, years, numbers, grams,
                   tuple(tokenize(lead_text)), lead_text, vecs)


@dataclass(frozen=True)
class QuestionSettings:
    """Settings of the question path (tuned on the even RAMDocs questions)."""

    relevant: float = 0.45  # cosine (or lexical share) for a sentence to answer the question
    top_sentences: int = 2  # answer-bearing sentences read per document
    same_grams: float = 0.2  # share of 4-grams two copies of one article share
    same_names: float = 0.5  # share of names two articles on one entity share
    same_sentence: float = 1.01  # share of content words two wordings of one statement share
    qualifier: bool = True  # a differing qualifier of the subject means another entity
    # ... even when only one document's qualifier is missing from the other: "names" (names and
    # parentheses), "paren" (parentheses only) or "" (never)
    one_sided: str = "names"
    lexical_weight: float = 0.5
    near: int = 1000  # most tokens between a candidate answer and a word of the question
    types: frozenset[str] = frozenset({"date", "number", "name", "OTHER"})  # answer kinds read
    stored_relevant: float = 0.0  # a stored conflict is shown when a statement is this relevant
    stored_overlap: bool = True  # stored (corpus-wide) conflicts also need shared text to stay
    stored_names: float = 0.3  # ... or this share of names (their sentences already line up)
    answer_overlap: bool = True  # answer conflicts need shared text (else: ambiguity)
    enabled: frozenset[str] = field(default_factory=lambda: frozenset({ANSWER, AMBIGUITY}))


# --------------------------------------------------------------------------- candidate answers


def _values(s: _Sentence) -> list[Value]:
    out: list[Value] = []
    toks = s.tokens
    for t_i, t in enumerate(toks):
        if is_year(t):
            out.append(Value("date", t.key, t.text, t_i, t_i + 1))
    for q in s.quantities:
        if q.unit == "year" or not q.value:
            continue
        out.append(Value("number", f"{q.unit}:{q.value:.4g}", s.norm[toks[q.first].start:toks[q.last - 1].end],
                         q.first, q.last, q.low, q.high))
    i = 0
    while i < len(toks):
        if not _cap(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
                _cap(toks[j]) or (toks[j].key in _CONNECT and j + 1 < len(toks) and _cap(toks[j + 1]))):
            j += 1
        # A name holds a word the document never writes in lower case ("Films" at the start of a
        # list is not a name) and is more than one sentence-initial word.
        if _is_name(s, i, j):
            out.append(_name(s, i, j))
        i = j
    return out


def _is_name(s: _Sentence, i: int, j: int) -> bool:
    # A name holds a word the document never writes in lower case ("Films" at the start of a list
    # is not a name) and is more than one sentence-initial word.
    return (any(t.key in s.names for t in s.tokens[i:j] if t.key not in STOPWORDS)
            and not (i == 0 and j == 1))


def _name(s: _Sentence, i: int, j: int) -> Value:
    toks = s.tokens
    return Value("name", " ".join(t.key for t in toks[i:j]), s.norm[toks[i].start:toks[j - 1].end], i, j)


def _name_parts(s: _Sentence, v: Value, qkeys: frozenset[str]) -> list[Value]:
    """The parts of a name run that are not the question's own words: "John Mason House
    (Lexington, Massachusetts)" asked about the John Mason House is "Lexington, Massachusetts"."""
    out, i = [], v.first
    while i < v.last:
        if s.tokens[i].key in qkeys or s.tokens[i].key in _CONNECT:
            i += 1
            continue
        j = i + 1
        while j < v.last and s.tokens[j].key not in qkeys:
            j += 1
        while j > i + 1 and s.tokens[j - 1].key in _CONNECT:
            j -= 1
        if _is_name(s, i, j):
            out.append(_name(s, i, j))
        i = j
    return out


def _cap(t: Token) -> bool:
    return t.text[:1].isupper() and t.key not in _MONTHS and not t.key[:1].isdigit()


def _kind_for(atype: str | None) -> str | None:
    if atype in _DATE_TYPES:
        return "date"
    if atype in _NUMBER_TYPES:
        return "number"
    if atype in _NAME_TYPES:
        return "name"
    return None


def _present(v: Value, other: DocFacts, qkeys: frozenset[str]) -> bool:
    """Whether the other document states this value anywhere (then the two need not disagree)."""
    if v.kind == "date":
        return v.key in other.years
    if v.kind == "number":
        unit = v.key.split(":", 1)[0]
        return any(lo <= v.high and v.low <= hi and (u == unit or not u or not unit)
                   for lo, hi, u in other.numbers)
    words = [w for w in v.key.split() if w not in _CONNECT and w not in qkeys]
    return not words or all(w in other.keys for w in words)


# --------------------------------------------------------------------------- the question


@dataclass(frozen=True)
class _Question:
    text: str
    kind: str | None
    keys: frozenset[str]  # token keys of the question (a value made of them is the subject)
    stems: frozenset[str]  # content stems, for the lexical share
    subject: tuple[str, ...]  # keys of the capitalised words: the entity asked about
    other: bool = False  # the expected type is OTHER (read as names)


def _question(text: str) -> _Question:
    toks = tokenize(nfkc(text))
    keys = frozenset(t.key for t in toks)
    stems = frozenset(stem(t.key) for t in toks if t.key.isalpha() and t.key not in _Q_STOP)
    subject = tuple(t.key for k, t in enumerate(toks)
                    if (t.text[:1].isupper() or t.key[:1].isdigit()) and t.key not in _Q_STOP and k > 0)
    focus = question_focus(text)
    atype = focus.type
    if not focus.wh and atype == "OTHER":
        atype = None  # "Is Anthropic using ...?": a yes/no question has no span to disagree on
    return _Question(text, _kind_for(atype), keys, stems, subject, atype == "OTHER")


def _relevance(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
               st: QuestionSettings) -> np.ndarray:
    lex = np.array([len(q.stems & f.sents[i].content) / max(1, len(q.stems)) for i in rows], np.float32)
    if qvec is None or f.vectors is None:
        return lex
    return f.vectors[list(rows)] @ qvec + st.lexical_weight * lex


def _answers(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
             st: QuestionSettings) -> list[tuple[float, int, Value]]:
    """The document's candidate answers, best first: (sentence relevance, sentence, value)."""
    if not rows or q.kind is None or q.kind not in st.types or (q.other and "OTHER" not in st.types):
        return []
    rel = _relevance(q, f, rows, qvec, st)
    out: list[tuple[float, int, Value]] = []
    for k in np.argsort(-rel, kind="stable"):
        if rel[k] < st.relevant or len(out) >= st.top_sentences:
            break
        i = rows[k]
        s = f.sents[i]
        anchors = [n for n, key in enumerate(s.keys) if key in q.keys and key not in _Q_STOP]
        best: tuple[float, Value] | None = None
        for v0 in f.values[i]:
            if v0.kind != q.kind:
                continue
            for v in (_name_parts(s, v0, q.keys) if v0.kind == "name" else (v0,)):
                if _about_subject(v, q):
                    continue
                dist = min((abs(a - v.first) for a in anchors), default=len(s.keys))
                if dist > st.near or _junk(v, s):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, v)
        if best is not None:
            out.append((float(rel[k]), i, best[1]))
    return out


def _junk(v: Value, s: _Sentence) -> bool:
    """Coordinates ("39.212583"), codes and parts of ISO dates ("2000-04-01") are no answers."""
    if v.kind != "number":
        return False
    text = s.norm[s.tokens[v.first].start:s.tokens[v.last - 1].end]
    around = s.norm[max(0, s.tokens[v.first].start - 1):s.tokens[v.last - 1].end + 1]
    return bool(re.search(r"\d\.\d{4,}", text) or re.search(r"\d-\d|-\d", around))


def _about_subject(v: Value, q: _Question) -> bool:
    """A name made only of the question's own words names the subject, not the answer."""
    if v.kind != "name":
        return v.key in q.keys
    words = [w for w in v.key.split() if w not in _CONNECT and w not in STOPWORDS]
    return all(w in q.keys for w in words)


def _agree(a: Value, b: Value) -> bool:
    """Whether two answers can both be true; figures in different units are never compared (no
    offline exchange rate is trustworthy)."""
    if a.key == b.key:
        return True
    if a.kind == "number":
        ua, ub = a.key.split(":", 1)[0], b.key.split(":", 1)[0]
        return ua != ub or (a.low <= b.high and b.low <= a.high)
    if a.kind == "name":
        wa, wb = set(a.key.split()) - _CONNECT, set(b.key.split()) - _CONNECT
        # "Mahesh Bhatt" and "Bhatt" are one person, "MTIA" and "MITA" one spelling.
        return wa <= wb or wb <= wa or _same_spelling(a.text, b.text)
    return False


def _qualifiers(f: DocFacts, q: _Question) -> tuple[frozenset[str], frozenset[str]]:
    """What tells the question's subject apart where the title or first sentence first names it:
    names right before or after it ("Kaliganj Upazila, Jhenaidah", "Indonesia Corruption Watch"),
    and the words of a parenthesis right after it ("Phi Delta Gamma (social)", "Battle of Beirut
    (1912)"), which disambiguate even in lower case."""
    subj = set(q.subject)
    toks = f.lead
    i = next((k for k, t in enumerate(toks) if t.key in subj), None)
    if i is None:
        return frozenset(), frozenset()
    j = i + 1
    while j < len(toks) and (toks[j].key in subj or (
            toks[j].key in _CONNECT and j + 1 < len(toks) and toks[j + 1].key in subj)):
        j += 1
    text = f.lead_text

    def joined(x: int, y: int, comma: bool = False) -> bool:
        # Tokens y follows x with only a space between (or a comma: "Kaliganj Upazila, Jhenaidah");
        # a full stop, a list or a bracket ends the name.
        gap = text[toks[x].end:toks[y].start].strip()
        return gap == "" or (comma and gap == ",")

    out = set()
    for k in range(j, min(len(toks), j + 4)):
        if not _cap(toks[k]) or toks[k].key in subj or not joined(k - 1, k, comma=k == j):
            break
        out.add(toks[k].key)
    for k in range(i - 1, max(-1, i - 3), -1):
        if not _cap(toks[k]) or not joined(k, k + 1):
            break
        out.add(toks[k].key)
    paren: set[str] = set()
    m = _PAREN.match(f.lead_text, toks[j - 1].end)
    if m:
        paren = {t.key for t in tokenize(m.group(1))} - STOPWORDS - subj
    return frozenset(out - STOPWORDS - _CONNECT), frozenset(paren)


_PAREN = re.compile(r"\s*\(([^()]{1,60})\)")


def _sentence_overlap(a: _Sentence, b: _Sentence, said: set[str]) -> float:
    """Share of the shorter answer sentence's content words (the answers left out) the other
    repeats."""
    drop = {stem(w) for w in said}
    ca, cb = a.content - drop, b.content - drop
    return len(ca & cb) / max(1, min(len(ca), len(cb)))


def _inside_name(s: _Sentence, v: Value, q: _Question) -> bool:
    """Whether the answer sits inside the name asked about, between two of the question's words
    and not in brackets ("487th Fighter Squadron", not "Interiors (Brad album)")."""
    toks = s.tokens
    if v.first == 0 or v.last >= len(toks):
        return False
    if toks[v.first - 1].key not in q.keys or toks[v.last].key not in q.keys:
        return False
    return "(" not in s.norm[toks[v.first - 1].end:toks[v.last].start]


def _names_before(s: _Sentence, v: Value, span: int = 10) -> set[str]:
    """Names in the sentence's subject (its first words) or just before the answer: what the
    answer is said of ("Meta ... a total capacity of 5 GW")."""
    toks = s.tokens[:min(v.first, 6)] + s.tokens[max(6, v.first - span):v.first]
    return {t.key for t in toks if t.key in s.names}


def same_entity(a: DocFacts, b: DocFacts, q: _Question, st: QuestionSettings,
                answers: tuple[Value, Value] | None = None,
                sents: tuple[_Sentence, _Sentence] | None = None, need_overlap: bool = True) -> bool:
    """Whether two documents describe the same entity (else: different entities sharing a name).

    A qualifier that is the answer itself ("Interiors (Nirvana album)" vs "Interiors (Brad
    album)", asked who made "Interiors") is the disagreement, not a sign of two entities."""
    said: set[str] = set()
    for v in answers or ():
        said |= set(v.key.split())
    if st.qualifier:
        (qa, pa), (qb, pb) = _qualifiers(a, q), _qualifiers(b, q)
        qa, qb, pa, pb = qa - said, qb - said, pa - said, pb - said
        one_a, one_b = (qa | pa, qb | pb) if st.one_sided == "names" else (pa, pb)
        if (qa - b.keys and qb - a.keys) or (st.one_sided and (one_a - b.keys or one_b - a.keys)):
            return False
        if pa and pb and pa != pb:
            return False  # "(1912)" / "(1941)", "(professional)" / "(social)"
    if sents is not None and answers is not None and all(
            _inside_name(x, v, q) for x, v in zip(sents, answers)):
        return False  # "The 487th Fighter Squadron" / "The 487th Bombardment Squadron": two names
    if sents is not None and answers is not None:
        # Names that only one answer sentence gives its subject (Meta's 5 GW, Anthropic's 1 GW).
        na = _names_before(sents[0], answers[0]) - q.keys - said - b.keys
        nb = _names_before(sents[1], answers[1]) - q.keys - said - a.keys
        if na and nb:
            return False
    if not need_overlap:
        return True
    if sents is not None and _sentence_overlap(sents[0], sents[1], said) >= st.same_sentence:
        return True  # the two answers are given in one statement, reworded
    grams = len(a.grams & b.grams) / max(1, min(len(a.grams), len(b.grams)))
    if grams >= st.same_grams:
        return True
    na, nb = a.names - q.keys, b.names - q.keys
    return len(na & nb) / max(1, min(len(na), len(nb))) >= st.same_names


# --------------------------------------------------------------------------- public API


class QuestionConflicts:
    """Per-document facts kept in memory (build them once: at index build or load time, or lazily
    through ``add``); ``find`` then costs a few milliseconds per question."""

    def __init__(self, docs: Sequence[Document] = (), encode: Encoder | None = None,
                 settings: QuestionSettings | None = None):
        self.encode = encode
        self.settings = settings or QuestionSettings(relevant=0.45 if encode else 0.5)
        self.facts: dict[str, DocFacts] = {}
        for d in docs:
            self.add(d)

    def add(self, doc: Document) -> DocFacts:
        f = self.facts[doc.doc_id] = DocFacts.of(doc, self.encode)
        return f

    def remove(self, doc_id: str) -> None:
        self.facts.pop(doc_id, None)

    def find(self, question: str, passages: Sequence[tuple[str, int, int]] | None = None,
             qvec: np.ndarray | None = None, settings: QuestionSettings | None = None,
             stored: Sequence[Conflict] = ()) -> list[Conflict]:
        """Conflicts (kind ``answer``) and ambiguities (kind ``ambiguity``) between the documents
        of ``passages`` (raw ``(doc_id, start, end)`` spans, best first; None: every document) on
        the answer to ``question``. ``qvec`` is the question's L2-normalised vector in the space of
        the encoder the facts were built with (None: lexical relevance only)."""
        st = settings or self.settings
        q = _question(question)
        if qvec is None and self.encode is not None and any(f.vectors is not None for f in self.facts.values()):
            qvec = np.asarray(self.encode([nfkc(question)]), dtype=np.float32)[0]
        rows = self._rows(passages)
        answers: dict[str, tuple[float, int, Value]] = {}
        for doc_id, rs in rows.items():
            found = _answers(q, self.facts[doc_id], rs, qvec if self.facts[doc_id].vectors is not None else None, st)
            if found:
                answers[doc_id] = found[0]
        order = list(answers)
        links: dict[str, list[tuple[str, str]]] = {ANSWER: [], AMBIGUITY: []}
        for x, da in enumerate(order):
            for db in order[x + 1:]:
                a, b = answers[da][2], answers[db][2]
                fa, fb = self.facts[da], self.facts[db]
                if _agree(a, b) or _present(a, fb, q.keys) or _present(b, fa, q.keys):
                    continue
                same = same_entity(fa, fb, q, st, (a, b),
                                   (fa.sents[answers[da][1]], fb.sents[answers[db][1]]), st.answer_overlap)
                kind = ANSWER if same else AMBIGUITY
                if kind in st.enabled:
                    links[kind].append((da, db))
        out = [self._recheck(c, q, answers, st) for c in stored
               if self._statement_relevance(c, q, qvec, st) >= st.stored_relevant]
        for kind, pairs in links.items():
            for group in _components(pairs):
                out.append(self._conflict(kind, group, answers))
        return out

    def _statement_relevance(self, c: Conflict, q: _Question, qvec, st: QuestionSettings) -> float:
        """How closely the best statement of a stored conflict answers the question (1.0 when its
        documents are unknown here, so that nothing is dropped for want of facts)."""
        best = -1.0
        for s in c.statements:
            f = self.facts.get(s.doc_id)
            if f is None:
                return 1.0
            rows = [i for i, x in enumerate(f.sents) if x.start < s.end and s.start < x.end]
            if rows:
                best = max(best, float(_relevance(q, f, rows, qvec if f.vectors is not None else None, st).max()))
        return best

    def _recheck(self, c: Conflict, q: _Question, answers, st: QuestionSettings) -> Conflict:
        """A stored conflict stays one unless every two of its documents are different entities
        sharing the question's name; then it becomes an ambiguity."""
        if c.kind == AMBIGUITY:
            return c
        ds = [d for d in dict.fromkeys(s.doc_id for s in c.statements) if d in self.facts]
        if len(ds) < 2:
            return c
        for x, da in enumerate(ds):
            for db in ds[x + 1:]:
                vals = (answers[da][2], answers[db][2]) if da in answers and db in answers else None
                if same_entity(self.facts[da], self.facts[db], q, replace(st, same_names=st.stored_names),
                               vals, None, st.stored_overlap):
                    return c
        return Conflict(AMBIGUITY, "Ambiguous: the sources may describe different entities that share "
                        "a name. " + c.summary, c.statements)

    def _rows(self, passages) -> dict[str, list[int]]:
        if passages is None:
            return {d: list(range(len(f.sents))) for d, f in self.facts.items()}
        rows: dict[str, list[int]] = {}
        for doc_id, start, end in passages:
            f = self.facts.get(doc_id)
            if f is None:
                continue
            have = rows.setdefault(doc_id, [])
            for i, s in enumerate(f.sents):
                if s.start < end and start < s.end and i not in have:
                    have.append(i)
        return rows

    def _conflict(self, kind: str, group: list[str], answers) -> Conflict:
        parts, statements = [], []
        for doc_id in group:
            rel, i, v = answers[doc_id]
            f = self.facts[doc_id]
            s = f.sents[i]
            parts.append(f"{doc_id.split('_', 1)[0]} says “{v.text}”")
            statements.append(Citation(doc_id, f.doc.title, f.doc.date, s.start, s.end, s.raw,
                                       round(min(1.0, max(0.01, rel)), 4), f.doc.outlet))
        head = ("Answer conflict" if kind == ANSWER else
                "Ambiguous: the sources describe different entities that share a name")
        return Conflict(kind, f"{head}: " + "; ".join(parts), tuple(statements))


def _components(pairs: list[tuple[str, str]]) -> list[list[str]]:
    adj: dict[str, set[str]] = {}
    for a, b in pairs:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen: set[str] = set()
    out = []
    for start in adj:
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x] - seen:
                seen.add(y)
                stack.append(y)
        out.append(sorted(comp, key=list(adj).index))
    return out


def find_conflicts_for_question(question: str, docs: Sequence[Document], encode: Encoder | None = None,
                                passages: Sequence[tuple[str, int, int]] | None = None,
                                settings: QuestionSettings | None = None) -> list[Conflict]:
    """One-off form of ``QuestionConflicts(docs, encode).find(question, passages)``: analyses the
    documents on every call, so the product should keep a ``QuestionConflicts`` instead."""
    return QuestionConflicts(docs, encode, settings).find(question, passages)
