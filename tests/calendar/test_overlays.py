"""Overlays: next year's schedule (holiday-cn shape) and our own gongkai-calendar/1 shape."""

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from chinese_calendar import constants

from gongkai import DayKind, WorkCalendar
from gongkai.calendar import OWN_FORMAT, read_overlay
from gongkai.errors import CalendarCoverageError, CalendarDataError
from tests.statutory_2027 import WEEKDAY_HOLIDAYS_2027, holiday_cn_days, own_days

#: A plausible 2027 notice in holiday-cn shape (元旦 off 01-01..01-03, make-up Sunday 01-10).
HOLIDAY_CN_2027: dict[str, Any] = {
    "year": 2027,
    "papers": ["https://www.gov.cn/zhengce/2027-notice"],
    "days": holiday_cn_days(
        {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-02", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-03", "isOffDay": True},
        {"name": "元旦", "date": "2027-01-10", "isOffDay": False},
        {"name": "春节", "date": "2027-02-05", "isOffDay": True, "kind": "swapped_rest"},
    ),
}

HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
HAS_LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def base() -> WorkCalendar:
    return WorkCalendar.default()


def test_holiday_cn_overlay_extends_coverage_and_changes_results(base: WorkCalendar) -> None:
    cal = base.with_overlay(HOLIDAY_CN_2027)
    assert cal.coverage == (2004, 2027)
    assert 2027 in cal.covered_years
    # 2026-12-10 + 20: 15 working days in 2026, then 01-04..01-08 (5) -> 2027-01-08
    # (the statutory-holiday estimate agrees here: 元旦 01-01 is off in every year).
    assert cal.add_workdays(date(2026, 12, 10), 20) == date(2027, 1, 8)
    assert WorkCalendar.default("estimate").add_workdays(date(2026, 12, 10), 20) == date(2027, 1, 8)

    new_year = cal.day_kind(date(2027, 1, 1))
    assert new_year.kind is DayKind.HOLIDAY
    assert (new_year.name_zh, new_year.name_en) == ("元旦", "New Year's Day")
    assert not new_year.estimated
    sunday = cal.day_kind(date(2027, 1, 10))
    assert sunday.kind is DayKind.MAKEUP_WORKDAY
    assert cal.is_workday(date(2027, 1, 10))
    assert cal.day_kind(date(2027, 2, 5)).kind is DayKind.SWAPPED_REST
    assert cal.day_kind(date(2027, 1, 9)).kind is DayKind.WEEKEND
    assert cal.workdays_between(date(2027, 1, 8), date(2027, 1, 11)) == 2
    # Still strict about 2028.
    with pytest.raises(CalendarCoverageError) as info:
        cal.add_workdays(date(2027, 12, 20), 20)
    assert info.value.year == 2028


def test_overlay_from_json_file(base: WorkCalendar, tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(HOLIDAY_CN_2027, ensure_ascii=False), encoding="utf-8")
    assert base.with_overlay(path).add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert base.with_overlay(str(path)).add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_with_overlay_never_changes_the_original_or_chinese_calendar(base: WorkCalendar) -> None:
    holidays_before = dict(constants.holidays)
    workdays_before = dict(constants.workdays)
    in_lieu_before = dict(constants.in_lieu_days)
    own = {
        "format": OWN_FORMAT,
        "scope": "agency",
        "covers": [],
        "days": [{"date": "2026-06-01", "kind": "holiday", "name": "本单位闭馆"}],
    }
    cal = base.with_overlay(HOLIDAY_CN_2027).with_overlay(own)
    assert cal is not base
    assert cal.is_workday(date(2027, 1, 4))
    assert not cal.is_workday(date(2026, 6, 1))

    assert base.coverage == (2004, 2026)
    assert base.is_workday(date(2026, 6, 1))
    with pytest.raises(CalendarCoverageError):
        base.is_workday(date(2027, 1, 4))
    assert WorkCalendar.default().coverage == (2004, 2026)

    assert constants.holidays == holidays_before
    assert constants.workdays == workdays_before
    assert constants.in_lieu_days == in_lieu_before
    assert chinese_calendar.is_workday(date(2026, 6, 1))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))


def test_overlays_compose_later_wins(base: WorkCalendar) -> None:
    amended = {
        "format": OWN_FORMAT,
        "covers": [2027],
        "correction": True,  # it changes days the first overlay already scheduled
        "sources": ["https://www.gov.cn/zhengce/2027-amendment"],
        "days": [
            {"date": "2027-01-03", "kind": "workday"},
            {"date": "2027-01-04", "kind": "holiday", "name": "元旦"},
        ],
    }
    first = base.with_overlay(HOLIDAY_CN_2027)
    both = first.with_overlay(amended)
    # The first overlay's other days survive ...
    assert not both.is_workday(date(2027, 1, 1))
    assert both.is_workday(date(2027, 1, 10))
    # ... and the later one wins where they disagree.
    assert both.is_workday(date(2027, 1, 3))
    assert not both.is_workday(date(2027, 1, 4))
    assert first.is_workday(date(2027, 1, 4))
    assert both.add_workdays(date(2027, 1, 2), 1) == date(2027, 1, 3)
    # Reversed order: the holiday-cn file would change 01-03 and 01-04 again, silently: refused.
    with pytest.raises(CalendarDataError, match=r"2027-01-03.*2027-01-04"):
        base.with_overlay(amended).with_overlay(HOLIDAY_CN_2027)
    reversed_ = base.with_overlay(amended).with_overlay(HOLIDAY_CN_2027 | {"correction": True})
    assert not reversed_.is_workday(date(2027, 1, 3))


def test_own_format_without_covers_changes_a_day_not_coverage(base: WorkCalendar) -> None:
    closure = {
        "format": OWN_FORMAT,
        "scope": "agency",
        "covers": [],
        "sources": ["某局通知 2026-05"],
        "days": [{"date": "2026-05-29", "kind": "holiday", "name": "本单位闭馆"}],
    }
    cal = base.with_overlay(closure)
    assert cal.coverage == (2004, 2026)
    assert cal.covered_years == base.covered_years
    info = cal.day_kind(date(2026, 5, 29))
    assert info.kind is DayKind.HOLIDAY
    assert info.name_zh == "本单位闭馆"
    assert base.add_workdays(date(2026, 5, 28), 1) == date(2026, 5, 29)
    assert cal.add_workdays(date(2026, 5, 28), 1) == date(2026, 6, 1)
    with pytest.raises(CalendarCoverageError):
        cal.is_workday(date(2027, 3, 1))


def test_own_format_kinds() -> None:
    cal = WorkCalendar.default().with_overlay(
        {
            "format": OWN_FORMAT,
            "covers": [2027],
            "days": own_days(
                {"date": "2027-10-07", "kind": "swapped_rest", "name": "国庆节"},
                {"date": "2027-10-09", "kind": "makeup_workday", "name": "国庆节"},
            ),
        }
    )
    assert cal.day_kind(date(2027, 10, 7)).kind is DayKind.SWAPPED_REST
    assert cal.day_kind(date(2027, 10, 9)).kind is DayKind.MAKEUP_WORKDAY
    assert cal.is_workday(date(2027, 10, 9))


def test_provenance_lists_overlay_sources(base: WorkCalendar) -> None:
    own = {
        "format": OWN_FORMAT,
        "scope": "agency",
        "covers": [],
        "sources": ["某局通知 2026-05"],
        "days": [],
    }
    prov = base.with_overlay(HOLIDAY_CN_2027).with_overlay(own).provenance
    assert len(prov) == 3
    assert "chinese-calendar" in prov[0]
    assert "https://www.gov.cn/zhengce/2027-notice" in prov[1]
    assert "2027" in prov[1]
    assert "某局通知 2026-05" in prov[2]
    assert len(base.provenance) == 1


def test_read_overlay_returns_its_parts() -> None:
    overlay = read_overlay(HOLIDAY_CN_2027)
    assert overlay.covers == frozenset({2027})
    assert overlay.sources == ("https://www.gov.cn/zhengce/2027-notice",)
    assert set(overlay.days) == {
        date(2027, 1, 1),
        date(2027, 1, 2),
        date(2027, 1, 3),
        date(2027, 1, 10),
        date(2027, 2, 5),
    } | {date.fromisoformat(d) for d in WEEKDAY_HOLIDAYS_2027}


def _assert_bilingual(err: CalendarDataError) -> None:
    text = str(err)
    assert HAS_CJK.search(err.zh), text
    assert HAS_LATIN.search(err.en), text
    assert err.zh in text and err.en in text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"year": 2027, "papers": []}, id="holiday-cn-missing-days"),
        pytest.param({"format": OWN_FORMAT, "covers": [2027]}, id="own-missing-days"),
        pytest.param({"year": 2027, "days": "2027-01-01"}, id="days-not-a-list"),
        pytest.param({"year": 2027, "days": ["2027-01-01"]}, id="days-not-objects"),
        pytest.param(
            {"year": 2027, "days": [{"date": "2027-13-01", "isOffDay": True}]}, id="bad-date"
        ),
        pytest.param({"year": 2027, "days": [{"isOffDay": True}]}, id="missing-date"),
        pytest.param(
            {"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": "yes"}]},
            id="isOffDay-not-bool",
        ),
        pytest.param({"year": "2027", "days": []}, id="year-not-int"),
        pytest.param({"year": True, "days": []}, id="year-bool"),
        pytest.param(
            {"format": OWN_FORMAT, "days": [{"date": "2027-01-01", "kind": "vacation"}]},
            id="bad-kind",
        ),
        pytest.param(
            {"format": OWN_FORMAT, "days": [{"date": "2027-01-01"}]},
            id="missing-kind",
        ),
        pytest.param({"format": OWN_FORMAT, "covers": 2027, "days": []}, id="covers-not-list"),
        pytest.param({"format": OWN_FORMAT, "sources": "x", "days": []}, id="sources-not-list"),
        pytest.param({"days": []}, id="unknown-shape"),
        pytest.param({"format": "gongkai-calendar/9", "days": []}, id="unknown-format"),
    ],
)
def test_malformed_mapping(data: dict[str, Any]) -> None:
    with pytest.raises(CalendarDataError) as info:
        WorkCalendar.default().with_overlay(data)
    _assert_bilingual(info.value)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        pytest.param("{not json", "JSON", id="not-json"),
        pytest.param("[1, 2, 3]", "object", id="top-level-list"),
        pytest.param('"2027"', "object", id="top-level-string"),
    ],
)
def test_malformed_file(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CalendarDataError) as info:
        WorkCalendar.default().with_overlay(path)
    _assert_bilingual(info.value)
    assert needle in info.value.en
    assert str(path) in str(info.value)


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{"year": 2027, "days": [{"name": "元旦"}]}'.encode("gbk"))
    with pytest.raises(CalendarDataError) as info:
        WorkCalendar.default().with_overlay(path)
    _assert_bilingual(info.value)


@pytest.mark.parametrize("name", ["missing.json", "."])
def test_unreadable_path(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(CalendarDataError) as info:
        WorkCalendar.default().with_overlay(path)
    _assert_bilingual(info.value)
    assert "cannot read" in info.value.en
