"""Overlays never change data silently (issue 16): covered years must agree unless the file is
a correction, an agency's own days are the only exception, years are bounded, contradictory
duplicates are refused; and the calendar API answers every date with a GongkaiError, never a
bare ValueError or OverflowError."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from chinese_calendar import constants
from hypothesis import given
from hypothesis import strategies as st

from gongkai import WorkCalendar
from gongkai.calendar import OWN_FORMAT, Overlay, read_overlay
from gongkai.calendar.overlays import bundled_overlay
from gongkai.errors import CalendarCoverageError, CalendarDataError, GongkaiError
from tests.statutory_2027 import own_days

BASE = WorkCalendar.default()


def own(covers: list[Any], *days: tuple[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "format": OWN_FORMAT,
        "covers": covers,
        "days": [{"date": d, "kind": k, "name": "测试"} for d, k in days],
        **extra,
    }


def official_2026() -> dict[str, Any]:
    """chinese-calendar's 2026 days in gongkai's shape: the same data, restated."""
    days = [(d.isoformat(), "holiday") for d in constants.holidays if d.year == 2026]
    days += [(d.isoformat(), "makeup_workday") for d in constants.workdays if d.year == 2026]
    return own([2026], *days)


def test_restating_a_covered_year_is_accepted() -> None:
    cal = BASE.with_overlay(official_2026())
    assert cal.add_workdays(date(2026, 9, 28), 5) == BASE.add_workdays(date(2026, 9, 28), 5)


def test_an_overlay_that_disagrees_with_chinese_calendar_names_the_days() -> None:
    # 2026-10-07 is the last day of the 国庆 holiday in chinese-calendar; 2026-06-01 a workday.
    wrong = own([], ("2026-10-07", "workday"), ("2026-06-01", "holiday"))
    with pytest.raises(CalendarDataError) as info:
        BASE.with_overlay(wrong)
    assert "2026-06-01" in info.value.zh and "2026-10-07" in info.value.zh
    assert "correction" in info.value.zh and "correction" in info.value.en
    fixed = BASE.with_overlay(wrong | {"correction": True})  # acknowledged: it wins
    assert fixed.is_workday(date(2026, 10, 7)) and not fixed.is_workday(date(2026, 6, 1))


def test_a_full_year_that_leaves_out_a_holiday_disagrees_too() -> None:
    data = official_2026()
    data["days"] = [d for d in data["days"] if d["date"] != "2026-01-01"]
    with pytest.raises(CalendarDataError, match="2026-01-01"):
        BASE.with_overlay(data)


@pytest.mark.parametrize(
    ("data", "year"),
    [
        (own([2027]), 2027),
        (own([2027], ("2027-01-09", "makeup_workday")), 2027),
        ({"year": 2027, "papers": [], "days": []}, 2027),
        (own([2027, 2028], ("2027-01-01", "holiday")), 2028),
    ],
    ids=["own-empty", "own-workdays-only", "holiday-cn-empty", "one-year-of-two-empty"],
)
def test_a_covered_year_without_a_day_off_is_refused(data: dict[str, Any], year: int) -> None:
    # issue 13: an empty 2027 file counted 元旦 (2027-01-01, a Friday) as a working day
    with pytest.raises(CalendarDataError, match=f"{year} 年没有列出任何休息日") as caught:
        BASE.with_overlay(data)
    assert f"lists no day off in {year}" in caught.value.en


def test_a_2027_file_may_not_rewrite_2026() -> None:
    sneaky = own([2027], ("2027-01-01", "holiday"), ("2026-10-09", "holiday"))
    with pytest.raises(CalendarDataError, match="2026-10-09"):
        BASE.with_overlay(sneaky)
    # A day of the previous year that agrees (as notices list, e.g. a make-up Saturday) is fine.
    agrees = own([2027], ("2027-01-01", "holiday"), ("2026-12-26", "holiday"))
    agrees["days"] = own_days(*agrees["days"])  # a whole 2027: its statutory holidays too
    assert BASE.with_overlay(agrees).coverage == (2004, 2027)


def test_a_notice_may_set_the_last_days_of_the_year_before() -> None:
    # 国务院办公厅关于2012年部分节假日安排的通知（国办发明电〔2011〕45号，2011-12-05）:
    # "一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。"
    # Before it, 2011-12-31 was a plain Saturday: the data as it stood at the end of 2011.
    bundled = bundled_overlay()
    until_2011 = Overlay(
        {d: i for d, i in bundled.days.items() if d < date(2011, 12, 31)},
        frozenset(range(2004, 2012)),
        (),
        "chinese-calendar as of 2011",
    )
    before = WorkCalendar((until_2011,))
    assert not before.is_workday(date(2011, 12, 31))
    year_2012 = [
        (d.isoformat(), "makeup_workday" if i.is_workday else "holiday")
        for d, i in bundled.days.items()
        if d.year == 2012
    ]
    notice = own([2012], *year_2012, ("2011-12-31", "makeup_workday"))
    after = before.with_overlay(notice)
    assert after.is_workday(date(2011, 12, 31)) and not after.is_workday(date(2012, 1, 3))
    # Earlier in December it may not.
    with pytest.raises(CalendarDataError, match="2011-12-24"):
        before.with_overlay(own([2012], ("2011-12-24", "makeup_workday")))


def test_an_agencys_own_days_may_differ() -> None:
    closure = own([], ("2026-05-29", "holiday"), scope="agency")
    cal = BASE.with_overlay(closure)
    assert not cal.is_workday(date(2026, 5, 29))
    assert cal.agency_overlays == ("mapping (1 天 days)",)
    with pytest.raises(CalendarDataError, match="agency"):
        read_overlay(own([2027], ("2027-01-01", "holiday"), scope="agency"))
    with pytest.raises(CalendarDataError, match="scope"):
        read_overlay(own([], scope="county"))


def test_a_date_listed_twice_with_contradictory_kinds() -> None:
    with pytest.raises(CalendarDataError, match="2027-01-01"):
        read_overlay(own([2027], ("2027-01-01", "holiday"), ("2027-01-01", "workday")))
    with pytest.raises(CalendarDataError, match="2027-01-01"):
        read_overlay(
            {
                "year": 2027,
                "days": [
                    {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
                    {"name": "元旦", "date": "2027-01-01", "isOffDay": False},
                ],
            }
        )
    # the same kind twice is harmless
    assert len(read_overlay(own([2027], *[("2027-01-01", "holiday")] * 2)).days) == 1


@pytest.mark.parametrize("year", [0, -1, 10000, 1948, 2101, True, "2027", 2027.0])
def test_overlay_years_outside_the_range(year: Any) -> None:
    with pytest.raises(CalendarDataError) as info:
        read_overlay({"year": year, "days": []})
    assert "1949" in info.value.zh
    with pytest.raises(CalendarDataError):
        read_overlay(own([year]))


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2101-01-01"])
def test_overlay_dates_outside_the_range(day: str) -> None:
    with pytest.raises(CalendarDataError, match="1949"):
        read_overlay(own([], (day, "holiday"), scope="agency"))


@pytest.mark.parametrize("policy", ["strict", "estimate"])
@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.is_workday(date.min),
        lambda c: c.is_workday(date.max),
        lambda c: c.day_kind(date(1, 1, 1)),
        lambda c: c.add_workdays(date.max, 1),
        lambda c: c.add_workdays(date.min, -1),
        lambda c: c.add_workdays(date(2026, 1, 1), 10**15),
        lambda c: c.add_workdays(date(2026, 1, 1), -(10**15)),
        lambda c: c.workdays_between(date.min, date.max),
        lambda c: c.roll_forward(date.max - timedelta(days=1)),
    ],
)
def test_the_calendar_api_at_the_edges_of_date(policy: str, call: Any) -> None:
    with pytest.raises(GongkaiError) as info:
        call(WorkCalendar.default(policy))
    expected = CalendarCoverageError if policy == "strict" else CalendarDataError
    assert isinstance(info.value, expected)


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([0, -1, 10000, 2026, 2027, 2101, 1949]),
    st.text(max_size=12),
    st.sampled_from(["2027-01-01", "2026-12-31", "0001-01-01", "9999-12-31", "2027-02-30"]),
)
_DAY = st.fixed_dictionaries(
    {},
    optional={
        "date": _VALUES,
        "kind": st.sampled_from(["holiday", "workday", "makeup_workday", "swapped_rest", "x"]),
        "isOffDay": _VALUES,
        "name": _VALUES,
    },
)
_OVERLAYS = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from([OWN_FORMAT, "other"]),
        "year": _VALUES,
        "covers": st.one_of(_VALUES, st.lists(_VALUES, max_size=3)),
        "scope": st.sampled_from(["national", "agency", "x"]),
        "correction": _VALUES,
        "days": st.one_of(_VALUES, st.lists(_DAY, max_size=5)),
        "sources": st.one_of(_VALUES, st.lists(_VALUES, max_size=2)),
    },
)


@given(_OVERLAYS)
def test_any_overlay_mapping_is_read_or_refused_with_a_gongkai_error(data: dict[str, Any]) -> None:
    try:
        cal = BASE.with_overlay(data)
    except GongkaiError:
        return
    assert cal.coverage[0] >= 1949 and cal.coverage[1] <= 2100
    cal.with_policy("estimate").add_workdays(date(2026, 12, 20), 30)
