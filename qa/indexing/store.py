"""The index on disk: a directory of plain files (npy, json, FAISS, bm25s) plus manifest.json.

Writes are atomic with one rename: every data file carries a generation number in its name and
``manifest.json`` (replaced last, with os.replace) names the files of the current generation with
their checksums. A crash before that rename leaves the previous manifest pointing at the previous
files, which are only deleted after the new manifest is in place.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import IndexMismatchError
from ..results import Conflict
from .analyses import ENT, SPAN, TOKEN, SentenceAnalyses
from .bm25_files import load_bm25
from .tokens import ChunkTokens
from .manifest import MANIFEST, read_manifest, remember_manifest
from .verify import Checksums, Hashing

__all__ = ["FORMAT_VERSION", "IndexData", "save_index", "load_index", "read_manifest", "conflicts_checksum",
           "IndexDamagedWarning"]

# 2: entity-type bit masks per sentence; 3: site names of web addresses as terms; 4: sentence
# analyses (qa.indexing.analyses), so that an older index is rebuilt with them.
FORMAT_VERSION = 4


class IndexDamagedWarning(UserWarning):
    """The index on disk could not be used as it is and will be rebuilt."""


@dataclass
class IndexData:
    """Everything an index holds. Arrays are row-aligned:

    chunks[i] = (doc_index, start, end) is embedded as vectors[i]; sentences[j] = (doc_index,
    start, end) is embedded as sent_vectors[j]. Offsets are raw offsets into the document text.
    Loaded from disk, the arrays are read-only memory maps (sentence vectors as stored, float16).
    """

    model_id: str
    dim: int
    chunking: dict
    doc_ids: list[str]
    doc_meta: dict[str, dict]  # fingerprint, path, title, date, outlet, chars, size, mtime_ns
    chunks: np.ndarray
    vectors: np.ndarray
    sentences: np.ndarray
    sent_vectors: np.ndarray
    sent_types: np.ndarray  # uint32 entity-label bit mask per sentence (qa.indexing.entities)
    conflicts: list[Conflict] = field(default_factory=list)
    index_type: str = "flat"
    generation: int = 0
    faiss_index: object | None = None  # built or loaded FAISS index over ``vectors``
    # How many vectors the dense index's training saw (0: nothing trained, a flat index): a
    # sync re-adds the vectors to the trained index until the corpus outgrows it (dense.py).
    dense_trained: int = 0
    bm25: object | None = None  # bm25s.BM25 over chunk texts (qa.indexing.bm25_files.StoredBM25 when loaded)
    # Parses of the sentences for the reader (None: not stored, or unusable: see analyses_problem,
    # and the next sync recomputes them without touching the rest of the index).
    analyses: SentenceAnalyses | None = None
    analyses_problem: str | None = None
    # BM25 tokens per chunk (qa.indexing.tokens), kept so that a sync tokenizes only new chunks;
    # not loaded with the index (questions never need them): see load_chunk_tokens.
    chunk_tokens: ChunkTokens | None = None

    def doc_rows(self, doc_index: int, which: str = "chunks") -> np.ndarray:
        arr = self.chunks if which == "chunks" else self.sentences
        return np.nonzero(arr[:, 0] == doc_index)[0]

    def sentence_texts(self, raw_texts, docs) -> Iterator[tuple[int, str, str]]:
        """(row, text, the sentence before it in its article or "") of every sentence of ``docs``, in order."""
        for d in docs:
            before = ""
            for r in self.doc_rows(d, "sentences"):
                text = raw_texts[d][int(self.sentences[r, 1]):int(self.sentences[r, 2])]
                yield int(r), text, before
                before = text


def _files_of(hashing: Hashing) -> dict[str, dict]:
    """Every data file of the generation written: their checksums for the manifest (the point
    between the data files and the manifest that tests/test_reliability.py kills a build at)."""
    return hashing.files()


def conflicts_checksum(directory: Path) -> str | None:
    """The manifest's sha256 of the current conflicts file (None without a readable manifest):
    lets the conflict cache tell, without reading any pair, whether the stored conflicts are its own."""
    manifest = read_manifest(Path(directory))
    try:
        sha = manifest["files"][manifest["roles"]["conflicts"]]["sha256"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    return sha if isinstance(sha, str) else None


def save_index(directory: Path, data: IndexData, extra: dict | None = None) -> None:
    """Write ``data`` as a new generation and switch the manifest to it atomically."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    old = read_manifest(directory)
    gen = int(old.get("generation", 0)) + 1 if old else 1
    # A generation left by a crashed build may hold the same number: start from a clean name.
    while any(directory.glob(f"*.g{gen}*")):
        gen += 1
    names = {
        "chunks": f"chunks.g{gen}.npy",
        "vectors": f"vectors.g{gen}.npy",
        "sentences": f"sentences.g{gen}.npy",
        "sent_vectors": f"sent_vectors.g{gen}.npy",
        "sent_types": f"sent_types.g{gen}.npy",
        "faiss": f"dense.g{gen}.faiss",
        "bm25": f"bm25.g{gen}",
        "conflicts": f"conflicts.g{gen}.json",
    }
    hashing = Hashing(directory)
    try:
        analyses = _write_generation(directory, data, names, gen, hashing)
        files = _files_of(hashing)
    except BaseException:
        hashing.pool.shutdown(cancel_futures=True)
        raise
    manifest = {
        "format_version": FORMAT_VERSION,
        "model_id": data.model_id,
        "dim": data.dim,
        "chunking": data.chunking,
        "index_type": data.index_type,
        "dense_trained_on": int(data.dense_trained),
        "generation": gen,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "counts": {"documents": len(data.doc_ids), "chunks": int(len(data.chunks)), "sentences": int(len(data.sentences))},
        "doc_ids": list(data.doc_ids),
        "documents": dict(data.doc_meta),  # a copy: it is kept as the manifest read (below)
        "roles": names,
        "files": files,
        **analyses,
        **(extra or {}),
    }
    tmp = directory / f".{MANIFEST}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        # One line: json's C encoder only runs without indent (indented, the 5 MB manifest of
        # 10,000 articles took ~0.7 s to write, at every add).
        f.write(json.dumps(manifest, ensure_ascii=False))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, directory / MANIFEST)
    remember_manifest(directory / MANIFEST, manifest)
    data.generation = gen
    _remove_other_generations(directory, gen)


def _write_generation(directory: Path, data: IndexData, names: dict[str, str], gen: int, hashing: Hashing) -> dict:
    """Write the generation's files (each handed to ``hashing`` once written); returns the
    manifest's entry on the stored analyses."""
    import faiss

    def npy(role: str, array: np.ndarray) -> None:
        np.save(directory / names[role], array, allow_pickle=False)
        hashing.written(names[role])

    # copy=False: at 10,000 articles a copy of the chunk vectors alone is 90 MB a save.
    npy("chunks", data.chunks.astype(np.int64, copy=False))
    npy("vectors", data.vectors.astype(np.float32, copy=False))
    npy("sentences", data.sentences.astype(np.int64, copy=False))
    npy("sent_vectors", data.sent_vectors.astype(np.float16, copy=False))
    npy("sent_types", data.sent_types.astype(np.uint32, copy=False))
    faiss.write_index(data.faiss_index, str(directory / names["faiss"]))
    hashing.written(names["faiss"])
    data.bm25.save(str(directory / names["bm25"]), show_progress=False)
    hashing.written(names["bm25"])
    (directory / names["conflicts"]).write_text(
        json.dumps([c.to_dict() for c in data.conflicts], ensure_ascii=False), "utf-8"
    )
    hashing.written(names["conflicts"])
    if data.chunk_tokens is not None:
        names["bm25_tokens"] = f"bm25_tokens.g{gen}.npz"
        data.chunk_tokens.save(directory / names["bm25_tokens"])
        hashing.written(names["bm25_tokens"])
    if data.analyses is None:
        return {}
    for part in _ANALYSIS_PARTS:
        names[f"parse_{part}"] = f"parse_{part}.g{gen}.npy"
        npy(f"parse_{part}", getattr(data.analyses, part))
    return {"analyses": {"recipe": data.analyses.recipe, "labels": list(data.analyses.labels)}}


def _remove_other_generations(directory: Path, keep: int) -> None:
    for p in directory.iterdir():
        parts = p.name.split(".")
        if len(parts) >= 2 and parts[1].startswith("g") and parts[1][1:].isdigit() and int(parts[1][1:]) != keep:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def check_compatible(manifest: dict, model_id: str, chunking: dict, dim: int | None = None) -> str | None:
    """Why this manifest cannot be reused as it is (None when it can).

    Raises IndexMismatchError for an index written by a newer format, which must not be
    overwritten by an older qa.
    """
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return f"manifest has no valid format_version ({version!r})"
    if version > FORMAT_VERSION:
        raise IndexMismatchError(
            f"The index was written by a newer version of qa (format {version}, this one reads "
            f"{FORMAT_VERSION}). Upgrade qa, or delete the index folder to rebuild it."
        )
    if version < FORMAT_VERSION:
        return f"index format {version} is older than {FORMAT_VERSION}"
    if manifest.get("model_id") != model_id:
        return f"index was built with model {manifest.get('model_id')!r}, not {model_id!r}"
    if dim is not None and manifest.get("dim") != dim:
        # Same name, other vectors (e.g. a local model folder replaced by another): never mix.
        return f"index vectors have {manifest.get('dim')} dimensions, the model gives {dim}"
    if manifest.get("chunking") != chunking:
        return "chunking settings changed"
    return None


def load_index(directory: Path, verify: bool = True) -> IndexData:
    """Load the current generation, checking every file's size and checksum against the manifest.

    Raises ValueError (with the reason) when a file is missing or damaged.
    """
    import faiss

    directory = Path(directory)
    manifest = read_manifest(directory)
    if manifest is None:
        raise FileNotFoundError(f"no readable {MANIFEST} in {directory}")
    files, roles = _checked_layout(manifest)
    optional = {roles.get(f"parse_{part}") for part in _ANALYSIS_PARTS} | {roles.get("bm25_tokens")}
    check = Checksums(directory, manifest.get("generation"), verify)
    for name, info in files.items():
        if name in optional:
            continue  # checked by _load_analyses: a damaged one costs only a re-parse
        p = directory / name
        if not p.exists():
            raise ValueError(f"index file {name} is missing")
        if not check.ok(name, info):
            raise ValueError(f"index file {name} is damaged (checksum mismatch)")
    try:
        data = IndexData(
            model_id=manifest["model_id"],
            dim=int(manifest["dim"]),
            chunking=manifest["chunking"],
            doc_ids=list(manifest["doc_ids"]),
            doc_meta=dict(manifest["documents"]),
            # Memory-mapped, read-only: a cold start pages in what questions touch instead of
            # reading (and, for the float16 sentence vectors, converting) every row; at 100,000
            # articles that was a fifth of a cold start. A sync that changes the index writes a
            # new generation's files, so a mapped file is never written under a reader.
            chunks=np.load(directory / roles["chunks"], allow_pickle=False, mmap_mode="r"),
            vectors=np.load(directory / roles["vectors"], allow_pickle=False, mmap_mode="r"),
            sentences=np.load(directory / roles["sentences"], allow_pickle=False, mmap_mode="r"),
            sent_vectors=np.load(directory / roles["sent_vectors"], allow_pickle=False, mmap_mode="r"),
            sent_types=np.load(directory / roles["sent_types"], allow_pickle=False, mmap_mode="r"),
            conflicts=[Conflict.from_dict(c) for c in json.loads((directory / roles["conflicts"]).read_text("utf-8"))],
            index_type=manifest.get("index_type", "flat"),
            generation=int(manifest["generation"]),
            faiss_index=faiss.read_index(str(directory / roles["faiss"])),
            bm25=load_bm25(directory / roles["bm25"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{MANIFEST} is incomplete or malformed ({type(exc).__name__}: {exc})") from None
    trained = manifest.get("dense_trained_on")
    # An index written before this was recorded was trained on all its rows.
    data.dense_trained = trained if isinstance(trained, int) and not isinstance(trained, bool) and trained >= 0 \
        else (len(data.chunks) if data.index_type != "flat" else 0)
    _check_consistent(data)
    data.analyses, data.analyses_problem = _load_analyses(directory, manifest, files, roles, len(data.sentences), check)
    check.record()
    return data


def load_chunk_tokens(directory: Path, generation: int, n_chunks: int) -> ChunkTokens | None:
    """The stored BM25 tokens of generation ``generation`` (None when absent, from another
    generation, or damaged: the caller tokenizes instead)."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    try:
        if manifest is None or int(manifest["generation"]) != generation:
            return None
        name = manifest["roles"]["bm25_tokens"]
        check = Checksums(directory, manifest["generation"])
        if not _plain_name(name) or not check.ok(name, manifest["files"][name]):
            return None
        return ChunkTokens.load(directory / name, n_chunks)
    except (KeyError, TypeError, ValueError, OSError):
        return None


_ANALYSIS_PARTS = ("counts", "tokens", "ents", "spans")
_ANALYSIS_DTYPES = {"tokens": TOKEN, "ents": ENT, "spans": SPAN}


def _load_analyses(directory: Path, manifest: dict, files: dict, roles: dict, n_sentences: int,
                   check: Checksums) -> tuple[SentenceAnalyses | None, str | None]:
    """The stored sentence analyses (memory-mapped: a load reads only what questions touch), or
    None and why they cannot be used."""
    meta = manifest.get("analyses")
    if not isinstance(meta, dict):
        return None, "the index holds no sentence analyses"
    arrays = {}
    for part in _ANALYSIS_PARTS:
        name = roles.get(f"parse_{part}")
        info = files.get(name) if _plain_name(name) else None
        p = directory / name if info else None
        if p is None or not p.exists():
            return None, f"sentence analysis file {name or part} is missing"
        if not check.ok(name, info):
            return None, f"sentence analysis file {name} is damaged (checksum mismatch)"
        try:
            arrays[part] = np.load(p, mmap_mode="r", allow_pickle=False)
        except (ValueError, OSError) as exc:
            return None, f"sentence analysis file {name} is unreadable ({exc})"
    if arrays["counts"].dtype != np.int32 or any(arrays[k].dtype != dt for k, dt in _ANALYSIS_DTYPES.items()):
        return None, "sentence analysis files have the wrong types"
    try:
        out = SentenceAnalyses(np.asarray(arrays["counts"]), arrays["tokens"], arrays["ents"], arrays["spans"],
                               [str(x) for x in meta["labels"]], dict(meta["recipe"]))
    except (KeyError, TypeError, ValueError) as exc:
        return None, f"sentence analyses are malformed ({exc})"
    problems = out.problems(n_sentences)
    return (None, "; ".join(problems)) if problems else (out, None)


def _check_consistent(data: IndexData) -> None:
    """Files that each passed their checksum must still describe the same index (a manifest edited
    or mixed from two builds would otherwise fail later, at question time)."""
    n_docs, n_chunks, n_sents = len(data.doc_ids), len(data.chunks), len(data.sentences)
    problems = []
    if sorted(data.doc_meta) != sorted(data.doc_ids) or len(set(data.doc_ids)) != n_docs:
        problems.append("document list and document table differ")
    if data.chunks.ndim != 2 or data.chunks.shape[1:] != (3,) or data.sentences.ndim != 2 or data.sentences.shape[1:] != (3,):
        problems.append("offset tables have the wrong shape")
    elif (n_chunks and (data.chunks[:, 0].min() < 0 or data.chunks[:, 0].max() >= n_docs)) or (
        n_sents and (data.sentences[:, 0].min() < 0 or data.sentences[:, 0].max() >= n_docs)
    ):
        problems.append("rows point at documents that are not listed")
    if data.vectors.shape != (n_chunks, data.dim) or data.sent_vectors.shape != (n_sents, data.dim):
        problems.append("vector tables do not match the chunk and sentence tables")
    if data.sent_types.shape != (n_sents,):
        problems.append("sentence types do not match the sentence table")
    if getattr(data.faiss_index, "ntotal", n_chunks) != n_chunks or getattr(data.faiss_index, "d", data.dim) != data.dim:
        problems.append("dense index does not match the vectors")
    if problems:
        raise ValueError("index files disagree with each other: " + "; ".join(problems))


_ROLES = ("chunks", "vectors", "sentences", "sent_vectors", "sent_types", "faiss", "bm25", "conflicts")


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and bool(name) and "/" not in name and "\\" not in name and name not in (".", "..")


def _checked_layout(manifest: dict) -> tuple[dict[str, dict], dict[str, str]]:
    """The manifest's file table and roles, or ValueError when they are incomplete or name
    anything but plain files of the index folder (every file loaded must have a checksum)."""
    files, roles = manifest.get("files"), manifest.get("roles")
    if not isinstance(files, dict) or not isinstance(roles, dict):
        raise ValueError(f"{MANIFEST} is incomplete (no file table)")
    for name, info in files.items():
        parts = name.split("/") if isinstance(name, str) else [None]
        if len(parts) > 2 or not all(_plain_name(x) for x in parts):
            raise ValueError(f"{MANIFEST} names a file outside the index folder: {name!r}")
        if not isinstance(info, dict) or not isinstance(info.get("bytes"), int) or not isinstance(info.get("sha256"), str):
            raise ValueError(f"{MANIFEST} has no checksum for {name!r}")
    for role in _ROLES:
        name = roles.get(role)
        if not _plain_name(name):
            raise ValueError(f"{MANIFEST} names no valid file for {role!r}")
        if name not in files and not any(f.startswith(name + "/") for f in files):
            raise ValueError(f"index file {name} has no checksum in {MANIFEST}")
    return files, roles


def warn_rebuild(directory: Path, reason: str) -> None:
    warnings.warn(f"rebuilding the index in {directory}: {reason}", IndexDamagedWarning, stacklevel=3)
