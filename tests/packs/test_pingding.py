"""Cases for the pingding pack (seed 003 L627–715)."""

from __future__ import annotations

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import incident, request

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
            ev("publish", "2020-11-05T09:00"),
            ev("release_interpretation", "2020-11-06T09:00"),
            is_policy=True,
        ),
        "violated",
        LATER,
        name="interpretation a day later",
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
