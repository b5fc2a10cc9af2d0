"""No silent pass: a text without the elements of a 公文 is refused, every real 公文 is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.errors import NotADocumentError, TextExtractionError
from gongkai.text import extract
from tests.text.corpus import CORPUS
from tests.text.test_reader import FIXTURES

ROOT = Path(__file__).resolve().parents[2]

#: What Word keeps in word/document.xml for a one-line document: markup, no lines of a 公文.
DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>各单位：请于本周五前报送材料。</w:t></w:r></w:p>"
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
)
JSON_TEXT = json.dumps(
    {
        "kind": "document",
        "title": "关于印发政务公开工作要点的通知",
        "doc_number": "国办发〔2019〕14号",
    },
    ensure_ascii=False,
    indent=2,
)


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "hello\nworld\n",
        DOCUMENT_XML,
        JSON_TEXT,
        "首页 > 通知公告\n通知公告\n各单位：\n现将有关事项通知如下，请遵照执行。",
        "会议于2020年1月1日召开。",
    ],
    ids=["hello", "two-words", "document.xml", "json", "web-chrome", "one-sentence"],
)
def test_texts_that_are_no_document_are_refused(text: str) -> None:
    with pytest.raises(NotADocumentError) as err:
        extract(text)
    assert str(err.value).startswith("此文本不像公文：")
    assert "this text does not look like a 公文" in str(err.value)
    assert isinstance(err.value, TextExtractionError)


@pytest.mark.parametrize(
    "name", ["README.md", "docs/design.md", "docs/events.md", "pyproject.toml"]
)
def test_project_files_are_refused(name: str) -> None:
    path = ROOT / name
    if not path.exists():
        pytest.skip(f"{name} not in this checkout")
    with pytest.raises(NotADocumentError):
        extract(path.read_text(encoding="utf-8"))


def test_the_refusal_names_what_was_looked_for() -> None:
    with pytest.raises(NotADocumentError) as err:
        extract("hello")
    assert err.value.zh == (
        "此文本不像公文：未找到文号、标题、发文机关、成文日期（至少需要标题，或文号、发文机关、成文日期中的两项）"
    )
    assert err.value.en == (
        "this text does not look like a 公文: found no document number, title, issuer, "
        "date of issue (it needs a title, or two of document number, issuer, date of issue)"
    )


def test_one_element_alone_is_not_enough_and_is_named() -> None:
    with pytest.raises(NotADocumentError) as err:
        extract("各单位：\n请认真贯彻执行。\n2020年1月5日")
    assert err.value.zh.startswith("此文本不像公文：只找到成文日期，未找到文号、标题、发文机关")
    assert "found only a date of issue and no document number, title, issuer" in err.value.en


@pytest.mark.parametrize(
    "text",
    [
        "关于做好政务公开工作的通知\n各单位：\n请认真贯彻执行。",  # a title with its 文种
        "邢台市政务公开工作实施方案\n一、总体要求。",  # a 方案 published on its own
        "国办发〔2019〕14号\n各单位：\n请认真贯彻执行。\n2019年4月15日",  # number and date
        "各单位：\n请认真贯彻执行。\n国务院办公厅\n2019年4月15日",  # signature and date
    ],
)
def test_a_title_or_two_elements_make_a_document(text: str) -> None:
    assert extract(text).document is not None


@pytest.mark.parametrize(
    "path",
    sorted(FIXTURES.glob("*.txt")) + sorted(CORPUS.glob("*.txt")),
    ids=lambda p: p.stem,
)
def test_every_real_document_is_read(path: Path) -> None:
    assert extract(path.read_text(encoding="utf-8")).document is not None


def test_cli_check_refuses_a_text_that_is_no_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hello.txt"
    path.write_text("hello\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "此文本不像公文" in err and "Traceback" not in err
    assert out == ""
