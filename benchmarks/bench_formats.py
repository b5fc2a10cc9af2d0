"""Reading a typical 公文 from .txt, GB18030 .txt, .html, .docx and .pdf, and checking it.

Run: ``python benchmarks/bench_formats.py [N]`` (N defaults to 500 documents).

The document is the real notice of tests/text/fixtures/01_notice_standard.txt
(邢政办字〔2017〕39号, two A4 pages once laid out): as the UTF-8 text, as GB18030
bytes, as a web page (one ``<p>`` per line), as a .docx (one paragraph per
line, tests/text/builders.py) and as the PDF LibreOffice made of that .docx
(tests/text/data/01_notice_standard.pdf). Each is read N times from bytes by
``gongkai.text.read_document``; best of 3 rounds. Printed: documents and pages
per second per format, the time for N documents read and checked with the
national pack (``pack.check``), and each format's cost against the UTF-8 text
measured in the same run.
"""

from __future__ import annotations

import html
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from gongkai import SHANGHAI, load_pack
from gongkai.text import read_document

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.text.builders import docx_bytes, text_docx  # noqa: E402

TEXT = (ROOT / "tests/text/fixtures/01_notice_standard.txt").read_text(encoding="utf-8")
PDF = (ROOT / "tests/text/data/01_notice_standard.pdf").read_bytes()
AS_OF = datetime(2026, 4, 10, 9, tzinfo=SHANGHAI)


def best(seconds: list[float]) -> float:
    return min(seconds)


def timed(data: bytes, name: str, n: int, check: bool = False) -> float:
    pack = load_pack("national")
    rounds = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(n):
            doc = read_document(data, name=name).document
            if check:
                pack.check(doc, AS_OF)
        rounds.append(time.perf_counter() - start)
    return best(rounds)


def main(n: int) -> None:
    page = "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in TEXT.splitlines())
    inputs = {
        ".txt (UTF-8)": (TEXT.encode(), "a.txt"),
        ".txt (GB18030)": (TEXT.encode("gb18030"), "a.txt"),
        ".html": ((page + "</body></html>").encode(), "a.html"),
        ".docx": (docx_bytes(text_docx(TEXT)), "a.docx"),
        ".pdf": (PDF, "a.pdf"),
    }
    pages = len(PdfReader(ROOT / "tests/text/data/01_notice_standard.pdf").pages)
    print(f"Python {platform.python_version()}, {n} documents of {pages} pages, best of 3\n")
    print(f"| format | documents/s | pages/s | {n} read | {n} read + checked | × .txt |")
    print("|---|---:|---:|---:|---:|---:|")
    base = None
    for label, (data, name) in inputs.items():
        read = timed(data, name, n)
        checked = timed(data, name, n, check=True)
        base = base or read
        print(
            f"| {label} | {n / read:,.0f} | {n * pages / read:,.0f} | {read:.2f} s "
            f"| {checked:.2f} s | {read / base:.1f} |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
