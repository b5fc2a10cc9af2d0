"""Cases for the anhui agency obligations (seed 003 L813–869 实施细则, L159 实施意见).

``since`` is 2026-01-01 unless a case says otherwise, so each rule's first finding is the
first period of 2026 (the year, Q1, or November / December for the month-bound duties).
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.rules.report import Severity
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import event as ev

NEXT_YEAR = "2027-01-01T00:00"  # 2026 is over
MID_YEAR = "2026-06-01T00:00"
Q2 = "2026-04-01T00:00"  # Q1 is over


def judged(name: str, level: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency judged from 2026-01-01 unless ``since`` is given."""
    return agency(*events, **{"name": name, "level": level, "since": "2026-01-01", **fields})


def dept(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A provincial department."""
    return judged("安徽省财政厅", "政府部门", *events, **fields)


def key_dept(*events: dict[str, Any]) -> dict[str, Any]:
    """A department close to the economy and livelihoods (重点部门)."""
    return judged("安徽省人力资源和社会保障厅", "政府部门", *events, is_key_department=True)


def city(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return judged("合肥市人民政府", "人民政府", *events, **fields)


def province(*events: dict[str, Any], name: str = "安徽省人民政府办公厅") -> dict[str, Any]:
    return judged(name, "人民政府", *events)


def coded(code: str, name: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency told apart by ``division_code`` (its name spelled freely), judged from 2026-01-01
    unless ``since`` is given."""
    return agency(*events, **{"name": name, "division_code": code, "since": "2026-01-01", **fields})


def conferences(*days: str) -> list[dict[str, Any]]:
    """Press conferences on these days (MM-DD) of 2026."""
    return [ev("press_conference_held", f"2026-{d}T10:00") for d in days]


SELF = "anhui.obligation.self_check"
SPOT = "anhui.obligation.self_check_spot"
PRESS = "anhui.obligation.press_conf"
PRESS_HEAD = "anhui.obligation.press_conf_head"
ROTATION = "anhui.obligation.rotation"
SUPERVISION = "anhui.obligation.supervision"
EVALUATION = "anhui.obligation.evaluation"
ANHUI = "340000"
CHUZHOU = "341100"

CASES: list[RuleCase] = [
    # L813 每年要...明确政务公开年度工作重点
    RuleCase(
        "anhui.obligation.workpoints",
        dept(ev("workpoints_issued", "2026-02-10T10:00")),
        "satisfied",
        NEXT_YEAR,
        name="issued in February",
    ),
    RuleCase("anhui.obligation.workpoints", dept(), "violated", NEXT_YEAR, name="none in 2026"),
    RuleCase("anhui.obligation.workpoints", dept(), "pending", MID_YEAR, name="year not over"),
    # L813 每年11月份...进行全面自查
    RuleCase(
        SELF,
        dept(ev("self_check_done", "2026-11-30T17:00")),
        "satisfied",
        NEXT_YEAR,
        name="on 11-30",
    ),
    RuleCase(
        SELF,
        dept(ev("self_check_done", "2026-10-30T17:00")),
        "violated",
        NEXT_YEAR,
        name="in October only",
    ),
    RuleCase(SELF, city(), "violated", "2026-12-01T00:00", name="none in November"),
    RuleCase(SELF, dept(), "pending", "2026-11-15T12:00", name="November not over"),
    # L813 各级政府办公厅(室)每年底要抽查一次
    RuleCase(
        SPOT,
        city(ev("spot_check_held", "2026-12-31T16:00")),
        "satisfied",
        NEXT_YEAR,
        name="on 12-31",
    ),
    RuleCase(
        SPOT,
        city(ev("spot_check_held", "2026-11-20T16:00")),
        "violated",
        NEXT_YEAR,
        name="in November, before the year end",
    ),
    RuleCase(SPOT, city(), "pending", "2026-12-15T12:00", name="December not over"),
    RuleCase(
        SPOT,
        dept(ev("spot_check_held", "2026-12-20T16:00")),
        "not_applicable",
        NEXT_YEAR,
        name="a department is not judged",
    ),
    # L819 原则上每季度召开一次新闻发布会
    RuleCase(PRESS, key_dept(*conferences("03-31")), "satisfied", Q2, name="on 03-31"),
    RuleCase(PRESS, key_dept(*conferences("04-02")), "violated", Q2, name="none in Q1"),
    RuleCase(PRESS, key_dept(), "pending", "2026-03-15T12:00", name="Q1 not over"),
    RuleCase(PRESS, dept(), "not_applicable", Q2, name="not a key department"),
    # L819 主要负责人原则上每年应出席一次新闻发布会
    RuleCase(
        PRESS_HEAD,
        key_dept(
            *conferences("03-10", "06-10"), ev("head_attended_press_conference", "2026-06-10T10:00")
        ),
        "satisfied",
        NEXT_YEAR,
        name="head at the June conference",
    ),
    RuleCase(
        PRESS_HEAD,
        key_dept(*conferences("03-10", "06-10", "09-10", "12-10")),
        "violated",
        NEXT_YEAR,
        name="four conferences, head at none",
    ),
    RuleCase(PRESS_HEAD, key_dept(), "pending", MID_YEAR, name="year not over"),
    RuleCase(PRESS_HEAD, dept(), "not_applicable", NEXT_YEAR, name="not a key department"),
    # L859 每年人代会期间安排一次“政府开放日” (the session dates are not in the record)
    RuleCase(
        "anhui.obligation.open_day",
        city(ev("open_day_held", "2026-01-20T09:00")),
        "satisfied",
        NEXT_YEAR,
        name="open day in January",
    ),
    RuleCase("anhui.obligation.open_day", dept(), "violated", NEXT_YEAR, name="none in 2026"),
    RuleCase("anhui.obligation.open_day", dept(), "pending", MID_YEAR, name="year not over"),
    # L863 主要负责人每年至少听取一次政务公开工作汇报
    RuleCase(
        "anhui.obligation.head_report",
        dept(ev("head_report_heard", "2026-12-31T15:00")),
        "satisfied",
        NEXT_YEAR,
        name="on 12-31",
    ),
    RuleCase("anhui.obligation.head_report", city(), "violated", NEXT_YEAR, name="none in 2026"),
    RuleCase("anhui.obligation.head_report", city(), "pending", MID_YEAR, name="year not over"),
    # L867 2018年底前对工作人员轮训一遍
    RuleCase(
        ROTATION,
        dept(ev("staff_rotation_completed", "2018-12-28T17:00"), since="2018-01-01"),
        "satisfied",
        "2019-01-01T00:00",
        name="completed on 2018-12-28",
    ),
    RuleCase(
        ROTATION,
        dept(ev("staff_rotation_completed", "2019-03-01T17:00"), since="2018-01-01"),
        "violated",
        "2019-06-01T00:00",
        name="completed in 2019",
    ),
    RuleCase(ROTATION, dept(since="2018-01-01"), "pending", "2018-12-31T12:00", name="last day"),
    # L869 各地、各部门4% (read as 不低于4%)
    RuleCase(
        "anhui.obligation.weight",
        dept(assessment_weight_percent=4),
        "satisfied",
        NEXT_YEAR,
        name="exactly 4 %",
    ),
    RuleCase(
        "anhui.obligation.weight",
        city(assessment_weight_percent=3),
        "violated",
        NEXT_YEAR,
        name="3 %",
    ),
    RuleCase("anhui.obligation.weight", dept(), "not_applicable", NEXT_YEAR, name="not stated"),
    # L869 省政府办公厅...每年分组、分阶段对各市及省直部门开展工作督查
    RuleCase(
        SUPERVISION,
        province(ev("inspection_held", "2026-09-15T09:00")),
        "satisfied",
        NEXT_YEAR,
        name="office inspected in September",
    ),
    RuleCase(
        SUPERVISION,
        province(ev("inspection_held", "2026-05-15T09:00"), name="安徽省人民政府"),
        "satisfied",
        NEXT_YEAR,
        name="recorded on the government",
    ),
    RuleCase(SUPERVISION, province(), "violated", NEXT_YEAR, name="none in 2026"),
    RuleCase(SUPERVISION, city(), "not_applicable", NEXT_YEAR, name="a city is not judged"),
    RuleCase(
        SUPERVISION,
        coded(ANHUI, "安徽省政府", ev("inspection_held", "2026-09-15T09:00"), level="人民政府"),
        "satisfied",
        NEXT_YEAR,
        name="province by division code, named 安徽省政府",
    ),
    RuleCase(
        SUPERVISION,
        coded(ANHUI, "安徽省财政厅", ev("inspection_held", "2026-09-15T09:00"), level="政府部门"),
        "not_applicable",
        NEXT_YEAR,
        name="a provincial department by division code is not judged",
    ),
    RuleCase(
        SUPERVISION,
        coded(CHUZHOU, "滁州市人民政府办公室", is_general_office=True),
        "not_applicable",
        NEXT_YEAR,
        name="a city's office is not judged",
    ),
    # L159 开展季度网上测评
    RuleCase(
        EVALUATION,
        province(ev("evaluation_held", "2026-03-31T16:00")),
        "satisfied",
        Q2,
        name="on 03-31",
    ),
    RuleCase(
        EVALUATION,
        province(ev("evaluation_held", "2026-04-01T09:00")),
        "violated",
        "2026-04-02T00:00",
        name="on 04-01, none in Q1",
    ),
    RuleCase(EVALUATION, province(), "pending", "2026-03-20T12:00", name="Q1 not over"),
    RuleCase(EVALUATION, city(), "not_applicable", Q2, name="a city is not judged"),
    RuleCase(
        EVALUATION,
        coded(ANHUI, "安徽省政府办公厅（省政务公开办）", is_general_office=True),
        "violated",
        Q2,
        name="general office by division code, none in Q1",
    ),
    RuleCase(
        EVALUATION,
        coded(ANHUI, "安徽省数据资源管理局", level="政府部门"),
        "not_applicable",
        Q2,
        name="a provincial department by division code is not judged",
    ),
    RuleCase(
        EVALUATION,
        coded(CHUZHOU, "滁州市政府", level="人民政府"),
        "not_applicable",
        Q2,
        name="a city by division code is not judged",
    ),
    # ---- 列席 system by 2017-12-31 (一（二）)
    RuleCase(
        "anhui.obligation.attendance_system",
        dept(since="2017-01-01"),
        "violated",
        as_of="2018-01-01T00:00",
        name="no attendance system by 2017",
    ),
    RuleCase(
        "anhui.obligation.attendance_system",
        dept(ev("attendance_system_established", "2018-01-02T09:00"), since="2017-01-01"),
        "violated",
        as_of="2018-02-01T00:00",
        name="attendance system set up in 2018: late",
    ),
    RuleCase(
        "anhui.obligation.attendance_system",
        city(ev("attendance_system_established", "2017-06-20T09:00"), since="2017-01-01"),
        "satisfied",
        as_of="2018-01-01T00:00",
        name="attendance system set up in June 2017",
    ),
    # ---- gazette database by the end of 2020 (四（五）)
    RuleCase(
        "anhui.obligation.gazette_database",
        city(since="2020-01-01"),
        "violated",
        as_of="2021-01-01T00:00",
        name="no gazette database by 2020",
    ),
    RuleCase(
        "anhui.obligation.gazette_database",
        city(ev("gazette_database_built", "2020-12-30T09:00"), since="2020-01-01"),
        "satisfied",
        as_of="2021-01-01T00:00",
        name="gazette database built on 2020-12-30",
    ),
    RuleCase(
        "anhui.obligation.gazette_database",
        dept(since="2020-01-01"),
        "not_applicable",
        as_of="2021-01-01T00:00",
        name="gazette database: a government's duty",
    ),
    # ---- self-check outcome: found items published or made proactive
    RuleCase(
        "anhui.obligation.self_check_outcome",
        dept(self_check_found=5, self_check_published=3),
        "violated",
        as_of="2026-12-01T00:00",
        name="3 of 5 items found in the self-check published",
    ),
    RuleCase(
        "anhui.obligation.self_check_outcome",
        dept(self_check_found=5, self_check_published=5),
        "satisfied",
        as_of="2026-12-01T00:00",
        name="every item found in the self-check published",
    ),
    # ---- the province's own 列席 system by 2017-06-30 (一（二）)
    RuleCase(
        "anhui.obligation.attendance_system_province",
        coded(
            ANHUI,
            "安徽省人民政府",
            ev("attendance_system_established", "2017-09-01T09:00"),
            level="人民政府",
            since="2017-01-01",
        ),
        "violated",
        as_of="2018-01-01T00:00",
        name="province set it up in September 2017",
    ),
    RuleCase(
        "anhui.obligation.attendance_system_province",
        coded(
            ANHUI,
            "安徽省人民政府",
            ev("attendance_system_established", "2017-06-20T09:00"),
            level="人民政府",
            since="2017-01-01",
        ),
        "satisfied",
        as_of="2018-01-01T00:00",
        name="province set it up in June 2017",
    ),
    RuleCase(
        "anhui.obligation.attendance_system_province",
        city(since="2017-01-01"),
        "not_applicable",
        as_of="2018-01-01T00:00",
        name="a city keeps the end-of-2017 date",
    ),
    # ---- 政民互动 columns (五（三）)
    RuleCase(
        "anhui.obligation.columns",
        dept(website_columns=["领导信箱", "网民留言"]),
        "violated",
        as_of=MID_YEAR,
        name="no 民意征集 column",
    ),
    RuleCase(
        "anhui.obligation.columns",
        dept(website_columns=["政府信息公开", "领导信箱", "网民留言", "民意征集"]),
        "satisfied",
        as_of=MID_YEAR,
        name="the three interaction columns",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_case(case: RuleCase) -> None:
    run_case(case)


def test_rotation_is_not_judged_after_2018() -> None:
    report = load_pack("anhui").check(load_record(dept()), NEXT_YEAR)
    assert report.finding(ROTATION) is None


@pytest.mark.parametrize("rule_id", [PRESS, PRESS_HEAD])
def test_press_conferences_are_warnings(rule_id: str) -> None:
    finding = run_case(RuleCase(rule_id, key_dept(), "violated", NEXT_YEAR))
    assert finding.severity is Severity.WARNING
