"""Amounts a business reports under a name (its backlog, profit, debt, revenue): asked for one, a
sentence that never names it gives another amount.

"What is Samsung's foundry backlog worth in US dollars?" over "... its investment in
semiconductor fields ... will reach approximately US$25 billion": an amount in the asked
currency, but of an investment; "how much debt does samsung have" over "... its long-term backlog
of orders is expected to approach 50 trillion won": an amount of money, but the backlog. The
reader abstains on such a sentence (qa.reading.reader) unless it, or the text just before it,
names the asked amount by one of its names ("orders" for a backlog, "earnings" or "income" for a
profit). Rates reported under a name are read so too: "What yield has Samsung reached on 2nm?"
over "... the backlog ... has reached approximately 50 trillion won" (``amounts.RATE_NAMES``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .amounts import AMOUNT_NAMES, RATE_NAMES
from .answertype import question_focus
from .measured import _MONEY_FORMS, _WORTH
from .ownwords import typed_as_keywords

__all__ = ["asked_amount", "unnamed_amount"]

# A company's own worth ("What's Anthropic worth?") is its valuation, said also as what it is worth
# or valued at; not a valuation asked by name, which "orders worth 3 trillion won" is not.
_NAMES = {**AMOUNT_NAMES, **RATE_NAMES, "worth": ("valuation", "valued", "worth")}
_ALL_NAMES = tuple({n for names in (AMOUNT_NAMES | RATE_NAMES).values() for n in names})  # "worth" names no other amount
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z]+|\d[\d.,]*")


@lru_cache(maxsize=4096)
def asked_amount(question: str) -> str | None:
    """The named amount a wh-question asks for ("backlog" of "What is Samsung's foundry backlog
    worth in US dollars?", "debt" of "How much debt does Samsung have?") or keywords end with
    ("samsung operating loss"), or None."""
    if _WORTH.match(question):
        return "worth"  # "How much is Samsung valued at?"
    words = _WORD.findall(question.casefold())
    # "samsung 2nm yield rate", "What is Samsung's yield rate?": the yield.
    rate = words[-2] if words[-2:-1] and words[-1] == "rate" and words[-2] in RATE_NAMES else None
    if words and (rate or words[-1]) in _NAMES and typed_as_keywords(question):
        return rate or words[-1]  # keywords ending in the amount's name: "samsung operating loss", "samsung 2nm yield"
    focus = question_focus(question)
    if focus.wh and (focus.focus in RATE_NAMES and focus.type == "PERCENT" or focus.focus == "rate" and rate):
        return rate or focus.focus  # "What yield has Samsung reached on 2nm?"
    if not focus.wh or focus.type not in ("MONEY", "QUANTITY"):
        return None
    verb = _BY_VERB.search(question) if focus.wh == "how much" else None
    return next((w for w in words if w in AMOUNT_NAMES), None) or (_VERB_AMOUNT[verb.group(1)] if verb else None)


# "How much is Samsung's foundry losing?" asks for its loss, "How much does it owe?" for its debt, "How much has
# Samsung invested in its 2nm lines?" for an investment, not its backlog (a verb in small letters: "Lost Springs" is a town).
_VERB_AMOUNT = {f: {"lose": "loss", "owe": "debt", "invest": "investment"}[v] for f, v in _MONEY_FORMS.items() if v in ("lose", "owe", "invest")}
_BY_VERB = re.compile(r"\b(%s)\b" % "|".join(_VERB_AMOUNT))
_STANDS_FOR = frozenset("it company firm startup maker group".split())  # "the company is now valued at"


def unnamed_amount(question: str, text: str, start: int = 0) -> tuple[str, str] | None:
    """(asked, found) when the question asks for a named amount and the figures of ``text[start:]``
    (the quote; ``text[:start]``, what comes before it) are not that amount's: the amount named
    last before each figure (else first after it) is another ("The current order backlog ... has
    reached approximately 50 trillion won, and operating profits are expected ..." gives the
    backlog, not the profit; "US$5 billion in revenue" names it after), or none is named. None
    otherwise."""
    noun = asked_amount(question)
    if noun is None:
        return None
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(text.casefold())]
    # (position, whether it names the asked amount) of every word naming an amount; a company's worth
    # only beside the company or a word standing for it ("ASICs worth 10 trillion won" is not Samsung's)
    owner = {*(m.group(1).casefold().split()[:1]), *_STANDS_FOR} if (m := _WORTH.match(question)) else None
    named = [(k, w.startswith(_NAMES[noun]) and (owner is None or bool(owner & {x for _, x in words[max(0, k - 5):k + 3]})))
             for k, (_, w) in enumerate(words) if w.startswith(_ALL_NAMES + _NAMES[noun])]
    other = "other figures" if noun in RATE_NAMES else "other amounts"
    figures = [k for k, (at, w) in enumerate(words) if at >= start and w[0].isdigit()]
    if not figures:
        return None if any(own for _, own in named) else (f"the {noun}", other)
    for k in figures:
        nearest = [own for at, own in named if at < k][-1:] or [own for at, own in named if at > k][:1]
        if nearest and nearest[0]:
            return None
    return f"the {noun}", other
