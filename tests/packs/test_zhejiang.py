"""Cases for the zhejiang pack (《浙江省政务公开五年行动计划(2021—2025年)》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, meeting
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

PUBLISH = ev("publish", "2026-03-20T09:00")
DECISION = {"meeting_kind": "常务会议", "major_decision": True, "major_livelihood": True}
CONSULT = ev("consult_public", "2026-03-02T09:00")
DECIDE = ev("decide", "2026-04-10T11:00")
NEW_YEAR = "2026-01-01T00:00"  # the 2025 period is over


def province(since: str, *events: dict[str, Any]) -> dict[str, Any]:
    """The 省政府办公厅, judged from ``since``."""
    return agency(*events, name="浙江省人民政府办公厅", level="人民政府", since=since)


def city(since: str, *events: dict[str, Any]) -> dict[str, Any]:
    """A city government (its office's duties included), judged from ``since``."""
    return agency(*events, name="衢州市人民政府", level="人民政府", since=since)


def dept(since: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A provincial department, judged from ``since``."""
    return agency(*events, name="浙江省司法厅", level="政府部门", since=since, **fields)


def coded(code: str, since: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency told apart by ``division_code`` (its name spelled freely), judged from ``since``."""
    return agency(*events, division_code=code, since=since, **fields)


ZHEJIANG = "330000"
QUZHOU = "330800"

CASES: list[RuleCase] = [
    # L205 确保政策文件与解读材料同步起草、同步审签、同步发布
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, ev("release_interpretation", "2026-03-20T09:00"), is_policy=True),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="released together",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, ev("release_interpretation", "2026-03-23T09:00"), is_policy=True),
        "pending",
        as_of="2026-03-24T00:00",
        name="interpretation three days later",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, is_policy=True),
        "pending",
        as_of="2026-03-24T00:00",
        name="no interpretation",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(ev("release_interpretation", "2026-03-19T15:00"), PUBLISH, is_policy=True),
        "violated",
        as_of="2026-03-21T00:00",
        name="interpretation released the day before the document",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, is_policy=True, needs_interpretation=False),
        "not_applicable",
        as_of="2026-03-24T00:00",
        name="declared not to need interpretation",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH),
        "not_applicable",
        as_of="2026-03-24T00:00",
        name="not a policy document",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, is_policy=True),
        "not_applicable",
        as_of="2026-03-19T00:00",
        name="publish after as_of is ignored",
    ),
    # L197 均应通过政府网站、政务新媒体等各类线上线下渠道充分听取公众意见 (2022年起)
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(CONSULT, ev("hold", "2026-04-10T09:00"), DECIDE, **DECISION),
        "satisfied",
        as_of="2026-04-11T00:00",
        name="consulted before the decision",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(ev("hold", "2026-04-10T09:00"), DECIDE, **DECISION),
        "violated",
        as_of="2026-04-11T00:00",
        name="no consultation",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(DECIDE, ev("consult_public", "2026-04-15T09:00"), **DECISION),
        "violated",
        as_of="2026-04-20T00:00",
        name="consulted after the decision",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(CONSULT, DECIDE, major_decision=True, public_interest=True),
        "satisfied",
        as_of="2026-04-11T00:00",
        name="公众普遍关注, consulted",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(DECIDE, major_decision=True, public_interest=True),
        "violated",
        as_of="2026-04-11T00:00",
        name="公众普遍关注, not consulted",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(DECIDE, involves_secrets=True, **DECISION),
        "not_applicable",
        as_of="2026-04-11T00:00",
        name="依法应当保密",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(DECIDE, major_decision=True),
        "not_applicable",
        as_of="2026-04-11T00:00",
        name="touches no group nor public concern",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(ev("decide", "2021-11-10T11:00"), **DECISION),
        "not_applicable",
        as_of="2021-11-11T00:00",
        name="decided in 2021, before the 2022 target",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(ev("decide", "2022-01-04T11:00"), **DECISION),
        "violated",
        as_of="2022-01-05T00:00",
        name="decided in 2022 without consultation",
    ),
    RuleCase(
        "zhejiang.meeting.catalogued_decision_consultation",
        meeting(CONSULT, DECIDE, **DECISION),
        "not_applicable",
        as_of="2026-04-01T00:00",
        name="decision after as_of is ignored",
    ),
    # L269 行政机关主要负责人每年至少听取1次政务公开工作汇报
    RuleCase(
        "zhejiang.obligation.head_report",
        dept("2025-01-01"),
        "violated",
        as_of=NEW_YEAR,
        name="no report heard in 2025",
    ),
    RuleCase(
        "zhejiang.obligation.head_report",
        dept("2025-01-01", ev("head_report_heard", "2025-12-31T15:00")),
        "satisfied",
        as_of=NEW_YEAR,
        name="report heard on 12-31",
    ),
    RuleCase(
        "zhejiang.obligation.head_report",
        city("2026-01-01"),
        "pending",
        as_of="2026-06-30T12:00",
        name="2026 report still due",
    ),
    # L271 不低于4%的比重
    RuleCase(
        "zhejiang.obligation.weight",
        dept("2026-01-01", assessment_weight_percent=3),
        "violated",
        as_of=NEW_YEAR,
        name="weight 3 %",
    ),
    RuleCase(
        "zhejiang.obligation.weight",
        dept("2026-01-01", assessment_weight_percent=4.5),
        "satisfied",
        as_of=NEW_YEAR,
        name="weight 4.5 %",
    ),
    RuleCase(
        "zhejiang.obligation.weight",
        dept("2026-01-01"),
        "not_applicable",
        as_of=NEW_YEAR,
        name="weight not stated",
    ),
    # L271 省政府办公厅…自2021年起,每年至少开展1次政务公开指数评价工作
    RuleCase(
        "zhejiang.obligation.index_eval",
        province("2025-01-01"),
        "violated",
        as_of=NEW_YEAR,
        name="no index evaluation in 2025",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        province("2025-01-01", ev("evaluation_held", "2025-10-20T09:00")),
        "satisfied",
        as_of=NEW_YEAR,
        name="index evaluation in October",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        province("2026-01-01"),
        "pending",
        as_of="2026-12-31T20:00",
        name="2026 evaluation due tonight",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        city("2025-01-01"),
        "not_applicable",
        as_of=NEW_YEAR,
        name="a city government does not run the provincial index",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        coded(
            ZHEJIANG,
            "2025-01-01",
            ev("evaluation_held", "2025-10-20T09:00"),
            name="浙江省政府办公厅",
            is_general_office=True,
        ),
        "satisfied",
        as_of=NEW_YEAR,
        name="general office by division code, evaluation in October",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        coded(ZHEJIANG, "2025-01-01", name="浙江省大数据发展管理局", level="政府部门"),
        "not_applicable",
        as_of=NEW_YEAR,
        name="a provincial department by division code does not run the index",
    ),
    RuleCase(
        "zhejiang.obligation.index_eval",
        coded(QUZHOU, "2025-01-01", name="衢州市政府办公室", is_general_office=True),
        "not_applicable",
        as_of=NEW_YEAR,
        name="a city's office does not run the provincial index",
    ),
    # L275 各级政务公开工作主管部门每年至少组织开展1次政务公开宣传活动
    RuleCase(
        "zhejiang.obligation.campaign",
        city("2025-01-01"),
        "violated",
        as_of=NEW_YEAR,
        name="no campaign in 2025",
    ),
    RuleCase(
        "zhejiang.obligation.campaign",
        city("2025-01-01", ev("campaign_held", "2025-05-15T09:00")),
        "satisfied",
        as_of=NEW_YEAR,
        name="campaign in May",
    ),
    RuleCase(
        "zhejiang.obligation.campaign",
        dept("2025-01-01"),
        "not_applicable",
        as_of=NEW_YEAR,
        name="a department is not the 主管部门",
    ),
    # L237 2021年完成2016年以来、2023年完成2008年以来、2025年完成2005年以来的政府信息梳理
    RuleCase(
        "zhejiang.obligation.inventory_2016",
        dept("2021-01-01"),
        "violated",
        as_of="2022-01-01T00:00",
        name="2016 stock not inventoried in 2021",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2016",
        dept("2021-01-01", ev("information_inventoried_since_2016", "2021-11-30T17:00")),
        "satisfied",
        as_of="2022-01-01T00:00",
        name="2016 stock done in November 2021",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2016",
        dept("2021-01-01"),
        "pending",
        as_of="2021-12-31T20:00",
        name="2016 stock still due on 2021-12-31",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2008",
        dept("2023-01-01", ev("information_inventoried_since_2016", "2021-11-30T17:00")),
        "violated",
        as_of="2024-01-01T00:00",
        name="only the 2016 stock done by 2023",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2008",
        dept("2023-01-01", ev("information_inventoried_since_2008", "2023-06-30T17:00")),
        "satisfied",
        as_of="2024-01-01T00:00",
        name="2008 stock done in June 2023",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2005",
        dept("2025-01-01"),
        "violated",
        as_of=NEW_YEAR,
        name="2005 stock not inventoried in 2025",
    ),
    RuleCase(
        "zhejiang.obligation.inventory_2005",
        dept("2025-01-01", ev("information_inventoried_since_2005", "2025-12-31T10:00")),
        "satisfied",
        as_of=NEW_YEAR,
        name="2005 stock done on 2025-12-31",
    ),
    # L239 2021年,建立政府信息公开与保密工作沟通协作机制
    RuleCase(
        "zhejiang.obligation.secrecy_coordination",
        city("2021-01-01"),
        "violated",
        as_of="2022-01-01T00:00",
        name="no mechanism by 2021",
    ),
    RuleCase(
        "zhejiang.obligation.secrecy_coordination",
        city("2021-01-01", ev("secrecy_coordination_established", "2021-09-01T09:00")),
        "satisfied",
        as_of="2022-01-01T00:00",
        name="mechanism set up in September 2021",
    ),
    RuleCase(
        "zhejiang.obligation.secrecy_coordination",
        dept("2021-01-01"),
        "not_applicable",
        as_of="2022-01-01T00:00",
        name="led by the offices, not a department",
    ),
    # L255 2021年,建成全省政务新媒体统一监管平台
    RuleCase(
        "zhejiang.obligation.new_media",
        province("2021-01-01"),
        "violated",
        as_of="2022-01-01T00:00",
        name="no platform by 2021",
    ),
    RuleCase(
        "zhejiang.obligation.new_media",
        province("2021-01-01", ev("new_media_platform_built", "2021-12-15T09:00")),
        "satisfied",
        as_of="2022-01-01T00:00",
        name="platform built in December 2021",
    ),
    RuleCase(
        "zhejiang.obligation.new_media",
        city("2021-01-01"),
        "not_applicable",
        as_of="2022-01-01T00:00",
        name="a city does not build the provincial platform",
    ),
    RuleCase(
        "zhejiang.obligation.new_media",
        coded(ZHEJIANG, "2021-01-01", name="浙江省政府", level="人民政府"),
        "violated",
        as_of="2022-01-01T00:00",
        name="province by division code, no platform by 2021",
    ),
    RuleCase(
        "zhejiang.obligation.new_media",
        coded(ZHEJIANG, "2021-01-01", name="浙江省司法厅", level="政府部门"),
        "not_applicable",
        as_of="2022-01-01T00:00",
        name="a provincial department by division code does not build it",
    ),
    RuleCase(
        "zhejiang.obligation.new_media",
        coded(QUZHOU, "2021-01-01", name="衢州市政府", level="人民政府"),
        "not_applicable",
        as_of="2022-01-01T00:00",
        name="a city by division code does not build the provincial platform",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("zhejiang")
    assert pack.chain == ("zhejiang", "national")
    assert pack.has_rule("national.document.interpretation_bundle")
    assert not pack.has_rule("national.document.interpretation_sync")  # overridden: one finding


def test_guard_names_the_decision() -> None:
    finding = run_case(CASES[7])
    assert finding.blocks == ("decide",)
    assert "听取公众意见" in finding.message


def test_yearly_duties_start_in_2021() -> None:
    """The plan covers 2021—2025: 2020 is not judged."""
    report = load_pack("zhejiang").check(load_record(dept("2020-01-01")), "2021-03-01")
    periods = [f.period for f in report.findings if f.rule_id == "zhejiang.obligation.head_report"]
    assert periods == ["2021"]
