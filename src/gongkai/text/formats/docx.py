"""The text lines of a Word ``.docx`` file, with python-docx (extra ``gongkai[docx]``).

python-docx opens the package and finds the body, headers and footers; the
text is read from their XML as Word shows it with changes accepted: tracked
insertions and content controls included, deletions and moved-from text left
out. Reading order: the page headers Word shows (the first page's and even pages'
only when the document uses them), then the body (paragraphs and tables in
the order they stand, nested tables included), then the page footers. Each
paragraph is one line, and a manual line break (Shift+Enter) inside a
paragraph starts another; a table row goes through
:func:`~gongkai.text.formats.rows.row_lines` (a merged cell is one ``w:tc``,
read once). Text boxes and field codes are not read.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from gongkai.errors import TextExtractionError
from gongkai.text.encoding import subject
from gongkai.text.formats.extras import missing_extra
from gongkai.text.formats.rows import row_lines

__all__ = ["docx_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: What Word does not show as the paragraph's text: deletions, moves' origin, properties,
#: text boxes (read neither in the paragraph nor as their own lines), fallbacks.
_HIDDEN = frozenset(
    {_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _W + "txbxContent", _MC + "Fallback"}
)
_BREAKS = frozenset({_W + "br", _W + "cr"})


def _paragraph(p: Any) -> str:
    """The text Word shows for a ``w:p`` element, ``\n`` at manual line breaks."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _W + "t":
            parts.append(child.text or "")
        elif child.tag == _W + "tab":
            parts.append("\t")
        elif child.tag in _BREAKS:
            parts.append("\n")
        elif child.tag not in _HIDDEN:
            stack.append(iter(child))
    return "".join(parts)


def _blocks(container: Any) -> Iterator[str]:
    """The lines of the paragraphs and tables in a body, cell, header or footer element."""
    for child in container:
        if child.tag == _W + "p":
            yield from _paragraph(child).split("\n")
        elif child.tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                yield from row_lines(list(_blocks(cell)) for cell in row.iterchildren(_W + "tc"))
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(child)  # content controls and custom XML around blocks


def _parts(elements: Iterable[Any]) -> Iterator[str]:
    for element in elements:
        yield from _blocks(element)


def docx_lines(data: bytes, name: str = "") -> list[str]:
    """The lines of a .docx file's bytes in reading order (see the module)."""
    try:
        import docx
    except ImportError:
        raise missing_extra(".docx", "docx", "python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # a malformed package makes the parser fail in many ways: bad input
        zh, en = subject(name)
        raise TextExtractionError(
            f"{zh}不是可读取的 Word .docx 文档（{err}）",
            f"{en}is not a readable Word .docx document ({err})",
        ) from None
    headers: list[Any] = []
    footers: list[Any] = []
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        shown = [(section.header, section.footer)]  # the first and even pages' only if used
        if section.different_first_page_header_footer:
            shown.insert(0, (section.first_page_header, section.first_page_footer))
        if even_pages:
            shown.append((section.even_page_header, section.even_page_footer))
        for header, footer in shown:
            if not header.is_linked_to_previous:  # linked: no definition of its own
                headers.append(header.part.element)
            if not footer.is_linked_to_previous:
                footers.append(footer.part.element)
    return [*_parts(headers), *_blocks(document.element.body), *_parts(footers)]
