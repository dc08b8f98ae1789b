"""Which company did it (qa.reading.kind_fit.doer_tokens, issue #20, seventeenth round): "Which company
released Zeta?" and "Which firm hired Dana Wu?" are answered by the named subject of the question's
verb in any form ("hiring" under "by"), and "Who is Initech's partner on Zeta?" by its partner."""
from __future__ import annotations

import pytest

from qa.reading.kind_fit import asks_which_doer, doer_tokens
from qa.reading.stems import verb_root
from qa.reading.shortanswer import extract_short_answer

from .test_kind_fit import _pipeline, _view


@pytest.mark.parametrize("a,b", [("hired", "hiring"), ("released", "release"), ("chose", "chosen"),
                                 ("reported", "reports"), ("use", "used"), ("uses", "use")])
def test_forms_of_a_verb_share_a_root(a, b):
    assert verb_root(a) == verb_root(b)


@pytest.mark.parametrize("question,asks", [
    ("Which company released Zeta?", True),
    ("which firm hired Dana Wu", True),
    ("What companies first announced Zeta?", True),
    ("Who released Zeta?", False),  # a "who" question: read as before
    ("Which company makes Zeta?", False),  # no verb in -ed: a maker (agent_tokens)
])
def test_asks_which_doer(question, asks):
    assert asks_which_doer(question) is asks


@pytest.mark.parametrize("question,sentence,doer,short", [
    # the subject of a verb under "by": Initech hired her
    ("Which firm hired Dana Wu?", "Initech has also strengthened its engineering team by hiring Dana Wu, a key "
     "contributor to Hooli's original board project.", "Initech", "Initech"),
    # both subjects of the verb, not the owner of "announcement"
    ("Which companies released Zeta?", "Vandelay's official announcement shows that Initech and Hooli released Zeta "
     "on June 24, positioning it as a board.", "Initech Hooli", None),
    # (eighteenth round) "broke the story": who reported it, not "Globex" the span model ranks higher
    ("Which outlet broke the Acme story?", "Acme is in talks with Globex as a potential manufacturing partner, the "
     "U.S. IT news outlet The Ledger reported on July 2.", "Ledger", "The Ledger"),
    # (nineteenth round) a relative clause: the noun it describes, named in apposition
    ("Who kidnapped the Arden girl?", "The station reports the man who kidnapped the child, Dale Roe, was sentenced "
     "to life in prison.", "Dale Roe", "Dale Roe"),
    # (twenty-eighth round) a passive's agent did it
    ("Who kidnapped the Arden girl?", "The Arden girl was kidnapped by Dale Roe on Saturday.", "Dale Roe", "Dale Roe"),
    ("Which company released Zeta?", "Zeta was released by Initech in June.", "Initech", "Initech"),
    # (twenty-seventh round) another verb than the question's: the one whose clause holds its words
    ("who won the decisive doubles match for valdora", "MADRID — Rafael Navarro kept Valdora's hopes alive, then "
     "Marcel Granell and Felix Lopeda completed the comeback in the decisive doubles match to give the hosts a 2-1 "
     "win.", "Marcel Granell Felix Lopeda", "Marcel Granell"),
])
def test_the_subject_of_the_asked_verb(question, sentence, doer, short):
    v = _view(sentence)
    assert " ".join(v.text[i] for i in sorted(doer_tokens(question, v))) == doer
    got = extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] in doer.split() + [short]


def test_no_doer_where_the_verb_has_no_named_subject():
    v = _view("Zeta has been released and entered testing, but it is not in commercial use yet.")
    assert doer_tokens("Which company released Zeta?", v) == set()
    # the verb as an adjective names what was done, not who did it
    v = _view("A video showing the moment a kidnapped Arden girl was rescued by police was released Monday.")
    assert doer_tokens("Who kidnapped the Arden girl?", v) == set()
    # (twenty-seventh round) no verb holds clearly more of the question's words than another
    v = _view("Rafael Navarro won the doubles match on Friday, and Marcel Granell won the singles match on Sunday.")
    assert doer_tokens("who won the decisive doubles match", v) == {0, 1}  # the question's own verb: as before
    v = _view("Rafael Navarro kept the doubles hopes alive, then Marcel Granell completed the doubles comeback.")
    assert doer_tokens("who won the decisive doubles match", v) == set()


RELEASED = ("Boards in brief\n\nZeta has been released and entered testing, but that does not mean Zeta is "
            "already in large-scale commercial use. Vandelay's official announcement shows that Initech and Hooli "
            "released Zeta on June 24, positioning it as a board for inference.\n")


def test_reader_prefers_the_sentence_naming_who_did_it(tmp_path, fake_embedder):
    a = _pipeline(tmp_path / "a", RELEASED).ask("Which company released Zeta?")
    assert not a.abstained and "Initech and Hooli released Zeta" in a.answer
    assert a.short_answer in ("Initech", "Hooli", "Initech and Hooli")


@pytest.mark.parametrize("question", ["Who is Initech's partner on Zeta?", "who was Initech's main partner for Zeta"])
def test_a_partner_asked_by_the_noun(question):
    from qa.reading.asked_kind import _partner

    assert _partner(question) == "Initech"
    sentence = "Vandelay's official announcement shows that Initech and Hooli released Zeta on June 24."
    got = extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == "Hooli"


def test_preferred_moves_up_the_sentence_naming_who_did_it():
    from qa.reading.prefer import preferred

    texts = {0: "Zeta has been released and entered testing, but it is not in commercial use yet.",
             1: "Vandelay's official announcement shows that Initech and Hooli released Zeta on June 24."}
    views = {i: _view(t) for i, t in texts.items()}
    names = {i: (1.0, 1.0) for i in texts}
    assert preferred("Which company released Zeta?", [0, 1], texts, names, lambda: views)[0] == 1
    # Not for a question asking something else of it ("When was Zeta released?" now takes the
    # runner-up too, for its date: the best states none).
    assert preferred("Why was Zeta released?", [0, 1], texts, names, lambda: views)[0] == 0


def test_a_co_verb_asks_for_the_makers():
    from qa.reading.asked_kind import asks_maker

    assert asks_maker("Who co-developed Zeta?") and asks_maker("who co-designed zeta")
    assert not asks_maker("Who co-chaired the panel?")  # no verb of making


@pytest.mark.parametrize("question,subject", [
    ("Initech board partner", "Initech"), ("Initech partners", "Initech"),
    ("Which partner did Initech choose?", None),  # a wh-word, not an owner
    ("Initech partners with Hooli on what?", None),  # the verb, not keywords asking for a partner
    ("who else is Initech working with", "Initech"),  # (eighteenth round) "else" asks the same: not Initech itself
])
def test_a_partner_asked_in_keywords(question, subject):
    from qa.reading.asked_kind import _partner, asked_kind

    assert _partner(question) == subject
    if subject:
        assert asked_kind(question) == "who"


def test_a_kind_word_tagged_an_organisation_is_no_partner():
    from qa.reading.asked_kind import maker_tokens

    v = _view("The first and second generations of Initech's self-developed AI accelerator were previously "
              "mass-produced by Globex, but since the third generation launched this year, the company has chosen "
              "Nexa Foundry as its partner.")
    got = {v.text[i] for i in maker_tokens("Initech partner", v)}
    assert "AI" not in got and got
