"""Corpus-wide conflicts computed one pair of documents at a time, so that adding or changing one
document re-runs only the pairs it is in. Every rule of ``qa.conflicts.rules`` compares two sentences of two documents, and what a sentence
says is read from its own document (``qa.conflicts.sentences._analyse``; only which capitalised
words count as names is read against both documents). The findings of a pair therefore depend on
those two documents alone, and ``PairCache`` keeps them keyed by both documents' ids and
fingerprints (sha256 of the bytes): a full computation and an incremental one give the same
conflicts by construction. Only the document pairs with a candidate sentence pair
(``qa.conflicts.candidates``: nearest sentences, figures in the same unit, denials) run, on those
sentence pairs; ``CandidateSettings(exhaustive=True)`` runs every pair. The cache is two JSON
files beside the index, each written atomically: ``conflict_pairs.json`` (settings, the documents
whose sentences were searched, the stamp of the findings file) and ``conflict_findings.json`` (the
non-empty findings per pair, read only when a pair is needed); findings of other rules (``RULES_VERSION``), thresholds or candidate settings are dropped.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields
from operator import attrgetter
from pathlib import Path

import numpy as np

from .candidates import CandidateSettings, CandidateStats, DocRecord, record_of
from .copies import CopyIndex
from .pair_rules import PairFinding, _run_only, _run_pair, pair_findings
from .records import checked_ident as _checked_ident, checked_key as _checked_key, halves as _halves
from .rules import Thresholds
from .merge import MergedConflicts
from .pair_reader import SentenceReader
from .stored_pairs import FINDINGS_FILE, StoredPairs, findings_text
from .sentences import Encoder, _DocSentences
from ..ingest.corpus import Document
from ..ingest.text import nfkc

__all__ = ["RULES_VERSION", "ANALYSIS_VERSION", "PAIRS_FILE", "PairFinding", "PairCache", "pair_findings"]

RULES_VERSION = 11  # bump whenever a rule or the sentence analysis changes what a pair yields
ANALYSIS_VERSION = 8  # only when the analysis changes: stored analyses and records outlive new rules
PAIRS_FILE = "conflict_pairs.json"
_fields = attrgetter(*(f.name for f in fields(PairFinding)))  # (astuple took 20 s at 10k articles)


class PairCache(StoredPairs):
    """Findings per pair of documents, reused while both documents keep their bytes.

    By default only the document pairs with a candidate sentence pair (``qa.conflicts.candidates``)
    run the rules; ``CandidateSettings(exhaustive=True)``, or a run without an encoder (whose
    tf-idf similarities exist only per pair), runs every pair. In candidate mode the cache keeps,
    besides the findings of each pair (only the non-empty ones), which documents have had their
    sentences searched (``settled``, by id and fingerprint): a pair of settled documents absent from
    ``pairs`` has no finding. A new or changed document is searched against the whole corpus, so
    its pairs with old documents are found from its side (the relations are symmetric).

    ``computed`` counts the document pairs run and ``examined`` the sentence pairs the rules saw,
    since the cache was made. Not thread-safe: the caller holds the index lock.
    """

    def __init__(self, thresholds: Thresholds | None = None, model: str = "",
                 candidates: CandidateSettings | None = None):
        self.thresholds = thresholds
        self.model = model  # findings depend on the encoder's vectors: another model, other findings
        self.candidates = candidates or CandidateSettings()
        self.pairs = {}  # (the property below)
        self.settled: set[str] = set()  # "doc_id\tfingerprint" of documents searched for candidates
        self.covered: set[str] = set()  # exhaustive mode: the documents of the last full pass
        # The index manifest's checksum of the conflicts file made from these findings (set by
        # the caller once the index is saved): a load that matches it need not merge them again.
        self.conflicts_sha: str | None = None
        self.computed = self.examined = 0
        self.stats, self.dirty = CandidateStats(), False  # of the last search; changed since saved
        self._settings: str | None = None  # the thresholds the stored findings were made with
        self._vectors: dict[str, np.ndarray] = {}  # exhaustive mode: by fingerprint
        self._records: dict[str, DocRecord] = {}  # candidate mode: arrays only, by fingerprint
        # Records stored beside the index (qa.conflicts.records), read when a record is first
        # missing: after a restart, one added document must not analyse the whole corpus again.
        self._dir: Path | None = None
        self._stored = None  # RecordTable, or False once known to be absent
        self._records_changed = False
        # Analyses, single sentences and lower-case words, read in bounded memory (pair_reader).
        self.reader = SentenceReader(self.candidates.lru_sentences)
        self.merged = MergedConflicts()  # find_conflicts' merge of ``pairs``, kept up to date
        self._pair_text: dict[str, tuple[tuple, str]] = {}  # each pair's findings as saved (_text)
        self._verdicts: dict[int, tuple] = {}  # the rules' verdict per pair of texts (_run_only)

    # ------------------------------------------------------------------ computing

    def findings(self, docs: Sequence[Document], encode: Encoder | None = None,
                 on_pair: Callable[[str, str], None] | None = None, flat: bool = True) -> list[tuple[int, int, PairFinding]]:
        """(position of the first document, of the second, finding) for every pair of ``docs``;
        pairs not cached are computed (``on_pair(doc_id_a, doc_id_b)`` is called for each).
        ``flat=False``: compute only (``pairs`` then holds every finding), return nothing."""
        th, exhaustive, settings = self._mode(encode is not None)
        if settings != self._settings:
            self.pairs_as_read.clear()
            self.settled.clear()
            self.covered.clear()
            self._settings = settings
            self.dirty = True
        live = {d.fingerprint for d in docs}
        # The exhaustive pass reads every document against every other: it keeps every analysis.
        self.reader.bounded = not exhaustive
        if exhaustive:
            out = self._all_pairs(docs, encode, th, on_pair)
        else:
            out = self._candidate_pairs(docs, encode, th, on_pair, flat)
        # Forget what belongs to documents that are gone or changed.
        self.reader.forget(live)
        self._vectors = {k: v for k, v in self._vectors.items() if k in live}
        if len(self._records) != len(live & self._records.keys()):
            self._records = {k: v for k, v in self._records.items() if k in live}
            self._records_changed = True
        return out

    def _mode(self, encoded: bool) -> tuple[Thresholds, bool, str]:
        """The thresholds, whether every pair runs, and the settings string findings are made with."""
        th = self.thresholds or (Thresholds() if encoded else Thresholds.lexical())
        exhaustive = self.candidates.exhaustive or not encoded
        c = self.candidates
        # "copies": only the first holders of a text pair (CorpusCandidates); stars made before differ.
        mode = None if exhaustive else [c.k, c.denial_k, c.figure_cap, c.float16, c.copy_cap, "copies"]
        settings = json.dumps([RULES_VERSION, self.model if encoded else None, asdict(th), mode],
                              sort_keys=True, default=sorted)
        return th, exhaustive, settings

    def current(self, docs: Sequence[Document], conflicts_sha: str | None, encoded: bool = True) -> bool:
        """Whether conflicts stored with ``conflicts_sha`` (the index manifest's checksum of its
        conflicts file) are what ``findings`` would merge for ``docs``: made by this cache, with
        these settings, for exactly these documents. Costs one look-up per document, so a load
        that trusts the stored conflicts never touches the pairs (in exhaustive mode, N(N-1)/2)."""
        return self._current({f"{d.doc_id}\t{d.fingerprint}" for d in docs}, conflicts_sha, encoded)

    def _current(self, idents: set[str], conflicts_sha: str | None, encoded: bool) -> bool:
        if conflicts_sha is None or conflicts_sha != self.conflicts_sha:
            return False
        if self._mode(encoded)[2] != self._settings:
            return False
        if self.candidates.exhaustive or not encoded:
            return idents == self.covered
        return idents == self.settled

    def _all_pairs(self, docs, encode, th, on_pair) -> list[tuple[int, int, PairFinding]]:
        keys = {}
        out: list[tuple[int, int, PairFinding]] = []
        for i, a in enumerate(docs):
            for j in range(i + 1, len(docs)):
                b = docs[j]
                key = f"{a.doc_id}\t{a.fingerprint}\t{b.doc_id}\t{b.fingerprint}"
                keys[key] = None
                found = self.pairs.get(key)
                if found is None:
                    if on_pair is not None:
                        on_pair(a.doc_id, b.doc_id)
                    self.computed += 1
                    self.dirty = True
                    got, seen = _run_pair(self.reader.analysis(a), self.reader.analysis(b), self._vecs(a, encode),
                                          self._vecs(b, encode), th)
                    self.examined += seen
                    found = self.pairs[key] = tuple(got)
                out.extend((i, j, f) for f in found)
        if len(keys) != len(self.pairs) or self.settled:
            self.pairs = {k: self.pairs[k] for k in keys}
            self.settled = set()
            self.dirty = True
        covered = {f"{d.doc_id}\t{d.fingerprint}" for d in docs}
        if covered != self.covered:
            self.covered, self.dirty = covered, True
        return out

    def _candidate_pairs(self, docs, encode, th, on_pair, flat: bool = True) -> list[tuple[int, int, PairFinding]]:
        ident = [f"{d.doc_id}\t{d.fingerprint}" for d in docs]
        live = set(ident)
        kept = {k: v for k, v in self.pairs_as_read.items() if _halves(k) <= live}
        if len(kept) != len(self._pairs) or not self.settled <= live:
            self.pairs, self.settled, self.dirty = kept, self.settled & live, True
        todo = [p for p, x in enumerate(ident) if x not in self.settled]
        if todo:
            from .candidates import CorpusCandidates

            self.stats = CandidateStats()
            self._stored_records([d for d in docs if d.fingerprint not in self._records], encode)
            records = [self._record(d, encode) for d in docs]
            denial = th.loose_rules and "certainty" in th.enabled
            t = time.process_time()
            found = CorpusCandidates(records, self.candidates).search(
                todo, th.candidate_embedding, th.denial_similar if denial else np.inf, self.stats)
            self.stats.seconds += time.process_time() - t
            # In position order (as items() gives them, one at a time): the analyses LRU then
            # re-analyses 9,722 times on 3,000 recombined SQuAD articles, against 18,237 in a
            # Cuthill-McKee-like locality order (tried, dropped).
            for (i, j), cand in found.items():
                a, b = docs[i], docs[j]
                key = f"{ident[i]}\t{ident[j]}"
                if key in self._pairs:
                    continue
                if on_pair is not None:
                    on_pair(a.doc_id, b.doc_id)
                self.computed += 1
                ra, rb = records[i], records[j]
                if cand.denial and denial:
                    # The denial rule reads every sentence of both documents (few pairs: denials).
                    got, seen = _run_pair(self.reader.whole(a, ra), self.reader.whole(b, rb), self._pair_vecs(a, encode),
                                          self._pair_vecs(b, encode), th, cand.pairs, True)
                else:
                    got, seen = _run_only(
                        lambda k, d=a, r=ra: self.reader.sentence(d, r, k), lambda k, d=b, r=rb: self.reader.sentence(d, r, k),
                        lambda k, d=a, r=ra: self.reader.text(d, r, k), lambda k, d=b, r=rb: self.reader.text(d, r, k),
                        self.reader.lower(a, ra), self.reader.lower(b, rb), self._pair_vecs(a, encode),
                        self._pair_vecs(b, encode), th, cand.pairs, self._verdicts)
                    if len(self._verdicts) > 64 * self.candidates.lru_sentences:
                        self._verdicts.clear()  # ~200 bytes each: ~100 MB at most
                self.examined += seen
                if got:
                    self._pairs[key] = tuple(got)
            self.settled.update(ident[p] for p in todo)
            self.dirty = True
        if not flat:
            return []
        position = {x: p for p, x in enumerate(ident)}
        out = []
        for key, found in self.pairs.items():
            x, y = key.split("\t")[0:2], key.split("\t")[2:4]
            out.append((position["\t".join(x)], position["\t".join(y)], found))
        # The exhaustive pass's order: by pair of positions, then as the pair step found them.
        out.sort(key=lambda r: (min(r[:2]), max(r[:2])))
        return [(i, j, f) for i, j, found in out for f in found]

    def copy_index(self, docs: Sequence[Document], encode: Encoder | None) -> CopyIndex | None:
        """Where each sentence text of ``docs`` is held, for the merge to cite every copy (candidate
        mode runs the rules on the first holders of a text only); None in exhaustive mode, where
        every copy is in pairs of its own."""
        if self._mode(encode is not None)[1]:
            return None
        self._stored_records([d for d in docs if d.fingerprint not in self._records], encode)
        return CopyIndex([self._record(d, encode) for d in docs])

    def analysed(self, doc: Document) -> _DocSentences | None:
        """The analysis of ``doc`` this cache made while computing pairs, or None (analyses are
        kept in memory only, so a cache loaded from disk has none). Only reads: the question path
        calls it from any thread."""
        return self.reader.analysed.get(doc.fingerprint)

    def _stored_records(self, docs: Sequence[Document], encode: Encoder) -> None:
        """The stored records of ``docs`` read at once (``RecordTable.get_many``): after a start."""
        if len(docs) < 2 or self._dir is None:
            return
        if self._stored is None:
            from .records import RecordTable

            self._stored = RecordTable.load(self._dir, ANALYSIS_VERSION) or False
        got = self._stored.get_many([(d.fingerprint, d.raw) for d in docs], encode,
                                    self.candidates.float16) if self._stored else None
        for d, rec in zip(docs, got or ()):
            if rec is not None:
                self._records[d.fingerprint] = rec

    def _record(self, doc: Document, encode: Encoder) -> DocRecord:
        got = self._records.get(doc.fingerprint)
        if got is None and self._dir is not None:
            if self._stored is None:
                from .records import RecordTable

                self._stored = RecordTable.load(self._dir, ANALYSIS_VERSION) or False
            if self._stored:
                got = self._stored.get(doc.fingerprint, doc.raw, encode, self.candidates.float16)
                if got is not None:
                    self._records[doc.fingerprint] = got
        if got is None:
            self._records_changed = True
            analysis = self.reader.analysis(doc)
            vecs = np.zeros((0, 0), np.float32)
            if analysis.sents:
                vecs = np.asarray(encode([s.norm for s in analysis.sents]), dtype=np.float32)
            got = self._records[doc.fingerprint] = record_of(analysis, vecs, self.candidates.float16)
        return got

    def _pair_vecs(self, doc: Document, encode: Encoder) -> np.ndarray:
        """float32 vectors for the rules: the record's own, or (float16 records) the encoder's
        again, so that storing vectors in half precision changes only which pairs are found."""
        rec = self._record(doc, encode)
        if rec.vecs.dtype == np.float32 or not len(rec):
            return rec.vecs
        # The sentences' norms from the record's spans, as _analyse reads them, without analysing.
        return np.asarray(encode([nfkc(doc.raw[s:e]) for s, e in rec.spans.tolist()]), dtype=np.float32)

    def _vecs(self, doc: Document, encode: Encoder | None) -> np.ndarray | None:
        if encode is None:
            return None
        got = self._vectors.get(doc.fingerprint)
        if got is None:
            sents = self.reader.analysis(doc).sents
            got = np.zeros((0, 0), np.float32)  # no sentence: the pair step skips the document
            if sents:
                got = np.asarray(encode([s.norm for s in sents]), dtype=np.float32)
            self._vectors[doc.fingerprint] = got
        return got

    @property
    def analyses(self) -> int:  # documents analysed (again, when the LRU had dropped them)
        return self.reader.analyses

    @property
    def sentence_analyses(self) -> int:  # single sentences analysed for a candidate pair
        return self.reader.sentence_analyses

    def current_idents(self, idents: Sequence[str], conflicts_sha: str | None) -> bool:
        """``current`` for documents given as "id\tfingerprint" (an index's manifest), encoded."""
        return self._current(set(idents), conflicts_sha, True)

    def seed_merge(self, conflicts, idents: Sequence[str], conflicts_sha: str | None) -> bool:
        """Take the conflicts stored with the index as this cache's merge (``MergedConflicts.seed``)
        when they are its own (``current``: this cache's checksum of them, settings and documents
        ``idents``, "id\tfingerprint" in the index's order). Returns whether it did."""
        if not self.merged.empty or not self.current_idents(idents, conflicts_sha):
            return False
        self.merged.seed(conflicts, self.pairs_as_read, idents)
        return True

    # ------------------------------------------------------------------ storage

    def to_json(self, pairs: bool = True) -> dict:  # findings never parsed are written as they were read
        out = {"settings": self._settings, "settled": sorted(self.settled), "covered": sorted(self.covered),
               "conflicts_sha": self.conflicts_sha}
        if pairs:
            stored = self._stored_pairs if isinstance(self._stored_pairs, dict) else None
            out["pairs"] = stored or {k: [list(_fields(f)) for f in self.pairs[k]] for k in self.pairs}
        return out

    def _findings_text(self, stamp: str) -> str | None:
        """The findings file's text, each pair's findings serialised once and kept (a save after
        adding one article to 10,000 wrote all ~200,000 findings again, 2-4 s); None when the
        stored file, never read, is still current."""
        if isinstance(self._stored_pairs, str):
            return None
        if self._stored_pairs is not None:  # pairs of the earlier layout, held inline: unread
            self.pairs_as_read  # noqa: B018
        text, self._pair_text = findings_text(self._pairs, self._pair_text, stamp, lambda f: list(_fields(f)))
        return text

    @classmethod
    def from_json(cls, data: dict, thresholds: Thresholds | None = None, model: str = "",
                  candidates: CandidateSettings | None = None) -> "PairCache":
        cache = cls(thresholds, model, candidates)
        try:
            cache._settings = data["settings"]
            # Checked on first use (``pairs``); a saved cache keeps them in their own file, read then.
            cache._stored_pairs = dict(data["pairs"]) if "pairs" in data else str(data["findings"])
            cache.settled = {_checked_ident(x) for x in data.get("settled", ())}
            cache.covered = {_checked_ident(x) for x in data.get("covered", ())}
            cache.conflicts_sha = data.get("conflicts_sha") if isinstance(data.get("conflicts_sha"), str) else None
            if not isinstance(cache._settings, str):
                raise TypeError("settings")
        except (KeyError, TypeError, AttributeError, ValueError):
            return cls(thresholds, model, candidates)  # another layout: start afresh rather than trust it
        return cache

    def save(self, directory: str | Path) -> None:
        """Write ``conflict_pairs.json`` (settings, searched documents) and the findings beside it
        (``conflict_findings.json``, which a start that trusts the stored conflicts never reads),
        each atomically; the findings file first, so the small file names only a complete one."""
        path = Path(directory) / PAIRS_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._dir is not None and Path(directory) != self._dir and isinstance(self._stored_pairs, str):
            self.pairs  # noqa: B018 - the findings live in the other directory: read them to write them
        stamp = self._stored_pairs if isinstance(self._stored_pairs, str) else os.urandom(8).hex()
        findings = self._findings_text(stamp)
        for name, text in ((FINDINGS_FILE, findings), (PAIRS_FILE, json.dumps(
                {**self.to_json(pairs=False), "findings": stamp}, ensure_ascii=False))):
            if text is not None:
                tmp = path.with_name(f".{name}.tmp")
                tmp.write_text(text, "utf-8")
                os.replace(tmp, path.with_name(name))
        self.dirty = False
        # Only a set of records that holds every searched document replaces the stored one (after
        # a restart that changed nothing, the records in memory are few or none).
        held = {k.split("\t")[1] for k in self.settled}
        if self._records_changed and held and held <= self._records.keys():
            from .records import save_records

            save_records(directory, {k: self._records[k] for k in held}, ANALYSIS_VERSION)
            self._records_changed = False
        self._dir = Path(directory)

    @classmethod
    def load(cls, directory: str | Path, thresholds: Thresholds | None = None, model: str = "",
             candidates: CandidateSettings | None = None) -> "PairCache":
        """The cache stored in ``directory``, or an empty one when there is none or it is unreadable
        (it is only a cache: the worst case is recomputing every pair)."""
        try:
            data = json.loads((Path(directory) / PAIRS_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return cls(thresholds, model, candidates)
        if not isinstance(data, dict):
            return cls(thresholds, model, candidates)
        cache = cls.from_json(data, thresholds, model, candidates)
        cache._dir = Path(directory)
        return cache

