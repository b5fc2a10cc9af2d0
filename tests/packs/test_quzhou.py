"""Cases for the quzhou pack (衢州市政务公开五年行动计划, 2021年衢州市政务公开工作要点)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, meeting
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

PUBLISH = ev("publish", "2026-03-20T09:00")
SUBMIT = ev("submit", "2021-03-02T09:00")  # the 2021 要点 governs 2021
DECISION = {"meeting_kind": "常务会议", "major_decision": True, "major_livelihood": True}
CONSULT = ev("consult_public", "2026-03-02T09:00")
DECIDE = ev("decide", "2026-04-10T11:00")
PRE_2021 = ev("pre_disclose", "2021-05-10T09:00")
CONSULT_2021 = ev("consult_public", "2021-05-10T09:30")
DECIDE_2021 = ev("decide", "2021-06-15T11:00")
YEAR_END_2022 = "2023-01-01T00:00"
YEAR_END_2021 = "2022-01-01T00:00"


def office(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """The city office, which L355 names for the yearly evaluation."""
    return agency(*events, level="人民政府", name="衢州市人民政府办公室", **fields)


def county(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return agency(*events, level="人民政府", name="柯城区人民政府", **fields)


def dept(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return agency(*events, level="政府部门", name="衢州市民政局", **fields)


def coded(code: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency told apart by ``division_code``; its name is spelled freely."""
    return agency(*events, division_code=code, **fields)


QUZHOU = "330800"
ZHEJIANG = "330000"

CASES: list[RuleCase] = [
    # L307 确保政策文件与解读材料同步起草、同步审签、同步发布
    RuleCase(
        "quzhou.document.interp_sync",
        doc(PUBLISH, ev("release_interpretation", "2026-03-20T09:00"), is_policy=True),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="released together",
    ),
    RuleCase(
        "quzhou.document.interp_sync",
        doc(PUBLISH, ev("release_interpretation", "2026-03-20T15:00"), is_policy=True),
        "pending",
        as_of="2026-03-21T00:00",
        name="interpretation six hours later",
    ),
    RuleCase(
        "quzhou.document.interp_sync",
        doc(PUBLISH, is_policy=True),
        "pending",
        as_of="2026-03-21T00:00",
        name="no interpretation",
    ),
    RuleCase(
        "quzhou.document.interp_sync",
        doc(ev("release_interpretation", "2026-03-19T15:00"), PUBLISH, is_policy=True),
        "violated",
        as_of="2026-03-21T00:00",
        name="interpretation released the day before the document",
    ),
    RuleCase(
        "quzhou.document.interp_sync",
        doc(is_policy=True),
        "not_applicable",
        as_of="2026-03-21T00:00",
        name="not published yet",
    ),
    # L371 实时更新行政机关新制定的各类行政规范性文件,通过政府网站政府信息公开专栏集中公开
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True, disclosure_marking="此件公开发布"),
        "satisfied",
        as_of="2021-03-03T00:00",
        name="normative document public",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True, disclosure="删减后公开"),
        "satisfied",
        as_of="2021-03-03T00:00",
        name="normative document published in part",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True, disclosure_marking="此件依申请公开"),
        "violated",
        as_of="2021-03-03T00:00",
        name="normative document on request",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(
            SUBMIT,
            is_normative=True,
            disclosure="不公开",
            nondisclosure_reason="内部管理",
            nondisclosure_ground="内部事务信息",
        ),
        "violated",
        as_of="2021-03-03T00:00",
        name="normative document withheld",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, disclosure="不公开"),
        "not_applicable",
        as_of="2021-03-03T00:00",
        name="not a normative document",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True),
        "not_applicable",
        as_of="2021-03-03T00:00",
        name="no attribute yet",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(ev("submit", "2020-06-01T09:00"), is_normative=True, disclosure="依申请公开"),
        "not_applicable",
        as_of="2020-06-02T00:00",
        name="before the 2021 要点",
    ),
    # L301 均应通过政府网站、政务新媒体等各类线上线下渠道充分听取公众意见 (2022年起)
    RuleCase(
        "quzhou.meeting.catalogued_decision_consultation",
        meeting(CONSULT, DECIDE, **DECISION),
        "satisfied",
        as_of="2026-04-11T00:00",
        name="consulted before the decision",
    ),
    RuleCase(
        "quzhou.meeting.catalogued_decision_consultation",
        meeting(DECIDE, **DECISION),
        "violated",
        as_of="2026-04-11T00:00",
        name="no consultation",
    ),
    RuleCase(
        "quzhou.meeting.catalogued_decision_consultation",
        meeting(DECIDE, involves_secrets=True, **DECISION),
        "not_applicable",
        as_of="2026-04-11T00:00",
        name="依法应当保密",
    ),
    RuleCase(
        "quzhou.meeting.catalogued_decision_consultation",
        meeting(DECIDE_2021, **DECISION),
        "not_applicable",
        as_of="2021-06-16T00:00",
        name="2021 decision: the 要点 rule governs",
    ),
    # L369 开展决策预公开,充分听取公众意见 (2021年度目录)
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(PRE_2021, CONSULT_2021, DECIDE_2021, major_decision=True),
        "satisfied",
        as_of="2021-06-16T00:00",
        name="pre-disclosed and consulted",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(CONSULT_2021, DECIDE_2021, major_decision=True),
        "violated",
        as_of="2021-06-16T00:00",
        name="consulted without publishing the draft",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(PRE_2021, DECIDE_2021, major_decision=True),
        "violated",
        as_of="2021-06-16T00:00",
        name="draft published, public not heard",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(
            DECIDE_2021,
            ev("pre_disclose", "2021-06-20T09:00"),
            ev("consult_public", "2021-06-20T09:00"),
            major_decision=True,
        ),
        "violated",
        as_of="2021-06-30T00:00",
        name="published after the decision",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(DECIDE_2021, major_decision=True, involves_secrets=True),
        "not_applicable",
        as_of="2021-06-16T00:00",
        name="secret decision",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(DECIDE, major_decision=True),
        "not_applicable",
        as_of="2026-04-11T00:00",
        name="2026 decision: not the 2021 catalogue",
    ),
    RuleCase(
        "quzhou.meeting.catalogue_2021_prepublish",
        meeting(PRE_2021, CONSULT_2021, DECIDE_2021, major_decision=True),
        "not_applicable",
        as_of="2021-06-01T00:00",
        name="decision after as_of is ignored",
    ),
    # L355 各级行政机关主要负责人每年至少听取1次政务公开工作汇报 (plan of 2021-07-19)
    RuleCase(
        "quzhou.obligation.head_report",
        dept(since="2022-01-01"),
        "violated",
        YEAR_END_2022,
        name="no report heard in 2022",
    ),
    RuleCase(
        "quzhou.obligation.head_report",
        dept(ev("head_report_heard", "2022-12-30T15:00"), since="2022-01-01"),
        "satisfied",
        YEAR_END_2022,
        name="report heard on 12-30",
    ),
    RuleCase(
        "quzhou.obligation.head_report",
        dept(since="2022-01-01"),
        "pending",
        "2022-12-31T20:00",
        name="2022 still open on its last evening",
    ),
    RuleCase(
        "quzhou.obligation.head_report",
        dept(since="2020-01-01"),
        "pending",
        "2021-06-01T00:00",
        name="2020 not judged: first period is 2021",
    ),
    # L355 市政府办公室每年对市级部门及县(市、区)至少开展1次政务公开工作评价
    RuleCase(
        "quzhou.obligation.city_eval",
        office(since="2022-01-01"),
        "violated",
        YEAR_END_2022,
        name="no evaluation in 2022",
    ),
    RuleCase(
        "quzhou.obligation.city_eval",
        office(ev("evaluation_held", "2022-11-20T09:00"), since="2022-01-01"),
        "satisfied",
        YEAR_END_2022,
        name="evaluation in November",
    ),
    RuleCase(
        "quzhou.obligation.city_eval",
        county(since="2022-01-01"),
        "not_applicable",
        YEAR_END_2022,
        name="a county government has no such duty",
    ),
    RuleCase(
        "quzhou.obligation.city_eval",
        coded(
            QUZHOU,
            ev("evaluation_held", "2022-11-20T09:00"),
            name="衢州市政府办公室（市政务公开办）",
            is_general_office=True,
            since="2022-01-01",
        ),
        "satisfied",
        YEAR_END_2022,
        name="general office by division code, evaluation in November",
    ),
    RuleCase(
        "quzhou.obligation.city_eval",
        coded(QUZHOU, name="衢州市民政局", level="政府部门", since="2022-01-01"),
        "not_applicable",
        YEAR_END_2022,
        name="a city department by division code has no such duty",
    ),
    RuleCase(
        "quzhou.obligation.city_eval",
        coded(ZHEJIANG, name="浙江省政府办公厅", is_general_office=True, since="2022-01-01"),
        "not_applicable",
        YEAR_END_2022,
        name="the provincial office has no such duty",
    ),
    # L359 市政府各部门每年至少组织开展1次政务公开宣传活动
    RuleCase(
        "quzhou.obligation.campaign",
        dept(since="2022-01-01"),
        "violated",
        YEAR_END_2022,
        name="no campaign in 2022",
    ),
    RuleCase(
        "quzhou.obligation.campaign",
        dept(ev("campaign_held", "2022-05-15T09:00"), since="2022-01-01"),
        "satisfied",
        YEAR_END_2022,
        name="campaign in May",
    ),
    RuleCase(
        "quzhou.obligation.campaign",
        office(since="2022-01-01"),
        "not_applicable",
        YEAR_END_2022,
        name="a government office is not a department",
    ),
    # L441 全年至少组织开展2次以上业务培训 (2021 要点)
    RuleCase(
        "quzhou.obligation.training",
        county(ev("training_held", "2021-05-20T09:00"), since="2021-01-01"),
        "violated",
        YEAR_END_2021,
        name="one training only",
    ),
    RuleCase(
        "quzhou.obligation.training",
        county(
            ev("training_held", "2021-05-20T09:00"),
            ev("training_held", "2021-12-31T14:00"),
            since="2021-01-01",
        ),
        "satisfied",
        YEAR_END_2021,
        name="second training on 12-31",
    ),
    RuleCase(
        "quzhou.obligation.training",
        county(ev("training_held", "2021-05-20T09:00"), since="2021-01-01"),
        "pending",
        "2021-12-31T12:00",
        name="one so far, the year not over",
    ),
    RuleCase(
        "quzhou.obligation.training",
        dept(since="2021-01-01"),
        "not_applicable",
        YEAR_END_2021,
        name="departments are not judged",
    ),
    # L445 严格落实政务公开工作在政府绩效考核中权重不低于4%的指标要求 (2021)
    RuleCase(
        "quzhou.obligation.weight",
        county(assessment_weight_percent=3.5),
        "violated",
        "2021-12-01T00:00",
        name="3.5 %",
    ),
    RuleCase(
        "quzhou.obligation.weight",
        county(assessment_weight_percent=4),
        "satisfied",
        "2021-12-01T00:00",
        name="exactly 4 %",
    ),
    RuleCase(
        "quzhou.obligation.weight",
        county(),
        "not_applicable",
        "2021-12-01T00:00",
        name="weight not stated",
    ),
    RuleCase(
        "quzhou.obligation.weight",
        county(assessment_weight_percent=3.5),
        "not_applicable",
        "2022-06-01T00:00",
        name="2022: the 2021 要点 no longer applies",
    ),
    # L447 将本要点落实情况纳入政府信息公开工作年度报告予以公开 (2021 report: 条例 第四十九条 dates)
    RuleCase(
        "quzhou.obligation.annual_report_dept",
        dept(),
        "violated",
        "2022-02-01T00:00",
        name="department: nothing by 2022-01-31",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_dept",
        dept(ev("workpoints_progress_reported", "2022-01-28T10:00", year=2021)),
        "satisfied",
        "2022-02-01T00:00",
        name="department: reported on 01-28",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_dept",
        dept(),
        "pending",
        "2022-01-31T12:00",
        name="department: due day not over",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_dept",
        county(),
        "not_applicable",
        "2022-02-01T00:00",
        name="a government has until 03-31",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_gov",
        county(),
        "violated",
        "2022-04-01T00:00",
        name="government: nothing by 2022-03-31",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_gov",
        county(ev("workpoints_progress_reported", "2022-03-31T16:00", year=2021)),
        "satisfied",
        "2022-04-01T00:00",
        name="government: reported on 03-31",
    ),
    RuleCase(
        "quzhou.obligation.annual_report_gov",
        dept(),
        "not_applicable",
        "2022-04-01T00:00",
        name="a department has its own date",
    ),
    # L337 2021年,建立全市政务新媒体“账号、主体、责任人”一张清单
    RuleCase(
        "quzhou.obligation.new_media",
        county(since="2021-01-01"),
        "violated",
        YEAR_END_2021,
        name="no register by 2021-12-31",
    ),
    RuleCase(
        "quzhou.obligation.new_media",
        county(ev("new_media_register_built", "2021-12-20T09:00"), since="2021-01-01"),
        "satisfied",
        YEAR_END_2021,
        name="register built in December",
    ),
    RuleCase(
        "quzhou.obligation.new_media",
        county(since="2021-01-01"),
        "pending",
        "2021-11-01T00:00",
        name="register still due",
    ),
    RuleCase(
        "quzhou.obligation.new_media",
        dept(since="2021-01-01"),
        "not_applicable",
        YEAR_END_2021,
        name="departments are not judged",
    ),
    # L417 组织一次法院庭审现场观摩活动 (2021 要点)
    RuleCase(
        "quzhou.obligation.court_observation",
        office(since="2021-01-01"),
        "violated",
        YEAR_END_2021,
        name="no observation in 2021",
    ),
    RuleCase(
        "quzhou.obligation.court_observation",
        office(ev("court_hearing_observed", "2021-10-15T09:00"), since="2021-01-01"),
        "satisfied",
        YEAR_END_2021,
        name="observation in October",
    ),
    RuleCase(
        "quzhou.obligation.court_observation",
        county(since="2021-01-01"),
        "not_applicable",
        YEAR_END_2021,
        name="a county office is not the lead",
    ),
    RuleCase(
        "quzhou.obligation.court_observation",
        coded(QUZHOU, name="衢州市政府", level="人民政府", since="2021-01-01"),
        "violated",
        YEAR_END_2021,
        name="city by division code, no observation in 2021",
    ),
    RuleCase(
        "quzhou.obligation.court_observation",
        coded(QUZHOU, name="衢州市司法局", level="政府部门", since="2021-01-01"),
        "not_applicable",
        YEAR_END_2021,
        name="the co-leading 市司法局 is not judged",
    ),
    RuleCase(
        "quzhou.obligation.court_observation",
        coded(ZHEJIANG, name="浙江省政府", level="人民政府", since="2021-01-01"),
        "not_applicable",
        YEAR_END_2021,
        name="the province is not the lead",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("quzhou")
    assert pack.chain == ("quzhou", "national")
    assert pack.has_rule("national.document.proactive_20wd")


def test_normative_message_shows_the_attribute() -> None:
    finding = run_case(next(c for c in CASES if c.name == "normative document on request"))
    assert "依申请公开" in finding.message
    assert finding.blocks == ("submit",)
