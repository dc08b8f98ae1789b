"""A document's candidate answers to a question (``qa.conflicts.question``): in the sentences most
related to the question (cosine with the question vector plus the share of the question's words
they repeat), the value of the asked kind next to what the question asks ("directed by ..." for
"who directed"), or what a definition says the subject is ("a 2001 American drama film" for "what
genre"); the option of a choice question a document affirms; near-miss values; and whether an
answer sentence denies what the question asks ("did not participate in the 1513 conclave").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np

from .choices import affirmed_option
from .precision import precise_key, year_of
from .claims import quantities, stem, tokenize
from ..ingest.text import nfkc
from .counts import WORD_NUMBERS
from .sentences import _Sentence
from .definitions import _defined_as
from ..reading.answertype import question_focus
from .answer_facts import _KIN, _PREFIX, _Q_STOP, DocFacts, QuestionSettings, Value, _about_subject, _junk, _Question
from .slots import _value_fits, names_the_measured
from .values import ASKS_ORIGIN, _name_parts, describes_kind, origin_of
from .colours import WORD_KINDS
from .life_events import closes_span, event_noun, life_span_end, opens_span
from .counted import counted_distance, counted_words

__all__ = ["_answers", "_chosen", "_polarity", "_relevance", "asks_several", "by_the_verb", "close_values"]

# Questions after a count: a count written in words ("four") answers only these.
_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)
# Questions after a measure (a size, a distance, an amount), whose answer carries a unit.
_MEASURE = re.compile(r"\bhow (?:much|large|long|far|big|high|tall|deep|heavy|wide)\b|\b(?:distance|area|length|"
                      r"height|size|weight|depth|width|temperature)\b|\d\s*(?:km|mi|m|kg|acres?|hectares?)\b",
                      re.IGNORECASE)


def _relevance(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
               st: QuestionSettings) -> np.ndarray:
    lex = np.array([len(q.stems & f.sents[i].content) / max(1, len(q.stems)) for i in rows], np.float32)
    if qvec is None or f.vectors is None:
        return lex
    return f.vectors[list(rows)] @ qvec + st.lexical_weight * lex


# Words that may stand between the kind of thing asked for and the name of one ("chips such as
# Trainium", "its chip, called Jalapeño", "his courtesy name was Gu Yong").
_LINKING = frozenset("""such as like including includes called named dubbed known the its their his her a an namely
    is was are were""".split())


def _focus_head(question: str) -> str:
    """The last word of the kind of thing a "what <thing>" question asks for ("chips"), or ""."""
    return next(iter((question_focus(question).focus or "").split()[-1:]), "")


@lru_cache(maxsize=4096)
def _focus_stem(question: str) -> str | None:
    """The stem prefix of the kind of thing a "what <thing>" question asks for ("chip" of "What
    chips does Anthropic use?"), or None."""
    head = _focus_head(question)
    return stem(head.lower())[:_PREFIX] if head.isalpha() else None


# Questions asking by their verb, whose answer is named where the verb (or its noun: "report",
# "designer") is, not anywhere in a sentence about the subject: a doer ("Who reported ...?", "Who
# first designed ...?", "Who is investigating WeWork?", "What agency is investigating WeWork?"), or what the verb took ("What did NASA find
# on Europa?": not "Goddard Space Flight Center" of a sentence on who found it; "What were analysts
# expecting from Home Depot?").
_BY_ITS_VERB = re.compile(r"\s*(?:who|(?:what|which)\s+[a-z]+)\s+(?:(?:first|also|originally|reportedly|later)\s+)?"
                          r"(?:(?!(?:is|was|has|does|are|were|have|had|did|do)\b)[a-z]+(?:ed|s)"
                          r"|(?:is|are|was|were|has been|have been|had been)\s+[a-z]{3,}ing)\b"
                          r"|\s*what\s+(?:did|does|do|has|have|had|will|would)\s"
                          r"|\s*what\s+(?:is|are|was|were)\s+(?:[\w'’.-]+\s+){1,3}?(?-i:[a-z]{3,}ing)"
                          r"(?:\s+(?:from|of|to|in|on|at|for|about|with)\b|\s*\??\s*$)", re.I)
# A relation asked by its noun ("What company is WeWork's parent?", "Who is Anthropic's CEO?"): the
# answer is named where the noun is; "company" says only what kind of answer is wanted, and
# "SoftBank, its largest shareholder, ... investment company" names no parent.
_BY_ITS_NOUN = re.compile(r"\s*(?:who|(?:what|which)(?:\s+[a-z]+)?)\s+(?:is|are|was|were)\s+(?:the\s+)?"
                          r"[\w.&-]+(?:\s+[\w.&-]+){0,2}['’]s\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s*\??\s*$", re.I)
# ... or by its holder's office ("Who is the deputy director of Inner Mongolia's disease control
# centre?"): not "Russian" of "western Mongolia, which is close to the Russian frontier".
_BY_ITS_OFFICE = re.compile(r"\s*who\s+(?:is|are|was|were)\s+(?:the\s+)?((?:[a-z][\w-]*\s+)?(?:director|president|ceo|"
                            r"chairman|chairwoman|chair|chief|head|minister|secretary|governor|mayor|spokesman|spokeswoman|"
                            r"spokesperson|leader|manager|coach|captain|editor|chancellor|commissioner)s?)\s+(?:of|at|for)\s", re.I)
# Where something was done ("found in Inner Mongolia", "at its plant"): a place, which answers a
# "what <kind>" question only when the kind is one of places.
_AT = frozenset("in at near inside outside across".split())
_PLACES = frozenset(stem(w)[:_PREFIX] for w in """city cities country countries region state town village province place
    location island river lake mountain park street building site venue arena stadium capital continent district area
    neighborhood neighbourhood nation territory borough coast port airport station hospital school university college
    prison campus hotel restaurant zone valley ocean sea bay peak county municipality headquarters base plant factory
    facility home residence""".split())
_PREPOSITIONS = _AT | frozenset("of for by with to from on into over under about after before during".split())
_BACK = 6  # tokens a name's preposition may stand before it ("in north China's Inner Mongolia")


def _a_place(s: _Sentence, first: int) -> bool:
    """Whether the name at token ``first`` is where something is: its nearest preposition before it
    is "in", "at", ... ("hospitalized ... in north China's Inner Mongolia Autonomous Region"), or
    "of" after a kind of place ("in the town of Ziketan")."""
    for k in range(first - 1, max(-1, first - 1 - _BACK), -1):
        if s.keys[k] in _PREPOSITIONS:
            return s.keys[k] in _AT or s.keys[k] == "of" and k > 0 and stem(s.keys[k - 1])[:_PREFIX] in _PLACES
    return False


_NOT_PLURAL = re.compile(r"(?:ss|us|is|ics|news|series|species)$")
_ONE_VALUE = frozenset(("DATE", "TIME", "DURATION", "NUM", "MONEY", "PERCENT", "QUANTITY"))


@lru_cache(maxsize=4096)
def asks_several(question: str) -> bool:
    """Whether a "what/which <things>" question asks for a set ("Which companies invested in
    Anthropic's Series H?"): one source naming Micron and another Samsung name two of them, and do
    not disagree. Not a count or another figure ("How many tornadoes ...?" has one answer)."""
    foc, word = question_focus(question), _focus_head(question)
    return (foc.wh in ("what", "which") and foc.type not in _ONE_VALUE and len(word) > 3 and word.endswith("s")
            and not _NOT_PLURAL.search(word))


def _focus_spots(s: _Sentence, focus: str) -> tuple[int, ...]:
    return tuple(n for n, key in enumerate(s.keys) if key.isalpha() and stem(key)[:_PREFIX] == focus)


def _tied_to_focus(s: _Sentence, v: Value, spots: Sequence[int]) -> bool:
    """Whether name ``v`` is one of the things the sentence names by the asked kind: inside the
    phrase ("Trainium chips"), before it with at most one word between ("Jalapeño inference chip"),
    or after it with only linking words between ("chips such as Trainium"). A sentence that
    names chips and, elsewhere, a company ("... self-developed chips is that OpenAI has ...") does
    not answer "What chips ...?" with the company; one not naming the kind at all may ("the
    Munster Senior Cup is a rugby competition" answers "What sport ...?")."""
    for n in spots:
        if v.first <= n <= v.last + 1:
            return True
        if n < v.first and v.first - n <= 4 and all(k in _LINKING for k in s.keys[n + 1:v.first]):
            return True
    return False


@lru_cache(maxsize=1024)
def stated_counts(question: str) -> tuple[float, ...]:
    """The bare counts a wh-question states ("Which company agreed to take on about 1,000 WeWork
    workers?"): they pin the fact asked about. Not a yes/no question's (its count is the slot)."""
    if not question_focus(question).wh:
        return ()
    text = nfkc(question)
    toks = tokenize(text)

    def named(x) -> bool:  # "Flight 109", "Symphony No. 38", "94 Squadron", "24th Rifle Division": a name's number
        if x.qualifier:
            return False  # "about 1,000 WeWork workers": a hedged figure is a count
        before = toks[x.first - 1] if x.first > 0 else None
        after = toks[x.last] if x.last < len(toks) else None
        return (before is not None and (before.text[:1].isupper() or before.key in ("no", "number"))
                or after is not None and (after.text[:1].isupper() or after.key in ("th", "st", "nd", "rd")))
    return tuple(x.value for x in quantities(toks, text) if not x.unit and x.value > 1 and not named(x))


def _states_count(s: _Sentence, counts: Sequence[float]) -> bool:
    """Whether the sentence gives each stated count, within a factor 1.5 ("close to 1,000")."""
    return all(any(not x.unit and c / 1.5 <= x.value <= c * 1.5 for x in s.quantities) for c in counts)


def _answers(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
             st: QuestionSettings) -> list[tuple[float, int, Value]]:
    """The document's candidate answers, best first: (sentence relevance, sentence, value)."""
    kind = q.answer_kind
    if not rows or kind is None or kind not in st.types or (q.other and "OTHER" not in st.types):
        return []
    if q.options and st.choices:
        return []  # the answer is one of the options the question lists (``qa.conflicts.choices``)
    if st.answer_subject_doc and _subject_share(q, f) < st.answer_subject_doc:
        return []
    rel = _relevance(q, f, rows, qvec, st)
    head = _focus_stem(q.text) if st.focus_tied else None  # the asked kind's noun
    focus = head if q.other else None
    measured = q.kind == "number" and _MEASURE.search(q.text) is not None
    counted = _COUNT.search(q.text) is not None or any(w in WORD_NUMBERS for w in q.keys)
    m = _BY_ITS_NOUN.match(q.text) or _BY_ITS_OFFICE.match(q.text)
    relation = {stem(w)[:_PREFIX] for w in m.group(1).lower().split()} if m else set()
    # "What company owns WeWork?": the answer is named where "owns" is; "company" says only what kind
    # of answer is wanted (not "WeWorkers Coalition" of "... criticising the company's leadership").
    kind_word = _focus_stem(q.text) if st.who_anchored and not relation and _BY_ITS_VERB.match(q.text) else None
    pinned = stated_counts(q.text) if st.stated_counts else ()
    fits = _value_fits(q)
    origin = ASKS_ORIGIN.search(q.text) is None  # "What nationality ...?" is answered by "American"
    tally = counted_words(q.text) if q.kind == "number" else ()
    out: list[tuple[float, int, Value]] = []
    for k in np.argsort(-rel, kind="stable"):
        if rel[k] < st.relevant or len(out) >= st.top_sentences:
            break
        i = rows[k]
        s = f.sents[i]
        if st.answer_subject and not _speaks_of_subject(q, f, i) or not names_the_measured(q, s):
            continue  # asked the price of a streaming bundle, a sentence pricing earphones gives none
        if pinned and not _states_count(s, pinned):
            continue  # "... take on about 1,000 WeWork workers": not SoftBank's rescue of WeWork
        # Near what is asked ("directed by ..."); else near any word of the question, a little
        # farther: the subject's own name is next to many things that are no answer.
        anchors = [n for n, key in enumerate(s.keys)
                   if q.asks(key) and (kind_word is None or stem(key)[:_PREFIX] != kind_word)]
        if relation and st.who_anchored:
            anchors = [n for n, key in enumerate(s.keys) if key.isalpha() and stem(key)[:_PREFIX] in relation]
            if not anchors:
                continue
        if not anchors and q.predicate and (st.anchored or st.who_anchored and _BY_ITS_VERB.match(q.text)):
            continue
        named = q.kind is None and kind == "name"  # a name stated in the answer's place: next to what is asked only
        if named and not (anchors and (not st.named_subject or _speaks_of_subject(q, f, i))):
            continue  # ... and in a sentence about the subject ("Did TSMC make ...?": TSMC near)
        penalty = 0 if anchors else st.subject_penalty
        anchors = anchors or [n for n, key in enumerate(s.keys) if key in q.keys and key not in _Q_STOP]
        best: tuple[float, Value] | None = None
        if q.other and st.definitions:
            # "What genre/sport/medium ...": the answer is often a common noun in a definition.
            v = _defined_as(s, q)
            if v is not None and not _about_subject(v, q):
                best = (-1.0, v)
        spots = _focus_spots(s, focus) if focus else ()
        for v0 in WORD_KINDS[kind][0](s) if kind in WORD_KINDS else f.values[i]:
            if spots and v0.kind == "name" and not _tied_to_focus(s, v0, spots):
                continue  # "What chips ...?": the sentence names chips, and this name is not one
            if v0.kind == "name" and (describes_kind(s, v0, head) or origin and origin_of(s, v0)):
                continue  # "which company": not "Japanese" of "Japanese technology company SoftBank"
            if focus and st.places_asked and v0.kind == "name" and focus not in _PLACES and _a_place(s, v0.first):
                continue  # "What disease was found in China?": not "Inner Mongolia" of "found in Inner Mongolia"
            if v0.kind != kind or (v0.kind == "number" and v0.text.isalpha() and not counted):
                continue  # a count in words ("four") answers only a count
            if v0.kind == "number" and (not _spans_asked(q, v0.key.split(":", 1)[0]) or not fits(v0, s.raw)):
                continue  # asked a price, "12" of "Apple's 12-inch MacBook" is none (slots._value_fits)
            if v0.kind == "date" and q.events and (closes_span(s, v0) if "birth" in q.events else opens_span(s, v0)):
                continue  # asked when he was born, not "18 April 1643" of "(1577 – 18 April 1643)"
            if v0.kind == "date" and q.precision and not v0.key.endswith("s"):
                # "2 March 1881" when the question asks for the day (``qa.conflicts.precision``).
                key, first = precise_key(s, v0.first, q.precision)
                v0 = replace(v0, key=key, text=s.norm[s.tokens[first].start:s.tokens[v0.last - 1].end])
            # The stated name itself, whole; a kin's too ("Peter Seadlund", the father: the surname is the subject's).
            if v0.kind == "name" and (named and q.claimed <= set(v0.key.split()) or q.predicate & _KIN
                                      and not set(v0.key.split()) <= q.keys):
                parts: Sequence[Value] = (v0,)
            elif v0.kind == "name":
                parts = _name_parts(s, v0, q.keys, frozenset(q.subject) if st.glued_parts else frozenset())
            else:
                parts = (v0,)
            for v in parts:
                if _about_subject(v, q):
                    continue
                dist = penalty + min((_gap(s, q, a, v, st.gap_skips_question) for a in anchors), default=len(s.keys))
                if q.events and event_noun(s, v, q.events):
                    dist = min(dist, 1)  # "Birth: 27 April 1699", "1972 births"
                if q.events and v.kind == "date" and life_span_end(s, v, "birth" in q.events):
                    dist = min(dist, 1)  # "Thomas Belasyse (1577 – 18 April 1653)": born 1577
                if measured and v.key.startswith(":"):
                    dist += st.subject_penalty  # a size or distance has a unit; a bare figure is a count or a rank
                dist = counted_distance(s, v, tally, dist, st.subject_penalty)  # "two live albums", not "four"
                if dist > st.near or _junk(v, s):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, v)
        if best is not None:
            out.append((float(rel[k]), i, best[1]))
    return out


def _spans_asked(q: _Question, unit: str) -> bool:
    """Whether a figure in ``unit`` answers the question's span: an age only "how old", a span of time
    only "how long" or "how many days" (a length too: "how long is the bridge"), and those questions
    nothing else ("sentenced to 50 weeks" is no age); a rank ("50th Anniversary Tour") no count."""
    if unit == "rank":
        return _COUNT.search(q.text) is None
    if q.span == "age":
        return unit == "age"
    if q.span == "time":
        return unit == "year" or (unit == "m" and question_focus(q.text).wh == "how long")
    return unit not in ("year", "age")


_BY_VERB = 6  # tokens


def by_the_verb(q: _Question, s: _Sentence, first: int, last: int, st: QuestionSettings) -> bool:
    """Whether tokens ``first:last`` of ``s`` may answer the question: for one asking who did
    something or what a verb took (``_BY_ITS_VERB``), only within a few tokens of the verb or another
    of its words. (A swap in a quote's attribution, "said in the earnings release" / "in the
    company's news release", is no answer to any question but who said it: ``slots._fits``.)"""
    if not (st.who_anchored and q.predicate and _BY_ITS_VERB.match(q.text)):
        return True
    return any(q.asks(k) and first - _BY_VERB <= n < last + _BY_VERB for n, k in enumerate(s.keys))


def _gap(s: _Sentence, q: _Question, a: int, v: Value, skip: bool) -> int:
    """Tokens from anchor ``a`` to the value (1: adjacent); with ``skip``, the question's own words
    between them do not count: "Total distance of 1920 Volta a Catalunya: 607 km" puts the figure
    next to "distance" as "the distance is 607 km" does, the subject's name standing between."""
    if v.first <= a < v.last:
        return 0
    lo, hi = (a, v.first) if a < v.first else (v.last - 1, a)
    # A clause boundary between them: "... as a potential manufacturing partner, the U.S. IT news outlet ...".
    cut = 3 if re.search(r"[,;]", s.norm[s.tokens[lo].end:s.tokens[hi].start]) else 0
    # "nicknamed (by Verta Kali Smart)": a passive's agent is as near its verb as a subject is.
    cut -= a < v.first and s.keys[v.first - 1] == "by"
    if not skip:
        return hi - lo + cut
    return 1 + cut + sum(k not in q.keys for k in s.keys[lo + 1:hi])


def _speaks_of_subject(q: _Question, f: DocFacts, i: int) -> bool:
    """Whether sentence ``i`` of the document may speak about the question's subject: it, a
    neighbour or the document's lead names one of the subject's words (a question naming none
    leaves every sentence in)."""
    if not q.subject:
        return True
    near = {t.key for t in f.lead}
    for n in (i - 1, i, i + 1):
        if 0 <= n < len(f.sents):
            near.update(f.sents[n].keys)
    return any(w in near for w in q.subject)


def _subject_share(q: _Question, f: DocFacts) -> float:
    """The share of the question's subject words the document names somewhere (1.0 for none)."""
    if not q.subject:
        return 1.0
    lead = {t.key for t in f.lead}
    return sum(w in f.keys or w in lead for w in q.subject) / len(q.subject)


def _chosen(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
            st: QuestionSettings) -> tuple[float, int, Value] | None:
    """A choice question's answer in this document: the one option its sentences answering the
    question affirm (``qa.conflicts.choices``), as (sentence relevance, sentence, value)."""
    rel = _relevance(q, f, rows, qvec if f.vectors is not None else None, st)
    best = [rows[k] for k in np.argsort(-rel, kind="stable") if rel[k] >= st.relevant]
    got = affirmed_option(q.options, f.sents, best)
    if got is None:
        return None
    n, i, a, b = got
    s = f.sents[i]
    text = s.norm[s.tokens[a].start:s.tokens[b - 1].end]
    return float(rel[list(rows).index(i)]), i, Value("name", " ".join(q.options[n]), text, a, b)


_CLOSE_YEARS = 2
_CLOSE_RATIO = 1.5


def close_values(a: Value, b: Value) -> bool:
    """Whether two different answers are near misses of one another: years at most
    ``_CLOSE_YEARS`` apart, figures in one unit within ``_CLOSE_RATIO`` of each other."""
    if a.kind != b.kind or a.kind == "name" or a.kind in WORD_KINDS:
        return False
    if a.kind == "date":
        ya, yb = year_of(a.key).rstrip("s"), year_of(b.key).rstrip("s")  # a decade by its first year
        return ya.isdigit() and yb.isdigit() and abs(int(ya) - int(yb)) <= _CLOSE_YEARS
    (ua, xa), (ub, xb) = (v.key.split(":", 1) for v in (a, b))
    lo, hi = sorted((abs(float(xa)), abs(float(xb))))
    return ua == ub and lo > 0 and hi / lo <= _CLOSE_RATIO


_NEGATION_REACH = 3  # tokens between a negation and the predicate word it denies ("did not participate")
# Words that deny a verb ("did not participate", "was never released"); "none" or "no" deny a noun
# ("Labels: none (self-released)").
_DENY = frozenset("not n't never cannot".split())
_WORDING = 8  # predicate words this close to the value are quoted with it in the summary


def _denies(key: str) -> bool:
    return key in _DENY or key.endswith("n't")


def _polarity(s: _Sentence, v: Value, q: _Question) -> tuple[bool, Value] | None:
    """Whether the sentence denies what the question asks (a negation just before one of its
    predicate words: "did not participate in the 1513 papal conclave"), with the value widened to
    that wording for the summary; None when no predicate word is there to judge by."""
    asked = [n for n, key in enumerate(s.keys) if q.asks(key)]
    denied = [n for n in asked if any(_denies(k) for k in s.keys[max(0, n - _NEGATION_REACH):n])]
    if not asked:
        return None
    near = [n for n in denied or asked if min(abs(n - v.first), abs(n - v.last + 1)) <= _WORDING]
    if denied and not near:  # "a ... police sergeant searched that same hotel room but did not find the girl": too far to tie or quote
        return None
    first = min(near + [v.first])
    last = max([n + 1 for n in asked if n - v.last < _WORDING and n >= first] + [v.last])
    if denied:
        first = min(first, max(0, first - _NEGATION_REACH))
        while not _denies(s.keys[first]) and first < v.first:
            first += 1
    return bool(denied), replace(v, text=s.norm[s.tokens[first].start:s.tokens[last - 1].end])
