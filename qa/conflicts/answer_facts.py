"""What the question path knows about each document (``DocFacts``, built once per document) and
about the question; the candidate answers are read in ``qa.conflicts.values``. See
``qa.conflicts.question`` for the method.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np

from ..reading.answertype import question_focus
from ..reading.readerfeatures import YES_NO
from ..reading.ages import asks_age
from ..reading.purposes import asks_purpose
from ..reading.reasons import asks_cause
from ..reading.owners import described_owners, with_plural_possessives
from .choices import choice_options, stated_name
from .colours import WORD_KINDS, asks_colour, stated_colours
from ..reading.gender_words import asks_gender
from .counts import WORD_NUMBERS
from .claims import STOPWORDS, Token, is_year, ordinal_after, quantities, stem, tokenize
from .headings import shouted, titled
from ..ingest.text import nfkc
from .rules import _same_spelling
from .question_settings import QuestionSettings
from .precision import asked_precision, dates_agree, figures_agree, precise_key
from .life_events import events_asked
from .sentences import Encoder, _analyse, _DocSentences, _Sentence
from .swaps import SharingIndex, sharing_index
from ..ingest.corpus import Document
from .values import _CONNECT, _PREFIX, Value, _an_age, _figure_values, _Values, in_a_model_name


ANSWER = "answer"
_DATE_TYPES = frozenset({"DATE", "TIME"})
_NUMBER_TYPES = frozenset({"NUM", "QUANTITY", "MONEY", "PERCENT", "DURATION"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "PLACE", "OTHER"})
_SCALES = frozenset("dozen hundred thousand million billion trillion".split())  # "more than a million": a count
_Q_STOP = STOPWORDS | frozenset("what which who whom whose when where why how name named called "
                                "many much did does do is was were".split())


@dataclass
class DocFacts:
    """Everything the question path needs about one document, computed once (build time)."""

    doc: Document
    sents: list[_Sentence]
    values: Sequence[tuple[Value, ...]]  # each sentence's candidate answers, made on first use
    keys: frozenset[str]  # every token key of the content sentences
    names: frozenset[str]
    years: frozenset[str]
    numbers: tuple[tuple[float, float, str, float, bool], ...]  # (low, high, unit, value, hedged) of every figure
    grams: frozenset[int]  # hashed word 4-grams
    lead: tuple[Token, ...]  # tokens of the title and first sentence: where the subject is named
    lead_text: str
    vectors: np.ndarray | None = None  # one L2-normalised row per sentence

    @classmethod
    def of(cls, doc: Document, encode: Encoder | None = None, analysis: _DocSentences | None = None) -> "DocFacts":
        """``analysis``: the document's ``_analyse`` if one was made already (the pair cache's),
        which is most of the cost."""
        sents = list((analysis or _analyse(doc)).sents)  # one document: already numbered 0
        values = _Values(sents)
        keys = frozenset(chain.from_iterable([s.keys for s in sents]))
        names = frozenset(chain.from_iterable([s.names for s in sents]))
        # The years and the counts in words, read off the figures alone (the same values as the
        # full list's, which names make three times as costly and questions read a few rows of).
        figures = [_figure_values(s) for s in sents]
        years = frozenset([v.key for vs in figures for v in vs if v.kind == "date"])
        numbers = tuple((q.low, q.high, "age" if _an_age(s, q.first, q.last, q.unit) else q.unit, q.value, q.qualifier == "about")
                        for s in sents for q in s.quantities) + tuple(
            (v.low, v.high, v.key.split(":", 1)[0], v.low, False) for vs in figures for v in vs
            if v.kind == "number" and v.text.split()[0].casefold() in WORD_NUMBERS)
        grams = frozenset(chain.from_iterable([_grams(s.keys) for s in sents]))
        lead_text = (nfkc(doc.title) + " . " + (sents[0].norm if sents else ""))[:400]
        vecs = None
        if encode is not None and sents:
            # An encoder that looks vectors up in an index may read one document's rows only.
            enc = encode.for_doc(doc.doc_id) if hasattr(encode, "for_doc") else encode
            vecs = np.asarray(enc([s.norm for s in sents]), dtype=np.float32)
        return cls(doc, sents, values, keys, names, years, numbers, grams,
                   tuple(tokenize(lead_text)), lead_text, vecs)

    def sharing(self) -> SharingIndex:
        """``swaps.sharing_index`` of the sentences, made on first use and kept."""
        got = self.__dict__.get("_sharing")
        if got is None:
            got = self.__dict__["_sharing"] = sharing_index(self.sents)  # two threads: the same index
        return got

    def shares_grams(self, other: "DocFacts", share: float) -> bool:
        """Whether the two share at least ``share`` of the shorter one's word 4-grams: how much of
        one article the other copies."""
        return len(self.grams & other.grams) >= share * max(1, min(len(self.grams), len(other.grams)))


def _grams(keys: tuple[str, ...]) -> Iterator[int]:
    """Hashes of the word 4-grams (``" ".join(keys[i:i + 4])``), built by C-level maps rather than a
    generator slicing the keys at every position (a fifth of the cost of a document's facts)."""
    return map(zlib.crc32, map(str.encode, map(" ".join, zip(keys, keys[1:], keys[2:], keys[3:]))))


def _kind_for(atype: str | None) -> str | None:
    if atype in _DATE_TYPES:
        return "date"
    if atype in _NUMBER_TYPES:
        return "number"
    if atype in _NAME_TYPES:
        return "name"
    return {"COLOUR": "colour", "GENDER": "gender"}.get(atype or "")


def _present(v: Value, other: DocFacts, qkeys: frozenset[str]) -> bool:
    """Whether the other document states this value anywhere (then the two need not disagree)."""
    if v.kind == "date":
        return v.key in other.years or ("-" in v.key and v.key in _precise_dates(other, v.key.count("-")))
    if v.kind == "number":
        unit = v.key.split(":", 1)[0]
        mine = (float(v.key.split(":", 1)[1]), v.low, v.high, v.hedged)
        # An age is stated only as an age: "faces up to 175 years" states no one's age of 48.
        return any(figures_agree(mine, (x, lo, hi, h)) and (u == unit or (not u or not unit) and "age" not in (u, unit))
                   for lo, hi, u, x, h in other.numbers)
    if v.kind in WORD_KINDS:
        found, agree = WORD_KINDS[v.kind]
        return any(agree(v.key, c.key) for s in other.sents for c in found(s))
    words = [w for w in v.key.split() if w not in _CONNECT and w not in qkeys]
    return not words or all(w in other.keys for w in words)


def _precise_dates(f: DocFacts, parts: int) -> set[str]:
    """Every date of the document to ``parts`` (1: month, 2: day) where it gives them."""
    precision = "day" if parts == 2 else "month"
    return {precise_key(s, v.first, precision)[0] for s, vs in zip(f.sents, f.values) for v in vs if v.kind == "date"}


# --------------------------------------------------------------------------- the question


@dataclass(frozen=True)
class _Question:
    text: str
    kind: str | None
    keys: frozenset[str]  # token keys of the question (a value made of them is the subject)
    stems: frozenset[str]  # content stems, for the lexical share
    subject: tuple[str, ...]  # keys of the capitalised words: the entity asked about
    other: bool = False  # the expected type is OTHER (read as names)
    # What is asked about the subject ("directors", "built", "population"), as stem prefixes: the
    # answer sits next to these ("directed by Frank Oz"), not next to the subject's own name.
    predicate: frozenset[str] = frozenset()
    # Values a yes/no question states ("born in 1213"): its answer slot, not part of the subject.
    claimed: frozenset[str] = frozenset()
    # The answers a choice question lists ("a town or a village"), each as its tokens' keys.
    options: tuple[tuple[str, ...], ...] = ()
    stated: bool = False  # a yes/no question stating the value it asks about ("born in 1213?")
    # "day" or "month": dates are compared that finely ("on 2 March 1881?", "which month"), else by year.
    precision: str = ""
    # "age" ("how old"), "time" ("how long did it take", "how many days"), or "": which figures
    # answer (an age or a span of time only these questions, and these questions only those).
    span: str = ""
    # The nouns of a life event the question asks with its verb ("birth" for "born"; ``life_events``).
    events: frozenset[str] = frozenset()

    @property
    def answer_kind(self) -> str | None:
        """The kind of value each source's answer is: a yes/no question stating a name asks which name."""
        return self.kind or ("name" if self.claimed else None)

    def asks(self, key: str) -> bool:
        """Whether a sentence token is a form of a predicate word ("directed" for "directors")."""
        return key.isalpha() and stem(key)[:_PREFIX] in self.predicate


def _question(text: str, yes_no_values: bool = True, stated_names: bool = False,
              date_precision: bool = True) -> _Question:
    norm = nfkc(text)
    toks = tokenize(norm)
    keys = frozenset(t.key for t in toks)
    stems = frozenset(stem(t.key) for t in toks if t.key.isalpha() and t.key not in _Q_STOP)
    focus = question_focus(text)
    atype = focus.type
    claimed: frozenset[str] = frozenset()
    precision, day_words = asked_precision(norm, focus.wh) if date_precision else ("", frozenset())
    if asks_colour(focus.wh, focus.focus):
        atype = "COLOUR"  # "What colour are the flowers?": each source's colour of them
    elif asks_gender(text):
        atype = "GENDER"  # "What gender is the student body of ...?": "all-boys", "co-ed"
    elif asks_purpose(text) or asks_cause(text):
        # "What are Trainium chips used for?": a use, no name each source gives ("OpenAI" / "GPUs"); nor
        # is "What could make Anthropic stick with outside chips?" ("OpenAI" / "Samsung Electronics").
        atype = None
    elif not focus.wh and (atype in ("OTHER", None) or atype in _NAME_TYPES and YES_NO.match(text)):
        # "Is Anthropic using ...?": a yes/no question has no span to disagree on, also when its focus
        # noun reads as a name ("As of 2023, has Emperor released ...?").
        atype = None
        if yes_no_values:
            # ... unless it states a value: "Was he born in 1213?" is answered by the year each
            # source gives ("born in 1211" says no), "Do more than two monks know it?" by a count.
            # "As of 2023, has Emperor released more than one live album?" says when, not which year.
            claimed = frozenset(t.key for k, t in enumerate(toks) if is_year(t) and not (
                k > 1 and toks[k - 2].key == "as" and toks[k - 1].key == "of")) | day_words
            if claimed:
                atype = "DATE"
            elif colours := stated_colours(toks):
                claimed, atype = colours, "COLOUR"  # "Is the colour of the flowers pale pink?"
            # "3rd Chief Butler of Ireland" states a rank, "CD19" a name: no count.
            elif any(q.value and q.unit != "year" and not in_a_model_name(toks, norm, q.first)
                     and not ordinal_after(norm, toks[q.first].end) for q in quantities(toks, norm)) or any(
                    t.key in WORD_NUMBERS and (t.key != "one" or k and toks[k - 1].key in ("than", "least"))
                    or t.key in _SCALES and k and toks[k - 1].key == "a" for k, t in enumerate(toks)):
                atype = "NUM"
            elif stated_names and (named := stated_name(toks, _Q_STOP)):
                # ... or a name in the answer's place: "Do Jamshedpur FC play their home games in
                # JRD Tata Sports Complex Stadium?" is answered by the stadium each source names.
                # Its kind stays None: stored conflicts are kept for it as for any yes/no question.
                claimed = frozenset(named)
    options = choice_options(norm)
    listed = {w for o in options for w in o}  # the options are the slot, not the subject
    subject = tuple(t.key for k, t in enumerate(toks)
                    if (t.text[:1].isupper() or t.key[:1].isdigit()) and t.key not in _Q_STOP and k > 0
                    and t.key not in claimed and t.key not in listed)
    # "What is the Korean chipmaker's backlog?" asks for a backlog: "chipmaker" says whose.
    possessed = tokenize(nfkc(with_plural_possessives(text)))  # "Electronics'" read as "Electronics's"
    owners = {possessed[k].key for k in described_owners([t.text.casefold() for t in possessed], 1, _Q_STOP)}
    predicate = frozenset(stem(t.key)[:_PREFIX] for k, t in enumerate(toks)
                          if t.key.isalpha() and t.key not in _Q_STOP and t.key not in subject and t.key not in owners
                          and len(t.key) > 2 and not (k > 0 and t.text[:1].isupper()) and t.key not in listed)
    kind = _kind_for(atype)
    return _Question(text, kind, keys, stems, subject, atype == "OTHER", predicate, claimed, options,
                     not focus.wh and atype is not None, precision if kind == "date" else "",
                     "age" if asks_age(text) else "time" if atype == "DURATION" else "",
                     events_asked(predicate))


def with_corpus_names(q: _Question, facts: Sequence[DocFacts], written_as_name: Callable[[str], bool] | None = None) -> _Question:
    """The question with the words it types in small letters that the documents write as names
    ("HBM stands for what in the samsung ai asic article": Samsung, AI, ASIC) read as its subject,
    as if typed with capitals, not as what it asks of the subject: a word half the documents writing it
    write as a name ("Reported" opening one page's dateline is no name) and the whole corpus writes
    as one (``written_as_name``, the pipeline's case map: "Nexa Foundry" names a company, but
    "foundry" is mostly a word; None: the question as typed). The first word too, which
    ``_question`` leaves out for its capital ("ascom unite connect ...", recased "Ascom ...")."""
    if written_as_name is None:
        return q

    def named(key: str) -> bool:
        n = sum(key in f.names for f in facts)
        return n > 0 and 2 * n >= sum(key in f.keys for f in facts) and written_as_name(key)

    toks = tokenize(nfkc(q.text))
    # What is asked comes before the subject: in a question naming its subject with capitals, the
    # words before that name are typed small as meant ("What political party was John Harman in?").
    cased = next((k for k, t in enumerate(toks) if k and t.text[:1].isupper()), 0)
    extra = tuple(t.key for k, t in enumerate(toks) if (t.text.islower() and k > cased or k == 0) and t.key not in _Q_STOP
                  and t.key not in q.claimed and t.key not in q.subject and named(t.key))
    if not extra:
        return q
    return replace(q, subject=q.subject + extra, predicate=q.predicate - {stem(w)[:_PREFIX] for w in extra})


# Kin share the subject's surname: asked for "John Henry Seadlund's father", "his father, Paul
# Seadlund" names the father, not the subject again, nor a namesake of him.
_KIN = frozenset(stem(w)[:_PREFIX] for w in """father mother son daughter brother sister wife husband uncle aunt
    cousin grandfather grandmother widow parents child children nephew niece""".split())




# Words of web-page furniture (edit links, reference lists, category lines): never an answer.
_FURNITURE = frozenset("retrieved archived accessed categories category edit wikipedia wikidata isbn "
                       "doi issn oclc jump navigation menu sidebar toggle redirected".split())
_CITED = frozenset("retrieved archived accessed".split())


# A dateline: the place a report was filed, opening it in capitals before a dash ("PARIS (AP) — ").
_DATELINE = re.compile(r"[A-Z]{3}[A-Z .'’-]*(?:,\s*[A-Z][\w.'’ -]{0,25}?)?(?:\s*\([^)]{1,12}\))?\s+[–—-]+\s")


def _junk(v: Value, s: _Sentence) -> bool:
    """Coordinates ("39.212583"), codes and parts of ISO dates ("2000-04-01") are no answers,
    nor is page furniture ("Retrieved", "Categories", a citation's "Retrieved 15 December 2014"), nor a run of words in capitals (a headline
    set in capitals, "CHIP RACE: WHY CUSTOM HARDWARE", is capitalised throughout, not a name;
    one acronym, "MTIA", is), nor a name on a heading line (``qa.conflicts.headings``), nor "I" or a
    letter glued to a figure, nor a dateline's place."""
    if v.kind == "name":
        capitals = [w for w in re.findall(r"[^\W\d_]+", v.text) if len(w) > 1]
        if len(capitals) >= 2 and all(w.isupper() for w in capitals) and any(len(w) > 3 for w in capitals):
            return True
        start, end = s.tokens[v.first].start, s.tokens[v.last - 1].end
        if s.norm[end:end + 1] == ":" and s.norm.rfind("(", 0, start) > s.norm.rfind(")", 0, start):
            return True  # a gloss's label: "(Portuguese: Massacre do Carandiru)", "(Korean: ...)"
        if (m := _DATELINE.match(s.norm)) and start < m.end():
            return True  # where the report was filed: "CLEVELAND, Ohio – The Doobie Brothers will ..."
        # "I’m" opening a quote is no name, nor "K" of "$449K" (a figure's suffix).
        return (shouted(s.raw) or titled(s.raw) or any(w in _FURNITURE for w in v.key.split())
                or re.match(r"I(?:['’]\w+)?$", v.text) is not None or start > 0 and s.norm[start - 1].isdigit())
    if v.kind == "date":
        # A citation's access date ("Retrieved 15 December 2014", "archived from the original on ...").
        return any(k in _CITED for k in s.keys[max(0, v.first - 4):v.first])
    if v.kind != "number":
        return False
    text = s.norm[s.tokens[v.first].start:s.tokens[v.last - 1].end]
    around = s.norm[max(0, s.tokens[v.first].start - 1):s.tokens[v.last - 1].end + 1]
    return bool(re.search(r"\d\.\d{4,}", text) or re.search(r"\d-\d|-\d", around))


def _about_subject(v: Value, q: _Question) -> bool:
    """A name made only of the question's own words names the subject, not the answer."""
    if v.kind != "name":
        return v.key in q.keys and v.key not in q.claimed
    words = [w for w in v.key.split() if w not in _CONNECT and w not in STOPWORDS]
    # The name a yes/no question states ("... in JRD Tata Sports Complex Stadium?") is its answer.
    return all(w in q.keys for w in words) and not (q.claimed and set(words) <= q.claimed)


def _agree(a: Value, b: Value) -> bool:
    """Whether two answers can both be true; figures in different units are never compared (no
    offline exchange rate is trustworthy)."""
    if a.key == b.key:
        return True
    if a.kind == "date":
        if a.key.endswith("s") or b.key.endswith("s"):  # a decade ("2020s") holds its years
            return a.key[:3] == b.key[:3]
        return dates_agree(a.key, b.key)
    if a.kind == "number":
        ua, ub = a.key.split(":", 1)[0], b.key.split(":", 1)[0]
        return ua != ub or figures_agree((float(a.key.split(":", 1)[1]), a.low, a.high, a.hedged),
                                         (float(b.key.split(":", 1)[1]), b.low, b.high, b.hedged))
    if a.kind in WORD_KINDS:
        return WORD_KINDS[a.kind][1](a.key, b.key)
    if a.kind == "name":
        wa, wb = set(a.key.split()) - _CONNECT, set(b.key.split()) - _CONNECT
        # "Mahesh Bhatt" and "Bhatt" are one person, "MTIA" and "MITA" one spelling, and a list
        # that names the other's answer ("Samsung Electronics" / "Broadcom, Samsung, TSMC")
        # includes it.
        return wa <= wb or wb <= wa or _same_spelling(a.text, b.text) or (
            (len(wa) > 2 or len(wb) > 2) and bool(wa & wb))
    return False


def gives_stated(v: Value, claimed: frozenset[str]) -> bool:
    """Whether a source's answer is the name a yes/no question states (its words, or most of a
    longer name: "JRD Tata Sports Complex Stadium" for "Tata Sports Complex Stadium")."""
    words = set(v.key.split())
    return claimed <= words or len(claimed & words) * 2 > len(claimed)


def off_the_stated_name(q: _Question, a: Value, b: Value) -> bool:
    """A yes/no question states a name in its answer's place and neither source gives it there:
    the two names are of another slot, and neither source says yes or no to the question."""
    return q.kind is None and bool(q.claimed) and not (gives_stated(a, q.claimed) or gives_stated(b, q.claimed))
