"""A 公文 sent as a file: the one place that turns uploaded bytes into a record."""

from __future__ import annotations

from gongkai.models import Document
from gongkai.text import read_document


def read_upload(name: str, content: bytes) -> tuple[Document, dict[str, int]]:
    """The 公文 in an uploaded file and the line of each element found.

    Every format :func:`gongkai.text.read_document` reads (.txt in UTF-8, UTF-16 or
    GB18030, .docx, .pdf, .html); the upload's name gives the suffix, the content is sniffed.
    """
    found = read_document(content, name=name)
    return found.document, dict(found.lines)
