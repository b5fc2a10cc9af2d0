"""邢台市人民政府办公室 pack (seed 000): one violating and one satisfying case per rule at least."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency, incident, meeting, request
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SUBMIT = ev("submit", "2026-03-02T09:00")
BUNDLE = {"plan": True, "materials": True, "approved_by": "市发展改革委主任"}
PASSED = {"result": "通过", "at": "2026-03-19T16:00"}


def gov(since: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """The 市政府 (its office's duties included), judged from ``since``."""
    return agency(*events, name="邢台市人民政府", level="人民政府", since=since, **fields)


def dept(since: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A 市相关部门, judged from ``since``."""
    return agency(*events, name="邢台市财政局", level="政府部门", since=since, **fields)


CASES: list[RuleCase] = [
    # ---- 公开属性 before 报送 (L11)
    RuleCase("xingtai.document.attr_before_submit", doc(SUBMIT), "violated",
             as_of="2026-03-03T00:00", name="submitted without an attribute"),
    RuleCase("xingtai.document.attr_before_submit",
             doc(SUBMIT, disclosure_marking="（此件删减后公开）"), "violated",
             as_of="2026-03-03T00:00", name="删减后公开 is not a Xingtai attribute"),
    RuleCase("xingtai.document.attr_before_submit",
             doc(SUBMIT, disclosure_marking="此件依申请公开", nonpublic_form_attached=True),
             "satisfied", as_of="2026-03-03T00:00", name="此件依申请公开"),
    RuleCase("xingtai.document.attr_before_submit",
             doc(disclosure_marking="此件公开发布"), "not_applicable",
             as_of="2026-03-03T00:00", name="not yet submitted"),
    # ---- 报批表 for 不公开 / 依申请公开 (L11)
    RuleCase("xingtai.document.nonpublic_form", doc(SUBMIT, disclosure_marking="此件不公开"),
             "violated", as_of="2026-03-03T00:00", name="不公开 without the form"),
    RuleCase("xingtai.document.nonpublic_form",
             doc(SUBMIT, disclosure_marking="此件依申请公开"), "violated",
             as_of="2026-03-03T00:00", name="依申请公开 without the form"),
    RuleCase("xingtai.document.nonpublic_form",
             doc(SUBMIT, disclosure_marking="此件不公开", nonpublic_form_attached=True),
             "satisfied", as_of="2026-03-03T00:00", name="form attached"),
    RuleCase("xingtai.document.nonpublic_form", doc(SUBMIT, disclosure_marking="此件公开发布"),
             "not_applicable", as_of="2026-03-03T00:00", name="public needs no form"),
    # ---- 20 working days after 印发 (L11); issued 2026-09-30, across National Day -> 2026-11-03
    RuleCase("xingtai.document.publish_20wd",
             doc(ev("issue", "2026-09-30T10:00"), ev("publish", "2026-11-03T16:00"),
                 disclosure_marking="此件公开发布"),
             "satisfied", as_of="2026-11-10T00:00", name="published on the 20th working day"),
    RuleCase("xingtai.document.publish_20wd",
             doc(ev("issue", "2026-09-30T10:00"), ev("publish", "2026-11-04T09:00"),
                 disclosure_marking="此件公开发布"),
             "violated", as_of="2026-11-10T00:00", name="published one working day late"),
    RuleCase("xingtai.document.publish_20wd",
             doc(ev("issue", "2026-09-30T10:00"), disclosure_marking="此件公开发布"),
             "overdue", as_of="2026-11-04T09:00", name="not published after 20 working days"),
    RuleCase("xingtai.document.publish_20wd",
             doc(ev("issue", "2026-09-30T10:00"), disclosure_marking="此件公开发布"),
             "pending", as_of="2026-11-03T20:00", name="still running on the last day"),
    # ---- major policy: press conference within 3 days of release (L13)
    RuleCase("xingtai.document.major_presser_3d",
             doc(ev("publish", "2026-09-30T10:00"), ev("hold_press_conference", "2026-10-08T15:00"),
                 is_major_policy=True, is_policy=True),
             "satisfied", as_of="2026-10-20T00:00",
             name="3 days end in the National Day holiday and roll to 2026-10-08"),
    RuleCase("xingtai.document.major_presser_3d",
             doc(ev("publish", "2026-03-02T10:00"), ev("hold_press_conference", "2026-03-06T09:00"),
                 is_major_policy=True, is_policy=True),
             "violated", as_of="2026-03-10T00:00", name="held on the 4th day"),
    RuleCase("xingtai.document.major_presser_3d",
             doc(ev("publish", "2026-03-02T10:00"), is_major_policy=True, is_policy=True),
             "overdue", as_of="2026-03-06T00:00", name="none held"),
    # ---- 规范性文件 must be public (L15)
    RuleCase("xingtai.document.normative_public",
             doc(is_normative=True, disclosure_marking="此件不公开"), "violated",
             as_of="2026-03-03T00:00", name="normative document withheld"),
    RuleCase("xingtai.document.normative_public",
             doc(is_normative=True, disclosure_marking="此件依申请公开"), "violated",
             as_of="2026-03-03T00:00", name="normative document only on request"),
    RuleCase("xingtai.document.normative_public",
             doc(is_normative=True, disclosure_marking="此件公开发布"), "satisfied",
             as_of="2026-03-03T00:00", name="normative document public"),
    # ---- 保密审查 before publication (L31)
    RuleCase("xingtai.document.secrecy_review",
             doc(ev("publish", "2026-03-20T09:00"), disclosure_marking="此件公开发布"),
             "violated", as_of="2026-03-21T00:00", name="published without review"),
    RuleCase("xingtai.document.secrecy_review",
             doc(ev("publish", "2026-03-20T09:00"), disclosure_marking="此件公开发布",
                 secrecy_review={"result": "通过", "at": "2026-03-20T10:00"}),
             "violated", as_of="2026-03-21T00:00", name="reviewed only after publication"),
    RuleCase("xingtai.document.secrecy_review",
             doc(ev("publish", "2026-03-20T09:00"), disclosure_marking="此件公开发布",
                 secrecy_review=PASSED),
             "satisfied", as_of="2026-03-21T00:00", name="reviewed before publication"),
    # ---- 解读 scope: flag 解读, or the 报批表 (L39, L43)
    RuleCase("xingtai.document.interp_scope",
             doc(SUBMIT, is_regulation=True, disclosure_marking="此件公开发布"), "violated",
             as_of="2026-03-03T00:00", name="规章 submitted without the 解读 flag"),
    RuleCase("xingtai.document.interp_scope",
             doc(SUBMIT, is_policy=True, is_normative=True, needs_interpretation=False,
                 disclosure_marking="此件公开发布"),
             "violated", as_of="2026-03-03T00:00", name="not interpreted and no form"),
    RuleCase("xingtai.document.interp_scope",
             doc(SUBMIT, is_policy=True, is_normative=True, needs_interpretation=True,
                 disclosure_marking="此件公开发布", interpretation=BUNDLE),
             "satisfied", as_of="2026-03-03T00:00", name="flagged 解读"),
    RuleCase("xingtai.document.interp_scope",
             doc(SUBMIT, is_regulation=True, needs_interpretation=False,
                 nonpublic_form_attached=True, disclosure_marking="此件公开发布"),
             "satisfied", as_of="2026-03-03T00:00", name="not interpreted, form attached"),
    # ---- 解读方案 + 材料 with the 代拟稿 (L43)
    RuleCase("xingtai.document.interp_bundle",
             doc(SUBMIT, is_policy=True, disclosure_marking="此件公开发布"), "violated",
             as_of="2026-03-03T00:00", name="policy document without plan and materials"),
    RuleCase("xingtai.document.interp_bundle",
             doc(SUBMIT, is_regulation=True, needs_interpretation=True,
                 interpretation={"plan": True, "materials": True},
                 disclosure_marking="此件公开发布"),
             "violated", as_of="2026-03-03T00:00", name="规章 bundle not approved by the head"),
    RuleCase("xingtai.document.interp_bundle",
             doc(SUBMIT, is_policy=True, interpretation=BUNDLE, disclosure_marking="此件公开发布"),
             "satisfied", as_of="2026-03-03T00:00", name="approved bundle sent"),
    RuleCase("xingtai.document.interp_bundle",
             doc(SUBMIT, is_policy=True, needs_interpretation=False, nonpublic_form_attached=True,
                 disclosure_marking="此件公开发布"),
             "not_applicable", as_of="2026-03-03T00:00", name="declared not interpreted"),
    # ---- T-2 days: 吹风会 or 新闻发布会 before release (L43); release 2026-03-20
    RuleCase("xingtai.document.pre_briefing",
             doc(ev("hold_briefing", "2026-03-18T15:00"), ev("publish", "2026-03-20T09:00"),
                 is_policy=True),
             "satisfied", as_of="2026-03-21T00:00", name="briefing on T-2"),
    RuleCase("xingtai.document.pre_briefing",
             doc(ev("hold_briefing", "2026-03-19T10:00"), ev("publish", "2026-03-20T09:00"),
                 is_policy=True),
             "violated", as_of="2026-03-21T00:00", name="briefing only the day before"),
    RuleCase("xingtai.document.pre_briefing",
             doc(ev("publish", "2026-03-20T09:00"), ev("hold_press_conference", "2026-03-20T15:00"),
                 is_policy=True),
             "violated", as_of="2026-03-21T00:00", name="press conference only after release"),
    # ---- 24 h press conference after release (L43, 必须)
    RuleCase("xingtai.document.post_presser",
             doc(ev("publish", "2026-03-20T09:00"), ev("hold_press_conference", "2026-03-21T09:00"),
                 is_policy=True),
             "satisfied", as_of="2026-03-22T00:00", name="held at hour 24"),
    RuleCase("xingtai.document.post_presser",
             doc(ev("publish", "2026-03-20T09:00"), ev("hold_press_conference", "2026-03-21T09:30"),
                 is_policy=True),
             "violated", as_of="2026-03-22T00:00", name="held half an hour late"),
    RuleCase("xingtai.document.post_presser",
             doc(ev("hold_press_conference", "2026-03-18T15:00"), ev("publish", "2026-03-20T09:00"),
                 is_policy=True),
             "overdue", as_of="2026-03-22T00:00", name="the T-2 conference does not count"),
    # ---- 7 working days on all platforms (L43); 2026-09-25 -> 2026-10-12 (Sat 10-10 is a workday)
    RuleCase("xingtai.document.platform_7wd",
             doc(ev("publish", "2026-09-25T10:00"), ev("post_platforms", "2026-10-12T17:00"),
                 is_policy=True),
             "satisfied", as_of="2026-10-20T00:00", name="posted on the 7th working day"),
    RuleCase("xingtai.document.platform_7wd",
             doc(ev("publish", "2026-09-25T10:00"), ev("post_platforms", "2026-10-13T09:00"),
                 is_policy=True),
             "violated", as_of="2026-10-20T00:00", name="posted on the 8th working day"),
    RuleCase("xingtai.document.platform_7wd",
             doc(ev("publish", "2026-09-25T10:00"), is_policy=True),
             "overdue", as_of="2026-10-13T00:00", name="not posted"),
    # ---- meetings: 决策草案 before the decision (L21)
    RuleCase("xingtai.meeting.pre_disclosure",
             meeting(ev("pre_disclose", "2026-03-02T09:00"), ev("hold", "2026-03-10T09:00"),
                     ev("decide", "2026-03-10T11:00"),
                     meeting_kind="常务会议", major_decision=True),
             "satisfied", as_of="2026-03-11T00:00", name="draft published before"),
    RuleCase("xingtai.meeting.pre_disclosure",
             meeting(ev("hold", "2026-03-10T09:00"), ev("decide", "2026-03-10T11:00"),
                     meeting_kind="专题会议", major_decision=True),
             "violated", as_of="2026-03-11T00:00", name="never published"),
    RuleCase("xingtai.meeting.pre_disclosure",
             meeting(ev("decide", "2026-03-10T11:00"), ev("pre_disclose", "2026-03-12T09:00"),
                     meeting_kind="常务会议", major_decision=True),
             "violated", as_of="2026-03-13T00:00", name="published after the decision"),
    RuleCase("xingtai.meeting.pre_disclosure",
             meeting(ev("decide", "2026-03-10T11:00"), meeting_kind="常务会议",
                     major_decision=True, involves_secrets=True),
             "not_applicable", as_of="2026-03-11T00:00", name="secret matters are excepted"),
    # ---- teleconference streamed (L23)
    RuleCase("xingtai.meeting.teleconference_live",
             meeting(ev("hold", "2026-03-10T09:00"), ev("stream_live", "2026-03-10T09:00"),
                     meeting_kind="电视电话会议", public_interest=True),
             "satisfied", as_of="2026-03-11T00:00", name="streamed"),
    RuleCase("xingtai.meeting.teleconference_live",
             meeting(ev("hold", "2026-03-10T09:00"), meeting_kind="电视电话会议",
                     public_interest=True),
             "violated", as_of="2026-03-11T00:00", name="not streamed"),
    # ---- 会议方案 states 列席 and openness (L25)
    RuleCase("xingtai.meeting.plan_disclosure_opinion",
             meeting(ev("submit_plan", "2026-03-02T09:00"), major_livelihood=True,
                     plan={"states_attendance": True, "states_openness": True,
                           "openness_manner": "网络直播"}),
             "satisfied", as_of="2026-03-03T00:00", name="plan states both"),
    RuleCase("xingtai.meeting.plan_disclosure_opinion",
             meeting(ev("submit_plan", "2026-03-02T09:00"), major_livelihood=True,
                     plan={"states_attendance": True}),
             "violated", as_of="2026-03-03T00:00", name="openness not stated"),
    RuleCase("xingtai.meeting.plan_disclosure_opinion",
             meeting(ev("submit_plan", "2026-03-02T09:00"), major_livelihood=True,
                     consulted_before=True,
                     plan={"states_attendance": True, "states_openness": True}),
             "violated", as_of="2026-03-03T00:00", name="earlier consultation, no adoption note"),
    # ---- public participation before major decisions (L53)
    RuleCase("xingtai.meeting.participation_mandatory",
             meeting(ev("consult_public", "2026-02-02T09:00"), ev("decide", "2026-03-10T11:00"),
                     major_decision=True, public_interest=True),
             "satisfied", as_of="2026-03-11T00:00", name="consulted before"),
    RuleCase("xingtai.meeting.participation_mandatory",
             meeting(ev("decide", "2026-03-10T11:00"), major_decision=True, major_livelihood=True),
             "violated", as_of="2026-03-11T00:00", name="no participation"),
    # ---- incidents: 5 h / 24 h from 市委、市政府确定 (L49)
    RuleCase("xingtai.incident.authoritative_info_5h",
             incident(ev("detect", "2026-05-01T08:00"), ev("determine", "2026-05-01T10:00"),
                      ev("release_information", "2026-05-01T15:00"),
                      level="重大", determined_by_party_gov=True),
             "satisfied", as_of="2026-05-02T00:00", name="released at hour 5 after determination"),
    RuleCase("xingtai.incident.authoritative_info_5h",
             incident(ev("detect", "2026-05-01T08:00"), ev("determine", "2026-05-01T10:00"),
                      ev("release_information", "2026-05-01T15:30"),
                      level="特别重大", determined_by_party_gov=True),
             "violated", as_of="2026-05-02T00:00", name="released 5.5 h after determination"),
    RuleCase("xingtai.incident.authoritative_info_5h",
             incident(ev("determine", "2026-05-01T10:00"), level="重大",
                      determined_by_party_gov=True),
             "overdue", as_of="2026-05-01T16:00", name="nothing released"),
    RuleCase("xingtai.incident.authoritative_info_5h",
             incident(ev("detect", "2026-05-01T08:00"), level="重大"),
             "not_applicable", as_of="2026-05-02T00:00", name="not determined by 市委、市政府"),
    RuleCase("xingtai.incident.press_conference_24h",
             incident(ev("determine", "2026-10-01T10:00"),
                      ev("hold_press_conference", "2026-10-02T09:00"),
                      level="重大", determined_by_party_gov=True),
             "satisfied", as_of="2026-10-03T00:00", name="held within 24 h over the holiday"),
    RuleCase("xingtai.incident.press_conference_24h",
             incident(ev("determine", "2026-10-01T10:00"),
                      ev("hold_press_conference", "2026-10-02T11:00"),
                      level="重大", determined_by_party_gov=True),
             "violated", as_of="2026-10-03T00:00", name="held after 25 h (hours run on holidays)"),
    RuleCase("xingtai.incident.emergency_press_24h",
             incident(ev("detect", "2026-07-10T00:00"), ev("determine", "2026-07-10T12:00"),
                      ev("notify", "2026-07-10T13:00"),
                      ev("hold_press_conference", "2026-07-11T10:00"),
                      level="特别重大", is_emergency=True, determined_by_party_gov=True),
             "satisfied", as_of="2026-07-12T00:00", name="22 h after the determination"),
    RuleCase("xingtai.incident.emergency_press_24h",
             incident(ev("determine", "2026-07-10T12:00"), ev("notify", "2026-07-10T13:00"),
                      ev("hold_press_conference", "2026-07-11T12:30"),
                      level="重大", is_emergency=True, determined_by_party_gov=True),
             "violated", as_of="2026-07-12T00:00", name="the notice does not restart the clock"),
    # ---- agency: head hears a report, yearly (L65); 2025 is judged on 2026-01-01
    RuleCase("xingtai.obligation.head_report", gov("2025-01-01"), "violated",
             as_of="2026-01-01T00:00", name="no report heard in 2025"),
    RuleCase("xingtai.obligation.head_report",
             gov("2025-01-01", ev("head_report_heard", "2025-12-31T16:00")), "satisfied",
             as_of="2026-01-01T00:00", name="report heard on 12-31"),
    RuleCase("xingtai.obligation.head_report", gov("2026-01-01"), "pending",
             as_of="2026-06-30T12:00", name="2026 report still due"),
    RuleCase("xingtai.obligation.head_report", dept("2025-01-01"), "not_applicable",
             as_of="2026-01-01T00:00", name="a department head is not named"),
    # ---- a named 分管负责人 (L65), judged when the record lists the website's columns
    RuleCase("xingtai.obligation.lead_official", gov("2026-01-01", website_columns=["领导信箱"]),
             "violated", as_of="2026-03-01T00:00", name="no deputy named"),
    RuleCase("xingtai.obligation.lead_official",
             gov("2026-01-01", website_columns=["领导信箱"], lead_official="某副市长"),
             "satisfied", as_of="2026-03-01T00:00", name="deputy named"),
    RuleCase("xingtai.obligation.lead_official", gov("2026-01-01"), "not_applicable",
             as_of="2026-03-01T00:00", name="record sent for yearly duties only"),
    # ---- assessment weight >= 4 % (L67)
    RuleCase("xingtai.obligation.weight", gov("2026-01-01", assessment_weight_percent=3.5),
             "violated", as_of="2026-03-01T00:00", name="weight 3.5 %"),
    RuleCase("xingtai.obligation.weight", gov("2026-01-01", assessment_weight_percent=4),
             "satisfied", as_of="2026-03-01T00:00", name="weight exactly 4 %"),
    RuleCase("xingtai.obligation.weight", gov("2026-01-01"), "not_applicable",
             as_of="2026-03-01T00:00", name="weight not stated"),
    # ---- special inspection, yearly (L67)
    RuleCase("xingtai.obligation.inspection", gov("2025-01-01"), "violated",
             as_of="2026-01-01T00:00", name="no inspection in 2025"),
    RuleCase("xingtai.obligation.inspection",
             gov("2025-01-01", ev("inspection_held", "2025-06-15T09:00")), "satisfied",
             as_of="2026-01-01T00:00", name="inspection in June"),
    RuleCase("xingtai.obligation.inspection", dept("2025-01-01"), "not_applicable",
             as_of="2026-01-01T00:00", name="organised by the office, not a department"),
    # ---- rotation training of all staff by 2018-12-31 (L69)
    RuleCase("xingtai.obligation.rotation", gov("2018-01-01"), "violated",
             as_of="2019-01-01T00:00", name="rotation not completed"),
    RuleCase("xingtai.obligation.rotation",
             gov("2018-01-01", ev("staff_rotation_completed", "2018-12-28T17:00")),
             "satisfied", as_of="2019-01-01T00:00", name="completed on 2018-12-28"),
    RuleCase("xingtai.obligation.rotation",
             gov("2018-01-01", ev("staff_rotation_completed", "2019-01-15T17:00")),
             "violated", as_of="2019-02-01T00:00", name="completed in January 2019"),
    RuleCase("xingtai.obligation.rotation",
             gov("2018-01-01", ev("training_held", "2018-05-10T09:00")), "pending",
             as_of="2018-12-31T20:00", name="one training held, rotation still due"),
    # ---- yearly self-check by every agency (L29)
    RuleCase("xingtai.obligation.self_check", dept("2025-01-01"), "violated",
             as_of="2026-01-01T00:00", name="no self-check in 2025"),
    RuleCase("xingtai.obligation.self_check",
             dept("2025-01-01", ev("self_check_done", "2025-11-20T09:00")), "satisfied",
             as_of="2026-01-01T00:00", name="self-check in November"),
    RuleCase("xingtai.obligation.self_check", gov("2026-01-01"), "pending",
             as_of="2026-12-31T20:00", name="2026 self-check due tonight"),
    # ---- basic catalogue: departments by 2017-12-31, the office by 2018-12-31 (L27)
    RuleCase("xingtai.obligation.catalogue_dept", dept("2017-10-17"), "violated",
             as_of="2018-01-01T00:00", name="department catalogue missing"),
    RuleCase("xingtai.obligation.catalogue_dept",
             dept("2017-10-17", ev("catalogue_compiled", "2017-12-31T10:00")), "satisfied",
             as_of="2018-01-01T00:00", name="drawn up on Sunday 2017-12-31 (no working-day rule)"),
    RuleCase("xingtai.obligation.catalogue_dept", gov("2017-10-17"), "not_applicable",
             as_of="2018-01-01T00:00", name="the office has until 2018"),
    RuleCase("xingtai.obligation.catalogue_office", gov("2017-10-17"), "violated",
             as_of="2019-01-01T00:00", name="office catalogue missing"),
    RuleCase("xingtai.obligation.catalogue_office",
             gov("2017-10-17", ev("catalogue_compiled", "2018-06-01T10:00")), "satisfied",
             as_of="2019-01-01T00:00", name="office catalogue in 2018"),
    RuleCase("xingtai.obligation.catalogue_office", gov("2017-10-17"), "pending",
             as_of="2018-01-01T00:00", name="office catalogue still due in 2018"),
    RuleCase("xingtai.obligation.catalogue_office", dept("2017-10-17"), "not_applicable",
             as_of="2019-01-01T00:00", name="a department's date is 2017"),
    # ---- 领导信箱, 民意征集, 网民留言 columns (L55)
    RuleCase("xingtai.obligation.columns",
             gov("2026-01-01", website_columns=["领导信箱", "民意征集", "政府公报"]), "violated",
             as_of="2026-03-01T00:00", name="no 网民留言 column"),
    RuleCase("xingtai.obligation.columns",
             gov("2026-01-01", website_columns=["领导信箱", "民意征集", "网民留言", "政府公报"]),
             "satisfied", as_of="2026-03-01T00:00", name="all three columns"),
    RuleCase("xingtai.obligation.columns", gov("2026-01-01"), "not_applicable",
             as_of="2026-03-01T00:00", name="columns not listed"),
    # ---- gazette database by 2019-12-31 (L61)
    RuleCase("xingtai.obligation.gazette_database", gov("2019-01-01"), "violated",
             as_of="2020-01-01T00:00", name="no gazette database"),
    RuleCase("xingtai.obligation.gazette_database",
             gov("2019-01-01", ev("gazette_database_built", "2019-11-20T09:00")), "satisfied",
             as_of="2020-01-01T00:00", name="database built in November 2019"),
    RuleCase("xingtai.obligation.gazette_database", dept("2019-01-01"), "not_applicable",
             as_of="2020-01-01T00:00", name="the office's duty, not a department's"),
    # ---- 列席 system by 2017-12-31 (一（二）)
    RuleCase("xingtai.obligation.attendance_system", gov("2017-10-17"), "violated",
             as_of="2018-01-01T00:00", name="no attendance system by 2017"),
    RuleCase("xingtai.obligation.attendance_system",
             gov("2017-10-17", ev("attendance_system_established", "2017-12-29T09:00")),
             "satisfied", as_of="2018-01-01T00:00", name="attendance system set up in December"),
    RuleCase("xingtai.obligation.attendance_system", dept("2017-10-17"), "not_applicable",
             as_of="2018-01-01T00:00", name="attendance system: the office's duty"),
    # ---- open parameters (及时): pending until an office sets its reading
    RuleCase("xingtai.meeting.adoption_published",
             meeting(ev("consult_public", "2026-05-01T10:00"), ev("decide", "2026-06-01T10:00")),
             "pending", as_of="2026-09-01T00:00", name="adoption: 及时 not configured"),
    RuleCase("xingtai.meeting.adoption_published",
             meeting(ev("consult_public", "2026-05-01T10:00"), ev("decide", "2026-06-01T10:00")),
             "overdue", as_of="2026-07-01T00:00", name="adoption unpublished a month on",
             params={'xingtai.meeting.adoption_published.timely': '10个工作日'}),
    RuleCase("xingtai.meeting.adoption_published",
             meeting(ev("consult_public", "2026-05-01T10:00"), ev("decide", "2026-06-01T10:00"),
                     ev("publish_adoption", "2026-06-05T10:00")),
             "satisfied", as_of="2026-07-01T00:00", name="adoption published within 4 working days",
             params={'xingtai.meeting.adoption_published.timely': '10个工作日'}),
    RuleCase("xingtai.document.repost_superior",
             doc(ev("publish", "2026-06-01T10:00"), is_policy=True, issuer="国务院办公厅"),
             "pending", as_of="2026-09-01T00:00", name="repost: 及时 not configured"),
    RuleCase("xingtai.document.repost_superior",
             doc(ev("publish", "2026-06-01T10:00"), ev("repost", "2026-06-04T10:00"),
                 is_policy=True, issuer="国务院办公厅"),
             "violated", as_of="2026-07-01T00:00", name="reposted 3 working days after posting",
             params={'xingtai.document.repost_superior.timely': '1个工作日'}),
    RuleCase("xingtai.document.repost_superior",
             doc(ev("publish", "2026-06-01T10:00"), ev("repost", "2026-06-01T15:00"),
                 is_policy=True, issuer="河北省人民政府"),
             "satisfied", as_of="2026-07-01T00:00", name="reposted the same afternoon",
             params={'xingtai.document.repost_superior.timely': '1个工作日'}),
    # ---- request steps 接收、登记、审核、办理、答复、归档 (一（五）)
    RuleCase("xingtai.request.steps",
             request(ev("receive", "2026-06-01T09:00"), ev("reply", "2026-06-20T09:00")),
             "violated", as_of="2026-08-01T00:00", name="request replied without registration"),
    RuleCase("xingtai.request.steps",
             request(ev("receive", "2026-06-01T09:00"), ev("register", "2026-06-01T09:30"),
                     ev("archive", "2026-06-10T09:00"), ev("reply", "2026-06-20T09:00")),
             "violated", as_of="2026-08-01T00:00", name="request filed before the reply"),
    RuleCase("xingtai.request.steps",
             request(ev("receive", "2026-06-01T09:00"), ev("register", "2026-06-01T09:30"),
                     ev("reply", "2026-06-20T09:00"), ev("archive", "2026-06-22T09:00")),
             "satisfied", as_of="2026-08-01T00:00", name="request steps in order"),
    # ---- gazette: 及时准确刊登, 应登尽登 (an open parameter)
    RuleCase("xingtai.document.gazette", doc(ev("issue", "2026-06-01T10:00"), is_regulation=True),
             "pending", as_of="2026-09-01T00:00", name="gazette: 及时 not configured"),
    RuleCase("xingtai.document.gazette", doc(ev("issue", "2026-06-01T10:00"), is_regulation=True),
             "overdue", as_of="2026-07-01T00:00", name="not in the gazette a month on",
             params={'xingtai.document.gazette.timely': '10个工作日'}),
    RuleCase("xingtai.document.gazette",
             doc(ev("issue", "2026-06-01T10:00"), ev("publish_gazette", "2026-06-08T10:00"),
                 is_regulation=True),
             "satisfied", as_of="2026-07-01T00:00", name="in the gazette within a week",
             params={'xingtai.document.gazette.timely': '10个工作日'}),
]  # fmt: skip


def named(name: str) -> RuleCase:
    """The case called ``name``."""
    return next(c for c in CASES if c.name == name)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_publish_20wd_due_date_and_severity() -> None:
    finding = run_case(named("published on the 20th working day"))
    assert finding.due_at is not None and finding.due_at.date() == date(2026, 11, 3)
    assert finding.severity.value == "warning"


def test_national_20wd_clock_still_runs_from_signature() -> None:
    """邢台's soft clock from 印发 complements the statutory one from 形成 (签发)."""
    pack = load_pack("xingtai")
    record = load_record(
        doc(
            ev("sign", "2026-09-28T10:00"),
            ev("issue", "2026-09-30T10:00"),
            ev("publish", "2026-11-02T10:00"),
            disclosure_marking="此件公开发布",
        )
    )
    report = pack.check(record, datetime(2026, 11, 10))
    national = report.finding("national.document.proactive_20wd")
    local = report.finding("xingtai.document.publish_20wd")
    assert national is not None and national.status.value == "violated"  # due 2026-10-30
    assert local is not None and local.status.value == "satisfied"  # due 2026-11-03


def test_overridden_national_rules_are_replaced() -> None:
    pack = load_pack("xingtai")
    for rule_id in (
        "national.document.attribute_required",
        "national.document.secrecy_review",
        "national.document.interpretation_bundle",
    ):
        assert not pack.has_rule(rule_id)
    assert pack.has_rule("national.document.proactive_20wd")
    assert pack.has_rule("national.incident.press_conference_24h")


def test_major_policy_runs_both_press_clocks() -> None:
    """L13 (3 days, soft) and L43 (24 h, 必须) both apply to a major policy document."""
    record = load_record(
        doc(
            ev("publish", "2026-03-02T10:00"),
            ev("hold_press_conference", "2026-03-04T10:00"),
            is_major_policy=True,
            is_policy=True,
        )
    )
    report = load_pack("xingtai").check(record, datetime(2026, 3, 10))
    three_days = report.finding("xingtai.document.major_presser_3d")
    day = report.finding("xingtai.document.post_presser")
    assert three_days is not None and three_days.status.value == "satisfied"
    assert day is not None and day.status.value == "violated"


def test_determine_starts_the_clock_not_detect() -> None:
    record = load_record(named("22 h after the determination").record)
    report = load_pack("xingtai").check(record, datetime(2026, 7, 12))
    local = report.finding("xingtai.incident.emergency_press_24h")
    national = report.finding("national.incident.press_conference_24h")
    assert local is not None and local.status.value == "satisfied"
    assert local.due_at == datetime.fromisoformat("2026-07-11T12:00:00+08:00")
    assert national is not None and national.status.value == "violated"  # 34 h after detect


def test_messages_name_the_problem() -> None:
    finding = run_case(named("不公开 without the form"))
    assert "报批表" in finding.message
    assert "nonpublic_form_attached" in finding.evidence


def test_yearly_duties_start_with_the_plan() -> None:
    """Issued 2017-10-17: 2016 is not judged, 2017 is (its period ends after that day)."""
    report = load_pack("xingtai").check(load_record(gov("2016-01-01")), "2018-01-02")
    periods = [f.period for f in report.findings if f.rule_id == "xingtai.obligation.head_report"]
    assert periods == ["2017", "2018"]
