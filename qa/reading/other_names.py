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
import unicodedata
from difflib import SequenceMatcher

from .titles import _ABBREVIATED, _OFFICES

__all__ = ["other_name"]

_WORD = r"[A-Z][\w'’-]*"
_LINK = r"(?:of|de|the|of\s+the|and)"  # small words inside a name: "University of Chicago"
_NAME_RUN = re.compile(rf"(?<![\w'’-])({_WORD}\.?(?:\s+(?:{_LINK}\s+)?{_WORD}\.?)+)")
# Titles and offices written before a name: "Attorney General Russell" names Russell, not a Russell
# (the offices news copy writes before a holder's name, qa.reading.titles, and forms of address).
_TITLES = _OFFICES | frozenset(_ABBREVIATED) | frozenset("""mr mrs ms miss dr prof sir dame lord lady king queen prince
    princess saint st vice rep gen general colonel col captain capt lieutenant lt sergeant sgt admiral judge justice bishop
    pope father rev reverend ceo emperor empress duke duchess count earl baron pastor rabbi imam sheikh coach officer agent
    detective inspector professor doctor attorney ambassador chief deputy""".split())
_SMALL = frozenset("what which who whom whose when where why how is are was were do does did the a an in on of for and to de".split())
_ROMAN = re.compile(r"(?i)[ivxlc]+")
# Words around a name that place it no better than any sentence would ("in Birmingham", "the Saturn").
_LOOSE = _SMALL | frozenset("""at by with from as into onto during about after before his her its their our
    this that these those some many most all any each every other no not also only""".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TYPO = 0.75  # SequenceMatcher ratio from which two words are one misspelt: Kelven / Kalven .83


def _bare(word: str) -> str:
    """A word without its possessive: "Mayow's" -> "Mayow"."""
    return _POSSESSIVE.sub("", word)


def _words(run: str) -> list[str]:
    return [_bare(w).rstrip(".") for w in run.split()]


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


def _swapped(asked: str, found: str) -> bool:
    """Whether ``found`` names another thing than ``asked`` in the same place of a name."""
    a, f = asked.lower(), found.lower()
    return (asked[:1].isupper() and found[:1].isupper() and not asked.isupper() and not found.isupper()
            and a not in _TITLES and f not in _TITLES | _SMALL and not (a.startswith(f) or f.startswith(a))
            and SequenceMatcher(None, a, f).ratio() < _TYPO)


def other_name(question: str, quote: str, article: str) -> tuple[str, str] | None:
    """(asked name, the quote's name) when the quote writes a name one word away from the
    question's and ``article`` (the quote's whole text) never writes the asked name, or a one-word
    name in the place of the asked one (:func:`_one_word_name`); else None."""
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
            if (_swapped(a, b) and b.lower() not in asked_words and not _writes(quote, a)
                    and not any(o is not run and len(o) == len(run) and o[diff[0]].lower() == b.lower() for o in names)):
                return " ".join(run), " ".join(other)
    return _one_word_name(question, quote, article)


def _plain(word: str) -> str:
    """A word without its possessive or accents, in small letters: "Céloron's" -> "celoron"."""
    return "".join(c for c in unicodedata.normalize("NFKD", _bare(word)) if not unicodedata.combining(c)).lower()


def _one_word_name(question: str, quote: str, article: str) -> tuple[str, str] | None:
    """(asked word, the quote's word) when the question names something by one capitalised word
    ``article`` never writes ("When was gold found near Birmingham?") and the quote writes another
    capitalised word beside the same word ("... gold was discovered near Ballarat"): the one-word
    names of :func:`other_name`, placed by the word next to them ("the planet Saturn" / "the planet
    Mercury", "Chebyshev's postulate" / "Bertrand's postulate")."""
    words = re.findall(r"[\w'’-]+", question)
    for i, asked in enumerate(words[1:], 1):
        bare = _bare(asked)
        if (not bare[:1].isupper() or bare.isupper() or len(bare) < 3 or bare.lower() in _TITLES
                or words[i - 1][:1].isupper() or i + 1 < len(words) and words[i + 1][:1].isupper() or _writes(article, bare)):
            continue  # a name of two words or more is other_name's
        for k, side in ((i - 1, "left"), (i + 1, "right")):
            if k >= len(words) or words[k].lower() in _LOOSE:
                continue
            beside = re.escape(words[k])
            pattern = rf"(?i:\b{beside})\s+([A-Z][\w'’-]*)" if side == "left" else rf"([A-Z][\w'’-]*)\s+(?i:{beside}\b)"
            for m in re.finditer(pattern, quote):
                found = m.group(1)
                plain = _plain(found)
                if (found.isupper() or plain in _LOOSE | _TITLES or plain in question.lower() or len(plain) < 3
                        or plain.startswith(_plain(bare)) or _plain(bare).startswith(plain)
                        or SequenceMatcher(None, _plain(bare), plain).ratio() >= _TYPO):
                    continue
                return bare, _bare(found)
    return None
