"""What an acronym stands for: "What does MTIA stand for?" is answered by a phrase whose words spell
it ("Festival of the Arts (FOTA)", "quantum electrodynamics (or QED)"), not by any sentence that
uses it.

Such a question shares its one rare word with every sentence that uses the acronym, so the word
features rank those first ("MTIA primarily serves Meta's AI recommendations ..."). A sentence that
expands it is found by spelling instead: the acronym's letters, in order, open the words of a
phrase (or the parts of a hyphenated or slashed word: "Command/Service Module"); small function
words may give a letter or be passed over ("Festival of the Arts", "Front Islamique de Salut"), one
other word may be passed over ("Very high-speed Backbone Network Service" for vBNS), and the last
word may give the last letter from inside ("quantum electrodynamics" for QED), as in
Schwartz and Hearst's matching of abbreviations with their definitions. SQuAD's sixteen "stand
for" / "short for" questions are answered by such phrases.

Sentences come as views of their parse (:class:`qa.reading.spanfeatures._View`).
"""
from __future__ import annotations

import re

__all__ = ["acronym_spelt", "asked_acronym", "expansion"]

# "What does MTIA stand for?", "What did the acronym AAP stand for?", "What did the LMP acronym
# stand for ...?", "What is QED short for?"; as users also type it, "What does HBM mean?", "meaning
# of HBM", "HBM meaning", "HBM full form" (only an acronym is asked to be spelt out this way: "What
# does the ruling mean?" asks what follows from it).
_STANDS = re.compile(r"\s*what\s+(?:does|do|did)\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+)?([^\s?]+)\s+"
                     r"(?:acronym\s+|abbreviation\s+)?(?:stand\s+for|mean)\b"
                     r"|\s*what\s+(?:is|was|'s|’s)\s+(?:the\s+)?([^\s?]+)\s+(?:short|an?\s+abbreviation)\s+for\b"
                     r"|\s*(?:what\s+(?:is|'s|’s)\s+)?(?:the\s+)?(?:meaning|full\s+form)\s+of\s+([^\s?]+)\s*\??\s*$"
                     r"|\s*([^\s?]+)\s+(?:meaning|full\s+form|stands\s+for)\s*\??\s*$", re.I)
# Capitals past the first letter: "MTIA", "vBNS", "kAp"; not "Paris" nor "party" ("What does the
# party stand for?" asks for its aims).
_ACRONYM = re.compile(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*")
# Words an expansion may hold without giving a letter ("Festival of the Arts" gives F O T A, but
# "Front Islamique de Salut" gives F I S).
_SMALL = frozenset("of the and for de du des la le les et in on at to a an von van der den di da del y & 's ’s".split())
_MAX_SKIPS = 1  # other words passed over: "Very high-speed Backbone Network Service" (vBNS)


def asked_acronym(question: str) -> str | None:
    """The acronym a "what does X stand for" question asks to expand, or None."""
    m = _STANDS.match(question)
    if not m:
        return None
    word = next(g for g in m.groups() if g).strip("\"'“”‘’()")
    return word if _ACRONYM.fullmatch(word) else None


def _words(v) -> list[list[int]]:
    """The view's words as runs of tokens written together ("high-speed", "Meta's")."""
    out: list[list[int]] = []
    for i in range(v.n):
        if out and out[-1] and v.start[i] == v.end[out[-1][-1]] and not (v.punct[i] and v.text[i] not in "-/&'’"):
            out[-1].append(i)
        elif not v.punct[i] or v.text[i] == "&":
            out.append([i])
        else:
            out.append([])  # other punctuation ends a phrase: "services, advertising" is no expansion
    return out


def _starts(text: str) -> list[str]:
    """The letters that open the parts of a written word: "Command/Service" -> c s,
    "high-speed" -> h s, "BackBone" -> b b."""
    out = []
    for k, c in enumerate(text):
        if c.isalpha() and (k == 0 or not text[k - 1].isalpha() and text[k - 1] not in "'’"
                            or c.isupper() and text[k - 1].islower()):
            out.append(c.lower())
    return out


def expansion(acronym: str, v) -> set[int]:
    """Token positions of a phrase in view ``v`` that spells ``acronym``, or an empty set."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = _words(v)
    texts = ["".join(v.text[i] for i in w) for w in words]
    own = acronym.casefold()

    def match(k: int, w: int, skips: int) -> int | None:
        """The index past the last word when letters[k:] open words[w:], else None."""
        if k == len(letters):
            return w
        if w >= len(words) or not words[w] or texts[w].casefold() == own:
            return None
        low = texts[w].casefold()
        starts = _starts(texts[w])
        if starts and starts[0] == letters[k]:
            # This word gives one letter or more (its parts' first letters) ...
            n = 1
            while True:
                end = match(k + n, w + 1, skips)
                if end is not None:
                    return end
                if n < len(starts) and k + n < len(letters) and starts[n] == letters[k + n]:
                    n += 1
                else:
                    break
            # ... or, as the last word, the one remaining from inside ("electrodynamics"; one only:
            # "third-generation" holds i and a, and is no Meta Training and Inference Accelerator).
            if k + 2 == len(letters) and letters[-1] in low[1:]:
                return w + 1
        if k > 0 and low in _SMALL:
            return match(k, w + 1, skips)
        if k > 0 and skips < _MAX_SKIPS:
            return match(k, w + 1, skips + 1)
        return None

    for first in range(len(words)):
        end = match(0, first, 0)
        if end is not None and sum(1 for w in words[first:end] if w) >= 2:
            return {i for w in words[first:end] for i in w}
    return set()


def acronym_spelt(name: str, v) -> set[int]:
    """For "What is HBM?": the phrase of view ``v`` spelling ``name`` out ("high-bandwidth memory
    (HBM)") when the name is an acronym; it says what the name is, where a sentence merely using
    it says nothing of it. Empty for other names."""
    return expansion(name, v) if name and _ACRONYM.fullmatch(name) else set()
