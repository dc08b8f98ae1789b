"""Another bearer of the asked name: "What years was chemist John Boyle alive?" is not answered by
"In the late 17th century, Robert Boyle proved that air is necessary for combustion.", nor "Who
applies American Union law?" by a sentence on European Union law.

The question writes a name of two or more capitalised words ("John Boyle", "American Union"); the
article the quote comes from never writes it; the quote writes the name's last word after another
capitalised word ("Robert Boyle", "European Union") and none of the question's other words of the
name. SQuAD 2.0's writers made such near misses by changing one word of a name (Rajpurkar et al.
2018, "entity swap"). The article-wide check keeps the answers whose subject the sentence leaves out
("Which descendant of Genghis Khan sacked Baghdad?" over "His descendant Hulagu Khan ...", an
article about Genghis Khan): counted on the base code's `qa eval --report` answers (qa/reading/README.md).
A misspelt word of the name ("Kelven Report" for the quote's "Kalven Report") is no other name; nor
are titles ("President Obama" for "Barack Obama") nor a word the question writes elsewhere ("Which is
older, the British Empire or the Ethiopian Empire?").
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["other_given_name"]

_CAPITALISED = r"[A-Z][\w'’.-]*"
_NAME_RUN = re.compile(rf"(?<![\w'’-])({_CAPITALISED}(?:\s+{_CAPITALISED})+)")
# Titles and offices written before a name: "Attorney General Russell" names Russell, not a Russell.
_TITLES = frozenset("""mr mrs ms miss dr prof sir dame lord lady king queen prince princess saint st president vice governor
    mayor senator sen rep gov gen general colonel col captain capt lieutenant lt sergeant sgt admiral judge justice bishop
    pope father rev reverend chancellor minister premier secretary chairman chairwoman ceo emperor empress duke duchess
    count earl baron pastor rabbi imam sheikh coach officer agent detective inspector professor doctor attorney
    ambassador commissioner speaker chief deputy""".split())
_SMALL = frozenset("what which who whom whose when where why how is are was were do does did the a an in on of for and to".split())
_ROMAN = re.compile(r"(?i)[ivxlc]+")
_TYPO = 0.75  # SequenceMatcher ratio from which two words are one misspelt: Kelven / Kalven .83


def _bare(word: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", word).rstrip(".")


def _writes(text: str, word: str) -> bool:
    return re.search(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _names(question: str) -> list[list[str]]:
    """The question's names of two words or more, without a leading title or the question's first word."""
    out = []
    for m in _NAME_RUN.finditer(question):
        run = [_bare(w) for w in m.group(1).split()]
        before = question[:m.start()].rstrip()
        if not before or before.endswith((".", "?", "!", ":")):
            run = run[1:]  # the sentence's first word is capitalised anyway
        elif before.lower().endswith((" and", " &")):
            continue  # "French and Indian War": a name running on over a small word
        while run and run[0].lower() in _SMALL | _TITLES:
            run = run[1:]
        if len(run) >= 2 and len(run[-1]) >= 2 and not _ROMAN.fullmatch(run[-1]):
            out.append(run)
    return out


def other_given_name(question: str, quote: str, article: str) -> tuple[str, str] | None:
    """(asked name, the quote's name) when the quote names another bearer of the question's name's
    last word and ``article`` (the quote's whole text) never writes the asked name; else None."""
    names = _names(question)
    asked_words = {w.lower() for w in re.findall(r"[\w'’]+", question)}
    for run in names:
        given, last = run[:-1], run[-1]
        if any(_writes(quote, w) for w in given) or re.search(
                r"(?i)(?<!\w)" + r"(?:'s|’s)?\s+".join(map(re.escape, run)) + r"(?!\w)", article):
            continue
        if any(other is not run and other[-1] == last and any(_writes(quote, w) for w in other[:-1]) for other in names):
            continue  # "the British Empire or the Ethiopian Empire": the quote's is the other asked
        for m in re.finditer(rf"(?<![\w-])([A-Z][\w'’-]*)\s+{re.escape(last)}(?:'s|’s)?(?![\w-])", quote):
            word = _bare(m.group(1))
            if word.lower() in _TITLES | _SMALL or word.lower() in asked_words:
                continue
            if any(SequenceMatcher(None, word.lower(), g.lower()).ratio() >= _TYPO for g in given):
                continue  # a misspelling, not another name
            return " ".join(run), f"{word} {last}"
    return None
