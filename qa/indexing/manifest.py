"""Reading ``manifest.json`` once per version of the file.

A start reads the manifest three times (sync, load, BM25 tokens), and a sync right after a save
would parse again what it just wrote: 5 MB of JSON at 10,000 articles. The last manifest read or
written is kept by path and the file's (inode, size, mtime); callers only read it.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

__all__ = ["MANIFEST", "read_manifest", "remember_manifest"]

MANIFEST = "manifest.json"

_MANIFEST_READ: dict[str, tuple[tuple, dict]] = {}
_MANIFEST_LOCK = threading.Lock()


def read_manifest(directory: Path) -> dict | None:
    """The index's manifest (treat as read-only: it may be shared with other callers), or None."""
    path = Path(directory) / MANIFEST
    try:
        st = path.stat()
    except OSError:
        return None
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    with _MANIFEST_LOCK:
        hit = _MANIFEST_READ.get(str(path))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    # Valid JSON that is not an object (a truncated or overwritten file can be "[]" or "1") is as
    # unreadable as broken JSON: the caller rebuilds instead of failing on .get().
    if not isinstance(manifest, dict):
        return None
    with _MANIFEST_LOCK:
        _MANIFEST_READ.clear()  # one index at a time is the common case: hold one
        _MANIFEST_READ[str(path)] = (stamp, manifest)
    return manifest


def remember_manifest(path: Path, manifest: dict) -> None:
    """Keep the manifest just written as the one read_manifest returns for that file: the next
    sync would otherwise parse the 5 MB it has in memory (~0.1 s at 10,000 articles)."""
    try:
        st = path.stat()
    except OSError:
        return
    # As a read would give it: the small part through JSON (tuples become lists), the document
    # table as it is (document_meta makes JSON values only).
    big = ("doc_ids", "documents")
    read = {**json.loads(json.dumps({k: v for k, v in manifest.items() if k not in big})),
            **{k: manifest[k] for k in big}}
    with _MANIFEST_LOCK:
        _MANIFEST_READ.clear()
        _MANIFEST_READ[str(path)] = ((st.st_ino, st.st_size, st.st_mtime_ns), read)


