"""Who holds a title (qa.reading.titles, issue #20, nineteenth round): "who is the senate president"
was answered "Donald Trump" (of "President Donald Trump" in another article) on a real news page,
where "the Senate President Bukola Saraki" ranked second. Made-up sentences, the real parser."""
from __future__ import annotations

import pytest

from qa.reading.prefer import preferred
from qa.reading.titles import asked_title, holders, title_holders

from .test_kind_fit import _view
from .test_prefer import ALL, _views


@pytest.mark.parametrize("question, title", [
    ("who is the Senate president", ("president", {"senate"}, set())),
    ("Who is the Senate President", ("president", {"senate"}, set())),  # (twenty-second round) as recased
    ("Who is the governor of Kestrel State?", ("governor", set(), {"kestrel", "state"})),
    ("Who is the CEO of Nexa?", ("ceo", set(), {"nexa"})),  # an acronym is a title
    ("Who is Dana Wu?", ("", set(), set())),  # a named person: qa.reading.asked_spans.described_person
    ("Who is the Doobie Brothers?", ("", set(), set())),  # a name, not a title
    ("Who is the Senate president's wife?", ("", set(), set())),  # a relative of the holder
    ("Who makes the chips?", ("", set(), set())),
])
def test_which_questions_ask_who_holds_a_title(question, title):
    assert asked_title(question) == (title[0], frozenset(title[1]), frozenset(title[2]))


@pytest.mark.parametrize("sentence, title, qualifiers, holder", [
    ("Lawan raised the motion after the Senate President Dana Okoro read 16 letters.", "president", {"senate"},
     "Dana Okoro"),
    ("President of the Senate, Dana Okoro, and Senator Ben Ade have sued the police.", "president", {"senate"},
     "Dana Okoro"),
    ("Governor Kristi Vale said the campaign had worked.", "governor", set(), "Kristi Vale"),
    ("Harlow's president, Drew Faust, spoke on Monday.", "president", set(), "Drew Faust"),
    ("Harlow's president, Drew Faust, spoke on Monday.", "president", {"harlow"}, "Drew Faust"),  # the owner qualifies
    # a qualifier ending in "s" is read whole (it was "texa", and no Texas governor was found)
    ("Texas Governor Greg Abbott said the campaign had worked.", "governor", {"texas"}, "Greg Abbott"),
    # another president, and a title far from the name, hold nothing
    ("They all favour impeachment, said President Dale Trent on Monday.", "president", {"senate"}, ""),
    ("The president said on Monday that Dana Okoro would read the letters.", "president", set(), ""),
])
def test_the_person_a_sentence_names_with_the_title(sentence, title, qualifiers, holder):
    v = _view(sentence)
    assert " ".join(v.text[k] for k in sorted(title_holders(v, title, frozenset(qualifiers)))) == holder


def test_a_runner_up_naming_the_title_s_holder_goes_first():
    text = {0: "They all favour impeachment, but it is noteworthy that President Dale Trent has not.",
            1: "The Senate resumed from its annual recess on Tuesday.",
            2: "Lawan raised the motion after the Senate President Dana Okoro read 16 letters.",
            3: "President of the Senate, Dana Okoro, and Senator Ben Ade have sued the police."}
    names = {i: ALL for i in text}
    assert preferred("who is the Senate president", [0, 1, 2], text, names, _views(text))[0] == 2
    # asked what the title is "of", the one naming it goes before one naming the title alone
    views = _views(text)()
    assert holders(views, [0, 1, 2, 3], asked_title("Who is the president of the Senate?")) == [2, 3]
    assert holders(views, [0, 1], asked_title("Who is the president of Harlow?")) == [0]


def test_a_title_of_a_named_thing_is_held_in_an_article_naming_it():
    # (thirty-first round) "who is the ceo of coty" quoted "WeWork's founder and former CEO, Adam
    # Neumann", from an article never naming Coty: the title's holder comes from one naming it.
    text = {0: "Coty acquired a 51% ownership position in a beauty portfolio this week.",
            1: "Beauty company Coty is breaking out in a good way.",
            2: "Regulators asked whether the company's founder and former CEO, Adam Nordin, enriched himself."}
    names = {0: ALL, 1: ALL, 2: (0.0, 0.0)}  # the third's article never names Coty
    assert preferred("who is the ceo of coty", [0, 1], text, names, _views(text), extra=[2])[0] == 0
    names[2] = (0.0, 1.0)  # ... but one naming Coty may name its CEO
    assert preferred("who is the ceo of coty", [0, 1], text, names, _views(text), extra=[2])[0] == 2


@pytest.mark.parametrize("quote, holds", [
    ("Coty acquired a 51% ownership position in Jenner's beauty and cosmetics portfolio.", False),
    ("Coty CEO Sue Nabi said the deal would close in January.", True),
    ("South Dakota Gov. Kristi Vale said the campaign had worked.", True),  # the title shortened
    ("The current chief executive and CEO is Sue Nabi.", True),  # the holder after the title
    ("Sue Nabi, CEO of the beauty company since 2020, spoke on Monday.", True),
    ("Mohawk Chief Hendrick, Speaker of their tribal council, insisted on it.", True),  # untagged
])
def test_asked_who_holds_an_office_only_its_holder_answers(quote, holds):
    from qa.reading.asked_kind import KIND_REASONS, asked_kind, holds_asked_kind

    question = ("who is the governor of south dakota" if "Gov." in quote else "Who was the speaker of the tribal council?"
                if "Speaker" in quote else "who is the ceo of coty")
    assert asked_kind(question) == "title"
    assert holds_asked_kind("title", question, [_view(quote)]) is holds
    assert KIND_REASONS["title"] == "The closest passages name no holder of this office."
