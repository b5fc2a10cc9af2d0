"""Cases for the pingding pack (seed 003 L627–715)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, incident, request
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SUBMIT = ev("submit", "2020-11-02T09:00")
SIGN = ev("sign", "2020-11-03T09:00")
ISSUE = ev("issue", "2020-11-04T09:00")
LATER = "2021-01-01T00:00"
WITHHELD = {
    "disclosure": "不公开",
    "nondisclosure_reason": "内部人事管理事项",
    "nondisclosure_ground": "内部事务信息",
}
RECEIVE = ev("receive", "2020-12-01T09:00")
REGISTER = ev("register", "2020-12-01T10:00")
REPLY = ev("reply", "2020-12-20T09:00")
LEGAL_COLUMNS = [
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "主动公开基本目录",
    "政府信息公开工作年度报告",
]


def township(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A township government, judged from 2020-01-01 unless ``since`` is given."""
    return agency(
        *events, level="人民政府", name="冠山镇人民政府", **{"since": "2020-01-01", **fields}
    )


def dept(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return agency(
        *events, level="政府部门", name="平定县财政局", **{"since": "2020-01-01", **fields}
    )


COUNTY = agency(level="人民政府", name="平定县人民政府", since="2020-01-01")

CASES: list[RuleCase] = [
    RuleCase(
        "pingding.document.attr_required", doc(SUBMIT), "violated", LATER, name="no attribute"
    ),
    RuleCase(
        "pingding.document.attr_required",
        doc(SUBMIT, disclosure_marking="依申请公开"),
        "satisfied",
        LATER,
        name="attribute set",
    ),
    RuleCase(
        "pingding.document.nonpublic_filing",
        doc(SUBMIT, is_policy=True, disclosure="依申请公开", nondisclosure_reason="涉及个案"),
        "violated",
        LATER,
        name="on-request policy doc not filed, no ground",
    ),
    RuleCase(
        "pingding.document.nonpublic_filing",
        doc(SUBMIT, is_policy=True, disclosure_office_filed=True, **WITHHELD),
        "satisfied",
        LATER,
        name="reason, ground and filing",
    ),
    RuleCase(
        "pingding.document.nonpublic_filing",
        doc(SUBMIT, is_policy=True, disclosure="公开发布"),
        "not_applicable",
        LATER,
        name="public policy doc",
    ),
    # 不予发文
    RuleCase(
        "pingding.document.no_attr_no_issue",
        doc(SUBMIT, SIGN, ISSUE),
        "violated",
        LATER,
        name="no attribute proposal",
    ),
    RuleCase(
        "pingding.document.no_attr_no_issue",
        doc(SUBMIT, SIGN, ISSUE, disclosure="依申请公开"),
        "violated",
        LATER,
        name="on request without ground and reason",
    ),
    RuleCase(
        "pingding.document.no_attr_no_issue",
        doc(SUBMIT, SIGN, ISSUE, **WITHHELD),
        "satisfied",
        LATER,
        name="not public with ground and reason",
    ),
    RuleCase(
        "pingding.document.no_attr_no_issue",
        doc(SUBMIT, SIGN, ISSUE, disclosure_marking="主动公开"),
        "satisfied",
        LATER,
        name="proactive",
    ),
    # 发现一起通报一起
    RuleCase(
        "pingding.document.attr_or_secret_level",
        doc(SUBMIT, SIGN),
        "violated",
        LATER,
        name="neither secrecy level nor attribute",
    ),
    RuleCase(
        "pingding.document.attr_or_secret_level",
        doc(SUBMIT, SIGN, secrecy_level="秘密"),
        "satisfied",
        LATER,
        name="classified",
    ),
    RuleCase(
        "pingding.document.attr_or_secret_level",
        doc(SUBMIT, SIGN, disclosure="依申请公开"),
        "satisfied",
        LATER,
        name="attribute set",
    ),
    RuleCase(
        "pingding.document.attr_or_secret_level",
        doc(ev("draft", "2020-11-01T09:00")),
        "not_applicable",
        LATER,
        name="still a draft",
    ),
    RuleCase(
        "pingding.document.interp_sync",
        doc(
            ev("release_interpretation", "2020-11-04T09:00"),
            ev("publish", "2020-11-05T09:00"),
            is_policy=True,
        ),
        "violated",
        LATER,
        name="interpretation the day before",
    ),
    RuleCase(
        "pingding.document.interp_sync",
        doc(
            ev("publish", "2020-11-05T09:00"),
            ev("release_interpretation", "2020-11-05T09:00"),
            is_policy=True,
        ),
        "satisfied",
        LATER,
        name="released together",
    ),
    RuleCase(
        "pingding.document.no_interp_declared",
        doc(SUBMIT, disclosure="公开发布"),
        "violated",
        LATER,
        name="no explanation at submission",
    ),
    RuleCase(
        "pingding.document.no_interp_declared",
        doc(
            SUBMIT,
            disclosure="公开发布",
            needs_interpretation=False,
            interpretation={"not_needed_reason": "事务性通知，不涉及政策"},
        ),
        "satisfied",
        LATER,
        name="explained",
    ),
    RuleCase(
        "pingding.document.no_interp_declared",
        doc(SUBMIT, is_policy=True),
        "not_applicable",
        LATER,
        name="policy documents are interpreted",
    ),
    # 流程顺序
    RuleCase(
        "pingding.request.steps",
        request(RECEIVE, REPLY),
        "violated",
        LATER,
        name="never registered",
    ),
    RuleCase(
        "pingding.request.steps",
        request(
            RECEIVE,
            ev("request_correction", "2020-12-02T09:00"),
            ev("register", "2020-12-03T09:00"),
            REPLY,
        ),
        "violated",
        LATER,
        name="correction before registration",
    ),
    RuleCase(
        "pingding.request.steps",
        request(
            RECEIVE,
            REGISTER,
            ev("consult_third_party", "2020-12-02T09:00"),
            ev("third_party_replied", "2020-12-05T09:00"),
            ev("request_correction", "2020-12-07T09:00"),
            REPLY,
        ),
        "violated",
        LATER,
        name="consultation before correction",
    ),
    RuleCase(
        "pingding.request.steps",
        request(
            RECEIVE,
            REGISTER,
            ev("request_correction", "2020-12-02T09:00"),
            ev("receive_correction", "2020-12-04T09:00"),
            ev("consult_third_party", "2020-12-07T09:00"),
            ev("third_party_replied", "2020-12-10T09:00"),
            REPLY,
        ),
        "satisfied",
        LATER,
        name="in order",
    ),
    RuleCase(
        "pingding.incident.response_forms",
        incident(ev("detect", "2020-11-10T09:00"), ev("close", "2020-11-20T09:00")),
        "violated",
        LATER,
        name="closed without response",
    ),
    RuleCase(
        "pingding.incident.response_forms",
        incident(
            ev("detect", "2020-11-10T09:00"),
            ev("close", "2020-11-20T09:00"),
            ev("respond", "2020-11-21T09:00"),
        ),
        "violated",
        LATER,
        name="responded only after closing",
    ),
    RuleCase(
        "pingding.incident.response_forms",
        incident(
            ev("detect", "2020-11-10T09:00"),
            ev("hold_press_conference", "2020-11-11T15:00"),
            ev("close", "2020-11-20T09:00"),
        ),
        "satisfied",
        LATER,
        name="press conference",
    ),
    # L643 出台工作方案或细则 (2020年7月底前完成)
    RuleCase(
        "pingding.obligation.catalogue_plan",
        township(),
        "violated",
        "2020-08-01T00:00",
        name="no plan by 07-31",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        township(ev("work_plan_issued", "2020-07-31T16:00")),
        "satisfied",
        "2020-08-01T00:00",
        name="plan issued on 07-31",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        township(),
        "pending",
        "2020-07-15T00:00",
        name="plan still due",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        COUNTY,
        "not_applicable",
        "2020-08-01T00:00",
        name="the county government issued the 方案",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        dept(),
        "not_applicable",
        "2020-08-01T00:00",
        name="a county department",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        agency(level="人民政府", name="平定县政府", division_code="140321", since="2020-01-01"),
        "not_applicable",
        "2020-08-01T00:00",
        name="the county government by division code, named 平定县政府",
    ),
    RuleCase(
        "pingding.obligation.catalogue_plan",
        agency(level="人民政府", name="平定县冠山镇政府", since="2020-01-01"),
        "violated",
        "2020-08-01T00:00",
        name="a township without a code, its name spelled otherwise",
    ),
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        agency(
            name="平定县人民政府办公室",
            division_code="140321",
            is_general_office=True,
            level="政府部门",
            since="2020-01-01",
        ),
        "not_applicable",
        "2022-07-01T00:00",
        name="the county's general office by division code",
    ),
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        dept(division_code="140321"),
        "violated",
        "2022-07-01T00:00",
        name="a county department by division code is judged",
    ),
    # L645 编制完成政务公开事项标准目录,在县政府门户网站集中发布 (2020年10月底前完成; 10-31 is a Saturday)
    RuleCase(
        "pingding.obligation.catalogue_township",
        township(ev("catalogue_published", "2020-11-02T09:00")),
        "violated",
        "2020-11-10T00:00",
        name="published on Monday 11-02, late",
    ),
    RuleCase(
        "pingding.obligation.catalogue_township",
        township(ev("catalogue_published", "2020-10-30T17:00")),
        "satisfied",
        "2020-11-10T00:00",
        name="published on Friday 10-30",
    ),
    RuleCase(
        "pingding.obligation.catalogue_township",
        dept(),
        "not_applicable",
        "2020-11-10T00:00",
        name="a county department",
    ),
    # L651 查漏补缺、优化升级 (2022年6月底前完成)
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        dept(ev("catalogue_published", "2020-10-30T17:00")),
        "violated",
        "2022-07-01T00:00",
        name="published in 2020, never upgraded",
    ),
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        dept(ev("catalogue_revised", "2022-06-30T11:00")),
        "satisfied",
        "2022-07-01T00:00",
        name="upgraded on 06-30",
    ),
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        township(),
        "pending",
        "2022-06-30T12:00",
        name="due day not over",
    ),
    RuleCase(
        "pingding.obligation.catalogue_upgrade",
        COUNTY,
        "not_applicable",
        "2022-07-01T00:00",
        name="the county government",
    ),
    # L657 指导村(居)民委员会建立完善公开事项清单 (2021年9月底前完成)
    RuleCase(
        "pingding.obligation.catalogue_village",
        township(),
        "violated",
        "2021-10-01T00:00",
        name="no village lists by 09-30",
    ),
    RuleCase(
        "pingding.obligation.catalogue_village",
        township(ev("village_lists_established", "2021-09-28T10:00")),
        "satisfied",
        "2021-10-01T00:00",
        name="lists in place on 09-28",
    ),
    RuleCase(
        "pingding.obligation.catalogue_village",
        dept(),
        "not_applicable",
        "2021-10-01T00:00",
        name="departments have no villages",
    ),
    # L655 分值权重不低于4%
    RuleCase(
        "pingding.obligation.weight",
        township(assessment_weight_percent=3),
        "violated",
        LATER,
        name="3 %",
    ),
    RuleCase(
        "pingding.obligation.weight",
        township(assessment_weight_percent=5),
        "satisfied",
        LATER,
        name="5 %",
    ),
    RuleCase(
        "pingding.obligation.weight", township(), "not_applicable", LATER, name="weight not stated"
    ),
    # L665 逐年压缩依申请公开、不予公开文件的数量
    RuleCase(
        "pingding.obligation.shrink",
        dept(nonpublic_documents=12, nonpublic_documents_previous_year=12),
        "violated",
        LATER,
        name="12 again",
    ),
    RuleCase(
        "pingding.obligation.shrink",
        dept(nonpublic_documents=8, nonpublic_documents_previous_year=12),
        "satisfied",
        LATER,
        name="12 down to 8",
    ),
    RuleCase(
        "pingding.obligation.shrink",
        dept(nonpublic_documents=0, nonpublic_documents_previous_year=0),
        "satisfied",
        LATER,
        name="none in either year",
    ),
    RuleCase(
        "pingding.obligation.shrink",
        dept(nonpublic_documents=8),
        "not_applicable",
        LATER,
        name="previous year not stated",
    ),
    # L669 每年对属性为依申请公开或不予公开的文件进行复核
    RuleCase(
        "pingding.obligation.attribute_review",
        dept(since="2025-01-01"),
        "violated",
        "2026-01-01T00:00",
        name="no review in 2025",
    ),
    RuleCase(
        "pingding.obligation.attribute_review",
        dept(ev("self_check_done", "2025-12-31T10:00"), since="2025-01-01"),
        "satisfied",
        "2026-01-01T00:00",
        name="review on 12-31",
    ),
    RuleCase(
        "pingding.obligation.attribute_review",
        dept(since="2025-01-01"),
        "pending",
        "2025-12-31T20:00",
        name="year not over",
    ),
    # L649 统一规范设置“政府信息公开”专栏,开设统一的互动交流和在线办事入口
    RuleCase(
        "pingding.obligation.disclosure_column",
        township(website_columns=["政府信息公开", "互动交流入口", "在线办事入口"]),
        "satisfied",
        LATER,
        name="column and both entries",
    ),
    RuleCase(
        "pingding.obligation.disclosure_column",
        township(website_columns=["政府信息公开", "在线办事入口"]),
        "violated",
        LATER,
        name="no interaction entry",
    ),
    RuleCase(
        "pingding.obligation.disclosure_column",
        township(),
        "not_applicable",
        LATER,
        name="website not described",
    ),
    # L671 必须设置…等栏目
    RuleCase(
        "pingding.obligation.columns",
        dept(website_columns=LEGAL_COLUMNS),
        "satisfied",
        LATER,
        name="all five statutory columns",
    ),
    RuleCase(
        "pingding.obligation.columns",
        dept(website_columns=LEGAL_COLUMNS[:4]),
        "violated",
        LATER,
        name="no annual report column",
    ),
    RuleCase(
        "pingding.obligation.columns",
        dept(),
        "not_applicable",
        LATER,
        name="website not described",
    ),
    # L687 2020年10月底前,要完成基本信息表变更审核…IPv6改造等
    RuleCase(
        "pingding.obligation.website",
        dept(),
        "violated",
        "2020-11-01T00:00",
        name="checklist not done by 10-31",
    ),
    RuleCase(
        "pingding.obligation.website",
        dept(ev("website_checklist_completed", "2020-10-28T15:00")),
        "satisfied",
        "2020-11-01T00:00",
        name="checklist done on 10-28",
    ),
    RuleCase(
        "pingding.obligation.website",
        dept(),
        "pending",
        "2020-10-20T00:00",
        name="checklist still due",
    ),
    # L697 2020年10月底前,要实现与市级政府网站统一硬件平台…
    RuleCase(
        "pingding.obligation.website_integration",
        township(),
        "violated",
        "2020-11-01T00:00",
        name="not integrated by 10-31",
    ),
    RuleCase(
        "pingding.obligation.website_integration",
        township(ev("website_integrated", "2020-09-30T12:00")),
        "satisfied",
        "2020-11-01T00:00",
        name="integrated on 09-30",
    ),
    # L689 一个单位原则上在同一平台只开设一个政务新媒体账号
    RuleCase(
        "pingding.obligation.new_media",
        dept(new_media_platforms=["微信", "微博", "微信"]),
        "violated",
        LATER,
        name="two WeChat accounts",
    ),
    RuleCase(
        "pingding.obligation.new_media",
        dept(new_media_platforms=["微信", "微博", "抖音"]),
        "satisfied",
        LATER,
        name="one account per platform",
    ),
    RuleCase(
        "pingding.obligation.new_media",
        dept(),
        "not_applicable",
        LATER,
        name="no accounts listed",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_no_attribute_blocks_issue() -> None:
    finding = run_case(
        RuleCase("pingding.document.no_attr_no_issue", doc(SUBMIT, SIGN, ISSUE), "violated", LATER)
    )
    assert finding.blocks == ("issue",)
    assert "不予发文" in finding.message
