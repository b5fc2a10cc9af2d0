"""Word files built from the plain text of real 公文 (fixtures), as a drafting office types them."""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "仿宋_GB2312"  # GB/T 9704 body font; LibreOffice substitutes an installed CJK font


def text_docx(text: str) -> Document:
    """A .docx with one paragraph per line of ``text``, on GB/T 9704 pages in its body font.

    A line pushed right with more than two full-width spaces (the signature, the
    date) becomes a right-aligned paragraph, as Word users align them.
    """
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for line in text.splitlines():
        if line.startswith("\u3000" * 3):
            document.add_paragraph(line.strip()).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            document.add_paragraph(line)
    return document


def docx_bytes(document: Document) -> bytes:
    """The bytes of a .docx file."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
