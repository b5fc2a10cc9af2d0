"""四平市卫健委 pack (seed 004): one violating and one satisfying case per rule at least."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, incident, meeting
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SUBMIT = ev("submit", "2026-04-01T09:00")
RETURN = ev("return", "2026-04-02T10:00")
SIGN = ev("sign", "2026-04-03T10:00")
AS_OF = "2026-04-07T00:00"
BUNDLE = {"plan": True, "materials": True, "approved_by": "市卫健委主任"}
GOV = {"issued_in_government_name": True}
NEW_YEAR = "2026-01-01T00:00"  # the 2025 period is over


def commission(since: str, *events: dict[str, Any], key: bool = True) -> dict[str, Any]:
    """The 市卫健委 (``key``: close to livelihoods), judged from ``since``."""
    return agency(
        *events, name="四平市卫生健康委员会", level="政府部门", is_key_department=key, since=since
    )


def county(since: str, *events: dict[str, Any]) -> dict[str, Any]:
    """A county government, judged from ``since``."""
    return agency(*events, name="梨树县人民政府", level="人民政府", since=since)


CASES: list[RuleCase] = [
    # ---- 公开属性 + 公开方式 approved with the document (L45)
    RuleCase("siping_health.document.attr_mode",
             doc(SUBMIT, disclosure="公开发布", disclosure_method="主动公开"),
             "satisfied", as_of=AS_OF, name="全文公开 + 主动公开"),
    RuleCase("siping_health.document.attr_mode",
             doc(SUBMIT, disclosure="删减后公开", disclosure_method="依申请公开"),
             "satisfied", as_of=AS_OF, name="删减后公开 + 依申请公开"),
    RuleCase("siping_health.document.attr_mode", doc(SUBMIT, disclosure="公开发布"),
             "violated", as_of=AS_OF, name="method missing"),
    RuleCase("siping_health.document.attr_mode", doc(SUBMIT, disclosure_method="主动公开"),
             "violated", as_of=AS_OF, name="attribute missing"),
    RuleCase("siping_health.document.attr_mode",
             doc(SUBMIT, is_policy=True, disclosure="不公开", nondisclosure_reason="涉及内部工作流程",
                 nondisclosure_ground="内部事务信息"),
             "violated", as_of=AS_OF, name="non-public policy document not reviewed"),
    RuleCase("siping_health.document.attr_mode",
             doc(SUBMIT, is_policy=True, disclosure="不公开", nondisclosure_reason="涉及内部工作流程",
                 nondisclosure_ground="内部事务信息", disclosure_office_reviewed=True),
             "satisfied", as_of=AS_OF, name="non-public policy document reviewed, no method needed"),
    # ---- 退文 of government-name drafts lacking attribute / method / reason (L45)
    RuleCase("siping_health.document.gov_name_return",
             doc(SUBMIT, SIGN, disclosure="公开发布", **GOV),
             "violated", as_of=AS_OF, name="no method, signed instead of returned"),
    RuleCase("siping_health.document.gov_name_return",
             doc(SUBMIT, disclosure="不公开", **GOV),
             "violated", as_of=AS_OF, name="no reason, not returned"),
    RuleCase("siping_health.document.gov_name_return",
             doc(SUBMIT, RETURN, disclosure="不公开", **GOV),
             "satisfied", as_of=AS_OF, name="no reason, returned"),
    RuleCase("siping_health.document.gov_name_return",
             doc(SUBMIT, SIGN, disclosure="公开发布", disclosure_method="主动公开", **GOV),
             "not_applicable", as_of=AS_OF, name="complete draft"),
    RuleCase("siping_health.document.gov_name_return",
             doc(SUBMIT, SIGN, disclosure="公开发布"),
             "not_applicable", as_of=AS_OF, name="a department's own document"),
    # ---- 规范性文件 must be published (L41)
    RuleCase("siping_health.document.normative_public",
             doc(is_normative=True, disclosure="不公开"), "violated",
             as_of=AS_OF, name="normative document withheld"),
    RuleCase("siping_health.document.normative_public",
             doc(is_normative=True, disclosure="删减后公开", disclosure_method="主动公开"),
             "satisfied", as_of=AS_OF, name="normative document published in part"),
    # ---- 解读材料 released with the document (L55)
    RuleCase("siping_health.document.interp_sync",
             doc(ev("publish", "2026-04-10T10:00"), ev("release_interpretation", "2026-04-10T10:00"),
                 is_policy=True),
             "satisfied", as_of="2026-04-11T00:00", name="released together"),
    RuleCase("siping_health.document.interp_sync",
             doc(ev("publish", "2026-04-10T10:00"), ev("release_interpretation", "2026-04-13T10:00"),
                 is_policy=True),
             "violated", as_of="2026-04-14T00:00", name="released three days later"),
    RuleCase("siping_health.document.interp_sync",
             doc(ev("publish", "2026-04-10T10:00"), is_policy=True),
             "violated", as_of="2026-04-11T00:00", name="never released"),
    # ---- 退文 of government-name policy drafts without the bundle (L55)
    RuleCase("siping_health.document.interp_bundle",
             doc(SUBMIT, SIGN, is_policy=True, **GOV),
             "violated", as_of=AS_OF, name="no bundle, signed"),
    RuleCase("siping_health.document.interp_bundle",
             doc(SUBMIT, is_policy=True, interpretation={"plan": True, "materials": True}, **GOV),
             "violated", as_of=AS_OF, name="bundle not approved, not returned"),
    RuleCase("siping_health.document.interp_bundle",
             doc(SUBMIT, RETURN, is_policy=True, **GOV),
             "satisfied", as_of=AS_OF, name="no bundle, returned"),
    RuleCase("siping_health.document.interp_bundle",
             doc(SUBMIT, SIGN, is_policy=True, interpretation=BUNDLE, **GOV),
             "not_applicable", as_of=AS_OF, name="bundle complete"),
    # ---- decision drafts before the decision (L15)
    RuleCase("siping_health.meeting.pre_disclosure",
             meeting(ev("pre_disclose", "2026-03-02T09:00"), ev("consult_public", "2026-03-02T09:00"),
                     ev("decide", "2026-04-01T11:00"), major_decision=True),
             "satisfied", as_of="2026-04-02T00:00", name="published and consulted before"),
    RuleCase("siping_health.meeting.pre_disclosure",
             meeting(ev("pre_disclose", "2026-03-02T09:00"), ev("decide", "2026-04-01T11:00"),
                     major_decision=True),
             "violated", as_of="2026-04-02T00:00", name="published but never consulted"),
    RuleCase("siping_health.meeting.pre_disclosure",
             meeting(ev("decide", "2026-04-01T11:00"), major_decision=True),
             "violated", as_of="2026-04-02T00:00", name="nothing before the decision"),
    # ---- teleconference streamed (L15)
    RuleCase("siping_health.meeting.teleconference_live",
             meeting(ev("hold", "2026-04-01T09:00"), ev("stream_live", "2026-04-01T09:00"),
                     meeting_kind="电视电话会议", public_interest=True),
             "satisfied", as_of="2026-04-02T00:00", name="streamed"),
    RuleCase("siping_health.meeting.teleconference_live",
             meeting(ev("hold", "2026-04-01T09:00"), meeting_kind="电视电话会议",
                     public_interest=True),
             "violated", as_of="2026-04-02T00:00", name="not streamed"),
    # ---- 会议方案 states 列席 and openness (L15)
    RuleCase("siping_health.meeting.plan_disclosure_opinion",
             meeting(ev("submit_plan", "2026-04-01T09:00"), major_livelihood=True,
                     consulted_before=True,
                     plan={"states_attendance": True, "states_openness": True,
                           "feedback_note_attached": True}),
             "satisfied", as_of="2026-04-02T00:00", name="plan complete with adoption note"),
    RuleCase("siping_health.meeting.plan_disclosure_opinion",
             meeting(ev("submit_plan", "2026-04-01T09:00"), major_livelihood=True),
             "violated", as_of="2026-04-02T00:00", name="no plan content"),
    # ---- 24 h press conference from the 舆情's emergence (L61)
    RuleCase("siping_health.incident.press_conference_24h",
             incident(ev("detect", "2026-02-16T20:00"), ev("hold_press_conference", "2026-02-17T19:00"),
                      level="重大", is_emergency=True),
             "satisfied", as_of="2026-02-18T00:00", name="23 h, over the Spring Festival"),
    RuleCase("siping_health.incident.press_conference_24h",
             incident(ev("detect", "2026-02-16T20:00"), ev("hold_press_conference", "2026-02-17T21:00"),
                      level="特别重大", is_emergency=True),
             "violated", as_of="2026-02-18T00:00", name="25 h"),
    RuleCase("siping_health.incident.press_conference_24h",
             incident(ev("detect", "2026-02-16T20:00"), level="重大", is_emergency=True),
             "overdue", as_of="2026-02-17T20:01", name="none held"),
    # ---- 48 h for other 舆情 (L61)
    RuleCase("siping_health.incident.other_response_48h",
             incident(ev("detect", "2026-04-03T09:00"), ev("respond", "2026-04-05T09:00"),
                      level="一般"),
             "satisfied", as_of="2026-04-06T00:00", name="answered at hour 48"),
    RuleCase("siping_health.incident.other_response_48h",
             incident(ev("detect", "2026-04-03T09:00"), ev("respond", "2026-04-06T09:00")),
             "violated", as_of="2026-04-07T00:00", name="answered after 72 h"),
    # ---- agency: both catalogues by 2018-12-31 (L47)
    RuleCase("siping_health.obligation.catalogue", commission("2018-01-01"), "violated",
             as_of="2019-01-01T00:00", name="catalogues missing at the end of 2018"),
    RuleCase("siping_health.obligation.catalogue",
             commission("2018-01-01", ev("catalogue_compiled", "2018-12-20T10:00")), "satisfied",
             as_of="2019-01-01T00:00", name="catalogues completed in December 2018"),
    RuleCase("siping_health.obligation.catalogue", commission("2018-01-01"), "pending",
             as_of="2018-12-31T20:00", name="still due on 2018-12-31"),
    RuleCase("siping_health.obligation.catalogue", county("2018-01-01"), "not_applicable",
             as_of="2019-01-01T00:00", name="a county government is not a 主管部门"),
    # ---- files since 2008 by 2017-12-31, since 2000 by 2019-12-31 (L41)
    RuleCase("siping_health.obligation.file_cleanup_2008", county("2017-01-01"), "violated",
             as_of="2018-01-01T00:00", name="2008 files not cleaned up by 2017"),
    RuleCase("siping_health.obligation.file_cleanup_2008",
             county("2017-01-01", ev("files_cleaned_up_since_2008", "2017-12-29T17:00")),
             "satisfied", as_of="2018-01-01T00:00", name="2008 files done on 2017-12-29"),
    RuleCase("siping_health.obligation.file_cleanup_2000",
             commission("2019-01-01", ev("files_cleaned_up_since_2008", "2017-12-29T17:00")),
             "violated", as_of="2020-01-01T00:00", name="only the 2008 files done by 2019"),
    RuleCase("siping_health.obligation.file_cleanup_2000",
             commission("2019-01-01", ev("files_cleaned_up_since_2000", "2019-06-28T17:00")),
             "satisfied", as_of="2020-01-01T00:00", name="2000 files done in June 2019"),
    RuleCase("siping_health.obligation.file_cleanup_2000", commission("2019-01-01"), "pending",
             as_of="2019-12-31T20:00", name="2000 files still due on 2019-12-31"),
    # ---- yearly 工作要点 (L49)
    RuleCase("siping_health.obligation.workpoints", commission("2025-01-01"), "violated",
             as_of=NEW_YEAR, name="no 2025 work points"),
    RuleCase("siping_health.obligation.workpoints",
             commission("2025-01-01", ev("workpoints_issued", "2025-03-10T10:00")), "satisfied",
             as_of=NEW_YEAR, name="2025 work points in March"),
    RuleCase("siping_health.obligation.workpoints", commission("2026-01-01"), "pending",
             as_of="2026-03-01T00:00", name="2026 work points still due"),
    # ---- yearly self-check (L49)
    RuleCase("siping_health.obligation.self_check", county("2025-01-01"), "violated",
             as_of=NEW_YEAR, name="no self-check in 2025"),
    RuleCase("siping_health.obligation.self_check",
             county("2025-01-01", ev("self_check_done", "2025-11-12T10:00")), "satisfied",
             as_of=NEW_YEAR, name="self-check in November"),
    # ---- the head of a key department interprets a policy, yearly (L53)
    RuleCase("siping_health.obligation.head_interprets", commission("2025-01-01"), "violated",
             as_of=NEW_YEAR, name="head interpreted nothing in 2025"),
    RuleCase("siping_health.obligation.head_interprets",
             commission("2025-01-01", ev("head_interpreted_policy", "2025-12-31T10:00")),
             "satisfied", as_of=NEW_YEAR, name="interpreted on 12-31"),
    RuleCase("siping_health.obligation.head_interprets",
             commission("2025-01-01", key=False), "not_applicable",
             as_of=NEW_YEAR, name="a department not close to the economy or livelihoods"),
    RuleCase("siping_health.obligation.head_interprets", county("2025-01-01"), "not_applicable",
             as_of=NEW_YEAR, name="county heads cannot be told from the city's"),
    # ---- 列席 system by 2017-12-31 (二（一）1)
    RuleCase("siping_health.obligation.attendance_system", commission("2017-01-01"), "violated",
             as_of="2018-01-01T00:00", name="no attendance system by 2017"),
    RuleCase("siping_health.obligation.attendance_system",
             commission("2017-01-01", ev("attendance_system_established", "2017-11-02T09:00")),
             "satisfied", as_of="2018-01-01T00:00", name="attendance system set up in November"),
    # ---- self-check outcome: found items published or made proactive
    RuleCase("siping_health.obligation.self_check_outcome", agency(name="四平市卫生健康委员会", level="政府部门", since="2026-01-01", self_check_found=5, self_check_published=3), "violated",
             as_of="2026-12-01T00:00", name="3 of 5 items found in the self-check published"),
    RuleCase("siping_health.obligation.self_check_outcome", agency(name="四平市卫生健康委员会", level="政府部门", since="2026-01-01", self_check_found=5, self_check_published=5), "satisfied",
             as_of="2026-12-01T00:00", name="every item found in the self-check published"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_overrides_and_kept_national_rules() -> None:
    pack = load_pack("siping_health")
    for rule_id in (
        "national.document.attribute_required",
        "national.document.interpretation_sync",
        "national.incident.press_conference_24h",
        "national.incident.other_response_48h",
    ):
        assert not pack.has_rule(rule_id)
    for rule_id in (
        "national.document.nonpublic_reason",
        "national.document.interpretation_bundle",
        "national.incident.authoritative_info_5h",
    ):
        assert pack.has_rule(rule_id)


def test_national_5h_clock_still_applies() -> None:
    """The seed states no 5-hour clock; 80号 still binds."""
    record = load_record(
        incident(
            ev("detect", "2026-04-03T09:00"),
            ev("hold_press_conference", "2026-04-03T20:00"),
            level="重大",
            is_emergency=True,
        )
    )
    report = load_pack("siping_health").check(record, datetime(2026, 4, 4))
    five = report.finding("national.incident.authoritative_info_5h")
    day = report.finding("siping_health.incident.press_conference_24h")
    assert five is not None and five.status.value == "overdue"
    assert day is not None and day.status.value == "satisfied"


def test_return_message() -> None:
    finding = run_case(next(c for c in CASES if c.name == "no method, signed instead of returned"))
    assert "退文" in finding.message
    assert finding.blocks == ("sign",)
