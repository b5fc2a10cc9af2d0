"""A 公文 read from .docx, .pdf and saved web pages: the same fields as from its text."""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from gongkai.errors import TextExtractionError
from gongkai.models.vocab import Disclosure
from gongkai.text import MAX_BYTES, Extraction, detect_format, extract, read_document, read_text
from gongkai.text.formats.html import html_lines
from gongkai.text.formats.rows import row_lines
from tests.text.builders import docx_bytes, text_docx

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
PDFS = HERE / "data"
PAGES = HERE / "data" / "pages"
TEXTS = sorted(FIXTURES.glob("*.txt"))
FIELDS = (
    "doc_number", "title", "doc_type", "issuer", "issue_date", "disclosure_marking",
    "secrecy_level", "secrecy_period", "urgency",
)  # fmt: skip


def flat(value: object) -> object:
    """A field without whitespace (PDF text puts spaces where the source had none)."""
    return "".join(value.split()) if isinstance(value, str) else value


def fields(doc: object) -> dict[str, object]:
    return {name: flat(getattr(doc, name)) for name in FIELDS}


# --------------------------------------------------------------------------- .docx


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:2])
def test_docx_of_a_real_text_reads_the_same(path: Path) -> None:
    """One paragraph per line: the same document, and paragraph numbers = the text's lines."""
    text = path.read_text(encoding="utf-8")
    got = read_document(docx_bytes(text_docx(text)), name=f"{path.stem}.docx")
    want = extract(text)
    assert got.document == want.document
    assert got.lines == want.lines


def _letter() -> tuple[Document, list[str]]:
    """A standard notice's header and body (fixture 01) as a Word document, without signature."""
    lines = (FIXTURES / "01_notice_standard.txt").read_text(encoding="utf-8").splitlines()
    return text_docx("\n".join(lines[:10])), lines


def test_docx_signature_and_marking_in_a_table() -> None:
    """Drafting templates often lay the signature, date and marking out in a borderless table."""
    document, _ = _letter()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 1).text = "邢台市人民政府办公室"
    table.cell(1, 1).text = "2017年7月28日"
    table.cell(2, 0).merge(table.cell(2, 1)).text = "（此件公开发布）"
    ext = read_document(docx_bytes(document), name="draft.docx")
    doc = ext.document
    assert doc.issuer == "邢台市人民政府办公室"
    assert doc.issue_date == date(2017, 7, 28)
    assert (doc.disclosure_marking, doc.disclosure) == ("（此件公开发布）", Disclosure.PUBLIC)
    text = read_text(docx_bytes(document), name="draft.docx")
    assert text.splitlines()[-3:] == ["邢台市人民政府办公室", "2017年7月28日", "（此件公开发布）"]


def test_docx_marking_in_the_footer_and_number_in_the_header() -> None:
    document, lines = _letter()
    for line in lines[10:13]:  # signature and date
        document.add_paragraph(line.strip())
    section = document.sections[0]
    section.footer.paragraphs[0].text = "（此件主动公开）"
    section.header.paragraphs[0].text = "邢政办字〔2017〕39号"
    text = read_text(docx_bytes(document), format="docx")
    assert text.splitlines()[0] == "邢政办字〔2017〕39号"
    assert text.splitlines()[-1] == "（此件主动公开）"
    doc = read_document(docx_bytes(document), format="docx").document
    assert (doc.doc_number, doc.disclosure_marking) == ("邢政办字〔2017〕39号", "（此件主动公开）")


def test_docx_second_section_footer_and_soft_breaks() -> None:
    document, _ = _letter()
    document.add_paragraph("邢台市人民政府办公室").add_run().add_break()
    document.paragraphs[-1].add_run("2017年7月28日")
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = "（此件公开发布）"
    doc = read_document(docx_bytes(document), name="a.docx").document
    assert (doc.issue_date, doc.disclosure_marking) == (date(2017, 7, 28), "（此件公开发布）")


def test_docx_first_page_footer_only_when_shown() -> None:
    """A first-page footer Word does not show (the option is off) is not read."""
    document, _ = _letter()
    section = document.sections[0]
    section.first_page_footer.paragraphs[0].text = "（此件公开发布）"
    assert "（此件公开发布）" not in read_text(docx_bytes(document), name="a.docx")
    section.different_first_page_header_footer = True
    assert read_text(docx_bytes(document), name="a.docx").endswith("（此件公开发布）")


def test_docx_metadata_table_gives_label_value_lines() -> None:
    document = text_docx("")
    table = document.add_table(rows=2, cols=4)
    for cell, value in zip(
        table.rows[0].cells + table.rows[1].cells,
        (
            "发文字号",
            "国办发〔2019〕14号",
            "成文日期：",
            "2019年04月17日",
            "公开方式",
            "主动公开",
            "",
            "",
        ),
        strict=True,
    ):
        cell.text = value
    lines = read_text(docx_bytes(document), name="meta.docx").splitlines()
    assert [line for line in lines if line] == [
        "发文字号：国办发〔2019〕14号",
        "成文日期：2019年04月17日",
        "公开方式：主动公开",
    ]


def test_docx_merged_cell_is_read_once() -> None:
    document = text_docx("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "（此件公开发布）"  # spans two rows
    table.cell(0, 1).text = "邢台市人民政府办公室"
    table.cell(1, 1).text = "2017年7月28日"
    lines = [line for line in read_text(docx_bytes(document), name="t.docx").splitlines() if line]
    assert lines == ["（此件公开发布）", "邢台市人民政府办公室", "2017年7月28日"]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_reads_the_text_with_tracked_changes_accepted() -> None:
    """A draft under review: 国办发 + inserted 〔2019〕14号, a deleted word, a content control."""
    document = text_docx("")
    paragraph = document.add_paragraph("国办发")
    for xml in (
        f'<w:ins {W} w:id="1" w:author="审核人"><w:r><w:t>〔2019〕14号</w:t></w:r></w:ins>',
        f'<w:del {W} w:id="2" w:author="审核人"><w:r><w:delText>删去</w:delText></w:r></w:del>',
        f'<w:moveFrom {W} w:id="3" w:author="审核人"><w:r><w:t>移走</w:t></w:r></w:moveFrom>',
    ):
        paragraph._p.append(parse_xml(xml))
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>（此件公开发布）</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    lines = [line for line in read_text(docx_bytes(document), name="d.docx").splitlines() if line]
    assert lines == ["国办发〔2019〕14号", "（此件公开发布）"]


# --------------------------------------------------------------------------- .pdf


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:2])
def test_pdf_of_a_real_text_reads_the_same_fields(path: Path) -> None:
    """PDFs exported by LibreOffice from the fixtures (tests/text/data/make_pdfs.py)."""
    want = fields(extract(path.read_text(encoding="utf-8")).document)
    got = fields(read_document(PDFS / f"{path.stem}.pdf").document)
    if path.stem == "05_chinese_date":  # pypdf orders the ○ glyphs of 二○二○年 wrongly
        assert got.pop("issue_date") is None
        want.pop("issue_date")
    assert got == want


def test_pdf_fixtures_stay_small() -> None:
    assert all(p.stat().st_size < 100_000 for p in PDFS.glob("*.pdf"))


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_without_text_layer_asks_for_ocr() -> None:
    with pytest.raises(TextExtractionError, match="no text layer") as err:
        read_document(_blank_pdf(), name="scan.pdf")
    assert "OCR" in err.value.zh


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(PDFS / "01_notice_standard.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_an_owner_password_only_is_read_with_a_user_password_refused() -> None:
    doc = read_document(_encrypted(""), name="restricted.pdf").document
    assert doc.doc_number == "邢政办字〔2017〕39号"
    with pytest.raises(TextExtractionError, match="damaged or encrypted"):
        read_document(_encrypted("secret"), name="locked.pdf")


def test_damaged_docx_is_an_error() -> None:
    with pytest.raises(TextExtractionError, match="not a readable Word"):
        read_document(_zip("word/document.xml"), name="x.docx")


def test_damaged_pdf_is_an_error() -> None:
    with pytest.raises(TextExtractionError, match="not a readable PDF"):
        read_document(b"%PDF-1.7\n1 0 obj <<>> garbage", name="x.pdf")


# --------------------------------------------------------------------------- .html

#: Saved pages of three real shapes (the URL is in each file), and what they state.
PAGE_FIELDS: dict[str, dict[str, object]] = {
    "gov_cn_2019_guobanfa_14.html": {
        "doc_number": "国办发〔2019〕14号",
        "title": "国务院办公厅关于印发2019年政务公开工作要点的通知",
        "issuer": "国务院办公厅",
        "issue_date": date(2019, 4, 17),
        "disclosure_marking": "（此件公开发布）",
    },
    "zb_gov_cn_2024_zhenzhengfa_7.html": {
        "doc_number": "镇政发〔2024〕7号",
        "title": "镇巴县人民政府工作规则",
    },
    "pingjiang_2017_yuebanfa_2.html": {  # saved in GB2312
        "doc_number": "岳办发〔2017〕2号",
        "issuer": "中共岳阳市委办公室",
        "issue_date": date(2017, 1, 10),
    },
}


@pytest.mark.parametrize("name", sorted(PAGE_FIELDS))
def test_saved_page_fields(name: str) -> None:
    doc = read_document(PAGES / name).document
    assert {k: getattr(doc, k) for k in PAGE_FIELDS[name]} == PAGE_FIELDS[name]


def test_metadata_rows_come_out_as_label_value_lines_before_the_body() -> None:
    lines = read_text(PAGES / "gov_cn_2019_guobanfa_14.html").splitlines()
    assert lines[1:8] == [
        "索引号：000014349/2019-00040",
        "主题分类：综合政务\\政务公开",
        "发文机关：国务院办公厅",
        "成文日期：2019年04月17日",
        "标题：国务院办公厅关于印发2019年政务公开工作要点的通知",
        "发文字号：国办发〔2019〕14号",
        "发布日期：2019年04月29日",
    ]
    assert "不是正文" not in "\n".join(lines)  # scripts are skipped
    zb = read_text(PAGES / "zb_gov_cn_2024_zhenzhengfa_7.html").splitlines()
    assert "发文字号：镇政发〔2024〕7号" in zb and "主题分类：" in zb


PAGE = '<html><head><meta charset="{}"></head><body><p>國辦發〔2019〕14號</p></body></html>'


def test_a_big5_page_is_decoded_as_declared_not_as_gb18030() -> None:
    """big5.www.gov.cn serves traditional characters; GB18030 would read Big5 bytes as other ones."""
    data = PAGE.format("big5").encode("big5")
    assert data.decode("gb18030") != PAGE.format("big5")  # decodes without error, wrongly
    assert read_text(data, name="page.html") == "國辦發〔2019〕14號"


@pytest.mark.parametrize("declared", ["gb2312", "utf-8", "iso-8859-1", "x-unknown"])
def test_gb_and_utf8_pages_are_read_whatever_they_declare(declared: str) -> None:
    """Sites mislabel UTF-8 and GB pages: the text file order decides (UTF-8, else GB18030)."""
    page = PAGE.format(declared).replace("國辦發", "国办发").replace("號", "号")
    for data in (page.encode("utf-8"), page.encode("gb18030")):
        assert read_text(data, name="page.html") == "国办发〔2019〕14号"


def test_a_page_that_is_not_what_it_declares_is_an_error() -> None:
    with pytest.raises(TextExtractionError, match="declares the charset big5"):
        read_text(PAGE.format("big5").encode("utf-8") + b"\xff\xfe", name="page.html")


def test_html_lines_are_what_extract_counts() -> None:
    ext = read_document(PAGES / "gov_cn_2019_guobanfa_14.html")
    lines = read_text(PAGES / "gov_cn_2019_guobanfa_14.html").splitlines()
    assert lines[ext.lines["doc_number"] - 1] == "国办发〔2019〕14号"
    assert lines[ext.lines["disclosure_marking"] - 1] == "（此件公开发布）"


@pytest.mark.parametrize(
    ("cells", "lines"),
    [
        ([["发 文 字 号 :"], ["国办发〔2019〕14号"]], ["发文字号：国办发〔2019〕14号"]),
        (
            [["文号"], ["皖政办〔2019〕22号"], ["成文日期"], []],
            ["文号：皖政办〔2019〕22号", "成文日期："],
        ),
        (
            [["主题分类："], ["发文机关："], ["国务院办公厅"]],
            ["主题分类：", "发文机关：国务院办公厅"],
        ),
        ([["各部门："], ["现将有关事项通知如下。"]], ["各部门：", "现将有关事项通知如下。"]),
        (
            [["国务院办公厅", "2019年4月17日"], ["（此件公开发布）"]],
            ["国务院办公厅", "2019年4月17日", "（此件公开发布）"],
        ),
        ([["发布时间:2019-04-29 来源:中国政府网"]], ["发布时间：2019-04-29 来源:中国政府网"]),
    ],
    ids=["spaced-label", "empty-value", "label-after-label", "addressee", "signature", "inline"],
)
def test_row_lines(cells: list[list[str]], lines: list[str]) -> None:
    """A label cell joins the value after it; an addressee ending in a colon is no label."""
    assert row_lines(cells) == lines


# --------------------------------------------------------------------------- choosing the format


def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


def test_format_by_suffix_and_content() -> None:
    pdf = (PDFS / "01_notice_standard.pdf").read_bytes()
    assert detect_format(pdf) == "pdf"
    assert detect_format(pdf, "a.PDF") == "pdf"
    assert detect_format(docx_bytes(text_docx("x"))) == "docx"
    assert detect_format((PAGES / "gov_cn_2019_guobanfa_14.html").read_bytes()) == "html"
    assert detect_format("国办发〔2019〕14号".encode()) == "txt"
    assert detect_format(b"plain words", "page.html") == "html"  # a page may be bare text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.7\n", "draft.docx", "should be a Word .docx document but its content is a PDF"),
        (_zip("word/document.xml"), "draft.pdf", "should be a PDF but its content is a Word"),
        (b"<html><body>x</body></html>", "a.txt", "content is a web page"),
        (b"just text", "draft.docx", "content is plain text"),
        (_zip("OFD.xml", "Doc_0/Document.xml"), "", "OFD files are not supported"),
        (b"x", "archive.ofd", "OFD files are not supported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "old.doc", "old binary Word/WPS"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "", "old binary Word/WPS"),
        (b"{\\rtf1\\ansi", "", "RTF files cannot be read"),
        (_zip("xl/workbook.xml"), "", "a zip archive, not a Word .docx"),
        (b"PK\x03\x04broken", "", "damaged"),
    ],
    ids=[
        "pdf-named-docx",
        "docx-named-pdf",
        "html-named-txt",
        "text-named-docx",
        "ofd-content",
        "ofd-suffix",
        "doc-suffix",
        "doc-content",
        "rtf",
        "xlsx",
        "bad-zip",
    ],
)
def test_unreadable_or_contradicting_files_are_errors(data: bytes, name: str, message: str) -> None:
    with pytest.raises(TextExtractionError) as err:
        read_document(data, name=name)
    assert message in err.value.en
    if "OFD" in message or "old binary" in message or "RTF" in message:
        assert ".txt, .docx, .pdf and .html" in err.value.en  # the formats that work
        assert "可读取 .txt、.docx、.pdf、.html" in err.value.zh


def test_a_str_is_neither_path_nor_text() -> None:
    with pytest.raises(TextExtractionError, match=r"extract\(text\)"):
        read_document("国办发〔2019〕14号")  # type: ignore[arg-type]
    with pytest.raises(TextExtractionError, match=r"read from a pathlib\.Path or bytes, not int"):
        read_document(42)  # type: ignore[arg-type]
    with pytest.raises(TextExtractionError, match="unknown format 'ofd'"):
        read_document(b"x", format="ofd")  # type: ignore[arg-type]


def test_size_bound_is_checked_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(TextExtractionError, match="20 MB"):
        read_document(b" " * (MAX_BYTES + 1), name="big.txt")
    big = tmp_path / "big.pdf"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    with pytest.raises(TextExtractionError, match=r"big\.pdf is larger than the 20 MB"):
        read_document(big)


@pytest.mark.parametrize(
    ("module", "extra", "data", "name"),
    [
        ("docx", "docx", docx_bytes(text_docx("x")), "a.docx"),
        ("pypdf", "pdf", b"%PDF-1.7\n", "a.pdf"),
    ],
)
def test_missing_reader_names_the_pip_line(
    monkeypatch: pytest.MonkeyPatch, module: str, extra: str, data: bytes, name: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(TextExtractionError) as err:
        read_document(data, name=name)
    assert f"pip install 'gongkai[{extra}]'" in err.value.zh
    assert f"pip install 'gongkai[{extra}]'" in err.value.en


@given(st.text(st.sampled_from("<>/=\"' abtdrpliscrptmeh发文字号：国〔2019〕1号&;!-\n")))
def test_any_markup_gives_lines_never_an_exception(page: str) -> None:
    lines = html_lines(page)
    assert all(isinstance(line, str) and "\n" not in line for line in lines)
    assert all(line == line.strip() and line for line in lines)


def _read_or_refuse(data: bytes, name: str) -> Extraction | TextExtractionError:
    """What read_document gives, or the error it raises: nothing else may escape."""
    try:
        return read_document(data, name=name)
    except TextExtractionError as err:
        return err


@given(
    st.sampled_from([b"", b"%PDF-1.4\n", b"<html>", "国办发".encode("gb18030"), b"\xef\xbb\xbf"]),
    st.binary(max_size=300),
)
def test_any_bytes_give_a_document_or_a_text_extraction_error(head: bytes, tail: bytes) -> None:
    assert isinstance(_read_or_refuse(head + tail, ""), (Extraction, TextExtractionError))


DOCX = docx_bytes(text_docx("国办发〔2019〕14号\n（此件公开发布）"))


@given(st.integers(0, len(DOCX) - 1), st.integers(0, 255), st.booleans())
def test_a_damaged_docx_gives_a_document_or_a_text_extraction_error(
    at: int, byte: int, truncate: bool
) -> None:
    data = DOCX[:at] if truncate else DOCX[:at] + bytes([byte]) + DOCX[at + 1 :]
    assert isinstance(_read_or_refuse(data, "draft.docx"), (Extraction, TextExtractionError))
