"""The text lines of a PDF, with pypdf (extra ``gongkai[pdf]``).

pypdf was measured against pdfminer.six on Chinese 公文 PDFs (docs/design.md,
benchmarks/bench_pdf_readers.py): it keeps a signature's lines in order and
the issuer's name above the title, and is twice as fast. Extractors put a
space where the font changes between Chinese and Latin characters
(``39 号``, ``2017 年``); such spaces are removed. Pages follow each other; a
PDF without a text layer (a scan) is an error: it needs OCR first.
"""

from __future__ import annotations

import io
import re

from gongkai.errors import TextExtractionError
from gongkai.text.encoding import subject
from gongkai.text.formats.extras import missing_extra

__all__ = ["pdf_lines", "pdf_text_lines"]

_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
#: Spaces (ASCII or full-width) between a Chinese and a Latin character, either way round.
_FONT_GAP = re.compile(
    rf"(?<=[{_CJK}])[ \u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \u3000]+(?=[{_CJK}])"
)
_LINE_BREAK = re.compile(r"\r\n|[\r\n\f]")


def pdf_text_lines(text: str) -> list[str]:
    """The lines of a PDF's extracted text, without the spaces put at font changes."""
    return [_FONT_GAP.sub("", line.rstrip()) for line in _LINE_BREAK.split(text)]


def pdf_lines(data: bytes, name: str = "") -> list[str]:
    """The lines of a PDF's text layer, page after page."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise missing_extra(".pdf", "pdf", "pypdf") from None
    zh, en = subject(name)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # opens files with an owner password only
        text = "\n".join(page.extract_text() for page in reader.pages)
    except Exception as err:  # a malformed file makes the parser fail in many ways: bad input
        raise TextExtractionError(
            f"{zh}不是可读取的 PDF（已损坏或加密：{err}）",
            f"{en}is not a readable PDF (damaged or encrypted: {err})",
        ) from None
    if not text.strip():
        raise TextExtractionError(
            f"{zh}没有文字层（可能是扫描件），请先做文字识别（OCR）或提供 .docx/.txt",
            f"{en}has no text layer (a scan?): run OCR first, or give the .docx or .txt",
        )
    return pdf_text_lines(text)
