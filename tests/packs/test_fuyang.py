"""Cases for the fuyang pack (seed 003 L757–793; the 回应关切 template shared by fuyang and beian)."""

from __future__ import annotations

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import event as ev
from gongkai.testing.records import incident, meeting

DETECT = ev("detect", "2021-03-08T09:00")
ASSESS = ev("assess", "2021-03-08T11:00")
CLOSE = ev("close", "2021-03-20T09:00")
LATER = "2021-05-01T00:00"


ASSESS_RISK = ev("assess_opinion_risk", "2021-03-01T09:00")
HOLD = ev("hold", "2021-03-05T09:00")
DECIDE = ev("decide", "2021-03-05T11:00")


def template_cases(pack: str) -> list[RuleCase]:
    """The cases of the 回应关切 template, for the pack that adopted it (fuyang, beian)."""
    return [
        # 二（五）: respond by one of the forms before the case is closed
        RuleCase(
            f"{pack}.incident.response_forms",
            incident(DETECT, CLOSE),
            "violated",
            LATER,
            name="closed without response",
        ),
        RuleCase(
            f"{pack}.incident.response_forms",
            incident(DETECT, CLOSE, ev("release_information", "2021-03-21T09:00")),
            "violated",
            LATER,
            name="information only after closing",
        ),
        RuleCase(
            f"{pack}.incident.response_forms",
            incident(DETECT, ev("release_information", "2021-03-08T15:00"), CLOSE),
            "satisfied",
            LATER,
            name="information released online",
        ),
        RuleCase(
            f"{pack}.incident.response_forms",
            incident(DETECT, ev("respond", "2021-03-09T10:00"), CLOSE),
            "satisfied",
            LATER,
            name="media interview",
        ),
        RuleCase(
            f"{pack}.incident.response_forms",
            incident(DETECT),
            "not_applicable",
            LATER,
            name="still open",
        ),
        # 二（二）: 重大敏感 → assessed before it is handled
        RuleCase(
            f"{pack}.incident.major_sensitive_approval",
            incident(DETECT, ev("respond", "2021-03-08T10:00"), level="重大敏感"),
            "violated",
            LATER,
            name="handled without assessment",
        ),
        RuleCase(
            f"{pack}.incident.major_sensitive_approval",
            incident(
                DETECT,
                ev("hold_press_conference", "2021-03-08T10:00"),
                ASSESS,
                level="重大敏感",
            ),
            "violated",
            LATER,
            name="press conference before the assessment",
        ),
        RuleCase(
            f"{pack}.incident.major_sensitive_approval",
            incident(
                DETECT,
                ASSESS,
                ev("release_information", "2021-03-08T14:00"),
                ev("hold_press_conference", "2021-03-09T10:00"),
                level="重大敏感",
            ),
            "satisfied",
            LATER,
            name="assessed first",
        ),
        RuleCase(
            f"{pack}.incident.major_sensitive_approval",
            incident(DETECT, ev("respond", "2021-03-08T10:00"), level="重大"),
            "not_applicable",
            LATER,
            name="not a major sensitive case",
        ),
        # 二（二）: a public-opinion risk assessment before a major decision on vital interests
        RuleCase(
            f"{pack}.meeting.opinion_risk_assessment",
            meeting(HOLD, DECIDE, major_decision=True, major_livelihood=True),
            "violated",
            LATER,
            name="decided without a risk assessment",
        ),
        RuleCase(
            f"{pack}.meeting.opinion_risk_assessment",
            meeting(ASSESS_RISK, HOLD, DECIDE, major_decision=True, major_livelihood=True),
            "satisfied",
            LATER,
            name="risk assessed before the decision",
        ),
        RuleCase(
            f"{pack}.meeting.opinion_risk_assessment",
            meeting(HOLD, DECIDE, major_decision=True),
            "not_applicable",
            LATER,
            name="no vital interests at stake",
        ),
        # 三（一）: 领导审核把关 before a release
        RuleCase(
            f"{pack}.incident.editorial_review",
            incident(DETECT, ev("release_information", "2021-03-08T12:00")),
            "violated",
            LATER,
            name="released without a leader's review",
        ),
        RuleCase(
            f"{pack}.incident.editorial_review",
            incident(
                DETECT,
                ev("approve_release", "2021-03-08T11:00"),
                ev("release_information", "2021-03-08T12:00"),
            ),
            "satisfied",
            LATER,
            name="reviewed, then released",
        ),
        # 二（五）: information concerning another agency is confirmed with it first
        RuleCase(
            f"{pack}.incident.cross_agency_confirmation",
            incident(
                DETECT, ev("release_information", "2021-03-08T12:00"), other_agencies=["区卫健局"]
            ),
            "violated",
            LATER,
            name="released without confirming with the other agency",
        ),
        RuleCase(
            f"{pack}.incident.cross_agency_confirmation",
            incident(
                DETECT,
                ev("confirm_with_agencies", "2021-03-08T10:00"),
                ev("release_information", "2021-03-08T12:00"),
                other_agencies=["区卫健局"],
            ),
            "satisfied",
            LATER,
            name="confirmed, then released",
        ),
        # 二（三）: reports to the organs at the same and the higher level (及时: an open parameter)
        *(
            RuleCase(
                f"{pack}.incident.{rule}",
                incident(DETECT, *reports),
                status,
                LATER,
                name=f"{rule}: {name}",
                params={f"{pack}.incident.{rule}.timely": "1个工作日"} if configured else {},
            )
            for rule, event in (
                ("reporting_line", "report_same_level"),
                ("reporting_line_higher", "report_higher_level"),
            )
            for reports, status, configured, name in (
                ((), "pending", False, "及时 not configured"),
                ((ev(event, "2021-03-15T09:00"),), "violated", True, "reported a week later"),
                ((ev(event, "2021-03-08T15:00"),), "satisfied", True, "reported the same day"),
            )
        ),
    ]


CASES = template_cases("fuyang")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)
