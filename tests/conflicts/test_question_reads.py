"""What the question-time conflict check reads in a large corpus: the passages of the best-ranked
documents only (``Pipeline.subject_spans``), and of a stored conflict spanning many copies, the
documents read for the question first (``QuestionConflicts._statement_relevance`` / ``_recheck``)."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from qa.conflicts.corpus_wide import find_conflicts, select_for_question
from qa.conflicts.question import QuestionConflicts
from qa.conflicts.question_settings import QuestionSettings
from qa.pipeline import Pipeline
from qa.retrieval.retriever import Hit

from .test_conflict_question import doc
from .test_conflicts import fake_encode


def _pipeline(n_docs: int, subject_docs: int) -> Pipeline:
    data = SimpleNamespace(doc_ids=[f"d{i:02d}" for i in range(n_docs)],
                           chunks=np.array([[i, 0, 10] for i in range(n_docs)] * 2, dtype=np.int64))
    return Pipeline(data, {}, None, None, None, None, subject_docs=subject_docs)


def _hit(row: int, dense: float) -> Hit:
    return Hit(row=row, score=dense, dense=dense, lexical=0.0)


def test_subject_spans_come_from_the_best_ranked_documents_only():
    p = _pipeline(20, subject_docs=4)
    # Ranked: documents 0..19, then a second passage of document 1 (row 21) and of document 9 (row 29).
    hits = [_hit(r, 0.9 - r / 100) for r in range(20)] + [_hit(21, 0.5), _hit(29, 0.5), _hit(3, 0.1)]
    spans = p.subject_spans(hits)
    assert [d for d, _, _ in spans] == ["d00", "d01", "d02", "d03", "d01"]


def test_passages_below_the_subject_cosine_do_not_count_towards_the_documents():
    p = _pipeline(6, subject_docs=2)
    hits = [_hit(0, 0.9), _hit(1, 0.2), _hit(2, 0.8), _hit(3, 0.7)]
    assert [d for d, _, _ in p.subject_spans(hits)] == ["d00", "d02"]


def test_passages_as_close_as_the_answer_are_on_the_subject():
    # "How much is the backlog?" names no one: the passages answering it reach a cosine of 0.3.
    p = _pipeline(6, subject_docs=4)
    hits = [_hit(0, 0.31), _hit(1, 0.30), _hit(2, 0.12)]
    assert p.subject_spans(hits) == []
    from qa.pipeline import Answered

    assert [d for d, _, _ in p.subject_spans(hits, Answered(0.30, frozenset()))] == ["d00", "d01"]
    assert [d for d, _, _ in p.subject_spans([_hit(0, 0.9), _hit(1, 0.5)], Answered(0.9, frozenset()))] == ["d00", "d01"]


def test_passages_stating_the_answers_figure_are_on_the_subject():
    # "What's Zeta's order worth?": the other source's "orders potentially exceeding 10 trillion won" is far.
    from qa.pipeline import Answered
    from qa.reading.readerfeatures import answer_words

    p = _pipeline(3, subject_docs=4)
    texts = ["Zeta's order is worth more than 10 trillion won.", "Related orders may exceed 10 trillion won.",
             "Zeta plans a data center of 5 GW."]
    p.docs = {f"d{i:02d}": SimpleNamespace(raw=t) for i, t in enumerate(texts)}
    p.data.chunks = np.array([[i, 0, len(t)] for i, t in enumerate(texts)], dtype=np.int64)
    hits = [_hit(0, 0.45), _hit(1, 0.25), _hit(2, 0.3)]
    assert [d for d, _, _ in p.subject_spans(hits, Answered(0.45, frozenset()))] == ["d00"]
    figure = answer_words("more than 10 trillion won")
    assert [d for d, _, _ in p.subject_spans(hits, Answered(0.45, figure))] == ["d00", "d01"]


COPY = ("The Tyro plant in Kansas employs {n} workers on three shifts, the company said in its annual "
        "report on Monday.")


def test_a_stored_conflict_among_many_copies_analyses_only_the_documents_read():
    # Thirty near-copies: five say 3,500 workers, the rest 1,200. The question reads two of them.
    docs = [doc(f"c{i:02d}", COPY.format(n="3,500" if i < 5 else "1,200"), "Tyro grew fast in the decade.")
            for i in range(30)]
    stored = find_conflicts(docs, fake_encode)
    assert stored and len({s.doc_id for s in stored[0].statements}) == 30
    passages = [(d.doc_id, a, b) for d in (docs[0], docs[7]) for a, b in d.content]
    # No scan for copies of the passages' documents: an archive is far beyond ``copy_scan``.
    finder = QuestionConflicts((), fake_encode, QuestionSettings(copy_scan=0), lazy={d.doc_id: d for d in docs})
    found = finder.find("How many workers does the Tyro plant in Kansas employ?", passages,
                        stored=select_for_question(stored, passages))
    assert any(c.kind == "numeric" for c in found)
    assert finder.facts.built == 2, "every copy named by the stored conflict was analysed"


COUNTIES = ("Allegan Berrien Branch Calhoun Cass Clinton Eaton Gratiot Huron Ionia Isabella Kent Lapeer Lenawee "
            "Livingston Macomb Mason Monroe Newaygo Oakland").split()


def test_a_stored_conflict_among_namesakes_is_rechecked_on_the_documents_read_and_a_few_others():
    # Twenty townships of one name, one census template: no two are one entity, so the recheck
    # cannot stop early and, unbounded, analyses and compares every one of them.
    docs = [doc(f"w{i:02d}", f"Washington Township is a civil township of {c} County in the U.S. state of Michigan.",
                f"The population was {1000 + 37 * i:,} at the 2010 census.", title=f"Washington Township, {c} County, Michigan")
            for i, c in enumerate(COUNTIES)]
    stored = find_conflicts(docs, fake_encode)
    passages = [(d.doc_id, a, b) for d in docs[:2] for a, b in d.content]
    found = {}
    for unread in (3, None):
        finder = QuestionConflicts((), fake_encode, QuestionSettings(copy_scan=0, recheck_unread=unread),
                                   lazy={d.doc_id: d for d in docs})
        found[unread] = [c.kind for c in finder.find("What is the population of Washington Township?", passages,
                                                      stored=select_for_question(stored, passages))]
        assert finder.facts.built == (2 + 3 if unread else 20)
    assert found[3] == found[None] and "ambiguity" in found[3]
