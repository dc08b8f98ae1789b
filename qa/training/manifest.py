"""qa/reading/data/MANIFEST.json: what each shipped data file is, which command made it, and its
sha256. The training scripts call :func:`record` after writing a file, so the manifest never names
an older fit; ``python -m qa.training.manifest`` checks it (exit 1 when a file is missing from it or
changed since)."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from ..config import project_root
from ..reading.reader import CONFIG_PATH

__all__ = ["MANIFEST", "record", "stale"]

DATA = CONFIG_PATH.parent
MANIFEST = DATA / "MANIFEST.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _commit() -> str:
    # The commit the fit was made from (the new file itself lands in a later one).
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project_root(), capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def record(path: Path, made_by: str, **described: str) -> None:
    """Write ``path``'s entry (its command, the current commit and its sha256, and ``described``:
    read_by, data, what, for a new file) into the manifest; files outside qa/reading/data (a
    held-out fold's adapters) are not shipped and not recorded."""
    path = Path(path).resolve()
    if DATA.resolve() not in path.parents:
        return
    doc = json.loads(MANIFEST.read_text("utf-8"))
    name = path.relative_to(DATA.resolve()).as_posix()
    entry = doc["files"].setdefault(name, {})
    entry.update(described)
    entry.update(made_by=made_by, last_fitted_at=_commit(), sha256=_sha256(path))
    MANIFEST.write_text(json.dumps(doc, indent=1) + "\n", "utf-8")


def stale() -> list[str]:
    """Problems with the manifest: shipped files it does not list, listed files that are missing or
    whose bytes changed since their entry was written."""
    doc = json.loads(MANIFEST.read_text("utf-8"))
    listed = doc["files"]
    shipped = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p != MANIFEST}
    problems = [f"{n}: not listed in {MANIFEST.name}" for n in sorted(shipped - set(listed))]
    for name, entry in sorted(listed.items()):
        path = DATA / name
        if not path.exists():
            problems.append(f"{name}: listed but missing")
        elif entry.get("sha256") != _sha256(path):
            problems.append(f"{name}: changed since its entry was written (refit with {entry.get('made_by')!r})")
    return problems


if __name__ == "__main__":
    found = stale()
    print("\n".join(found) or f"{MANIFEST}: every shipped file listed and unchanged")
    sys.exit(1 if found else 0)
