"""A 公文 read from a file or its bytes, in any format gongkai reads.

``read_document(Path("draft.docx"))`` and ``read_document(data, name="draft.pdf")``
give the same :class:`~gongkai.text.Extraction` as ``extract(text)`` does for
the text: the format comes from ``format=``, else the file's suffix, else the
content, and content that contradicts the suffix is an error. A ``str`` is
never taken for a path or a text: pass a :class:`~pathlib.Path`, or give text
to :func:`~gongkai.text.extract`.

``line`` in :attr:`Extraction.lines` is a line of the text :func:`read_text`
gives: for .txt the file's own lines, for .docx one line per paragraph
(headers, body and tables, footers), for .pdf the extracted lines page after
page, for .html one line per block or metadata row.
"""

from __future__ import annotations

import os

from gongkai.errors import GongkaiError, TextExtractionError
from gongkai.text.encoding import decode_text, subject
from gongkai.text.formats.docx import docx_lines
from gongkai.text.formats.html import html_lines, page_text
from gongkai.text.formats.pdf import pdf_lines
from gongkai.text.formats.sniff import Format, detect_format
from gongkai.text.reader import Extraction, extract

__all__ = ["MAX_BYTES", "read_document", "read_file", "read_text"]

#: The largest file read (20 MiB): a 公文 with attachments is far smaller; checked before parsing.
MAX_BYTES = 20 * 1024 * 1024


def _too_large(name: str) -> TextExtractionError:
    zh, en = subject(name)
    mib = MAX_BYTES // (1024 * 1024)
    return TextExtractionError(
        f"{zh}超过 {mib} MB 的读取上限", f"{en}is larger than the {mib} MB reading limit"
    )


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file; larger than :data:`MAX_BYTES` is an error, found before reading on."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as err:
        raise GongkaiError(
            f"无法读取文件 {name}：{err.strerror or err}",
            f"cannot read {name}: {err.strerror or err}",
        ) from None
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return data


def _source(source: object, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, str):
        raise TextExtractionError(
            "读取文件不接受字符串（str）：文件请传 pathlib.Path 或 bytes，文本请用 gongkai.text.extract(text)",
            "a file is read from a pathlib.Path or bytes, not a str: "
            "give text to gongkai.text.extract(text)",
        )
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            raise _too_large(name or "")
        return source, name or ""
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if isinstance(path, str):
            return read_file(path), name or path
    raise TextExtractionError(
        f"读取文件需要 pathlib.Path 或 bytes，得到 {type(source).__name__}",
        f"a file is read from a pathlib.Path or bytes, not {type(source).__name__}",
    )


def read_text(
    source: os.PathLike[str] | bytes, *, format: Format | None = None, name: str | None = None
) -> str:
    """The plain text of a 公文 file: what :func:`read_document` reads (see the module).

    ``name`` is the file name of ``bytes`` (an upload's name, say): its suffix
    picks the format. Raises :class:`~gongkai.errors.TextExtractionError` for a
    format gongkai cannot read, a reader that is not installed (the message
    names the ``pip install`` line), binary or undecodable data.
    """
    data, label = _source(source, name)
    found = detect_format(data, label, format)
    if found == "docx":
        lines = docx_lines(data, label)
    elif found == "pdf":
        lines = pdf_lines(data, label)
    elif found == "html":
        lines = html_lines(page_text(data, label))
    else:
        return decode_text(data, label)
    return "\n".join(lines)


def read_document(
    source: os.PathLike[str] | bytes, *, format: Format | None = None, name: str | None = None
) -> Extraction:
    """The 公文 in a file (.txt, .docx, .pdf, .html), with the line where each element stands.

    ``source`` is a path (:class:`~pathlib.Path`) or the file's bytes; see
    :func:`read_text` for ``format`` and ``name`` and the errors.
    """
    return extract(read_text(source, format=format, name=name))
