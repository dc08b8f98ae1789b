"""Does a stored conflict speak to what the question asks (its answer slot)? And small helpers of
the question path (``qa.conflicts.question``).

A certainty conflict ("expected to approach 50 trillion won" / "has reached approximately 50
trillion won") says how sure the sources are of a claim. It answers a question about that claim's
standing ("What is Anthropic's relationship with Samsung's 2nm foundry?", "anthropic samsung 2nm
status", a yes/no question), or a question for a value both statements give ("How large is the
backlog?": the figure itself is asserted by one, expected by the other). A yes/no question keeps
them by closeness, as other stored conflicts. It does not answer a
question for another slot of the same sentences ("Which news outlet reported that Anthropic is in
talks with Samsung?", "When will the foundry turn a profit?"), though those sentences are close to
it: the closeness the other stored conflicts are kept by brought these false alarms.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping

from .answer_facts import _PREFIX, _Q_STOP, DocFacts, Value, _Question
from .claims import stem, tokenize
from .sentences import _Sentence
from .swaps import Swap
from ..ingest.text import nfkc
from ..reading.asked_kind import PEOPLE
from ..reading.descriptions import is_demonym
from ..reading.measured import other_owner, speaker_said
from ..reading.named_amounts import unnamed_amount
from ..reading.makers import ORG_ENDINGS
from ..reading.ownwords import typed_as_keywords
from ..reading.readerfeatures import YES_NO, answer_words
from ..results import Conflict

__all__ = ["certainty_bears", "states_an_answer", "said_by_asked", "asks_standing", "names_subject", "speaks_to_predicate",
           "speaks_to_claim"]

# Words of a question that asks how a claim stands rather than for a value or a name.
_STANDING = re.compile(r"\b(?:relationship|relations|status|standing|dealings|describe[sd]?|situation|"
                       r"progress|state of|true|confirmed|really)\b", re.I)
# A question asking yes or no opens with an auxiliary.
_YES_NO = re.compile(r"\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)
# ... and one whose subject is a story itself ("can the yonhap story on anthropic and samsung be used for
# ai training") asks of the text, not of what it claims, unless it asks whether that is true.
_OF_THE_TEXT = re.compile(r"\s*(?:is|are|was|were|has|have|had|can|could|will|would|should|may|might)\s+(?:the|this|that)\s+"
                          r"(?:[\w'’-]+\s+)?(?:story|article|report|piece|post|text|page|press\s+release)\s+(?:on|about|of)\b", re.I)
_TRUTH = re.compile(r"\b(?:true|accurate|correct|right|wrong|false|reliable|credible|confirmed|verified|sourced|trustworthy)\b", re.I)


def asks_standing(q: _Question) -> bool:
    """Whether the question asks how a claim stands ("relationship", "status", "how do reports
    describe"), or names a topic in keywords ("samsung backlog": no question word, no verb opening
    it, no question mark), which asks for all the sources say of it, or asks yes or no of a claim
    stating no value ("Is Anthropic working with Samsung?": how sure the sources are of it is
    the answer; ``speaks_to_claim`` then keeps the conflicts on that claim only)."""
    return bool(_STANDING.search(q.text)) or q.kind is None and (typed_as_keywords(q.text) or bool(_YES_NO.match(q.text)))


def _read_first(c: Conflict, read: Container[str]) -> list[int]:
    """Positions of ``c``'s statements, those of the documents ``read`` for the question first. The
    checks below stop at the second document that speaks to the question: a conflict among
    hundreds of copies need not have every copy analysed."""
    return sorted(range(len(c.statements)), key=lambda k: c.statements[k].doc_id not in read)


# Words naming the kind of figure asked, not the thing it is of: "worth" of "What is Meta's order
# worth?" is not said beside each source's figure ("Samsung receives 10 trillion won OEM orders").
_FIGURE_KINDS = frozenset(stem(w)[:_PREFIX] for w in "worth value size total amount".split())
# ... nor do these say what a figure is of: a stored figure conflict bears on "price of the disney+ hulu
# espn+ bundle" only where both statements name something of it, not where they give prices of AirPods
# ("Apple AirPods 2 ... for $139" / "... wireless charging case for $150").
MEASURE_WORDS = _FIGURE_KINDS | frozenset(stem(w)[:_PREFIX] for w in """price prices cost costs number percent percentage
    rate share figure sum much many starting age old population distance length height weight area temperature speed
    duration long far tall high big large median average estimated approximate current latest overall reported official
    exact""".split())  # ... nor how sure or how recent the figure is ("the estimated population")


def certainty_bears(c: Conflict, q: _Question, facts_of: Callable[[str], DocFacts | None],
                    close: bool = False, read: Container[str] = (), figure: frozenset[str] = frozenset(),
                    owner: bool = True) -> bool:
    """Whether a stored certainty (or negation) conflict speaks to the question's slot: the question
    asks for the claim's standing, or for a date or figure that the statements of two documents
    give, of the kind asked (an amount in the currency asked, a count for "how many"), in a
    sentence that repeats two words of what is asked ("backlog", "orders" for "How large is the
    foundry's order backlog?") or, with ``close`` (a statement at cosine >= 0.7 with the
    question), in any sentence: a figure of another claim ("2nm") answers another question. Or in a
    sentence stating the ``figure`` the reader answered with (its words): "the total value of
    unfilled long-range contracts at the Korean chipmaker's contract-manufacturing arm" shares no
    word with "backlog orders are expected to approach 50 trillion Korean won", and the answer shown
    is that figure. Asked for an amount by its name (a loss, a profit), the figure must be that
    amount's; with ``owner``, asked for a named owner's thing, not another owner's."""
    if asks_standing(q):
        return True
    if q.kind not in ("date", "number"):
        return False
    fits = _value_fits(q)
    # Two words of what is asked, or the one there is: "How big is Samsung's backlog?" asks for
    # the backlog's size with one word beside its subject and "how big" (the wh-phrase's adjective
    # names the kind of figure, not the thing: it does not count).
    how = re.search(r"\bhow\s+([a-z]+)", q.text, re.I)
    asked = q.predicate - ({stem(how.group(1).lower())[:_PREFIX]} if how else set()) - _FIGURE_KINDS
    needed = 2 if len(asked) >= 2 else 1
    docs = set()
    for k in _read_first(c, read):
        s = c.statements[k]
        f = facts_of(s.doc_id)
        if f is None:
            return True  # unknown documents: nothing is dropped for want of facts
        rows = [i for i, x in enumerate(f.sents) if x.start < s.end and s.start < x.end]
        if any(v.kind == q.kind and fits(v, f.sents[i].raw) for i in rows for v in f.values[i]) and (close or any(
                len({k for k in f.sents[i].keys if q.asks(k)}) >= needed or figure and figure <= answer_words(f.sents[i].raw)
                for i in rows)) and not any(
                # Asked for a loss, the backlog's figure is another amount (reading.named_amounts);
                # asked for Meta's order, Samsung's backlog is another owner's (reading.measured).
                unnamed_amount(q.text, f.sents[i].raw) or owner and other_owner(q.text, f.sents[i].raw) for i in rows):
            docs.add(s.doc_id)
            if len(docs) >= 2:
                return True
    return False


def states_an_answer(c: Conflict, answers: Mapping[str, tuple[float, int, Value]]) -> bool:
    """Whether a stored conflict about a figure is about the figure the question asks for: some
    document's statement (the clause it is shown saying) holds that document's answer to the
    question. One sentence may give two figures ("backlog orders are expected to approach 50
    trillion won, with ... related orders potentially exceeding 10 trillion won"); asked "How big
    is Meta's order with Samsung?", each document answers 10 trillion, so the sources' certainty
    about the 50 trillion backlog is not shown. Without two answering documents nothing is dropped
    for want of answers."""
    answered = {s.doc_id for s in c.statements if s.doc_id in answers}
    if len(answered) < 2:
        return True
    return any(answers[s.doc_id][2].text in nfkc(said) for s, said in zip(c.statements, _phrases(c))
               if s.doc_id in answered)


def said_by_asked(c: Conflict, question: str, facts_of: Callable[[str], DocFacts | None]) -> bool:
    """Whether a statement of ``c`` is the statement a question asking what one party said asks for
    (``measured.speaker_said`` on the sentence holding it): "Did Samsung comment on Anthropic's
    chip plans?" is answered by Samsung's words, and sources disagreeing on whether Anthropic uses
    Samsung's 2nm process do not disagree on them."""
    for st in c.statements:
        f = facts_of(st.doc_id)
        sent = next((x.raw for x in f.sents if x.start <= st.start < x.end), st.text) if f is not None else st.text
        if speaker_said(question, sent):
            return True
    return False


def speaks_to_claim(c: Conflict, q: _Question, facts_of: Callable[[str], DocFacts | None], docs: int,
                    read: Container[str] = ()) -> bool:
    """Whether statements of ``docs`` documents of ``c`` are about the claim a yes/no or standing
    question asks about: the statement repeats a word of what is asked ("backlog" for "Is
    Samsung's backlog confirmed?"), or names every name of a question with two or more, in the
    statement or its sentence ("Anthropic" and "Samsung" for "Has Anthropic confirmed a deal with
    Samsung?"). Read on the clause each statement is shown saying: "long-term backlog
    orders are expected to approach 50 trillion" names neither Anthropic nor a deal, nor says
    anything of a profit, though its sentence names Samsung's foundry. Keywords need every word
    and name of them. A statement giving the figure the question states speaks to it when its
    sentence names the question's names."""
    # The question's names, its first word too when capitalised ("Samsung backlog"): a name is
    # no word of what is asked.
    toks = tokenize(nfkc(q.text))
    capital = [t.text[:1].isupper() and t.key.isalpha() and t.key not in _Q_STOP for t in toks]
    caps = {t.key for t, c in zip(toks, capital) if c}
    names = caps | {k for k in (*q.subject, *q.claimed) if k.isalpha()}
    # Names, not their words: "Samsung Foundry" is one ("Is Samsung Foundry losing money?" names one
    # thing, as "Is Samsung's foundry ...?" does); "Anthropic" and "Samsung" are two, side by side
    # too ("anthropic samsung deal confirmed?"): only an organisation's word ends a name of two.
    runs = len(names) - sum(c and k > 0 and capital[k - 1] and toks[k].key in ORG_ENDINGS for k, c in enumerate(capital))
    named = {stem(k)[:_PREFIX] for k in names}
    # The value a yes/no question states is no word of its claim: "trillion won" of "Has the
    # backlog reached 50 trillion won?" is in every figure of the articles.
    named |= {stem(w.casefold())[:_PREFIX] for m in re.finditer(r"\d[\d.,]*\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?", q.text)
              for w in m.groups() if w}
    # "anthropic chip project progress" asks how a claim stands in its own word: read as a question.
    keywords = q.kind is None and typed_as_keywords(q.text) and not _STANDING.search(q.text)
    yes_no = q.kind is None and not keywords and bool(_YES_NO.match(q.text)) and not _STANDING.search(q.text)
    asked = set(q.predicate) - named
    stated = [n.rstrip(".,") for n in re.findall(r"\d[\d.,]*", q.text)]
    if yes_no and _OF_THE_TEXT.match(q.text) and not _TRUTH.search(q.text):
        return False
    # One name asked yes or no pins no claim (two do): the statements must say most words of it too.
    # "chip" is one of three of "Has Anthropic released specs for its AI chip?", and whether Anthropic
    # uses Samsung's process is another claim; 004's "Claims that Anthropic has contacted Samsung
    # regarding manufacturing collaboration are not well supported" says most of "are the claims that
    # anthropic contacted samsung about manufacturing well sourced" (Samsung is the name it claims).
    one_name = yes_no and bool(asked) and len(names - q.claimed) < 2
    found, covered = set(), set()
    phrases = _phrases(c)
    for k in _read_first(c, read):
        s, said_text = c.statements[k], phrases[k]
        f = facts_of(s.doc_id)
        if f is None:
            return True  # unknown documents: nothing is dropped for want of facts
        keys = {t.key for t in tokenize(nfkc(said_text))}
        near = keys.union(*(x.keys for x in f.sents if x.start < s.end and s.start < x.end))  # and its sentence's
        if keywords:
            # Keywords have no grammar to tell the claim from its setting ("amazon ai chips other
            # than trainium" is not about any claim on chips): every word and every name of them,
            # in the clause or its sentence ("meta samsung order": "Samsung receives 10 trillion
            # won OEM orders from Meta"; not "The current order backlog of Samsung's foundry").
            said = bool(asked) and asked <= {stem(k)[:_PREFIX] for k in near if k.isalpha()} and names <= near
        else:
            said = any(q.asks(k) and stem(k)[:_PREFIX] not in named for k in keys)
        if not said and not keywords and runs >= 2:  # one name is the subject of many claims, two pin one down
            said = names <= keys or any(x.start < s.end and s.start < x.end and names <= set(x.keys) for x in f.sents)
        if not said and stated and all(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", said_text) for n in stated):
            # The figure the question states pins the claim: "Is Meta's order more than 10 trillion
            # won?" over "related orders potentially exceeding 10 trillion Korean won" (its sentence
            # names Meta), not the backlog's "expected to approach 50 trillion won".
            said = names <= near
        if said and yes_no:
            # Asked yes or no, the claim is its names' ("chips" of "Did TSMC make the first MTIA
            # chips?" is in every statement on Anthropic's chips).
            said = names <= near
        if said:
            found.add(s.doc_id)
            covered |= {stem(k)[:_PREFIX] for k in near if k.isalpha()}
            if len(found) >= docs and (not one_name or 2 * len(asked & covered) >= len(asked)):
                return True
    return False


_QUOTED = re.compile(r"“([^”]*)”")


def _phrases(c: Conflict) -> list[str]:
    """What each statement of ``c`` is shown saying: the clause its summary quotes, one per
    statement in order ("... 000 says tentatively “long-term backlog orders are expected to
    approach 50 trillion Korean won”; 001 states “...”"), else its whole sentence."""
    quoted = _QUOTED.findall(c.summary)
    if len(quoted) != len(c.statements):
        return [s.text for s in c.statements]
    return [q.rstrip("…").strip() for q in quoted]


def speaks_to_predicate(c: Conflict, q: _Question, facts_of: Callable[[str], DocFacts | None], docs: int,
                        read: Container[str] = (), ignore: frozenset[str] = frozenset()) -> bool:
    """Whether statements of ``docs`` documents of ``c`` sit in sentences repeating a word of what
    ``q`` asks (its predicate: "respond" in "How did Samsung respond ...?"), not only its subject;
    words of ``ignore`` (stem prefixes) do not count."""
    if not q.predicate - ignore:
        return True
    found = set()
    for k in _read_first(c, read):
        s = c.statements[k]
        f = facts_of(s.doc_id)
        if f is None:
            return True  # unknown documents: nothing is dropped for want of facts
        if any(x.start < s.end and s.start < x.end and any(q.asks(k) and stem(k)[:_PREFIX] not in ignore for k in x.keys)
               for x in f.sents):
            found.add(s.doc_id)
            if len(found) >= docs:
                return True
    return False


_CURRENCY_UNITS = frozenset({"KRW", "USD", "CNY", "EUR", "GBP", "JPY"})


def _value_fits(q: _Question) -> Callable[[Value, str], bool]:
    """Whether a figure is of the kind the question asks: an amount in the currency it names, any
    amount of money for "how much did they invest", a share for a percentage, a bare count for
    "how many"/"what count of"; anything else for a date or another figure."""
    from ..reading.answertype import asked_currency, question_focus, states_currency

    if q.kind != "number":
        return lambda v, raw: True
    currency = asked_currency(q.text)
    if currency:
        return lambda v, raw: states_currency(currency, raw)
    focus = question_focus(q.text)
    unit = lambda v: v.key.split(":", 1)[0]  # noqa: E731
    if focus.type == "MONEY":
        return lambda v, raw: unit(v) in _CURRENCY_UNITS
    if focus.type == "PERCENT":
        return lambda v, raw: unit(v) == "%"
    if focus.wh == "how many" or re.search(r"\b(?:number|count) of\b", q.text, re.I):
        return lambda v, raw: unit(v) == ""
    return lambda v, raw: True


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(texts) -> frozenset[str]:
    """The figures statements give ("2,393", "54.0"), for copies of one statement formatted apart:
    "(54.0/km)" / "( 54.0/km 2 )", or cut short after the first figures."""
    return frozenset(m.group().replace(",", "") for t in texts for m in _FIGURE.finditer(t))


def _fits(swapped: str, q: _Question, sw: Swap, sa: _Sentence, sb: _Sentence) -> bool:
    """Whether swap ``sw`` (between sentences ``sa`` and ``sb``) is of the kind of answer the
    question asks for: any word for "what genre", but not one person described two ways ("the man
    wrote" / "the patient wrote" in two copies of a quote, asked which journal published the case
    report), unless people are asked for ("who", "what profession"); nor what two copies of a
    quote's attribution word apart ("chairman Dan Roe said in the earnings release" / "said CEO Dan
    Roe in the company's news release"), unless the question asks who said what, or where."""
    if not (_PERSON_ASKED | _SAYING) & q.keys and _in_attribution(sa, sw.first_a) and _in_attribution(sb, sw.first_b):
        return False
    if q.kind == "name":
        return swapped == "name" or (q.other and swapped == "word" and not _redescribed(q, sw.text_a, sw.text_b))
    return swapped == q.kind and names_the_measured(q, sa)


def names_the_measured(q: _Question, s: _Sentence) -> bool:
    """Whether sentence ``s`` repeats a word of what a figure question asks the figure of (its
    predicate beyond ``MEASURE_WORDS``): asked the price of a streaming bundle, "Pearbuds 2 ... for
    $139" / "... for $150" give none. True for other questions, for those naming nothing more, and
    for a yes/no question stating its figure ("Is Angermünde 80 km far from Berlin?": "69 km")."""
    topical = measured_words(q)
    return not topical or any(q.asks(w) and stem(w)[:_PREFIX] in topical for w in s.keys)


def measured_words(q: _Question) -> frozenset[str]:
    """What a figure question (not a yes/no one stating its figure) asks the figure of: its
    predicate without ``MEASURE_WORDS`` and the wh-phrase's adjective ("old" of "How old is ...?")."""
    if q.kind != "number" or YES_NO.match(q.text):
        return frozenset()
    how = re.search(r"\bhow\s+([a-z]+)", q.text, re.I)
    return q.predicate - MEASURE_WORDS - ({stem(how.group(1).lower())[:_PREFIX]} if how else set())


_SAYING = frozenset("say says said tell told where release statement".split())
# A quotation's attribution: after the closing mark, the speaker and the verb of saying within a few words.
_ATTRIBUTION = re.compile(r"\s*,?\s*(?:[\w'’.,-]+\s+){0,8}?(?:said|says|told|added|wrote)\b", re.I)


def _in_attribution(s: _Sentence, first: int) -> bool:
    """Whether token ``first`` of sentence ``s`` is in the attribution after a quotation's closing
    mark ("... ,” chairman Dan Roe said in the earnings release.")."""
    at = s.tokens[first].start
    close = max(s.norm.rfind("”", 0, at), s.norm.rfind('"', 0, at))
    if close >= 0 and s.norm[close] == '"' and (close == 0 or s.norm[close - 1].isspace()):
        return False  # a straight mark after a space opens a quotation
    return close >= 0 and _ATTRIBUTION.match(s.norm, close + 1) is not None


# Question words asking for a kind of person, which a person noun answers.
_PERSON_ASKED = frozenset("who whom profession occupation job role title position career rank".split())


def _redescribed(q: _Question, a: str, b: str) -> bool:
    """Whether swapped words ``a`` and ``b`` are both nouns for a person and the question asks for
    no kind of person."""
    return a.casefold() in PEOPLE and b.casefold() in PEOPLE and not _PERSON_ASKED & q.keys


def _components(pairs: list[tuple[str, str]]) -> list[list[str]]:
    adj: dict[str, set[str]] = {}
    for a, b in pairs:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen: set[str] = set()
    out = []
    for start in adj:
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x] - seen:
                seen.add(y)
                stack.append(y)
        out.append(sorted(comp, key=list(adj).index))
    return out


# Documents this long are articles, which name what they are about; a shorter excerpt of a page may
# leave its subject unsaid ("He was born ..."), as RAMDocs' and WikiContradict's passages do.
ARTICLE_SENTENCES = 8


def name_runs(q: _Question) -> list[tuple[str, ...]]:
    """The question's names as runs of adjacent subject words ("Clive Chan", "Anthropic"), words
    of letters only, as token keys."""
    subject, runs, run = set(q.subject), [], []
    for w in re.findall(r"[^\W_][\w'’.-]*", q.text):
        key = re.sub(r"(?:['’]s?|\.)$", "", w.casefold())
        if key in subject and key.isalpha():
            run.append(key)
        elif run:
            runs.append(tuple(run))
            run = []
    return runs + [tuple(run)] * bool(run)


def names_subject(f: DocFacts, q: _Question, origins: bool = True) -> bool:
    """Whether a document may answer the question for its subject: an article that never names
    one of the question's names does not ("Which company's team was Clive Chan part of?" is not
    answered by one never naming him); a name is named by any of its words ("Harman" for "John
    Harman"), in the text or the title. Excerpts shorter than ARTICLE_SENTENCES always may. Without
    ``origins``, an origin word alone is no name to look for ("Chinese" of "Converted to Chinese yuan,
    what's the Meta deal worth?")."""
    if len(f.sents) < ARTICLE_SENTENCES:
        return True
    lead = {t.key for t in f.lead}
    return all(any(w in f.keys or w in lead for w in run) for run in name_runs(q)
               if origins or len(run) > 1 or not is_demonym(run[0].title()))
