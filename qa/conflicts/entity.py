"""Same entity or two entities sharing a name? Decided for two documents that give a question
different answers (see ``qa.conflicts.question``): the qualifiers of the subject where the title or
first sentence names it, the names the answer sentences give their subject, and the text and names
the two documents share.
"""
from __future__ import annotations

import re

from .answer_facts import _KIN, DocFacts, QuestionSettings, _Question
from .values import _CONNECT, Value, _cap
from .claims import STOPWORDS, stem, tokenize
from .sentences import _Sentence
from .life_events import shared_span_end
from .shared_days import shared_days
from ..reading.answertype import question_focus

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
        if _named(f, toks[k].key):
            out.add(toks[k].key)
    for k in range(i - 1, max(-1, i - 3), -1):
        if not _cap(toks[k]) or not joined(k, k + 1):
            break
        if _named(f, toks[k].key):
            out.add(toks[k].key)
    paren: set[str] = set()
    m = _PAREN.match(f.lead_text, toks[j - 1].end)
    if m:
        paren = {t.key for t in tokenize(m.group(1))} - STOPWORDS - subj
    return frozenset(out - STOPWORDS - _CONNECT), frozenset(paren)


def _named(f: DocFacts, key: str) -> bool:
    return key in f.names or key not in f.keys


# Words of a qualifier that every entity of its kind shares: "(1941 film)" names a year, not "film".
_GENERIC = frozenset("film films movie album song single band novel book series tv television show "
                     "play musical magazine newspaper company club team game video season episode "
                     "station river village town city county district state province".split())

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
    # Inside a name, the word after it is capitalised and nothing but spaces stands between ("two
    # live albums" counts albums; "Live albums\t1; Live ..." is a table's row).
    around = s.norm[toks[v.first - 1].end:toks[v.first].start] + s.norm[toks[v.last - 1].end:toks[v.last].start]
    return toks[v.last].text[:1].isupper() and not around.strip()


def _next_to_subject(s: _Sentence, v: Value, q: _Question) -> bool:
    """Whether the answer is glued to a word of the subject's name ("487th Bombardment", asked
    which type of unit the 487th is): then it is part of that name, not said about it."""
    toks, subject = s.tokens, set(q.subject)
    before = v.first > 0 and toks[v.first - 1].key in subject and not s.norm[toks[v.first - 1].end:toks[v.first].start].strip()
    after = v.last < len(toks) and toks[v.last].key in subject and not s.norm[toks[v.last - 1].end:toks[v.last].start].strip()
    return before or after


def _names_before(s: _Sentence, v: Value, span: int = 10) -> set[str]:
    """Names in the sentence's subject (its first words) or just before the answer: what the
    answer is said of ("Meta ... a total capacity of 5 GW")."""
    toks = s.tokens[:min(v.first, 6)] + s.tokens[max(6, v.first - span):v.first]
    return {t.key for t in toks if t.key in s.names}


def _own_subjects(a: DocFacts, b: DocFacts, q: _Question, answers, sents, said: set[str]) -> bool:
    """Whether each answer sentence gives its subject a name the other document never writes
    (Meta's 5 GW, Anthropic's 1 GW): two subjects, not one."""
    if sents is None or answers is None:
        return False
    na = _names_before(sents[0], answers[0]) - q.keys - said - b.keys
    nb = _names_before(sents[1], answers[1]) - q.keys - said - a.keys
    return bool(na and nb)


def _pinned(sents: tuple[_Sentence, _Sentence] | None, q: _Question, least: int) -> bool:
    """Whether both answer sentences repeat at least ``least`` of the question's content words: a
    specific question ("Who was the manager of St Eunan's GAA in 2017?") pins down one thing, and
    two statements that both restate it speak of that thing, though their documents (two short
    excerpts) share little else. Short questions ("Who directed Manic?") never reach it: their
    name is exactly what namesakes share."""
    if not least or sents is None:
        return False
    both = q.stems & sents[0].content & sents[1].content
    return len(q.stems) >= _PINNING and len(both) >= least


# Content words a question needs to pin one thing down: RAMDocs' questions, written to be
# ambiguous ("What is the population of Broken Bow?"), mostly have 3 to 5.
_PINNING = 6


def _leads_with_subject(f: DocFacts, q: _Question) -> bool:
    """Whether the title or first sentence names the question's subject."""
    subj = set(q.subject)
    return any(t.key in subj for t in f.lead)


def same_entity(a: DocFacts, b: DocFacts, q: _Question, st: QuestionSettings,
                answers: tuple[Value, Value] | None = None,
                sents: tuple[_Sentence, _Sentence] | None = None, need_overlap: bool = True,
                copies: bool = False) -> bool:
    """Whether two documents describe the same entity (see :func:`entity_relation`)."""
    return entity_relation(a, b, q, st, answers, sents, need_overlap, copies) == SAME


SAME, NAMESAKES, UNRELATED = "same", "namesakes", "unrelated"


def entity_relation(a: DocFacts, b: DocFacts, q: _Question, st: QuestionSettings,
                    answers: tuple[Value, Value] | None = None,
                    sents: tuple[_Sentence, _Sentence] | None = None, need_overlap: bool = True,
                    copies: bool = False) -> str:
    """``SAME`` when two documents describe the same entity; ``NAMESAKES`` when something shows
    they describe different entities sharing a name (each qualifies it in its own way, or the
    answers sit inside two different names); ``UNRELATED`` when they are not shown to be one entity
    but nothing shows two namesakes either (a qualifier only one writes, each answer said of another
    subject, too little shared text): those get neither a conflict nor a note.

    A qualifier that is the answer itself ("Interiors (Nirvana album)" vs "Interiors (Brad
    album)", asked who made "Interiors") is the disagreement, not a sign of two entities. Two
    ``copies`` of one article are one entity unless what they swap is the qualifier of their
    subject ("Kaliganj Upazila, Jhenaidah" / "Kaliganj Upazila, Lalmonirhat"): copied misinformation
    changes the claim, not the name of what it is about."""
    said: set[str] = set()
    for v in answers or ():
        said |= set(v.key.split())
    # A life's span: asked when someone was born or died, not when a museum opened ("Pehion (1836-1913)"
    # and "Macedonia, 1870-1913" end alike by chance).
    spans = lambda: bool(st.span_ends and q.events and sents is not None and answers is not None  # noqa: E731
                         and shared_span_end(sents, answers))
    if copies:
        (qa, pa), (qb, pb) = _qualifiers(a, q), _qualifiers(b, q)
        if any(set(v.key.split()) & quals for v, quals in zip(answers or (), (qa | pa, qb | pb))):
            return NAMESAKES
        qa, qb = qa - said, qb - said
        same = not (qa - b.keys and qb - a.keys) and not _own_subjects(a, b, q, answers, sents, said)
        return SAME if same else NAMESAKES
    # Whether each is an excerpt of a sentence or two (see QuestionSettings.excerpt_words).
    ex_a, ex_b = (bool(st.excerpt_words) and _excerpt(f, st.excerpt_words) for f in (a, b))
    named = False  # one names its subject with a qualifier the other repeats ("(Iowa)" ... "Adel, Iowa")
    if st.qualifier:
        (qa, pa), (qb, pb) = _qualifiers(a, q), _qualifiers(b, q)
        differ = bool(pa and pb and pa != pb)  # "(died 1566)" / "(died 1680)", before the answer is set aside
        qa, qb, pa, pb = qa - said, qb - said, pa - said, pb - said
        one_a, one_b = (qa | pa, qb | pb) if st.one_sided == "names" else (pa, pb)
        if st.one_sided_lead:
            # A fragment that never names the subject up front does not name it otherwise: that it
            # lacks the other's qualifier says nothing (a misinformation excerpt of the same page).
            one_a = one_a if _leads_with_subject(b, q) else frozenset()
            one_b = one_b if _leads_with_subject(a, q) else frozenset()
        if (qa - b.keys and qb - a.keys) or (pa and pb and pa != pb):
            # Each names it with a qualifier the other never writes, or with another parenthesis:
            # "(1912)" / "(1941)", "(professional)" / "(social)".
            return NAMESAKES
        days = st.shared_days and shared_days(a, b, said) >= st.shared_days
        if days or spans():
            # Two exact days both on record (born and died), or the answer's span ending alike
            # ("(1786–1838)", "(1850-1838)"): one entity, whatever else differs.
            return SAME
        # An excerpt of a sentence or two has no room to qualify its subject: lacking the other's
        # qualifier says nothing ("Waalo's (a Jolof kingdom ...)" against "... gained control of Waalo.").
        if st.one_sided and (one_a - b.keys and not ex_b or one_b - a.keys and not ex_a):
            return UNRELATED  # a qualifier one lacks: not one entity, but no proof of two either
        # Years and kind words ("(1997)", "(film)") are shared by many entities: no evidence.
        named = st.qualified_same and not differ and any(
            w not in STOPWORDS and w not in _GENERIC and not w[:1].isdigit() for w in pa | pb)
    if sents is not None and answers is not None and not q.predicate & _KIN and all(
            _inside_name(x, v, q) or _next_to_subject(x, v, q) for x, v in zip(sents, answers)):
        return NAMESAKES  # "The 487th Fighter Squadron" / "The 487th Bombardment Squadron": two names
    if _own_subjects(a, b, q, answers, sents, said):
        # Each answer is said of another subject (Meta's 5 GW, Anthropic's 1 GW): two statements
        # that read alike, not two entities sharing the name asked about (that is what differing
        # qualifiers of the name show, above).
        return UNRELATED
    if not need_overlap or named or _pinned(sents, q, st.pinned) or not st.qualifier and (
            st.shared_days and shared_days(a, b, said) >= st.shared_days or spans()):
        return SAME
    if sents is not None and _sentence_overlap(sents[0], sents[1], said) >= st.same_sentence:
        return SAME  # the two answers are given in one statement, reworded
    grams = len(a.grams & b.grams) / max(1, min(len(a.grams), len(b.grams)))
    if grams >= st.same_grams:
        return SAME
    na, nb = a.names - q.keys, b.names - q.keys
    if len(na & nb) / max(1, min(len(na), len(nb))) >= st.same_names:
        return SAME
    # An excerpt of a sentence or two shares little with anything: that says nothing of its subject.
    # Only for dates and figures: names read from a lone sentence are too often not its answer
    # ("KS" / "Leicestershire, England" asked whether Castle Donington is a village).
    # Not for a stored conflict's statements: their figures need not answer the question.
    if sents is not None and answers is not None and (ex_a or ex_b) and (
            all(v.kind in ("date", "number") for v in answers) or st.excerpt_names and question_focus(q.text).wh
            and all(v.kind == "name" and _restates(x, v, q) for x, v in zip(sents, answers))):
        return SAME
    return UNRELATED


_OPENING = 6  # first tokens of a sentence, where its grammatical subject is named
_TIED = 8  # tokens between the asked relation's word and a name, the question's own words not counted


def _restates(s: _Sentence, v: Value, q: _Question) -> bool:
    """Whether an answer sentence restates what the question asks and gives the name in its place:
    it names the subject by the last word of its name ("GAA" of "St Eunan's GAA", "Seadlund") and
    the name stands by a word of the asked relation ("The manager of St Eunan's GAA in the period
    c2014-c.2018 was Maxi Curran"; "later nicknamed (by Verta Kali Smart)"), and no other name opens
    the sentence, unless the name is a kin's carrying the subject's surname. Then the name is that sentence's answer, not some name of a lone sentence ("KS" of
    "welcomed KS4 ..." asked whether Castle Donington is a village), nor one said of another subject
    ("Globex said its own inference chip, called Osprey, will rival the chips of Acme Corp")."""
    head = [w for w in q.subject if not w[:1].isdigit()][-1:]
    if not q.predicate or not head or head[0] not in s.keys or s.norm[s.tokens[v.last - 1].end:].startswith(":"):
        return False  # "(Portuguese: Massacre do Carandiru ...)": a label, not a name given as the answer
    kin = q.predicate & _KIN and head[0] in v.key.split()  # "his father, Paul Seadlund": the surname ties him
    if not kin and any(t.key in s.names and t.key not in q.keys for t in s.tokens[:min(v.first, _OPENING)]):
        return False
    toks, subject = s.tokens, set(q.subject)
    for n, key in enumerate(s.keys):
        if not q.asks(key) or v.first <= n < v.last:
            continue
        if n > 0 and s.keys[n - 1] in subject and not s.norm[toks[n - 1].end:toks[n].start].strip() and not (
                toks[n - 1].text.endswith(("'s", "’s"))):
            continue  # "the Carandiru massacre ...": the subject's own name, not what is asked of it
        lo, hi = (n, v.first) if n < v.first else (v.last - 1, n)
        if sum(k not in q.keys for k in s.keys[lo + 1:hi]) < _TIED:
            return True
    return False


def _excerpt(f: DocFacts, words: int) -> bool:
    """Whether a document is a sentence or two of at most ``words`` words."""
    return len(f.sents) <= 2 and sum(len(s.keys) for s in f.sents) <= words
