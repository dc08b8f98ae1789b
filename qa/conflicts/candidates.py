"""Which pairs of documents the corpus-wide rules need to look at, without comparing every pair.

``qa.conflicts.pairs.pair_findings`` only ever compares two sentences of two documents that are
(1) similar (cosine >= ``Thresholds.candidate_embedding``), or (2) state the same figure in the
same unit, plus (3) a denial against the closest claim of the other document (cosine >=
``Thresholds.denial_similar``). All three are relations between two sentences that do not depend
on the rest of the corpus, so they can be found from each sentence's side:

1. a nearest-neighbour search (FAISS, inner product) of each distinct sentence text over the
   corpus's distinct texts, keeping hits at or above the threshold, each expanded to the documents
   that hold the text (wire copies: see ``CorpusCandidates``);
2. an inverted index (unit, value rounded as the pair step rounds it) -> sentences;
3. for the few sentences that can be denials, a wider search at the lower threshold; and for every
   sentence that can be a denied claim, a scan of the (few) denial sentences of the corpus.

A document pair with no candidate sentence pair yields nothing in the exhaustive pass either, so
only the others run the rules, on their candidate sentence pairs. Because each relation is
symmetric and corpus-independent, searching only the sentences of an added or changed document
(in both directions: its hits are pairs whichever side was there first) finds the same pairs as a
full rebuild. The caps (``k`` neighbours, ``figure_cap`` postings, ``denial_k``, ``copy_cap``)
bound the work per document; a sentence whose cap is full at the threshold may lose pairs a full
pass would keep, and such sentences are counted (``CandidateStats.capped``) so that it shows.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .claims import DENIED, TENTATIVE
from .found import FoundPairs
from .sentences import _DocSentences

__all__ = ["CandidateSettings", "CandidateStats", "DocRecord", "record_of", "CorpusCandidates", "figure_key"]

# FAISS inner products and numpy's differ in the last bits: search a little below the threshold
# and let the pair step, which recomputes the similarities exactly as the exhaustive pass does,
# keep only what passes.
_SLACK = 1e-4


@dataclass(frozen=True)
class CandidateSettings:
    """How corpus-wide conflicts choose the document pairs they compare."""

    exhaustive: bool = False  # every pair of documents (the reference the candidates are checked on)
    # Nearest distinct texts per sentence text. 16, not 64: on the 10,000-article archive the
    # same conflicts bar the size of census-template groups (templates are not shown), a third fewer
    # sentence pairs; nothing lost on the seeds, SQuAD or RAMDocs (README, "Candidate pairs").
    k: int = 16
    denial_k: int = 128  # ... per sentence that may be a denial (paired at a lower similarity)
    figure_cap: int = 64  # texts stating the same figure paired with one sentence (most similar first)
    # Holders of each text (the first, by position) the rules run on; the merge cites the other
    # copies (CorpusCandidates' notes).
    copy_cap: int = 2
    float16: bool = False  # sentence vectors kept as float16 (half the memory; see README for recall)
    # Analysed documents and single analysed sentences (what a candidate pair reads) kept in
    # memory between pairs, counted in sentences: an analysis holds about 10 KB a sentence in
    # Python objects (measured on SQuAD paragraphs), so ~80 MB.
    lru_sentences: int = 8192
    # A full pass over a large corpus searches an inverted-file index (approximate: ``ivf_probe``
    # of its lists of ~``ivf_list`` sentences each) instead of every sentence, so that the search
    # grows about linearly rather than with the square of the corpus. Below ``ivf_rows`` sentences,
    # and for any search of a few documents (adding one article), the search stays exact.
    ivf_rows: int = 60_000
    ivf_list: int = 256
    ivf_probe: int = 24
    ivf_max_lists: int = 4096


@dataclass
class CandidateStats:
    """What one candidate search did, for tests and the benchmark."""

    searched: int = 0  # sentences searched
    sentence_pairs: int = 0  # candidate sentence pairs handed to the rules
    doc_pairs: int = 0  # candidate document pairs
    capped: int = 0  # sentences whose neighbour or posting cap was full at the threshold
    seconds: float = 0.0  # CPU seconds of building the search and searching (not the rules)


def figure_key(unit: str, value: float) -> tuple[str, float]:
    """The key under which ``pair_findings`` pairs figures (same unit, 3 significant digits)."""
    return unit, float(f"{value:.3g}")


@dataclass(frozen=True)
class DocRecord:
    """What candidate search needs of one document, as arrays (nothing per sentence in Python
    objects, so the whole corpus can stay in memory while the analyses do not)."""

    vecs: np.ndarray  # (n, dim) L2-normalised sentence vectors, float32 or float16
    figures: dict = field(default_factory=dict)  # figure_key -> int32 array of sentence indices
    denial: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # may deny a claim
    claim: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # may be a denied claim
    # A stable hash of each sentence's tokens, -1 for boilerplate: the rules skip a verbatim copy
    # and a citation line, so such pairs need not be handed to them (wire copies are many).
    same: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    # Raw (start, end) of each sentence: what qa.conflicts.records stores to rebuild the record.
    spans: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), np.int64))

    def __len__(self) -> int:
        return len(self.vecs)


def record_of(analysis: _DocSentences, vecs: np.ndarray, float16: bool = False) -> DocRecord:
    figures: dict[tuple[str, float], list[int]] = {}
    for i, s in enumerate(analysis.sents):
        for q in s.quantities:
            if q.unit:
                rows = figures.setdefault(figure_key(q.unit, q.value), [])
                if not rows or rows[-1] != i:
                    rows.append(i)
    # A denial needs two names shared with the claim; names read against a pair of documents are
    # a subset of those read against the document alone, so this keeps every possible denial.
    denial = [i for i, s in enumerate(analysis.sents) if s.certainty == DENIED and len(s.names) >= 2]
    claim = np.array([s.certainty >= TENTATIVE for s in analysis.sents], dtype=bool)
    same = np.array([-1 if s.boilerplate else _stable_hash(s.keys) for s in analysis.sents], dtype=np.int64)
    vecs = np.asarray(vecs, dtype=np.float16 if float16 else np.float32)
    vecs = vecs.reshape(len(analysis.sents), -1) if analysis.sents else vecs.reshape(0, 0)
    spans = np.array([(s.start, s.end) for s in analysis.sents], dtype=np.int64).reshape(-1, 2)
    return DocRecord(vecs, {k: np.array(v, np.int32) for k, v in figures.items()}, np.array(denial, np.int32), claim,
                     same, spans)


def _stable_hash(keys: tuple[str, ...]) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b("\x1f".join(keys).encode(), digest_size=7).digest(), "big")


class CorpusCandidates:
    """Candidate sentence pairs over a corpus of ``DocRecord``s (documents numbered by position).

    Built once per conflict pass from the records (one concatenation of their vectors); ``search``
    then costs, per searched document, its sentences' top-k and its figures' postings.

    **Copies.** News repeats sentences verbatim: in the 10,000-article archive 41% of the
    sentences sit in texts copied at least five times (up to 107; ~50 a text at 100,000). Copies
    never pair with each other (the rules skip a verbatim copy), but searched one row each they
    filled every top-k and pushed the real neighbours out. So the search runs over *distinct*
    texts (``k`` distinct neighbours a text), and a pair of texts (t, u) becomes the document
    pairs of the first ``copy_cap`` holders of t (by position) with the first ``copy_cap`` holders
    of u: a copy says what its text says, so the rules run on a few copies and the merge cites
    every other copy (``qa.conflicts.copies``). The work per pair of texts does not grow with its
    copies. (A star, every holder of t with the first holders of u and back, ran the rules once
    per copy: 2.5 million document pairs and 860,000 findings at 30,000 articles, 4.5 times the
    10,000 archive's, and hours at 100,000.)
    """

    def __init__(self, records: Sequence[DocRecord], settings: CandidateSettings):
        import faiss  # heavy: only when candidates are searched

        self.settings = settings
        self.records = records
        sizes = np.array([len(r) for r in records], dtype=np.int64)
        self.offset = np.concatenate([[0], np.cumsum(sizes)])
        self.row_doc = np.repeat(np.arange(len(records), dtype=np.int32), sizes)
        dim = next((r.vecs.shape[1] for r in records if len(r)), 1)
        self.dim = dim
        self._ivf = None  # built on the first bulk search of a large corpus
        same = np.concatenate([r.same for r in records]) if records else np.zeros(0, np.int64)
        # Distinct texts (boilerplate: none): text of each row, holder rows of each text in row
        # order, and each row's rank among its text's holders.
        ok = np.flatnonzero(same >= 0)
        uniq, first, inverse = np.unique(same[ok], return_index=True, return_inverse=True)
        self.text = np.full(len(same), -1, np.int64)
        self.text[ok] = inverse
        self.holders = ok[np.argsort(inverse, kind="stable")]
        self.holder_start = np.concatenate([[0], np.cumsum(np.bincount(inverse, minlength=len(uniq)))])
        self.rank = np.full(len(same), -1, np.int64)
        self.rank[self.holders] = np.arange(len(self.holders)) - self.holder_start[self.text[self.holders]]
        self.text_rows = ok[first]  # the first holder of each text: its vector is the text's
        if settings.float16:
            # Stored as 16-bit floats by FAISS itself: half the memory of the flat float32 index.
            self.index = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
        else:
            self.index = faiss.IndexFlatIP(dim)
        if len(self.text_rows):
            self.index.add(self._vectors(self.text_rows))
        postings: dict[tuple[str, float], list[np.ndarray]] = {}
        denial_rows = []
        for d, r in enumerate(records):
            for key, sents in r.figures.items():
                postings.setdefault(key, []).append(sents + self.offset[d])
            denial_rows.append(r.denial + self.offset[d])
        self.denial_rows = np.concatenate(denial_rows) if denial_rows else np.zeros(0, np.int64)
        self.denial_vecs = self._vectors(self.denial_rows)
        # Per figure, the distinct texts stating it (a copy adds nothing to pair with).
        self._postings = {}
        for key, parts in postings.items():
            texts = self.text[np.concatenate(parts)]
            self._postings[key] = np.unique(texts[texts >= 0])

    def _bulk(self, query_rows: int):
        """The index a search of ``query_rows`` texts uses: the inverted-file one when the corpus
        is large and the search covers a good part of it (a full pass), else the exact one."""
        st, total = self.settings, self.index.ntotal
        if total < st.ivf_rows or query_rows * 8 < total:
            return self.index
        if self._ivf is None:
            import faiss

            nlist = max(1, min(st.ivf_max_lists, total // st.ivf_list))
            quantizer = faiss.IndexFlatIP(self.dim)
            if st.float16:
                ivf = faiss.IndexIVFScalarQuantizer(quantizer, self.dim, nlist, faiss.ScalarQuantizer.QT_fp16,
                                                    faiss.METRIC_INNER_PRODUCT)
            else:
                ivf = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
            # k-means on an evenly spaced sample (FAISS asks for ~40 points a list): seeded, so the
            # same corpus gives the same lists and the same candidates.
            sample = self._vectors(self.text_rows[np.arange(0, total, max(1, total // (40 * nlist)))])
            ivf.cp.seed = 1234
            ivf.train(sample)
            del sample
            for start in range(0, total, 65536):
                ivf.add(self._vectors(self.text_rows[start:start + 65536]))
            ivf.nprobe = min(nlist, st.ivf_probe)
            self._ivf = ivf
        return self._ivf

    def _vectors(self, rows) -> np.ndarray:
        """float32 vectors of corpus rows, gathered from the records (a concatenated copy of every
        record's vectors held 195 MB more at 10,000 articles)."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return np.zeros((0, self.dim), np.float32)
        docs = self.row_doc[rows]
        local = rows - self.offset[docs]
        return np.stack([self.records[d].vecs[i] for d, i in zip(docs.tolist(), local.tolist())]).astype(np.float32)

    def _locate(self, row: int) -> tuple[int, int]:
        d = int(self.row_doc[row])
        return d, int(row - self.offset[d])

    def _text_neighbours(self, texts: np.ndarray, candidate: float, stats: CandidateStats) -> dict[int, np.ndarray]:
        """The distinct texts at or above ``candidate`` of each of ``texts``, at most ``k`` each,
        most similar first. Many texts in one search: FAISS answers a batch with one matrix
        product, where one small query at a time leaves it mostly waiting on its threads."""
        k, total = self.settings.k, self.index.ntotal
        index = self._bulk(len(texts))
        out: dict[int, np.ndarray] = {}
        width = min(total, k + 1)  # the text itself comes back too
        for start in range(0, len(texts), 4096):
            batch = texts[start:start + 4096]
            sims, hits = index.search(self._vectors(self.text_rows[batch]), width)
            for t, srow, hrow in zip(batch.tolist(), sims, hits):
                above = (srow >= candidate - _SLACK) & (hrow >= 0)
                found = hrow[above & (hrow != t)][:k]
                out[t] = found
                # Every hit still at the threshold: more neighbours may lie beyond the cap.
                stats.capped += bool(above.all()) and width < total
        return out

    def _first(self, rows: np.ndarray) -> np.ndarray:
        """Which corpus ``rows`` are among the first ``copy_cap`` holders of their text (or
        boilerplate, which has no copies)."""
        rows = np.asarray(rows, dtype=np.int64)
        return (self.rank[rows] < self.settings.copy_cap) if len(rows) else np.zeros(0, bool)

    def _star(self, d: int, i: int, row: int, u: int, add) -> None:
        """Document ``d``'s sentence ``i`` (corpus row ``row``), when among the first ``copy_cap``
        holders of its text, paired with the first ``copy_cap`` holders of text ``u`` outside
        ``d``; a later copy is not paired at all (see the class notes)."""
        if self.rank[row] >= self.settings.copy_cap:
            return
        hs = self.holders[self.holder_start[u]:self.holder_start[u + 1]]
        hs = hs[self.row_doc[hs] != d][: self.settings.copy_cap]
        for r in hs.tolist():
            e = int(self.row_doc[r])
            add(d, i, e, r - int(self.offset[e]))

    def _denials_of_claims(self, docs: list[int], denial_similar: float) -> dict[int, list[tuple[int, int]]]:
        """Document -> (claim sentence, denial column) of each of ``docs``' claims (first holders
        of their text) against the corpus's denials (first holders too), in sentence then denial
        order. One matrix product per 4,096 claims: one per document (10 claims against ~140
        denials at 10,000 articles) spent a seventh of the conflict pass in BLAS call overhead."""
        out: dict[int, list[tuple[int, int]]] = {}
        if not len(self.denial_rows) or not np.isfinite(denial_similar):
            return out
        columns = np.flatnonzero(self._first(self.denial_rows))
        if not len(columns):
            return out
        dv = self.denial_vecs[columns]
        owner, sent = [], []
        for d in docs:
            claims = np.flatnonzero(self.records[d].claim)
            claims = claims[self._first(claims + int(self.offset[d]))]
            owner.append(np.full(len(claims), d, np.int64))
            sent.append(claims.astype(np.int64))
        if not owner:
            return out
        owner, sent = np.concatenate(owner), np.concatenate(sent)
        rows = sent + self.offset[owner]
        for start in range(0, len(rows), 4096):
            hit = (self._vectors(rows[start:start + 4096]) @ dv.T) >= denial_similar - _SLACK
            for r, c in zip(*np.nonzero(hit)):
                k = start + int(r)
                out.setdefault(int(owner[k]), []).append((int(sent[k]), int(columns[c])))
        return out

    def search(self, docs: Iterable[int], candidate: float, denial_similar: float,
               stats: CandidateStats | None = None) -> FoundPairs:
        """Candidate sentence pairs between each of ``docs`` and every other document, keyed by
        (first document, second document) positions with first < second, sentences likewise
        (held as columns of integers: ``qa.conflicts.found``)."""
        st = self.settings
        stats = stats if stats is not None else CandidateStats()
        out = FoundPairs()
        add = out.add

        docs = [d for d in docs if len(self.records[d])]
        rows = (np.concatenate([np.arange(self.offset[d], self.offset[d + 1]) for d in docs]) if docs
                else np.zeros(0, np.int64))
        texts = self.text[rows]
        near = self._text_neighbours(np.unique(texts[texts >= 0]), candidate, stats)
        for row, t in zip(rows.tolist(), texts.tolist()):
            if t >= 0:
                d, i = self._locate(row)
                for u in near[t].tolist():
                    self._star(d, i, row, u, add)
        denied = self._denials_of_claims(docs, denial_similar)
        for d in docs:
            rec = self.records[d]
            n = len(rec)
            stats.searched += n
            base = int(self.offset[d])
            # Denials pair with claims at a lower similarity: a wider search for the few
            # sentences that may be one (over distinct texts, every holder), and every claim is
            # scanned against the corpus's denials.
            # Copies as for neighbours: the first ``copy_cap`` holders of each side's text only.
            denial = rec.denial[self._first(rec.denial + base)]
            if len(denial):
                width = min(self.index.ntotal, st.denial_k + 1)
                dsims, dhits = self.index.search(self._vectors(denial + base), width)
                for i, srow, hrow in zip(denial.tolist(), dsims, dhits):
                    # Its own text's copies cannot deny it (the rules skip a verbatim copy).
                    keep = hrow[(srow >= denial_similar - _SLACK) & (hrow >= 0) & (hrow != self.text[base + i])]
                    stats.capped += len(keep) == width and width < self.index.ntotal
                    for u in keep.tolist():
                        for r in self.holders[self.holder_start[u]:self.holder_start[u + 1]][:st.copy_cap].tolist():
                            e, j = self._locate(r)
                            if e != d:
                                add(d, i, e, j, denial=True)
            for i, c in denied.get(d, ()):
                e, j = self._locate(int(self.denial_rows[c]))
                if e != d:
                    add(d, i, e, j, denial=True)
            # Figures stated in the same unit: the distinct texts stating each of the document's
            # figures, most similar first past ``figure_cap``, paired as a star like neighbours.
            for key, sents in rec.figures.items():
                posted = self._postings[key]
                for i in sents.tolist():
                    t = int(self.text[base + i])
                    if t < 0:
                        continue
                    chosen = posted[posted != t]
                    if len(chosen) > st.figure_cap:
                        stats.capped += 1
                        sim = self._vectors(self.text_rows[chosen]) @ self._vectors([base + i])[0]
                        chosen = chosen[np.argsort(-sim, kind="stable")[: st.figure_cap]]
                    for u in chosen.tolist():
                        self._star(d, i, base + i, u, add)
        stats.doc_pairs += len(out)
        stats.sentence_pairs += out.sentence_pairs
        return out
