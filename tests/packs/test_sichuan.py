"""Cases for the sichuan pack (seed 003 L721–751)."""

from __future__ import annotations

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import incident, meeting, request

DRAFT = ev("draft", "2020-06-01T09:00")
SET_ATTRIBUTE = ev("set_attribute", "2020-06-01T10:00")
SUBMIT = ev("submit", "2020-06-02T09:00")
PUBLISH = ev("publish", "2020-06-10T09:00")
LATER = "2020-08-01T00:00"

CASES: list[RuleCase] = [
    RuleCase(
        "sichuan.document.attr_at_creation",
        doc(DRAFT, SUBMIT),
        "violated",
        LATER,
        name="no attribute",
    ),
    RuleCase(
        "sichuan.document.attr_at_creation",
        doc(DRAFT, SET_ATTRIBUTE, SUBMIT, disclosure="依申请公开"),
        "violated",
        LATER,
        name="on request without reason",
    ),
    RuleCase(
        "sichuan.document.attr_at_creation",
        doc(DRAFT, SUBMIT, ev("set_attribute", "2020-06-03T09:00"), disclosure="公开发布"),
        "violated",
        LATER,
        name="attribute set only after submission",
    ),
    RuleCase(
        "sichuan.document.attr_at_creation",
        doc(
            DRAFT,
            SET_ATTRIBUTE,
            SUBMIT,
            disclosure="依申请公开",
            nondisclosure_reason="仅涉及特定申请人",
        ),
        "satisfied",
        LATER,
        name="on request with reason",
    ),
    RuleCase(
        "sichuan.document.attr_at_creation",
        doc(DRAFT, SUBMIT, disclosure_marking="此件主动公开"),
        "satisfied",
        LATER,
        name="public",
    ),
    # 先审查、后公开
    RuleCase(
        "sichuan.document.review_chain",
        doc(SUBMIT, PUBLISH, disclosure="公开发布", secrecy_review={"result": "通过"}),
        "violated",
        LATER,
        name="review without a date",
    ),
    RuleCase(
        "sichuan.document.review_chain",
        doc(
            SUBMIT,
            PUBLISH,
            disclosure="公开发布",
            secrecy_review={"result": "不通过", "at": "2020-06-09T09:00"},
        ),
        "violated",
        LATER,
        name="review failed",
    ),
    RuleCase(
        "sichuan.document.review_chain",
        doc(
            SUBMIT,
            PUBLISH,
            disclosure="公开发布",
            secrecy_review={"result": "通过", "at": "2020-06-11T09:00"},
        ),
        "violated",
        LATER,
        name="reviewed after publication",
    ),
    RuleCase(
        "sichuan.document.review_chain",
        doc(
            SUBMIT,
            PUBLISH,
            disclosure="公开发布",
            secrecy_review={"result": "通过", "at": "2020-06-09T09:00"},
        ),
        "satisfied",
        LATER,
        name="reviewed first",
    ),
    RuleCase(
        "sichuan.document.review_chain",
        doc(
            SUBMIT,
            ev("secrecy_review", "2020-06-09T09:00"),
            PUBLISH,
            disclosure="公开发布",
            secrecy_review={"result": "通过"},
        ),
        "satisfied",
        LATER,
        name="review event before publication",
    ),
    RuleCase(
        "sichuan.meeting.attr_at_creation",
        meeting(ev("submit_plan", "2020-06-01T09:00"), plan={"states_attendance": True}),
        "violated",
        LATER,
        name="plan silent on openness",
    ),
    RuleCase(
        "sichuan.meeting.attr_at_creation",
        meeting(ev("submit_plan", "2020-06-01T09:00")),
        "violated",
        LATER,
        name="no plan",
    ),
    RuleCase(
        "sichuan.meeting.attr_at_creation",
        meeting(ev("submit_plan", "2020-06-01T09:00"), plan={"states_openness": True}),
        "satisfied",
        LATER,
        name="openness stated",
    ),
    RuleCase(
        "sichuan.request.steps",
        request(ev("receive", "2020-06-01T09:00"), ev("reply", "2020-06-20T09:00")),
        "violated",
        LATER,
        name="not registered",
    ),
    RuleCase(
        "sichuan.request.steps",
        request(
            ev("register", "2020-06-01T09:00"),
            ev("receive", "2020-06-02T09:00"),
            ev("reply", "2020-06-20T09:00"),
        ),
        "violated",
        LATER,
        name="registered before signing in",
    ),
    RuleCase(
        "sichuan.request.steps",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("register", "2020-06-01T09:30"),
            ev("reply", "2020-06-20T09:00"),
            ev("archive", "2020-06-22T09:00"),
        ),
        "satisfied",
        LATER,
        name="in order",
    ),
    # ---- 「三、依法规范依申请公开工作」: published proactively together with the reply
    RuleCase(
        "sichuan.request.publish_with_reply",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("reply", "2020-06-20T09:00"),
            ev("publish_proactively", "2020-06-20T09:00"),
            fit_for_proactive=True,
        ),
        "satisfied",
        LATER,
        name="published at the reply's instant",
    ),
    RuleCase(
        "sichuan.request.publish_with_reply",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("reply", "2020-06-20T09:00"),
            ev("publish_proactively", "2020-07-10T09:00"),
            fit_for_proactive=True,
        ),
        "pending",
        LATER,
        name="published later; 同时 not configured",
    ),
    RuleCase(
        "sichuan.request.publish_with_reply",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("reply", "2020-06-19T09:00"),
            ev("publish_proactively", "2020-07-10T09:00"),
            fit_for_proactive=True,
        ),
        "violated",
        LATER,
        name="published three weeks after the reply",
        params={"sichuan.request.publish_with_reply.tolerance": "1个工作日"},
    ),
    RuleCase(
        "sichuan.request.publish_with_reply",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("reply", "2020-06-19T09:00"),
            ev("publish_proactively", "2020-06-19T15:00"),
            fit_for_proactive=True,
        ),
        "satisfied",
        LATER,
        name="published the afternoon of the reply",
        params={"sichuan.request.publish_with_reply.tolerance": "1个工作日"},
    ),
    # ---- 涉及其他行政机关: confirmed with them before publication, release or reply
    RuleCase(
        "sichuan.document.cross_agency",
        doc(PUBLISH, other_agencies=["四川省财政厅"]),
        "violated",
        LATER,
        name="published without confirming",
    ),
    RuleCase(
        "sichuan.document.cross_agency",
        doc(
            ev("confirm_with_agencies", "2020-06-05T09:00"),
            PUBLISH,
            other_agencies=["四川省财政厅"],
        ),
        "satisfied",
        LATER,
        name="confirmed, then published",
    ),
    RuleCase(
        "sichuan.incident.cross_agency_confirmation",
        incident(
            ev("detect", "2020-06-01T09:00"),
            ev("release_information", "2020-06-01T12:00"),
            other_agencies=["四川省财政厅"],
        ),
        "violated",
        LATER,
        name="released without confirming",
    ),
    RuleCase(
        "sichuan.incident.cross_agency_confirmation",
        incident(
            ev("detect", "2020-06-01T09:00"),
            ev("confirm_with_agencies", "2020-06-01T10:00"),
            ev("release_information", "2020-06-01T12:00"),
            other_agencies=["四川省财政厅"],
        ),
        "satisfied",
        LATER,
        name="confirmed, then released",
    ),
    RuleCase(
        "sichuan.request.cross_agency",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("reply", "2020-06-20T09:00"),
            other_agencies=["四川省财政厅"],
        ),
        "violated",
        LATER,
        name="answered without consulting",
    ),
    RuleCase(
        "sichuan.request.cross_agency",
        request(
            ev("receive", "2020-06-01T09:00"),
            ev("confirm_with_agencies", "2020-06-10T09:00"),
            ev("reply", "2020-06-20T09:00"),
            other_agencies=["四川省财政厅"],
        ),
        "satisfied",
        LATER,
        name="consulted, then answered",
    ),
    RuleCase(
        "sichuan.request.sign_in_clerk",
        request(ev("receive", "2020-06-01T09:00")),
        "pending",
        LATER,
        name="及时 not configured",
    ),
    RuleCase(
        "sichuan.request.sign_in_clerk",
        request(ev("receive", "2020-06-01T09:00"), ev("register", "2020-06-05T09:00")),
        "violated",
        LATER,
        name="registered four days after sign-in",
        params={"sichuan.request.sign_in_clerk.timely": "1个工作日"},
    ),
    RuleCase(
        "sichuan.request.sign_in_clerk",
        request(ev("receive", "2020-06-01T09:00"), ev("register", "2020-06-01T10:00")),
        "satisfied",
        LATER,
        name="registered within the hour",
        params={"sichuan.request.sign_in_clerk.timely": "1个工作日"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_review_chain_names_the_review() -> None:
    finding = run_case(
        RuleCase(
            "sichuan.document.review_chain",
            doc(SUBMIT, PUBLISH, disclosure="公开发布"),
            "violated",
            LATER,
        )
    )
    assert finding.blocks == ("publish",)
    assert "secrecy_review" in finding.message
