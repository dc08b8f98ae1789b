"""Misinformation rewritten from a source: two copies of one article that differ in the answer
and in nothing that names their subject otherwise (see ``qa.conflicts.question``).

Copied misinformation changes the claim wherever it appears, the title's qualifier included
("Greg Boyer (musician) ... an American trombonist" / "Greg Boyer (chef) ... an American chef"),
so the qualifier vetoes of ``qa.conflicts.entity`` must not read it as two entities. Two entities
built on one template differ in their qualifier by more than the answer (Kaliganj Upazila,
Jhenaidah / Lalmonirhat, asked its literacy rate), or name another subject in the sentences they
share ("Meta aims ... 5 GW" / "Anthropic aims ... 1 GW").
"""
from __future__ import annotations

from .answer_facts import DocFacts, QuestionSettings, _Question
from .values import _CONNECT, Value, _cap
from .entity import _own_subjects, _qualifiers
from .sentences import _Sentence
from .swaps import Swaps

__all__ = ["rewritten"]


def _whole_name(s: _Sentence, v: Value) -> set[str]:
    """The words of the name run an answer is part of: "Mobster" read out of "Slim the Mobster"
    (the question's own words are left out of answers) is that whole name."""
    toks = s.tokens
    if v.kind != "name" or not 0 <= v.first < v.last <= len(toks):
        return set(v.key.split())
    i, j = v.first, v.last
    while i > 0 and (_cap(toks[i - 1]) or (toks[i - 1].key in _CONNECT and i > 1 and _cap(toks[i - 2]))):
        i -= 1
    while j < len(toks) and (_cap(toks[j]) or (toks[j].key in _CONNECT and j + 1 < len(toks) and _cap(toks[j + 1]))):
        j += 1
    return {t.key for t in toks[i:j]} | set(v.key.split())


def rewritten(fa: DocFacts, fb: DocFacts, swaps: Swaps, q: _Question, answers: tuple[Value, Value] | None,
              sents: tuple[_Sentence, _Sentence] | None, st: QuestionSettings) -> bool:
    """Whether two documents are copies of one article (``st.rewrite_grams`` of their word 4-grams
    shared) that rename nothing but the answer: then they are one entity, whatever their
    qualifiers say. ``answers``/``sents``: what each says and where (None: a stored conflict)."""
    if not st.rewrites or not fa.shares_grams(fb, st.rewrite_grams):
        return False
    said: set[str] = set()
    if answers is not None:
        for s, v in zip(sents or (None, None), answers):
            said |= _whole_name(s, v) if s is not None else set(v.key.split())
    # Subjects named differently in sentences the two share; words either document writes in
    # lower case ("History" heading a section) name nothing.
    renames = swaps.renames & (fa.names | fb.names)
    if renames - said or (answers is not None and _own_subjects(fa, fb, q, answers, sents, said)):
        return False
    (qa, pa), (qb, pb) = _qualifiers(fa, q), _qualifiers(fb, q)
    for sw in swaps.swaps:
        wa, wb = (set(x.split()) for x in sw.key.split("|"))
        if (wa & (qa | pa) or wb & (qb | pb)) and not (wa | wb) & said:
            return False  # the subject's qualifier is swapped, and it is not the answer
    return True
