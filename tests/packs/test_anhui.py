"""Cases for the anhui pack (seed 003 L105–161 实施意见, L799–871 实施细则)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gongkai.rules.report import Severity
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import incident, meeting
from gongkai.timezone import to_shanghai

SUBMIT = ev("submit", "2026-03-02T09:00")
ISSUE = ev("issue", "2026-03-05T09:00")
LATER = "2026-05-01T00:00"
STATE_COUNCIL_POLICY = {"is_policy": True, "issuer": "国务院办公厅"}
MAJOR_EMERGENCY = {"is_emergency": True, "level": "重大"}
MAJOR_DECISION = {"major_decision": True, "meeting_kind": "常务会议"}
FULL_PLAN = {"states_attendance": True, "states_openness": True, "openness_manner": "网络直播"}
BUNDLE = {"plan": True, "materials": True, "approved_by": "起草部门主要负责人"}

CASES: list[RuleCase] = [
    # 一（一）: attribute at 报批, reason for 拟不公开
    RuleCase("anhui.document.attr_required", doc(SUBMIT), "violated", LATER, name="no attribute"),
    RuleCase(
        "anhui.document.attr_required",
        doc(SUBMIT, disclosure="不公开"),
        "violated",
        LATER,
        name="not public without reason",
    ),
    RuleCase(
        "anhui.document.attr_required",
        doc(SUBMIT, disclosure_marking="主动公开"),
        "satisfied",
        LATER,
        name="public",
    ),
    RuleCase(
        "anhui.document.attr_required",
        doc(
            SUBMIT,
            disclosure="不公开",
            nondisclosure_reason="涉及内部工作流程",
            nondisclosure_ground="内部事务信息",
        ),
        "satisfied",
        LATER,
        name="not public with reason and ground",
    ),
    RuleCase(
        "anhui.document.nonpublic_prereview",
        doc(SUBMIT, is_policy=True, disclosure="不公开"),
        "violated",
        LATER,
        name="not reviewed by the disclosure office",
    ),
    RuleCase(
        "anhui.document.nonpublic_prereview",
        doc(SUBMIT, is_policy=True, disclosure="不公开", disclosure_office_reviewed=True),
        "satisfied",
        LATER,
        name="reviewed",
    ),
    RuleCase(
        "anhui.document.draft_return",
        doc(SUBMIT, issued_in_government_name=True),
        "violated",
        LATER,
        name="department draft without attribute proposal",
    ),
    RuleCase(
        "anhui.document.draft_return",
        doc(
            SUBMIT,
            issued_in_government_name=True,
            disclosure="不公开",
            nondisclosure_reason="过程稿",
        ),
        "violated",
        LATER,
        name="not public without legal ground",
    ),
    RuleCase(
        "anhui.document.draft_return",
        doc(SUBMIT, issued_in_government_name=True, disclosure_marking="依申请公开"),
        "satisfied",
        LATER,
        name="attribute proposed",
    ),
    RuleCase(
        "anhui.document.mark_last_page",
        doc(SUBMIT, ISSUE, disclosure="公开发布"),
        "violated",
        LATER,
        name="issued without marking",
    ),
    RuleCase(
        "anhui.document.mark_last_page",
        doc(SUBMIT, ISSUE, disclosure_marking="（此件主动公开）"),
        "satisfied",
        LATER,
        name="marked",
    ),
    RuleCase(
        "anhui.request.catalogue_entry",
        doc(SUBMIT, ISSUE, disclosure_marking="依申请公开"),
        "violated",
        LATER,
        name="not in the on-request catalogue",
    ),
    RuleCase(
        "anhui.request.catalogue_entry",
        doc(
            SUBMIT,
            ISSUE,
            ev("enter_catalogue", "2026-03-05T10:00"),
            disclosure_marking="依申请公开",
        ),
        "satisfied",
        LATER,
        name="entered",
    ),
    # 一（四）: secrecy review before publication
    RuleCase(
        "anhui.document.secrecy_review",
        doc(ISSUE, ev("publish", "2026-03-06T09:00"), disclosure="公开发布"),
        "violated",
        LATER,
        name="no review",
    ),
    RuleCase(
        "anhui.document.secrecy_review",
        doc(
            ISSUE,
            ev("publish", "2026-03-06T09:00"),
            disclosure="公开发布",
            secrecy_review={"result": "通过", "at": "2026-03-06T15:00"},
        ),
        "violated",
        LATER,
        name="reviewed after publication",
    ),
    RuleCase(
        "anhui.document.secrecy_review",
        doc(
            ISSUE,
            ev("publish", "2026-03-06T09:00"),
            disclosure="公开发布",
            secrecy_review={"result": "通过", "at": "2026-03-05T15:00"},
        ),
        "satisfied",
        LATER,
        name="reviewed before",
    ),
    # 实施意见 二（九）: normative documents are published
    RuleCase(
        "anhui.document.normative_public",
        doc(SUBMIT, is_normative=True, disclosure="依申请公开"),
        "violated",
        LATER,
        name="normative document on request only",
    ),
    RuleCase(
        "anhui.document.normative_public",
        doc(SUBMIT, is_normative=True, disclosure="公开发布"),
        "satisfied",
        LATER,
        name="published",
    ),
    # 二: interpretation
    RuleCase(
        "anhui.document.interp_sync",
        doc(
            ev("release_interpretation", "2026-03-05T09:00"),
            ev("publish", "2026-03-06T09:00"),
            is_policy=True,
        ),
        "violated",
        LATER,
        name="materials the day before the document",
    ),
    RuleCase(
        "anhui.document.interp_sync",
        doc(
            ev("publish", "2026-03-06T09:00"),
            ev("release_interpretation", "2026-03-06T09:00"),
            is_policy=True,
        ),
        "satisfied",
        LATER,
        name="same instant",
    ),
    RuleCase(
        "anhui.document.interp_bundle",
        doc(
            SUBMIT,
            is_policy=True,
            issued_in_government_name=True,
            interpretation={"plan": True, "approved_by": "主要负责人"},
        ),
        "violated",
        LATER,
        name="materials missing",
    ),
    RuleCase(
        "anhui.document.interp_bundle",
        doc(SUBMIT, is_policy=True, issued_in_government_name=True, interpretation=BUNDLE),
        "satisfied",
        LATER,
        name="plan and materials approved",
    ),
    RuleCase(
        "anhui.document.interp_rule_review",
        doc(SUBMIT, is_regulation=True, interpretation=BUNDLE),
        "violated",
        LATER,
        name="not reviewed by the legal office",
    ),
    RuleCase(
        "anhui.document.interp_rule_review",
        doc(
            SUBMIT, is_regulation=True, interpretation={**BUNDLE, "reviewed_by_legal_office": True}
        ),
        "satisfied",
        LATER,
        name="reviewed",
    ),
    # 四（二）: repost within 1 h (target) and 1 working day (limit).
    # Posted by the superior the day before National Day 2026 (10-01..07): 1 working day ends 10-08.
    RuleCase(
        "anhui.document.repost_superior",
        doc(
            ev("publish", "2026-09-30T10:00"),
            ev("repost", "2026-10-08T20:00"),
            **STATE_COUNCIL_POLICY,
        ),
        "satisfied",
        "2026-10-20T00:00",
        name="reposted on the first working day after the holiday",
    ),
    RuleCase(
        "anhui.document.repost_superior",
        doc(
            ev("publish", "2026-09-30T10:00"),
            ev("repost", "2026-10-09T08:00"),
            **STATE_COUNCIL_POLICY,
        ),
        "violated",
        "2026-10-20T00:00",
        name="reposted a working day late",
    ),
    RuleCase(
        "anhui.document.repost_superior",
        doc(ev("publish", "2026-09-30T10:00"), **STATE_COUNCIL_POLICY),
        "overdue",
        "2026-10-09T00:30",
        name="never reposted",
    ),
    # Posted Friday 10-09: the make-up Saturday 10-10 is the working day.
    RuleCase(
        "anhui.document.repost_superior",
        doc(
            ev("publish", "2026-10-09T16:00"),
            ev("repost", "2026-10-10T11:00"),
            is_policy=True,
            issuer="安徽省人民政府",
        ),
        "satisfied",
        "2026-10-20T00:00",
        name="reposted on the make-up Saturday",
    ),
    RuleCase(
        "anhui.document.repost_superior",
        doc(
            ev("publish", "2026-10-09T16:00"),
            ev("repost", "2026-10-12T09:00"),
            is_policy=True,
            issuer="安徽省人民政府",
        ),
        "violated",
        "2026-10-20T00:00",
        name="Monday is too late after a working Saturday",
    ),
    RuleCase(
        "anhui.document.repost_superior_1h",
        doc(
            ev("publish", "2026-03-02T09:00"),
            ev("repost", "2026-03-02T09:45"),
            **STATE_COUNCIL_POLICY,
        ),
        "satisfied",
        LATER,
        name="within the hour",
    ),
    RuleCase(
        "anhui.document.repost_superior_1h",
        doc(
            ev("publish", "2026-03-02T09:00"),
            ev("repost", "2026-03-02T10:30"),
            **STATE_COUNCIL_POLICY,
        ),
        "violated",
        LATER,
        name="after the hour",
    ),
    # 一（二）: meetings
    RuleCase(
        "anhui.meeting.pre_disclosure",
        meeting(ev("hold", "2026-03-10T09:00"), ev("decide", "2026-03-10T11:00"), **MAJOR_DECISION),
        "violated",
        LATER,
        name="decided without publishing the draft",
    ),
    RuleCase(
        "anhui.meeting.pre_disclosure",
        meeting(
            ev("decide", "2026-03-10T11:00"),
            ev("pre_disclose", "2026-03-12T09:00"),
            **MAJOR_DECISION,
        ),
        "violated",
        LATER,
        name="draft published after the decision",
    ),
    RuleCase(
        "anhui.meeting.pre_disclosure",
        meeting(
            ev("pre_disclose", "2026-02-10T09:00"),
            ev("decide", "2026-03-10T11:00"),
            **MAJOR_DECISION,
        ),
        "satisfied",
        LATER,
        name="draft published before",
    ),
    RuleCase(
        "anhui.meeting.pre_disclosure",
        meeting(ev("decide", "2026-03-10T11:00"), involves_secrets=True, **MAJOR_DECISION),
        "not_applicable",
        LATER,
        name="secret",
    ),
    RuleCase(
        "anhui.meeting.participation_mandatory",
        meeting(ev("decide", "2026-03-10T11:00"), major_livelihood=True, **MAJOR_DECISION),
        "violated",
        LATER,
        name="no consultation",
    ),
    RuleCase(
        "anhui.meeting.participation_mandatory",
        meeting(
            ev("consult_public", "2026-02-01T09:00"),
            ev("decide", "2026-03-10T11:00"),
            major_livelihood=True,
            **MAJOR_DECISION,
        ),
        "satisfied",
        LATER,
        name="consulted",
    ),
    RuleCase(
        "anhui.meeting.teleconference_live",
        meeting(ev("hold", "2026-03-10T09:00"), meeting_kind="电视电话会议", public_interest=True),
        "violated",
        LATER,
        name="not streamed",
    ),
    RuleCase(
        "anhui.meeting.teleconference_live",
        meeting(
            ev("hold", "2026-03-10T09:00"),
            ev("stream_live", "2026-03-10T09:00"),
            meeting_kind="电视电话会议",
            public_interest=True,
        ),
        "satisfied",
        LATER,
        name="streamed",
    ),
    RuleCase(
        "anhui.meeting.plan_disclosure_opinion",
        meeting(
            ev("submit_plan", "2026-03-01T09:00"),
            major_livelihood=True,
            plan={"states_attendance": True},
        ),
        "violated",
        LATER,
        name="openness not stated",
    ),
    RuleCase(
        "anhui.meeting.plan_disclosure_opinion",
        meeting(
            ev("submit_plan", "2026-03-01T09:00"),
            major_livelihood=True,
            consulted_before=True,
            plan=FULL_PLAN,
        ),
        "violated",
        LATER,
        name="earlier consultation, no adoption note",
    ),
    RuleCase(
        "anhui.meeting.plan_disclosure_opinion",
        meeting(
            ev("submit_plan", "2026-03-01T09:00"),
            major_livelihood=True,
            consulted_before=True,
            plan={**FULL_PLAN, "feedback_note_attached": True},
        ),
        "satisfied",
        LATER,
        name="complete plan",
    ),
    # 三（四）: 5 h / 24 h from detection, on the wall clock (National Day night)
    RuleCase(
        "anhui.incident.authoritative_info_5h",
        incident(
            ev("detect", "2026-10-01T22:00"),
            ev("release_information", "2026-10-02T02:59"),
            **MAJOR_EMERGENCY,
        ),
        "satisfied",
        "2026-10-03T00:00",
        name="released within 5 hours over the night",
    ),
    RuleCase(
        "anhui.incident.authoritative_info_5h",
        incident(
            ev("detect", "2026-10-01T22:00"),
            ev("release_information", "2026-10-02T03:30"),
            **MAJOR_EMERGENCY,
        ),
        "violated",
        "2026-10-03T00:00",
        name="released after 5 hours",
    ),
    RuleCase(
        "anhui.incident.authoritative_info_5h",
        incident(ev("detect", "2026-10-01T22:00"), **MAJOR_EMERGENCY),
        "overdue",
        "2026-10-02T04:00",
        name="nothing released",
    ),
    RuleCase(
        "anhui.incident.press_conference_24h",
        incident(
            ev("detect", "2026-10-01T22:00"),
            ev("hold_press_conference", "2026-10-02T21:00"),
            **MAJOR_EMERGENCY,
        ),
        "satisfied",
        "2026-10-03T00:00",
        name="held within 24 hours",
    ),
    RuleCase(
        "anhui.incident.press_conference_24h",
        incident(
            ev("detect", "2026-10-01T22:00"),
            ev("hold_press_conference", "2026-10-02T22:30"),
            **MAJOR_EMERGENCY,
        ),
        "violated",
        "2026-10-03T00:00",
        name="held after 24 hours",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_repost_due_after_national_day() -> None:
    finding = run_case(
        RuleCase(
            "anhui.document.repost_superior",
            doc(ev("publish", "2026-09-30T10:00"), **STATE_COUNCIL_POLICY),
            "overdue",
            "2026-10-09T00:30",
        )
    )
    assert finding.due_at is not None
    assert finding.due_at.date() == date(2026, 10, 8)


def test_repost_target_is_a_warning() -> None:
    finding = run_case(
        RuleCase(
            "anhui.document.repost_superior_1h",
            doc(
                ev("publish", "2026-03-02T09:00"),
                ev("repost", "2026-03-02T10:30"),
                **STATE_COUNCIL_POLICY,
            ),
            "violated",
            LATER,
        )
    )
    assert finding.severity is Severity.WARNING
    assert finding.due_at == to_shanghai(datetime(2026, 3, 2, 10, 0))


def test_draft_return_names_the_missing_fields() -> None:
    finding = run_case(
        RuleCase(
            "anhui.document.draft_return",
            doc(SUBMIT, issued_in_government_name=True),
            "violated",
            LATER,
        )
    )
    assert finding.severity is Severity.WARNING
    assert "退文" in finding.message and "disclosure" in finding.message
