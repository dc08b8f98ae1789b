"""What an amount question measures ("How much is Samsung's backlog worth?" -> "backlog"), so
that the reader prefers an amount of that thing to an amount of something else in a sentence
sharing more of the question's words."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .answertype import _COUNT_PREPS, _STOP, _WH, _WORD, AUXILIARIES, answer_type
from .targets import TARGETS
from .units import is_measure
from ..indexing.lexical import question_terms, tokenize

__all__ = ["asked_owner", "measured_noun", "measured_owner", "owned_noun", "opens_with", "other_owner", "other_speaker", "speaker_said",
           "asks_what_said", "names_the_speaker", "own_neighbour"]

# Words that name a measure of something ("the value of the deal", "backlog size"), and words that
# end the phrase naming what is measured ("the deal under which ...", "orders with Samsung").
_MEASURES = frozenset("value worth size amount total cost price volume sum valuation capacity power energy "
                      "output".split())
_PHRASE_END = _COUNT_PREPS | AUXILIARIES | _WH | frozenset("under that to as worth valued".split())


def measured_noun(question: str) -> str | None:
    """What an amount question measures, as typed: "How much is Samsung's backlog worth?" -> "backlog",
    "the value of the deal under which ..." -> "deal", "samsung foundry backlog size" -> "backlog". None for
    other questions, or when the words that say it are all names (names are matched by the reader's
    name features): an amount of something else ("ASICs worth 10 trillion won" for the backlog) is not the answer."""
    if answer_type(question) not in ("MONEY", "QUANTITY", "NUM"):
        return None
    raw = _WORD.findall(question)
    toks = [t.casefold() for t in raw]

    def head(words: range) -> str | None:
        # The last small-letter content word of the phrase, before whatever ends it.
        found = None
        for i in words:
            if toks[i] in _PHRASE_END and found is not None:
                break
            if toks[i] not in _STOP and toks[i] not in _MEASURES and raw[i][:1].islower() and not toks[i].isdigit():
                found = toks[i]
        return found

    for i, t in enumerate(toks):
        if t in _MEASURES and i + 1 < len(toks) and toks[i + 1] == "of":
            return head(range(i + 2, len(toks)))  # "the total value of unfilled contracts"
    wh = next((i for i, t in enumerate(toks) if t == "how"), None)
    at = -1 if wh is None else wh + (4 if toks[wh + 2:wh + 3] == ["in"] else 2)  # "How much in won is ..."
    if 0 < at < len(toks) and toks[wh + 1] in ("much", "large", "big") and (toks[at] in ("is", "are", "was", "were") or (
            toks[at] in ("will", "would", "could", "might", "may") and "be" in toks[at:])):  # "could X's order be worth"
        return head(range(at + 1, len(toks)))  # "How much is Samsung's backlog worth?"
    if (wh is not None and wh + 3 < len(toks) and toks[wh + 1] == "many" and any(map(is_measure, tokenize(toks[wh + 2])))
            and toks[wh + 3] in ("is", "are", "was", "were", "will")):
        return head(range(wh + 4, len(toks)))  # "How many gigawatts is Anthropic's planned data center?"
    if (wh is not None and wh + 3 < len(toks) and toks[wh + 1] == "much" and toks[wh + 2] in _DOING
            and raw[wh + 3][:1].isupper()):
        # "How much will Meta invest in AI?": what the named one spends, earns or pays.
        return next((_MONEY_FORMS[t] for t in toks[wh + 4:wh + 8] if t in _MONEY_FORMS), None)  # "has Meta invested"
    if wh is None and (toks[-1] in _MEASURES or toks[-1] in TARGETS):
        # "samsung foundry backlog size", "What is Meta's data center power target?"
        return head(range(0, len(toks) - 1))
    return None


_DOING = frozenset("will would does did do can could has have had".split())
# Verbs of money a "How much will X ...?" question asks about -> how a reason names the amount.
_MONEY_VERBS = {"invest": "investment", "spend": "spending", "pay": "payment", "earn": "earnings",
               "raise": "funding", "borrow": "borrowing", "lose": "loss", "owe": "debt"}
_MONEY_FORMS = {f: v for v in _MONEY_VERBS for f in (v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing")} | {
    "spent": "spend", "paid": "pay", "lost": "lose"}
_FORMS_OF = {v: "|".join(sorted({f for f, x in _MONEY_FORMS.items() if x == v}, key=len, reverse=True)) for v in _MONEY_VERBS}

_POSS = r"(?:'s|’s)"
_PLANS = r"(?:aims|plans|intends|wants|expects|hopes|is\s+building|is\s+planning|will\s+build|has|owns|operates|runs)"
_OWNER_NAME = r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})"
# Capitalised words that open a phrase without naming an owner ("orders from The ...").
_NOT_OWNERS = frozenset("the a an this that these those its their his her our what who where when how why it there "
                        "here let he she".split())


# "Similar to Meta, Anthropic also plans ...", "Anthropic, like Meta, plans ...": the clause is
# about the other company; the asked one is only compared with it.
_LIKE = r"(?:[Ss]imilar to|[Ll]ike|[Uu]nlike|[Jj]ust like|[Aa]s with)"


def _compared_only(owner: str, quote: str) -> str | None:
    """The company a clause of ``quote`` is about when ``owner`` stands in it only as the one it is
    compared with, and nowhere else in the quote; else None."""
    o = re.escape(owner)
    m = (re.search(rf"\b{_LIKE}\s+{o}\s*,\s*{_OWNER_NAME}", quote)
         or re.search(rf"{_OWNER_NAME}\s*,\s*{_LIKE}\s+{o}\s*,", quote))
    if m is None or len(re.findall(rf"\b{o}\b", quote, re.I)) > 1:
        return None
    other = m.group(1).split()[0]
    return None if other.casefold() in _NOT_OWNERS | {owner.casefold()} else other


# The name a sentence opens with, past an attribution ("According to industry sources, Meta ...").
_OPENING = rf"\s*(?:According to [^,]{{1,40}},\s*|[A-Z][a-z]*(?:\s+[a-z]+){{0,3}},\s*)?{_OWNER_NAME}"  # "To this end, Meta"
# "(including Tesla, Anthropic and Meta)", "Tesla, Anthropic, and Meta": one name among others.
_LIST = rf"{_OWNER_NAME},\s+{_OWNER_NAME},?\s+(?:and|or)\s+{_OWNER_NAME}"


def _listed_only(owner: str, quote: str) -> str | None:
    """The company a sentence opens with when ``owner`` stands in it only as one of a list of three or
    more ("Samsung Electronics is becoming the core production base ... for global technology giants
    (including Tesla, Anthropic and Meta), and its long-term backlog ... 50 trillion won"): what it
    measures is the subject's, not the listed one's. Else None."""
    mentions = len(re.findall(rf"\b{re.escape(owner)}\b", quote, re.I))
    lists = [m for m in re.finditer(_LIST, quote) if owner.casefold() in (x.casefold() for x in m.groups())]
    if not mentions or len(lists) != mentions:
        return None
    m = re.match(_OPENING, quote)
    other = m.group(1).split()[0] if m else ""
    return None if not other or other.casefold() in _NOT_OWNERS | {owner.casefold()} else other


def measured_owner(question: str, noun: str | None = None) -> str | None:
    """Whose thing an amount question measures (``noun``: its ``measured_noun``, if known): "Tesla"
    in "How much was Tesla's AI chip order worth?" and in "How much is Tesla investing?"; None
    when it names no owner."""
    noun = noun or measured_noun(question)
    if noun is None:
        return None
    forms = _FORMS_OF.get(noun, re.escape(noun))  # "had Tesla spent"
    # Not "What's" of "What's the value of the deal ...": a contraction, no owner.
    m = next((x for x in re.finditer(rf"\b{_OWNER_NAME}{_POSS}\s+(?:[\w-]+\s+){{0,4}}?{re.escape(noun)}", question)
              if x.group(1).split()[0].casefold() not in _NOT_OWNERS), None) \
        or re.search(rf"\b(?:is|are|was|were|will|does|did|has|have|had)\s+{_OWNER_NAME}\s+(?:{forms})", question) \
        or re.search(rf"\b{re.escape(noun)}\s+at\s+(?:the\s+)?{_OWNER_NAME}(?:\s+[a-z][\w-]*)?{_POSS}\s", question) \
        or re.search(rf"\b(?i:the)\s+{_OWNER_NAME}\s+{re.escape(noun)}\b", question)
    return m.group(1) if m else None  # "unfilled contracts at the Samsung ... arm", "the Meta order": owners too


# "What is Meta's data center plan?", "What is TSMC's role?": a named owner's thing, asked what it is.
_OWNED = re.compile(rf"\s*(?i:what)\s+(?i:is|are|was|were)\s+{_OWNER_NAME}{_POSS}\s+(?:[\w-]+\s+){{0,2}}?"
                    r"(?!(?:on|in|for|of|with|to|at)\b)([a-z][\w-]*)"  # not "for" of "What is NASA's Dragonfly mission for?"
                    r"(?:\s+(?:on|in|for|of|with|to|at)\s[^?]*)?\s*\??\s*$")  # "... spending on AI?"


def owned_noun(question: str) -> str | None:
    """The thing a "What is X's thing?" question asks about ("plan" of "What is Meta's data center
    plan?"), or None."""
    m = _OWNED.match(question)
    # Not a participle: "What is Meta's chip called?" asks for a name (qa.reading.asked_kind).
    return m.group(2) if m and not m.group(2).endswith("ed") else None


# "When will Anthropic finish its data center?": the thing of the named subject, by "its".
_ITS_THING = re.compile(rf"\s*(?i:when|by\s+when|how|what|where)\b[^?]*?\b(?:will|is|are|does|do|did|has|was)\s+"
                        rf"{_OWNER_NAME}\s+(?:[a-z][\w-]*\s+){{1,3}}?(?:its|their)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
                        r"\s*(?:\?|$)")
# "When will Anthropic's chip launch?", "When will Meta's data center be finished?": the owner's thing.
_OWNED_EVENT = re.compile(rf"\s*(?i:when|by\s+when|where)\s+(?:will|is|are|was|were|did|does|do|has|have)\s+"
                          rf"{_OWNER_NAME}{_POSS}\s+((?:[a-z][\w-]*\s+)??[a-z][\w-]*)\s+(?:be\s+)?[a-z]+\s*\??\s*$")
# "What's Anthropic worth?", "How much is Samsung valued at?": the company's own worth.
_WORTH = re.compile(rf"\s*(?i:what['’]?s|what\s+is|how\s+much\s+is)\s+{_OWNER_NAME}\s+((?i:worth|valued))\b")


def _asked_thing(question: str) -> tuple[str, str] | None:
    """(thing, its named owner) of an amount or "What is X's thing?" question, or of a question
    on the thing a named subject does something with ("When will Anthropic finish its data
    center?"); None otherwise."""
    noun = measured_noun(question) or owned_noun(question)
    owner = measured_owner(question, noun) if noun else None
    if owner is None and (m := _ITS_THING.match(question) or _OWNED_EVENT.match(question) or _WORTH.match(question)) and (
            m.group(1).split()[0].casefold() not in _NOT_OWNERS):
        return m.group(2), m.group(1)
    return (noun, owner) if owner else None


def asked_owner(question: str) -> str | None:
    """The named owner of the thing an amount or "What is X's thing?" question asks about."""
    return (_asked_thing(question) or (None, None))[1]


def other_owner(question: str, quote: str, before: str = "") -> tuple[str, str] | None:
    """(asked, found) when an amount question measures a thing of a named owner ("Tesla's AI chip
    order", "How much is Meta investing"), or a question asks what a named owner's thing is ("What
    is TSMC's role?"), and ``quote`` gives that thing to another owner ("Samsung's role", "OEM
    orders from Meta", "Meta's order") without naming the asked one, or names the asked one only
    to compare another with it ("Similar to Meta, Anthropic also plans ... 1 GW"): its amount is
    someone else's; so is "its investment" after a sentence (the end of ``before``) opening with another
    owner ("Similar to Meta, Anthropic also has ..."). None otherwise."""
    asked = _asked_thing(question)
    if asked is None:
        return None
    noun, owner = asked
    first, _, rest = owner.partition(" ")
    if rest and re.search(rf"\b{re.escape(first)}['’]s\s+{re.escape(rest)}\b", quote, re.I):
        return None  # "the backlog of Samsung's foundry business" is Samsung Foundry's
    if owner.casefold() in quote.casefold():
        compared = _compared_only(owner, quote) or _listed_only(owner, quote)
        noun = _MONEY_VERBS.get(noun, noun)
        return None if compared is None else (f"{owner}'s {noun}", f"{compared}'s {noun}")
    stem = re.escape(noun[:-1] if noun.endswith("s") else noun)
    found = (re.search(rf"\b{stem}s?\s+(?:[a-z][\w-]*\s+)?(?:from|of|by|for)\s+{_OWNER_NAME}", quote)  # "order backlog of Samsung's"
             or re.search(rf"\b{_OWNER_NAME}{_POSS}\s+(?:[\w-]+\s+){{0,3}}?{stem}s?\b", quote)
             # "Meta aims to build a data center of 5 GW": the sentence's subject owns what it plans.
             or re.match(rf"{_OPENING}\s+(?:also\s+)?{_PLANS}\b"
                         rf"[^.;]*\b{stem}s?\b", quote)
             # "According to industry sources, Meta is cooperating with Samsung ... worth more than 10
             # trillion won" asked Tesla's order: the sentence is about what its subject is doing.
             or re.match(rf"{_OPENING}\s+(?:is|are|was|were)\s+"
                         rf"(?:also\s+)?[a-z]+ing\b", quote))
    last = re.split(r"(?<=[.!?])\s+", before.strip())[-1]  # the sentence "its" may point back to
    if not found and owner.casefold() not in last.casefold() and re.search(
            rf"\b(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?{stem}", quote, re.I):
        found = re.match(rf"\s*(?:{_OPENERS}\b[^,]{{0,40}},\s*)?{_OWNER_NAME}\s+(?:also\s+)?[a-z]+", last)
    # The owner's first word: a heading glued to the sentence may follow the name ("from Meta According").
    other = found.group(1).split()[0] if found else ""
    if not other or other.casefold() in _NOT_OWNERS:
        return None
    return f"{owner}'s {_MONEY_VERBS.get(noun, noun)}", f"{other}'s {_MONEY_VERBS.get(noun, noun)}"


# Introductory phrases a sentence about a company may open with before naming it.
_OPENERS = (r"(?:According to|Similar to|Just like|Like|Unlike|As with|In|On|By|At|Meanwhile|However|Separately|"
            r"Besides|Additionally|Also|Still|Now|Earlier|Later)")


def opens_with(owner: str, quote: str) -> bool:
    """``quote`` is a sentence about ``owner``: the owner opens it, after at most an introductory
    phrase ("Similar to Meta, Anthropic also plans ...", "According to reports, Meta's ..."); not
    one naming it in a list ("clients (including Tesla, Anthropic and Meta)")."""
    return re.match(rf"\s*(?:{_OPENERS}\b[^,]{{0,40}},\s*)?{re.escape(owner)}\b", quote) is not None


# "What did Samsung say about ...?", "How did Samsung respond ...?": what one party said.
_ASKED_SPEAKER = re.compile(r"\s*(?:(?i:what|how|which)(?:\s+[a-z]+){0,3}?\s+)?(?i:did|does|do|has|have|will|would)\s+(?:the\s+)?"
                            r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+(?:[a-z]+\s+)?(say|said|state|tell|announce|claim|"
                            r"comment|respond|reply|answer|describe|think|write|expect|believe)\b")
# The same asked as a noun: "What was Samsung's response to the report?", "Samsung's comment on
# ...", and typed as keywords, "samsung response anthropic report" (truecased before it is read).
_ASKED_RESPONSE = re.compile(r"\s*(?:(?i:what|how)\s+(?i:was|is|were|are)\s+)?(?:the\s+)?"
                             r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})(?:'s|’s)?\s+"
                             r"(response|reply|comment|comments|statement|reaction|answer)\b")


# Capitalised as a question's first word, naming no one ("Whose response ...", "What comment ...").
_NOT_PARTIES = frozenset("what which who whose whom how when where why the a an this that these those its their "
                         "is are was were did does do has have".split())


def _asked_speaker(question: str) -> re.Match | None:
    """The match naming the party whose words a question asks for (group 1) and the word asking
    (group 2: "say", "response"), or None."""
    m = _ASKED_SPEAKER.match(question) or _ASKED_RESPONSE.match(question)
    return None if m is None or m.group(1).split()[0].casefold() in _NOT_PARTIES else m

_SAID = (r"(?:said|says|stated|states|told|announced|announces|claimed|claims|commented|responded|replied|indicated|indicates|indicate|"
         r"wrote|noted|added|explained|confirmed|denied|declined\s+to\s+(?:comment|confirm|elaborate))")


# A speaker described, not named: "A Korean industry official said", "people familiar with the
# matter said", "a Samsung spokesperson stated".
# "According to industry sources, ..." attributes the sentence the same way.
_WHO = (r"((?:[\w&-]+\s+){0,3}?(?:officials?|sources?|analysts?|executives?|spokes(?:person|man|woman)|insiders?|"
        r"representatives?|people|persons?))")
_UNNAMED = re.compile(rf"\b(?:(?:an?|the|one|two|several|some)\s+)?{_WHO}(?:\s+familiar\s+with\s+the\s+"
                      rf"(?:matter|plans?))?,?\s+(?:\w+\s+)?{_SAID}\b|\baccording\s+to\s+(?:(?:an?|the)\s+)?{_WHO}\b", re.I)


def _speaker(quote: str) -> str | None:
    """The name that is the subject of a verb of saying in ``quote`` ("Anthropic stated ..."), or None."""
    found = re.search(rf"{_OWNER_NAME}\s+(?:(?:has|had|also|later|then|publicly)\s+)*{_SAID}\b", quote)
    return None if found is None or found.group(1).split()[0].casefold() in _NOT_OWNERS else found.group(1)


def _described(speaker: str) -> str:
    """"a Korean industry official", "an analyst", "people" (lower-cased unless a name opens it)."""
    words = speaker.split()
    if len(words) == 1:
        speaker = speaker.lower()
    if words[-1].lower().endswith("s") or words[-1].lower() == "people":
        return speaker
    return ("an " if speaker[:1].lower() in "aeiou" else "a ") + speaker


def _described_speaker(quote: str) -> str | None:
    """The description of an unnamed speaker in ``quote`` ("Korean industry official"), or None."""
    found = _UNNAMED.search(quote)
    return (found.group(1) or found.group(2)) if found else None


def _unnamed_speaker(quote: str, asked: str) -> str | None:
    """The description of a speaker who is not named ("Korean industry official"), unless it names
    the asked party ("a Samsung spokesperson"); None without one."""
    who = _described_speaker(quote)
    if not who or asked.split()[0].casefold() in who.casefold().split():
        return None
    # Capitalised only as the sentence's first word: "Industry sources indicate ..."
    return who[:1].lower() + who[1:] if quote.lstrip().startswith(who) else who


def names_the_speaker(text: str, quote: str) -> bool:
    """Whether ``text`` (a short answer of ``quote``) only names who is speaking in it ("Korean
    industry official" of "A Korean industry official said: ..."): what they said is the answer."""
    speakers = [_speaker(quote) or "", _described_speaker(quote) or ""]
    return bool(text.strip()) and any(text.strip() in who for who in speakers)


def asks_what_said(question: str) -> bool:
    """"What did Samsung say about ...?", "How did Samsung respond ...?", "Did Samsung comment on ...?",
    "What was Samsung's response to ...?", "samsung response anthropic report"."""
    return _asked_speaker(question) is not None


def other_speaker(question: str, quote: str) -> tuple[str, str] | None:
    """(asked, found) when a question asks what one party said ("What did Samsung say about its
    compute?") and ``quote`` is another's statement ("Anthropic stated that Nvidia's GPUs ...
    would continue to serve as the core of its computing resources") without naming the asked
    party. None otherwise."""
    m = _asked_speaker(question)
    if m is None:
        return None
    asked = m.group(1)
    if _speaker(quote) is None and (unnamed := _unnamed_speaker(quote, asked)) is not None:
        # An official of no named party is not the asked party, whoever the quote mentions.
        return f"what {asked} said", f"what {_described(unnamed)} said"
    if asked.split()[0].casefold() in quote.casefold():
        return None
    speaker = _speaker(quote)
    # "Cook said ..." asked what Tim Cook said: his surname, the same party.
    if speaker is None or set(speaker.casefold().split()) <= set(asked.casefold().split()):
        return None
    return f"what {asked} said", f"what {speaker} said"


def speaker_said(question: str, quote: str, lacking: Sequence[str] = ()) -> bool:
    """Whether ``quote`` is the statement a "What did X say ...?" question asks for: X is the
    subject of a verb of saying in it ("Anthropic stated that ..."), and no word of the question
    but its verb of saying ("say") is among the ``lacking`` ones."""
    m = _asked_speaker(question)
    if m is None or any(w.casefold() != m.group(2).casefold() for w in lacking):
        return False
    speaker = _speaker(quote)
    return speaker is not None and speaker.split()[0].casefold() == m.group(1).split()[0].casefold()


_OWN_THING = re.compile(r"\b(?:its|their|his|her)\b", re.I)


def about_own_thing(question: str) -> bool:
    """Whether a question asking what a party said asks about the party's own thing ("What did
    Samsung say about its compute?"): a statement on another's thing, or one declining to comment
    on "the matter" another party's statement raised, does not answer it."""
    m = _asked_speaker(question)
    return m is not None and bool(_OWN_THING.search(question, m.end()))


def own_statement(question: str, quotes: Sequence[str]) -> int | None:
    """Index of the first of ``quotes`` (best first) that is the asked party's own statement, for a
    question asking what one party said when the best quote is another's ("Did Samsung comment on
    Anthropic's chip plans?" over "In response to a request for comment, Anthropic stated that
    ...": "Samsung Electronics declined to comment on the matter."); None otherwise."""
    m = _asked_speaker(question)
    if not quotes or m is None:
        return None
    # The best quote is another's statement, or no one's and not about the asked party ("The real
    # challenge is getting thousands of chips to work" for "Which chips does Anthropic say will
    # stay central to its compute?"): the party's own statement answers, when one was read.
    nobody = (_speaker(quotes[0]) is None and _described_speaker(quotes[0]) is None
              and m.group(1).split()[0].casefold() not in quotes[0].casefold())
    if not nobody and other_speaker(question, quotes[0]) is None:
        return None
    return next((k for k, quote in enumerate(quotes) if speaker_said(question, quote)), None)


def said_in(question: str, sentences: Iterable[tuple[int, str, str]]) -> int | None:
    """The first of ``sentences`` ((row, text, the sentence before it), in reading order) that is
    the asked party's own statement on what the question asks about, for a question asking what one
    party said, not about its own thing: every word after the party's verb ("about Anthropic") is
    in the statement or the sentence before it, where "the matter" it declines to comment on is
    set ("What did Samsung say about Tesla?" is not answered by Samsung declining to comment right
    after Anthropic's statement); None otherwise."""
    m = _asked_speaker(question)
    if m is None or about_own_thing(question):
        return None
    rest = question[m.end():]
    # The names it is about, when it names any ("about Anthropic's silicon plans": Anthropic; the
    # report words it "chip plans" or "the matter"); else every word ("chips" / "chip", stemmed).
    named = re.findall(r"\b[A-Z][\w&-]*", rest)
    topic = set(tokenize(" ".join(named))) if named else set(question_terms(rest))
    return next((row for row, text, before in sentences if speaker_said(question, text)
                 and topic <= set(tokenize(before + " " + text))), None)


def own_neighbour(sentences, raw, question: str, row: int) -> int | None:
    """The sentence before or after sentence ``row`` (of the index's ``sentences`` table over the
    ``raw`` texts) in its article that is the asked party's own statement, when ``row`` is another
    party's (:func:`own_statement`) and the question is not about the party's own thing (its "the
    matter" is the other's)."""
    if about_own_thing(question):
        return None
    doc = int(sentences[row, 0])
    near = [r for r in (row + 1, row - 1) if 0 <= r < len(sentences) and int(sentences[r, 0]) == doc]
    texts = [raw[doc][int(sentences[r, 1]):int(sentences[r, 2])] for r in [row, *near]]
    own = own_statement(question, texts)
    return near[own - 1] if own else None
