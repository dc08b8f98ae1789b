"""Reports of ``qa eval``: a JSON file, a Markdown page (figures and a table of misses) and PNG plots.

matplotlib is imported lazily with the Agg backend, so the command line and the tests never need
a display.
"""
from __future__ import annotations

import json
from pathlib import Path

__all__ = ["write_report", "summary_lines", "markdown", "plot_scores", "plot_categories", "plot_latency"]


def _pct(v, digits: int = 1) -> str:
    return "n/a" if v is None else f"{100 * v:.{digits}f}%"


def _num(v, digits: int = 3) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


def _ms(v) -> str:
    return "n/a" if v is None else f"{1000 * v:.0f} ms"


def metric_rows(m: dict) -> list[tuple[str, str]]:
    """(label, value) pairs of the headline figures, in report order."""
    r, a, c, ab, cf, lat = m["retrieval"], m["answers"], m["citations"], m["abstention"], m["conflicts"], m["latency"]
    rows = [("questions (answerable / unanswerable)", f"{m['questions']} ({m['answerable']} / {m['unanswerable']})")]
    rows += [(f"document recall@{k}", _pct(r.get(f"recall@{k}"))) for k in (1, 5, 10)]
    rows.append(("document MRR", _num(r.get("mrr"))))
    if "para_mrr" in r:
        rows += [(f"paragraph recall@{k}", _pct(r.get(f"para_recall@{k}"))) for k in (1, 5, 10)]
        rows.append(("paragraph MRR", _num(r.get("para_mrr"))))
    rows += [
        ("answer contains a gold answer (answerable)", _pct(a["contains_answer"])),
        ("… of the answered ones", _pct(a["contains_answer_when_answered"])),
        ("answer length, median characters", _num(a.get("answer_chars_median"), 0)),
        ("short answer exact match", _pct(a["exact_match"])),
        ("short answer F1", _pct(a["f1"])),
        ("citation validity (raw slice == text)", f"{_pct(c['validity'])} of {c['checked']}"),
        ("citation precision (first citation in a gold doc)", _pct(c["precision"])),
        ("first citation holds a gold answer", _pct(c["supports_answer"])),
        ("abstention precision", _pct(ab["precision"]) if ab["unanswerable"] else "n/a"),
        ("abstention recall", _pct(ab["recall"]) if ab["unanswerable"] else "n/a"),
        ("wrong abstentions (answerable)", f"{ab['wrong_abstentions']} ({_pct(ab['wrong_abstention_rate'])})"),
    ]
    if cf.get("questions"):
        rows += [
            ("conflict precision", _pct(cf["precision"])),
            ("conflict recall", f"{_pct(cf['recall'])} ({cf['tp']}/{cf['positives']})"),
            ("conflict false alarms", f"{_pct(cf['false_alarm_rate'])} ({cf['fp']}/{cf['negatives']})"),
            ("expected conflict documents among the flagged", _pct(cf["doc_recall"])),
        ]
        for kind, d in sorted(cf.get("by_kind", {}).items()):
            rows.append((f"conflicts of kind {kind}: flagged / right", f"{d['flagged']} / {d['true']} ({_pct(d['precision'])})"))
    nt = cf.get("notes")
    if nt is not None:
        rows.append(("namesake notes: shown / right", f"{nt['shown']} / {nt['right']}"
                     + (f" ({_pct(nt['precision'])})" if nt["shown"] else "")))
        if nt.get("true", nt["right"]) != nt["right"]:
            rows.append(("… true: the documents describe namesakes (beside misinformation too)",
                         f"{nt['true']} ({_pct(nt['true_precision'])})"))
    fu = m.get("follow_ups")
    if fu:
        rows.append(("follow-ups: right with history / their standalone rewrites alone",
                     f"{_pct(fu['with_history'])} / {_pct(fu['standalone_alone'])} ({fu['n']} turns)"))
        rows.append(("follow-ups: read_as names the subject", _pct(fu["read_as_names_subject"])))
    pg = m.get("paraphrase_groups")
    if pg:
        rows.append(("paraphrase groups with every wording right", f"{_pct(pg['share_all_right'])} ({pg['all_right']}/{pg['n']})"))
    if m.get("wikicontradict"):
        from .wikicontradict import wikicontradict_rows

        rows += wikicontradict_rows(m["wikicontradict"])
    rows += [("latency median (warm)", _ms(lat["median_s"])), ("latency p95", _ms(lat["p95_s"]))]
    return rows


def summary_lines(m: dict) -> list[str]:
    rows = metric_rows(m)
    width = max(len(label) for label, _ in rows)
    lines = [f"{m.get('data', '')} ({m.get('format', '')})"] + [f"  {label:<{width}}  {value}" for label, value in rows]
    if m.get("misses"):
        lines.append("  misses: " + ", ".join(f"{k} {v}" for k, v in sorted(m["misses"].items())))
    bar = m.get("bar")
    if bar:
        lines.append("  quality bar: " + ("passed" if bar["passed"] else "FAILED: " + "; ".join(bar["failed"])))
    return lines


def _cell(text, limit: int = 160) -> str:
    if text is None:
        return "—"
    if isinstance(text, (list, tuple)):
        text = " / ".join(str(t) for t in text)
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def _got(r: dict) -> str:
    if r["abstained"]:
        return f"(abstained: {r['reason']})"
    got = r["answer"] or ""
    if r.get("short_answer") and r["short_answer"] != got:
        got = f"{r['short_answer']} — {got}"
    return got


def markdown(name: str, m: dict, records: list[dict], plots: list[str]) -> str:
    out = [f"# Evaluation: {name}", "", f"Data: `{m.get('data')}` (format {m.get('format')}, k={m.get('k')}).", ""]
    out += ["| metric | value |", "|---|---|"] + [f"| {a} | {b} |" for a, b in metric_rows(m)]
    bar = m.get("bar")
    if bar:
        out += ["", "**Quality bar:** " + ("passed." if bar["passed"] else "failed — " + "; ".join(bar["failed"]))]
    if m.get("by_category") and len(m["by_category"]) > 1:
        out += ["", "## Accuracy by category", "", "| category | questions | accuracy |", "|---|---|---|"]
        out += [f"| {c} | {d['n']} | {_pct(d['accuracy'])} |" for c, d in m["by_category"].items()]
    misses = [r for r in records if r["why"]]
    out += ["", f"## Misses ({len(misses)} of {len(records)} questions)", ""]
    if m.get("misses"):
        out += ["By cause: " + ", ".join(f"{k}: {v}" for k, v in sorted(m["misses"].items())), ""]
    if misses:
        out += ["| id | question | expected | got | why |", "|---|---|---|---|---|"]
        for r in misses:
            expected = r["expected"] if r["answerable"] else "(abstain)"
            if r["conflict_expected"] is not None:
                expected = f"{_cell(expected)} · conflict: {'yes' if r['conflict_expected'] else 'no'}"
            got = _got(r)
            if r["conflict_flagged"]:
                got += f" · conflicts: {', '.join(r['conflict_kinds'])}"
            if r.get("notes"):
                got += " · namesake note"
            why = "; ".join(r["why"])
            if r.get("ranked_docs") and r.get("gold_docs"):
                why += f" (gold docs at ranks {[i + 1 for i, d in enumerate(r['ranked_docs']) if d in r['gold_docs']] or 'none'})"
            out.append(f"| {r['id']} | {_cell(r['question'])} | {_cell(expected)} | {_cell(got)} | {_cell(why)} |")
    if plots:
        out += ["", "## Plots", ""] + [f"![{Path(p).stem}]({Path(p).name})" for p in plots]
    return "\n".join(out) + "\n"


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_scores(records: list[dict], threshold: float | None, path: Path) -> Path:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 4))
    ans = [r["score"] for r in records if r["answerable"]]
    una = [r["score"] for r in records if not r["answerable"]]
    bins = [i / 40 for i in range(41)]
    if ans:
        ax.hist(ans, bins=bins, alpha=0.6, label=f"answerable ({len(ans)})")
    if una:
        ax.hist(una, bins=bins, alpha=0.6, label=f"unanswerable ({len(una)})")
    if threshold is not None:
        ax.axvline(threshold, color="k", linestyle="--", label=f"abstention threshold {threshold:.3f}")
    ax.set_xlabel("Answer.score")
    ax.set_ylabel("questions")
    ax.set_title("Reader score by question type")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def plot_categories(by_category: dict, path: Path) -> Path:
    plt = _plt()
    cats = list(by_category)
    fig, ax = plt.subplots(figsize=(max(5, 0.8 * len(cats) + 2), 4))
    ax.bar(cats, [100 * by_category[c]["accuracy"] for c in cats])
    for i, c in enumerate(cats):
        ax.text(i, 100 * by_category[c]["accuracy"] + 1, f"n={by_category[c]['n']}", ha="center", fontsize=8)
    ax.set_ylim(0, 110)
    ax.set_ylabel("accuracy (%)")
    ax.set_title("Accuracy by category (answerable: contains a gold answer; unanswerable: abstained)", fontsize=9)
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def plot_latency(records: list[dict], path: Path) -> Path:
    plt = _plt()
    lat = [1000 * r["latency"] for r in records if r["latency"] is not None]
    fig, ax = plt.subplots(figsize=(7, 4))
    if lat:
        ax.hist(lat, bins=30)
    ax.set_xlabel("ask() latency (ms, warm)")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _threshold() -> float | None:
    try:
        from ..reading.reader import ReaderConfig

        return float(ReaderConfig.load().threshold)
    except Exception:  # a report without the line beats no report
        return None


def write_report(directory: Path, name: str, metrics: dict, records: list[dict]) -> list[Path]:
    """DIR/<name>.json, DIR/<name>-metrics.json (the figures alone: small enough to commit, and
    what ``qa results`` reads), DIR/<name>.md and DIR/<name>-{scores,categories,latency}.png."""
    directory.mkdir(parents=True, exist_ok=True)
    plots = [
        plot_scores(records, _threshold(), directory / f"{name}-scores.png"),
        plot_categories(metrics["by_category"], directory / f"{name}-categories.png"),
        plot_latency(records, directory / f"{name}-latency.png"),
    ]
    js = directory / f"{name}.json"
    js.write_text(json.dumps({"metrics": metrics, "questions": records}, indent=2, ensure_ascii=False), "utf-8")
    summary = directory / f"{name}-metrics.json"
    summary.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", "utf-8")
    md = directory / f"{name}.md"
    md.write_text(markdown(name, metrics, records, [str(p) for p in plots]), "utf-8")
    return [js, summary, md, *plots]
