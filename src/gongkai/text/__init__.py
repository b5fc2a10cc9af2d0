"""Reading a 公文: from its text (``extract``) or from a file of any format (``read_document``).

Both give an :class:`Extraction`: the :class:`~gongkai.models.Document` and the
line where each element was found. Files may be .txt (UTF-8, UTF-16 with BOM,
GB18030/GBK), .docx (extra ``gongkai[docx]``), .pdf (extra ``gongkai[pdf]``) or
a saved web page (.html).
"""

from __future__ import annotations

from gongkai.text.dates import parse_date
from gongkai.text.files import MAX_BYTES, read_document, read_file, read_text
from gongkai.text.formats.sniff import FORMATS, Format, detect_format
from gongkai.text.reader import Extraction, extract

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "Extraction",
    "Format",
    "detect_format",
    "extract",
    "parse_date",
    "read_document",
    "read_file",
    "read_text",
]
