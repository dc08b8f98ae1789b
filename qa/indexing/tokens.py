"""The BM25 tokens of every chunk, kept beside the index so that a sync tokenizes new chunks only.

Tokenizing (NFKC, stop words, Snowball stems) costs far more than building the BM25 matrix from
tokens: on a 1,000-article archive it was 98% of the lexical index's rebuild when one article was
added. Tokens are held compactly (one vocabulary, int32 ids, row offsets), not as Python strings
per token, which at 10,000 articles would be millions of objects held for the process's life.

On disk: ``bm25_tokens.g<N>.npz`` (plain arrays, loaded with ``allow_pickle=False``): ``vocab``
(the tokens' UTF-8 bytes joined by newlines; a token never holds whitespace), ``ids``, ``offsets``.
"""
from __future__ import annotations

import hashlib
from array import array
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

__all__ = ["ChunkTokens"]


class ChunkTokens:
    """Token lists of a table of chunks, row-aligned with ``IndexData.chunks``.

    Tables made from one another share a vocabulary whose ids never change: a new table extends a
    copy of its base's vocabulary, so rows taken from the base keep their meaning in it."""

    __slots__ = ("vocab", "ids", "offsets", "_lookup")

    def __init__(self, vocab: list[str], ids: np.ndarray, offsets: np.ndarray):
        self.vocab = vocab
        self.ids = np.asarray(ids, np.int32)
        self.offsets = np.asarray(offsets, np.int64)
        self._lookup: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @classmethod
    def from_lists(cls, lists: Iterable[Sequence[str]], base: "ChunkTokens | None" = None) -> "ChunkTokens":
        """``lists`` may be a generator: ids go into machine-integer arrays (4 bytes a token) as
        they come, not into Python lists of every token of the corpus."""
        return cls._build(lists, base)

    @classmethod
    def from_texts(cls, texts: Iterable[str], tokenize: Callable[[str], list[str]],
                   base: "ChunkTokens | None" = None) -> "ChunkTokens":
        """``from_lists(tokenize(t) for t in texts)``, each distinct text tokenized once: an archive
        republishes wire copies, and tokenizing is most of the lexical index's cost."""
        first: dict[bytes, int] = {}  # a text's digest -> the row that first held it

        def rows():
            for n, text in enumerate(texts):
                row = first.setdefault(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), n)
                yield tokenize(text) if row == n else row

        return cls._build(rows(), base)

    @classmethod
    def _build(cls, rows: Iterable[Sequence[str] | int], base: "ChunkTokens | None") -> "ChunkTokens":
        """A table of ``rows``: token lists, or the number of an earlier row whose tokens repeat."""
        vocab = list(base.vocab) if base is not None else []
        lookup = dict(base.lookup()) if base is not None else {}
        ids, offsets = array("i"), array("q", [0])
        for row in rows:
            if isinstance(row, int):
                ids.extend(ids[offsets[row]:offsets[row + 1]])
            else:
                for t in row:
                    k = lookup.get(t)
                    if k is None:
                        k = lookup[t] = len(vocab)
                        vocab.append(t)
                    ids.append(k)
            offsets.append(len(ids))
        out = cls(vocab, np.frombuffer(ids, np.int32) if ids else np.zeros(0, np.int32), np.frombuffer(offsets, np.int64))
        out._lookup = lookup
        return out

    def lookup(self) -> dict[str, int]:
        if self._lookup is None:
            self._lookup = {t: i for i, t in enumerate(self.vocab)}
        return self._lookup

    def take(self, rows: np.ndarray | Sequence[int]) -> "ChunkTokens":
        rows = np.asarray(rows, np.int64).reshape(-1)
        if len(rows) == len(self.offsets) - 1 and (not len(rows) or (rows[0] == 0 and (np.diff(rows) == 1).all())):
            return self  # every row in order (a sync that only adds): the table as it is
        starts, lens = self.offsets[rows], self.offsets[rows + 1] - self.offsets[rows]
        idx = np.repeat(starts - np.concatenate(([0], np.cumsum(lens)[:-1])), lens) + np.arange(lens.sum())
        offsets = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(lens, out=offsets[1:])
        return ChunkTokens(self.vocab, self.ids[idx], offsets)

    @classmethod
    def concat(cls, parts: Sequence["ChunkTokens"]) -> "ChunkTokens":
        """Rows of ``parts`` one after the other; every part's vocabulary must be a prefix of the
        longest one (tables made from one another, see the class)."""
        vocab = max((p.vocab for p in parts), key=len, default=[])
        for p in parts:
            if p.vocab is not vocab and (len(p.vocab) and p.vocab[-1] != vocab[len(p.vocab) - 1]):
                raise ValueError("chunk tokens made from unrelated vocabularies cannot be joined")
        lens = np.concatenate([np.diff(p.offsets) for p in parts]) if parts else np.zeros(0, np.int64)
        offsets = np.zeros(len(lens) + 1, np.int64)
        np.cumsum(lens, out=offsets[1:])
        ids = np.concatenate([p.ids for p in parts]) if parts else np.zeros(0, np.int32)
        return cls(vocab, ids, offsets)

    def lists(self) -> list[list[str]]:
        """The token lists (strings shared with the vocabulary), for bm25s."""
        words = np.array(self.vocab, dtype=object)[self.ids].tolist() if len(self.ids) else []
        bounds = self.offsets.tolist()
        return [words[a:b] for a, b in zip(bounds[:-1], bounds[1:])]

    def save(self, path: Path) -> None:
        blob = "\n".join(self.vocab).encode("utf-8")
        with open(path, "wb") as f:
            np.savez(f, vocab=np.frombuffer(blob, np.uint8), n_vocab=np.array([len(self.vocab)], np.int64),
                     ids=self.ids, offsets=self.offsets)

    @classmethod
    def load(cls, path: Path, n_chunks: int) -> "ChunkTokens":
        """Raises ValueError when the file does not describe ``n_chunks`` chunks."""
        with np.load(path, allow_pickle=False) as z:
            blob, n_vocab, ids, offsets = z["vocab"].tobytes(), int(z["n_vocab"][0]), z["ids"], z["offsets"]
        vocab = blob.decode("utf-8").split("\n") if n_vocab else []
        if (len(vocab) != n_vocab or len(offsets) != n_chunks + 1 or offsets[0] != 0 or offsets[-1] != len(ids)
                or (len(ids) and (ids.min() < 0 or ids.max() >= n_vocab)) or (np.diff(offsets) < 0).any()):
            raise ValueError(f"{Path(path).name} does not describe {n_chunks} chunks' tokens")
        return cls(vocab, ids, offsets)


def bm25_index(tokens: ChunkTokens):
    """A ``bm25s.BM25`` over ``tokens``, the same matrix and vocabulary ``BM25().index(tokens.lists())``
    builds (Lucene scoring, k1 1.5, b 0.75), computed in whole arrays: bm25s counts each
    document's terms in a Python loop, which was most of the lexical index's rebuild once tokens
    were kept."""
    import bm25s

    bm25 = bm25s.BM25()
    n_docs = len(tokens)
    lens = np.diff(tokens.offsets)
    used = np.nonzero(np.bincount(tokens.ids, minlength=len(tokens.vocab)))[0]  # ids in order, in O(n)
    remap = np.zeros(len(tokens.vocab), np.int64)
    remap[used] = np.arange(len(used))
    term = remap[tokens.ids]
    n_terms = len(used)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lens)
    pairs, tf = np.unique(doc * max(n_terms, 1) + term.reshape(-1), return_counts=True)
    d, t = pairs // max(n_terms, 1), pairs % max(n_terms, 1)
    df = np.bincount(t, minlength=n_terms)
    # As bm25s computes them: idf in double stored as float32, the tf component in double.
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(bm25.dtype)
    avg = lens.mean() if n_docs else 1.0
    tf = tf.astype(bm25.dtype)
    tfc = tf / (bm25.k1 * ((1 - bm25.b) + bm25.b * lens[d] / avg) + tf)
    scores = (idf[t] * tfc).astype(bm25.dtype)
    # (doc, term) pairs come sorted by document: a CSR matrix as they are; scipy turns it into the
    # term columns bm25s reads in linear time (a sort by term would cost more than all the rest).
    import scipy.sparse as sp

    rows = np.zeros(n_docs + 1, np.int64)
    np.cumsum(np.bincount(d, minlength=n_docs), out=rows[1:])
    csc = sp.csr_matrix((scores, t, rows), shape=(n_docs, n_terms)).tocsc()
    csc.sort_indices()
    bm25.scores = {"data": csc.data.astype(bm25.dtype), "indices": csc.indices.astype(bm25.int_dtype),
                   "indptr": csc.indptr.astype(np.int64), "num_docs": n_docs}
    vocab = {tokens.vocab[u]: j for j, u in enumerate(used.tolist())}
    if "" not in vocab:  # bm25s's empty token (a query of stop words only), without a column
        vocab[""] = max(vocab.values()) + 1 if vocab else 0
    bm25.vocab_dict = vocab
    bm25.unique_token_ids_set = set(vocab.values())
    bm25.nonoccurrence_array = None
    return bm25
