"""Which format a file is: by its suffix, by its first bytes, and the two must agree."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from typing import Literal

from gongkai.errors import TextExtractionError
from gongkai.text.encoding import subject

__all__ = ["FORMATS", "Format", "detect_format"]

Format = Literal["txt", "docx", "pdf", "html"]
#: The formats :func:`gongkai.text.read_document` reads.
FORMATS: tuple[Format, ...] = ("txt", "docx", "pdf", "html")

_SUFFIXES: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}
#: File suffixes read as one of :data:`FORMATS`.
SUFFIXES: frozenset[str] = frozenset(_SUFFIXES)
_WORKS = "可读取 .txt、.docx、.pdf、.html", "readable formats are .txt, .docx, .pdf and .html"
_OFD = (
    "OFD 版式文件暂不支持（PyPI 上没有维护良好、可放心依赖的 OFD 读取库），请另存为 PDF 或 .docx",
    "OFD files are not supported (no well-kept OFD reader on PyPI): save the file as PDF or .docx",
)
_OLD_WORD = (
    "旧版 Word/WPS 二进制格式（.doc/.wps）无法读取，请另存为 .docx 或 PDF",
    "old binary Word/WPS files (.doc/.wps) cannot be read: save the file as .docx or PDF",
)
_UNSUPPORTED: dict[str, tuple[str, str]] = {
    ".ofd": _OFD,
    ".doc": _OLD_WORD,
    ".wps": _OLD_WORD,
    ".rtf": (
        "RTF 文件无法读取，请另存为 .docx",
        "RTF files cannot be read: save the file as .docx",
    ),
}
_NAMES: dict[Format, tuple[str, str]] = {
    "txt": ("纯文本", "plain text"),
    "docx": ("Word .docx 文档", "a Word .docx document"),
    "pdf": ("PDF", "a PDF"),
    "html": ("网页 HTML", "a web page (HTML)"),
}
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|meta|body)\b",
    re.I | re.S,
)


def _refuse(name: str, reason: tuple[str, str]) -> TextExtractionError:
    zh, en = subject(name)
    return TextExtractionError(
        f"{zh.strip() or '输入'}：{reason[0]}；{_WORKS[0]}",
        f"{en.strip() or 'the input'}: {reason[1]}; {_WORKS[1]}",
    )


def _by_suffix(name: str) -> Format | None:
    suffix = PurePath(name).suffix.lower()
    if suffix in _UNSUPPORTED:
        raise _refuse(name, _UNSUPPORTED[suffix])
    return _SUFFIXES.get(suffix)


def _zip_kind(data: bytes, name: str) -> Format:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        raise _refuse(name, ("ZIP 压缩包已损坏", "the zip archive is damaged")) from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.lower() == "ofd.xml" for n in names):
        raise _refuse(name, _OFD)
    raise _refuse(
        name,
        ("这是一个 ZIP 压缩包（不是 Word .docx 文档）", "this is a zip archive, not a Word .docx"),
    )


def _by_content(data: bytes, name: str) -> Format | None:
    head = data[:1024].lstrip()
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _refuse(name, _OLD_WORD)
    if head.startswith(b"{\\rtf"):
        raise _refuse(name, _UNSUPPORTED[".rtf"])
    if _HTML_START.match(data[:4096]) is not None:  # ASCII tags: UTF-8 and GB18030 pages alike
        return "html"
    return None


def detect_format(data: bytes, name: str = "", format: Format | None = None) -> Format:
    """The format of ``data``: ``format`` if given, else the suffix of ``name``, else the content.

    The content is sniffed (zip with ``word/document.xml`` → docx, ``%PDF`` →
    pdf, ``<!DOCTYPE html`` / ``<html`` → html, anything else text); a stated
    format or suffix that the content contradicts is an error, as are formats
    gongkai cannot read (.ofd, .doc, .wps, .rtf, other zip archives).
    """
    if format is not None and format not in FORMATS:
        raise TextExtractionError(
            f"未知格式 {format!r}，可选：{'、'.join(FORMATS)}",
            f"unknown format {format!r}; choose one of {', '.join(FORMATS)}",
        )
    stated = format or (_by_suffix(name) if name else None)
    found = _by_content(data, name)
    actual = found or ("txt" if stated != "html" else "html")  # plain text is a valid page
    if stated is not None and actual != stated:
        zh, en = subject(name)
        raise TextExtractionError(
            f"{zh.strip() or '输入'}应为{_NAMES[stated][0]}，内容却是{_NAMES[actual][0]}：格式与内容不符",
            f"{en.strip() or 'the input'} should be {_NAMES[stated][1]} but its content is "
            f"{_NAMES[actual][1]}: the stated format and the content disagree",
        )
    return actual
