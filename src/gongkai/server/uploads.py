"""A 公文 sent as a file: the one place that turns uploaded bytes into a record."""

from __future__ import annotations

from gongkai.errors import TextExtractionError
from gongkai.models import Document
from gongkai.text import extract


def read_upload(name: str, content: bytes) -> tuple[Document, dict[str, int]]:
    """The 公文 in an uploaded file and the line of each element found.

    Plain text for now (UTF-8, or GB18030 as Chinese Windows saves it); .docx, .pdf and
    .html come with ``gongkai.text.read_document`` for bytes, called here when it lands.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        found = extract(text)
        return found.document, dict(found.lines)
    raise TextExtractionError(
        f"文件 {name} 不是 UTF-8 或 GB18030 文本（.docx、.pdf 暂不支持）",
        f"{name} is not UTF-8 or GB18030 text (.docx and .pdf are not read yet)",
    )
