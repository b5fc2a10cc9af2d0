"""Reading a 公文 from plain text: ``read_document(text)`` gives a :class:`~gongkai.models.Document`.

``extract(text)`` gives the same document in an :class:`Extraction` that also
says on which line each element was found.
"""

from __future__ import annotations

from gongkai.text.dates import parse_date
from gongkai.text.reader import Extraction, extract, read_document

__all__ = ["Extraction", "extract", "parse_date", "read_document"]
