"""The statutory holidays of 2027 on weekdays (《全国年节及纪念日放假办法》, 2024 revision, as
``gongkai.calendar.statutory`` dates them): a calendar file covering 2027 must give them off,
so the plausible 2027 notices of the tests list them beside their own days."""

from __future__ import annotations

from typing import Any

WEEKDAY_HOLIDAYS_2027 = {
    "2027-01-01": "元旦",
    "2027-02-05": "春节",
    "2027-02-08": "春节",
    "2027-04-05": "清明节",
    "2027-06-09": "端午节",
    "2027-09-15": "中秋节",
    "2027-10-01": "国庆节",
}


def own_days(*days: dict[str, Any]) -> list[dict[str, Any]]:
    """``days`` (gongkai-calendar/1 shape) and the statutory holidays they do not list."""
    listed = {d["date"] for d in days}
    return [*days] + [
        {"date": day, "kind": "holiday", "name": name}
        for day, name in WEEKDAY_HOLIDAYS_2027.items()
        if day not in listed
    ]


def holiday_cn_days(*days: dict[str, Any]) -> list[dict[str, Any]]:
    """``days`` (holiday-cn shape) and the statutory holidays they do not list."""
    listed = {d["date"] for d in days}
    return [*days] + [
        {"name": name, "date": day, "isOffDay": True}
        for day, name in WEEKDAY_HOLIDAYS_2027.items()
        if day not in listed
    ]
