"""Another name one word away from the asked one: "What years was chemist John Boyle alive?" is not
answered by "In the late 17th century, Robert Boyle proved that air is necessary for combustion.",
nor "Who applies American Union law?" by a sentence on European Union law, nor "In what year was the
University of Maynard incorporated?" by one on the University of Chicago.

The question writes a name of two or more capitalised words ("John Boyle", "University of Maynard");
the article the quote comes from never writes it; the quote writes a name of as many words that
differs from it in one capitalised word, and never writes the asked word. SQuAD 2.0's writers made
such near misses by changing one word of a name (Rajpurkar et al. 2018, "entity swap"). The
article-wide check keeps the answers whose sentence leaves the asked name out ("Which descendant of
Genghis Khan sacked Baghdad?" over "His descendant Hulagu Khan ...", in an article about Genghis
Khan). Not another name: a misspelt word ("Kelven Report" for the quote's "Kalven Report"), a word
of the same stem ("Fields Medal", "Fields Medalists"), an acronym ("British TV", "British English"),
a title ("President Obama" for "Barack Obama"), a word the question writes elsewhere ("Which is
older, the British Empire or the Ethiopian Empire?"). Counted on the base code's `qa eval --report`
answers before it was written (qa/reading/README.md).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["other_name"]

_WORD = r"[A-Z][\w'’-]*"
_LINK = r"(?:of|de|the|of\s+the|and)"  # small words inside a name: "University of Chicago"
_NAME_RUN = re.compile(rf"(?<![\w'’-])({_WORD}\.?(?:\s+(?:{_LINK}\s+)?{_WORD}\.?)+)")
# Titles and offices written before a name: "Attorney General Russell" names Russell, not a Russell.
_TITLES = frozenset("""mr mrs ms miss dr prof sir dame lord lady king queen prince princess saint st president vice governor
    mayor senator sen rep gov gen general colonel col captain capt lieutenant lt sergeant sgt admiral judge justice bishop
    pope father rev reverend chancellor minister premier secretary chairman chairwoman ceo emperor empress duke duchess
    count earl baron pastor rabbi imam sheikh coach officer agent detective inspector professor doctor attorney
    ambassador commissioner speaker chief deputy""".split())
_SMALL = frozenset("what which who whom whose when where why how is are was were do does did the a an in on of for and to de".split())
_ROMAN = re.compile(r"(?i)[ivxlc]+")
_TYPO = 0.75  # SequenceMatcher ratio from which two words are one misspelt: Kelven / Kalven .83


def _words(run: str) -> list[str]:
    return [re.sub(r"(?:'s|’s|'|’)$", "", w).rstrip(".") for w in run.split()]


def _writes(text: str, word: str) -> bool:
    return re.search(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _names(question: str) -> list[list[str]]:
    """The question's names of two capitalised words or more, without a leading title or the
    question's own first word."""
    out = []
    for m in _NAME_RUN.finditer(question):
        run = _words(m.group(1))
        before = question[:m.start()].rstrip()
        if not before or before.endswith((".", "?", "!", ":")):
            run = run[1:]  # the sentence's first word is capitalised anyway
        elif before.lower().endswith((" and", " &")):
            continue  # "French and Indian War": a name running on over a small word
        while run and run[0].lower() in _SMALL | _TITLES:
            run = run[1:]
        if sum(w[:1].isupper() for w in run) >= 2 and not _ROMAN.fullmatch(run[-1]):
            out.append(run)
    return out


def _other_word(asked: str, found: str) -> bool:
    """Whether ``found`` names another thing than ``asked`` in the same place of a name."""
    a, f = asked.lower(), found.lower()
    return (asked[:1].isupper() and found[:1].isupper() and not asked.isupper() and not found.isupper()
            and a not in _TITLES and f not in _TITLES | _SMALL and not (a.startswith(f) or f.startswith(a))
            and SequenceMatcher(None, a, f).ratio() < _TYPO)


def other_name(question: str, quote: str, article: str) -> tuple[str, str] | None:
    """(asked name, the quote's name) when the quote writes a name one word away from the
    question's and ``article`` (the quote's whole text) never writes the asked name; else None."""
    names = _names(question)
    asked_words = {w.lower() for w in re.findall(r"[\w'’]+", question)}
    for run in names:
        written = r"(?:'s|’s)?\s+".join(map(re.escape, run))
        if re.search(rf"(?i)(?<!\w){written}(?!\w)", article) or _writes(article, "".join(run)):
            continue  # the article writes it ("AppleTalk" for "Apple Talk")
        for m in _NAME_RUN.finditer(quote):
            other = _words(m.group(1))
            while other and other[0].lower() in _SMALL:
                other = other[1:]  # "The European Union" opening the quote
            diff = [i for i, (a, b) in enumerate(zip(run, other)) if a.lower() != b.lower()] if len(other) == len(run) else []
            if len(diff) != 1:
                continue
            a, b = run[diff[0]], other[diff[0]]
            if (_other_word(a, b) and b.lower() not in asked_words and not _writes(quote, a)
                    and not any(o is not run and len(o) == len(run) and o[diff[0]].lower() == b.lower() for o in names)):
                return " ".join(run), " ".join(other)
    return None
