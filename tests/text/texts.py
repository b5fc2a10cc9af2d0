"""The document a 公文's text gives, for tests written against text (files: read_document)."""

from __future__ import annotations

from gongkai.models import Document
from gongkai.text import extract


def text_document(text: str) -> Document:
    """``extract(text).document``: ``gongkai.text.read_document`` reads files, not text."""
    return extract(text).document
