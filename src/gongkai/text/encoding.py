"""The bytes of a text file decoded: a BOM if there is one, else strict UTF-8, else GB18030.

Chinese Windows tools save text as GB18030 / GBK / GB2312 (GB18030 is a superset
of the other two), as UTF-16 with a BOM ("Unicode" in Notepad) or as UTF-8 with
or without a BOM. The order is strict and nothing is guessed from statistics:

1. a BOM decides (UTF-8, UTF-16 LE, UTF-16 BE);
2. without a BOM, bytes that are valid UTF-8 are UTF-8. A GBK text is valid UTF-8
   only when every one of its characters happens to encode as a UTF-8 sequence
   (``录`` is ``C2 BC``, ``¼`` in UTF-8): possible for a word or two, not for a
   公文, whose first ``〔`` (``A1 B2``) or ``号`` (``BA C5``) already breaks it;
3. else GB18030.

A NUL byte without a UTF-16 BOM, or control characters where text has none,
mean a binary file: an error, never garbage text.
"""

from __future__ import annotations

import codecs
import re

from gongkai.errors import TextExtractionError

__all__ = ["ENCODINGS", "decode_text"]

#: The encodings tried, in order, as the error message names them.
ENCODINGS = ("UTF-8", "UTF-16 (BOM)", "GB18030/GBK/GB2312")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)
#: C0 controls that no text file holds (tab, line breaks, form feed and ^Z are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
#: Share of control characters above which decoded "text" is taken as binary data.
_MAX_CONTROL_SHARE = 0.005


def subject(name: str) -> tuple[str, str]:
    """How an error names its input, in Chinese and English: the file, or "the input"."""
    return (f"文件 {name} ", f"{name} ") if name else ("输入", "the input ")


def _binary(name: str) -> TextExtractionError:
    zh, en = subject(name)
    return TextExtractionError(
        f"{zh}含有二进制数据（空字符或控制字符），不是文本；可读取的格式为 .txt、.docx、.pdf、.html",
        f"{en}holds binary data (NUL or control characters), not text; "
        "readable formats are .txt, .docx, .pdf and .html",
    )


def _checked(text: str, name: str) -> str:
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise _binary(name)
    return text


def decode_text(data: bytes, name: str = "") -> str:
    """``data`` decoded as text (in the module's order); ``name`` names the file in errors.

    Raises :class:`~gongkai.errors.TextExtractionError` for binary data or bytes
    that none of :data:`ENCODINGS` decodes.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), name)
            except UnicodeDecodeError:
                zh, en = subject(name)
                raise TextExtractionError(
                    f"{zh}以 {label} 字节顺序标记（BOM）开头，但内容不是有效的 {label} 文本",
                    f"{en}starts with a {label} byte order mark (BOM) but is not valid {label} text",
                ) from None
    if b"\x00" in data:
        raise _binary(name)
    for codec in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(codec), name)
        except UnicodeDecodeError:
            continue
    zh, en = subject(name)
    raise TextExtractionError(
        f"{zh}无法解码为文本（已尝试 {'、'.join(ENCODINGS)}）",
        f"{en}cannot be decoded as text (tried {', '.join(ENCODINGS)})",
    )
