"""Whether the articles answer the question at all: the last check before the reader answers.

The reader's answerability model (``reader.json``) was fitted on questions whose article had been
removed: it learnt to abstain when nothing on the subject is found. A near miss is different: a
question about the article's subject that asks for something the article never says ("What kind
of education does Victoria have?" of an article on Victoria's schools; "What was the value of
Tesla's AI chip order?" of articles on the order). The best sentence then matches well, so its
score does not tell. What does: a word of the question that the chosen sentence, its neighbours
or its whole article never use (an attribute, an entity swapped in), a name of the question the
article lacks, a number the sentence and its neighbours never state, a negation the sentence
lacks, a word the question turns round ("non-imperialism"), the kind of fact asked for missing.
This gate is a logistic regression over those (GATE_FEATURES), fitted on SQuAD 2.0's
unanswerable questions by ``python -m qa.training.fit_answerable`` (how, and the held-out
figures: there and in eval/README.md); weights and threshold in ``data/answerable.json``.
Without that file, or with ``QA_ANSWER_GATE=off``, nothing changes.

What it does not do: the news near misses of the seed question sets share the signals of
answerable paraphrases (words the article never uses), so the shipped gate, held to costing
answerable questions little, catches almost none of them.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..indexing.lexical import question_terms, sentence_tokens, tokenize
from .answertype import question_focus
from .readerfeatures import question_names

__all__ = ["GATE_FEATURES", "GATE_PATH", "AnswerGate", "DocTerms", "asked_terms", "gate_features", "missing_words"]

GATE_PATH = Path(__file__).parent / "data" / "answerable.json"

# The reader's own features of the chosen sentence that the gate reads (see readerfeatures.FEATURES).
# How well the sentence matches the question (coverage, cosine, cross-encoder, the reader's own
# answerability) is left out: SQuAD's questions copy their paragraph's words, so a gate fitted on
# them learnt "weak match, unanswerable" and abstained on news paraphrases sharing few words with
# the article (the reader's answerability model already judges the match). Held out on SQuAD 2.0
# it loses nothing: 27.9% of unanswerable questions abstained on with these features, 26.3% with
# the match features as well (odd articles, same budgets).
_READER = ("names", "names_context", "type_gap", "fact_gap")
GATE_FEATURES = _READER + (
    "doc_missing", "doc_missing_rarest", "read_missing", "ctx_missing_terms", "names_doc", "negation_gap",
    "number_doc", "question_terms", "number_context", "prefix_antonym")

_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|without|neither|cannot|\w+n't)\b", re.I)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
# Light verbs (stemmed) name no attribute: "How far has Jalapeño got?" is not missing a "got".
_LIGHT = frozenset("get got gotten make made take took taken go went gone come came give gave given put happen occur becom "
                   "becam".split())
# "non-imperialism", "unbroken": the question turns round a word the passage uses.
_PREFIX = ("non-", "non", "anti-", "anti", "un", "dis", "in", "im", "ir", "il")


def gate_features(question: str, info: dict, *, q_terms: Iterable[str], idf: Callable[[str], float],
                  sentence: str, context_terms: set[str], doc_terms: frozenset[str], read_terms: set[str],
                  doc_words: frozenset[str]) -> np.ndarray:
    """GATE_FEATURES of the chosen sentence. ``info``: the reader's features of it (FEATURES);
    ``context_terms``: stemmed terms of the sentence and its
    neighbours; ``doc_terms``: of its whole article; ``read_terms``: of every candidate read;
    ``doc_words``: the article's words, lower-cased (for names and numbers)."""
    terms = set(q_terms) - _LIGHT
    weight = {t: idf(t) for t in terms}
    total = sum(weight.values()) or 1.0
    rarest = max(weight.values(), default=0.0) or 1.0
    off_doc = terms - doc_terms
    names = question_names(question)
    numbers = {n.strip(".,") for n in _NUMBER.findall(question)}
    negated = bool(_NEGATION.search(question)) and not _NEGATION.search(sentence)
    turned = any(t.startswith(p) and len(t) > len(p) + 3 and t[len(p):] in context_terms
                 for t in terms - context_terms for p in _PREFIX)
    own = [float(info.get(f, 0.0)) for f in _READER]
    return np.array([
        *own,
        sum(weight[t] for t in off_doc) / total,
        max((weight[t] for t in off_doc), default=0.0) / rarest,
        sum(weight[t] for t in terms - read_terms) / total,
        math.log1p(len(terms - context_terms)),
        len(names - doc_words) / len(names) if names else 0.0,
        float(negated),
        float(bool(numbers - doc_words)),
        math.log1p(len(terms)),
        # A number asked about that the sentence and its neighbours never state (the article may, elsewhere).
        float(any(p not in context_terms for n in numbers for p in re.findall(r"\d+(?:\.\d+)?", n))),
        float(turned),
    ], np.float64)


# Kinds of thing a focus word names that an answer names without the word: "produced by TSMC"
# answers "Which foundry made ...?" and "mtia gen 1 and 2 foundry".
_NAMED_KINDS = frozenset(("ORG", "PERSON", "PLACE"))


def asked_terms(question: str, info: dict) -> list[str]:
    """The question's terms (question_terms) the chosen sentence is expected to use: less the word
    naming the kind of thing asked for (a company, a person, a place) when the sentence names one
    of that kind (``info``: the reader's features of it). That word is the blank the answer fills;
    its absence says nothing about whether the article answers."""
    terms = question_terms(question)
    if not info.get("type_match"):
        return terms
    focus = question_focus(question)
    if focus.type not in _NAMED_KINDS or not focus.focus:
        return terms
    blank = set(tokenize(focus.focus))
    return [t for t in terms if t not in blank]


def missing_words(question: str, present: frozenset[str], tokenize: Callable[[str], list[str]]) -> list[str]:
    """The question's content words (as typed) whose stems ``present`` lacks, for the reason given."""
    content = set(question_terms(question)) - _LIGHT
    out = []
    for w in re.findall(r"[A-Za-z][\w'-]*", question):
        toks = set(tokenize(w)) & content
        if toks and not toks & present and w not in out:
            out.append(w)
    return out


class DocTerms:
    """Each article's stemmed terms and lower-cased words, and a sentence's with its neighbours,
    built on first use (an article is tokenised once per loaded index)."""

    def __init__(self, raw_texts):
        self._raw = raw_texts
        self._terms: dict[int, frozenset[str]] = {}
        self._words: dict[int, frozenset[str]] = {}

    def terms(self, doc: int) -> frozenset[str]:
        if doc not in self._terms:
            self._terms[doc] = frozenset(tokenize(self._raw[doc]))
        return self._terms[doc]

    def words(self, doc: int) -> frozenset[str]:
        if doc not in self._words:
            # "U.K." is the word "uk", as a question types the name ("UK").
            self._words[doc] = frozenset(w.lower().replace(".", "") if w[-1:] == "." and w[:1].isalpha() else w.lower().strip(".,")
                                         for w in re.findall(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+|\d[\d,.]*", self._raw[doc]))
        return self._words[doc]

    def context(self, data, row: int) -> frozenset[str]:
        """Terms of sentence ``row`` of ``data`` (an IndexData) and of its neighbours in its article."""
        doc = int(data.sentences[row, 0])
        out: set[str] = set()
        for r in (row - 1, row, row + 1):
            if 0 <= r < len(data.sentences) and int(data.sentences[r, 0]) == doc:
                out.update(sentence_tokens(self._raw[doc][int(data.sentences[r, 1]) : int(data.sentences[r, 2])]))
        return frozenset(out)


@dataclass(frozen=True)
class AnswerGate:
    """A logistic model of "the question is answerable from the chosen passage" over
    GATE_FEATURES; the reader abstains below ``threshold``."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0

    @classmethod
    def load(cls, path: Path = GATE_PATH) -> "AnswerGate | None":
        """The shipped gate; None without its file or with ``QA_ANSWER_GATE=off`` (the reader
        then answers near misses as it did before the gate)."""
        if not path.exists() or os.environ.get("QA_ANSWER_GATE", "").lower() in ("off", "0", "false"):
            return None
        d = json.loads(path.read_text("utf-8"))
        return cls(d["weights"], d["bias"], d["threshold"])

    def probability(self, x: np.ndarray) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) * v for f, v in zip(GATE_FEATURES, x))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def answerable(self, x: np.ndarray) -> bool:
        return self.probability(x) >= self.threshold
