"""Answers compared at the precision the question asks (days and months), hedged figures read as
the points they round, names a yes/no question states in its answer's place, options listed at the
front of a question and distances that skip the question's own words (issue #20: WikiContradict),
each on small made-up excerpts, with the mechanism switched off where a setting has it."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import _question
from qa.conflicts.choices import choice_options, stated_name
from qa.conflicts.claims import tokenize
from qa.conflicts.answer_facts import _Q_STOP
from qa.conflicts.precision import asked_precision, dates_agree, figures_agree

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find


@pytest.mark.parametrize("question, wh, expected", [
    ("Did Karl Weyprecht die on 2 March 1881?", False, ("day", {"2", "march"})),
    ("Was Paul McCole born on the 1st February?", False, ("day", {"1", "st", "february"})),
    ("Was he born on March 3, 1881?", False, ("day", {"march", "3"})),
    ("Was he born in 1881?", False, ("", set())),
    ("In which year and month did France defeat the Queen of Waalo?", True, ("month", set())),
    ("On what date did the bridge open?", True, ("day", set())),
    ("When did the bridge open?", True, ("", set())),
    # "may" is a verb unless capitalised.
    ("Did the council say it may 3 times refuse?", False, ("", set())),
])
def test_the_precision_a_question_asks_for(question, wh, expected):
    precision, words = asked_precision(question, wh)
    assert (precision, set(words)) == expected


def test_date_keys_agree_on_what_both_give_and_hedged_figures_on_their_points():
    assert dates_agree("1881", "1881-03-02") and dates_agree("1881-03", "1881-03-02")
    assert not dates_agree("1881-03-03", "1881-03-02") and not dates_agree("1880", "1881-03-02")
    about = lambda v: (v, 0.9 * v, 1.1 * v, True)  # noqa: E731
    exact = lambda v, p=0.5: (v, v - p, v + p, False)  # noqa: E731
    assert figures_agree(about(70), exact(72)) and figures_agree(about(1.6), exact(1.5, 0.05))
    assert not figures_agree(about(69), about(80)) and not figures_agree(about(1.6), exact(1.4, 0.05))
    assert figures_agree((10, 10, 12, False), about(11))  # a range keeps its interval
    assert not figures_agree(exact(69), exact(80))


@MODES
def test_a_stated_day_is_compared_to_the_day(encode):
    """"Did he die on 2 March 1881?": both excerpts give 1881, one 2 March, the other 3 March. By
    year they agree; at the day the question asks about they do not. A source giving the year
    alone agrees with either."""
    q = "Did Karl Weyprecht die on 2 March 1881?"
    a = doc("a01", "Karl Weyprecht, also spelt Carl Weyprecht, (8 September 1838 – 2 March 1881) was an Austro-Hungarian explorer.")
    b = doc("b02", "Karl Weyprecht died on 3 March 1881 (aged 42) in Michelstadt.")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "2 March 1881" in found[0].summary and "3 March 1881" in found[0].summary
    assert real(find(q, [a, b], encode, date_precision=False)) == []
    same = doc("b02", "Karl Weyprecht died on 2 March 1881 (aged 42) in Michelstadt.")
    assert real(find(q, [a, same], encode)) == []
    year_only = doc("b02", "Karl Weyprecht died in 1881 (aged 42) in Michelstadt.")
    assert real(find(q, [a, year_only], encode)) == []


def test_a_question_asking_the_month_compares_months():
    q = "In which year and month did Faidherbe defeat the army of Waalo?"
    assert _question(q).precision == "month"
    assert _question(q, date_precision=False).precision == ""
    assert _question("When did Faidherbe defeat the army of Waalo?").precision == ""


@MODES
def test_hedged_figures_do_not_stretch_to_meet(encode):
    """"about 43 miles (69 km)" and "roughly 80 km" were read as 62-76 and 72-88 km: overlapping,
    so agreeing. A hedge rounds a figure; it does not make 80 km the same as 69 km."""
    q = "Is Angermünde 80 km far from Berlin?"
    a = doc("a01", "Angermünde is a town in Brandenburg. It is about 43 miles (69 km) northeast of Berlin, the capital.")
    b = doc("b02", "Angermünde is located in the Uckermark region, roughly 80 km north of Berlin.")
    assert real(find(q, [a, b], encode)) == ["answer"]
    near = doc("b02", "Angermünde is located in the Uckermark region, roughly 70 km north of Berlin.")
    assert real(find(q, [a, near], encode)) == []


@pytest.mark.parametrize("question, name", [
    ("Do Jamshedpur FC play their home games in JRD Tata Sports Complex Stadium?", ("jrd", "tata", "sports", "complex", "stadium")),
    ("Did Ger Browne play for Knockavilla Kickhams club?", ("knockavilla", "kickhams")),
    # One name, or names with no word of what is asked between them: no stated name.
    ("Is Bombus polaris an alpine species?", ()),
    ("Is Rakoti the Coptic name for Alexandria?", ()),
    ("Who plays in JRD Tata Sports Complex Stadium?", ()),
])
def test_the_name_a_yes_no_question_states(question, name):
    assert stated_name(tokenize(question), _Q_STOP) == name


@MODES
def test_a_stated_name_is_answered_by_the_name_each_source_gives_there(encode):
    """"Do they play their home games in JRD Tata Sports Complex Stadium?": one excerpt names that
    stadium, the other another one, next to "home games". Without reading the stated name a
    yes/no question has no answer to compare."""
    q = "Do Jamshedpur FC play their home games in JRD Tata Sports Complex Stadium?"
    a = doc("a01", "Jamshedpur FC play their home games at JRD Tata Sports Complex Stadium.")
    b = doc("b02", "Jamshedpur FC play their home games at Birsa Munda Football Stadium.")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "Birsa Munda" in found[0].summary
    assert real(find(q, [a, b], encode, stated_names=False)) == []
    assert real(find(q, [a, doc("b02", "The club Jamshedpur FC play their home games at JRD Tata Sports Complex Stadium.")], encode)) == []
    # A name not next to what is asked is no answer.
    elsewhere = doc("b02", "Jamshedpur FC were founded by Tata Steel. Birsa Munda Football Stadium hosted a friendly.")
    assert real(find(q, [a, elsewhere], encode)) == []


@MODES
def test_names_beside_the_question_words_but_not_the_stated_name_are_no_answers_to_it(encode):
    """"Did Valtra comment on the Orvex report?" states "Orvex" where the question reads a
    stated name; sources naming who reported ("The Ledger reported", "Nordpost reported") give two
    names of another slot, and neither says yes or no to Orvex: no conflict. Where one source
    gives the stated name there and the other another name, they disagree."""
    q = "Did Valtra comment on the Orvex report?"
    a = doc("a01", "Orvex is weighing a new plant, The Ledger reported on Monday. Valtra declined to comment.")
    b = doc("b02", "Orvex plans a second plant in the north, Nordpost reported, citing two people.")
    assert real(find(q, [a, b], encode)) == []
    assert real(find(q, [a, b], encode, stated_name_given=False, said_by_asked=False)) == []  # b02 never names Valtra
    assert real(find(q, [a, b], encode, stated_name_given=False, said_by_asked=False,
                     named_subject=False)) == ["answer"]
    q2 = "Do the Harbour Lions play their home games in Kestrel Park Stadium?"
    c = doc("a01", "The Harbour Lions play their home games at Kestrel Park Stadium.")
    d = doc("b02", "The Harbour Lions play their home games at Merrow Field Stadium.")
    assert real(find(q2, [c, d], encode)) == ["answer"]


def test_options_offered_at_the_front_of_a_yes_no_question():
    assert choice_options("Did Tipperary or Galway play the 1961 Camogie final against Dublin?") == (
        ("tipperary",), ("galway",))
    assert choice_options("Did farming or mining decline in the valley?") == ()


@MODES
def test_front_options_are_answered_by_the_one_each_source_affirms(encode):
    q = "Did Tipperary or Galway play the 1961 Camogie final against Dublin?"
    a = doc("a01", "The 1961 Camogie final was played by Dublin and Tipperary at Croke Park.")
    b = doc("b02", "The 1961 Camogie final was played Dublin vs Galway in front of a large crowd.")
    assert real(find(q, [a, b], encode)) == ["answer"]
    assert real(find(q, [a, b], encode, choices=False)) == []


@MODES
def test_the_subjects_own_words_do_not_push_an_answer_away(encode):
    """A table's last row "Total distance of 1920 Volta a Catalunya: 607 km" puts the figure after
    the subject's name; a stage's "(59 mi)" before "Total" was closer by plain token count."""
    q = "Was the total distance of the 1920 Volta a Catalunya less than 615 km?"
    a = doc("a01", "Stage, Course, Distance | 3 (B), Tarragona to Barcelona, 95 km (59 mi), José Nat || "
                   "Total distance of 1920 Volta a Catalunya: 607 km (377 mi)")
    b = doc("b02", "1920 Volta a Catalunya Race details: Stages: 3, Distance: 630 km (391.5 mi), Winner José Pelletier")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"] and "607 km" in found[0].summary, [c.summary for c in found]
    assert "607 km" not in " ".join(c.summary for c in find(q, [a, b], encode, gap_skips_question=False))
