"""Overlays given once: the user's calendar folder and GONGKAI_CALENDAR, read by
WorkCalendar.default() and the command line; `gongkai calendar --sources` says which data
decides each year."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai import WorkCalendar
from gongkai.calendar import OWN_FORMAT
from gongkai.cli import main
from gongkai.errors import CalendarDataError
from tests.statutory_2027 import own_days

NOTICE_2027 = {
    "format": OWN_FORMAT,
    "covers": [2027],
    "sources": ["国办发明电〔2026〕示例号（测试用）"],
    "days": own_days({"date": "2027-01-01", "kind": "holiday", "name": "元旦"}),
}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("GONGKAI_CALENDAR", raising=False)
    return home / "gongkai" / "calendar"


def test_the_user_folder_is_read_by_default(config: Path) -> None:
    write(config / "2027.json", NOTICE_2027)
    cal = WorkCalendar.default()
    assert 2027 in cal.covered_years
    assert not cal.is_workday(date(2027, 1, 1)) and cal.is_workday(date(2027, 1, 4))
    assert any("2027.json" in p and "国办发明电" in p for p in cal.provenance)
    assert "国办发明电" in cal.source_of(2027)


def test_gongkai_calendar_lists_files(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path / "a.json", NOTICE_2027)
    closure = {
        "format": OWN_FORMAT,
        "scope": "agency",
        "days": [{"date": "2027-01-04", "kind": "holiday", "name": "本单位闭馆"}],
    }
    second = write(tmp_path / "b.json", closure)
    monkeypatch.setenv("GONGKAI_CALENDAR", os.pathsep.join([str(first), str(second)]))
    cal = WorkCalendar.default("estimate")
    assert cal.add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 5)
    assert not cal.is_estimated(date(2027, 1, 5))


def test_a_broken_user_file_is_named(config: Path) -> None:
    bad = config / "2027.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CalendarDataError, match=r"2027\.json"):
        WorkCalendar.default()


def test_the_command_line_uses_them(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(config / "2027.json", NOTICE_2027)
    assert main(["deadline", "2026-12-10", "20个工作日"]) == 0
    assert capsys.readouterr().out.startswith("2027-01-08")
    assert main(["calendar", "--sources"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2004  chinese-calendar 1.11.0")
    assert any(line.startswith("2027  ") and "国办发明电" in line for line in out)
    assert str(config) in out[-1]


def test_sources_of_years_without_data(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2027", "--sources"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("2027  无数据 no data") and "国务院令第795号" in line
    assert main(["calendar", "2027", "--sources", "--estimate"]) == 0
    assert capsys.readouterr().out.startswith("2027  估算 estimate")
