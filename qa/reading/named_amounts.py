"""Amounts a business reports under a name (its backlog, profit, debt, revenue): asked for one, a
sentence that never names it gives another amount.

"What is Samsung's foundry backlog worth in US dollars?" over "... its investment in
semiconductor fields ... will reach approximately US$25 billion": an amount in the asked
currency, but of an investment; "how much debt does samsung have" over "... its long-term backlog
of orders is expected to approach 50 trillion won": an amount of money, but the backlog. The
reader abstains on such a sentence (qa.reading.reader) unless it, or the text just before it,
names the asked amount by one of its names ("orders" for a backlog, "earnings" or "income" for a
profit).
"""
from __future__ import annotations

import re

from .answertype import question_focus

__all__ = ["AMOUNT_NOUNS", "asked_amount", "unnamed_amount"]

# Each amount's words (as the question may write them) -> the word beginnings naming it in a text.
_NAMES = {
    ("backlog", "backlogs"): ("backlog", "order"),
    ("profit", "profits", "earnings", "income"): ("profit", "earning", "income"),
    ("revenue", "revenues"): ("revenue", "sales", "turnover"),
    ("debt", "debts"): ("debt", "borrowing", "liabilit", "loan"),
    ("deficit", "deficits"): ("deficit", "shortfall"),
    ("surplus",): ("surplus",),
    ("valuation",): ("valuation",),  # not "worth" or "value": "orders worth 3 trillion won"
}
_FORMS = {w: names for words, names in _NAMES.items() for w in words}
AMOUNT_NOUNS = frozenset(_FORMS)
_WORD = re.compile(r"[a-z]+")


def asked_amount(question: str) -> str | None:
    """The named amount a wh-question asks for ("backlog" of "What is Samsung's foundry backlog
    worth in US dollars?", "debt" of "How much debt does Samsung have?"), or None."""
    focus = question_focus(question)
    if not focus.wh or focus.type not in ("MONEY", "QUANTITY"):
        return None
    return next((w for w in _WORD.findall(question.casefold()) if w in _FORMS), None)


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
    names = _FORMS[noun]
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(text.casefold())]
    named = [(k, any(w.startswith(n) for n in names)) for k, (_, w) in enumerate(words)
             if any(w.startswith(n) for n in _ALL_NAMES)]
    figures = [k for k, (at, w) in enumerate(words) if at >= start and w[0].isdigit()]
    if not figures:
        return None if any(own for _, own in named) else (f"the {noun}", "other amounts")
    for k in figures:
        before = [own for at, own in named if at < k]
        after = [own for at, own in named if at > k]
        if (before[-1] if before else after[0] if after else False):
            return None
    return f"the {noun}", "other amounts"


_ALL_NAMES = tuple(n for names in _NAMES.values() for n in names)
_TOKEN = re.compile(r"[a-z]+|\d[\d.,]*")
