"""Parts of a news page that state no answer (issue #20, false alarms on news pages): the dateline
naming where a story was filed, a name inside a longer name (a newspaper named after its city), a
match score read as a count, and a list's heading read as a claim. Each on small made-up pages."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.conflicts.answer_facts import _question
from qa.conflicts.answers import _answers, stated_counts
from qa.conflicts.claims import quantities, tokenize
from qa.conflicts.corpus_wide import find_conflicts
from qa.conflicts.question import QuestionConflicts
from qa.conflicts.sentences import _list_heading
from qa.ingest.text import dateline_end, nfkc

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find
from .test_conflicts import doc as cdoc, fake_encode


def test_a_dateline_is_read_off_the_start_of_a_story():
    for line, filed in [("SIOUX FALLS, S.D. – People across the state", "SIOUX FALLS, S.D. – "),
                        ("LONDON (AP) — Britain's Conservative Party", "LONDON (AP) — "),
                        ("MADRID — Rafael Nadal kept Spain's hopes alive", "MADRID — ")]:
        assert line[:dateline_end(line)] == filed
    for line in ["Sioux Falls – a city of 200,000", "US-based firms - the rest", "The agency — Broadhead — said"]:
        assert dateline_end(line) == 0


@MODES
def test_a_choice_is_not_affirmed_by_a_dateline_or_by_a_longer_name_holding_it(encode):
    """"Was the agency from Minneapolis or Sioux Falls?": the story filed from SIOUX FALLS and the
    one citing the Sioux Falls Argus Leader say nothing of where the agency is; the one that says
    "the Minneapolis ad agency" is the only answer, so the sources do not disagree."""
    q = "Was the Meth campaign's ad agency from Minneapolis or Sioux Falls?"
    a = doc("a01", "SIOUX FALLS, S.D. – The Meth campaign ad agency was paid $449,000 by the state.")
    b = doc("b02", "The Meth campaign ad agency was hired last year, according to the Sioux Falls Argus Leader.")
    c = doc("c03", "The Meth campaign came from the Minneapolis ad agency Broadhead Co., the report says.")
    assert real(find(q, [a, c], encode)) == []
    assert real(find(q, [b, c], encode)) == []
    # A source that does place the agency there disagrees.
    d = doc("d04", "The Meth campaign ad agency is based in Sioux Falls, the report says.")
    assert real(find(q, [d, c], encode)) == ["answer"]


def test_a_score_is_no_figure_but_a_range_is():
    def figures(text):
        return [(q.low, q.high) for q in quantities(tokenize(nfkc(text)), nfkc(text))]
    assert figures("Spain beat Russia 2-1 in the final") == []
    assert figures("The vote was 5-4 against it") == []
    assert figures("It took 3-5 years") == [(3.0, 5.0)]
    assert figures("costs of $5-4 million") != []  # an amount of money is never a score


def test_a_yes_no_question_stating_a_score_asks_for_no_count():
    """"Did Spain beat Russia 2-1?" states a score, not a count: read as asking for a number, a
    page on another match giving "the 20th spot" was a second answer to it."""
    assert _question("did spain beat russia or croatia 2-1 to open the davis cup finals").kind is None
    assert _question("Did Wales beat Hungary 2-0?").kind is None
    assert _question("Did more than two monks know the recipe?").kind == "number"


def test_a_line_ending_in_a_colon_heads_a_list():
    text = "The band will tour.\nThe Band Tour 2020 dates:\nJune 9 -- Tampa, FL\nHe said: no."
    s = text.index("The Band")
    assert _list_heading(text, s, text.index("\nJune"))
    he = text.index("He said")
    assert not _list_heading(text, he, len(text))
    assert not _list_heading(text, 0, text.index("\n"))


def test_a_list_heading_is_no_statement_of_a_certainty_conflict():
    """A line heading a list ("Meta is cooperating with Samsung on ASICs worth more than 10 trillion
    won:") states nothing, so it is not the sure side against "potentially exceeding"."""
    hedged = cdoc("000_a", "Meta is advancing work with Samsung on next-generation ASICs, with related orders "
                           "potentially exceeding 10 trillion Korean won.")
    sure = "Meta is cooperating with Samsung on next-generation ASICs worth more than 10 trillion won"
    assert [c.kind for c in find_conflicts([hedged, cdoc("001_b", sure + ".")], fake_encode)] == ["certainty"]
    listing = cdoc("001_b", "Chip plans were shown on Monday.\n" + sure + ":\nInference accelerator -- 2027\n"
                            "Training accelerator -- 2028")
    assert find_conflicts([hedged, listing], fake_encode) == []


def test_a_word_describing_the_asked_kind_is_no_answer_of_that_kind():
    """"Japanese" of "Japanese technology company Orvex Holdings" only describes the company named
    after it: asked "which company", the source's answer is Orvex Holdings, though "Japanese" is
    nearer the verb asked about."""
    q = _question("Which company agreed to take on the Kestrel plant's cleaning workers?")
    d = doc("a01", "Kestrel agreed to a rescue by its largest shareholder, Japanese technology investment company "
                   "Orvex Holdings, last month.")
    f = QuestionConflicts([d], None)
    facts = f.facts["a01"]
    found = _answers(q, facts, list(range(len(facts.sents))), None, replace(f.settings, relevant=0.0))
    assert [v.text for _, _, v in found] == ["Orvex Holdings"]


def test_a_count_the_question_states_pins_the_fact_it_asks_about():
    """"Which company agreed to take on about 1,000 Orvex cleaning workers?": a page saying Orvex
    agreed to a rescue by Halden Group names another deal of Orvex's; only sentences giving the
    count (within a factor 1.5: "close to 1,000") answer it."""
    q = "Which company agreed to take on about 1,000 Orvex maintenance and cleaning workers?"
    story = ("Orvex, the office-sharing company founded by Adam Rennick in Marlow in 2010, has faced a cash "
             "crunch since its failed share sale in September. ")
    a = doc("a01", story + "Orvex had reached an agreement with Kestrel Corp to accept close to 1,000 "
                           "maintenance and cleaning workers, the union said.")
    b = doc("b02", story + "Orvex agreed to a rescue by its largest shareholder, investment company Halden "
                           "Group, last month.")
    assert real(find(q, [a, b], fake_encode)) == []
    assert real(find(q, [a, b], fake_encode, stated_counts=False)) == ["answer"]
    c = doc("c03", story + "Orvex had reached an agreement with Halden Group to accept about 1,100 "
                           "maintenance and cleaning workers, the union said.")
    assert real(find(q, [a, c], fake_encode)) == ["answer"]  # both give the count: two companies, a disagreement


@pytest.mark.parametrize("question,counts", [
    ("Which company agreed to take on about 1,000 WeWork maintenance and cleaning workers?", (1000.0,)),
    ("Which firm hired 200 engineers in Austin?", (200.0,)),
    ("What type of aircraft was involved in Flight 109?", ()),  # a name's number
    ("Who is the composer of Symphony No. 38?", ()),
    ("94 Squadron was formed in which year?", ()),
    ("24th Rifle Division was formed in which year?", ()),
    ("Did Orvex take on 1,000 workers?", ()),  # a yes/no question's count is its slot
])
def test_the_counts_a_question_states(question, counts):
    assert stated_counts(question) == counts


@MODES
def test_a_decade_is_no_year(encode):
    """"scheduled to launch in the mid-2020s" gives a decade, which holds 2023: read as the year 2020
    it disagreed with "as soon as 2023" on when the mission will get its closer look."""
    q = "When will the Kestrel probe get a closer look at Titan?"
    a = doc("a01", "The Kestrel probe will get a much closer look at Titan's surface as soon as 2023, NASA said.")
    b = doc("b02", "NASA is developing the Kestrel probe, which will get a closer look at Titan after its launch "
                   "in the mid-2020s, NASA said.")
    assert real(find(q, [a, b], encode)) == []
    c = doc("b02", "NASA is developing the Kestrel probe, which will get a closer look at Titan after its launch "
                   "in 2020, NASA said.")
    assert real(find(q, [a, c], encode)) == ["answer"]
    d = doc("b02", "NASA is developing the Kestrel probe, which will get a closer look at Titan after its launch "
                   "in the 2030s, NASA said.")
    assert real(find(q, [a, d], encode)) == ["answer"]  # another decade: a disagreement
    # A yes/no question stating a year: a decade beside it is a near miss of the one fact asked
    # (WikiContradict w030: "In 1969, ..." / "In the early 1970s ..."), and disagrees with it.
    q2 = "Did Valgard Moray make contact with Elsa Kristen in 1969?"
    e = doc("a01", "In 1969, Valgard Moray worked with Elsa Kristen to found the Odinist Fellowship.")
    f = doc("b02", "In the early 1970s Valgard Moray and Elton Hall formed a kindred and made contact with Elsa Kristen.")
    assert real(find(q2, [e, f], encode)) == ["answer"]
