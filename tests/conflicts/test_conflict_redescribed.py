"""Two sources that word one story apart do not disagree (qa.conflicts, issue #20, twentieth
round): on made-up articles modelled on real news pages, what each rule decides."""
from __future__ import annotations

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

# Two copies of one report that call the same man "the man" and "the patient": asked which journal
# published the report, that swap is no answer (a swapped common noun answers only where the
# sentence defines the subject: "a 2001 American drama film" / "comedy film", asked the genre).
LEAD = "A 43-year-old man developed a rare lung allergy weeks after he switched to a feather duvet, doctors in Leith said."
QUOTE = "“It does not affect me at all now and my life is pretty much as it was before,” the {who} wrote in the case report."
CASE = doc("a01", LEAD, QUOTE.format(who="man"), "Doctors call the condition feather duvet lung.", title="Feather duvet lung")
CASE2 = doc("b02", LEAD, QUOTE.format(who="patient"), "Doctors call the condition feather duvet lung.",
            title="Man's duvet gave him lung disease")

# "The agency said Monday ...": a day of the week opens no name, so it is no answer to "who heads
# ..." against the other article's team head (before: "Jen Ngo" / "Monday").
MARS = "Human hibernation could cut the mass of a crewed spacecraft to Mars by a third."
HEAD = doc("a01", MARS, "Research team head Jen Ngo says hibernation would also protect the crew.", title="Sleeping to Mars")
SAID = doc("b02", MARS, "The Vela agency said Monday that its hibernation team examined how it would shrink the spacecraft.",
           title="Vela studies hibernation")


@MODES
def test_a_redescribed_person_in_two_copies_is_no_answer(encode):
    assert real(find("Which journal published the case report?", [CASE, CASE2], encode)) == []


@MODES
def test_a_day_of_the_week_is_no_name(encode):
    assert real(find("Who heads the Vela team studying hibernation?", [HEAD, SAID], encode)) == []


# Two copies of one quote word its attribution apart ("chairman Dan Roe said in the earnings release"
# / "said CEO Dan Roe in the company's news release"): asked anything but who said it, or where,
# that is no answer (before: "chairman" / "said CEO" asked for the sales forecast).
@MODES
def test_a_quotation_s_attribution_is_no_answer(encode):
    from .test_conflict_doers import EARNINGS, EARNINGS2

    assert real(find("What is Nexa Stores' new comparable sales forecast?", [EARNINGS, EARNINGS2], encode)) == []
