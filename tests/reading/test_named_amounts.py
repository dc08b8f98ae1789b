"""Asked for a named amount (a backlog, a profit, a debt), a sentence whose figures are another
amount's does not answer (qa.reading.named_amounts). Made-up sentences."""
from __future__ import annotations

import pytest

from qa.reading.named_amounts import asked_amount, unnamed_amount

BACKLOG = ("The current order backlog of Kelta's foundry business has reached approximately 40 trillion won, "
           "and operating profits are expected in the fourth quarter.")
INVESTMENT = "Its investment in memory alone will reach approximately US$25 billion."
REVENUE_AFTER = "Kelta booked US$5 billion in revenue last year."


@pytest.mark.parametrize("question, noun", [
    ("What is Kelta's foundry backlog worth in US dollars?", "backlog"),
    ("how much debt does kelta have", "debt"),
    ("How much profit will Kelta's foundry make?", "profit"),
    ("What were Kelta's earnings?", "earnings"),
    ("How large was Kelta foundry's operating loss last quarter?", "loss"),
    ("Has Kelta's backlog reached 40 trillion won?", None),  # a yes/no question asks for no amount
    ("kelta operating loss", "loss"),  # keywords ending in the amount's name
    # (thirty-third round) asked by its verb
    ("how much is kelta foundry losing", "loss"),
    ("How much does Kelta owe its lenders?", "debt"),
    ("How much did Kelta spend?", None),  # spending is no amount reported under a name
    ("What is the estimated population of Lost Springs?", None),  # a town's name, no verb
    ("kelta backlog status", None),  # ... not when another word ends them
    ("Why did Kelta's profit fall?", None),
    ("Who manages Kelta's debt?", None),
    # (sixteenth round) a rate reported under a name, asked as one
    ("What yield has Kelta reached on its 3nm process?", "yield"),
    ("kelta 3nm yield", "yield"),
    ("What did the harvest yield?", None),  # a verb
    ("What is the utilization of Kelta's 3nm line?", "utilization"),
    ("kelta 3nm yield rate", "yield"),  # "<rate> rate" is the rate
    ("What is Kelta's 3nm yield rate?", "yield"),
    ("What is Kelta's interest rate?", None),  # no named rate of ours
    ("What was the turnout in the Kelta election?", "turnout"),
    # (thirty-fifth round) an investment, asked by its noun or its verb
    ("how much has kelta invested in its 3nm production lines", "investment"),
    ("kelta 3nm investment", "investment"),
    ("Who invested in Kelta?", None),  # asks for no amount
    # (thirty-sixth round) a company's own worth
    ("whats Kelta worth", "worth"),
    ("How much is Kelta Electronics valued at?", "worth"),
    ("What is the Kelta deal worth?", None),  # a deal's worth is no valuation
])
def test_the_named_amount_a_question_asks_for(question, noun):
    assert asked_amount(question) == noun


@pytest.mark.parametrize("question, text, other", [
    ("What is Kelta's backlog?", BACKLOG, False),
    ("What is Kelta's foundry backlog worth in US dollars?", INVESTMENT, True),  # another amount
    ("how much debt does kelta have", BACKLOG, True),
    # "profits" is in the sentence, but the figure is the backlog's: named before it
    ("How much profit will Kelta's foundry make?", BACKLOG, True),
    ("How large was Kelta foundry's operating loss last quarter?", BACKLOG, True),
    ("How large was Kelta's loss?", "Kelta reported a loss of 2 trillion won.", False),
    ("What was Kelta's revenue?", REVENUE_AFTER, False),  # named after the figure
    ("What is Kelta's backlog?", "Kelta has received orders worth 3 trillion won.", False),  # another name of it
    # the backlog's figure, or none, is no yield; a yield named is
    ("What yield has Kelta reached on its 3nm process?", BACKLOG, True),
    ("What yield has Kelta reached on its 3nm process?", "Kelta's 3nm process is the most advanced in the industry.",
     True),
    ("What yield has Kelta reached on its 3nm process?", "Kelta's 3nm yield has reached about 60%.", False),
    # the backlog's figure is no investment; an amount spent, funded or invested is
    ("how much has kelta invested in its 3nm production lines", BACKLOG, True),
    ("how much has kelta invested in its 3nm production lines", INVESTMENT, False),
    ("How much is Kelta investing in the plant?", "Kelta will spend US$2 billion on the plant.", False),
    ("How much is Kelta investing in the plant?", "Kelta has funded the plant with US$2 billion.", False),
    # a company's worth: what it is worth or valued at, not an investment
    ("whats Kelta worth", INVESTMENT, True),
    ("whats Kelta worth", "Kelta is now worth US$183 billion after its latest round.", False),
    ("What is Kelta valued at?", "Investors valued Kelta at US$61 billion in March.", False),
    ("whats Kelta worth", "Volta is cooperating with Kelta on the design and production of its next chips, ASICs "
     "worth more than 10 trillion won.", True),  # the ASICs' worth, not Kelta's
    ("whats Kelta worth", "The company is now valued at US$61 billion.", False),
])
def test_figures_of_another_amount_do_not_answer(question, text, other):
    assert (unnamed_amount(question, text) is not None) == other


def test_the_text_before_the_quote_may_name_it():
    before = "Kelta's order backlog keeps growing. "
    quote = "It is expected to approach 40 trillion won."
    assert unnamed_amount("What is Kelta's backlog?", before + quote, len(before)) is None
    assert unnamed_amount("What is Kelta's backlog?", quote) is not None
