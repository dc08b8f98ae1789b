"""A news archive of any size, regenerated from the benchmark data, with conflicts planted in it.

    python -m qa.bench.archive_corpus --n 10000 --out index/bench/archive/10000 [--seed 0]

Writes ``OUT/corpus/*.txt`` (one article each: a title line, a date line, a blank line, the body),
``OUT/planted.jsonl`` (the planted conflicts, the truth for recall) and ``OUT/questions.jsonl``
(questions whose answer an article of the corpus holds, for first-time ``ask()`` timings).

Where the text comes from (../shared/benchmarks, read in place): the article bodies of the 181 real
news pages (``article-extraction/ground-truth.json``), the distinct RAMDocs documents and the 913
SQuAD v1.1-half paragraphs: about 3,800 units (RAMDocs documents that are binary dumps, NUL bytes or
mostly replacement characters, are left out: the indexer rightly refuses them, and the archive would
hold fewer articles than asked). Article i is two units, its lead ``perm[i % U]`` and
``perm[(7i + 3 + i // U) % U]``, at every size: an article is as long at 100,000 articles as at
1,000, so a stage's growth exponent measures the pipeline, not longer articles (until 86115e9 an
article was one unit until every unit had been used, then two: the 10,000 archive's articles were
1.6 times as long as the 1,000 archive's). Once every unit has led an article, units recur in other
pairings (a wire story republished beside another one): copied sentences occur as they do in a
real archive, and no two articles have the same body while N < U².

Planted conflicts (``--planted`` of the articles, default 5%): a sentence of another article that
states a figure, a year or a two-word name is copied into this article as its own paragraph with
that figure, year or name changed (x1.5 or x0.6; +1..+4 years; another name of the archive). A
planted conflict is found when a corpus-wide conflict cites the planted sentence and a sentence of
an article holding the original.

Only changes that make the copy contradict its original are planted (since the thirteenth round;
until then 186 of the 10,000 archive's 500 plants did not, see qa/bench/README.md): the sentence is
prose, not a reference line ("Retrieved 19 December 2012 ... ^") nor a page's menu ("Use app Back
Biography Awards Trivia FAQ"); a figure is a word of its own, not a footnote mark ("[ 14 ]") nor
part of a name ("Internet2"); a year is not the one in a heading's brackets ("Cry, the Beloved
Country (1995 film)": another year names another film); a name is a whole two-word name ("Thirty
Years War" offers no "Years War") outside the subject of the sentence's main clause (spaCy's
parse): "In 1974, Directors Guild was elected ..." copied from "In 1974, Robert Hutchinson was
elected ..." says something of someone else, which contradicts nothing. Everything is drawn from ``random.Random(seed)``: the same
arguments write the same bytes.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import project_root

__all__ = ["Unit", "load_units", "write_archive", "main"]

BENCH = project_root().parent / "shared" / "benchmarks"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"(?<![\w.,$\[])(?<!\[ )(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,])(?!\s*(?:st|nd|rd|th)\b)(?! ?\])")
_HEADING_YEAR = re.compile(r"\(\d{4} [a-z][a-z ]*\)")  # "(1995 film)": the year names the work
_REFERENCE = re.compile(r"\^|\b(?:retrieved|archived|accessed)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,} [A-Z][a-z]{2,})\b")


@dataclass(frozen=True)
class Unit:
    source: str   # "news", "ramdocs" or "squad"
    key: str      # where in the source it comes from
    text: str
    questions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (question, answers) it answers


def load_units(bench: Path = BENCH) -> list[Unit]:
    """Every unit of text the archive is made of, in a fixed order."""
    units: list[Unit] = []
    gt = json.loads((bench / "article-extraction" / "ground-truth.json").read_text("utf-8"))
    for sha in sorted(gt):
        body = (gt[sha].get("articleBody") or "").strip()
        if len(body.split()) >= 40:
            units.append(Unit("news", sha, body))
    seen: set[str] = set()
    for i, line in enumerate((bench / "ramdocs_test.jsonl").read_text("utf-8").splitlines()):
        row = json.loads(line)
        for j, d in enumerate(row["documents"]):
            text = d["text"].strip()
            if len(text.split()) >= 20 and text not in seen and not _garbled(text):
                seen.add(text)
                qs = ((row["question"], tuple(row["gold_answers"])),) if d["type"] == "correct" else ()
                units.append(Unit("ramdocs", f"{i}.{j}", text, qs))
    squad = json.loads((bench / "squad-v1.1-dev-half-a.json").read_text("utf-8"))["data"]
    for i, art in enumerate(squad):
        for j, para in enumerate(art["paragraphs"]):
            qs = tuple((q["question"], tuple(dict.fromkeys(a["text"] for a in q["answers"]))) for q in para["qas"])
            units.append(Unit("squad", f"{i}.{j}", para["context"].strip(), qs))
    return units


def _garbled(text: str) -> bool:
    """A binary dump read as text: NUL bytes, or one character in 50 a replacement character."""
    return "\x00" in text or text.count("\ufffd") * 50 > len(text)


def _sentences(text: str) -> list[str]:
    """Whole sentences a copy can be planted from: not fragments (RAMDocs documents are often cut
    mid-sentence), not tables of figures."""
    out = []
    for para in text.split("\n"):
        for s in _SENT.split(para):
            s = s.strip()
            if (60 <= len(s) <= 300 and s[0].isupper() and s[-1] in ".!?\"”" and len(re.findall(r"\d+", s)) <= 3
                    and _prose(s)):
                out.append(s)
    return out


def _prose(s: str) -> bool:
    """Not a reference line, not a run of menu items: at most half the words capitalised."""
    words = s.split()
    return not _REFERENCE.search(s) and 2 * sum(w[:1].isupper() for w in words) <= len(words)


def _whole_name(sentence: str, m: re.Match) -> bool:
    """Whether the two words matched are the whole name: no capitalised word before or after."""
    before, after = sentence[: m.start(1)].split(), sentence[m.end(1):].split()
    return not (before and before[-1][:1].isupper()) and not (after and after[0][:1].isupper())


def _outside_subject(sentence: str, words: str) -> bool:
    from .archive_inspect import in_subject

    return not in_subject([(sentence, words)])[0]


def _perturb(sentence: str, names: list[str], rng: random.Random) -> tuple[str, str, str, str] | None:
    """(perturbed sentence, kind, old value, new value), or None when nothing can be changed."""
    kinds = ["date", "numeric", "entity"]
    rng.shuffle(kinds)
    headings = [h.span() for h in _HEADING_YEAR.finditer(sentence)]
    for kind in kinds:
        if kind == "date" and (m := next((y for y in _YEAR.finditer(sentence)
                                          if not any(a <= y.start() < b for a, b in headings)), None)):
            new = str(int(m.group(1)) + rng.randint(1, 4))
        elif kind == "numeric" and (m := next((x for x in _NUMBER.finditer(sentence) if not _YEAR.fullmatch(x.group(1))), None)):
            old = float(m.group(1).replace(",", ""))
            if old == 0:
                continue
            v = old * rng.choice((1.5, 0.6))
            new = f"{v:,.0f}" if "," in m.group(1) else (str(round(v)) if "." not in m.group(1) else f"{v:.{len(m.group(1).split('.')[1])}f}")
            if new == m.group(1):
                continue
        elif kind == "entity" and (m := next((x for x in _NAME.finditer(sentence) if _whole_name(sentence, x)), None)) \
                and _outside_subject(sentence, m.group(1)):
            others = [n for n in names if n != m.group(1)]
            if not others:
                continue
            new = rng.choice(others)
        else:
            continue
        return sentence[: m.start(1)] + new + sentence[m.end(1):], kind, m.group(1), new
    return None


def _title(text: str) -> str:
    words = re.sub(r"\s+", " ", text).split(" ")[:10]
    return " ".join(words).rstrip(",.;:") + " ..."


def write_archive(n: int, out: Path, seed: int = 0, planted: float = 0.05, units: list[Unit] | None = None) -> dict:
    """Write the archive of ``n`` articles into ``out`` (see the module's docstring); returns counts."""
    units = units if units is not None else load_units()
    rng = random.Random(seed)
    perm = list(range(len(units)))
    rng.shuffle(perm)
    bodies: list[list[int]] = []
    u = len(units)
    for i in range(n):
        # The second unit's offset moves by one each time the leads cycle, so a pairing never recurs.
        parts = [perm[i % u], perm[(i * 7 + 3 + i // u) % u]]
        if parts[1] == parts[0]:
            parts[1] = perm[(i * 7 + 4 + i // u) % u]
        bodies.append(parts if parts[1] != parts[0] else parts[:1])
    names = sorted({m.group(1) for u in (units[p] for b in bodies for p in b) for m in _NAME.finditer(u.text)
                    if _whole_name(u.text, m)})
    holders: dict[int, list[int]] = {}  # unit -> articles that hold it
    for i, parts in enumerate(bodies):
        for p in parts:
            holders.setdefault(p, []).append(i)
    extra: dict[int, list[str]] = {}
    truth = []
    for i in rng.sample(range(n), int(round(planted * n))) if n > 1 else []:
        for _ in range(20):  # a unit of another article with a sentence that can be changed
            j = rng.randrange(n)
            unit = rng.choice(bodies[j])
            cands = _sentences(units[unit].text)
            if j == i or unit in bodies[i] or not cands:
                continue
            original = rng.choice(cands)
            got = _perturb(original, names, rng)
            if got is None:
                continue
            text, kind, old, new = got
            extra.setdefault(i, []).append(text)
            truth.append({"article": f"a{i:06d}", "planted": text, "original": original, "kind": kind,
                          "old": old, "new": new,
                          "holders": [f"a{h:06d}" for h in holders[unit] if h != i]})
            break
    corpus = Path(out) / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for old_file in corpus.glob("*.txt"):
        if int(old_file.stem[1:]) >= n:
            old_file.unlink()
    for i, parts in enumerate(bodies):
        paras = [units[p].text for p in parts]
        if i in extra:  # the planted sentence as the body's second paragraph
            paras[1:1] = extra[i]
        day = random.Random(seed * 1_000_003 + i).randrange(3650)
        date = f"{2016 + day // 365:04d}-{1 + day % 365 // 31 % 12:02d}-{1 + day % 28:02d} {day % 24:02d}:{day % 60:02d}"
        text = f"{_title(units[parts[0]].text)}\n{date}\n\n" + "\n\n".join(paras) + "\n"
        path = corpus / f"a{i:06d}.txt"
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
    (Path(out) / "planted.jsonl").write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in truth), "utf-8")
    # A question of each article's lead unit, asked of the article that first carries it.
    qs = [{"question": q, "answers": list(a), "article": f"a{i:06d}"}
          for i, parts in enumerate(bodies[:u]) for q, a in units[parts[0]].questions[:1]]
    random.Random(seed + 1).shuffle(qs)
    (Path(out) / "questions.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in qs[:2000]), "utf-8")
    return {"articles": n, "units": len(units), "planted": len(truth), "questions": min(len(qs), 2000)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="folder to write corpus/, planted.jsonl, questions.jsonl into")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--planted", type=float, default=0.05, help="fraction of articles given a planted conflict")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    print(json.dumps(write_archive(args.n, args.out, args.seed, args.planted)))


if __name__ == "__main__":
    main()
