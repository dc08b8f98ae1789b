"""Names two short excerpts give in the place a wh-question asks about (issue #20: WikiContradict):
two one-sentence excerpts that each restate the question's relation and subject and give another
name disagree, though they share too little text to show one entity otherwise; a kin's name that
shares the subject's surname is the kin's. Each on small made-up excerpts."""
from __future__ import annotations

from .test_conflict_question import doc as excerpt, real
from .test_conflict_signals import MODES, find


COACH = "Who was the coach of Riverside Rovers FC in 2019?"


@MODES
def test_two_excerpts_restating_the_relation_give_two_names(encode):
    a = excerpt("d1", "The coach of Riverside Rovers FC in the period 2017-2020 was Dana Holt.")
    b = excerpt("d2", "The coaches of Riverside Rovers FC in 2019 were Sam Ortiz and Lee Park.")
    found = find(COACH, [a, b], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "Dana Holt" in found[0].summary and "Sam Ortiz and Lee Park" in found[0].summary
    assert real(find(COACH, [a, b], encode, excerpt_names=False)) == []


@MODES
def test_a_name_away_from_the_relation_is_no_answer_to_compare(encode):
    """A name of a lone sentence that does not stand by the asked relation is not what it says of
    the subject: no disagreement is shown."""
    a = excerpt("d1", "The coach of Riverside Rovers FC in the period 2017-2020 was Dana Holt.")
    b = excerpt("d2", "Riverside Rovers FC, whose 2019 coach spoke to reporters after training, signed the "
                      "winger from Northgate Albion on a two-year deal.")
    assert real(find(COACH, [a, b], encode)) == []


@MODES
def test_a_kins_name_sharing_the_subjects_surname_is_the_kins(encode):
    """Asked for the mother of Arthur Belling, "his mother, Edith Belling" names her: the given name
    glued to the subject's surname is another person, not the subject named again, and the surname
    ties her to the subject though another name opens the sentence."""
    q = "What is the name of Arthur Belling's mother?"
    a = excerpt("d1", "Arthur Belling was convicted in 1936 and released two years later. Walter Pike took "
                      "Belling's body back to Dover, burying him next to his mother, Edith Belling.")
    b = excerpt("d2", "Arthur Belling's mother, Mary Belling, died on 4 June 1941, aged 60.")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"], [c.summary for c in found]
    assert "Edith Belling" in found[0].summary and "Mary Belling" in found[0].summary
