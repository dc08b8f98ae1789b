"""The pair findings of ``conflict_findings.json`` as read, each pair checked when first used.

Checking and building every stored finding took ~6 s of the first add after a start at 10,000
articles (~200,000 findings), and reading and writing the 37 MB JSON object back ~7 s more, to
use the findings of a few dozen pairs: the merge (``qa.conflicts.merge``) re-reads only the
conflicts an added article reaches. So the file holds one line per pair after a header line
(``{"stamp": ..., "format": "lines"}``), each ``"key"<TAB>[rows]`` (both JSON), and a pair's
findings stay ``Unread`` (their JSON text) until ``PairCache.found`` or ``PairCache.pairs`` needs
them; an unread pair is written back as the line it was. A damaged row found then makes the cache
recompute everything, as a damaged file found at load always did (``FindingsUnreadable``). A
file of the earlier layout (one JSON object, ``{"stamp", "pairs"}``) is still read.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from .records import checked_finding, checked_key

FINDINGS_FILE = "conflict_findings.json"

__all__ = ["FINDINGS_FILE", "Unread", "FindingsUnreadable", "StoredPairs", "read_pairs", "findings_text", "read_findings_file"]


class FindingsUnreadable(ValueError):
    """A stored finding is malformed: the stored findings cannot be trusted."""


class Unread:
    """One pair's findings as stored (lists of field values), not checked yet."""

    __slots__ = ("rows", "line")

    def __init__(self, rows: list | str, line: str | None = None):
        self.rows = rows  # the rows, or their JSON text
        self.line = line  # the file's line of this pair, written back as it was

    def findings(self) -> tuple:
        """The checked findings (ValueError, TypeError: a row is malformed)."""
        rows = json.loads(self.rows) if isinstance(self.rows, str) else self.rows
        if not isinstance(rows, list):
            raise TypeError("a pair's findings are not a list")
        return tuple(checked_finding(r) for r in rows)

    def text(self) -> str:
        return self.rows if isinstance(self.rows, str) else json.dumps(self.rows, ensure_ascii=False)


class StoredPairs:
    """The pair table of ``PairCache``: ``_pairs`` (key -> findings, or ``Unread``), and
    ``_stored_pairs``, what was loaded and not looked at yet (the findings file's stamp, or the
    pairs themselves), turned into ``_pairs`` on first use."""

    _pairs: dict
    _stored_pairs: object
    _dir: Path | None
    settled: set[str]
    covered: set[str]
    dirty: bool

    @property  # every pair's findings, checked (a start that trusts the stored conflicts never
    def pairs(self) -> dict[str, tuple]:  # reads them; an add reads a few: ``found``)
        stored = self.pairs_as_read
        if getattr(self, "_pairs_checked", False) and stored is self._pairs:
            return self._pairs  # checked since it was last replaced: no pass over every pair
        try:
            for k, v in list(stored.items()):
                if isinstance(v, Unread):
                    stored[k] = v.findings()
        except (TypeError, ValueError):  # a damaged finding: recompute
            self._unreadable()
        # Checked once, not at every look-up: a pass over every pair at each of the exhaustive
        # search's n^2 / 2 look-ups made it cubic (3 minutes for 200 documents in a test).
        self._pairs_checked = True
        return self._pairs

    @pairs.setter
    def pairs(self, value: dict[str, tuple]) -> None:
        self._pairs, self._stored_pairs = value, None
        self._pairs_checked = False  # the new table may hold unread pairs

    @property
    def pairs_as_read(self) -> dict[str, tuple | Unread]:
        """The pairs, with the findings of stored pairs not used yet left ``Unread`` (the
        conflict merge reads a pair's findings through ``found``; identity tells it what changed)."""
        if self._stored_pairs is not None:
            raw, self._stored_pairs = self._stored_pairs, None
            try:
                self._pairs = read_pairs(raw, self._dir, FINDINGS_FILE)  # type: ignore[assignment]
                self._pairs_checked = False
            except (KeyError, TypeError, AttributeError, ValueError, OSError):  # missing or other: recompute
                self._unreadable()
        return self._pairs  # type: ignore[return-value]

    def found(self, key: str) -> tuple:
        """The findings of pair ``key``, checked on first use (FindingsUnreadable: a damaged one;
        the cache then holds nothing and recomputes every pair)."""
        got = self.pairs_as_read[key]
        if isinstance(got, Unread):
            try:
                got = self._pairs[key] = got.findings()
            except (TypeError, ValueError):
                self._unreadable()
                raise FindingsUnreadable(key) from None
        return got

    def _unreadable(self) -> None:
        self._pairs, self.settled, self.covered, self.dirty = {}, set(), set(), True
        self._stored_pairs = None



def read_pairs(raw: str | dict, directory: Path | None, findings_file: str) -> dict[str, Unread]:
    """The pairs of ``raw``: the findings themselves, or the stamp of the findings file in
    ``directory`` to read them from. ValueError, TypeError, KeyError, OSError: unusable."""
    if isinstance(raw, str):
        text = (Path(directory or ".") / findings_file).read_text("utf-8")
        cut = text.find("\n")
        head = json.loads(text if cut < 0 else text[:cut])
        if head["stamp"] != raw:
            raise ValueError("findings saved with another cache file")
        if head.get("format") == "lines":
            out = {}
            for line in text[cut + 1:].split("\n") if cut >= 0 else ():
                key, rows = line.split("\t", 1)  # a JSON string holds no raw tab
                out[checked_key(_key_of(key))] = Unread(rows, line)
            return out
        raw = head["pairs"]  # the earlier layout: one JSON object
    out = {}
    for k, v in raw.items():  # type: ignore[union-attr]
        if not isinstance(v, list):
            raise TypeError("a pair's findings are not a list")
        out[checked_key(k)] = Unread(v)
    return out


def _key_of(text: str) -> str:
    """A pair key from its JSON string. Keys hold three tabs, written as the escape \\t; when
    those are the only escapes the text between the quotes is the key with them restored (json.loads
    of the ~44,700 keys of 10,000 articles took ~0.5 s)."""
    if len(text) > 1 and text[0] == text[-1] == '"' and text.count("\\") == text.count("\\t") == 3 \
            and '"' not in text[1:-1]:
        return text[1:-1].replace("\\t", "\t")
    return json.loads(text)


def findings_text(pairs: Mapping[str, object], done: dict[str, tuple[object, str]], stamp: str,
                  row: Callable[[object], list]) -> tuple[str, dict[str, tuple[object, str]]]:
    """The findings file's text and the kept line of each pair (``done``: key -> (the findings
    the line was made from, the line), reused while a pair holds the same object: a save after
    adding one article to 10,000 wrote all ~200,000 findings again, 2-4 s). Unread pairs are
    written as they were read; ``row`` turns a finding into its list of field values."""
    for k, v in pairs.items():
        if done.get(k, (None,))[0] is not v:
            if isinstance(v, Unread) and v.line is not None:
                done[k] = (v, v.line)
                continue
            rows = v.text() if isinstance(v, Unread) else json.dumps([row(f) for f in v], ensure_ascii=False)  # type: ignore[attr-defined]
            done[k] = (v, f"{json.dumps(k, ensure_ascii=False)}\t{rows}")
    if len(done) != len(pairs):
        done = {k: done[k] for k in pairs}
    head = json.dumps({"stamp": stamp, "format": "lines"})
    return "\n".join([head, *(line for _, line in done.values())]), done


def read_findings_file(path: Path) -> dict:
    """The findings file as ``{"stamp", "pairs": {key: rows}}`` whatever its layout (tests, tools)."""
    text = Path(path).read_text("utf-8")
    cut = text.find("\n")
    head = json.loads(text if cut < 0 else text[:cut])
    if head.get("format") != "lines":
        return head
    rows = (line.split("\t", 1) for line in text[cut + 1:].split("\n")) if cut >= 0 else ()
    return {"stamp": head["stamp"], "pairs": {json.loads(k): json.loads(v) for k, v in rows}}
