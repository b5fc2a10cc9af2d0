"""Cases for the zhejiang pack (《浙江省政务公开五年行动计划(2021—2025年)》)."""

from __future__ import annotations

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import meeting

PUBLISH = ev("publish", "2026-03-20T09:00")
DECISION = {"meeting_kind": "常务会议", "major_decision": True, "major_livelihood": True}
CONSULT = ev("consult_public", "2026-03-02T09:00")
DECIDE = ev("decide", "2026-04-10T11:00")

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
        "violated",
        as_of="2026-03-24T00:00",
        name="interpretation three days later",
    ),
    RuleCase(
        "zhejiang.document.interp_sync",
        doc(PUBLISH, is_policy=True),
        "violated",
        as_of="2026-03-24T00:00",
        name="no interpretation",
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("zhejiang")
    assert pack.chain == ("zhejiang", "national")
    assert pack.has_rule("national.document.interpretation_sync")


def test_guard_names_the_decision() -> None:
    finding = run_case(CASES[7])
    assert finding.blocks == ("decide",)
    assert "听取公众意见" in finding.message
