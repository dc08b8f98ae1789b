"""Where an article says the asked thing is not known: "US pricing has not been confirmed at this
stage", "No release date for the fourth Star Trek film has yet been announced", "It did not reveal
the crash location and said it was withholding the names of those killed". A user asking the price,
the date or the names is told that, with the sentence, instead of the nearest figure or phrase
("2020" of "the 2020 Audi e-tron Sportback", "Two United States service members").

A sentence counts when a phrase of not telling ("has not been confirmed", "declined to say",
"undisclosed", "withholding") stands near a word naming what the question asks for ("pricing",
"date", "names"; for names the telling verb itself: "was not identified"), and the sentence shares
two words of the question's subject beyond those ("Audi" and "Sportback", "crash" and "killed"):
"Price and gas mileage were not announced" of another car says nothing of the Audi's price. Next
to the quote, a sentence is on the quote's subject whether it names it or not.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .answertype import answer_type, question_focus
from .stems import stem

__all__ = ["asked_slot", "unstated_in"]

# Words naming what a question asks for, by the kind of thing asked.
_SLOT_WORDS = {
    "MONEY": "price prices pricing priced cost costs fee fees terms financial amount sum salary valuation",
    "DATE": "date dates when timing timeline schedule timetable",
    "NAME": "name names named naming identity identities identified identify identifying",
    "NUM": "number numbers many count figure figures",
}
_SLOTS = {kind: frozenset(words.split()) for kind, words in _SLOT_WORDS.items()}
_NAME_ASKED = re.compile(r"(?i)\b(?:names?|identity|identities)\b")
_TELL = (r"(?:confirm|announc|disclos|releas|reveal|identif|nam|made\s+public|set\b|determin|decid|specif|publish|giv|"
         r"say|said|known|provid|shar|state)")
_NOT_TOLD = re.compile(
    rf"(?i)\b(?:(?:has|have|had|is|are|was|were)(?:n['’]t|\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?{_TELL}"
    rf"|(?:did|does|do|would|will|could|can)(?:n['’]t|\s+not)\s+{_TELL}"
    rf"|(?:declined|refused|declines|refuses)\s+to\s+{_TELL}"
    rf"|(?:has|have|had)\s+yet\s+to\s+(?:be\s+)?{_TELL}"
    r"|undisclosed|unnamed|unidentified|unspecified|withh(?:eld|olding|olds?)|unknown|not\s+known)\w*")
# "No release date for the fourth Star Trek film has yet been announced": the slot word after "no".
# Not "known" here: "no further Fermat numbers are known to be prime" says there are none.
_NONE_TOLD = re.compile(rf"(?i)\bno\s+(?P<np>[\w-]+(?:\s+[\w-]+){{0,2}})\b[^.;]{{0,80}}?\b"
                        rf"(?:has|have|had|was|were|is|are)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?(?!known){_TELL}")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_DETERMINERS = frozenset("no any its their his her our your my one each every".split())
_REACH = 60  # characters either side of the phrase a slot word may stand in
_NOT_SUBJECT = frozenset("""what which who whom whose when where why how is are was were be been do does did will would
    can could has have had the a an of in on at to for by with from and or its it this that these those his her their
    there new much many""".split())


def asked_slot(question: str) -> str | None:
    """What kind of thing the question asks for, of those an article may say it does not know:
    "MONEY", "DATE", "NAME" (a name asked for: "what were the names of ...", "who ..."), "NUM";
    "OTHER" for a thing asked by its kind ("what injury")."""
    kind = answer_type(question)
    if kind in ("MONEY", "DATE"):
        return kind
    if _NAME_ASKED.search(question) or kind == "PERSON":
        return "NAME"
    if kind == "NUM" and re.search(r"(?i)\bhow\s+many\b", question):
        return "NUM"
    return "OTHER" if _kind_asked(question) else None


def _kind_asked(question: str) -> str | None:
    """The kind a "what/which <kind>" question asks for ("injury"), right after its wh-word; one
    thing ("which buyers" of "a third undisclosed buyer" asks for the two the sentence names too)."""
    focus, words = question_focus(question), [w.lower() for w in _WORD.findall(question)]
    plural = focus.focus.endswith("s") and not focus.focus.endswith("ss")
    return focus.focus if focus.wh in ("what", "which") and focus.focus.isalpha() and not plural and any(
        w == focus.wh and words[k + 1:k + 2] == [focus.focus] for k, w in enumerate(words)) else None


# "to an undisclosed injury": the thing of the kind asked, withheld.
_WITHHELD = re.compile(r"(?i)\b(?:undisclosed|unspecified|unnamed|unidentified|undetermined|unrevealed)\s+(?:[\w-]+\s+)?([\w-]+)")


def _subject_words(question: str, slot: str, kind: str | None) -> set[str]:
    slot_words = _SLOTS.get(slot) or {kind}  # "injury" of "what injury" is the slot, not the subject
    return {stem(w) for w in _WORD.findall(question.lower()) if w not in _NOT_SUBJECT and w not in slot_words and len(w) > 1}


def _says_not_told(sentence: str, slot: str, kind: str | None = None) -> bool:
    if slot == "OTHER":  # only a withheld thing of the kind asked: "what injury" of "an undisclosed injury"
        return any(stem(m.group(1).lower()) == stem(kind or "") for m in _WITHHELD.finditer(sentence))
    low = sentence.lower()
    for m in _NOT_TOLD.finditer(sentence):
        near = _WORD.findall(low[max(0, m.start() - _REACH):m.end() + _REACH])
        # For a name, the telling verb itself names the slot: "The person, who was not identified".
        if _SLOTS[slot] & set(near) - {"who"} or (slot == "NAME" and re.search(r"(?i)identif|nam", m.group(0).split()[-1])):
            return True
    return any(_SLOTS[slot] & set(m.group("np").lower().split()) for m in _NONE_TOLD.finditer(sentence))


def _narrower(sentence: str, slot: str, asked: set[str]) -> bool:
    """Whether the sentence's unknown thing is narrower than the question's: a name qualifies it
    that the question does not ("US pricing has not been confirmed" asked the price in Europe, or
    any price: the article gives the European one)."""
    words = _WORD.findall(sentence)
    return any(w.lower() in _SLOTS.get(slot, ()) and k and words[k - 1][:1].isupper() and words[k - 1].lower() not in _NOT_SUBJECT
               and words[k - 1].lower() not in _DETERMINERS and words[k - 1].lower() not in asked for k, w in enumerate(words))


def unstated_in(question: str, sentences: Sequence[str], beside: Sequence[str] = ()) -> str | None:
    """The first of ``sentences`` saying the article does not know what the question asks, on the
    question's subject, or of ``beside`` (the sentences next to the quote, on its subject whether
    they name it or not: "The RAV4 Prime goes on sale in the summer. Price and gas mileage were
    not announced."); None when none does (or the question asks for nothing such a sentence can
    withhold)."""
    slot = asked_slot(question)
    if slot is None:
        return None
    kind = _kind_asked(question) if slot == "OTHER" else None
    subject = _subject_words(question, slot, kind)
    asked = {w.lower() for w in _WORD.findall(question)}
    need = min(2, len(subject))  # "unknown how many tries of each mission" shares one word of a question on Apollo's landings
    for s in sentences:
        if (need and _says_not_told(s, slot, kind) and len(subject & {stem(w) for w in _WORD.findall(s.lower())}) >= need
                and not _narrower(s, slot, asked)):
            return s
    # (A neighbour's "undisclosed injury" may be another player's: a kind asked is read in the answer's passages only.)
    return next((s for s in beside if slot != "OTHER" and _says_not_told(s, slot) and not _narrower(s, slot, asked)), None)
