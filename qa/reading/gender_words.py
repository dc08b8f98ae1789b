"""Which sexes a body of people admits, for questions asking it ("What gender is the student body of
St. Michael Academy?", "gender composition of Wirral Grammar School"): the answer is one of a few
words ("all-boys", "girls", "co-ed"), grouped in families, so that "all-girls" and "Girls" agree
and "all-boys" disagrees with "co-ed". Read by the reader (a quote giving none does not answer)
and by the conflict finder (``qa.conflicts.answers``), as colours are (``colour_words``).

"Men" and "women" are left out: most sentences naming them say nothing of whom a body admits.
"""
from __future__ import annotations

import re

__all__ = ["asks_gender", "families_agree", "gender_family", "gender_spans"]

# "gender composition of ...", "What gender is ...?", "(what is the) gender of ..."; not "What is the
# gender pay gap ...?" nor "Which sex chromosomes ...?".
_ASKS = re.compile(r"(?i)\b(?:gender|sex)\s+(?:composition|make-?up|mix|balance|split)\b|"
                   r"^\s*(?:what|which)\s+(?:gender|sex)\s+(?:is|are|was|were|does|do|did)\b|"
                   r"^\s*(?:what\s+(?:is|was)\s+the\s+)?(?:gender|sex)\s+of\b")
_WORDS = re.compile(r"(?i)\b(?:all[- ]?)?(boys|girls|boy|girl|males?|females?)\b(?!-)|"
                    r"\b(co-?ed|co-?educational|mixed[- ]sex|single[- ]sex)\b")
_FAMILY = {"boys": "boys", "boy": "boys", "male": "boys", "males": "boys", "girls": "girls", "girl": "girls", "female": "girls",
           "females": "girls"}


def asks_gender(question: str) -> bool:
    """Whether the question asks which sexes something admits ("What gender is ...?")."""
    return _ASKS.search(question) is not None


def gender_family(word: str) -> str:
    """"boys", "girls", "mixed" or "single" (a single sex, either) for a matched gender word."""
    w = re.sub(r"[^a-z]", "", word.casefold())
    w = w[3:] if w.startswith("all") else w
    if w in _FAMILY:
        return _FAMILY[w]
    return "single" if w.startswith("single") else "mixed"


def gender_spans(text: str, own: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, family) of each gender word of ``text`` that is not one of the question's
    ``own`` words ("Is the boys' school ...?" states "boys")."""
    return [(m.start(), m.end(), gender_family(m.group())) for m in _WORDS.finditer(text)
            if (m.group(1) or m.group(2)).casefold() not in own]


def families_agree(a: str, b: str) -> bool:
    """Two families agree when equal, or when one is "single" and the other a single sex."""
    return a == b or "single" in (a, b) and "mixed" not in (a, b)
