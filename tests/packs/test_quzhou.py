"""Cases for the quzhou pack (衢州市政务公开五年行动计划, 2021年衢州市政务公开工作要点)."""

from __future__ import annotations

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev
from gongkai.testing.records import meeting

PUBLISH = ev("publish", "2026-03-20T09:00")
SUBMIT = ev("submit", "2026-03-02T09:00")
DECISION = {"meeting_kind": "常务会议", "major_decision": True, "major_livelihood": True}
CONSULT = ev("consult_public", "2026-03-02T09:00")
DECIDE = ev("decide", "2026-04-10T11:00")
PRE_2021 = ev("pre_disclose", "2021-05-10T09:00")
CONSULT_2021 = ev("consult_public", "2021-05-10T09:30")
DECIDE_2021 = ev("decide", "2021-06-15T11:00")

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
        "violated",
        as_of="2026-03-21T00:00",
        name="interpretation six hours later",
    ),
    RuleCase(
        "quzhou.document.interp_sync",
        doc(PUBLISH, is_policy=True),
        "violated",
        as_of="2026-03-21T00:00",
        name="no interpretation",
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
        as_of="2026-03-03T00:00",
        name="normative document public",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True, disclosure="删减后公开"),
        "satisfied",
        as_of="2026-03-03T00:00",
        name="normative document published in part",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True, disclosure_marking="此件依申请公开"),
        "violated",
        as_of="2026-03-03T00:00",
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
        as_of="2026-03-03T00:00",
        name="normative document withheld",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, disclosure="不公开"),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="not a normative document",
    ),
    RuleCase(
        "quzhou.document.normative_column",
        doc(SUBMIT, is_normative=True),
        "not_applicable",
        as_of="2026-03-03T00:00",
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("quzhou")
    assert pack.chain == ("quzhou", "national")
    assert pack.has_rule("national.document.proactive_20wd")


def test_normative_message_shows_the_attribute() -> None:
    finding = run_case(CASES[6])
    assert "依申请公开" in finding.message
    assert finding.blocks == ("submit",)
