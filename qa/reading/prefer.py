"""Which of the reader's top three sentences to quote, when the best one would be no answer.

The sentence scorer ranks by shared words and closeness; three checks after it (the first two would
make the reader abstain) can tell that the best sentence does not answer while a runner-up does:

- "What is OpenAI's inference chip called?": the best sentence names nothing ("OpenAI unveiled its
  own custom inference chip initiative"); the next naming the owner and giving a name does
  ("OpenAI has already disclosed its Jalapeño inference chip") (:mod:`qa.reading.asked_kind`).
  The name must be the thing's (:mod:`qa.reading.kind_fit`): "One important backdrop to Anthropic
  being placed ..." names another company, not OpenAI's chip. Likewise, "What does MTIA stand
  for?" takes a runner-up that spells the acronym out, and "Who is Meta working with on MTIA?"
  one naming a company beyond Meta and MTIA.
- "How big is Meta's planned data center?": the best sentence is another company's, compared with
  the asked one ("Similar to Meta, Anthropic also has ... plans ... of approximately 1 GW"); the
  next naming Meta is Meta's own ("Meta aims to build a data center ... of 5 gigawatts")
  (:mod:`qa.reading.measured`). When the best sentence never names the asked owner ("What is the
  capacity of Anthropic's data center?" -> "Meta aims to build a data center ... of 5 gigawatts"),
  only a runner-up that opens with the owner and states a figure is its own ("Similar to Meta,
  Anthropic also has ... plans ... of approximately 1 GW"): one merely naming it was as often a
  list of clients beside another amount ("(including Tesla, Anthropic and Meta) ... backlog ...
  50 trillion won") as the owner's, and "Tesla's order came first" states no amount.

- "Is Jalapeño in mass production?": the best sentence comes from an article that never names the
  question's names (a sentence on Meta's MTIA); a runner-up naming them all is on the subject.
  The scorer, fitted on SQuAD, weighs a sentence repeating the question's names down (there every
  question repeats the article's title name), so on news it can rank another subject first. The
  article, not the sentence and its neighbours: those often say "she", "the state", "the city"
  for the name (that version lost 11 right SQuAD 2.0 answers and gained none).

- "What process node will Meta's chip use?": the best sentence's subject is another company ("...
  Anthropic is also using Samsung's 2-nanometer process ...") and it names none of the question's
  names; a runner-up naming them all is on the owner's thing (``_other_subject``).

- "meta chip release cadence", "How often ...?": the best sentence says nothing of how often; a
  runner-up stating a frequency does ("A new generation of chips is launched every six months").

- "Who makes Meta's chips?": the best sentences share the light verb, not the making ("its
  fabrication capabilities make it a logical potential partner", "Meta aims to build a data
  center"), and name no maker of the thing; a lower one naming Meta and its maker does ("... the
  company has chosen Samsung Foundry as its partner"). For a question asking who makes a thing or
  where, the reader hands over candidates ranked below the top three as ``extra``; only this
  check reads them.

Not for "who"/"where" in general: any company counts as someone there, so nearly every sentence
would do; only for who makes or works with the subject, where someone beyond the question's names
is asked for.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from .agents import acts, asked_agent
from .asked_spans import beside_excluded, defined_name, definition_tokens, described_person, excluded_phrase, excluded_stems
from .asked_kind import _names_more, _own_words, asked_kind, holds_asked_kind, named_owner
from .attribution import says_who
from .holders import asks_holder, creator_tokens, holder_tokens
from .kind_fit import asks_which_doer, asks_who_did, doer_tokens, done_by_no_one, fit_kind, fits
from .titles import asked_title, holders
from .makers import asks_making, tied_maker
from .stages import asks_stage, states_stage
from .measured import asked_owner, opens_with, other_owner
from .ages import aged_name, asks_age, states_age
from .timeshape import asks_length, states_length
from .reasons import asks_why, states_reason
from .purposes import asks_purpose, purpose_thing, purpose_tokens
from .answertype import answer_type, asks_fact, states_fact
from .named_amounts import unnamed_amount
from .readerfeatures import YES_NO, _lower_words, question_names
from ..indexing.lexical import question_terms, sentence_tokens, tokenize

__all__ = ["ASKS_ONLY", "asks_only", "dated_event", "dates_other_event", "names_maker", "preferred", "reads_lower", "says"]

# Nouns a date question asks about through the event before them: "deployment date", "release
# schedule", "production timeline".
_DATED = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:date|dates|timeline|timelines|schedule|deadline)\b", re.I)
_NO_EVENT = frozenset("the a an its their what which expected target planned new exact final".split())


def dated_event(question: str) -> str | None:
    """The stem of the event a date question asks about by a noun before "date", "timeline" or
    "schedule" ("Jalapeño deployment date" -> "deploy"), or None."""
    m = _DATED.search(question)
    if m is None or m.group(1).casefold() in _NO_EVENT or answer_type(question) != "DATE":
        return None
    stems = tokenize(m.group(1))
    return stems[0] if stems else None


def dates_other_event(question: str, quote: str, other: str) -> bool:
    """Whether sentence ``other`` (joined to ``quote``) lacks the event a date question asks about
    while ``quote`` names it: its date is another event's ("released ... on June 24, 2026" beside
    "plans to begin deployment by the end of 2026" for "Jalapeño deployment date")."""
    event = dated_event(question)
    return event is not None and event in sentence_tokens(quote) and event not in sentence_tokens(other)


# Words asking how often, stemmed: no thing the answer is about.
_RATE_WORDS = frozenset(tokenize("often frequently cadence"))
# A word that may point back to the question's subject ("it", "this chip").
_POINTS_BACK = re.compile(r"\b(?:it|its|they|their|he|his|she|her|this|these)\b", re.I)


_ASKS_NAME = re.compile(r"(?i)\b(?:name|named|called|known\s+as)\b")


def _other_subject(question: str, view: Callable[[], object]) -> bool:
    """Whether a question about a named owner's thing ("What process node will Meta's chip use?")
    meets, in the parse ``view()``, a sentence whose subject is another name ("... Anthropic is also using
    Samsung's 2-nanometer process ..."): what it says is that one's. Not for a question asking for
    a person, company, place or name (the subject is then often the answer: "The Malkin Athletic
    Center ... serves as the university's primary recreation facility"), nor a sentence whose
    subject is a common noun ("The airport handles over five million passengers", of Newcastle's airport).
    Nor for an amount or "What is X's thing?" question, whose quote about another owner's thing the
    reader abstains on saying so ("The closest passages are about Meta's order, not Tesla's order.",
    :func:`qa.reading.measured.other_owner`)."""
    if (not named_owner(question) or answer_type(question) in ("PERSON", "ORG", "PLACE") or _ASKS_NAME.search(question)
            or asked_owner(question) is not None):
        return False
    asked, v = _lower_words(question), view()
    return any(v.dep[k] in ("nsubj", "nsubjpass") and v.pos[k] == "PROPN" and v.lower[k] not in asked for k in range(v.n))


def names_maker(question: str, v, names: float) -> bool:
    """Asked who makes a thing or where (one naming something): whether the sentence of view ``v``,
    holding ``names`` of the question's names, names them all and, by name, a maker tied to making
    (or a place of it): then it answers though it shares few words ("makes" / "mass-produced by";
    the reader does not abstain for its low score, ``qa.reading.reader``). Asked whose a thing
    is, one naming them all and giving the thing to a named holder (``qa.reading.holders``)."""
    if asks_holder(question):  # "Which company has TPUs?" over "Google has TPU, ...": whose they are
        return names == 1.0 and bool(holder_tokens(question, v))
    return asks_making(question) and bool(question_names(question)) and names == 1.0 and (
        tied_maker(question, v, _own_words(question)) or bool(creator_tokens(question, v)))  # "Who made Jalapeño?"


def found_asked(question: str, v, info: Mapping[str, float]) -> bool:
    """Whether the quote of view ``v`` (its reader features ``info``) answers though it scores low:
    a maker or holder named (:func:`names_maker`), or, asked how far along a thing is, a stage stated
    where the sentence or its neighbours name every name of the question ("Although the project
    remains in its planning phase, ...", the sentence after one naming Anthropic)."""
    if asks_stage(question):
        return states_stage(" ".join(v.text)) and max(info["names"], info["names_context"]) == 1.0
    return names_maker(question, v, info["names"])


def reads_lower(question: str) -> bool:
    """Whether :func:`preferred` reads candidates below the top three (its ``extra``): asked who
    makes a thing or where, what is besides a thing ruled out, whose a thing is, who holds a title,
    someone's age, what a thing is for, who did something or how far along a thing is."""
    return (asks_making(question) or bool(excluded_phrase(question)) or asks_holder(question) or bool(defined_name(question))
            or bool(asked_title(question)[0]) or asks_age(question) or asks_purpose(question) or asks_who_did(question)
            or asks_stage(question))


def _near(shares: tuple[float, ...]) -> float:
    """The share of the question's names a candidate's neighbours hold: the third of its ``names``
    entry; 1.0 when only two are given (nothing known of them, so no rule reads them as naming none)."""
    return shares[2] if len(shares) > 2 else 1.0


def _states_nothing(sentence: str, view: Callable[[], dict[int, object]], i: int, headings: frozenset[int]) -> bool:
    """Whether a sentence asks a question, or is a heading (a line of its own without a full stop;
    not a sentence the splitter cut off at "O" of "O2") without a verb."""
    return sentence.rstrip().rstrip("\"”’'").endswith("?") or i in headings and not says(view()[i])


# A page's heading or teaser may ask the very question ("Why have some Belgian fans boycotted the
# event?"); the article may never answer it. A quote ending so answers nothing, whatever its score.
ASKS_ONLY = "The closest passage asks this question; the articles do not answer it."
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+")


def asks_only(quote: str) -> bool:
    """Whether ``quote`` ends by asking a question: no answer to it follows in the quote ("Why? Because
    ..." answers; the sentence before a heading's question rarely does)."""
    parts = [p for p in _SENTENCE_END.split(quote.strip()) if p.strip()]
    return bool(parts) and parts[-1].rstrip().rstrip("\"”’')]").endswith("?")


def says(v) -> bool:
    """Whether the parse ``v`` of a sentence has a verb: a line without one states nothing."""
    return any(p in ("VERB", "AUX") for p in v.pos)


# A day the question dates what it asks about by: "... deported on Wednesday?", "... in March?" (not
# "May", as often the verb).
_DAY = re.compile(r"\b(?:on|in|last|this|since)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
                  r"march|april|june|july|august|september|october|november|december)\b", re.I)


def _asked_day(question: str) -> str:
    """The day of the week or month a question not asking when dates its event by, lower-cased ("")."""
    m = _DAY.search(question)
    return m.group(1).casefold() if m and answer_type(question) not in ("DATE", "TIME") else ""


def _states(question: str, i: int, text: dict[int, str], typed: dict[int, int] | None, least: int) -> bool:
    """Whether candidate ``i`` states the kind of fact asked for: an entity of that kind (``least``
    2: one counting the thing counted, see :func:`preferred`) or a form the tagger misses; asked
    how long, a length (``timeshape.states_length``), whatever the tagger calls a date."""
    if asks_length(question):  # "this week" is a date to the tagger, no length; "missing for five years" is one
        return states_length(question, text[i])
    return (typed or {}).get(i, 0) >= least or states_fact(question, text[i])


def preferred(question: str, pool: Sequence[int], text: dict[int, str], names: dict[int, tuple[float, ...]],
              view: Callable[[], dict[int, object]], extra: Sequence[int] = (), typed: dict[int, int] | None = None,
              headings: frozenset[int] = frozenset()) -> list[int]:
    """``pool`` (candidate indices, best first) with the candidates that answer moved ahead when the
    first does not. ``text``: each candidate's sentence; ``names``: the share of the question's
    names it holds, its article holds (1.0 when the question has none) and, if given, its
    neighbours hold (:func:`_near`); ``view``: their
    parses, asked for only when needed; ``extra``: lower candidates, read only for a maker and
    for what is besides a thing the question rules out (their texts, names and views given as well);
    ``typed``: 2 for a candidate naming an entity of the kind of fact asked for (counting the
    thing a "how many" question counts, if it counts one), 1 for one counting another thing, 0 for none;
    ``headings``: the candidates that are a line of their own without a full stop."""
    pool = list(pool)
    nothing = lambda i: _states_nothing(text[i], view, i, headings)  # noqa: E731
    fact = asks_fact(question)
    if nothing(pool[0]) and (saying := [i for i in pool if not nothing(i) and (not fact or _states(question, i, text, typed, 2))]):
        # "Which prison is Julian Assange in?": not the page's label "Profile: Julian Assange", nor a
        # heading asking a question ("Why Can't Taylor Swift Perform Her Own Songs?"), which state
        # nothing; a runner-up that does ("He is currently being held at Belmarsh prison in London").
        # Asked for a figure, one stating it ("how many chips has meta ordered": not "Samsung
        # receives 10 trillion won OEM orders", an amount of money, over a headline stating none).
        pool = saying + pool
    asked = asked_kind(question)
    if extra and asked and asks_making(question) and not holds_asked_kind(asked, question, [(views := view())[pool[0]]]) and (
            makers := [i for i in [*pool, *extra] if names_maker(question, views[i], names[i][0])]):
        # Not a sentence sharing the light verb ("make it a logical partner"): one naming the
        # question's names and, by name, the thing's maker (not only "its internal team"). A
        # question naming nothing ties no lower sentence to it ("Where is paired oxygen
        # produced?" took "DC electricity", SQuAD 2.0).
        pool = makers + pool
    elif asks_holder(question) and not holder_tokens(question, (views := view())[pool[0]]) and (
            held := [i for i in [*pool, *extra] if holder_tokens(question, views[i])]):
        # "Which company has TPUs?": not "For a model company, a hardware team ... rely on GPUs, TPUs,
        # or cloud provider chips", which gives them to no one; a runner-up saying whose they are
        # ("... reduce reliance on Nvidia's GPUs and Google's TPUs") (qa.reading.holders).
        pool = held + pool
    elif (excluded := excluded_stems(question)) and extra and not beside_excluded((views := view())[pool[0]], excluded) and (
            joined := [i for i in [*pool, *extra] if names[i][0] == 1.0 and beside_excluded(views[i], excluded)]):
        # "Besides the 2nm process, what Samsung technology is Anthropic looking at?": not a sentence
        # on the 2nm process alone; one naming the question's names and joining the process to
        # another thing ("... the 2-nanometer (nm) manufacturing process and advanced packaging facilities").
        pool = joined + pool
    elif (event := dated_event(question)) and event not in sentence_tokens(text[pool[0]]) and (dating := [
            i for i in pool if event in sentence_tokens(text[i]) and states_fact(question, text[i])]):
        # "jalapeno deployment date": not the release's date ("released Jalapeño on June 24,
        # 2026"); a runner-up dating the deployment ("... plans to begin deployment by the end of 2026").
        pool = dating + pool
    elif unnamed_amount(question, text[pool[0]]) and (own := [
            i for i in pool if not unnamed_amount(question, text[i]) and states_fact(question, text[i])]):
        # "What is the backlog worth?": not Meta's "... ASICs worth more than 10 trillion won",
        # an amount of another thing; a runner-up giving the backlog's ("The current order backlog
        # ... has reached approximately 50 trillion won") (qa.reading.named_amounts).
        pool = own + pool
    elif asks_age(question) and not states_age(text[pool[0]], question) and (aged := [
            i for i in [*pool, *extra] if states_age(text[i], question) and (names[i][0] >= names[pool[0]][0] or aged_name(
                text[i], question))]):
        # "how old is julian assange": not "... a rape allegation made against ... Julian Assange in
        # 2010", a year, nor "one long chapter", a count; a sentence giving his age ("The US wants
        # the UK to extradite Assange, 47, ..."), read below the top three as well: one naming as
        # many of the question's names, or giving the age of one of them.
        pool = aged + pool
    elif (thing := purpose_thing(question)) is not None and not purpose_tokens((views := view())[pool[0]], thing) and (
            purposed := [i for i in [*pool, *extra] if purpose_tokens(views[i], thing) and names[i][0] >= names[pool[0]][0]]):
        # "What is Jalapeño used for?": not "Jalapeño has been released and entered testing, ...", which
        # says nothing of its use; one saying what it is for ("... positioning it as an accelerator
        # for large language model inference"), read below the top three as well (qa.reading.purposes).
        pool = purposed + pool
    elif asks_stage(question) and not states_stage(text[pool[0]]) and (
            staged := [i for i in [*pool, *extra] if states_stage(text[i]) and names[i][0] >= names[pool[0]][0]]):
        # "How far along is Anthropic's in-house silicon effort?": not "Samsung is one of the world's
        # leading semiconductor manufacturers, ... a logical potential partner for companies pursuing
        # custom AI silicon", but one saying how far ("Anthropic has begun early-stage work ...",
        # qa.reading.stages), naming as many of the question's names, read below the top three as well.
        pool = staged + pool
    elif asks_why(question) and not states_reason(text[pool[0]], question) and (
            reasoned := [i for i in pool if states_reason(text[i], question) and names[i][0] >= names[pool[0]][0]]):
        # "why did meta bring in samsung system lsi": not "Meta is currently conducting joint development
        # work with Samsung System LSI ...", which gives no reason; "Therefore, Meta has established a
        # cooperation framework with ... System LSI" (its reason, the sentence before, joins: qa.reading.reasons).
        pool = reasoned + pool
    elif fact and answer_type(question) != "QUANTITY" and not _states(question, pool[0], text, typed, 1) and (
            stating := [i for i in pool if _states(question, i, text, typed, 2) and names[i][0] >= names[pool[0]][0]]):
        # "how much were the steelers and browns fined": not "The Steelers spent Monday trying to
        # distance themselves from Thursday night's fight ...", which states no amount and which the
        # reader would abstain on; a runner-up that does, naming as many of the question's names
        # ("... and both teams received $250,000 fines"); asked how many cases, one counting cases
        # ("10 human cases"), not a "6th fatality". Not for a measure ("how fast": "5 gigawatts"
        # is a figure, no speed).
        pool = stating + pool
    elif (day := _asked_day(question)) and day not in _lower_words(text[pool[0]]) and (
            on_day := [i for i in pool if day in _lower_words(text[i])]):
        # "how many indians were deported back from the us on wednesday": not "On October 18, more
        # than 300 Indians ... were deported by Mexican immigration authorities", another day's; a
        # runner-up of the day asked ("... nearly 150 Indians returned home broke on Wednesday ...").
        pool = on_day + pool
    elif asked in ("colour", "gender") and not holds_asked_kind(asked, question, [(views := view())[pool[0]]]):
        # "what colour was the cat found in santa fe": not "A cat who has been missing ... has been
        # found in Santa Fe", which gives none; a runner-up naming as many of the question's names and a colour
        # (or, asked whom a school admits, "all-girls").
        pool = [i for i in pool if holds_asked_kind(asked, question, [views[i]]) and names[i][0] >= names[pool[0]][0]] + pool
    elif asked == "often" and not holds_asked_kind(asked, question, [(views := view())[pool[0]]]):
        # "meta chip release cadence": not "It has not released chip specifications, ...", which
        # says nothing of how often; a runner-up that does, on a thing of the question ("A new
        # generation of chips is launched every six months"; "Acme releases a new chip every six
        # months" does not say how often Acme reports earnings).
        things = set(question_terms(question)) - set(tokenize(" ".join(question_names(question)))) - _RATE_WORDS
        pool = [i for i in pool if holds_asked_kind(asked, question, [views[i]])
                and things.intersection(sentence_tokens(text[i]))] + pool
    elif names[pool[0]][1] < 1.0 and any(names[i][0] == 1.0 for i in pool) or (
            names[pool[0]][0] == 0.0 and not _POINTS_BACK.search(text[pool[0]]) and any(names[i][0] == 1.0 for i in pool)
            and (YES_NO.match(question) or _other_subject(question, lambda: view()[pool[0]]))) or (
            names[pool[0]][0] == 0.0 and _near(names[pool[0]]) == 0.0 and any(names[i][0] == 1.0 for i in pool)
            and (asked_owner(question) is not None or fact and any(names[i][0] == 1.0 and (typed or {}).get(i, 0) >= 2
                                                                    for i in pool) and view()[pool[0]].pos[:1] == ["PROPN"])):
        # "Is Jalapeño in mass production?": not a sentence of an article that never says Jalapeño;
        # and asked yes or no, not a sentence naming none of the question's names where a
        # runner-up names them all ("Is Anthropic's chip in mass production?": not Meta's MTIA
        # plans); one saying "it" or "this chip" may speak of the subject. (SQuAD asks no yes/no questions.)
        # So is a question on a named owner's thing, over a sentence whose subject is another name
        # ("What process node will Meta's chip use?": not "... Anthropic is also using ...").
        # And an amount of a named owner's thing, over a sentence that names none of the question's
        # names and whose neighbours name none either ("the total value of unfilled long-range
        # contracts at the Samsung Electronics chipmaker's arm": not "about half of this total
        # investment ... US$25 billion", the sentence after one on Anthropic's data center). Asked a
        # fact of a named thing, so is a sentence opening with another name and giving one of that kind
        # where a runner-up gives one (of the thing counted, if counted) and names it ("how many gigawatts is
        # the data center anthropic wants to build": not "Meta aims to build ... 5 gigawatts"; not "In the
        # city, the population was spread out with 23.9% under the age of 18", which speaks of the city asked).
        pool = [i for i in pool if names[i][0] == 1.0] + pool
    elif (kind := fit_kind(question)) is not None:
        views = view()
        gives = {i: fits(question, kind, views[i]) for i in pool}
        owner = (named_owner(question) or "").casefold()
        if not gives[pool[0]]:
            pool = [i for i in pool if gives[i] and (not owner or owner in _lower_words(text[i]))] + pool
    elif asks_who_did(question) and done_by_no_one(question, (views := view())[pool[0]]) and (
            did := [i for i in [*pool, *extra] if doer_tokens(question, views[i])]):
        # "who kidnapped the 8 year old fort worth girl": not "... a kidnapped 8-year-old Fort Worth
        # girl was rescued by police ...", which uses the verb and says of no one that they did it,
        # but a lower sentence naming who did ("... the man who kidnapped the child, Michael Webb, ...").
        pool = did + pool
    elif (asked == "who" and says_who(question) or asks_which_doer(question)) and not doer_tokens(
            question, (views := view())[pool[0]]):
        # "Who said Samsung's backlog will reach 50 trillion won?": not the official's quoted
        # sentence on the backlog (it names Samsung's foundry, no source), but a runner-up giving
        # its source ("According to Korean media reports, ...", "Industry sources indicate ...").
        # "Which company released Jalapeño?": not "Jalapeño has been released and entered testing",
        # but one naming who released it ("OpenAI and Broadcom released Jalapeño on June 24, 2026").
        pool = [i for i in pool if doer_tokens(question, views[i])] + pool
    elif (title := asked_title(question))[0] and pool[0] not in (held := holders(view(), [
            i for i in [*pool, *extra] if not title[2] or names[i][1] == 1.0], title)):
        # "Who is the Senate president?": not a sentence naming "President Donald Trump", but one
        # naming the holder with the title ("the Senate President Bukola Saraki"); asked the title of
        # a named thing, in an article naming it ("who is the ceo of coty": not WeWork's former CEO).
        pool = held + pool
    elif asked == "who" and question_names(question):
        # "Who is Anthropic's new hardware hire?": the best sentence names no one ("Talent moves
        # have drawn more attention to Anthropic's hardware clues"); a runner-up naming someone
        # and every name of the question does ("... by hiring Clive Chan, ...").
        # Only a person named in full: any company, people or place counts as someone for the
        # check, and "Who heads Samsung's foundry business?" would take "For Samsung, if projects
        # with Meta and Anthropic continue ..." (short answer "TSMC") where the seeds name no one;
        # the small model tags "Anthropic" a PERSON there, a first and last name it does not. Only
        # when the question names someone or something the person must be named with: "Who was
        # iron thought to have a lot of?" took "... and Norman Cantor (2001) thought ..." (SQuAD 2.0).
        views = view()
        if not holds_asked_kind("who", question, [views[pool[0]]]):
            own = _own_words(question)
            pool = [i for i in pool if names[i][0] == 1.0 and any(
                label == "PERSON" and b - a >= 2 and _names_more(views[i], a, b, own)
                for a, b, label in views[i].ents)] + pool
    elif (agent := asked_agent(question)) is not None and (views := view()) and acts(views[pool[0]], agent) is False:
        # "When did Anthropic announce its Series H?": not "Micron announced on June 22, ..."
        # (qa.reading.agents); a runner-up where Anthropic announces.
        pool = [i for i in pool if acts(views[i], agent)] + pool
    elif other_owner(question, text[pool[0]]) is not None:
        name = asked_owner(question).split()[0]
        owner = name.casefold()
        if owner in _lower_words(text[pool[0]]):
            pool = [i for i in pool if owner in _lower_words(text[i]) and other_owner(question, text[i]) is None] + pool
        else:  # another company's figure: a runner-up opening with the owner and stating one is the owner's
            pool = [i for i in pool if opens_with(name, text[i]) and re.search(r"\d", text[i])
                    and other_owner(question, text[i]) is None] + pool
    elif (name := (defined := defined_name(question)) or described_person(question)) and (views := view()) and not definition_tokens(
            views[pool[0]], name, (person := not defined)):
        # "What is Jalapeño?": not "Jalapeño has been released and entered testing ...", which says
        # what happened to it; a runner-up saying what it is ("... positioning it as an accelerator
        # for large language model inference"). "Who is Kevin Mayer?": one giving his title.
        pool = [i for i in [*pool, *extra] if definition_tokens(views[i], name, person)] + pool
    return list(dict.fromkeys(pool))
