"""The reader's feature vectors: what each sentence candidate is scored on (FEATURES), what the
abstention model sees of the chosen one (ANSWER_FEATURES), and what decides whether its adjacent
sentence joins the answer (MERGE_FEATURES). Shared by the reader and ``qa.training.calibrate``, which fits
their weights."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from .answertype import AUXILIARIES

__all__ = ["FEATURES", "ANSWER_FEATURES", "MERGE_FEATURES", "answer_features", "agreeing", "answer_words", "same_answer", "merge_features", "best_neighbour",
           "cross_column", "prerank_order", "merge_neighbour", "colon_joined", "YES_NO", "abstain_reason", "question_names"]

FEATURES = ("dense", "coverage", "chunk", "first_rank", "context", "bigram", "chunk_dense", "chunk_lex", "type_match",
            "length", "repeat", "spread", "heading", "names", "rarest", "dense_gap", "coverage_gap", "fact_gap",
            "missing", "type_gap", "unit_gap", "soft", "soft_only", "soft_gap", "anaphor", "names_context", "short", "cross")
_F = {name: i for i, name in enumerate(FEATURES)}
# What the abstention decision sees of the chosen sentence: how far ahead of the others it is,
# and how well it matches the question on its own.
ANSWER_FEATURES = ("top", "margin", "top_prob", "dense", "coverage", "context", "type_match", "names", "names_context", "rarest",
                   "chunk_dense", "chunk_lex", "fact_gap", "missing", "type_gap", "unit_gap", "cross")
# What decides whether the answer takes in the best-scoring adjacent sentence too: how close it
# scored, whether it holds the kind of fact the best one lacks, whether it continues the best one
# ("It was ...").
MERGE_FEATURES = ("gap", "type_match", "best_type_gap", "coverage", "best_coverage", "dense", "best_dense", "soft",
                  "anaphor", "after", "fills_type", "runner_up")


def answer_features(feats: np.ndarray, logits: np.ndarray, best: int, agree: Sequence[int] = ()) -> np.ndarray:
    """The answerability features of candidate ``best`` (see ANSWER_FEATURES). ``agree``: the
    candidates of other documents giving the same short answer (``agreeing``), which are no
    rivals: two sources stating the backlog's 50 trillion won back the answer, and the lead of
    one over the other says nothing of whether it is answered."""
    sides = [best, *agree]
    others = np.delete(logits, sides)
    margin = float(logits[best] - others.max()) if len(others) else 5.0
    p = np.exp(logits - logits.max())
    own = [feats[best, _F[f]] for f in ANSWER_FEATURES[3:]]
    return np.array([logits[best], min(margin, 5.0), p[sides].sum() / p.sum(), *own], np.float64)


_HEDGES = frozenset("a an the approximately about around nearly almost roughly some over more than less under "
                    "up to just only".split())


def answer_words(text: str) -> frozenset[str]:
    """The words of a short answer or passage, casefolded, hedges and articles aside."""
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if w not in _HEDGES)


def same_answer(a: str, b: str) -> bool:
    """Whether two short answers give one answer: the words of one, hedges and articles aside,
    all among the other's ("50 trillion won" / "approximately 50 trillion Korean won"; "Meta" /
    "Meta Platforms"). "10 trillion won" and "50 trillion won" do not."""
    wa, wb = answer_words(a), answer_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def agreeing(answers: dict[int, tuple[int, str]]) -> dict[int, tuple[int, ...]]:
    """For each candidate with a short answer (``answers``: candidate -> (document, short answer)),
    the candidates of other documents giving the same one. Sentences of one article repeating a
    name are one source, not two."""
    return {i: tuple(j for j, (dj, tj) in answers.items() if dj != di and same_answer(ti, tj))
            for i, (di, ti) in answers.items()}


def merge_features(feats: np.ndarray, logits: np.ndarray, best: int, other: int, after: bool) -> np.ndarray:
    """The MERGE_FEATURES of joining candidate ``other`` (adjacent in the text) to ``best``."""
    f = lambda i, name: float(feats[i, _F[name]])  # noqa: E731
    runner = max((i for i in range(len(logits)) if i != best), key=lambda i: logits[i])
    return np.array([
        float(logits[best] - logits[other]), f(other, "type_match"), f(best, "type_gap"), f(other, "coverage"),
        f(best, "coverage"), f(other, "dense"), f(best, "dense"), f(other, "soft"), f(other, "anaphor"),
        float(after), f(other, "type_match") * f(best, "type_gap"), float(other == runner),
    ], np.float64)


def best_neighbour(rows: Sequence[int], logits: np.ndarray, best: int) -> int | None:
    """The best-scoring candidate whose sentence row is next to the best one's (None: none is)."""
    near = [i for i, r in enumerate(rows) if abs(int(r) - int(rows[best])) == 1]
    return max(near, key=lambda i: logits[i]) if near else None


def prerank_order(feats: np.ndarray, prerank: np.ndarray, top: int | None = None) -> np.ndarray:
    """Candidate indices, best first, under ``prerank`` (the scorer without the cross-encoder):
    the first ``top`` are what the cross-encoder reads, at run time, in calibration and training."""
    return np.argsort(-(feats @ prerank), kind="stable")[:top]


def cross_column(n: int, top: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The "cross" feature of n candidates when only those at ``top`` were read by the
    cross-encoder: the others get the lowest score read, as if no better than the worst of them."""
    col = np.full(n, float(scores.min()) if len(scores) else 0.0, np.float32)
    col[top] = scores
    return col


_NAME = re.compile(r"\b[A-Z][A-Za-z]+")


def question_names(question: str) -> frozenset[str]:
    """The question's capitalised words, lower-cased: the names a sentence answering it should
    share. Its first word counts only when a capital inside it says it is a name ("MTIA gen 1 and 2
    foundry", "OpenAI's chip"): any first word is capitalised. (Dropping only the first letter
    made "TIA" of "MTIA", a name no sentence holds.)"""
    words = question.split(None, 1)
    if not words:
        return frozenset()
    first = _NAME.match(words[0])
    rest = _NAME.findall(words[1]) if len(words) > 1 else []
    lead = [first.group()] if first and any(c.isupper() for c in first.group()[1:]) else []
    return frozenset(w.lower() for w in lead + rest)

_ANAPHOR = re.compile(r"\W*(?:it|he|she|they|this|these|those|its|his|her|their|such|there)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8192)
def _lower_words(sentence: str) -> frozenset[str]:
    """The sentence's words, lower-cased (cached: candidates recur from question to question)."""
    return frozenset(w.lower() for w in _WORD.findall(sentence))


def merge_neighbour(cfg, sentences: np.ndarray, cands, logits, best: int, doc: int, a: int, b: int,
                    feats: np.ndarray | None = None) -> tuple[int, int, int | None]:
    """The answer span, widened to an adjacent sentence, and that sentence's candidate index
    (else None). With a merge model: the best-scoring adjacent candidate, when the model
    finds it likely enough to hold what the best one lacks; without: the runner-up, when it
    is adjacent and scores within ``merge_gap`` logits of the best."""
    if len(cands) < 2:
        return a, b, None
    row = cands[best][0]
    if cfg.merge_weights and feats is not None:
        runner = best_neighbour([r for r, _ in cands], logits, best)
        if runner is None:
            return a, b, None
        x = merge_features(feats, logits, best, runner, cands[runner][0] > row)
        if cfg.merge_probability(x) < cfg.merge_threshold:
            return a, b, None
    else:
        runner = max((i for i in range(len(cands)) if i != best), key=lambda i: logits[i])
        if cfg.merge_gap <= 0 or abs(cands[runner][0] - row) != 1 or logits[best] - logits[runner] > cfg.merge_gap:
            return a, b, None
    other = cands[runner][0]
    d2, a2, b2 = (int(x) for x in sentences[other])
    if d2 != doc:
        return a, b, None
    return min(a, a2), max(b, b2), runner


def colon_joined(sentences: np.ndarray, raw: str, row: int, a: int, b: int) -> tuple[int, int]:
    """The quote ``raw[a:b]`` (sentence ``row``) with the sentence it introduces when it ends in a
    colon ("A Korean industry official said:" says nothing alone), or else with the sentence that
    introduces it (who said it, what it lists), in the same article: on the same line, or on the
    next when it opens with a quotation mark (a paragraph after "are:" in an excerpt may be
    another passage, as in SQuAD's)."""
    doc = int(sentences[row, 0])

    def introduces(r: int) -> bool:
        """Whether sentence ``r`` ends in a colon and introduces sentence ``r + 1``."""
        if r < 0 or r + 1 >= len(sentences) or int(sentences[r, 0]) != doc or int(sentences[r + 1, 0]) != doc:
            return False
        end, start = int(sentences[r, 2]), int(sentences[r + 1, 1])
        return raw[int(sentences[r, 1]):end].rstrip().endswith(":") and (
            "\n" not in raw[end:start] or raw[start:start + 1] in _QUOTE_MARKS)

    if introduces(row):
        return a, max(b, int(sentences[row + 1, 2]))
    if introduces(row - 1):
        return min(a, int(sentences[row - 1, 1])), b
    return a, b


_QUOTE_MARKS = frozenset('"“‘\'«「')


# "Is Anthropic using ...?" asks for a verdict the sources may not agree on: the answer sentence
# is quoted, but no span of it is a fair short answer; so is one after an opening phrase ("As of
# 2026, does Samsung have a backlog above 50 trillion won?"), not a wh-word's ("In what year of the
# 20th century, did Harvard ...?").
YES_NO = re.compile(r"\s*(?:(?![^,?]*\b(?:what|which|who|whom|whose|when|where|why|how)\b)[^,?]{1,40},\s*)?(?:%s)\b"
                    % "|".join(sorted(AUXILIARIES)), re.I)


def abstain_reason(info: dict) -> str:
    if info.get("coverage", 0) < 0.3:
        return "The articles do not mention what the question asks about."
    return "The closest passages do not answer the question."
