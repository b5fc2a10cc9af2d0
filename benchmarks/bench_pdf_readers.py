"""pypdf vs pdfminer.six on Chinese 公文 PDFs: fields read right, and time per page.

Two kinds of PDF made from the 11 real 公文 texts of tests/text/fixtures:

- ``libreoffice``: the committed fixtures tests/text/data/*.pdf (a Word draft
  exported by LibreOffice, embedded TrueType subsets with ToUnicode maps, as
  WPS and Word export);
- ``reportlab-cid``: built here with reportlab's STSong-Light, a non-embedded
  Adobe-GB1 CID font (no ToUnicode map: the reader must know the CMap).

For each PDF the text each library extracts (with the spaces extractors put
at font changes removed, as gongkai does) is read by ``gongkai.text.extract``
and its fields (doc_number, title, issuer, issue_date, disclosure_marking)
compared with those read from the .txt, spaces aside; time is CPU time of the
process per PDF (``time.process_time``), mean of 5 rounds.
Run: ``python benchmarks/bench_pdf_readers.py``.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gongkai.text import extract
from gongkai.text.formats.pdf import pdf_text_lines

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "text" / "fixtures"
PDFS = ROOT / "tests" / "text" / "data"
FIELDS = ("doc_number", "title", "issuer", "issue_date", "disclosure_marking")
REPEAT = 5


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdfminer(data: bytes) -> str:
    return pdfminer_text(io.BytesIO(data))


def cid_pdf(text: str) -> bytes:
    """``text`` on A4 pages in STSong-Light, one line per line (long lines wrapped)."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    y = 800.0
    for line in text.splitlines():
        for start in range(0, max(len(line), 1), 28):
            if y < 60:
                pdf.showPage()
                y = 800.0
            pdf.setFont("STSong-Light", 16)
            pdf.drawString(60, y, line[start : start + 28])
            y -= 28
    pdf.save()
    return out.getvalue()


def fields(text: str) -> dict[str, object]:
    doc = extract("\n".join(pdf_text_lines(text))).document
    values = {name: getattr(doc, name) for name in FIELDS}
    return {n: "".join(v.split()) if isinstance(v, str) else v for n, v in values.items()}


def main() -> None:
    readers: dict[str, Callable[[bytes], str]] = {"pypdf": pypdf_text, "pdfminer.six": pdfminer}
    print("| PDFs | reader | fields right | ms per PDF |")
    print("|---|---|---:|---:|")
    for kind in ("libreoffice", "reportlab-cid"):
        cases = []
        for txt in sorted(FIXTURES.glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            pdf = (
                (PDFS / f"{txt.stem}.pdf").read_bytes() if kind == "libreoffice" else cid_pdf(text)
            )
            cases.append((pdf, fields(text)))
        for name, read in readers.items():
            right = total = 0
            for pdf, expected in cases:
                got = fields(read(pdf))
                right += sum(got[f] == expected[f] for f in FIELDS)
                total += len(FIELDS)
            start = time.process_time()
            for _ in range(REPEAT):
                for pdf, _expected in cases:
                    read(pdf)
            ms = (time.process_time() - start) * 1000 / (REPEAT * len(cases))
            print(f"| {kind} | {name} | {right}/{total} | {ms:.1f} |")


if __name__ == "__main__":
    main()
