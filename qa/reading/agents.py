"""Who does what the question asks about: "When did Anthropic announce its Series H?" asks about
Anthropic's announcing, which "Micron announced on June 22, 2026, a strategic agreement with
Anthropic ..." is not (Micron announces; Anthropic is only named). ``qa.reading.prefer`` takes a
runner-up of the top three whose subject of that verb is the asked one ("In May, during its Series
H funding round, Anthropic announced that ..."), and only then: a sentence whose verb has no named
subject ("it announced", "the company said") is left where it ranks.
"""
from __future__ import annotations

import re

from .spanfeatures import stem

__all__ = ["acts", "agent_of", "asked_agent"]

# "When did Anthropic announce ...", "What has Meta ordered ...", "Where will Samsung Foundry build ...":
# an auxiliary, a capitalised name (one to three words), then the verb.
_ASKED = re.compile(r"\s*(?i:when|where|what|why|how|which\s+\w+)\s+"
                    r"((?i:did|does|do|will|would|has|have|had|is|are|was|were))\s+"
                    r"((?:[A-Z][\w.&'’-]*\s+){1,3}?)([a-z]{3,})\b")
_BE = frozenset("is are was were".split())
_NOT_NAMES = frozenset("the a an it its this that these those they he she there".split())


def asked_agent(question: str) -> tuple[str, str] | None:
    """(name, verb stem) of a question asking about what a named party does ("Anthropic",
    stem("announce")), or None."""
    m = _ASKED.match(question)
    if m is None:
        return None
    aux, name, verb = m.group(1).casefold(), m.group(2).strip(), m.group(3).lower()
    if name.split()[0].casefold() in _NOT_NAMES:
        return None
    if aux in _BE and not verb.endswith("ing"):
        # "When was Jalapeño released?": the name is what was released, not who released it
        # ("OpenAI and Broadcom released Jalapeño on June 24, 2026" answers).
        return None
    return name, stem(verb)


def agent_of(v, verb: str) -> str | None:
    """The named subject of the first verb of view ``v`` with stem ``verb``: "Micron" of "Micron
    announced on June 22 ...", "" when that verb's subject is no name ("it announced", "the company
    said"), None when the sentence has no such verb."""
    for k in range(v.n):
        if v.pos[k] not in ("VERB", "AUX") or v.stem[k] != verb:
            continue
        subj = next((s for s in range(v.n) if v.head[s] == k and s != k and v.dep[s] in ("nsubj", "nsubjpass")), None)
        if subj is None or v.pos[subj] != "PROPN":
            return ""
        first = subj
        while first > 0 and v.head[first - 1] == subj and v.dep[first - 1] == "compound":
            first -= 1
        return " ".join(v.text[first:subj + 1])
    return None


def acts(v, agent: tuple[str, str]) -> bool | None:
    """True when the asked party is the named subject of the asked verb in view ``v``, False when
    another named party is, None when the verb is absent or its subject is no name."""
    found = agent_of(v, agent[1])
    if not found:
        return None
    asked = agent[0].split()[0].casefold()
    return asked in found.casefold().split()
