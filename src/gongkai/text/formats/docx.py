"""The text lines of a Word ``.docx`` file, with python-docx (extra ``gongkai[docx]``).

Reading order: the page headers, then the body (paragraphs and tables in the
order they stand, nested tables included), then the page footers. Each
paragraph is one line, and a manual line break (Shift+Enter) inside a
paragraph starts another; a table row goes through
:func:`~gongkai.text.formats.rows.row_lines` (a merged cell is read once).
Text boxes and fields' hidden codes are not read.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from gongkai.errors import TextExtractionError
from gongkai.text.encoding import subject
from gongkai.text.formats.extras import missing_extra
from gongkai.text.formats.rows import row_lines

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["docx_lines"]


class _Blocks(Protocol):
    """The document body, a page header or footer, a table cell."""

    def iter_inner_content(self) -> Iterator[Paragraph | Table]: ...


def _table_lines(table: Table) -> Iterator[str]:
    seen: dict[int, object] = {}  # the cells' elements, kept alive so that their ids stay theirs
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats across the grid: read it once
                continue
            seen[id(cell._tc)] = cell._tc
            cells.append(list(_block_lines(cell)))
        yield from row_lines(cells)


def _block_lines(container: _Blocks) -> Iterator[str]:
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_lines(item)
        else:
            yield from item.text.split("\n")


def _parts(containers: Iterable[_Blocks]) -> Iterator[str]:
    for container in containers:
        yield from _block_lines(container)


def docx_lines(data: bytes, name: str = "") -> list[str]:
    """The lines of a .docx file's bytes in reading order (see the module)."""
    try:
        import docx
    except ImportError:
        raise missing_extra(".docx", "docx", "python-docx") from None
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as err:
        zh, en = subject(name)
        raise TextExtractionError(
            f"{zh}不是可读取的 Word .docx 文档（{err}）",
            f"{en}is not a readable Word .docx document ({err})",
        ) from None
    headers: list[_Blocks] = []
    footers: list[_Blocks] = []
    for section in document.sections:
        for header, footer in (
            (section.first_page_header, section.first_page_footer),
            (section.header, section.footer),
            (section.even_page_header, section.even_page_footer),
        ):
            if not header.is_linked_to_previous:
                headers.append(header)
            if not footer.is_linked_to_previous:
                footers.append(footer)
    return [*_parts(headers), *_block_lines(document), *_parts(footers)]
