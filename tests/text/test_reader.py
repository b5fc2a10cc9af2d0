"""gongkai.text: reading a Document from the plain text of a 公文."""

from __future__ import annotations

import contextlib
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.errors import NotADocumentError, TextExtractionError
from gongkai.models import Document
from gongkai.models.doc_number import find_doc_numbers, parse_doc_number
from gongkai.models.marking import normalise_marking
from gongkai.models.vocab import Disclosure, DocType, SecrecyLevel, Urgency
from gongkai.text import extract, parse_date
from tests.text.texts import text_document

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path("/work/shared/domain/seeds")
ZHONGWEI = "中卫市人民政府办公室关于印发中卫市2020年政务公开工作要点的通知"

#: Per fixture: the Document fields expected (others must keep their defaults) and lines.
EXPECTED: dict[str, tuple[dict[str, Any], dict[str, int]]] = {
    "01_notice_standard": (
        {
            "title": "邢台市人民政府办公室关于印发邢台市全面推进政务公开工作实施细则的通知",
            "doc_type": DocType.NOTICE,
            "doc_number": "邢政办字〔2017〕39号",
            "issuer": "邢台市人民政府办公室",
            "issue_date": date(2017, 7, 28),
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"doc_number": 3, "title": 5, "issuer": 12, "issue_date": 13, "disclosure_marking": 14},
    ),
    "02_brackets_lenticular": (
        {
            "title": "河北省人民政府办公厅关于印发河北省全面推进政务公开工作实施细则的通知",
            "doc_type": DocType.NOTICE,
            "doc_number": "冀政办字 【 2017 】 81 号",
            "issuer": "河北省人民政府办公厅",
            "issue_date": date(2017, 9, 14),
            "disclosure_marking": "（此件主动公开）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"doc_number": 3, "issue_date": 11},
    ),
    "03_parens_cited": (
        {
            "title": "天津市海洋局关于全面推进政务公开工作的实施意见",
            "doc_type": DocType.OPINION,
            "doc_number": "津海发(2016)12号",
            "issuer": "天津市海洋局",
            "issue_date": date(2016, 6, 20),
            "disclosure_marking": "(此件主动公开)",
            "disclosure": Disclosure.PUBLIC,
        },
        {"doc_number": 3, "disclosure_marking": 20},
    ),
    "04_letter_spaced_title": (
        {
            "title": ZHONGWEI,
            "doc_type": DocType.NOTICE,
            "doc_number": "卫政办发〔2020〕52号",
            "issuer": "中卫市人民政府办公室",
            "issue_date": date(2020, 8, 14),
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"title": 5, "issue_date": 13},
    ),
    "05_chinese_date": (
        {
            "title": "山西省人民政府办公厅关于全面推进基层政务公开标准化规范化"
            "进一步做好政务公开工作的实施意见",
            "doc_type": DocType.OPINION,
            "doc_number": "晋政办发〔2020〕38号",
            "issuer": "山西省人民政府办公厅",
            "issue_date": date(2020, 5, 20),
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"title": 5, "issue_date": 15},
    ),
    "06_yinfa_marking_before_attachment": (
        {
            "title": "三明市人民政府办公室关于印发三明市全面推进基层政务公开标准化规范化"
            "工作实施方案的通知",
            "doc_type": DocType.NOTICE,
            "doc_number": "明政办〔2020〕45号",
            "issuer": "三明市人民政府办公室",
            "issue_date": date(2020, 8, 3),
            "disclosure_marking": "（此件主动公开）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"issue_date": 11, "disclosure_marking": 12},
    ),
    "07_secret_marked_public": (
        {
            "title": "平定县人民政府办公室关于进一步规范政府信息公开属性源头认定工作的通知",
            "doc_type": DocType.NOTICE,
            "doc_number": "平政办发〔2021〕7号",
            "issuer": "平定县人民政府办公室",
            "issue_date": date(2021, 3, 1),
            "secrecy_level": SecrecyLevel.CONFIDENTIAL,
            "secrecy_period": "1年",
            "urgency": Urgency.EXTRA_URGENT,
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"secrecy_level": 2, "urgency": 3, "doc_number": 7, "issue_date": 17},
    ),
    "08_no_number_no_marking": (
        {
            "title": "四平市卫生健康委员会关于报送2020年政府信息公开工作年度报告有关数据的函",
            "doc_type": DocType.LETTER,
            "issuer": "四平市卫生健康委员会",
            "issue_date": date(2021, 1, 8),
            "notes": [
                "未找到发文字号 / no document number found",
                "未找到公开属性标注 / no disclosure marking found",
            ],
        },
        {"title": 1, "issue_date": 9},
    ),
    "09_web_page_metadata": (
        {
            "title": "国务院办公厅关于印发2019年政务公开工作要点的通知",
            "doc_type": DocType.NOTICE,
            "doc_number": "国办发〔2019〕14号",
            "issuer": "国务院办公厅",
            "issue_date": date(2019, 4, 15),
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"title": 7, "doc_number": 8, "issue_date": 14},
    ),
    "10_joint_signature": (
        {
            "title": "中共衢州市委办公室衢州市人民政府办公室关于全面推进政务公开工作的实施意见",
            "doc_type": DocType.OPINION,
            "doc_number": "衢委办发［2021］12号",
            "issuer": "中共衢州市委办公室",
            "joint_issuers": ["中共衢州市委办公室", "衢州市人民政府办公室"],
            "issue_date": date(2021, 6, 2),
            "disclosure_marking": "（此件公开发布）",
            "disclosure": Disclosure.PUBLIC,
        },
        {"issuer": 13, "issue_date": 15},
    ),
    "11_request_signer": (
        {
            "title": "定远县人民政府关于申请开展基层政务公开标准化规范化试点工作的请示",
            "doc_type": DocType.REQUEST,
            "doc_number": "定政〔2019〕15号",
            "issuer": "定远县人民政府",
            "issue_date": date(2019, 6, 12),
            "urgency": Urgency.EXTRA_URGENT,
            "disclosure_marking": "（此件依申请公开）",
            "disclosure": Disclosure.ON_REQUEST,
        },
        {"doc_number": 5, "urgency": 1},
    ),
}


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name: str) -> None:
    fields, lines = EXPECTED[name]
    ext = extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    doc = ext.document
    if "doc_number" in fields:
        fields = {**fields, "doc_number_parts": parse_doc_number(fields["doc_number"])}
    # every field the fixture states, and nothing else (defaults elsewhere)
    assert doc.model_dump(exclude_defaults=True) == Document(**fields).model_dump(
        exclude_defaults=True
    )
    for element, line in lines.items():
        assert ext.line_of(element) == line, element


def test_fixture_number_parts() -> None:
    doc = text_document((FIXTURES / "02_brackets_lenticular.txt").read_text(encoding="utf-8"))
    assert doc.doc_number_parts is not None
    assert (doc.doc_number_parts.issuer_code, doc.doc_number_parts.year) == ("冀政办字", 2017)
    assert doc.doc_number_parts.serial == 81
    assert not doc.doc_number_parts.standard_brackets
    doc = text_document((FIXTURES / "03_parens_cited.txt").read_text(encoding="utf-8"))
    assert doc.doc_number_parts is not None and doc.doc_number_parts.brackets == "()"


#: A seed page cut after its title and before its signature: no element of a 公文 is left.
SEED_WITHOUT_ELEMENTS = "004_7c37526057804541.txt"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_read(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == SEED_WITHOUT_ELEMENTS:
        with pytest.raises(NotADocumentError):
            text_document(text)
    else:
        assert isinstance(text_document(text), Document)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not present")
def test_seed_values() -> None:
    zhongwei = text_document((SEEDS / "001_ba254ddc52d1c150.txt").read_text(encoding="utf-8"))
    assert zhongwei.doc_number == "卫政办发〔2020〕52号"  # glued to the 主送 line
    assert zhongwei.title == "市人民政府办公室关于印发中卫市2020年政务公开工作要点的通知"
    assert zhongwei.issuer == "中卫市人民政府办公室"
    assert zhongwei.issue_date == date(2020, 8, 14)
    assert zhongwei.disclosure == Disclosure.PUBLIC
    ocean = text_document((SEEDS / "002_da13258ea1f2b49b.txt").read_text(encoding="utf-8"))
    assert ocean.doc_number is None  # only 津党办发〔2016〕13号, cited in the body
    assert ocean.issue_date == date(2016, 6, 20)
    assert ocean.disclosure_marking == "(此件主动公开)"
    assert ocean.doc_type is None and ocean.title is not None
    xingtai = text_document((SEEDS / "000_93758f6e10dd45ca.txt").read_text(encoding="utf-8"))
    assert xingtai.doc_number is None and xingtai.issue_date is None  # 发布时间 is not 成文日期
    assert any("发布时间" in note for note in xingtai.notes)


# --------------------------------------------------------------------------- header number


def test_number_cited_in_body_is_not_the_header_number() -> None:
    text = (
        "关于做好政务公开工作的通知\n各区县：\n"
        "根据《国务院办公厅关于…的通知》（国办发〔2016〕80号），现通知如下。\n"
        "（国办发〔2016〕80号）\n"
        "国办发〔2016〕80号印发以来，各地积极推进。\n"
    )
    doc = text_document(text)
    assert doc.doc_number is None
    assert "未找到发文字号 / no document number found" in doc.notes


def test_number_inside_title_is_a_citation() -> None:
    doc = text_document(
        "关于贯彻落实国办发〔2016〕80号文件的通知\n各区县：\n现通知如下，请遵照执行。"
    )
    assert doc.doc_number is None
    assert doc.title == "关于贯彻落实国办发〔2016〕80号文件的通知"


@pytest.mark.parametrize(
    "header",
    [
        "国务院关于加快推进政务服务工作的指导意见（国发〔2016〕55号）",
        "国务院关于加快推进政务服务工作的指导意见\n（国发〔2016〕55号）",
        "国发[2016]55号\n国务院关于加快推进政务服务工作的指导意见",
        "国发 〔 2016 〕 55 号\n\n国务院关于加快推进政务服务工作的指导意见",
        "发文字号：国发〔2016〕55号    发布日期：2016年09月29日\n"
        "国务院关于加快推进政务服务工作的指导意见",
    ],
)
def test_header_number_forms(header: str) -> None:
    doc = text_document(
        header + "\n各省、自治区、直辖市人民政府：\n现提出以下意见，请认真贯彻执行。"
    )
    assert doc.doc_number_parts is not None
    assert (doc.doc_number_parts.issuer_code, doc.doc_number_parts.serial) == ("国发", 55)
    assert doc.title == "国务院关于加快推进政务服务工作的指导意见"
    assert doc.doc_type == DocType.OPINION


def test_number_with_signer_on_the_line() -> None:
    doc = text_document(
        "定政〔2019〕15号　　　　签发人：张　明\n关于试点的请示\n滁州市人民政府：\n妥否，请批示。"
    )
    assert doc.doc_number == "定政〔2019〕15号"


def test_unparseable_number_is_kept_with_a_note() -> None:
    doc = text_document("国发〔2016）55号\n国务院关于政务公开的意见\n各部门：\n现提出如下意见。")
    assert doc.doc_number == "国发〔2016）55号"
    assert doc.doc_number_parts is None
    assert any(note.startswith("发文字号无法解析") for note in doc.notes)


# --------------------------------------------------------------------------- title, type


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("关于印发政务公开工作要点的通知", DocType.NOTICE),
        ("关于全面推进政务公开工作的实施意见", DocType.OPINION),
        ("关于表彰政务公开先进单位的决定", DocType.DECISION),
        ("关于2019年政务公开工作情况的报告", DocType.REPORT),
        ("关于同意设立政务服务中心的批复", DocType.REPLY),
        ("关于商请提供有关数据的函", DocType.LETTER),
        ("关于政务公开工作的通报", DocType.CIRCULAR),
        ("中华人民共和国国务院令", DocType.ORDER),
        ("邢台市人民政府公告", DocType.ANNOUNCEMENT),
        ("关于政府信息公开管理办法的通知（试行）", DocType.NOTICE),
    ],
)
def test_doc_type_from_the_title(title: str, doc_type: DocType) -> None:
    doc = text_document(f"{title}\n各单位：\n现将有关事项通知如下，请遵照执行。")
    assert (doc.title, doc.doc_type) == (title, doc_type)


def test_title_split_with_blank_line_and_issuer_line() -> None:
    text = "国务院办公厅\n关于印发2019年政务公开\n\n工作要点的通知\n各省、自治区、直辖市人民政府：\n现印发给你们。"
    assert text_document(text).title == "国务院办公厅关于印发2019年政务公开工作要点的通知"


def test_title_split_before_a_quoted_title() -> None:
    text = (
        "国办发〔2016〕80号\n国务院办公厅印发\n《关于全面推进政务公开工作的意见》实施细则的通知\n"
        "各省、自治区、直辖市人民政府：\n现将《实施细则》印发给你们。"
    )
    doc = text_document(text)
    assert doc.title == "国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知"
    assert (doc.issuer, doc.doc_type) == ("国务院办公厅", DocType.NOTICE)


def test_forwarding_title_and_joint_signature_on_one_line() -> None:
    text = (
        "国务院办公厅转发国家发展改革委\n《政务公开管理办法》的通知\n各省、自治区：\n现转发给你们。\n"
        "国家发展改革委　财政部\n2020年1月2日"
    )
    doc = text_document(text)
    assert doc.title == "国务院办公厅转发国家发展改革委《政务公开管理办法》的通知"
    assert doc.issuer == "国家发展改革委"
    assert doc.joint_issuers == ["国家发展改革委", "财政部"]


def test_web_chrome_is_not_a_title() -> None:
    doc = text_document(
        "首页 > 通知公告\n通知公告\n各单位：\n请遵照执行。\n市政府办公室\n2021年3月1日"
    )
    assert doc.title is None
    assert "未找到标题 / no title found" in doc.notes


# --------------------------------------------------------------------------- date, issuer


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2017年10月17日", date(2017, 10, 17)),
        ("2017 年 1 月 7 日", date(2017, 1, 7)),
        ("２０１７年１０月１７日", date(2017, 10, 17)),
        ("二〇一七年十月十七日", date(2017, 10, 17)),
        ("二○一九年十一月二十日", date(2019, 11, 20)),
        ("二O一八年九月十日", date(2018, 9, 10)),
        ("二零二零年十二月三十一日", date(2020, 12, 31)),
        ("二0二一年元月二十九日", date(2021, 1, 29)),
        ("二〇二一年二月廿八日", date(2021, 2, 28)),
        ("二〇二一年二月三十日", None),
        ("二〇二一年二月", None),
    ],
)
def test_dates(written: str, expected: date | None) -> None:
    assert parse_date(written) == expected


def test_last_standalone_date_when_unsigned() -> None:
    text = (
        "关于做好政务公开的通知\n各单位：\n请于2020年3月1日前报送。\n2020年1月5日\n\n2020年2月1日\n"
    )
    ext = extract(text)
    assert ext.document.issue_date == date(2020, 2, 1)
    assert ext.line_of("issue_date") == 6
    assert ext.document.issuer is None


def test_issuer_and_marking_on_the_date_line() -> None:
    doc = text_document(
        "关于做好春节期间政务公开工作的通知\n各单位：\n现将有关事项通知如下，请遵照执行。\n"
        "中卫市人民政府办公室  2020年1月14日（此件公开发布）"
    )
    assert doc.issuer == "中卫市人民政府办公室"
    assert doc.issue_date == date(2020, 1, 14)
    assert doc.disclosure == Disclosure.PUBLIC


def test_issuer_from_red_header_when_unsigned() -> None:
    doc = text_document(
        "邢 台 市 人 民 政 府 文 件\n邢政字〔2017〕3号\n邢台市人民政府关于公布政务公开目录的决定\n"
        "各县（市、区）人民政府：\n现决定公布如下，请遵照执行。\n二〇一七年三月五日\n"
    )
    assert doc.issuer == "邢台市人民政府"
    assert doc.issue_date == date(2017, 3, 5)


def test_invalid_date_is_noted_not_guessed() -> None:
    doc = text_document(
        "关于政务公开的通知\n各单位：\n现通知如下，请遵照执行。\n市政府办公室\n2021年2月30日"
    )
    assert doc.issue_date is None
    assert any(note.startswith("成文日期无效") for note in doc.notes)


def test_date_from_web_metadata_when_the_document_has_none() -> None:
    doc = text_document("发文机关：国务院办公厅    成文日期：2016年11月10日\n正文从略，详见附件。")
    assert doc.issue_date == date(2016, 11, 10)
    assert doc.issuer == "国务院办公厅"


# --------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    ("line", "level", "period", "urgency"),
    [
        ("秘密★1年", SecrecyLevel.CONFIDENTIAL, "1年", None),
        ("机密 ★ 5 年", SecrecyLevel.SECRET, "5年", None),
        ("绝密", SecrecyLevel.TOP_SECRET, None, None),
        ("000012　机密★长期　特急", SecrecyLevel.SECRET, "长期", Urgency.EXTRA_URGENT),
        ("加急", None, None, Urgency.URGENT),
        ("密级：秘密★6个月", SecrecyLevel.CONFIDENTIAL, "6个月", None),
    ],
)
def test_secrecy_and_urgency(
    line: str, level: SecrecyLevel | None, period: str | None, urgency: Urgency | None
) -> None:
    doc = text_document(f"{line}\n关于政务公开的通知\n各单位：\n现将有关事项通知如下，请遵照执行。")
    assert (doc.secrecy_level, doc.secrecy_period, doc.urgency) == (level, period, urgency)


def test_secrecy_words_in_the_body_are_not_marks() -> None:
    doc = text_document("关于保密工作的通知\n各单位：\n涉及国家秘密的，不得公开。\n秘密\n")
    assert doc.secrecy_level is None


@pytest.mark.parametrize(
    ("marking", "disclosure"),
    [
        ("（此件公开发布）", Disclosure.PUBLIC),
        ("(此件主动公开)", Disclosure.PUBLIC),
        ("（ 此件不予公开 ）", Disclosure.NOT_PUBLIC),
        ("（此件删减后公开）", Disclosure.PARTIAL),
        ("（此件依申请公开）", Disclosure.ON_REQUEST),
        ("（公开方式：主动公开）", Disclosure.PUBLIC),
    ],
)
def test_markings(marking: str, disclosure: Disclosure) -> None:
    doc = text_document(
        f"关于政务公开的通知\n各单位：\n现通知如下，请遵照执行。\n市政府办公室\n2021年3月1日\n{marking}"
    )
    assert doc.disclosure_marking == marking
    assert doc.disclosure == disclosure


def test_unknown_marking_wording_is_kept_with_a_note() -> None:
    doc = text_document(
        "关于政务公开的通知\n各单位：\n现通知如下，请遵照执行。\n2021年3月1日\n（此件内部发行）"
    )
    assert doc.disclosure_marking == "（此件内部发行）"
    assert doc.disclosure is None
    assert any(note.startswith("公开属性标注无法识别") for note in doc.notes)


def test_labelled_marking_counts_below_the_header_only() -> None:
    body = "关于政务公开的通知\n各单位：\n现通知如下，请遵照执行。\n"
    doc = text_document("公开方式：主动公开\n" + body + "公开方式：依申请公开")
    assert (doc.disclosure_marking, doc.disclosure) == (
        "公开方式：依申请公开",
        Disclosure.ON_REQUEST,
    )
    assert text_document("公开方式：主动公开\n" + body).disclosure_marking is None


def test_page_note_is_not_a_marking() -> None:
    doc = text_document(
        "关于政务公开的通知\n各单位：\n现通知如下，请遵照执行。\n（此页无正文）\n2021年3月1日"
    )
    assert doc.disclosure_marking is None


def test_line_endings_do_not_move_lines() -> None:
    text = (FIXTURES / "07_secret_marked_public.txt").read_text(encoding="utf-8")
    for newline in ("\r\n", "\r"):
        ext = extract(text.replace("\n", newline))
        assert ext.lines == extract(text).lines
        assert ext.document == extract(text).document


# --------------------------------------------------------------------------- models helpers


def test_doc_number_helpers_skip_glued_words() -> None:
    assert find_doc_numbers("根据国办发〔2016〕80号文件") == [(2, "国办发〔2016〕80号")]
    parts = parse_doc_number("国务院办公厅国办发〔2016〕80号")
    assert parts is not None and parts.issuer_code == "国办发"
    parts = parse_doc_number("国发〔２０１６〕第１号")
    assert parts is not None and (parts.year, parts.serial) == (2016, 1)


def test_marking_labels() -> None:
    assert normalise_marking("公开属性：删减后公开") == Disclosure.PARTIAL
    assert normalise_marking("（此件公开）") == Disclosure.PUBLIC


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u3000\n", "\ufeff\u200b", "正文\x00"])
def test_empty_or_binary_raises(text: str) -> None:
    with pytest.raises(TextExtractionError):
        text_document(text)


def test_non_text_raises() -> None:
    with pytest.raises(TextExtractionError):
        text_document(b"\xe5\x85\xb3\xe4\xba\x8e")  # type: ignore[arg-type]


def _blank(text: str) -> bool:
    return not text.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))).strip()


@given(st.text())
def test_any_text_reads_or_is_refused(text: str) -> None:
    try:
        doc = text_document(text)
    except NotADocumentError:
        assert not _blank(text)
    except TextExtractionError:
        assert _blank(text) or "\x00" in text
    else:
        assert isinstance(doc, Document)
        assert not _blank(text)


_PIECES = st.sampled_from(
    [
        "邢台市人民政府办公室文件",
        "邢政办字〔2017〕39号",
        "（国办发〔2016〕80号）",
        "关于",
        "印发政务公开要点的通知",
        "各县（市、区）人民政府：",
        "现印发给你们，请认真贯彻执行。",
        "邢台市人民政府办公室",
        "二〇一七年十月十七日",
        "2017年2月30日",
        "（此件公开发布）",
        "(此件主动公开)—2—",
        "- 3 -",
        "发文字号：",
        "| 发文文号 | 国办发〔2019〕14号 |",
        "[ 成文日期 ] 2019-02-30",
        "成文日期：2019-04-15",
        "标题：",
        "|\u2003|",
        "发文机关：| 国务院办公厅 |",
        "现印发给你们。国务院办公厅 2019年4月15日",
        "秘密★1年",
        "特急",
        "",
        " ",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25))
def test_any_mix_of_document_lines_reads(lines: list[str]) -> None:
    text = "\n".join(lines)
    if _blank(text) or "\x00" in text:
        return
    try:
        ext = extract(text)
    except NotADocumentError:
        return
    count = len(re.split(r"\r\n|[\r\n]", text))
    assert all(1 <= line <= count for line in ext.lines.values())


def test_200kb_reads_in_linear_time() -> None:
    """Hostile 200 KB texts: a super-linear pattern would take many seconds of CPU.

    CPU time (not wall time, which other jobs on a shared machine inflate) with a wide
    bound: this guards the linear patterns, it is no speed claim (see benchmarks/).
    """
    body = (FIXTURES / "01_notice_standard.txt").read_text(encoding="utf-8")
    cases = [
        body * (200_000 // len(body.encode()) + 1),
        "国办发〔2016〕80号" + "中" * 200_000,
        "中" + " " * 200_000 + "〔2017〕1号",
        "2020年1月1日\n" * 12_000,
        "国务院办公厅\n" * 12_000 + "2020年1月1日",
        "关于\n" * 60_000 + "通知",
        "—1—\n" * 60_000 + "关于印发的通知",
        "发文字号：\n" * 30_000,
        "第2页" + " " * 200_000 + "共",
        "—2" + " " * 200_000 + "—x",
        "发文字号" + " " * 200_000 + "x",
        "发文字号：" + "| " * 100_000 + "x",
    ]
    for text in cases:
        assert len(text.encode()) >= 190_000
        start = time.process_time()
        with contextlib.suppress(NotADocumentError):
            text_document(text)
        assert time.process_time() - start < 1.5
