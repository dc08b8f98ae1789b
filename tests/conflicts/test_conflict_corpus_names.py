"""A name typed in small letters in a question otherwise cased (issue #20, thirty-second round;
qa.conflicts.answer_facts.with_corpus_names): "HBM stands for what in the samsung ai asic article"
read "samsung" as what it asks, so a name beside "Samsung" answered in each source, "SK Hynix,
Micron" of "Samsung, SK Hynix, Micron" against "Electronics" of "Samsung Electronics", a false
"Answer conflict" on the seeds. The documents write it as a name: it is the subject."""
from __future__ import annotations

from dataclasses import replace

from qa.conflicts.answer_facts import DocFacts, _question, with_corpus_names
from qa.conflicts.question import QuestionConflicts

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES

NAMES = frozenset({"globex", "acme", "hal", "jorden"})  # what the corpus (the pipeline's case map) writes as names
WRITTEN = NAMES.__contains__


def find(question, docs, encode, **settings):
    f = QuestionConflicts(docs, encode)
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    return f.find(question, passages, settings=replace(f.settings, **settings), written_as_name=WRITTEN)

# Both reports carry the same paragraph: one story, so their different answers would disagree.
SHARED = ("Acme began early work on its own AI chips this spring and is in talks with Globex as a manufacturing "
          "partner, according to people familiar with the plans, who asked not to be named.")
PARTNERS = doc("a01", "What can be confirmed from public information is that Globex, SK Hynix, Micron, and other companies "
               "have appeared in discussions about Acme's chip infrastructure partners.",
               SHARED, title="Acme weighs chip partners")
ORDERS = doc("b02", "The mention of logic chips by Acme at the time led to speculation that Globex Electronics was "
             "highly likely to win orders for Acme's chips.",
             SHARED, title="Acme weighs chip partners")
QUESTION = "HBM stands for what in the globex acme chip article"


def test_a_name_typed_in_small_letters_is_the_subject():
    q = _question(QUESTION)
    assert "globex" not in q.subject and "globe" in q.predicate
    named = with_corpus_names(q, [DocFacts.of(PARTNERS), DocFacts.of(ORDERS)], WRITTEN)
    assert {"globex", "acme"} <= set(named.subject) and "globe" not in named.predicate
    assert "chip" in named.predicate  # a word the documents write in small letters stays asked
    assert with_corpus_names(q, [DocFacts.of(PARTNERS), DocFacts.of(ORDERS)]) == q  # no case map: as typed


def test_a_word_few_documents_write_as_a_name_is_not():
    # "Reported" opening one page's dateline: a name there only, a word in the others.
    dateline = doc("c03", "Wire Reported - July 3 news - Globex is emerging as a key foundry for Acme.",
                   "Acme has reported gains.", "Globex reported profits.", title="Globex news")
    q = with_corpus_names(_question("who reported the globex acme talks first"), [DocFacts.of(d) for d in (dateline, PARTNERS, ORDERS)],
                          lambda w: True)
    assert "reported" not in q.subject


@MODES
def test_no_false_conflict_from_a_name_typed_in_small_letters(encode):
    assert real(find(QUESTION, [PARTNERS, ORDERS], encode)) == []
    assert real(find(QUESTION, [PARTNERS, ORDERS], encode, corpus_names=False)) == ["answer"]


def test_words_before_a_capitalised_name_are_typed_as_meant():
    # An infobox's "Party" label makes "party" a name in the documents; the question asks it.
    box = doc("d04", "Hal Jorden Party Liberal Office Mayor of Acme Born 1950.", "Jorden served two terms.",
              "He retired in 2010.", title="Hal Jorden")
    facts = [DocFacts.of(box)]
    everything = lambda w: True  # noqa: E731
    q = with_corpus_names(_question("What political party was Hal Jorden a member of?"), facts, everything)
    assert "party" not in q.subject
    q = with_corpus_names(_question("what political party was hal jorden a member of"), facts, everything)
    assert "party" in q.subject  # typed small throughout: the documents' case decides
    assert "party" not in with_corpus_names(_question("what political party was hal jorden a member of"), facts, WRITTEN).subject
    # The corpus as a whole says whether a word is a name (the pipeline's case map).
    q = with_corpus_names(_question(QUESTION), [DocFacts.of(PARTNERS), DocFacts.of(ORDERS)], lambda w: w != "acme")
    assert "globex" in q.subject and "acme" not in q.subject
