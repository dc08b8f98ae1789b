"""Choice questions, near-miss answers, counts written as words and days of months (issue #20:
WikiContradict), each on small made-up excerpts: what the mechanism decides, and with it switched
off (or on the words it must not read), the decision it changes."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import _question
from qa.conflicts.answers import _answers
from qa.conflicts.choices import choice_options
from qa.conflicts.claims import quantities, tokenize
from qa.conflicts.question import QuestionConflicts

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find


@pytest.mark.parametrize("question, options", [
    ("Was the site of the massacre a penitentiary or a detention center?", (("penitentiary",), ("detention", "center"))),
    ("Which of these are in the lily: apomorphine, aporphine, or neither?", (("apomorphine",), ("aporphine",))),
    ("What club did Ger Browne play for: Cashel King Cormacs club or Knockavilla Kickhams club?",
     (("cashel", "king", "cormacs", "club"), ("knockavilla", "kickhams", "club"))),
    ('Which stamp was issued first: "Two Penny Blue" or "Penny Black"?', (("two", "penny", "blue"), ("penny", "black"))),
    # An "or" inside the question, or options holding figures, list no answers.
    ("What is the primary product or industry associated with Heubach?", ()),
    ("Did he make contact with her in 1969 or before 1969?", ()),
    ("Who directed Manic?", ()),
])
def test_a_choice_question_lists_its_options(question, options):
    assert choice_options(question) == options


VILLAGE = "Castle Donington is a {kind} in Leicestershire, England, close to East Midlands Airport."


@MODES
def test_sources_affirming_two_options_of_a_choice_question_disagree(encode):
    """"A town or a village?": one excerpt says village, the other town. Neither word is a name, and
    the two one-sentence excerpts share little text: without reading the options, no answer is
    compared."""
    docs = [doc("a01", VILLAGE.format(kind="market town and civil parish")),
            doc("b02", "Castle Donington College is the only secondary school of the village of Castle Donington.")]
    q = "Is Castle Donington considered to be a town or a village?"
    found = find(q, docs, encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "town" in found[0].summary and "village" in found[0].summary
    assert real(find(q, docs, encode, choices=False)) == []
    # Both affirming one option agree; an option taken back ("not a village") is not affirmed.
    same = [docs[0], doc("b02", "Castle Donington is an old market town with a castle and a church.")]
    assert real(find(q, same, encode)) == []
    taken_back = [docs[0], doc("b02", "Castle Donington is a market town, not a village, since its charter.")]
    assert real(find(q, taken_back, encode)) == []


@MODES
def test_near_miss_years_of_the_value_a_question_states_are_one_fact_reported_twice(encode):
    """"Did she found it in 1988?": 1988 / 1989 from two pages that share no 4-gram are not shown
    to be one entity, but the question pins the fact and both speak to it: a conflict. Years far
    apart stay unjudged, and so do near years asked without a value ("When did ...?": namesakes
    are often contemporaries). Pages of three sentences: an excerpt of one or two is read as being
    about the subject (test_conflict_spans.test_two_excerpts_giving_two_dates_disagree)."""
    a = doc("a01", "Mari Fitzduff went on to found Mediation Northern Ireland in 1988 with colleagues.",
            "She taught at a school in Derry.", "Her books are read widely.")
    b = ("Working with universities, Mari Fitzduff set up Mediation Northern Ireland, a peace charity, in {year}. "
         "The charity trains mediators. It has an office in Belfast.")
    q = "Did Mari Fitzduff found Mediation Northern Ireland in 1988?"
    close = [a, doc("b02", b.format(year=1989))]
    assert real(find(q, close, encode)) == ["answer"]
    assert real(find(q, close, encode, close_values=False)) == []
    assert real(find(q, [a, doc("b02", b.format(year=1961))], encode)) == []
    assert real(find("When did Mari Fitzduff found Mediation Northern Ireland?", close, encode)) == []


@MODES
def test_counts_in_words_and_days_of_months(encode):
    """"Only three monks know it" / "two monks": counts written as words are answers, and a yes/no
    question stating one ("more than two monks") asks for a number. "On October 27" is a day, not 27
    tornadoes."""
    q = "Does more than two monks know the secret recipe of Chartreuse?"
    assert _question(q).kind == "number"
    docs = [doc("a01", "The recipe of Chartreuse is known at any given time only to the three monks who prepare it."),
            doc("b02", "The herbal mixture of Chartreuse is prepared by two monks, the only ones to know the recipe.")]
    assert real(find(q, docs, encode)) == ["answer"]
    storm = doc("b02", "The storm complex weakened on October 27 as the cold front tracked eastward. In the end, "
                "87 tornadoes were confirmed in the storm complex.")
    f = QuestionConflicts([storm], encode)
    tq = _question("How many tornadoes were confirmed in the October 2010 storm complex?")
    found = _answers(tq, f.facts["b02"], list(range(len(f.facts["b02"].sents))), None, f.settings)
    assert [v.text for _, _, v in found] == ["87"]


@MODES
def test_ordinal_days_and_clock_times_are_no_counts(encode):
    """"(12th June 1790)" and "At 6:30 pm" are a day and an hour, not 12 or 6 prisoners: read as
    counts they filled the answer slot of the sentences most about the battle, and the sentence
    giving the count ("... and 40 prisoners") was never reached."""
    log = doc("a01", "On the first day (12th June 1790) of the siege of Fort Calder, Captain Orrin Vale of the "
              "Northern Crown repelled the attack. At 6:30 pm on 13th June 1790, Vale wrote to the garrison "
              "commander of Port Rell about the fighting at Fort Calder. On 16th June 1790, the Northern Crown "
              "had 8 dead, 5 wounded and 40 prisoners.")
    f = QuestionConflicts([log], encode)
    q = _question("How many prisoners did the Northern Crown have at the siege of Fort Calder?")
    found = _answers(q, f.facts["a01"], list(range(len(f.facts["a01"].sents))), None, f.settings)
    assert [v.text for _, _, v in found][:1] == ["40"]
    assert not any(v.text in ("12", "13", "16", "6") for i in range(3) for v in f.facts["a01"].values[i])
    other = doc("b02", "The Northern Crown had 8 dead, 33 prisoners and 11 wounded in the siege of Fort Calder.")
    found = find("Did the Northern Crown have 40 prisoners in the siege of Fort Calder?", [log, other], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "40" in found[0].summary and "33" in found[0].summary


@MODES
def test_a_footnote_mark_between_a_figure_and_its_unit(encode):
    """"Distance:\t912[2] km" copied from a wiki infobox: the unit after the footnote mark is the
    figure's, so the distance is compared with another source's, not the stage count before it."""
    toks = tokenize("Stages:\t6 Distance:\t912[2] km (567 mi)")
    got = [(q.value, q.unit) for q in quantities(toks, "Stages:\t6 Distance:\t912[2] km (567 mi)")]
    assert (912000.0, "m") in got and (912.0, "") not in got and (2.0, "") not in got
    table = doc("a01", "1931 Tour of Calder Race details Dates:\t2–9 May 1931 Stages:\t6 Distance:\t912[2] km "
                "(567 mi) Winner:\tOrrin Vale")
    prose = doc("b02", "The 1931 Tour of Calder was raced over six stages with a total distance of 905 km.")
    found = find("Was the total distance of the 1931 Tour of Calder greater than 908 km?", [table, prose], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "912[2] km" in found[0].summary and "905 km" in found[0].summary


@MODES
def test_one_value_denied_by_one_source_and_asserted_by_the_other_disagrees(encode):
    """Both give 1513, but one says the cardinal did not take part in that conclave: the same value
    is no agreement when one source denies what the other asserts of it."""
    took_part = doc("a01", "Cardinal Amanieu d'Albret participated in the papal conclave of 1513 that elected Pope Leo X.")
    absent = doc("b02", "Amanieu d'Albret was one of the six cardinals who did not participate in the 1513 papal conclave.")
    q = "Did Amanieu d'Albret participate in the papal conclave of 1513?"
    found = find(q, [took_part, absent], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "not participate" in found[0].summary
    assert real(find(q, [took_part, absent], encode, negated_slot=False)) == []
    also = doc("b02", "Amanieu d'Albret was one of the cardinals who did participate in the 1513 papal conclave.")
    assert real(find(q, [took_part, also], encode)) == []


@MODES
def test_an_answer_across_a_clause_boundary_is_farther(encode):
    """(eighteenth round) "... in talks with Globex as a potential manufacturing partner, the U.S. IT
    news outlet The Ledger reported": the partner is Globex, before "partner", not the outlet's
    "U.S. IT" right after its comma (a false answer conflict with another source's Globex, Initech
    and Hooli)."""
    talks = doc("a01", "Acme has begun early work on its own chips and is in talks with Globex as a potential "
                "manufacturing partner, the U.S. IT news outlet The Ledger reported on Monday, citing sources.")
    f = QuestionConflicts([talks], encode)
    found = _answers(_question("Who is Acme's partner?"), f.facts["a01"], list(range(len(f.facts["a01"].sents))),
                     None, f.settings)
    assert [v.text for _, _, v in found][:1] == ["Globex"]


@MODES
def test_a_denial_far_from_the_value_is_no_disagreement_on_it(encode):
    """(twenty-eighth round, news) "what did the police find": both sources name the Lakeview police;
    one says, a clause later, that a sergeant "did not find the boy". The denial is too far from the
    value to be quoted with it, and the answer conflict read "Lakeview police" against "Lakeview
    police"."""
    searched = doc("a01", "Earlier that night, a Lakeview police sergeant searched that same motel room but did not "
                   "find the boy.")
    tipped = doc("b02", "It was around midnight when a tip led Lakeview police officers to Hale's room.")
    found = find("what did the police find", [searched, tipped], encode)
    assert real(found) == [], [c.summary for c in found]


@MODES
def test_a_passive_agent_is_as_near_its_verb_as_a_subject(encode):
    """(twenty-eighth round, WikiContradict w063) "a guesthouse in Paris later nicknamed (by Mara
    Quill) 'the Blue Inn'": asked who gave the nickname, the name after "by", not "Paris", which
    stands as many words before the verb."""
    inn = doc("a01", "He lived in a backstreet guesthouse in Paris later nicknamed (by Mara Quill) 'the Blue Inn'.")
    f = QuestionConflicts([inn], encode)
    q = _question('Who gave its nickname to "The Blue Inn"?')
    found = _answers(q, f.facts["a01"], list(range(len(f.facts["a01"].sents))), None, f.settings)
    assert [v.text for _, _, v in found][:1] == ["Mara Quill"]


def test_a_denial_the_quotes_do_not_show_is_no_conflict(monkeypatch):
    """Whatever finds a denial, two quotes reading alike show the reader no disagreement: the link
    needs the quoted wordings to differ."""
    import qa.conflicts.question as question
    q = "Did Amanieu d'Albret participate in the papal conclave of 1513?"
    took_part = doc("a01", "Cardinal Amanieu d'Albret participated in the papal conclave of 1513 that elected Pope Leo X.")
    absent = doc("b02", "Amanieu d'Albret was one of the six cardinals who did not participate in the 1513 papal conclave.")
    assert real(find(q, [took_part, absent], None)) == ["answer"]
    seen = iter((True, False, True, False))
    monkeypatch.setattr(question, "_polarity", lambda s, v, q: (next(seen, False), v))
    assert real(find(q, [took_part, absent], None)) == []
