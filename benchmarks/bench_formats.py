"""Reading a typical 公文 from .txt, GB18030 .txt, .html, .docx and .pdf, and checking it.

Run: ``python benchmarks/bench_formats.py [N]`` (N defaults to 500 documents).

The document is the real notice of tests/text/fixtures/01_notice_standard.txt
(邢政办字〔2017〕39号, two A4 pages once laid out): as the UTF-8 text, as GB18030
bytes, as a web page (one ``<p>`` per line), as a .docx (one paragraph per
line, tests/text/builders.py) and as the PDF LibreOffice made of that .docx
(tests/text/data/01_notice_standard.pdf). Each is read N times from bytes by
``gongkai.text.read_document``, then the N documents are checked with the
national pack (``pack.check``); best of 3 rounds each, timed in CPU seconds of
the process (``time.process_time``: other jobs on the machine do not count). Printed: documents and
pages per second per format, the time for N documents read, read and checked,
and each format's reading time against the UTF-8 text's in the same run.
"""

from __future__ import annotations

import html
import platform
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from gongkai import SHANGHAI, Document, load_pack
from gongkai.text import read_document

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.text.builders import docx_bytes, text_docx  # noqa: E402

TEXT = (ROOT / "tests/text/fixtures/01_notice_standard.txt").read_text(encoding="utf-8")
PDF = (ROOT / "tests/text/data/01_notice_standard.pdf").read_bytes()
AS_OF = datetime(2026, 4, 10, 9, tzinfo=SHANGHAI)


def best_of_3(run: Callable[[], object]) -> float:
    """The best of 3 rounds of ``run``, in CPU seconds of this process (steady on a shared machine)."""
    rounds = []
    for _ in range(3):
        start = time.process_time()
        run()
        rounds.append(time.process_time() - start)
    return min(rounds)


def reading(data: bytes, name: str, n: int) -> Callable[[], list[Document]]:
    return lambda: [read_document(data, name=name).document for _ in range(n)]


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
    pack = load_pack("national")
    base = None
    for label, (data, name) in inputs.items():
        read = best_of_3(reading(data, name, n))
        docs = reading(data, name, n)()
        check = best_of_3(lambda docs=docs: [pack.check(doc, AS_OF) for doc in docs])
        base = base or read
        print(
            f"| {label} | {n / read:,.0f} | {n * pages / read:,.0f} | {read:.2f} s "
            f"| {read + check:.2f} s | {read / base:.1f} |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
