"""Pairwise conflict rules on two analysed sentences from different documents (see the module
docstring of ``qa.conflicts.corpus_wide`` for the overall method): near-copy rules (a swapped figure, date or
name, an added negation), similarity rules (figures and certainty in paraphrases) and denials.
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .claims import (
    ASSERTED,
    DENIED,
    NEGATIONS,
    STOPWORDS,
    TENTATIVE,
    UNCONFIRMED,
    Quantity,
    Token,
    certainty,
    is_date_token,
    is_year,
    ordinal_after,
    stem,
)
from .headings import disambiguated
from .sentences import _Sentence

_CURRENCIES = frozenset({"KRW", "USD", "CNY", "EUR", "GBP", "JPY"})
_AMOUNTS = _CURRENCIES | {"%", "W"}
KINDS = ("numeric", "certainty", "negation", "entity", "date")


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
    contained: bool = False  # align a sentence with the stretch of a longer one it repeats (see _contained)

    @classmethod
    def lexical(cls) -> "Thresholds":
        """Without an encoder similarities are tf-idf cosines, which run much lower than embedding
        cosines for the same pair (names shared by every article weigh little)."""
        return cls(candidate_embedding=0.15, numeric_similar=0.35, figure_similar=0.2,
                   certainty_similar=0.3, denial_similar=0.08)



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
    swap: str = ""  # the two values a near-copy swaps ("1856|1900"): tells one swap from several



def _swap(a: _Sentence, a0: int, a1: int, b: _Sentence, b0: int, b1: int) -> str:
    return " ".join(a.keys[a0:a1]) + "|" + " ".join(b.keys[b0:b1])


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


def _year_for_number(ta: Sequence[Token], tb: Sequence[Token]) -> bool:
    """A year where the copy has another bare number ("founded in about 1300" / "in about 780"):
    years before 1000 are not read as years, so neither the date nor the figure rule sees the
    swap."""
    if len(ta) != 1 or len(tb) != 1:
        return False
    x, y = ta[0], tb[0]
    # Three or four digits: "in 2010" / "in 3 [years]" aligns "2010" with a count, not a year.
    return any(is_year(p) and q.key.isdigit() and 3 <= len(q.key) <= 4 for p, q in ((x, y), (y, x)))


def _compatible(qa: Quantity, qb: Quantity, copied: bool = False) -> bool:
    """Whether one true value could be stated as both. In two copies of one sentence (``copied``),
    two plain figures exclude each other even where their rounding intervals touch: "peaked at
    number 2" / "number 1", "3.5" / "3.6" (a value on the edge is written one way). Elsewhere
    touching intervals meet, as a bound a qualifier sets always does ("at least 10" / "up to
    10"): loosely similar sentences with 15 and 16 ("My 15-inch", "the new 16-inch keyboard")
    are as often about two things."""
    slack = 1e-9 * max(abs(qa.value), abs(qb.value), 1.0)
    if copied and not qa.qualifier and not qb.qualifier and qa.value != qb.value:
        return qa.low < qb.high - slack and qb.low < qa.high - slack
    return qa.low <= qb.high + slack and qb.low <= qa.high + slack


def _bound_moved(qa: Quantity, qb: Quantity) -> bool:
    """One sentence copied with another figure under the same qualifier ("more than 60 acres" /
    "more than 100 acres"): both may hold, but the copies report different figures for one claim."""
    return bool(qa.qualifier) and qa.qualifier == qb.qualifier and qa.value != qb.value


def _ordinal(s: _Sentence, q: Quantity) -> bool:
    """Whether the figure is an ordinal ("12th", "3rd")."""
    return ordinal_after(s.norm, s.tokens[q.last - 1].end)


def _reference_mark(s: _Sentence, q: Quantity) -> bool:
    """A bracketed number ("[ 1 ]") marks a footnote; copies renumber them."""
    before = s.norm[: s.tokens[q.first].start].rstrip()
    after = s.norm[s.tokens[q.last - 1].end:].lstrip()
    return before.endswith("[") and after.startswith("]")


def _close(qa: Quantity, qb: Quantity) -> bool:
    return abs(qa.value - qb.value) <= 0.1 * max(abs(qa.value), abs(qb.value))


def _certainty_clash(x: int, y: int) -> bool:
    """Asserted vs anything weaker, and tentative vs denied; tentative vs unconfirmed agree."""
    lo, hi = sorted((x, y))
    return lo != hi and (hi == ASSERTED or (hi == TENTATIVE and lo == DENIED))


def _subjects_agree(a: _Sentence, b: _Sentence) -> bool:
    return not a.names or not b.names or bool(a.names & b.names)


MIN_CONTAINED = 8  # tokens two sentences must share for one to be read as cut from the other


def _contained(sm: difflib.SequenceMatcher, ops: list, tokens: int) -> tuple[float, list]:
    """The alignment ratio of two sentences leaving out the words one of them has before or after
    everything they share, and the operations in between: splitters cut web pages differently
    ("produced by Samuel Bischoff, with Hal B." / "... with Hal B. Wallis as executive producer,
    from a screenplay by ..."; a heading glued before a sentence), so one sentence may hold a copy
    of the other and more. A claim in those extra words is not compared (it has no counterpart)."""
    matched = sum(m.size for m in sm.get_matching_blocks())
    lo, hi = 0, len(ops)
    if lo < hi and ops[lo][0] in ("insert", "delete"):
        lo += 1
    if lo < hi and ops[hi - 1][0] in ("insert", "delete"):
        hi -= 1
    if matched < MIN_CONTAINED or (lo, hi) == (0, len(ops)):
        return 0.0, ops
    cut = sum(a1 - a0 + b1 - b0 for _, a0, a1, b0, b1 in ops[:lo] + ops[hi:])
    return 2 * matched / max(1, tokens - cut), ops[lo:hi]


def _aligned_rules(a: _Sentence, b: _Sentence, ia: int, ib: int, th: Thresholds,
                   ) -> list[_Finding] | None:
    """Findings on a near-copy; None when the copy is about another subject or period, so that no
    looser rule should compare the two sentences either."""
    sm = difflib.SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    ratio = sm.ratio()
    ops = sm.get_opcodes()
    inner = ops
    if ratio < th.aligned and th.contained:
        contained, within = _contained(sm, ops, len(a.keys) + len(b.keys))
        if contained > ratio:
            ratio, inner = contained, within
    if ratio < min(th.aligned, th.negation_aligned):
        return []
    # A copy one splitter cut short: the words before all the two share are not compared, the
    # subject included ("[Hilario Davide III is married to Jobella G.] Angan and has three daughters").
    if _subject_differs(a, b, inner) or disambiguated(a, b, inner):
        return None  # "The 487th Fighter Squadron is ..." vs "The 487th Bombardment Squadron is ..."
    out: list[_Finding] = []
    for k, (op, a0, a1, b0, b1) in enumerate(inner):
        if op == "equal":
            continue
        if op != "replace" and k in (0, len(inner) - 1):
            continue  # words one side has before or after all they share: "...; but Earle never owned it"
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
        if (_is_date_segment(ta) and _is_date_segment(tb)) or _year_for_number(ta, tb):
            out.append(_Finding("date", ia, ib, -1, -1, ratio, _window(a, a0, a1, 6, 0),
                                _window(b, b0, b1, 6, 0), _swap(a, a0, a1, b, b0, b1)))
            continue
        qa = [q for q in a.quantities if q.first < a1 and q.last > a0]
        qb = [q for q in b.quantities if q.first < b1 and q.last > b0]
        if qa and qb:
            x, y = qa[0], qb[0]
            # Counts one apart in a copy disagree ("number 2" / "number 1"); ordinals one apart
            # name two of a series ("12th Earl" / "13th Earl").
            apart = not _compatible(x, y)
            touching = not apart and not _compatible(x, y, copied=True) and not (_ordinal(a, x) or _ordinal(b, y))
            if x.unit == y.unit and (apart or touching or _bound_moved(x, y)) and not (
                    _reference_mark(a, x) or _reference_mark(b, y)):
                out.append(_Finding("numeric", ia, ib, x.first, y.first, ratio, _quantity_phrase(a, x),
                                    _quantity_phrase(b, y), f"{x.value:.6g}|{y.value:.6g}"))
            continue
        text_a = a.norm[ta[0].start : ta[-1].end]
        text_b = b.norm[tb[0].start : tb[-1].end]
        if _name_like(ta) and _name_like(tb) and not _same_spelling(text_a, text_b):
            out.append(_Finding("entity", ia, ib, -1, -1, ratio, _window(a, a0, a1, 6, 0),
                                _window(b, b0, b1, 6, 0), _swap(a, a0, a1, b, b0, b1)))
    if len({f.kind for f in out}) > 1:
        # A contradicting copy swaps one slot. Two kinds of swap (a name and a figure, a year and a
        # figure) mean another subject or another period: "Meta ... 5 GW" / "Anthropic ... 1 GW",
        # "220 in the 2010 census" / "250 in the 2020 census".
        return None
    return [f for f in out if f.kind in th.enabled]


_VERBS = frozenset("is was are were has had have became becomes will did does served".split())
_PERSONAL = frozenset("he she it they we i you".split())


def _subject_end(s: _Sentence) -> int:
    """Where the words naming what the sentence is about end: at the first auxiliary or copula, or
    earlier at the first lower-case word after a content word ("The player controls detective
    Eddie Valiant, who is ...": the subject is "The player", not everything before "is"), or
    right after a personal pronoun ("In 1854, he married Almira Carleton": "he"). "Will" and
    "Has" written with a capital are names ("Will Carleton"), not auxiliaries."""
    verb = next((k for k, t in enumerate(s.tokens) if t.key in _VERBS and t.text.islower()), 0)
    seen = False
    for k, t in enumerate(s.tokens[:verb]):
        if t.key in _PERSONAL and k + 1 < len(s.tokens) and s.tokens[k + 1].text.islower():
            return k + 1
        if t.text.islower() and t.key.isalpha() and t.key not in STOPWORDS and seen:
            return k
        seen = seen or (t.key.isalpha() and t.key not in STOPWORDS)
    return verb


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

