"""How a text states an amount: a figure in a currency, a share (issue #20).

``states_currency`` and ``states_share`` test a span or sentence; :mod:`qa.reading.answertype`
decides what a question asks for and re-exports both.
"""
from __future__ import annotations

import re

__all__ = ["AMOUNT_NAMES", "AMOUNT_NOUNS", "RATE_NAMES", "states_currency", "states_share", "values_a_deal"]

# What a business is owed, earns or owes, as a question writes it -> the word beginnings naming it
# in a text. A wh-question asking for one asks for an amount of money (qa.reading.answertype), and
# is answered only by a figure of that amount (qa.reading.named_amounts).
AMOUNT_NAMES = {w: names for words, names in (
    (("backlog", "backlogs"), ("backlog", "order")),
    (("profit", "profits", "earnings", "income"), ("profit", "earning", "income")),
    (("revenue", "revenues"), ("revenue", "sales", "turnover")),
    (("debt", "debts"), ("debt", "borrowing", "liabilit", "loan", "owe", "owing")),
    (("loss", "losses"), ("loss", "lost", "losing")),
    (("deficit", "deficits"), ("deficit", "shortfall")),
    (("surplus",), ("surplus",)),
    (("valuation",), ("valuation",)),  # not "worth" or "value": "orders worth 3 trillion won"
    (("investment", "investments"), ("invest", "fund", "financ", "capital", "spend", "spent", "expendit", "capex", "outlay")),
) for w in words}
AMOUNT_NOUNS = frozenset(AMOUNT_NAMES)
# Rates reported under a name, asked as a share ("What yield has Samsung reached on 2nm?"): answered
# only by a figure of that rate, as amounts are (qa.reading.named_amounts).
RATE_NAMES = {w: names for words, names in (
    (("yield", "yields"), ("yield",)),
    (("utilization", "utilisation"), ("utiliz", "utilis")),
    (("occupancy",), ("occupan",)),
    (("turnout",), ("turnout",)),
) for w in words}

# Things bought, sold or agreed for money: their "value" is an amount ("meta mtia order value",
# "What was the value of Tesla's order?"), where a value alone often is not ("What value does the
# reform have?": SQuAD's "what value" answers are mostly no figure).
_TRADED = (r"(?:orders?|deals?|contracts?|transactions?|acquisitions?|purchases?|sales?|investments?|stakes?|"
           r"backlogs?|shares|stocks?|market|mergers?|bids?|offers?|agreements?|assets|exports|imports)")
_DEAL_VALUE = re.compile(rf"(?i)\b{_TRADED}(?:'s|’s)?\s+values?\b|\bvalues?\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+|"
                         rf"[\w-]+(?:'s|’s)\s+)?(?:[\w-]+\s+){{0,3}}?{_TRADED}\b")


def values_a_deal(question: str) -> bool:
    """Whether a question asks the value of an order, a deal or the like: an amount of money."""
    return _DEAL_VALUE.search(question) is not None


_PERCENT_FIGURE = r"\d\s*(?:%|per ?cent\b)"
_NUMBER = r"(?<![\d,.])\d(?:[\d,.]*\d)?"

# How a text states an amount in each currency a question can ask for: a symbol or code next to a
# number, or the currency's name after one. The yuan's amounts are often given as "RMB 221.5 billion".
_AMOUNT = _NUMBER + r"(?:\s*(?:thousand|million|billion|trillion|bn|mn|m))?"
_CURRENCY_TEXT = {
    "US dollars": r"(?:US\$|(?<![A-Za-z])\$|\bUSD\s?)\s?\d|%s\s+(?:US\s+|U\.S\.\s+)?(?:dollars?|USD)\b" % _AMOUNT,
    "yuan": r"(?:\bRMB|\bCNY|¥)\s?\d|%s\s+(?:yuan|renminbi|RMB|CNY)\b" % _AMOUNT,
    "won": r"(?:\bKRW|₩)\s?\d|%s\s*₩|%s\s+(?:(?:South\s+)?Korean\s+)?(?:won|KRW)\b" % (_AMOUNT, _AMOUNT),
    "euros": r"(?:€|\bEUR\s?)\s?\d|%s\s*(?:euros?|EUR\b|€)" % _AMOUNT,
    "yen": r"(?:\bJPY|¥)\s?\d|%s\s+(?:yen|JPY)\b" % _AMOUNT,
    "pounds": r"(?:£|\bGBP\s?)\s?\d|%s\s+(?:pounds?(?:\s+sterling)?|GBP)\b" % _AMOUNT,
}
_CURRENCY_TEXT_RE = {k: re.compile(v, re.I) for k, v in _CURRENCY_TEXT.items()}


# A span that is a share: a percentage figure or a fraction word ("about half").
_SHARE = re.compile(_PERCENT_FIGURE + r"|\b(?:half|thirds?|quarters?|fifths?|tenths?)\b", re.I)


def states_share(text: str) -> bool:
    """Whether ``text`` gives a share ("62%", "22 per cent", "about half"): what answers a
    percentage question."""
    return bool(_SHARE.search(text))


def states_currency(currency: str, text: str) -> bool:
    """Whether ``text`` states an amount in ``currency`` (a value of asked_currency)."""
    return bool(_CURRENCY_TEXT_RE[currency].search(text))
