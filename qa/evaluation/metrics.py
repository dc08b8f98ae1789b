"""Evaluation metrics as small pure functions (in the spirit of DrQA's reader/utils.py).

Answer matching follows the official SQuAD v1.1 normalisation (lower-case, drop punctuation, drop
the articles a/an/the, fold whitespace) with two documented additions:

* **NFKC first.** Text is NFKC-normalised before anything else, so compatibility characters such as
  the Unicode mathematical bold letters used in headings ("𝗦𝗮𝗺𝘀𝘂𝗻𝗴") match plain "samsung", and
  full-width digits match ASCII digits. Accents are *kept* (as SQuAD does): "café" != "cafe".
* **Unicode punctuation.** Besides ASCII ``string.punctuation`` (the official set), every character
  of a Unicode punctuation category (P*) is dropped, so "Meta’s" (curly apostrophe) and "Meta's"
  both become "metas", and em dashes or CJK full stops do not split or glue tokens differently.

Undefined values (no relevant documents, no latencies) are returned as ``None`` rather than 0, so
an aggregate can skip them instead of being silently dragged down.
"""
from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = [
    "normalize_answer",
    "exact_match",
    "f1",
    "contains_answer",
    "recall_at_k",
    "mrr",
    "precision_recall_f1",
    "PRF",
    "median",
    "percentile",
    "abstention_metrics",
]

_ASCII_PUNCT = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)


def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch).startswith("P")


def normalize_answer(text: str | None) -> str:
    """SQuAD v1.1 answer normalisation, preceded by NFKC (see the module docstring).

    ``None`` normalises to the empty string.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(ch for ch in text if not _is_punct(ch))
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def _golds(golds: str | Iterable[str] | None) -> list[str]:
    if golds is None:
        return []
    if isinstance(golds, str):
        return [golds]
    return list(golds)


def _em_single(prediction: str, gold: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(gold))


def _f1_single(prediction: str, gold: str) -> float:
    pred_toks = normalize_answer(prediction).split()
    gold_toks = normalize_answer(gold).split()
    if not pred_toks or not gold_toks:
        # SQuAD v2 convention: both empty is a match, one empty is not.
        return float(pred_toks == gold_toks)
    common = Counter(pred_toks) & Counter(gold_toks)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision = same / len(pred_toks)
    recall = same / len(gold_toks)
    return 2 * precision * recall / (precision + recall)


def exact_match(prediction: str | None, golds: str | Iterable[str] | None) -> float:
    """1.0 if the normalised prediction equals any normalised gold answer, else 0.0.

    With no gold answers (an unanswerable question) the right prediction is no answer: an empty or
    ``None`` prediction scores 1.0 and anything else 0.0 (the SQuAD v2 convention).
    """
    gold_list = _golds(golds)
    if not gold_list:
        return float(not normalize_answer(prediction))
    if not prediction:
        return 0.0
    return max(_em_single(prediction, g) for g in gold_list)


def f1(prediction: str | None, golds: str | Iterable[str] | None) -> float:
    """Token-level F1 between the prediction and the best-matching gold answer (max over golds).

    ``None``/empty prediction scores 0.0 against any gold answer; unanswerable questions (no golds)
    are scored like :func:`exact_match`.
    """
    gold_list = _golds(golds)
    if not gold_list:
        return float(not normalize_answer(prediction))
    if not prediction:
        return 0.0
    return max(_f1_single(prediction, g) for g in gold_list)


def contains_answer(text: str | None, golds: str | Iterable[str] | None) -> bool:
    """Whether any gold answer occurs in ``text`` after normalisation, on whole-token boundaries.

    Token boundaries keep "10 trillion won" from matching inside "110 trillion won". Gold strings
    that normalise to nothing (e.g. "the") never match.
    """
    norm_text = normalize_answer(text)
    if not norm_text:
        return False
    # "OpenAI's original chip project" holds the answer "OpenAI": SQuAD's normalisation turns the
    # possessive into another token ("openais"), so the text is also read without it.
    bare = normalize_answer(_POSSESSIVE.sub(r"\1", text))
    padded = {f" {norm_text} ", f" {bare} "}
    for gold in _golds(golds):
        g = normalize_answer(gold)
        if g and any(f" {g} " in p for p in padded):
            return True
    return False


_POSSESSIVE = re.compile(r"(\w)['’]s\b")


def _dedupe(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for i in ids:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def recall_at_k(ranked_ids: Sequence[str], relevant_ids: Iterable[str], k: int) -> float | None:
    """Fraction of the relevant ids found among the first ``k`` distinct ranked ids.

    Returns ``None`` when there are no relevant ids (recall is undefined). ``k`` must be >= 1.
    """
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    relevant = set(relevant_ids)
    if not relevant:
        return None
    top = set(_dedupe(ranked_ids)[:k])
    return len(top & relevant) / len(relevant)


def mrr(ranked_ids: Sequence[str], relevant_ids: Iterable[str]) -> float | None:
    """Reciprocal rank of the first relevant id (1-based, duplicates ignored); 0.0 if none is
    retrieved, ``None`` when there are no relevant ids. Average it over questions for MRR."""
    relevant = set(relevant_ids)
    if not relevant:
        return None
    for rank, doc_id in enumerate(_dedupe(ranked_ids), start=1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float


def precision_recall_f1(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1 from counts; any 0/0 is taken as 0.0."""
    if min(tp, fp, fn) < 0:
        raise ValueError("counts must be non-negative")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f)


def percentile(values: Iterable[float], q: float) -> float | None:
    """The ``q``-th percentile (0..100) with linear interpolation (numpy's default method).

    Returns ``None`` for an empty list; NaN values are an error.
    """
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within [0, 100], got {q}")
    data = sorted(float(v) for v in values)
    if not data:
        return None
    if any(math.isnan(v) for v in data):
        raise ValueError("values contain NaN")
    pos = (len(data) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def median(values: Iterable[float]) -> float | None:
    """Median (the 50th percentile); ``None`` for an empty list."""
    return percentile(values, 50)


def abstention_metrics(abstained: Sequence[bool], answerable: Sequence[bool]) -> dict[str, float | int]:
    """How well the system abstains, treating "abstained on an unanswerable question" as a hit.

    * ``precision``: of the abstentions, the share on unanswerable questions (0.0 if none).
    * ``recall``: of the unanswerable questions, the share abstained on (0.0 if there are none).
    * ``wrong_abstention_rate``: of the answerable questions, the share wrongly abstained on
      (0.0 if there are none).
    * ``f1`` and the raw counts (``correct_abstentions``, ``wrong_abstentions``,
      ``missed_abstentions``, ``answerable``, ``unanswerable``).
    """
    if len(abstained) != len(answerable):
        raise ValueError(f"length mismatch: {len(abstained)} abstained vs {len(answerable)} answerable")
    tp = sum(1 for a, ok in zip(abstained, answerable) if a and not ok)
    fp = sum(1 for a, ok in zip(abstained, answerable) if a and ok)
    fn = sum(1 for a, ok in zip(abstained, answerable) if not a and not ok)
    n_answerable = sum(1 for ok in answerable if ok)
    prf = precision_recall_f1(tp, fp, fn)
    return {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "wrong_abstention_rate": fp / n_answerable if n_answerable else 0.0,
        "correct_abstentions": tp,
        "wrong_abstentions": fp,
        "missed_abstentions": fn,
        "answerable": n_answerable,
        "unanswerable": len(answerable) - n_answerable,
    }
