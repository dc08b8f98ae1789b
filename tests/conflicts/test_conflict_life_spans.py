"""A life written as a span ("(1786–1838)") and the nouns of a life's events ("Birth: 27 April
1699") (issue #20, thirty-second round; qa.conflicts.life_events): asked when
someone was born, the date opening the span answers, not the one closing it; two spans that end
alike are one life, so two birth years on them disagree; "Birth:" dates a birth as "born" does,
only right beside it. On small made-up documents."""
from __future__ import annotations

from dataclasses import replace

import pytest

import qa.conflicts.answers as answers_module
from qa.conflicts.answer_facts import DocFacts, QuestionSettings, _question
from qa.conflicts.answers import _answers
from qa.conflicts.entity import SAME, entity_relation
from qa.conflicts.life_events import closes_span, life_span_end, opens_span, shared_span_end

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

BORN = "When was Hamish Torrance born?"
# Two pages on one minister: a biography and an archive's catalogue entry that gives another birth year.
BIOGRAPHY = doc("bio", "Hamish Torrance (1786–1838) was a Scottish minister and a writer on theology.",
                "He served the parish of Belford for twenty years and wrote on the Sabbath.",
                "His sons followed him into the ministry, and one of them became a professor.",
                title="Hamish Torrance")
CATALOGUE = doc("cat", "Torrance, Reverend Hamish, (1791-1838), papers and correspondence.",
                "The collection holds sermons, letters and notebooks, kept at Edinburgh since 1902.",
                "Readers may order copies through the online catalogue, which is free to use.",
                title="Catalogue of the National Archives")
# A namesake: a musician whose life ended another year.
MUSICIAN = doc("mus", "Hamish Torrance (1791–1860) was a Scottish violinist and a teacher of music.",
               "He led an orchestra at Glasgow for many seasons and wrote two concertos.",
               "His pupils included several players of the city's opera house.",
               title="Hamish Torrance (musician)")


def _values(text: str, question: str = BORN):
    f = DocFacts.of(doc("x", text, title="Hamish Torrance"))
    rows = tuple(range(len(f.sents)))
    return [v.text for _, _, v in _answers(_question(question), f, rows, None, QuestionSettings(relevant=0.0))]


@pytest.mark.parametrize("text, opens, closes", [
    ("Hamish Torrance (1786–1838) was a minister.", "1786", "1838"),
    ("Hamish Torrance (1577 – 18 April 1643) was a peer.", "1577", "1643"),
    ("Hamish Torrance (11 April 1834 – 26 April 1909) was a scholar.", "1834", "1909"),
])
def test_the_ends_of_a_span(text, opens, closes):
    f = DocFacts.of(doc("x", text))
    s = f.sents[0]
    dates = {v.text[-4:]: v for v in f.values[0] if v.kind == "date"}
    assert opens_span(s, dates[opens]) and not closes_span(s, dates[opens])
    assert closes_span(s, dates[closes]) and not opens_span(s, dates[closes])
    assert life_span_end(s, dates[opens], birth=True) and life_span_end(s, dates[closes], birth=False)


def test_asked_when_born_the_span_s_first_date_answers(monkeypatch):
    text = ("Hamish Torrance, 1st Viscount Fauconberg (1577 – 18 April 1653), styled Baron Fauconberg between 1627 and 1643 "
            "and Sir Hamish Torrance, 2nd Baronet between 1624 and 1627, was an English politician.")
    assert _values(text)[:1] == ["1577"]
    assert _values(text, "When did Hamish Torrance die?")[:1] == ["1653"]
    # Without the span read, the birth question takes a date that closes it or one of a title held.
    monkeypatch.setattr(answers_module, "closes_span", lambda s, v: False)
    monkeypatch.setattr(answers_module, "life_span_end", lambda s, v, birth: False)
    assert _values(text)[:1] != ["1577"]


def test_a_birth_noun_dates_a_birth_only_beside_the_date(monkeypatch):
    record = "Hamish Torrance's record lists the club's founding in 1899, then Birthdate: 19 September 1950 and Birthplace: Leith."
    assert _values(record)[:1] == ["1950"]
    # "... – 22 October 1976, ...) was a princess ... by birth": the noun is far from that death date.
    life = ("Hamish Torrance (15 December 1903, Leith, Scotland – 22 October 1976, Munich, Bavaria, Germany) was a "
            "Torrance of Leith by birth and a duchess by marriage.")
    assert _values(life)[:1] == ["1903"]
    assert _values("Hamish Torrance, born in Leith on 15 December 1903, was a Torrance of Leith by birth until 1931.")[:1] == ["1903"]
    monkeypatch.setattr(answers_module, "event_noun", lambda s, v, events: False)  # the noun not read
    assert _values(record)[:1] != ["1950"]


def test_spans_ending_alike_are_one_life():
    q, st = _question(BORN), QuestionSettings(relevant=0.0)
    a, b = DocFacts.of(BIOGRAPHY), DocFacts.of(CATALOGUE)
    (ia, va), (ib, vb) = (next((i, v) for i, vs in enumerate(f.values) for v in vs if v.text == year)
                          for f, year in ((a, "1786"), (b, "1791")))
    sents = (a.sents[ia], b.sents[ib])
    assert shared_span_end(sents, (va, vb))
    assert entity_relation(a, b, q, st, (va, vb), sents) == SAME
    assert entity_relation(a, b, q, replace(st, span_ends=False), (va, vb), sents) != SAME
    # Asked when a museum opened, two spans ending alike say nothing of one entity.
    museum = _question("When was Hamish Torrance established?")
    assert entity_relation(a, b, museum, st, (va, vb), sents) != SAME


@MODES
def test_two_birth_years_on_one_life_disagree(encode):
    found = find(BORN, [BIOGRAPHY, CATALOGUE], encode)
    assert real(found) == ["answer"]
    assert "1786" in found[0].summary and "1791" in found[0].summary, found[0].summary
    # The namesake's life ends another year: no disagreement, whatever the birth years.
    assert real(find(BORN, [BIOGRAPHY, MUSICIAN], encode)) == []
    assert real(find(BORN, [BIOGRAPHY, CATALOGUE], encode, span_ends=False)) == []
