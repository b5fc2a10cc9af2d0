"""`gongkai deadline` and `gongkai calendar`: output, exit codes, one-sentence errors."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.cli import main
from tests.statutory_2027 import holiday_cn_days

HAS_CJK = re.compile(r"[\u4e00-\u9fff]")

NOTICE_2027 = {
    "year": 2027,
    "papers": ["https://www.gov.cn/zhengce/2027-notice"],
    "days": holiday_cn_days(
        {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-02", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-03", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-10", "isOffDay": False},
    ),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_bilingual_sentence(err: str) -> None:
    """One line: ``gongkai: <Chinese sentence>（<English sentence>）``, no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = re.fullmatch(r"gongkai: (.+)（(.+)）", lines[0])
    assert match, err
    zh, en = match.groups()
    assert HAS_CJK.search(zh), err
    assert en.isascii() or re.match(r"[ -~]{12}", en), err  # English (may quote Chinese input)
    assert re.search(r"[A-Za-z]{4,}", en), err


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(NOTICE_2027, ensure_ascii=False), encoding="utf-8")
    return path


# -- deadline ---------------------------------------------------------------------------


def test_deadline_workdays(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "2026-09-30", "20个工作日")
    assert code == 0 and err == ""
    assert out.startswith("2026-11-03 24:00 +0800")
    assert "20个工作日" in out
    assert "estimated" not in out


def test_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "2026-02-13", "7 workdays", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["due_date"] == "2026-03-02"
    assert data["due_at"] == "2026-03-02T23:59:59.999999+08:00"
    assert data["duration"] == "7个工作日"
    assert data["estimated"] is False
    assert data["start"] == "2026-02-13T00:00:00+08:00"
    assert "chinese-calendar" in data["calendar"][0]


def test_deadline_hours_and_utc_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "2026-11-22T23:00", "5h")
    assert code == 0
    assert out.startswith("2026-11-23 04:00 +0800")
    code, out, _ = run(capsys, "deadline", "2026-11-22T16:00Z", "1个工作日", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["start"] == "2026-11-23T00:00:00+08:00"
    assert data["due_date"] == "2026-11-24"


def test_deadline_natural_days_roll(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "deadline", "2026-09-28", "3日")[1].startswith("2026-10-08")
    assert run(capsys, "deadline", "2026-09-28", "3日", "--no-roll")[1].startswith("2026-10-01")


def test_deadline_coverage(capsys: pytest.CaptureFixture[str], notice: Path) -> None:
    code, out, err = run(capsys, "deadline", "2026-12-10", "20个工作日")
    assert code == 2 and out == ""
    assert_one_bilingual_sentence(err)
    assert "2027" in err and "--estimate" in err

    code, out, _ = run(capsys, "deadline", "2026-12-10", "20个工作日", "--estimate")
    assert code == 0
    assert out.startswith("2027-01-08")  # 元旦 2027-01-01 is a statutory holiday
    assert "estimated" in out

    code, out, _ = run(
        capsys,
        "deadline",
        "2026-12-10",
        "20个工作日",
        "--calendar",
        str(notice),
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["due_date"] == "2027-01-08"
    assert data["estimated"] is False
    assert any("2027-notice" in source for source in data["calendar"])


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-02-30", "3日"],
        ["deadline", "yesterday", "3日"],
        ["deadline", "2026-09-30", "20 weeks"],
        ["deadline", "2026-09-30", "-3日"],
        ["deadline", "2026-09-30"],
        ["deadline", "2026-09-30", "3日", "--calendar", "/nonexistent/2027.json"],
        ["deadline", "2026-09-30", "3日", "--format", "xml"],
        ["deadline", "2026-01-01", "99999999 days"],
        ["deadline", "2026-01-01", "999999999999 hours"],
        ["deadline", "2026-01-01", "999999999999 workdays", "--estimate"],
        ["deadline", "2026-01-01", "99999 workdays"],
        ["calendar", "2026-13"],
        ["calendar", "0000"],
        ["calendar", "20266"],
        ["calendar", "2027"],
        ["frobnicate"],
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert_one_bilingual_sentence(err)


def test_bad_calendar_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"year": 2027, "days": [{"date": "2027-02-30", "isOffDay": true}]}')
    code, _, err = run(capsys, "deadline", "2026-09-30", "3日", "--calendar", str(bad))
    assert code == 2
    assert_one_bilingual_sentence(err)
    assert "2027-02-30" in err


# -- calendar ---------------------------------------------------------------------------


def test_calendar_month(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "2026-10")
    assert code == 0 and err == ""
    assert "2026年10月" in out
    assert "2026-10-01 法定节假日 国庆节" in out
    assert "2026-10-06 调休休息 国庆节" in out
    assert "2026-10-10 调休上班 国庆节" in out
    assert " 1休" in out and " 6调" in out and "10班" in out
    assert "chinese-calendar" in out
    assert "2026年11月" not in out


def test_calendar_year_with_overlay(capsys: pytest.CaptureFixture[str], notice: Path) -> None:
    code, out, _ = run(capsys, "calendar", "2027", "--calendar", str(notice))
    assert code == 0
    assert out.count("2027年") == 12
    assert "2027-01-01 法定节假日 元旦" in out
    assert "2027-01-10 调休上班 元旦" in out
    assert "2027-notice" in out


def test_python_dash_m(notice: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "2026-09-30", "20个工作日"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026-11-03 24:00 +0800")
    bad = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "2026-12-10", "20个工作日"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert bad.returncode == 2
    assert_one_bilingual_sentence(bad.stderr)
