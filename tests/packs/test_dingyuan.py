"""Cases for the dingyuan pack (《定远县全面推进基层政务公开标准化规范化工作方案》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import event as ev


def meeting(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A government meeting."""
    return {"kind": "meeting", "meeting_kind": "常务会议", **fields, "history": list(events)}


def county(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """The county government's record, judged from March 2026 (so March is the first period)."""
    return agency(*events, name="定远县人民政府", level="人民政府", since="2026-03-01", **fields)


def coded(code: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency told apart by ``division_code`` (its name spelled freely), judged from March 2026."""
    return agency(*events, division_code=code, since="2026-03-01", **fields)


def sessions(*days: int) -> list[dict[str, Any]]:
    """Policy interpretation sessions on these days of March 2026."""
    return [ev("policy_interpretation_held", f"2026-03-{d:02d}T15:00") for d in days]


HOLD = ev("hold", "2026-03-10T09:00")
STREAM = ev("stream_live", "2026-03-10T09:00")
APRIL = "2026-04-01T00:00"  # March is over
TOWN = {"name": "定远县炉桥镇人民政府", "level": "人民政府", "since": "2026-03-01"}
DINGYUAN = "341125"
LAIAN = "341122"  # 来安县, another county of 滁州市

CASES: list[RuleCase] = [
    # L905 凡是涉及群众、企业等可公开的会议均应用此系统进行公开
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, STREAM, major_livelihood=True),
        "satisfied",
        as_of="2026-03-10T12:00",
        name="livelihood meeting opened to towns and villages",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, STREAM, public_interest=True),
        "satisfied",
        as_of="2026-03-10T12:00",
        name="enterprise policy meeting opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, major_livelihood=True),
        "violated",
        as_of="2026-03-10T12:00",
        name="livelihood meeting not opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, public_interest=True),
        "violated",
        as_of="2026-03-10T12:00",
        name="public-interest meeting not opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, major_livelihood=True, involves_secrets=True),
        "not_applicable",
        as_of="2026-03-10T12:00",
        name="not disclosable",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD),
        "not_applicable",
        as_of="2026-03-10T12:00",
        name="internal meeting",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(ev("approve_plan", "2026-03-05T09:00"), HOLD, major_livelihood=True),
        "not_applicable",
        as_of="2026-03-09T00:00",
        name="meeting after as_of is ignored",
    ),
    # L905 提前一个月制定下月解读内容
    RuleCase(
        "dingyuan.obligation.interp_plan",
        county(ev("interpretation_plan_made", "2026-03-25T10:00", month="2026-04")),
        "satisfied",
        APRIL,
        name="April topics set on 03-25",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        county(ev("interpretation_plan_made", "2026-04-02T10:00", month="2026-04")),
        "violated",
        "2026-04-03T00:00",
        name="April topics set in April",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        county(),
        "pending",
        "2026-03-20T12:00",
        name="March not over",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        agency(**TOWN),
        "not_applicable",
        APRIL,
        name="a township is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        coded(
            DINGYUAN,
            ev("interpretation_plan_made", "2026-03-25T10:00", month="2026-04"),
            name="定远县政府",
            level="人民政府",
        ),
        "satisfied",
        APRIL,
        name="county by division code, named 定远县政府",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        coded(DINGYUAN, name="定远县财政局", level="政府部门"),
        "not_applicable",
        APRIL,
        name="a department of the county is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        coded(LAIAN, name="来安县人民政府", level="人民政府"),
        "not_applicable",
        APRIL,
        name="another county is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.interp_plan",
        county(division_code=LAIAN),
        "not_applicable",
        APRIL,
        name="a code decides over the name: 定远县人民政府 coded as another county",
    ),
    # L905 每月分3次每次开展1项政策主题解读
    RuleCase(
        "dingyuan.obligation.interp_day",
        county(*sessions(5, 18, 31)),
        "satisfied",
        APRIL,
        name="third session on 03-31",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        county(*sessions(5, 18)),
        "violated",
        APRIL,
        name="two sessions only",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        county(*sessions(5, 18)),
        "pending",
        "2026-03-28T12:00",
        name="two sessions, March not over",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        agency(*sessions(5, 18, 31), name="定远县财政局", level="政府部门"),
        "not_applicable",
        APRIL,
        name="a department is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        coded(
            DINGYUAN,
            *sessions(5, 18),
            name="定远县人民政府办公室（县政务公开办）",
            is_general_office=True,
        ),
        "violated",
        APRIL,
        name="general office by division code, two sessions",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        coded(DINGYUAN, *sessions(5, 18), name="定远县教育体育局", level="政府部门"),
        "not_applicable",
        APRIL,
        name="a department of the county by division code is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.interp_day",
        coded(LAIAN, *sessions(5, 18), name="来安县人民政府办公室", is_general_office=True),
        "not_applicable",
        APRIL,
        name="another county's office is not judged",
    ),
    # L915 于每月中旬 = 11..20
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        county(ev("joint_meeting_held", "2026-03-16T09:00")),
        "satisfied",
        APRIL,
        name="opened on 03-16",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        agency(
            ev("joint_meeting_held", "2026-03-20T09:00"),
            name="定远县人民政府办公室",
            since="2026-03-01",
        ),
        "satisfied",
        APRIL,
        name="convened by the office on 03-20",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        county(ev("joint_meeting_held", "2026-03-10T09:00")),
        "violated",
        APRIL,
        name="on 03-10, before 中旬",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        county(ev("joint_meeting_held", "2026-03-21T09:00")),
        "violated",
        APRIL,
        name="on 03-21, after 中旬",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        county(),
        "pending",
        "2026-03-15T12:00",
        name="中旬 not over",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        agency(**TOWN),
        "not_applicable",
        APRIL,
        name="a township is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        coded(
            DINGYUAN,
            ev("joint_meeting_held", "2026-03-16T09:00"),
            name="定远县政府办",
            is_general_office=True,
        ),
        "satisfied",
        APRIL,
        name="general office by division code, opened on 03-16",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        coded(DINGYUAN, name="定远县数据资源管理局", level="政府部门"),
        "not_applicable",
        APRIL,
        name="a department of the county by division code is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.joint_meeting",
        coded(LAIAN, name="来安县政府", level="人民政府"),
        "not_applicable",
        APRIL,
        name="another county is not judged",
    ),
    # L909 完善县长一周政务专栏
    RuleCase(
        "dingyuan.obligation.column",
        county(website_columns=["政府信息公开", "县长一周政务"]),
        "satisfied",
        APRIL,
        name="column on the county site",
    ),
    RuleCase(
        "dingyuan.obligation.column",
        county(website_columns=["政府信息公开", "领导信箱"]),
        "violated",
        APRIL,
        name="no such column",
    ),
    RuleCase(
        "dingyuan.obligation.column",
        county(),
        "not_applicable",
        APRIL,
        name="columns not stated",
    ),
    RuleCase(
        "dingyuan.obligation.column",
        coded(DINGYUAN, name="定远县政府", level="人民政府", website_columns=["领导信箱"]),
        "violated",
        APRIL,
        name="county by division code, no such column",
    ),
    RuleCase(
        "dingyuan.obligation.column",
        coded(DINGYUAN, name="定远县财政局", level="政府部门", website_columns=["领导信箱"]),
        "not_applicable",
        APRIL,
        name="a department's site by division code is not judged",
    ),
    RuleCase(
        "dingyuan.obligation.column",
        coded(LAIAN, name="来安县人民政府", level="人民政府", website_columns=["领导信箱"]),
        "not_applicable",
        APRIL,
        name="another county's site is not judged",
    ),
    # L925 分值权重不低于4%
    RuleCase(
        "dingyuan.obligation.weight",
        county(assessment_weight_percent=4),
        "satisfied",
        APRIL,
        name="exactly 4 %",
    ),
    RuleCase(
        "dingyuan.obligation.weight",
        agency(assessment_weight_percent=3.5, name="定远县财政局", level="政府部门"),
        "violated",
        APRIL,
        name="3.5 % for a department",
    ),
    RuleCase(
        "dingyuan.obligation.weight",
        county(),
        "not_applicable",
        APRIL,
        name="weight not stated",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("dingyuan")
    assert pack.chain == ("dingyuan", "national")
    assert pack.has_rule("national.incident.other_response_48h")
