"""What a count question counts, figures that are part of a name, and yes/no questions whose
focus noun is a name (issue #20, thirtieth round): of "four studio albums, two live albums" the
count of live albums is a source's answer; "CD19", "H100" state no figure; "As of 2023" says when,
not what is asked. On small made-up documents."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import _question
from qa.conflicts.claims import quantities, tokenize
from qa.conflicts.counted import counted_words

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find


@pytest.mark.parametrize("question, words", [
    ("How many live albums has Emperor released?", ("live", "album")),
    ("As of 2023, has Emperor released more than one live album?", ("live", "album")),
    ("Do more than two monks know the recipe?", ("monk",)),
    ("How many Trainium2 chips does Anthropic use?", ("chip",)),
    ("How many people survived the expedition?", ("peopl",)),
    ("When did Emperor release its live album?", ()),
    ("Did Emperor release 2 albums in 1999?", ()),  # a count stated without "more than": nothing to bind
])
def test_counted_words(question, words):
    assert counted_words(question) == words


@pytest.mark.parametrize("question, kind", [
    ("Is CD19 expressed in human plasma cells?", None),  # "19" is part of a name, no count
    ("Does OpenAI use H100 chips?", None),
    ("Does Meta use MTIA v2?", None),
    ("Did it cost $5 million?", "number"),
    ("Do more than two monks know the recipe?", "number"),
    ("As of 2023, has Emperor released more than one live album?", "number"),  # "Emperor" asks no name
    ("Was Margery's husband, 3rd Chief Butler of Ireland, buried in Arklow?", None),  # a rank, no count
    ("Was he born in 1213?", "date"),
    ("has anthropic used more than a million trainium2 chips", "number"),  # not the name "Trainium2"
])
def test_the_value_a_yes_no_question_states(question, kind):
    assert _question(question).kind == kind


def test_as_of_a_year_is_no_claimed_year():
    assert _question("As of 2023, has Emperor released more than one live album?").claimed == frozenset()
    assert _question("Was he born in 1213?").claimed == frozenset({"1213"})


def test_a_currency_does_not_reach_across_a_comma():
    text = "Of the 150,000 convenience stores in US, 120,000 of them are located at fuel stations."
    got = [(q.unit, q.value) for q in quantities(tokenize(text), text)]
    assert ("", 120000.0) in got and not any(u == "USD" for u, _ in got)
    text = "The deal is worth US$ 50 million."
    assert [(q.unit, q.value) for q in quantities(tokenize(text), text)] == [("USD", 5e7)]


ALBUMS = "The band has released four studio albums, two live albums, six EPs and three compilation albums."


@MODES
@pytest.mark.parametrize("question", ["How many live albums has the band released?",
                                      "As of 2023, has the band released more than one live album?"])
def test_the_count_of_what_is_asked_is_each_sources_answer(encode, question):
    """"two live albums" against "one live album", not "four" (studio albums) that sits next to
    "released"; a source giving the same two live albums agrees."""
    a = doc("a01", ALBUMS, title="Band discography")
    b = doc("b02", "The band has released 1 live album, recorded at a festival in 2006.", title="Band live album")
    found = find(question, [a, b], encode)
    assert real(found) == ["answer"]
    assert "“two”" in found[0].summary and "“four”" not in found[0].summary, found[0].summary
    c = doc("c03", "The band has released two live albums, both recorded in Norway.", title="Band live albums")
    assert real(find(question, [a, c], encode)) == []


@MODES
def test_a_whole_is_not_the_part_the_sentence_speaks_of(encode):
    """"of the 150,000 convenience stores in US, 120,000 of them are located at fuel stations":
    asked how many stores are at fuel stations, the page says 120,000."""
    q = "As of 2011, are more than 47,195 convenience stores located at fuel stations in US?"
    a = doc("a01", "In 2011, of the 150,000 convenience stores in US, 120,000 of them are located at fuel stations.",
            title="Convenience stores")
    b = doc("b02", "In 2011, 47,195 convenience stores in US were located at fuel stations.", title="Fuel stations")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"]
    assert "120,000" in found[0].summary and "150,000" not in found[0].summary, found[0].summary


@MODES
def test_a_model_number_is_no_count(encode):
    """A page naming the chips ("H100") without counting them does not say "100": asked how many
    chips the lab trains on, it gives no count to set against another page's 4,000."""
    q = "How many Nvidia chips does the lab train on?"
    a = doc("a01", "The lab trains its newest models on Nvidia's H100 chips at its Oregon campus.", title="Lab compute")
    b = doc("b02", "The lab trains its newest models on 4,000 Nvidia chips at its Oregon campus.", title="Lab compute")
    assert real(find(q, [a, b], encode)) == []


@MODES
def test_a_glosss_label_is_no_answer(encode):
    """"(Portuguese: ...)" and "(Spanish: ...)" label two glosses of the name; both pages put the
    massacre in Brazil."""
    q = "What country did the Carandiru massacre take place in?"
    a = doc("a01", "The Carandiru massacre (Portuguese: Massacre do Carandiru) took place in Brazil in October 1992.",
            title="Carandiru massacre")
    b = doc("b02", "The Carandiru massacre (Spanish: Masacre de Carandiru) took place in Brazil in October 1992.",
            title="Carandiru massacre")
    assert real(find(q, [a, b], encode)) == []


def test_a_rank_is_no_count():
    """"50th Anniversary Tour" counts nothing: its figure is a rank, which answers no "how many"
    question (a page's "50" was compared with another's 30 tour dates, and kept a stored certainty
    conflict on the tour for the question)."""
    from qa.conflicts.answers import _spans_asked
    from qa.conflicts.sentences import _analyse
    from qa.conflicts.values import _figure_values

    s = _analyse(doc("a01", "The band set its 50th Anniversary Tour of North America with 30 dates.")).sents[0]
    assert [v.key for v in _figure_values(s)] == ["rank:50", ":30"]
    assert not _spans_asked(_question("how many dates is the band's 50th anniversary tour"), "rank")
    assert _spans_asked(_question("Is Bremen the 5th largest city by area?"), "rank")
