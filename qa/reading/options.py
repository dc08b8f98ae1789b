"""Questions offering their answers: "who made the first two generations of mtia, tsmc or samsung",
"did openai build jalapeño with broadcom or with nvidia", "is aws or google anthropic's primary
training provider". The short answer is the one option the quote states; none when it states both. Before, the span model's pick was shown whatever it was: "Jalapeño" for "which company
has already disclosed a custom inference chip, openai or anthropic" (of "OpenAI has already
disclosed its Jalapeño inference chip ..., and Anthropic is reportedly evaluating ..."), "long-term
plans" for "which plans the bigger self-owned ai data center, meta or anthropic".

Options are read as users type them: after the question's last comma or colon ("..., tsmc or
samsung", "...: the foundry or system lsi"), after a repeated preposition ("with broadcom or with
nvidia"), or right after the opening verb of a yes/no question ("is aws or google ..."), each of at
most four words; never "or not". (``qa.conflicts.choices`` reads WikiContradict's longer choice
questions for the sources' answers; this reads the short answer of one quote.)
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["offered_options", "chosen_option", "names_neither", "without_options"]

_OPTION = r"(?:the\s+)?[^\W_][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}?"
_TAIL = re.compile(rf"(?i)[,:;]\s*(?P<a>{_OPTION})\s+or\s+(?P<b>{_OPTION})\s*[?.!]*\s*$")
_PREP = re.compile(rf"(?i)\b(?P<p>with|by|from|for|at|in|on|to)\s+(?P<a>{_OPTION})\s+or\s+(?P=p)\s+(?P<b>{_OPTION})\s*[?.!]*\s*$")
_W = r"[^\W_][\w'’&.-]*"  # one word of an option
_NAMED = rf"{_W}(?:\s+[\w'’&.-]+){{0,2}}?"  # a name of up to three words
_END = r"\s*[?.!]*\s*$"
_YES_NO_OPENS = r"(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)"


def _after(preps: str, article: str, second: str) -> str:
    """Two options after a preposition closing the question (a verb's "-ing" may come between):
    one word each, each after an optional ``article`` (the second as ``second`` allows), or two
    names each led by the article."""
    return (rf"\b(?:{preps})\s+(?:[a-z]+ing\s+)?(?:(?:{article}\s+)?(?P<a>{_W})\s+or\s+(?:{article}\s+)?"
            rf"(?P<b>{second})|{article}\s+(?P<c>{_NAMED})\s+or\s+{article}\s+(?P<d>{_NAMED})){_END}")


# One word each after a preposition closing the question: "is the newest mtia being made by samsung or tsmc?"
# (not "high or low" of "Is the focus on mentorship high or low?": two words after "on"). Also after
# a verb's "-ing" ("... by beating Hungary or Slovakia?"), and two names each led by "the"
# ("detected with the keck observatory or the hubble telescope").
_AFTER = re.compile("(?i)" + _after("by|from|with|at|in|on|to|for", "the", _W))
# A yes/no question may offer a second option of up to three words ("was the agency from minneapolis
# or sioux falls"), not a phrase going on ("... or initech in 2026"), and options led by "a"
# ("turned into a museum or a police station"). Not a wh-question: there the answer is another
# thing, and "by EU or national authorities" closes a clause ("In which case was it held ...?").
_GOES_ON = r"(?!(?:in|on|at|by|for|to|of|from|with|this|that|last|next|and|the|a|an)\b)"
_AFTER_YES_NO = re.compile(rf"(?i)^\s*{_YES_NO_OPENS}\b.*" + _after(
    "by|from|with|at|in|into|on|to|for", "(?:the|a|an)", rf"{_W}(?:\s+{_GOES_ON}[\w'’&.-]+){{0,2}}"))
_FRONT = re.compile(rf"(?i)^\s*{_YES_NO_OPENS}\s+(?P<a>{_W})\s+or\s+(?P<b>{_W})\s+")
# "a work like the Quran, Torah or Bible": the last items of a list inside the clause, not options.
_LISTED = re.compile(r"(?i)\b(?:like|such\s+as|including|especially)\s+(?:the\s+)?[\w'’&.-]+$")
_NOT_OPTION = frozenset("not neither none both either other others".split())
# An option's first word that makes it a bound, not an answer: "two or more sources", "three or fewer".
_BOUND = frozenset("more less fewer greater other so".split())
_STOP = frozenset("the a an of".split())
_OPENS = frozenset("""is are was were did does do has have had will would can could should who what which when where
    why how""".split())
# Words before an option that take it back ("rather than Nvidia", "not TSMC", "unlike Meta").
_TAKEN_BACK = re.compile(r"(?i)\b(?:not|no|never|rather\s+than|instead\s+of|unlike|than)\s+(?:\S+\s+){0,2}$")


@lru_cache(maxsize=1024)
def _offered(question: str) -> tuple[str, str, str] | None:
    """The two options a question offers, as typed, and the question without them."""
    question = question.strip()
    for pattern in (_PREP, _TAIL, _AFTER, _FRONT, _AFTER_YES_NO):
        m = pattern.search(question)
        if m and not (pattern is _TAIL and _LISTED.search(question[:m.start()])):
            ka, kb = ("a", "b") if m.group("a") is not None else ("c", "d")
            a, b = (re.sub(r"(?i)^the\s+", "", m.group(x)).strip(" '’") for x in (ka, kb))
            if a.lower() in _NOT_OPTION or b.lower() in _NOT_OPTION or a.lower() == b.lower() \
                    or b.split()[0].lower() in _BOUND:
                return None
            if a.split()[0].lower() in _OPENS or b.split()[0].lower() in _OPENS:
                return None  # "..., did the islanders or the penguins win": a question, not a list of answers
            if pattern is _FRONT:  # "is aws or google anthropic's provider": the options taken out of the middle
                rest = question[:m.start("a")] + question[m.end("b"):]
            else:  # "..., tsmc or samsung" cut off; "... made by samsung or tsmc?" keeps "by"
                rest = re.sub(r"(?i)\s+(?:the|an?)\s*$", "", question[:m.start(ka)] if pattern in (_AFTER, _AFTER_YES_NO) else question[:m.start()]) + "?"
            return a, b, " ".join(rest.split()).replace(" ?", "?")
    return None


def offered_options(question: str) -> tuple[str, str] | None:
    """The two options a question offers, as typed ("tsmc", "samsung"); None when it offers none."""
    got = _offered(question)
    return got[:2] if got else None


def without_options(question: str) -> str:
    """The question without the answers it offers ("who made the first two generations of mtia?"
    of "..., tsmc or samsung"): the passage answering it need not name them, and one naming them
    about something else (Meta's chips, asked who makes Jalapeño) is no closer for it."""
    got = _offered(question)
    return got[2] if got else question


def _stated(option: str, quote: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in re.findall(r"[\w'’&.-]+", option) if w.lower() not in _STOP]
    if not words:
        return None
    for m in re.finditer(r"(?i)(?<![\w-])(?:the\s+)?" + r"\s+".join(words) + r"(?![\w-])", quote):
        if not _TAKEN_BACK.search(quote[max(0, m.start() - 30):m.start()]):
            a = m.start()
            if quote[a:a + 4] == "the " or quote[a:a + 4].lower() == "the " and not quote[a + 4:a + 5].isupper():
                a += 4  # "the foundry", "the Minneapolis ad agency": the option alone; "The Information" is a name
            return a, m.end()
    return None


def chosen_option(question: str, quote: str) -> tuple[int, int] | None | bool:
    """Where ``quote`` states the one option of the two the question offers that it states; False
    when it states both (no short answer then); None when the question offers none or the quote
    states neither (the reader's short answer stands: "like the Quran, Torah or Bible" is read as
    two options, and the quote may name the first)."""
    options = offered_options(question)
    if options is None:
        return None
    found = [s for s in (_stated(o, quote) for o in options) if s is not None]
    return (found[0] if len(found) == 1 else False) if found else None


def names_neither(question: str, quote: str) -> tuple[str, str] | None:
    """The options of a question offering two when ``quote`` has the words of neither, in any
    order ("Samsung's foundry" has those of "samsung foundry"): such a quote cannot say which."""
    options = offered_options(question)
    if options is None:
        return None
    said = {w.casefold() for w in re.findall(r"[^\W_]+", quote.replace("’s", "").replace("'s", ""))}
    has = [all(w.casefold() in said for w in re.findall(r"[^\W_]+", o) if w.lower() not in _STOP) for o in options]
    return None if any(has) else options
