"""Conflicts on the question's slot and the strength of namesake notes (qa.conflicts.slots,
qa.conflicts.question), each on small made-up articles: what the signal decides, and, with it
switched off, the decision it changes."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.conflicts.question import QuestionConflicts, QuestionSettings
from qa.results import AMBIGUITY, Citation, Conflict

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find


@MODES
def test_a_yes_no_question_stating_a_year_is_answered_by_each_sources_year(encode):
    """"Was he born in 1213?": one source says 1213, its copy 1211. The year is the question's
    slot, not part of its subject."""
    text = ("Muhammad of Alamut was born in {year} in the fortress of Alamut, the son of Hasan. He ruled "
            "the Nizari state for thirty years and is remembered for his patronage of scholars.")
    docs = [doc("a01", text.format(year=1213), title="Muhammad of Alamut"),
            doc("b02", text.format(year=1211), title="Muhammad of Alamut")]
    q = "Was Muhammad of Alamut born in 1213?"
    found = find(q, docs, encode)
    assert real(found), [c.summary for c in found]
    assert "1213" in found[0].summary and "1211" in found[0].summary
    assert real(find(q, docs, encode, yes_no_values=False)) == []  # a yes/no question had no slot
    # Sources that agree on the year stay quiet.
    same = [docs[0], doc("b02", text.format(year=1213), title="Muhammad of Alamut")]
    assert real(find(q, same, encode)) == []


BACKLOG = ("Samsung's long-term foundry backlog orders are expected to approach 50 trillion won, the "
           "report said.")
REACHED = "The backlog of Samsung's foundry business has reached approximately 50 trillion won."


def _stored_certainty():
    # Two articles on one story: they share its names (stored conflicts need evidence of one entity).
    names = "Samsung Foundry makes chips for Meta, Tesla and Nvidia at its Pyeongtaek plant."
    docs = [doc("a01", BACKLOG, names, "Analysts see the foundry turning a profit in the fourth quarter."),
            doc("b02", REACHED, names, "Samsung declined to comment on the report.")]
    statements = tuple(Citation(d.doc_id, d.title, d.date, d.raw.index(t), d.raw.index(t) + len(t), t, 0.9)
                       for d, t in zip(docs, (BACKLOG, REACHED)))
    return docs, Conflict("certainty", "Certainty conflict: a01 says tentatively ...; b02 states ...", statements)


@pytest.mark.parametrize("question, kept", [
    ("How large is Samsung's foundry order backlog?", True),  # the figure itself: expected vs reached
    ("How big is Samsung's backlog?", True),  # one word asked beside the subject ("big" is the wh-phrase's)
    ("What is Samsung's backlog worth?", True),  # "worth" names the kind of figure, as "big" does
    # (eighteenth round) yes or no of a claim stating no value: how sure the sources are of it,
    # when they speak of that claim (``speaks_to_claim``)
    ("Is Samsung's foundry backlog growing?", True),
    ("Is Samsung hiring engineers in Texas?", False),
    ("Is Tesla's foundry backlog growing?", False),  # the claim is Tesla's: its name must be in the sentences
    ("What is the status of Samsung's foundry backlog?", True),  # the claim's standing
    ("When will Samsung's foundry business turn an operating profit?", False),  # no date in them
    ("Which news outlet reported Samsung's foundry backlog?", False),  # another slot of the sentences
    ("What is Samsung's foundry backlog worth in US dollars?", False),  # an amount in won is no dollars
    # "chipmaker" says whose backlog is asked for; the statements need not say it (qa.reading.owners)
    ("What is the Samsung chipmaker's backlog?", True),
    ("How much is Samsung paying the chipmaker's foundry?", False),  # a verb ends the description
    # Asked for another named amount: the backlog's figure is no loss (qa.reading.named_amounts)
    ("How large was the loss of the long-term foundry business?", False),
    ("How big are the foundry backlog's losses?", False),
    # (thirty-third round) the named owner before the thing, "the Samsung backlog", is the
    # statements' own (the seeds' "the Meta order", whose backlog is another's: tests/test_examples.py)
    ("How big is the Samsung backlog?", True),
])
def test_a_stored_certainty_conflict_is_kept_when_it_speaks_to_the_slot(question, kept):
    docs, stored = _stored_certainty()
    st = QuestionSettings(relevant=0.5)
    found = QuestionConflicts(docs).find(question, stored=[stored], settings=st)
    assert bool(real(found)) == kept, [c.summary for c in found]
    if kept:
        # Without the slot check it is kept only by closeness, which lexical relevance never gives.
        off = QuestionConflicts(docs).find(question, stored=[stored], settings=replace(st, certainty_slot=False))
        assert real(off) == []


def _quoted_conflict(docs, phrases):
    """A stored certainty conflict whose summary quotes what each statement says, as stored ones do."""
    statements = tuple(Citation(d.doc_id, d.title, d.date, d.raw.index(t), d.raw.index(t) + len(t), t, 0.9)
                       for d, t in zip(docs, phrases))
    summary = "Certainty conflict: {} says tentatively “{}”; {} states “{}”".format(
        docs[0].doc_id, phrases[0], docs[1].doc_id, phrases[1])
    return Conflict("certainty", summary, statements)


# One story on Nexa's backlog, told by two articles that share its names (stored conflicts need
# evidence of one entity), and what each is shown saying.
STORY = "Nexa Foundry makes chips for Acme, Tesla and Nvidia at its Pyeongtaek plant."
NEXA_APPROACH = "Industry sources say long-term backlog orders are expected to approach 40 trillion won at Nexa."
NEXA_REACHED = "The backlog of Nexa's business has reached approximately 40 trillion won, and profits are expected."
BACKLOG_SAID = ("long-term backlog orders are expected to approach 40 trillion won",
                "The backlog of Nexa's business has reached approximately 40 trillion won")
LOOSE = QuestionSettings(relevant=0.5, stored_kind_relevant=0.0, stored_close=-2.0)  # no closeness needed


@pytest.mark.parametrize("question, kept", [
    ("Has Acme confirmed a deal with Nexa?", ["acme"]),  # its names: Acme's use of Nexa's process
    ("Is the backlog of Nexa confirmed?", ["backlog"]),  # the backlog asked; naming Nexa alone is not enough
    ("Will Nexa's foundry turn a profit this year?", []),  # neither clause says anything of a profit
    # One name asked yes or no: the statements must say most of what is asked of it, not "chips" alone.
    ("Has Acme released specs for its chips?", []),
    ("Is Acme using a process to develop its chips?", ["acme"]),
    # A story itself asked about: of the text, not of its claims, unless whether they are true.
    ("Can the wire story on Acme and Nexa be used for the process?", []),
    ("Is the wire story on Acme and Nexa's process accurate?", ["acme"]),
    # Keywords name a topic and ask for all the sources say of it; "Nexa" is a name, not what is asked.
    ("Nexa backlog", ["backlog"]),
    ("Nexa process", ["acme"]),
    # A wh-question asking how a claim stands (eighteenth round): that claim's conflict only.
    ("What is Acme's relationship with Nexa's 3nm foundry?", ["acme"]),
])
def test_a_yes_no_or_standing_question_keeps_conflicts_on_its_claim(question, kept):
    """"Has Anthropic confirmed a deal with Samsung?" showed the foundry backlog's certainty
    conflict beside Anthropic's: both are close to the question and it asks for a standing. A
    conflict stays when what each statement is shown saying repeats a word of what is asked or
    names the question's names."""
    evaluating = "Acme is also evaluating the use of Nexa's 3nm process to develop chips."
    using = "Acme is also using Nexa's 3-nanometer process to develop its chips."
    docs = [doc("a01", evaluating, STORY), doc("b02", using, STORY), doc("c03", NEXA_APPROACH, STORY),
            doc("d04", NEXA_REACHED, STORY)]
    stored = [_quoted_conflict(docs[:2], (evaluating, using)), _quoted_conflict(docs[2:], BACKLOG_SAID)]
    st = LOOSE
    label = lambda c: "acme" if "Acme" in c.summary else "backlog"  # noqa: E731
    found = QuestionConflicts(docs).find(question, stored=stored, settings=st)
    assert sorted(map(label, found)) == kept, [c.summary for c in found]
    off = QuestionConflicts(docs).find(question, stored=stored, settings=replace(st, claim_docs=False))
    # (seventeenth round) keywords naming an amount ask for it ("Nexa backlog": answertype), so the
    # backlog's slot alone keeps its conflict, the claim check or not.
    assert sorted(map(label, off)) == (["backlog"] if question == "Nexa backlog" else ["acme", "backlog"])


@pytest.mark.parametrize("question, kept", [
    ("Is Nexa Foundry losing money?", False),  # one name of two words: nothing of losing money said
    ("Is Nexa Foundry's backlog confirmed?", True),  # the backlog asked
    ("Has Nexa Foundry confirmed its deal with Acme?", True),  # two names pin the claim down
])
def test_a_name_of_two_words_is_one_name(question, kept):
    """(twenty-second round) "is samsung foundry losing money", recased "Is Samsung Foundry losing
    money?", showed the backlog's certainty conflict: "Samsung" and "Foundry" counted as two names,
    which both statements' sentences name, so the claim counted as pinned down."""
    approach = "Long-term backlog orders from Acme at Nexa Foundry are expected to approach 40 trillion won."
    reached = "The backlog of Nexa Foundry from Acme has reached approximately 40 trillion won."
    docs = [doc("a01", approach, STORY), doc("b02", reached, STORY)]
    stored = [_quoted_conflict(docs, ("backlog orders from Acme at Nexa Foundry are expected to approach 40 trillion won",
                                      "backlog of Nexa Foundry from Acme has reached approximately 40 trillion won"))]
    found = QuestionConflicts(docs).find(question, stored=stored, settings=LOOSE)
    assert bool(found) == kept, [c.summary for c in found]


def test_a_yes_no_question_stating_a_value_keeps_conflicts_on_its_claim():
    """"Has Samsung's backlog reached 50 trillion won?" also showed Meta's orders' certainty
    conflict ("orders potentially exceeding 10 trillion won" / "Samsung receives 10 trillion won"):
    the stated value's words ("trillion won") are in every figure, not words of the claim."""
    exceeding = "Acme is advancing its work with Nexa, with related orders potentially exceeding 8 trillion won."
    receives = "Nexa receives 8 trillion won in orders from Acme, sources said."
    docs = [doc("c03", NEXA_APPROACH, STORY), doc("d04", NEXA_REACHED, STORY), doc("e05", exceeding, STORY),
            doc("f06", receives, STORY)]
    stored = [_quoted_conflict(docs[:2], BACKLOG_SAID),
              _quoted_conflict(docs[2:], ("related orders potentially exceeding 8 trillion won", "Nexa receives 8 trillion won"))]
    st = LOOSE
    label = lambda c: "backlog" if "backlog" in c.summary else "orders"  # noqa: E731
    q = "Has Nexa's backlog reached 40 trillion won?"
    # (The stored conflicts only: these short made-up articles also give an answer conflict.)
    found = [c for c in QuestionConflicts(docs).find(q, stored=stored, settings=st) if c.kind == "certainty"]
    assert [label(c) for c in found] == ["backlog"], [c.summary for c in found]
    off = QuestionConflicts(docs).find(q, stored=stored, settings=replace(st, claim_docs=False))
    assert sorted(label(c) for c in off if c.kind == "certainty") == ["backlog", "orders"]
    # (eighteenth round) No word of the claim in the clauses ("related orders potentially exceeding
    # 8 trillion won" / "Nexa receives 8 trillion won"), but the figure the question states, in
    # sentences naming Acme: the orders' conflict, not the backlog's.
    for q in ("Is Acme's order more than 8 trillion won?", "acme 8 trillion"):
        found = [c for c in QuestionConflicts(docs).find(q, stored=stored, settings=st) if c.kind == "certainty"]
        assert [label(c) for c in found] == ["orders"], (q, [c.summary for c in found])


def test_keywords_ask_how_a_claim_stands():
    """"samsung backlog" showed no conflict while "How big is Samsung's backlog?" showed the
    expected / reached one: keywords are read as a question on the topic's standing."""
    from qa.conflicts.answer_facts import _question
    from qa.conflicts.slots import asks_standing

    assert asks_standing(_question("Nexa process"))
    assert asks_standing(_question("nexa backlog status"))
    # (seventeenth round) "Nexa backlog" asks for the backlog's amount (answertype), and its
    # certainty conflict speaks to that slot (test_a_yes_no_or_standing_question_keeps_conflicts_on_its_claim)
    assert _question("Nexa backlog").kind == "number"
    assert not asks_standing(_question("Nexa backlog?"))  # a question mark: a question as typed
    assert not asks_standing(_question("Is Nexa's backlog growing"))
    assert not asks_standing(_question("how big is the nexa backlog"))


HOCKEY = ("Doug Harvey (ice hockey) Douglas Harvey was a Canadian professional ice hockey player who "
          "played in the National Hockey League from {year}.")
UMPIRE = ("Doug Harvey (umpire) Harold Douglas Harvey was an American umpire in Major League Baseball "
          "who worked in the National League from 1962.")
UMPIRE_TOO = ("Doug Harvey (umpire) Harvey, an American baseball umpire known as God, worked in the "
              "National League from 1962 until his retirement.")


def _harvey(doc_id: str, text: str):
    return doc(doc_id, text, title=text.split(")")[0] + ")")


Q_HARVEY = "When did Doug Harvey start his career in the league?"


@MODES
def test_a_namesake_note_needs_three_documents(encode):
    """Two pages that differ are as often a page and its rewrite as two namesakes: a third page
    that sides with one of them is needed for a note."""
    two = [_harvey("a01", HOCKEY.format(year=1947)), _harvey("b02", UMPIRE)]
    assert find(Q_HARVEY, two, encode) == []
    assert [c.kind for c in find(Q_HARVEY, two, encode, note_docs=2)] == [AMBIGUITY]
    three = two + [_harvey("c03", UMPIRE_TOO)]
    assert [c.kind for c in find(Q_HARVEY, three, encode)] == [AMBIGUITY]


@MODES
def test_no_namesake_note_beside_a_conflict(encode):
    """Sources of one entity disagree (a copy rewritten with another year): that is what the user
    sees; a note that a third source describes a namesake no longer explains the disagreement."""
    docs = [_harvey("a01", HOCKEY.format(year=1947)), _harvey("b02", UMPIRE), _harvey("c03", UMPIRE_TOO),
            _harvey("d04", HOCKEY.format(year=1950))]
    found = find(Q_HARVEY, docs, encode)
    assert real(found) and AMBIGUITY not in [c.kind for c in found], [c.summary for c in found]
    assert AMBIGUITY in [c.kind for c in find(Q_HARVEY, docs, encode, notes_alone=False)]


@pytest.mark.parametrize("question, kept", [
    # asks for Samsung's response: the backlog's standing is another claim of the same story
    ("How did Samsung respond when it was asked?", False),
    # asks about the backlog itself: both statements repeat "backlog"
    ("Why is Samsung's foundry backlog growing so fast?", True),
])
def test_a_close_certainty_conflict_needs_the_asked_words_for_a_question_without_a_value(question, kept):
    """A wh-question asking for no value keeps a close stored certainty conflict only when the
    statements of two documents repeat a word of what it asks, not only its subject's name."""
    docs, stored = _stored_certainty()
    st = QuestionSettings(relevant=0.5, stored_close=-1.0)  # every statement counts as close
    found = QuestionConflicts(docs).find(question, stored=[stored], settings=st)
    assert bool(real(found)) == kept, [c.summary for c in found]
    off = QuestionConflicts(docs).find(question, stored=[stored], settings=replace(st, explain_docs=0, said_by_asked=False))
    assert real(off), "closeness alone keeps it"


@pytest.mark.parametrize("question, kept", [
    ("How big is Acme's order with Nexa?", False),  # each source answers 8 trillion won, not the backlog's 40
    ("How large is Nexa's order backlog?", True),  # the backlog's figure is the answer
])
def test_a_stored_certainty_conflict_on_a_figure_needs_the_answer_figure(question, kept):
    """One sentence gives two figures (the backlog's, the order's): a certainty conflict on the
    backlog answers a question about the backlog, not one about the order, though the sentence
    that answers both repeats "order"."""
    approach = ("Industry sources say long-term backlog orders are expected to approach 40 trillion won at "
                "Nexa, with Acme advancing its work with Nexa and related orders potentially exceeding 8 "
                "trillion won.")
    reached = "The order backlog of Nexa's business has reached approximately 40 trillion won, the report said."
    receives = "Nexa receives 8 trillion won in orders from Acme, sources said."
    docs = [doc("a01", approach, STORY), doc("b02", reached, receives, STORY)]
    stored = [_quoted_conflict(docs, ("long-term backlog orders are expected to approach 40 trillion won",
                                      "order backlog of Nexa's business has reached approximately 40 trillion won"))]
    backlog = lambda found: [c for c in found if "backlog" in c.summary]  # noqa: E731
    found = QuestionConflicts(docs).find(question, stored=stored, settings=LOOSE)
    assert bool(backlog(found)) == kept, [c.summary for c in found]
    off = QuestionConflicts(docs).find(question, stored=stored, settings=replace(LOOSE, answer_figure=False, owner_slot=False))
    assert backlog(off), [c.summary for c in off]


def test_asked_what_a_party_said_a_conflict_needs_that_partys_own_statement():
    """"Did Samsung comment ...?" asks for Samsung's words: sources disagreeing on the backlog's
    standing are not shown, unless one of the statements is Samsung's own."""
    docs, stored = _stored_certainty()
    st = QuestionSettings(relevant=0.5, stored_close=-1.0, explain_docs=0, claim_docs=False)
    q = "Did Samsung comment on the backlog report?"
    assert real(QuestionConflicts(docs).find(q, stored=[stored], settings=st)) == []
    off = QuestionConflicts(docs).find(q, stored=[stored], settings=replace(st, said_by_asked=False))
    assert real(off), "without the rule the close conflict is shown"
    own = "Samsung said the backlog of its foundry business has reached approximately 50 trillion won."
    names = "Samsung Foundry makes chips for Meta, Tesla and Nvidia at its Pyeongtaek plant."
    docs = [docs[0], doc("b02", own, names)]
    statements = (stored.statements[0],
                  Citation("b02", docs[1].title, docs[1].date, docs[1].raw.index(own), docs[1].raw.index(own) + len(own), own, 0.9))
    said = Conflict("certainty", stored.summary, statements)
    assert real(QuestionConflicts(docs).find(q, stored=[said], settings=st))


def test_a_stored_certainty_conflict_on_the_figure_the_reader_answered_with():
    """(twenty-eighth round, seed set b p01b) "What's the total value of unfilled long-range contracts at
    the Korean chipmaker's contract-manufacturing arm?" shares no word with the backlog's statements;
    the reader answered "50 trillion won", the figure both give: their disagreement is on that answer."""
    docs, stored = _stored_certainty()
    # Relevance by shared words alone is low for a paraphrase (the product's is by the encoder).
    st = QuestionSettings(relevant=0.5, stored_kind_relevant=0.2)
    q = "What's the total value of unfilled long-range contracts at Samsung's contract-manufacturing arm?"
    assert real(QuestionConflicts(docs).find(q, stored=[stored], settings=st)) == []
    found = QuestionConflicts(docs).find(q, stored=[stored], settings=st, figure=frozenset({"50", "trillion", "won"}))
    assert real(found) == ["certainty"]
    # Another figure answered: the conflict on the backlog's is not the answer's.
    assert real(QuestionConflicts(docs).find(q, stored=[stored], settings=st, figure=frozenset({"10", "trillion", "won"}))) == []


# (thirty-fourth round) Two deal pages of eight sentences or more, disagreeing on a charging case's price.
DEALS = ["Vela's wireless charging case is down to {price} today.", "The deal ends on Sunday at midnight.",
         "Shipping is free for members.", "Colours include white and black.", "Stock is limited at most stores.",
         "The case charges in about two hours.", "It works with any Qi charger.", "Reviews praise its battery life."]


def _stored_price():
    docs = [doc(d, *[DEALS[0].format(price=p)] + DEALS[1:], title="Deals of the day") for d, p in (("a01", "$139"), ("b02", "$150"))]
    said = [DEALS[0].format(price=p) for p in ("$139", "$150")]
    statements = tuple(Citation(d.doc_id, d.title, d.date, d.raw.index(t), d.raw.index(t) + len(t), t, 0.9)
                       for d, t in zip(docs, said))
    return docs, Conflict("numeric", "Numeric conflict: a01 says “$139”; b02 says “$150”", statements)


@pytest.mark.parametrize("question, kept", [
    ("price of the Vela wireless charging case", True),
    ("price of Zorin's 3-in-1 wireless charging pad", False),  # neither page names Zorin: another product's prices
    ("Converted to Chinese yuan, what is the Vela charging case's price?", True),  # an origin word is no subject
])
def test_a_stored_conflict_needs_articles_naming_the_asked_subject(question, kept):
    docs, stored = _stored_price()
    found = QuestionConflicts(docs).find(question, stored=[stored], settings=LOOSE)
    assert bool(real(found)) == kept, [c.summary for c in found]
    off = QuestionConflicts(docs).find(question, stored=[stored], settings=replace(LOOSE, subject_named=False))
    assert "numeric" in real(off)
