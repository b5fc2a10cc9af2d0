"""The text lines of a saved web page (a gov.cn-style 公文 page), with the stdlib parser.

Block elements (``p``, ``div``, ``br``, headings …) end a line; a table row, a
list item or a definition list is one row whose cells go through
:func:`~gongkai.text.formats.rows.row_lines`, so a metadata row comes out as
``发文字号：国办发〔2019〕14号`` ahead of the body. Scripts, styles and the
``<head>`` are skipped; blank lines are dropped.

Bytes are decoded like a text file (:func:`~gongkai.text.encoding.decode_text`:
UTF-8, else GB18030) whatever ``<meta charset>`` says, since sites mislabel
UTF-8 and GB pages (and a Latin-1 label would decode anything into garbage);
only a page declaring Big5 (traditional characters) is decoded as declared,
since GB18030 would read its bytes as wrong characters without an error.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from gongkai.errors import TextExtractionError
from gongkai.text.encoding import decode_text, subject
from gongkai.text.formats.rows import labelled, row_lines

__all__ = ["html_lines", "page_text"]

_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
#: Declared charsets that are decoded as declared: the Big5 family.
_BIG5 = frozenset({"big5", "big5hkscs", "cp950"})

#: Elements that end a line (or, inside a row, a cell), by kind.
_BLOCK_GROUPS = (
    "address article aside blockquote center div figure figcaption footer form header main nav",
    "section h1 h2 h3 h4 h5 h6 p pre hr br",
    "table caption thead tbody tfoot tr td th",
    "ul ol li dl dt dd",
)
_BLOCKS = frozenset(tag for group in _BLOCK_GROUPS for tag in group.split())
_ROWS = frozenset({"tr", "li", "dl"})
_SKIPPED = frozenset({"script", "style", "head", "noscript", "template", "svg", "select"})
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._text: list[str] = []  # the text since the last break
        self._cells: list[list[str]] | None = None  # the open row's cells, or None
        self._rows = 0  # depth of open row elements
        self._skip = 0  # depth of skipped elements

    def _break(self) -> None:
        text = _SPACE.sub(" ", "".join(self._text)).strip()
        self._text.clear()
        if self._cells is not None:
            self._cells[-1].append(text)
        elif text:
            self.lines.append(labelled(text))

    def _open_row(self) -> None:
        self._break()
        if self._rows == 0:
            self._cells = [[]]
        self._rows += 1

    def _close_row(self) -> None:
        self._break()
        self._rows -= 1
        if self._rows == 0 and self._cells is not None:
            self.lines.extend(row_lines(self._cells))
            self._cells = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif self._skip:
            return
        elif tag in _ROWS:
            self._open_row()
        elif tag in _BLOCKS:
            self._break()
            if self._cells is not None and tag in ("td", "th", "dt", "dd", "div", "p"):
                self._cells.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif self._skip:
            return
        elif tag in _ROWS:
            if self._rows:
                self._close_row()
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        while self._rows:  # a row the page left open
            self._close_row()
        self._break()


def page_text(data: bytes, name: str = "") -> str:
    """A saved page's bytes decoded (see the module for the charset)."""
    m = _CHARSET.search(data[:4096])
    if m is None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)
    declared = m[1].decode("ascii").lower()
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        codec = ""
    if codec not in _BIG5:
        return decode_text(data, name)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        zh, en = subject(name)
        raise TextExtractionError(
            f"{zh}声明字符集 {declared}，内容却不是有效的 {declared} 文本",
            f"{en}declares the charset {declared} but is not valid {declared} text",
        ) from None


def html_lines(page: str) -> list[str]:
    """The text lines of an HTML page, metadata rows as ``label：value`` lines."""
    parser = _Lines()
    parser.feed(page)
    parser.close()
    return parser.lines
