"""Candidate spans of a sentence for a short answer, and their features (see qa.reading.shortanswer).

Candidates are spaCy entities, number/money/percent/date spans (regex), noun chunks and syntactic
phrases; each gets sparse features (type match with the expected answer type from
:mod:`qa.reading.answertype`, overlap with the question, distance to question words in the sentence,
dependency paths, syntactic cues). Functions of a parsed spaCy Doc: parsing, the model and the
ranking live in qa.reading.shortanswer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .asked_kind import FREQUENCY, asked_kind, asks_maker, maker_tokens, name_tokens
from .acronyms import acronym_spelt, asked_acronym, expansion
from .holders import asks_holder
from .kind_fit import agent_tokens, asks_which_doer, doer_tokens, maker_span_fits
from .asked_spans import (as_asked, bracketed_full, purpose_of_focus, asks_kind_of, beside_excluded, defined_name, definition_tokens, described_person,
                          excluded_stems, quotes_closed, restates_excluded, listed_beside, restates_focus)
from .answertype import ENTITY_FIT, FOCUS_LABELS, TIME_TYPES as _TIMED, asked_currency, question_focus
from .stems import stem
from .timeshape import is_duration, names_calendar, names_one_point
from .units import unit_names
from .makers import superseded_tokens
from .candidate_spans import _DETS, _spans
from .objects import named_kind, names_kind, object_tokens
from .purposes import purpose_thing, purpose_tokens

__all__ = ["KINDS", "WORD", "question_info", "span_candidates", "stem"]


_STOP = frozenset("""a an the of in on at to for by with from and or is are was were be been being do does did has have had this that
    these those it its as what which who whom whose when where why how than then there their they he she his her him
    we our you your i me my not no but if into onto about over under after before during between through also can
    could would should will shall may might must so such very more most many much some any all each other one s 's
    ’s name named called kind type""".split())
WORD = re.compile(r"\w+(?:['’-]\w+)*")
_POINTING = frozenset("this these that those its their his her our such".split())
_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "compound", "npadvmod",
         "nummod", "amod", "ROOT", "prep", "acomp", "oprd", "dative", "advmod", "poss")
_PREPS = ("in", "on", "at", "by", "of", "for", "from", "during", "since", "to", "with", "as", "after", "before", "until",
          "about", "than", "under", "between")
_ENTS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY",
         "PERCENT", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT", "ORDINAL")
KINDS = ("ENT", "NUM", "NP", "SUB", "LEFT", "PP", "TOK")
_NAMES_NO_TIME = ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT")
_GLUED_FIGURE = re.compile(r"(\d+(?:\.\d+)?)[a-zA-Z]{1,3}")  # "2nm", "5GW", "3.5in"


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
        self.stem = [stem(t.text) for t in toks]
        self.stop = [w in _STOP for w in self.lower]
        self.start = [t.idx for t in toks]
        self.end = [t.idx + len(t.text) for t in toks]
        self.ents = [(e.start, e.end, e.label_) for e in doc.ents]
        self.anc = _ancestors(self.head)
        self.spans = _spans(doc)

    @classmethod
    def stored(cls, sentence: str, start: list[int], end: list[int], pos: list[str], dep: list[str],
               head: list[int], punct: list[bool], num: list[bool], ents: list[tuple[int, int, str]],
               spans: dict[tuple[int, int], set[str]]) -> "_View":
        """The view of ``sentence`` from what the index stored of its parse (qa.reading.analysis):
        the attributes a Doc gives, the rest derived here exactly as from the Doc."""
        v = cls.__new__(cls)
        v.n, v.start, v.end, v.pos, v.dep, v.head = len(start), start, end, pos, dep, head
        v.punct, v.num, v.ents, v.spans = punct, num, ents, spans
        v.text = [sentence[a:b] for a, b in zip(start, end)]
        v.lower = [t.lower() for t in v.text]
        v.stem = [stem(t) for t in v.text]
        v.stop = [w in _STOP for w in v.lower]
        v.anc = _ancestors(head)
        return v


def _ancestors(head: list[int]) -> list[list[int]]:
    """Ancestors of each token, nearest first."""
    n, out = len(head), []
    for k in range(n):
        chain, t = [], k
        while head[t] != t and len(chain) <= n:
            t = head[t]
            chain.append(t)
        out.append(chain)
    return out


def _view(doc) -> _View:
    if isinstance(doc, _View):  # read from the index: no Doc behind it
        return doc
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
        f["kind." + k] = f[f"x.{T}.kind.{k}"] = 1.0
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
        f["ent." + lab] = f[f"x.{T}.ent.{lab}"] = 1.0
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
    # "About 9 months" and "the end of 2026" are both DATE entities; only the second answers "when",
    # only the first "how long". Other types' spans are no times, so the shape is left to them.
    if T in _TIMED:
        if is_duration(v.lower, v.pos, v.head, root, i, j):
            f[f"x.{T}.time.length"] = 1.0
        elif names_calendar(v.lower, i, j):
            f[f"x.{T}.time.calendar"] = 1.0
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
        fs = stem(focus)
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
def question_info(question: str) -> dict:
    foc = question_focus(question)
    # The parser splits "Meta's" into "Meta" + "'s": a possessive question word must match the
    # bare name (stems are 5-letter prefixes, so only short owners like "Meta's" were missed).
    words = [re.sub(r"['’]s$", "", w, flags=re.I) for w in WORD.findall(question)]
    # The parser splits "student-teacher": its parts are question words too.
    words += [p for w in words if "-" in w for p in w.split("-")]
    # And "2-nanometer (nm)": the "2", the "nm" and the spelled-out "nanometer" of the question's
    # "2nm" are question words.
    words += [x for w in words if (m := _GLUED_FIGURE.fullmatch(w))
              for x in (m.group(1), w[m.end(1):], *unit_names(w[m.end(1):]))]
    stems = {stem(w) for w in words if w.casefold() not in _STOP}
    return {"stems": stems, "type": foc.type, "focus": foc.focus, "wh": foc.wh or "none",
            "excluded": excluded_stems(question),
            "kind_of": asks_kind_of(question, foc.focus), "defined_name": (name := defined_name(question)),
            "defined": frozenset(map(stem, name.split())), "person": described_person(question),
            "focus_stem": stem(foc.focus) if foc.focus and not asked_currency(question) else ""}


def span_candidates(question: str, sentence: str, doc, kinds: Sequence[str]) -> list:
    """[(start_char, end_char, features)] for the candidate spans of ``sentence`` (parsed as
    ``doc``) proposed by the span ``kinds`` (of KINDS)."""
    v = _view(doc)
    q = dict(question_info(question))
    q["matched"] = matched = [st in q["stems"] for st in v.stem]
    q["positions"] = [p for p, m in enumerate(matched) if m and not v.stop[p]]
    allowed = set(kinds)
    # "Who designed Jalapeño?" over "OpenAI and Broadcom stated that this chip went from initial design
    # to manufacturing tape-out ...": a maker is a company or a person, so when the sentence names one
    # beyond the question's own names, the answer is a span holding it (for every "who" and "where"
    # question, spans holding any name lost more SQuAD answers than they gained). Likewise the name
    # nearest the owner for "What is Meta's chip called?", a frequency for "how often", the phrase
    # spelling an acronym (vBNS); what X is for "What is X?", "Who is X?", else no short answer.
    kind = asked_kind(question)
    often, maker = kind == "often", asks_maker(question)
    spelt = acronym_spelt(q["defined_name"], v)  # "What is HBM?": "high-bandwidth memory (HBM)"
    asked = (maker_tokens(question, v) if maker else
             name_tokens(question, v) if kind == "name" else
             expansion(asked_acronym(question) or "", v) if kind == "stands" else
             {i for i in range(v.n) if FREQUENCY.search(v.lower[i])} if often else
             definition_tokens(v, q["defined_name"] or q["person"], bool(q["person"])) or spelt)  # "What is X?": what X is
    if not asked and (name := q["defined_name"] or q["person"]) and not bracketed_full(v, name):
        return []  # "Who is Broadcom?": not "OpenAI" of "OpenAI and Broadcom released Jalapeño"
    if not asked and (kind == "who" or asks_which_doer(question)) and not maker:
        asked = doer_tokens(question, v)  # "Who reported ...?": the subject of "reported"
    if not asked and q["excluded"]:
        asked = beside_excluded(v, q["excluded"])  # "Besides the 2nm process, what ...?": what it is joined to
    if not asked and (thing := purpose_thing(question)) is not None:
        asked = purpose_tokens(v, thing)  # "What is Jalapeño used for?": "large language model inference"
    # "What round did Anthropic raise?": the name of the round, "Series H" (a span of its own: no noun
    # phrase where the parser reads "round" as an adverb).
    named = None if asked else named_kind(question, v, q)
    spans = v.spans if named is None else {**v.spans, named[:2]: v.spans.get(named[:2], set()) | {"NP"}}
    asked = asked if named is None else set(range(*named[:2]))
    # "What chip does Google have?": the asked verb's object; "clients like Meta ...": not "clients".
    asked, nouns = (asked, set()) if asked else object_tokens(question, v, q)
    # "Who makes Trainium?" over "Google has TPU, Amazon has Trainium ...": the one whose verb has it.
    agents = agent_tokens(question, v, maker)
    if agents or asks_holder(question):  # (whose a thing is: only its holder answers)
        maker, asked = True, (asked & agents if maker else set()) or agents
    # "... were previously mass-produced by TSMC, but since the third generation ... Samsung
    # Foundry": asked who makes it (now), not who did.
    old = superseded_tokens(question, v)
    if maker and asked:
        asked = (asked - old) or asked
    if often and not asked:
        return []  # a sentence stating no frequency has no short answer to "how often"
    # "Where will it be made?" over "According to reports, ...": a source is no place.
    source = {k for k in range(1, v.n) if v.lower[k - 1] == "according" and v.lower[k] == "to"} if q["wh"] == "where" else set()
    # "What is X?": not a thing listed beside X, unless it spells X out ("high-bandwidth memory (HBM)").
    siblings = (listed := listed_beside(v, q["defined"]) - spelt) | nouns
    if listed and not asked:  # "What is Inferentia?" over "Amazon has Trainium and Inferentia": only what it is listed with
        return []
    purpose = purpose_of_focus(v, q)
    out, fits, points = [], [], []
    for (i, j), ks in spans.items():
        ks = ks & allowed
        if source and any(k - 1 <= i <= k + 1 or i <= k < j for k in source):
            continue
        if (restates_focus(v, i, j, q) or restates_excluded(v, i, j, q) or not siblings.isdisjoint(range(i, j))
                or i in purpose):
            continue
        if ks:
            f = _features(v, i, j, ks, q)
            # A span made only of the question's own words restates the question, it does not
            # answer it ("2nm" for "What yield has Samsung achieved on its 2nm process?").
            if not f.get("ovl.all"):
                a, b = v.start[i], v.end[j - 1]
                if sentence[a:b].count("(") > sentence[a:b].count(")") and sentence[b:b + 1] == ")":
                    b += 1  # "5 gigawatts (GW)", not "5 gigawatts (GW"
                a, b = quotes_closed(sentence, a, b)
                out.append((a, b, f))
                points.append(names_one_point(v.lower, i, j))
                fits.append(asked.issubset(range(i, j)) if kind == "stands" else
                            maker_span_fits(question, v, i, j, asked) if maker else names_kind(v, i, j, named) if named else
                            not asked.isdisjoint(range(i, j)))
    if any(fits) or asks_holder(question):  # whose a thing is: its holder alone, or no short answer
        out, points = [c for c, fit in zip(out, fits) if fit], [pt for pt, fit in zip(points, fits) if fit]
    if old:
        now = [k for k, (a, b, f) in enumerate(out) if not any(v.start[t] < b and a < v.end[t] for t in old)]
        if any(out[k][2].get("type.match") for k in now):
            out, points = [out[k] for k in now], [points[k] for k in now]
    # "When will Samsung start 2nm mass production?" over "... were mass-produced by TSMC, but since
    # the third generation launched this year, ...": a sentence that states a time answers "when"
    # with it, not with a company or a count the span model ranks higher for sitting by the
    # question's words. Only for times (for "who" and "where" such a filter lost SQuAD answers),
    # and only names: a span inside a treaty's or a war's name may be its year ("1997" of "the
    # Treaty of Amsterdam (1997)"), and a bare number may be one.
    # "How long did Jalapeño take to design?" over "... released Jalapeño on June 24, 2026": one
    # point of the calendar is never a length of time, whatever the span model makes of a date.
    if q["type"] == "DURATION":
        out = [c for c, point in zip(out, points) if not point]
    if q["type"] in _TIMED and any(f.get("type.match") for _, _, f in out):
        out = [c for c in out if not (any(c[2].get("ent." + lab) for lab in _NAMES_NO_TIME)
                                      and not c[2].get(f"x.{q['type']}.num"))]
    if q["wh"] == "when" and q["type"] in ("DATE", "TIME"):
        out = _of_asked_verb(v, out, q["matched"])
    return as_asked(question, q["type"], sentence, out)


def _of_asked_verb(v: _View, out: list, matched: list[bool]) -> list:
    """Asked when something happened, the times said of the question's verb: "When was the plague case
    reported?" over "A case ... was reported in China over the weekend — after two people there
    were diagnosed with the pneumonic plague last week": "over the weekend", not the other verb's
    "last week". Only when one time hangs from the asked verb and another from another verb, and
    only the sentence's main verb: "Japan issued a statement on November 22 demanding Israel withdraw
    from the 1967 territories" is not asked when Israel should withdraw (SQuAD)."""
    asked = {k for k in range(v.n) if matched[k] and v.pos[k] == "VERB" and v.dep[k] == "ROOT"}
    if not asked:
        return out

    def verb(a: int) -> int | None:
        k = next((t for t in range(v.n) if v.start[t] >= a), None)
        return None if k is None else next((t for t in [k, *v.anc[k]] if v.pos[t] == "VERB"), None)

    timed = {id(c): verb(c[0]) for c in out if c[2].get("type.match")}
    if not any(t in asked for t in timed.values()) or all(t in asked for t in timed.values()):
        return out
    return [c for c in out if id(c) not in timed or timed[id(c)] in asked]
