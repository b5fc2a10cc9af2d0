"""Shapes of published 公文 text: web-page metadata rows, PDF page numbers, numbers and dates
where web pages and PDF converters put them (issue 12)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.models.vocab import Disclosure, DocType
from gongkai.text import extract
from tests.text.texts import text_document

BODY = "各省、自治区、直辖市人民政府：\n现印发给你们，请认真贯彻执行。\n"
TITLE = "国务院办公厅关于印发2019年政务公开工作要点的通知"
SIGNED = "国务院办公厅\n2019年4月15日\n（此件公开发布）\n"


# --------------------------------------------------------------------------- metadata rows


@pytest.mark.parametrize(
    "row",
    [
        "发文字号：国办发〔2019〕14号",
        "文号：国办发〔2019〕14号",
        "发文文号: | 国办发〔2019〕14号 |",
        "| 发布文号 | 国办发〔2019〕14号 |",
        "发布文号：国办发〔2019〕14号",
        "[ 索引号 ] 000014349/2019-00021 [ 发文字号 ] 国办发〔2019〕14号",
        "【发文字号】国办发〔2019〕14号",
        "文  号：国办发〔2019〕14号   成文日期：2019-04-15",
        "• 发文字号:\n\n    国办发〔2019〕14号",
    ],
)
def test_number_only_in_a_metadata_row(row: str) -> None:
    ext = extract(f"{row}\n{TITLE}\n{BODY}{SIGNED}")
    assert ext.document.doc_number == "国办发〔2019〕14号"
    assert ext.line_of("doc_number") == row.count("\n") + 1


def test_label_without_value_takes_nothing_from_the_next_row() -> None:
    doc = text_document(
        f"生成日期: 2019-01-23 文号:\n发文日期: 2019-01-23\n{TITLE}\n{BODY}{SIGNED}"
    )
    assert doc.doc_number is None


@pytest.mark.parametrize("below", ["|\u2003|", "| |", "•", "-"])
def test_label_over_an_empty_cell_reads_nothing(below: str) -> None:
    doc = text_document(f"标题：\n{below}\n发文字号：\n{below}\n{TITLE}\n{BODY}{SIGNED}")
    assert (doc.title, doc.doc_number) == (TITLE, None)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("成文日期：2019年04月15日", date(2019, 4, 15)),
        ("[ 成文日期 ] 2019-04-15 [ 发布日期 ] 2019-04-29", date(2019, 4, 15)),
        ("成文日期: | 2019/4/15 |", date(2019, 4, 15)),
        ("发布日期：2019-04-29", None),  # the web page's date is not the 成文日期
        ("发文日期：2019-04-29", None),
    ],
)
def test_date_only_in_a_metadata_row(row: str, expected: date | None) -> None:
    doc = text_document(f"{row}\n{TITLE}\n{BODY}国务院办公厅\n")
    assert doc.issue_date == expected


def test_signed_date_wins_over_the_metadata_row_with_a_note() -> None:
    doc = text_document(f"成文日期：2019-04-29\n{TITLE}\n{BODY}{SIGNED}")
    assert doc.issue_date == date(2019, 4, 15)
    assert any(
        note.startswith("网页成文日期 2019-04-29 与落款日期 2019-04-15 不一致")
        for note in doc.notes
    )
    assert any("the signed date is used" in note for note in doc.notes)


def test_header_number_wins_over_the_metadata_row_with_a_note() -> None:
    doc = text_document(
        f"发文字号：国办发〔2019〕41号\n{TITLE}\n国办发〔2019〕14号\n{BODY}{SIGNED}"
    )
    assert doc.doc_number == "国办发〔2019〕14号"
    assert any("国办发〔2019〕41号" in note and "不一致" in note for note in doc.notes)


def test_agreeing_metadata_adds_no_note() -> None:
    doc = text_document(
        f"发文字号：国办发〔2019〕14号 成文日期：2019年04月15日\n{TITLE}\n国办发〔2019〕14号\n{BODY}{SIGNED}"
    )
    assert doc.notes == []


def test_title_from_the_metadata_row_when_the_text_shows_none() -> None:
    ext = extract(f"标　　题：{TITLE}    发文字号：国办发〔2019〕14号\n正文从略，详见附件。")
    assert (ext.document.title, ext.document.doc_type) == (TITLE, DocType.NOTICE)
    assert ext.line_of("title") == 1
    doc = text_document(f"标题：关于旧标题的通知\n{TITLE}\n{BODY}{SIGNED}")
    assert doc.title == TITLE  # the document's own title line wins


def test_issuer_from_the_metadata_row() -> None:
    doc = text_document("发文机关：国务院办公厅 成文日期：2016年11月10日\n正文从略，详见附件。")
    assert (doc.issuer, doc.issue_date) == ("国务院办公厅", date(2016, 11, 10))
    assert any("网页" in note for note in doc.notes)


# --------------------------------------------------------------------------- numbers, titles


@pytest.mark.parametrize(
    "header",
    [
        "国发〔2016〕55号 国务院关于加快推进政务服务工作的指导意见",
        "国务院关于加快推进政务服务工作的指导意见 国发〔2016〕55号",
        "国务院关于加快推进政务服务工作的指导意见(国发〔2016〕55号)",
        "国发 〔2016〕 55 号\n国务院关于加快推进政务服务工作的指导意见",
        "国发﹝2016﹞55号\n国务院关于加快推进政务服务工作的指导意见",
        "国发【2016】55号\n国务院关于加快推进政务服务工作的指导意见",
        "国发(2016)55号\n国务院关于加快推进政务服务工作的指导意见",
        "国发［2016］55号\n国务院关于加快推进政务服务工作的指导意见",
    ],
)
def test_number_on_the_title_line_and_every_bracket(header: str) -> None:
    doc = text_document(header + "\n" + BODY + "国务院\n2016年9月25日\n（此件公开发布）")
    assert doc.doc_number_parts is not None
    assert (doc.doc_number_parts.issuer_code, doc.doc_number_parts.serial) == ("国发", 55)
    assert doc.title == "国务院关于加快推进政务服务工作的指导意见"


def test_cited_number_on_a_sentence_line_stays_a_citation() -> None:
    doc = text_document(
        f"{TITLE}\n各地区：\n根据《国务院关于政务公开的意见》（国发〔2019〕1号），现通知如下。\n{SIGNED}"
    )
    assert doc.doc_number is None


def test_title_only_in_book_title_marks() -> None:
    doc = text_document(f"《{TITLE}》\n国办发〔2019〕14号\n{BODY}{SIGNED}")
    assert doc.title == TITLE


def test_website_annotation_after_the_title_is_not_part_of_it() -> None:
    doc = text_document(f"{TITLE}(2019修订)\n{TITLE}\n{BODY}{SIGNED}")
    assert doc.title == TITLE


def test_issuer_line_and_verb_line_above_a_title() -> None:
    doc = text_document(
        "鹤岗市人民政府 鹤岗市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n" + BODY
    )
    assert doc.title == "鹤岗市人民政府鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知"


def test_letterhead_name_above_the_title() -> None:
    doc = text_document("江西省吉安市人民政府办公室\n\n\n关于印发政务公开实施细则的通知\n" + BODY)
    assert doc.issuer == "江西省吉安市人民政府办公室"


# --------------------------------------------------------------------------- PDF page numbers


@pytest.mark.parametrize(
    "footer", ["—2—", "- 2 -", "— 2 —", "-2-", "第2页 共3页", "第 2 页", "2/3"]
)
def test_page_numbers_around_the_signature(footer: str) -> None:
    text = f"{TITLE}\n国办发〔2019〕14号\n{BODY}\n{footer}\n\n{SIGNED}{footer}\n"
    ext = extract(text)
    assert ext.document.issue_date == date(2019, 4, 15)
    assert ext.document.issuer == "国务院办公厅"
    assert ext.document.disclosure == Disclosure.PUBLIC


@pytest.mark.parametrize(
    "line",
    [
        "(此件主动公开)—2—",
        "（此件主动公开） - 2 -",
        "—2—(此件主动公开)",
        "(此件主动公开)第2页 共2页",
    ],
)
def test_marking_glued_to_a_page_number(line: str) -> None:
    ext = extract(f"{TITLE}\n{BODY}国务院办公厅\n2019年4月15日\n{line}\n")
    assert ext.document.disclosure == Disclosure.PUBLIC
    assert ext.document.disclosure_marking is not None
    assert "2" not in ext.document.disclosure_marking
    assert ext.line_of("disclosure_marking") == 6


def test_page_number_does_not_eat_a_year_range() -> None:
    doc = text_document(f"关于印发2023—2025年行动方案的通知\n{BODY}{SIGNED}")
    assert doc.title == "关于印发2023—2025年行动方案的通知"


# --------------------------------------------------------------------------- dates at line ends


@pytest.mark.parametrize(
    "tail",
    [
        "现印发给你们，请认真贯彻执行。国务院办公厅 2019年4月15日",
        "现印发给你们，请认真贯彻执行。 国务院办公厅　　2019年4月15日（此件公开发布）",
        "现印发给你们，请认真贯彻执行。\n国务院办公厅　　　　　　　　　　　　　　　2019年4月15日",
    ],
)
def test_signature_and_date_ending_a_paragraph_line(tail: str) -> None:
    doc = text_document(f"{TITLE}\n各省、自治区、直辖市人民政府：\n{tail}\n")
    assert doc.issue_date == date(2019, 4, 15)
    assert doc.issuer == "国务院办公厅"


def test_unsigned_date_ending_a_paragraph_line_before_the_marking() -> None:
    ext = extract(
        f"{TITLE}\n各地区：\n现印发给你们，请认真贯彻执行。2019年4月15日\n（此件公开发布）\n"
    )
    assert ext.document.issue_date == date(2019, 4, 15)
    assert ext.line_of("issue_date") == 3
    assert ext.document.disclosure == Disclosure.PUBLIC


def test_date_inside_a_sentence_is_not_the_date_of_issue() -> None:
    doc = text_document(
        f"{TITLE}\n各地区：\n请于2019年5月1日前报送。截至2019年4月1日\n国务院办公厅\n2019年4月15日\n"
    )
    assert doc.issue_date == date(2019, 4, 15)


_FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
_FOOTERS = st.sampled_from(["—{}—", "- {} -", "第{}页 共9页", "－{}－"])


@given(
    st.sampled_from(_FIXTURES),
    st.lists(
        st.tuples(st.integers(0, 40), _FOOTERS, st.integers(1, 99)),
        max_size=4,
        unique_by=lambda footer: footer[0],  # one page break at a place
    ),
)
def test_page_number_lines_change_nothing_read(
    path: Path, footers: list[tuple[int, str, int]]
) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    paged = list(lines)
    for at, footer, page in sorted(footers, reverse=True):
        paged.insert(min(at, len(paged)), footer.format(page))
    assert text_document("\n".join(paged)) == text_document("\n".join(lines))
