"""Pairwise findings merged into conflicts: findings of one kind that share a claim (a sentence, or
a figure in it) are one conflict, with one statement per sentence, ordered by the first statement.

``merge_findings`` merges a list at once. ``MergedConflicts`` keeps the merge of a ``PairCache``'s
pairs from one call to the next, or takes it over from the conflicts stored with the index, and
redoes only the conflicts a changed pair reaches: adding one article to 10,000 re-merged all
~200,000 stored findings (about 5 s; 10 s and every finding read on the first add after a
start) to change a few conflicts. Each is merged from its findings in the order a full merge reads
them, so the result is the full merge's (tested on random adds, changes and removals, from a
merge kept in memory and from one taken over after a restart).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .claims import ASSERTED, DENIED, TENTATIVE, UNCONFIRMED, certainty, tokenize
from .sentences import capitals
from ..ingest.text import nfkc
from .copies import CopyIndex
from .pair_rules import PairFinding
from .rules import KINDS, _Finding
from ..ingest.corpus import Document
from ..results import Citation, Conflict

__all__ = ["merge_findings", "MergedConflicts", "is_template"]


def _short_id(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def _clip(text: str, words: int = 16) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# A statement: (position of its document, start, end, certainty of the sentence).
_Statement = tuple[int, int, int, int]


def _group(findings: list[_Finding], canon: Sequence[object] | None = None) -> list[list[int]]:
    """Merge findings of one kind that share a claim (a sentence, or a figure in it): the
    positions of each group's findings. ``canon`` names each statement's sentence (its text, when
    copies of a text are one claim: ``qa.conflicts.copies``; by default the statement itself)."""
    name: Sequence[object] = canon if canon is not None else _Identity()
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in findings:
        ra, rb = root((f.kind, name[f.a], f.claim_a)), root((f.kind, name[f.b], f.claim_b))
        if ra != rb:
            parent[rb] = ra
    groups: dict[tuple, list[int]] = {}
    for n, f in enumerate(findings):
        groups.setdefault(root((f.kind, name[f.a], f.claim_a)), []).append(n)
    return list(groups.values())


class _Identity:
    def __getitem__(self, k: int) -> int:
        return k


def _to_conflict(group: list[_Finding], stmts: list[_Statement], docs: Sequence[Document],
                 copies: CopyIndex | None = None) -> Conflict:
    score: dict[_Statement, float] = {}
    phrase: dict[_Statement, str] = {}
    for f in sorted(group, key=lambda f: -f.confidence):
        for i, p in ((f.a, f.phrase_a), (f.b, f.phrase_b)):
            score[stmts[i]] = max(score.get(stmts[i], 0.0), f.confidence)
            phrase.setdefault(stmts[i], p)
    if copies is not None:  # every copy of a statement's text says what it says (qa.conflicts.copies)
        have = {st[:3] for st in score}
        for st in list(score):
            for c in copies.copies(st):
                if c[:3] not in have:
                    have.add(c[:3])
                    score[c], phrase[c] = score[st], phrase[st]
    order = sorted(score, key=lambda st: st[:2])
    kind = group[0].kind
    parts = []
    for st in order:
        doc = docs[st[0]]
        verb = "says"
        if kind == "certainty":
            verb = {ASSERTED: "states", TENTATIVE: "says tentatively", UNCONFIRMED: "calls unconfirmed",
                    DENIED: "disputes"}[_phrase_certainty(phrase[st], st[3])]
        parts.append(f"{_short_id(doc.doc_id)} {verb} “{_clip(phrase[st])}”")
    statements = []
    for st in order:
        doc, (_, start, end, _) = docs[st[0]], st
        statements.append(Citation(doc.doc_id, doc.title, doc.date, start, end, doc.raw[start:end],
                                   round(float(score[st]), 4), doc.outlet))
    return Conflict(kind, f"{kind.capitalize()} conflict: " + "; ".join(parts), tuple(statements))


def _phrase_certainty(phrase: str, sentence_certainty: int) -> int:
    level = certainty([t.key for t in tokenize(phrase)])
    return level if level != ASSERTED else (ASSERTED if sentence_certainty == ASSERTED else level)


def _merged(found: Sequence[tuple[int, int, PairFinding]], docs: Sequence[Document],
            copies: CopyIndex | None = None) -> list[tuple[Conflict, list[int], set[tuple]]]:
    """Each conflict with the indices (into ``found``) of its findings and its grouping nodes
    (kind, document position, start, end, claim). With ``copies``, the copies of one text are
    one claim, and each conflict cites every copy of its statements' texts."""
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
    canon = None
    if copies is not None:
        canon = [("text", t) if (t := copies.text_at(*st[:3])) >= 0 else k for k, st in enumerate(stmts)]
    out = []
    for members in _group(findings, canon):
        group = [findings[n] for n in members]
        nodes = {(f.kind, *stmts[s][:3], c) for f in group for s, c in ((f.a, f.claim_a), (f.b, f.claim_b))}
        out.append((_to_conflict(group, stmts, docs, copies), members, nodes))
    return out


def _ordered(conflicts: list[Conflict], docs: Sequence[Document]) -> list[Conflict]:
    position = {d.doc_id: k for k, d in enumerate(docs)}
    return sorted(conflicts, key=lambda c: (position[c.statements[0].doc_id], c.statements[0].start,
                                            KINDS.index(c.kind), c.summary))


def merge_findings(found: Sequence[tuple[int, int, PairFinding]], docs: Sequence[Document],
                   copies: CopyIndex | None = None) -> list[Conflict]:
    """Conflicts from pairwise findings ((position of document a, of document b, finding)):
    findings about the same claim are merged, ordered by their first statement; with ``copies``
    (``PairCache.copy_index``), citing every copy of their statements' texts."""
    return _ordered([c for c, _, _ in _merged(found, docs, copies)], docs)


class MergedConflicts:
    """``merge_findings`` of a ``PairCache``'s pairs (key "id_a\tfp_a\tid_b\tfp_b" -> findings),
    updated from the last call by re-merging only the conflicts that changed pairs reach.

    The state is the last result itself (and which findings it merged, by identity), so it can be
    taken over from the conflicts stored with the index (``seed``): after a restart, the first add
    to 10,000 articles merged all ~200,000 findings again (about 10 s) and read every one of them.

    Why re-merging only the reached conflicts gives the full merge: a conflict is one connected
    group of findings of one kind, and its statements are every sentence its findings cite. The
    conflicts reached are those citing a document whose pairs changed or went away, and those of
    the same kind sharing a statement with a new finding; they are closed under "shares a
    statement of the same kind". A kept finding whose two statements both lie in the closed set
    belongs to one of its conflicts, and every finding of those conflicts does, so re-merging
    exactly those findings (with the new ones, in the order a full merge reads them) rebuilds
    those conflicts as a full merge would, and no other conflict can be joined. Not thread-safe:
    the caller holds the index lock."""

    def __init__(self) -> None:
        self._pairs: dict[str, object] = {}  # each pair's findings merged last time (compared by identity)
        self._conflicts: list[Conflict] | None = None  # the last result; None: the next call merges all
        self._order: list[str] = []  # the documents of the last call ("id\tfingerprint"), in order
        self.remerged = 0  # findings re-merged by the last call (a full merge: all of them)

    @property
    def empty(self) -> bool:
        return self._conflicts is None

    def seed(self, conflicts: Sequence[Conflict], pairs: Mapping[str, object], order: Sequence[str]) -> None:
        """Take ``conflicts`` as the merge of ``pairs`` (as they are now: compared by identity next
        time) over the documents ``order``; the caller vouches for it (``PairCache.current``)."""
        self._conflicts, self._pairs, self._order = list(conflicts), dict(pairs), list(order)

    def merge(self, pairs: Mapping[str, object], docs: Sequence[Document],
              found: Callable[[str], tuple[PairFinding, ...]] | None = None,
              copies: CopyIndex | None = None) -> list[Conflict]:
        """The conflicts of ``pairs`` over ``docs``. ``found(key)`` gives a pair's findings (by
        default ``pairs[key]``; ``PairCache`` stores pairs unread until used, see there).
        ``copies``: conflicts cite every copy of their statements' texts (``_merged``); a new
        document holding such a copy then reaches the conflict though none of its pairs does."""
        found = found or pairs.__getitem__  # type: ignore[assignment]
        ident = [f"{d.doc_id}\t{d.fingerprint}" for d in docs]
        position = {x: k for k, x in enumerate(ident)}
        kept = set(self._order)
        if self._conflicts is not None and [x for x in ident if x in kept] != [x for x in self._order if x in position]:
            self._conflicts = None  # documents kept but reordered: statements would order otherwise
        if self._conflicts is None:
            todo = [(k, n) for k in list(pairs) for n in range(len(found(k)))]
            keep: list[Conflict] = []
        else:
            todo, keep = self._reached(pairs, found, self._copied(docs, ident, copies))
        spots = {k: tuple(position[x] for x in _halves_of(k)) for k in {k for k, _ in todo}}
        # In the order a full merge reads them: by pair of positions, then as the pair found them.
        todo = sorted(set(todo), key=lambda r: (min(spots[r[0]]), max(spots[r[0]]), r[1]))
        made = [c for c, _, _ in _merged([(*spots[k], found(k)[n]) for k, n in todo], docs, copies)]
        self._conflicts = _ordered(keep + made, docs)
        self._pairs, self._order = dict(pairs), ident  # after found(): it may have replaced unread values
        self.remerged = len(todo)
        return list(self._conflicts)

    def _copied(self, docs: Sequence[Document], ident: list[str], copies: CopyIndex | None) -> set[int]:
        """The conflicts citing a copy in a document gone or changed since the last call, or a
        text that a document new since then holds (with ``copies``; else none)."""
        if copies is None or not self._conflicts:
            return set()
        kept, now = set(self._order), set(ident)
        gone = {_doc_id(x) for x in self._order if x not in now}
        fresh = set().union(*(copies.texts_of(k) for k, x in enumerate(ident) if x not in kept))
        if not fresh and not gone:
            return set()
        position = {d.doc_id: k for k, d in enumerate(docs)}
        return {i for i, c in enumerate(self._conflicts) if any(
            s.doc_id in gone or (s.doc_id in position and copies.text_at(position[s.doc_id], s.start, s.end) in fresh)
            for s in c.statements)}

    def _reached(self, pairs: Mapping[str, object], found, copied: set[int] = frozenset()  # type: ignore[assignment]
                 ) -> tuple[list[tuple[str, int]], list[Conflict]]:
        """The findings to merge again (pair key, index in the pair's findings) and the conflicts
        kept as they are (``copied``: conflicts reached whatever changed)."""
        conflicts = self._conflicts or []
        at: dict[tuple[str, str, int, int], list[int]] = {}  # (kind, doc id, start, end) -> conflicts
        by_doc: dict[str, set[int]] = {}
        for i, c in enumerate(conflicts):
            for s in c.statements:
                at.setdefault((c.kind, s.doc_id, s.start, s.end), []).append(i)
                by_doc.setdefault(s.doc_id, set()).add(i)
        changed = [k for k, v in pairs.items() if self._pairs.get(k) is not v]
        reached: set[int] = set(copied)
        for k in [*(k for k in self._pairs if k not in pairs), *(k for k in changed if k in self._pairs)]:
            for x in _halves_of(k):  # a pair gone or redone: every conflict citing its documents
                reached |= by_doc.get(_doc_id(x), set())
        todo = []
        for k in changed:
            a, b = (_doc_id(x) for x in _halves_of(k))
            for n, f in enumerate(found(k)):
                todo.append((k, n))
                for node in ((f.kind, a, f.start_a, f.end_a), (f.kind, b, f.start_b, f.end_b)):
                    reached.update(at.get(node, ()))
        frontier = list(reached)
        while frontier:  # closed under "shares a statement of the same kind"
            c = conflicts[frontier.pop()]
            for s in c.statements:
                for j in at[(c.kind, s.doc_id, s.start, s.end)]:
                    if j not in reached:
                        reached.add(j)
                        frontier.append(j)
        stmts = {(conflicts[i].kind, s.doc_id, s.start, s.end) for i in reached for s in conflicts[i].statements}
        cited = {doc for _, doc, _, _ in stmts}
        fresh = set(changed)
        for k in pairs:
            if k in fresh:
                continue
            a, b = (_doc_id(x) for x in _halves_of(k))
            if a in cited and b in cited:
                todo.extend((k, n) for n, f in enumerate(found(k))
                            if (f.kind, a, f.start_a, f.end_a) in stmts and (f.kind, b, f.start_b, f.end_b) in stmts)
        return todo, [c for i, c in enumerate(conflicts) if i not in reached]


def _doc_id(half: str) -> str:
    return half[:half.index("\t")]


# A figure or date given in this many different sentences that name nothing ("The population was
# 240 at the 2000 census." / "... 2,220 ..." / ...) is a template filled in for many subjects (one
# town each), not sources disagreeing. In the 10,000-article archive, merged conflicts of 4 or more
# such sentences held no planted conflict; of 3, 3 of 20 did. The merge keeps such groups (so that
# merging only what changed still equals a full merge); they are left out where conflicts are shown.
TEMPLATE_TEXTS = 4


def _nameless(text: str) -> bool:
    """Whether a sentence names nothing past its first word (which is capitalised anyway)."""
    return not capitals(tokenize(nfkc(text))[1:])


def is_template(c: Conflict) -> bool:
    """Whether a merged conflict is one template filled in for many subjects: a figure or date in
    at least ``TEMPLATE_TEXTS`` different sentences that name nothing, two thirds of its sentences
    or more (a page may glue a heading or a stray capitalised word before one of them)."""
    if c.kind not in ("numeric", "date"):
        return False
    distinct = {" ".join(s.text.split()) for s in c.statements}
    if len(distinct) < TEMPLATE_TEXTS:
        return False
    nameless = sum(_nameless(t) for t in distinct)
    return nameless >= TEMPLATE_TEXTS and 3 * nameless >= 2 * len(distinct)


def _halves_of(key: str) -> tuple[str, str]:
    """The two documents ("id\tfingerprint") of a pair key."""
    cut = key.index("\t", key.index("\t") + 1)
    return key[:cut], key[cut + 1:]
