"""``gongkai check FILE… | DIR``: one summary row per file, JSON Lines with ``--format json``,
a file that cannot be read reported in its row, exit code the worst of the files.

Real texts: 邢政办字〔2017〕39号, 冀政办字〔2017〕81号 (tests/text/fixtures).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.rules.pack import Pack

FIXTURES = Path(__file__).resolve().parents[1] / "text" / "fixtures"
AS_OF = ["--as-of", "2026-04-10T09:00"]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """Two real 公文 texts, one with its marking deleted, one JSON file that is not JSON."""
    shutil.copy(FIXTURES / "01_notice_standard.txt", tmp_path / "a.txt")
    text = (FIXTURES / "02_brackets_lenticular.txt").read_text(encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("（此件主动公开）", ""), encoding="utf-8")
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a 公文", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "03_parens_cited.txt", tmp_path / "sub" / "d.txt")
    return tmp_path


def test_a_directory_gives_one_row_per_file_and_the_worst_exit(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(office)
    assert main(["check", ".", *AS_OF]) == 2
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split() == ["文件", "file", "文号", "number", "公开属性", "attribute",
                               "违反", "violations", "结果", "status"]  # fmt: skip
    assert rows[1].split() == ["a.txt", "邢政办字〔2017〕39号", "公开发布", "0", "通过", "OK"]
    assert rows[2].startswith("b.txt ")
    assert rows[2].split()[-5:] == ["—", "1", "不通过", "NOT", "OK"]
    assert rows[3].startswith("c.json ")
    assert "错误 ERROR：文件 c.json 不是有效的 JSON" in rows[3]
    assert rows[4] == "合计 total: 3 个文件 files；通过 OK 1，不通过 NOT OK 1，错误 ERROR 1"


def test_recursive_includes_subdirectories(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(office), "--recursive", *AS_OF])
    out = capsys.readouterr().out
    assert f"{office}/sub/d.txt" in out
    assert "津海发(2016)12号" in out
    assert "合计 total: 4 个文件" in out


def test_json_lines_one_object_per_file(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(office / name) for name in ("a.txt", "b.txt", "c.json", "missing.txt")]
    assert main(["check", *files, *AS_OF, "--format", "json"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == files
    assert [line.get("ok") for line in lines] == [True, False, None, None]
    assert lines[0]["record"]["doc_number"] == "邢政办字〔2017〕39号"
    assert lines[1]["findings"][0]["rule_id"] == "national.document.attribute_required"
    assert lines[2]["error"]["en"].startswith(f"{files[2]} is not valid JSON")
    assert lines[3]["error"]["zh"].startswith(f"无法读取文件 {files[3]}")


def test_violations_only_exit_1(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(office / "a.txt"), str(office / "b.txt"), *AS_OF]) == 1


def test_an_internal_failure_in_one_file_is_3_and_the_others_go_on(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Pack.check

    def flaky(self: Pack, record: object, *args: object, **kwargs: object) -> object:
        if getattr(record, "doc_number", None) == "邢政办字〔2017〕39号":
            raise RuntimeError("boom")
        return real(self, record, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pack, "check", flaky)
    assert main(["check", str(office / "a.txt"), str(office / "b.txt"), *AS_OF]) == 3
    out = capsys.readouterr().out
    assert "内部错误 INTERNAL：内部错误：RuntimeError: boom" in out
    assert "不通过 NOT OK" in out


def test_a_directory_without_readable_files_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert "没有可检查的文件" in capsys.readouterr().err


def test_one_file_keeps_the_single_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FIXTURES / "01_notice_standard.txt"), *AS_OF]) == 0
    assert capsys.readouterr().out.startswith("规则包 pack: national (")
