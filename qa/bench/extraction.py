"""Article-body extraction from real news pages, scored as the Scrapinghub/Zyte
article-extraction benchmark scores it (../shared/benchmarks/article-extraction/: 181 pages,
``html/<sha256>.html.gz`` and ``ground-truth.json``).

Both texts are split into ``\\w+`` tokens and counted as word 4-grams (shingles); per page, true
positives are the shared counts (min), false positives the surplus and false negatives the
shortfall, normalised to sum to 1; precision and recall are averaged over pages and F1 is taken from
the two averages. Time is per page, extraction only (ungzipped bytes in memory).

    .venv/bin/python -m qa.bench.extraction [--dir DIR] [--json OUT] [--extractor qa|readability]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from ..config import project_root
from .common import percentile

DEFAULT_DIR = project_root().parent / "shared" / "benchmarks" / "article-extraction"
DEFAULT_JSON = project_root() / "eval" / "reports" / "extraction.json"


def shingles(text: str, n: int = 4) -> Counter:
    toks = re.findall(r"\w+", text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1)))


def page_prf(predicted: str, expected: str) -> tuple[float, float]:
    """(precision, recall) of one page; an empty prediction of a non-empty body is (0, 0), and
    an empty expected body predicted empty is (1, 1)."""
    p, e = shingles(predicted), shingles(expected)
    tp = sum((p & e).values())
    fp = sum((p - e).values())
    fn = sum((e - p).values())
    if tp + fp + fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def _readability(data: bytes) -> str:
    """readability-lxml (benchmark-only, ``pip install readability-lxml``): the compared
    alternative, its summary's text."""
    import lxml.html
    from readability import Document

    html = Document(data.decode("utf-8", "replace")).summary(html_partial=True)
    return lxml.html.fromstring(html).text_content() if html.strip() else ""


def run(directory: Path, extractor: str = "qa") -> dict:
    from ..errors import BadDocumentError
    from ..ingest.extract import extract

    truth = json.loads((directory / "ground-truth.json").read_text("utf-8"))
    ps, rs, times, refused = [], [], [], []
    for sha, row in sorted(truth.items()):
        data = gzip.decompress((directory / "html" / f"{sha}.html.gz").read_bytes())
        t = time.perf_counter()
        try:
            if extractor == "readability":
                body = _readability(data)
            else:
                body = extract(data, f"{sha}.html", 50 << 20).text.split("\n\n", 1)[-1]
        except (BadDocumentError, ValueError):
            body = ""
            refused.append(sha)
        times.append(time.perf_counter() - t)
        p, r = page_prf(body, row.get("articleBody") or "")
        ps.append(p)
        rs.append(r)
    P, R = statistics.mean(ps), statistics.mean(rs)
    return {"pages": len(ps), "precision": round(P, 4), "recall": round(R, 4),
            "f1": round(2 * P * R / (P + R), 4) if P + R else 0.0, "refused": len(refused),
            "ms_per_page_median": round(1000 * statistics.median(times), 1),
            "ms_per_page_p95": round(1000 * percentile(times, 0.95), 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=str(DEFAULT_DIR))
    ap.add_argument("--json", default=str(DEFAULT_JSON))
    ap.add_argument("--extractor", choices=("qa", "readability"), default="qa",
                    help="qa: what qa.ingest.extract ships (trafilatura); readability: readability-lxml, compared")
    args = ap.parse_args(argv)
    r = run(Path(args.dir), args.extractor)
    r["extractor"] = args.extractor
    print(f"pages {r['pages']}: precision {r['precision']:.3f}, recall {r['recall']:.3f}, F1 {r['f1']:.3f}; "
          f"{r['refused']} refused as having no article body; {r['ms_per_page_median']} ms per page median "
          f"(p95 {r['ms_per_page_p95']})")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(r, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
