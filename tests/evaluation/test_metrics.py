"""Table-driven tests of qa.evaluation.metrics."""
from __future__ import annotations

import math

import pytest

from qa.evaluation.metrics import (
    abstention_metrics,
    contains_answer,
    exact_match,
    f1,
    median,
    mrr,
    normalize_answer,
    percentile,
    precision_recall_f1,
    recall_at_k,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Cat", "cat"),
        ("  a  big   dog. ", "big dog"),
        ("An apple, the pear & a plum!", "apple pear plum"),
        ("Theatre", "theatre"),  # "the" inside a word stays
        ("50 trillion won", "50 trillion won"),
        ("US$50 billion", "us50 billion"),  # SQuAD drops punctuation without inserting a space
        ("2-nanometer", "2nanometer"),
        ("...!?", ""),  # punctuation only
        ("", ""),
        (None, ""),
        ("the a an", ""),  # articles only
        # NFKC first: math bold letters and full-width digits become ASCII.
        ("𝗦𝗮𝗺𝘀𝘂𝗻𝗴", "samsung"),
        ("𝗔𝗡𝗧𝗛𝗥𝗢𝗣𝗜𝗖 𝗘𝗡𝗧𝗘𝗥𝗦", "anthropic enters"),
        ("５０ trillion", "50 trillion"),
        # Accents are kept (as in SQuAD); only case changes.
        ("Café Crème", "café crème"),
        # Unicode punctuation is dropped like ASCII punctuation.
        ("Meta’s MTIA", "metas mtia"),
        ("Meta's MTIA", "metas mtia"),
        ("smartest model—but", "smartest modelbut"),
        ("«Jalapeño»", "jalapeño"),
        ("line\nbreak\ttab", "line break tab"),
    ],
)
def test_normalize_answer(text, expected):
    assert normalize_answer(text) == expected


@pytest.mark.parametrize(
    "prediction, golds, expected",
    [
        ("50 trillion won", ["50 trillion won"], 1.0),
        ("The 50 trillion won.", ["50 trillion won"], 1.0),
        ("50 trillion Korean won", ["50 trillion won"], 0.0),
        ("50 trillion Korean won", ["50 trillion won", "50 trillion Korean won"], 1.0),
        ("𝗦𝗮𝗺𝘀𝘂𝗻𝗴", ["Samsung"], 1.0),
        ("Samsung", "Samsung", 1.0),  # a bare string gold is one gold answer
        ("", ["Samsung"], 0.0),
        (None, ["Samsung"], 0.0),
        ("...", ["Samsung"], 0.0),
        # No gold answers: abstaining (empty/None) is right, anything else wrong.
        (None, [], 1.0),
        ("", [], 1.0),
        ("Samsung", [], 0.0),
        (None, None, 1.0),
        ("café", ["cafe"], 0.0),
        ("Café", ["café"], 1.0),
    ],
)
def test_exact_match(prediction, golds, expected):
    assert exact_match(prediction, golds) == expected


@pytest.mark.parametrize(
    "prediction, golds, expected",
    [
        ("50 trillion won", ["50 trillion won"], 1.0),
        # p = 3/4, r = 3/3 -> 6/7
        ("50 trillion Korean won", ["50 trillion won"], 6 / 7),
        # max over golds
        ("50 trillion Korean won", ["10 trillion won", "50 trillion Korean won"], 1.0),
        ("approximately 50 trillion won", ["50 trillion won", "RMB 221.5 billion"], 6 / 7),
        ("Broadcom", ["Samsung"], 0.0),
        ("", ["Samsung"], 0.0),
        (None, ["Samsung"], 0.0),
        ("!!!", ["Samsung"], 0.0),
        ("the", ["Samsung"], 0.0),  # article-only prediction normalises to nothing
        (None, [], 1.0),
        ("Samsung", [], 0.0),
        # repeated tokens are counted with multiplicity: p = 1/2, r = 1 -> 2/3
        ("won won", ["won"], 2 / 3),
        ("𝗦𝗮𝗺𝘀𝘂𝗻𝗴 𝗣𝗔𝗥𝗧𝗡𝗘𝗥𝗦𝗛𝗜𝗣", ["Samsung partnership"], 1.0),
        ("Jalapeño chip", ["Jalapeno"], 0.0),
    ],
)
def test_f1(prediction, golds, expected):
    assert f1(prediction, golds) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, golds, expected",
    [
        ("Its backlog is expected to approach 50 trillion won.", ["50 trillion won"], True),
        ("The backlog is 150 trillion won.", ["50 trillion won"], False),  # token boundary
        ("Orders worth 110 trillion won", ["10 trillion won"], False),
        ("𝗪𝗛𝗔𝗧 𝗔 𝗦𝗔𝗠𝗦𝗨𝗡𝗚 𝗣𝗔𝗥𝗧𝗡𝗘𝗥𝗦𝗛𝗜𝗣", ["Samsung partnership"], True),
        ("Meta’s third-generation MTIA", ["Meta's third-generation MTIA"], True),
        ("nothing here", ["Samsung", "TSMC"], False),
        ("TSMC made the first two", ["Samsung", "TSMC"], True),
        ("", ["Samsung"], False),
        (None, ["Samsung"], False),
        ("Samsung", [], False),
        ("the cat", ["the"], False),  # a gold that normalises to nothing never matches
        ("Samsung", "Samsung", True),
        ("a key contributor to OpenAI's original chip project", ["OpenAI"], True),  # possessive
        ("a key contributor to OpenAI’s project", ["OpenAI's project"], True),
        ("the boss's car", ["boss"], True),
        ("Its sales rose", ["it"], False),  # "its" is not a possessive of "it"
        ("Samsung's", ["Samsungs"], True),  # the SQuAD-normalised reading still counts
    ],
)
def test_contains_answer(text, golds, expected):
    assert contains_answer(text, golds) is expected


@pytest.mark.parametrize(
    "ranked, relevant, k, expected",
    [
        (["a", "b", "c"], ["b"], 1, 0.0),
        (["a", "b", "c"], ["b"], 2, 1.0),
        (["a", "b", "c"], ["a", "c"], 2, 0.5),
        (["a", "b", "c"], ["a", "c"], 10, 1.0),
        (["a", "a", "b"], ["b"], 2, 1.0),  # duplicates do not use up a rank
        ([], ["a"], 3, 0.0),
        (["a"], [], 3, None),  # undefined without relevant ids
    ],
)
def test_recall_at_k(ranked, relevant, k, expected):
    assert recall_at_k(ranked, relevant, k) == expected


def test_recall_at_k_rejects_bad_k():
    with pytest.raises(ValueError):
        recall_at_k(["a"], ["a"], 0)


@pytest.mark.parametrize(
    "ranked, relevant, expected",
    [
        (["a", "b", "c"], ["a"], 1.0),
        (["a", "b", "c"], ["c"], 1 / 3),
        (["a", "b", "c"], ["c", "b"], 0.5),
        (["a", "a", "b"], ["b"], 0.5),
        (["a", "b"], ["z"], 0.0),
        ([], ["z"], 0.0),
        (["a"], [], None),
    ],
)
def test_mrr(ranked, relevant, expected):
    assert mrr(ranked, relevant) == expected


@pytest.mark.parametrize(
    "tp, fp, fn, expected",
    [
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (0, 5, 0, (0.0, 0.0, 0.0)),
        (0, 0, 5, (0.0, 0.0, 0.0)),
        (5, 0, 0, (1.0, 1.0, 1.0)),
        (3, 1, 2, (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
    ],
)
def test_precision_recall_f1(tp, fp, fn, expected):
    got = precision_recall_f1(tp, fp, fn)
    assert got == pytest.approx(expected)
    assert got.precision == pytest.approx(expected[0])


def test_precision_recall_f1_rejects_negative():
    with pytest.raises(ValueError):
        precision_recall_f1(-1, 0, 0)


@pytest.mark.parametrize(
    "values, q, expected",
    [
        ([], 50, None),
        ([3.0], 95, 3.0),
        ([1, 2, 3, 4], 50, 2.5),
        ([4, 1, 3, 2], 0, 1.0),
        ([4, 1, 3, 2], 100, 4.0),
        ([1, 2, 3, 4, 5], 90, 4.6),  # numpy.percentile(..., 90) == 4.6
        (range(1, 101), 95, 95.05),
    ],
)
def test_percentile(values, q, expected):
    got = percentile(values, q)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("q", [-1, 101])
def test_percentile_rejects_bad_q(q):
    with pytest.raises(ValueError):
        percentile([1.0], q)


def test_percentile_rejects_nan():
    with pytest.raises(ValueError):
        percentile([1.0, math.nan], 50)


def test_percentile_matches_numpy():
    np = pytest.importorskip("numpy")
    values = [0.12, 0.5, 0.07, 1.9, 0.33, 0.41, 0.2]
    for q in (0, 10, 25, 50, 90, 95, 99, 100):
        assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)))


@pytest.mark.parametrize(
    "values, expected",
    [([], None), ([5], 5.0), ([3, 1, 2], 2.0), ([1, 2, 3, 10], 2.5)],
)
def test_median(values, expected):
    assert median(values) == expected


@pytest.mark.parametrize(
    "abstained, answerable, precision, recall, wrong_rate",
    [
        ([], [], 0.0, 0.0, 0.0),
        # perfect: abstain exactly on the unanswerable ones
        ([True, False, False], [False, True, True], 1.0, 1.0, 0.0),
        # never abstains
        ([False, False], [False, True], 0.0, 0.0, 0.0),
        # always abstains
        ([True, True, True, True], [False, True, True, True], 0.25, 1.0, 1.0),
        # one right, one wrong abstention, one missed
        ([True, True, False, False], [False, True, False, True], 0.5, 0.5, 0.5),
        # all answerable, no abstention
        ([False, False], [True, True], 0.0, 0.0, 0.0),
    ],
)
def test_abstention_metrics(abstained, answerable, precision, recall, wrong_rate):
    got = abstention_metrics(abstained, answerable)
    assert got["precision"] == pytest.approx(precision)
    assert got["recall"] == pytest.approx(recall)
    assert got["wrong_abstention_rate"] == pytest.approx(wrong_rate)
    assert got["answerable"] + got["unanswerable"] == len(answerable)


def test_abstention_metrics_counts():
    got = abstention_metrics([True, True, False, False], [False, True, False, True])
    assert (got["correct_abstentions"], got["wrong_abstentions"], got["missed_abstentions"]) == (1, 1, 1)


def test_abstention_metrics_length_mismatch():
    with pytest.raises(ValueError):
        abstention_metrics([True], [True, False])
