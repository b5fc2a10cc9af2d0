"""The command line on a year without data: the estimate (issue 13) and years out of range
(issue 16)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai.calendar.statutory import statutory_holidays
from gongkai.cli import main


def test_deadline_estimate_never_lands_on_new_years_day(capsys: pytest.CaptureFixture[str]) -> None:
    # issue 13: 2026-12-04 + 20 working days used to say 2027-01-01 (元旦).
    assert main(["deadline", "2026-12-04", "20个工作日", "--estimate", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    due = date.fromisoformat(data["due_date"])
    assert due == date(2027, 1, 4) and due not in statutory_holidays(2027)
    assert data["estimated"] is True
    assert any("全国年节及纪念日放假办法" in line for line in data["calendar"])


def test_calendar_grid_marks_estimated_holidays(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2027-02", "--estimate"]) == 0
    out = capsys.readouterr().out
    for day in ("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"):
        assert f"{day} 法定节假日 春节" in out


@pytest.mark.parametrize("year", ["99999", "-1", "0", "1948", "2101"])
def test_obligations_year_out_of_range(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "agency.json"
    path.write_text(json.dumps({"kind": "agency", "name": "某某县人民政府"}), encoding="utf-8")
    assert main(["obligations", str(path), f"--year={year}"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.count("\n") == 1 and "1949" in err and "out of range" in err
