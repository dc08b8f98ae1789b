"""Web pages and PDFs as articles: the body without boilerplate, exact offsets into the extracted
text, page numbers, and a clear refusal for each kind of bad file. Every file is made here."""
from __future__ import annotations

import gzip
import io
import json

import pytest

import qa
from qa import api
from qa.errors import BadDocumentError
from qa.ingest.corpus import SkippedFileWarning, document_from_bytes, load_corpus
from qa.ingest.extract import extract

pytest.importorskip("trafilatura")
pytest.importorskip("pypdf")

BODY = ("Zorblax Robotics will build its new factory in Tampere, Finland, the company said on Monday. "
        "The plant will employ about 400 people when it opens in 2028, and it will make warehouse robots "
        "for customers across Europe. The chief executive, Mira Salo, said the city was chosen for its "
        "engineers and its port.")
PAGE = f"""<!doctype html><html><head><title>Zorblax picks Tampere | The Robot Times</title>
<meta property="og:site_name" content="The Robot Times">
<meta property="article:published_time" content="2026-07-05T09:00:00Z">
<link rel="canonical" href="https://robot-times.example/zorblax-tampere"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech news menu</a></nav>
<div class="ad">Buy the new SuperVac 3000 today, special offer for subscribers only</div>
<article><h1>Zorblax picks Tampere for its new factory</h1>
<p>{BODY}</p>
<p>Production of the first robots is planned for the spring of 2028, according to the company.</p></article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ten gadgets you need this summer</a></li></ul></aside>
<section id="comments"><p>Comment by troll99: first! this is fake news lol</p></section>
<footer>Copyright 2026 The Robot Times. All rights reserved.</footer></body></html>"""


def test_a_web_page_gives_its_article_body_title_date_and_site():
    ex = extract(PAGE.encode(), "zorblax.html", 5 << 20)
    title, date, rest = ex.text.split("\n", 2)
    assert "Tampere" in title and date.startswith("2026-07-05")
    assert "about 400 people" in rest and "spring of 2028" in rest
    for boilerplate in ("Tech news menu", "SuperVac", "Ten gadgets", "troll99", "All rights reserved"):
        assert boilerplate not in ex.text, boilerplate
    assert ex.outlet == "The Robot Times" and ex.url == "https://robot-times.example/zorblax-tampere"
    doc = document_from_bytes(PAGE.encode(), "zorblax.html")
    assert doc.doc_id == "zorblax" and doc.outlet == "The Robot Times" and doc.date.startswith("2026-07-05")
    for a, b in doc.content:  # offsets point into the extracted text, which is the document's text
        assert doc.raw[a:b].strip()


def test_a_gzipped_page_reads_the_same_and_a_compression_bomb_is_refused():
    assert extract(gzip.compress(PAGE.encode()), "p.html.gz", 5 << 20).text == extract(PAGE.encode(), "p.html", 5 << 20).text
    assert document_from_bytes(gzip.compress(PAGE.encode()), "p.html.gz").doc_id == "p"
    bomb = gzip.compress(b"<p>" + b"a" * (40 << 20))
    with pytest.raises(BadDocumentError, match="compression bomb"):
        extract(bomb, "bomb.html.gz", 5 << 20)
    with pytest.raises(BadDocumentError, match="not a readable .gz"):
        extract(b"not gzip at all", "broken.html.gz", 5 << 20)


@pytest.mark.parametrize("page", [
    "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav><ul>"
    + "".join(f"<li><a href='/s{i}'>Story number {i}</a></li>" for i in range(5)) + "</ul></body></html>",
    "<html><body><form><p>Please log in to continue reading.</p><input name=user><input name=pw></form></body></html>",
    "\x00\x01<<<<>>>>&&&; not html at all \xff",
], ids=["index page", "login wall", "garbage"])
def test_a_page_without_an_article_body_is_refused(page):
    with pytest.raises(BadDocumentError, match="no article body|could not be parsed"):
        extract(page.encode("utf-8", "surrogateescape"), "page.html", 5 << 20)


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal PDF: one Helvetica text block a page, a line per string."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        stream = "BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({_pdf_string(x)}) Tj T*" for x in lines) + " ET"
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objs)} 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    if title:
        objs.append(f"<< /Title ({_pdf_string(title)}) >>")
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    info = f" /Info {len(objs)} 0 R" if title else ""
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


PAGES = [
    ["THE HARBOUR GAZETTE", "Tampere gets a robot factory", "Zorblax Robotics will build a factory in Tam-",
     "pere, the company said on Monday.", "Page 1"],
    ["THE HARBOUR GAZETTE", "The plant will employ about 400 people when it opens in 2028.", "Page 2"],
    ["THE HARBOUR GAZETTE", "Robots for warehouses across Europe will be made there.", "Page 3"],
]


def test_a_pdf_in_reading_order_with_hyphens_joined_running_lines_dropped_and_pages_kept():
    data = make_pdf(PAGES, title="Tampere gets a robot factory")
    doc = document_from_bytes(data, "harbour.pdf")
    assert doc.title == "Tampere gets a robot factory"
    assert "factory in Tampere, the company" in doc.raw  # "Tam-" + "pere" joined
    assert "HARBOUR GAZETTE" not in doc.raw and "Page 2" not in doc.raw
    second = doc.raw.index("about 400 people")
    assert doc.page_at(doc.raw.index("Zorblax")) == 1 and doc.page_at(second) == 2
    assert doc.page_at(doc.raw.index("warehouses")) == 3


def test_a_pdf_without_text_or_encrypted_is_refused_with_what_to_do():
    with pytest.raises(BadDocumentError, match="no text layer.*OCR"):
        extract(make_pdf([[], []]), "scan.pdf", 5 << 20)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("secret")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(BadDocumentError, match="encrypted"):
        extract(locked.getvalue(), "locked.pdf", 5 << 20)
    with pytest.raises(BadDocumentError, match="not a readable PDF"):
        extract(b"%PDF-1.4\nthis is not really a pdf", "broken.pdf", 5 << 20)


def test_pages_and_pdfs_are_indexed_cited_exactly_and_never_re_extracted(fake_qa, monkeypatch):
    corpus = fake_qa["corpus"]
    (corpus / "zorblax.html").write_text(PAGE, "utf-8")
    (corpus / "harbour.pdf").write_bytes(make_pdf(PAGES, title="Tampere gets a robot factory"))
    (corpus / "login.html").write_text("<html><body><p>Please log in.</p></body></html>", "utf-8")
    api.clear_cache()
    with pytest.warns(SkippedFileWarning, match="login.html: no article body"):
        a = qa.ask("How many people will the Zorblax plant employ?")
    docs = {d.doc_id: d for d in load_corpus(corpus)}
    assert {"zorblax", "harbour"} <= set(docs) and "login" not in docs
    for c in a.citations:
        assert docs[c.doc_id].raw[c.start:c.end] == c.text
    cited = {c.doc_id: c for c in a.citations}
    # A PDF's citation names the page it starts on (the first chunk runs from page 1 into page 2).
    harbour = cited["harbour"]
    assert "about 400 people" in harbour.text and harbour.page == docs["harbour"].page_at(harbour.start) == 1
    assert docs["harbour"].page_at(harbour.start + harbour.text.index("about 400 people")) == 2
    assert all(c.page is None for c in a.citations if c.doc_id != "harbour")
    stored = list((fake_qa["index_root"]).rglob("extracted/*.json"))
    assert len(stored) == 2 and all("text" in json.loads(p.read_text()) for p in stored)
    # Later loads read the stored text: an extractor that changed (here: broken) changes nothing.
    import qa.ingest.corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "extract", lambda *a, **k: pytest.fail("extracted again"))
    api.clear_cache()
    (corpus / "login.html").unlink()
    again = qa.ask("How many people will the Zorblax plant employ?")
    assert [c.text for c in again.citations] == [c.text for c in a.citations]
