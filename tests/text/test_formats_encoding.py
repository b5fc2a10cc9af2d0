"""Text files in every encoding Chinese tools save: the same 公文 whatever the bytes."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.errors import TextExtractionError
from gongkai.text import extract, read_document
from gongkai.text.encoding import decode_text

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = sorted(FIXTURES.glob("*.txt"))

#: How Windows tools save a text: Notepad "UTF-8" / "UTF-8 with BOM" / "Unicode" /
#: "Unicode big endian" / "ANSI" on a Chinese system (GBK), WPS and older tools (GB18030, GB2312).
SAVED_AS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "gbk": lambda t: t.encode("gbk"),
    "gb18030": lambda t: t.encode("gb18030"),
}


@pytest.mark.parametrize("encoding", sorted(SAVED_AS))
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:2])
def test_every_encoding_reads_the_same_document(path: Path, encoding: str) -> None:
    text = path.read_text(encoding="utf-8")
    got = read_document(SAVED_AS[encoding](text), name="draft.txt")
    want = extract(text)
    assert got.document == want.document
    assert got.lines == want.lines


def test_gb2312_file_on_disk(tmp_path: Path) -> None:
    text = (FIXTURES / "01_notice_standard.txt").read_text(encoding="utf-8")
    path = tmp_path / "邢政办字〔2017〕39号.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = read_document(path).document
    assert (doc.doc_number, doc.disclosure_marking) == ("邢政办字〔2017〕39号", "（此件公开发布）")


def test_real_gbk_text_is_never_valid_utf8() -> None:
    """Why UTF-8 first is safe: the first 〔 (A1 B2) or 号 (BA C5) of a GBK 公文 breaks UTF-8."""
    for path in TEXTS:
        data = path.read_text(encoding="utf-8").encode("gbk")
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    for char in "〔号年月日":
        with pytest.raises(UnicodeDecodeError):
            char.encode("gbk").decode("utf-8")


def test_gbk_bytes_that_are_valid_utf8_decode_as_utf8() -> None:
    """``录`` in GBK is C2 BC, valid UTF-8 for ``¼``: the strict order reads UTF-8, as documented."""
    assert "录".encode("gbk") == b"\xc2\xbc"
    assert decode_text("录".encode("gbk")) == "¼"


@given(
    st.text(
        st.sampled_from("国务院办公厅关于印发通知〔〕号年月日（此件公开发布）\n 0123456789ab：")
    )
)
def test_decoding_gives_back_the_text(text: str) -> None:
    for encoding, save in SAVED_AS.items():
        data = save(text)
        if encoding in ("gbk", "gb18030") and _valid_utf8(data):
            assert decode_text(data) == data.decode("utf-8")  # the documented ambiguity
        else:
            assert decode_text(data) == text, encoding


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_undecodable_bytes_name_the_encodings_tried() -> None:
    with pytest.raises(TextExtractionError) as err:
        decode_text("国办发".encode("gbk") + b"\x80\xff", "draft.txt")
    assert "UTF-8" in str(err.value) and "UTF-16" in str(err.value)
    assert "GB18030" in str(err.value) and "draft.txt" in str(err.value)
    assert err.value.zh.startswith("文件 draft.txt 无法解码为文本")


def test_a_broken_utf16_file_is_an_error() -> None:
    with pytest.raises(TextExtractionError, match="UTF-16 LE"):
        decode_text(codecs.BOM_UTF16_LE + "公文".encode("utf-16-le") + b"\x00")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # a scanned page as an image
        bytes(range(256)) * 4,
        "公文".encode() + b"\x00\x01\x02",
    ],
    ids=["png", "all-bytes", "nul"],
)
def test_binary_data_is_an_error_never_garbage(data: bytes) -> None:
    with pytest.raises(TextExtractionError, match="binary data"):
        decode_text(data, "x.txt")


def test_utf16_without_bom_is_binary() -> None:
    """UTF-16 without a BOM cannot be told from binary data: refused, not guessed."""
    with pytest.raises(TextExtractionError, match="binary data"):
        decode_text("国办发〔2019〕14号".encode("utf-16-le"))
