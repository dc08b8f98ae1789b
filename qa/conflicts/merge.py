"""Pairwise findings merged into conflicts: findings of one kind that share a claim (a sentence, or
a figure in it) are one conflict, with one statement per sentence, ordered by the first statement.

``merge_findings`` merges a list at once. ``MergedConflicts`` keeps the merge of a ``PairCache``'s
pairs from one call to the next and redoes only the groups a changed pair touches: adding one
article to 10,000 re-merged all ~200,000 stored findings (about 5 s) to change a few conflicts.
Each group is merged from its findings in the order a full merge reads them, so the result is the
full merge's (tested on random adds, changes and removals).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .claims import ASSERTED, DENIED, TENTATIVE, UNCONFIRMED, certainty, tokenize
from .sentences import capitals
from ..ingest.text import nfkc
from .pair_rules import PairFinding
from .rules import KINDS, _Finding
from ..ingest.corpus import Document
from ..results import Citation, Conflict

__all__ = ["MERGE_VERSION", "merge_findings", "MergedConflicts"]

MERGE_VERSION = 1  # bump whenever the merge gives other conflicts from the same findings


def _short_id(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def _clip(text: str, words: int = 16) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# A statement: (position of its document, start, end, certainty of the sentence).
_Statement = tuple[int, int, int, int]


def _group(findings: list[_Finding]) -> list[list[int]]:
    """Merge findings of one kind that share a claim (a sentence, or a figure in it): the
    positions of each group's findings."""
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in findings:
        ra, rb = root((f.kind, f.a, f.claim_a)), root((f.kind, f.b, f.claim_b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple, list[int]] = {}
    for n, f in enumerate(findings):
        groups.setdefault(root((f.kind, f.a, f.claim_a)), []).append(n)
    return list(groups.values())


# A figure or date given in this many different sentences that name nothing ("The population was
# 240 at the 2000 census." / "... 2,220 ..." / ...) is a template filled in for many subjects (one
# town each), not sources disagreeing. In the 10,000-article archive, merged conflicts of 4 or more
# such sentences held no planted conflict; of 3, 3 of 20 did.
TEMPLATE_TEXTS = 4


def _nameless(text: str) -> bool:
    """Whether a sentence names nothing past its first word (which is capitalised anyway)."""
    return not capitals(tokenize(nfkc(text))[1:])


def _template(kind: str, texts: Sequence[str]) -> bool:
    """Whether a group's statements are one template filled in for many subjects: at least
    ``TEMPLATE_TEXTS`` different sentences that name nothing, two thirds of its sentences (a page
    may glue a heading or a stray capitalised word before one of them)."""
    if kind not in ("numeric", "date"):
        return False
    distinct = {" ".join(t.split()) for t in texts}
    nameless = sum(_nameless(t) for t in distinct)
    return nameless >= TEMPLATE_TEXTS and 3 * nameless >= 2 * len(distinct)


def _to_conflict(group: list[_Finding], stmts: list[_Statement], docs: Sequence[Document]) -> Conflict | None:
    """The conflict of one group of findings; None for a template filled in for many subjects."""
    kind = group[0].kind
    members = {i for f in group for i in (f.a, f.b)}
    if _template(kind, [docs[stmts[i][0]].raw[stmts[i][1]:stmts[i][2]] for i in members]):
        return None
    score: dict[int, float] = {}
    phrase: dict[int, str] = {}
    for f in sorted(group, key=lambda f: -f.confidence):
        for i, p in ((f.a, f.phrase_a), (f.b, f.phrase_b)):
            score[i] = max(score.get(i, 0.0), f.confidence)
            phrase.setdefault(i, p)
    order = sorted(score, key=lambda i: stmts[i][:2])
    parts = []
    for i in order:
        doc = docs[stmts[i][0]]
        verb = "says"
        if kind == "certainty":
            verb = {ASSERTED: "states", TENTATIVE: "says tentatively", UNCONFIRMED: "calls unconfirmed",
                    DENIED: "disputes"}[_phrase_certainty(phrase[i], stmts[i][3])]
        parts.append(f"{_short_id(doc.doc_id)} {verb} “{_clip(phrase[i])}”")
    statements = []
    for i in order:
        doc, (_, start, end, _) = docs[stmts[i][0]], stmts[i]
        statements.append(Citation(doc.doc_id, doc.title, doc.date, start, end, doc.raw[start:end],
                                   round(float(score[i]), 4), doc.outlet))
    return Conflict(kind, f"{kind.capitalize()} conflict: " + "; ".join(parts), tuple(statements))


def _phrase_certainty(phrase: str, sentence_certainty: int) -> int:
    level = certainty([t.key for t in tokenize(phrase)])
    return level if level != ASSERTED else (ASSERTED if sentence_certainty == ASSERTED else level)


def _merged(found: Sequence[tuple[int, int, PairFinding]], docs: Sequence[Document]
            ) -> list[tuple[Conflict | None, list[int], set[tuple]]]:
    """Each conflict (None: a template, no conflict) with the indices (into ``found``) of its findings and its grouping nodes
    (kind, document position, start, end, claim)."""
    index: dict[tuple[int, int, int], int] = {}
    stmts: list[_Statement] = []

    def statement(doc: int, start: int, end: int, level: int) -> int:
        k = index.get((doc, start, end))
        if k is None:
            k = index[(doc, start, end)] = len(stmts)
            stmts.append((doc, start, end, level))
        return k

    findings = []
    for da, db, f in found:
        ia = statement(da, f.start_a, f.end_a, f.certainty_a)
        ib = statement(db, f.start_b, f.end_b, f.certainty_b)
        findings.append(_Finding(f.kind, ia, ib, f.claim_a, f.claim_b, f.confidence, f.phrase_a, f.phrase_b))
    out = []
    for members in _group(findings):
        group = [findings[n] for n in members]
        nodes = {(f.kind, *stmts[s][:3], c) for f in group for s, c in ((f.a, f.claim_a), (f.b, f.claim_b))}
        out.append((_to_conflict(group, stmts, docs), members, nodes))
    return out


def _ordered(conflicts: list[Conflict], docs: Sequence[Document]) -> list[Conflict]:
    position = {d.doc_id: k for k, d in enumerate(docs)}
    return sorted(conflicts, key=lambda c: (position[c.statements[0].doc_id], c.statements[0].start,
                                            KINDS.index(c.kind), c.summary))


def merge_findings(found: Sequence[tuple[int, int, PairFinding]], docs: Sequence[Document]) -> list[Conflict]:
    """Conflicts from pairwise findings ((position of document a, of document b, finding)):
    findings about the same claim are merged, ordered by their first statement."""
    return _ordered([c for c, _, _ in _merged(found, docs) if c is not None], docs)


class MergedConflicts:
    """``merge_findings`` of a ``PairCache``'s pairs (key "id_a\tfp_a\tid_b\tfp_b" -> findings),
    updated from the last call by re-merging only the groups that changed pairs reach: the groups
    of a changed or removed pair's old findings, and those its new findings' claims join. A
    group's findings are tracked one by one (a pair of documents holding many copies has findings
    in many groups: tracking whole pairs chained every group to every other). Grouping nodes name
    documents by id and fingerprint, so positions may shift between calls. Not thread-safe: the
    caller holds the index lock."""

    def __init__(self) -> None:
        self._pairs: dict[str, tuple] = {}  # the findings merged last time, by pair
        # group -> (its findings as (pair key, index in the pair's tuple), its nodes, its conflict)
        self._groups: dict[int, tuple[list[tuple[str, int]], set[tuple], Conflict | None]] = {}
        self._key_groups: dict[str, set[int]] = {}
        self._node_group: dict[tuple, int] = {}
        self._next = 0
        self._order: list[str] = []  # the documents of the last call, in order
        self._known: set[str] = set()
        self.remerged = 0  # findings re-merged by the last call (a full merge: all of them)

    def merge(self, pairs: Mapping[str, tuple[PairFinding, ...]], docs: Sequence[Document]) -> list[Conflict]:
        ident = [f"{d.doc_id}\t{d.fingerprint}" for d in docs]
        position = {x: k for k, x in enumerate(ident)}
        if [x for x in ident if x in self._known] != [x for x in self._order if x in position]:
            self.__init__()  # documents kept but reordered: statements would order otherwise
        self._order, self._known = ident, set(ident)
        changed = [k for k, v in pairs.items() if self._pairs.get(k) is not v]
        removed = [k for k in self._pairs if k not in pairs]
        groups: set[int] = set()
        for k in [*removed, *changed]:
            groups |= self._key_groups.pop(k, set())
        for k in changed:
            a, b = _halves_of(k)
            for f in pairs[k]:
                for node in ((f.kind, a, f.start_a, f.end_a, f.claim_a), (f.kind, b, f.start_b, f.end_b, f.claim_b)):
                    if node in self._node_group:
                        groups.add(self._node_group[node])
        fresh = set(changed)
        todo = [(k, n) for k in changed for n in range(len(pairs[k]))]
        for g in groups:
            refs, nodes, _ = self._groups.pop(g)
            todo.extend(r for r in refs if r[0] in pairs and r[0] not in fresh)
            for k in {k for k, _ in refs}:
                self._key_groups.get(k, set()).discard(g)
            for node in nodes:
                if self._node_group.get(node) == g:
                    del self._node_group[node]
        # In the order a full merge reads them: by pair of positions, then as the pair found them.
        spots = {k: tuple(position[x] for x in _halves_of(k)) for k in {k for k, _ in todo}}
        todo = sorted(set(todo), key=lambda r: (min(spots[r[0]]), max(spots[r[0]]), r[1]))
        found = [(*spots[k], pairs[k][n]) for k, n in todo]
        for conflict, members, nodes in _merged(found, docs):
            g, self._next = self._next, self._next + 1
            refs = [todo[m] for m in members]
            named = {(kind, ident[d], s, e, c) for kind, d, s, e, c in nodes}
            self._groups[g] = (refs, named, conflict)
            for k in {k for k, _ in refs}:
                self._key_groups.setdefault(k, set()).add(g)
            for node in named:
                self._node_group[node] = g
        self._pairs = dict(pairs)
        self.remerged = len(todo)
        return _ordered([c for _, _, c in self._groups.values() if c is not None], docs)


def _halves_of(key: str) -> tuple[str, str]:
    """The two documents ("id\tfingerprint") of a pair key."""
    cut = key.index("\t", key.index("\t") + 1)
    return key[:cut], key[cut + 1:]
