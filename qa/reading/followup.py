"""Follow-up questions read against the earlier turns of a conversation, before retrieval.

No generative model: rules over the question's words find what kind of follow-up it is, the earlier
turns give the candidates it may point to (the names of the last question, its short answer, the
names of the turn before), and the retrieval score of each reading picks among them.

- A question that stands on its own (no pronoun without a name before it in the question, no
  "what about ...", not a bare question word) is read as typed.
- "What about Anthropic?", "And OpenAI's chip?": the last question with one of its names
  replaced by the new one.
- "When?", "by when", "how much?": the last question with its question phrase replaced
  ("By when is Meta targeting 5 GW?").
- "it", "they", "that", "its", "his" ...: replaced by a name or answer of the earlier turns
  ("What is it also called?" after "Jalapeño" -> "What is Jalapeño also called?"); "that" or
  "this" before a noun becomes the name's possessive ("that commitment" -> "Anthropic's
  commitment").
- "Is that confirmed?", "Who says so?": the last question again, so that its sources and the
  certainty of their statements answer it.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from .answertype import question_focus
from .asked_spans import defined_name, described_person
from .ownwords import REQUESTS
from .timeshape import MONTHS as _MONTHS

__all__ = ["Turn", "read_follow_up"]


class Turn(Protocol):
    """What a follow-up needs of an earlier turn (a ``qa.Answer`` has it)."""

    question: str
    read_as: str | None
    short_answer: str | None


_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?|\$|%")
_WH = frozenset("what which who whom whose when where why how".split())
_AUX = frozenset("is are was were do does did will would can could has have had should may might "
                 "shall must".split())
# Pronouns pointing back, and the form they take: a name ("it") or its possessive ("its").
_PRONOUN = {"it": "", "they": "", "them": "", "he": "", "him": "", "she": "", "that": "", "this": "",
            "its": "'s", "their": "'s", "his": "'s", "her": "'s"}
_PERSONAL = frozenset("he him his she her".split())
# After "that"/"this" these words show it stands for a whole thing, not a determiner.
_AFTER_PRONOUN = _AUX | frozenset("in to from for of with on at by so too yet more less than the a an really still just "
                                  "also not".split())  # ("is that more than 20 billion": no determiner)
_ABOUT = re.compile(r"^\s*(?:and|but|so|ok|okay)?[\s,]*(?:what|how)\s+about\s+(?P<x>.+?)\s*\??\s*$", re.IGNORECASE)
# "And OpenAI's chip?": a name right after "and" (case matters here: "and what ..." is no name).
_AND_NAME = re.compile(r"^\s*[Aa]nd\s+(?P<x>[A-Z][^?]*?)\s*\??\s*$")
_ABOUT_LAST = re.compile(r"^\s*(?:and\s+)?(?:is|was|are)\s+(?:that|this|it)\s+(?:confirmed|true|right|"
                         r"official|certain|sure|so|verified)\b|^\s*(?:and\s+)?(?:who|which\s+\w+)\s+"
                         r"(?:says|said|claims|reported|reports)\s+(?:so|that|this)\b|^\s*says\s+who\b|"
                         r"^\s*(?:what(?:'s| is) the )?sources?\s*\??\s*$", re.IGNORECASE)
# Words that open a question in capitals without being a name ("By when ...", "In what month ...").
_FUNCTION = frozenset("by in on at for from over under and but since until to of as after before during "
                      "did does do according besides".split())
# A request's first word, capitalised as any first word ("Tell me about Jalapeño"): no name.
_IMPERATIVE = REQUESTS | frozenset("show find summarize summarise".split())
_LEADING_AND = re.compile(r"^\s*(?:and|but|so|also|ok|okay)\b[\s,]*", re.IGNORECASE)
_NAME = re.compile(r"(?:[A-Z][\w’'.-]*|\d[\w.,$%-]*)(?:\s+(?:of\s+|de\s+|the\s+)?(?:[A-Z][\w’'.-]*|\d[\w.-]*))*")


# "Meta's order", "Samsung's foundry backlog": a name owning a thing named in small letters.
_OWNER = r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s"
_OWNED = re.compile(_OWNER + r"(?:\s+[a-z][\w-]*)+")
_NOT_THING = _WH | _AUX | frozenset("worth in on at by for of to with from and or than".split())


def _owned_phrase(text: str, words: int) -> re.Match | None:
    """The first owner and the ``words`` small words of its thing that follow ("Samsung's
    backlog" at 1), or None when fewer such words follow (or, past one, they end the text)."""
    word = r"\s+(?!(?:%s)\b)[a-z][\w-]*" % "|".join(_NOT_THING)
    m = re.search(_OWNER + word * words + r"(?![\w-])", text)
    # The question's last word is its verb more often than its thing's: "When will Acme's chip launch?"
    return None if m is None or words > 1 and not text[m.end():].strip(" ?") else m


def _names(text: str) -> list[str]:
    """Capitalised name phrases of a question (not its first word unless it is a name itself),
    possessives cut: "Which foundry makes Meta's MTIA chips?" -> ["Meta", "MTIA"]."""
    out = []
    for m in _NAME.finditer(text):
        phrase = m.group()
        if m.start() == 0 and phrase.split()[0].lower() in _WH | _AUX | _FUNCTION | _IMPERATIVE:
            rest = phrase.split(None, 1)
            if len(rest) < 2:
                continue
            phrase = rest[1]
        phrase = re.sub(r"['’]s$", "", phrase.strip(" .,"))
        if phrase and phrase.lower() not in _WH and phrase not in out:
            out.append(phrase)
    return out


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _anaphors(question: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of the pronouns that point back: those with no name before them in the
    question itself ("Does Meta say when it will ..." points to Meta)."""
    found = []
    matches = list(re.finditer(r"[^\W_]+", question))
    # The first capitalised word after the first one: a name the question gives itself.
    first_name = next((m.start() for m in matches[1:] if m.group()[:1].isupper()), len(question))
    for k, m in enumerate(matches):
        w = m.group().casefold()
        if w not in _PRONOUN or m.start() > first_name:
            continue
        nxt = matches[k + 1].group().casefold() if k + 1 < len(matches) else ""
        form = _PRONOUN[w]
        if w in ("that", "this"):
            if k > 0 and matches[k - 1].group().casefold() in ("so",):
                continue
            # "When did that change?": after an auxiliary, a last word is the verb of "that".
            verb = k > 0 and matches[k - 1].group().casefold() in _AUX and k + 2 == len(matches)
            if nxt and nxt not in _AFTER_PRONOUN and not nxt.endswith("ed") and not verb:
                form = "'s det"  # "that spending commitment": a determiner ("that announced": not)
        if w == "her" and nxt and nxt not in _AFTER_PRONOUN:
            form = "'s"
        found.append((m.start(), m.end(), form + (" person" if w in _PERSONAL else "")
                      + (" thing" if w in ("it", "its") else "")
                      + (" named" if w in ("they", "them", "their") else "")))
    return found


def _named(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W_]+", text) if w.casefold() not in ("of", "the", "and", "de")]
    return (bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and any(w[:1].isupper() for w in words))  # "2nm" alone is a figure, not a name


def _amount(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not _dated(text) and not _named(text)


def _dated(text: str) -> bool:
    return any(w in _MONTHS or (w.isdigit() and len(w) == 4) for w in _words(text))


def _person_like(name: str) -> bool:
    parts = name.split()
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts) and not any(c.isdigit() for c in name)


def _with_phrase(previous: str, phrase: str, answer: str | None = None) -> str | None:
    """The previous question with its question phrase (wh-word up to the first auxiliary)
    replaced, or put before a yes/no question: "What capacity is Meta targeting?" + "by when" ->
    "By when is Meta targeting?". A "who" gives way to its ``answer``: "Who is investigating
    WeWork?" + "why" -> "Why is the NYAG investigating WeWork?", "Who is Anthropic working with?" +
    "since when" -> "Since when is Anthropic working with Samsung Electronics?"."""
    toks = list(re.finditer(r"[^\W_]+(?:['’][^\W_]+)?", previous))
    wh = next((k for k, m in enumerate(toks) if m.group().casefold() in _WH), None)
    if wh is None and toks and toks[0].group().casefold() in _AUX:
        # A yes/no question takes the phrase before it: "Is Anthropic making its own chip?" +
        # "with whom" -> "With whom is Anthropic making its own chip?".
        aux = 0
    elif wh is None:
        return None
    else:
        aux = next((k for k in range(wh + 1, len(toks)) if toks[k].group().casefold() in _AUX), None)
    if aux is None:
        return None
    rest = previous[toks[aux].start():].strip()
    rest = rest[:1].lower() + rest[1:]
    if wh == 0 and toks[wh].group().casefold() in ("who", "whom"):  # not "With whom ..."
        if described_person(previous):
            return None  # "Who is Clive Chan?" + "why": no "Why is Clive Chan?"
        verb = toks[aux].group().casefold()
        if answer and (re.search(r"\b(?:with|to|for|from|on|about|by)\s*\?*\s*$", rest) or verb in ("do", "does", "did")):
            rest = f"{rest.rstrip(' ?')} {answer}"  # "Who is Anthropic working with?": "... with Samsung"
        elif answer and aux == wh + 1 and aux + 1 < len(toks) and toks[aux + 1].group()[:1].islower():
            # "who" was the subject; not before a name, which would read as one with the answer
            rest = f"{verb} {answer} {previous[toks[aux + 1].start():].strip()}"
    phrase = phrase.strip(" ?")
    return f"{phrase[:1].upper()}{phrase[1:]} {rest if rest.endswith('?') else rest + '?'}"


def _is_ellipsis(words: list[str]) -> bool:
    """A bare question phrase: "when?", "by when", "how much?", "why", "how many units?" (a
    question word and at most two more words, no verb of its own)."""
    if not 0 < len(words) <= 4 or not any(w in _WH for w in words[:2]) or any(w in _AUX or w in _PRONOUN for w in words):
        return False  # "who made it" points back with its pronoun: not a bare question phrase
    return sum(w not in _WH and w not in ("by", "until", "since", "much", "many", "long", "exactly", "then",
                                           "and", "so") for w in words) <= 2


def _is_fragment(words: list[str]) -> bool:
    """A phrase that continues the last question: "and in yuan?", "in 2027?", "for Meta?"."""
    return 0 < len(words) <= 5 and not any(w in _WH or w in _AUX for w in words) and (
        words[0] in ("and", "in", "for", "by", "at", "from", "with", "without", "on") )


def read_follow_up(question: str, history: Sequence[Turn], score: Callable[[str], float]) -> str | None:
    """The self-contained reading of ``question`` after the turns ``history`` (oldest first), or
    None when it stands on its own. ``score`` rates a reading (the pipeline's retrieval score of
    its best passage); among several readings the best scored is taken."""
    if not history:
        return None
    last = history[-1]
    previous = last.read_as or last.question
    words = _words(question)
    if not words:
        return None
    if _ABOUT_LAST.search(question):
        return previous
    m = _ABOUT.match(question) or _AND_NAME.match(question)
    if m and (m.re is _ABOUT or m.group("x").split()[0].casefold() not in _WH | _AUX):
        new = (_names(m.group("x")) or [m.group("x").strip()])[0]
        owned = _OWNED.fullmatch(m.group("x").strip(" ?"))
        if owned and _OWNED.search(previous):
            # "What about Meta's order?" after "How much is Samsung's backlog?": Meta's order, not
            # Meta's backlog; the earlier owner's whole thing, up to three words ("Samsung's foundry
            # backlog"), gives way to the new one.
            readings = [previous[:o.start()] + owned.group() + previous[o.end():]
                        for o in (_owned_phrase(previous, k) for k in (3, 2, 1)) if o is not None]
            return _best(readings, score)
        readings = [previous.replace(old, new, 1) for old in _names(previous) if old != new]
        return _best(readings, score)
    if _is_ellipsis(words):
        return _with_phrase(previous, _LEADING_AND.sub("", question), last.short_answer) or f"{question.strip(' ?')} ({previous})"
    if _is_fragment(words):
        tail = _LEADING_AND.sub("", question).strip(" ?")
        if tail.split()[0].casefold() in _FUNCTION:
            tail = tail[:1].lower() + tail[1:]  # "In yuan?" (recased as a question's first word) continues it
        return f"{previous.rstrip(' ?')} {tail}?" if tail else previous
    slots = _anaphors(question)
    if not slots:
        return None
    candidates, plural = [], set()
    defined = defined_name(previous)
    if defined:
        # After "What is Jalapeño?", "it" is Jalapeño, not what the answer said it is ("Intelligence Processor").
        candidates.append(defined)
    elif last.short_answer:
        # A short answer is a candidate as it is when it is short ("Jalapeño", "50 trillion won"),
        # else by the names in it.
        short = last.short_answer
        if len(short.split()) <= 4 and _words(short)[0] not in _PRONOUN:
            candidates.append(short)
        candidates += [] if _amount(short) else _names(short)  # not "US" of "US$50 billion"
        if re.search(r"\s(?:and|&)\s", short):  # "OpenAI and Broadcom" (who made it) are "they", never "it"
            plural = {short, *_names(short)}
    # "is it more than 10 trillion won" after "How big is Meta's order?" (10 trillion): the thing
    # whose amount was asked, before the amount.
    owned = [m.group() for m in (_owned_phrase(previous, k) for k in (1, 2, 3)) if m is not None][:1]
    if owned and candidates and _amount(candidates[0]):
        candidates = owned + candidates
    candidates += owned + _names(previous)
    if len(history) > 1:
        earlier = history[-2]
        asked = earlier.read_as or earlier.question
        # ... nor what it said Jalapeño is, two turns on
        candidates += [n for n in _names(asked) + [earlier.short_answer if not defined_name(asked) else ""] if n]
    candidates = list(dict.fromkeys(c for c in candidates if c and len(c) < 80))
    if not candidates:
        return None
    # An amount means little without whose it is: "that" after "How much will Anthropic invest?"
    # is Anthropic's US$50 billion.
    owner = next((n for n in _names(previous) if _named(n)), None)
    if owner:
        candidates = [x for c in candidates for x in (
            [f"{owner}'s {c}", c] if _amount(c) and owner.casefold() not in c.casefold() else [c])]
    text = _LEADING_AND.sub("", question)
    shift = len(question) - len(text)
    slots = [(a - shift, b - shift, f) for a, b, f in slots if a >= shift]
    readings = []
    # "he"/"she" point to a person's name, "they" to a name (a company, not "the 2nm process").
    # What a pronoun points to is named ("Jalapeño") or an amount ("50 trillion won"), not a common
    # word an answer happened to be ("testing"), unless nothing else is there.
    candidates = [c for c in candidates if _named(c) or any(ch.isdigit() for ch in c) or c in owned] or candidates
    # An owner ("its", "that group" -> "X's group") is a name, never a date or an amount.
    options = [[c for c in candidates if ("person" not in f or _person_like(c)) and ("named" not in f or _named(c))
                and (not f.startswith("'s") or (_named(c) and not _dated(c)))
                and ("thing" not in f or not _dated(c) and c not in plural)]  # "it" is no date ("is it running yet")
               or candidates for *_, f in slots]
    for combo in itertools.islice(itertools.product(*options), 40):
        if len(set(combo)) < len(combo):
            continue  # "it ... with them": two different things
        out, at = [], 0
        for (a, b, form), name in zip(slots, combo):
            out.append(text[at:a])
            out.append(name + ("'s" if form.startswith("'s") else ""))
            at = b
        out.append(text[at:])
        reading = "".join(out).strip()
        reading = reading[:1].upper() + reading[1:]
        reading = reading if reading.endswith("?") else reading + "?"
        # "how many will they make" after "Who makes Zeta now?": a count of the last question's thing.
        if bare := _BARE_COUNT.match(reading):
            things = [n for n in _names(previous) if n not in combo and _named(n)]
            readings += [f"How many {n} {reading[bare.start(1):]}" for n in things[:1]]
        readings.append(reading)
    # After a question that asked for a name ("What's the name of the chip ...?", "Who ...?"), what
    # it answered is what "it" most likely means: other readings must then score much better.
    asked_name = question_focus(previous).type in _NAME_TYPES and bool(last.short_answer)
    return _best(readings, score, _MARGIN_AFTER_NAME if asked_name else _MARGIN)


# "How many will ...?": a count that names no thing.
_BARE_COUNT = re.compile(r"how many\s+(%s)\b" % "|".join(sorted(_AUX)), re.I)

# A reading further down the order of preference (the last answer, then the last question's names,
# then the turn before) is taken only when the corpus matches it this much better.
_MARGIN = 0.9
_MARGIN_AFTER_NAME = 0.7
_NAME_TYPES = frozenset({"PERSON", "ORG", "PLACE", "OTHER"})


def _best(readings: list[str], score: Callable[[str], float], margin: float = _MARGIN) -> str | None:
    """The first reading, in order of preference, whose retrieval score comes within ``_MARGIN``
    of the best one's: scores of close readings are noisy, the order of preference is not."""
    readings = list(dict.fromkeys(readings))
    if not readings:
        return None
    scores = [score(r) for r in readings]
    top = max(scores)
    return next(r for r, x in zip(readings, scores) if x >= margin * top)
