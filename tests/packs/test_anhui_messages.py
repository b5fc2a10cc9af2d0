"""Cases for the anhui public-message rules (《安徽省全面推进政务公开工作实施细则》 四（三）, seed 003 L847).

Three receipts, each chosen for a calendar fact (start day never counted):

* Sun 2026-03-01: not a working day; Mon 03-02 is day 1, so 7 wd end Tue 03-10 and
  15 wd end Fri 03-20 (no holiday in March 2026).
* Wed 2026-09-30: 10-01..07 off (国庆节), Sat 10-10 a make-up working day:
  10-08 (1), 10-09 (2), 10-10 (3), 10-12..15 (7), 10-16 (8), 10-19..23 (13), 10-27 (15).
* Fri 2026-09-18: Sun 09-20 a make-up working day (1), 09-21..24 (5), 09-25..27 off
  (中秋), 09-28..30 (8), 10-08..10 (11), 10-12..15 (15).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import event as ev
from gongkai.testing.records import message

SUGGESTION = "anhui.message.suggestion_reply"
COMPLEX = "anhui.message.suggestion_reply_complex"
COMPLAINT = "anhui.message.complaint_reply"

SUNDAY = "2026-03-01T20:00"
NATIONAL_DAY_EVE = "2026-09-30T16:00"
BEFORE_MAKEUP_SUNDAY = "2026-09-18T10:00"
LATER = "2026-12-31T23:00"


def reply(at: str) -> dict[str, Any]:
    """A reply through the platform the message came from (通过原有平台)."""
    return ev("reply", at, channel="网民留言")


def suggestion(received: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A valuable 意见建议 received at ``received``; ``fields`` override the defaults."""
    defaults = {"message_kind": "意见建议", "channel": "网民留言", "is_valuable": True}
    return message(ev("receive", received), *events, **(defaults | fields))


def complaint(received: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A 咨询投诉 received at ``received``; ``fields`` override the defaults."""
    defaults = {"message_kind": "咨询投诉", "channel": "领导信箱"}
    return message(ev("receive", received), *events, **(defaults | fields))


CASES: list[RuleCase] = [
    # 7个工作日内反馈处理意见 (not complex)
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, reply("2026-03-10T17:00")),
        "satisfied",
        LATER,
        name="received on a Sunday, replied on the 7th working day 03-10",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, reply("2026-03-11T09:00")),
        "violated",
        LATER,
        name="replied on the 8th working day 03-11",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY),
        "pending",
        "2026-03-10T18:00",
        name="no reply yet on the 7th working day",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY),
        "overdue",
        "2026-03-11T09:00",
        name="no reply after 03-10",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, is_valuable=None),
        "overdue",
        "2026-03-11T09:00",
        name="not judged valuable is still timed",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, ev("explain", "2026-03-06T10:00", reason="不属于本机关职责")),
        "satisfied",
        LATER,
        name="explained that it cannot be acted on",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, is_valuable=False),
        "not_applicable",
        LATER,
        name="judged not valuable",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(SUNDAY, reply("2026-03-18T10:00"), is_complex=True),
        "not_applicable",
        LATER,
        name="complex: timed by the 15-day rule",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(NATIONAL_DAY_EVE, reply("2026-10-15T17:00")),
        "satisfied",
        LATER,
        name="over National Day, replied on the 7th working day 10-15",
    ),
    RuleCase(
        SUGGESTION,
        suggestion(NATIONAL_DAY_EVE, reply("2026-10-16T09:00")),
        "violated",
        LATER,
        name="over National Day, replied on the 8th working day 10-16",
    ),
    # 情况复杂的可延长至15个工作日: 15 in all from receipt
    RuleCase(
        COMPLEX,
        suggestion(SUNDAY, reply("2026-03-20T17:00"), is_complex=True),
        "satisfied",
        LATER,
        name="complex, replied on the 15th working day 03-20",
    ),
    RuleCase(
        COMPLEX,
        suggestion(SUNDAY, reply("2026-03-23T09:00"), is_complex=True),
        "violated",
        LATER,
        name="complex, replied on the 16th working day 03-23",
    ),
    RuleCase(
        COMPLEX,
        suggestion(SUNDAY, ev("extend", "2026-03-09T10:00"), is_complex=True),
        "pending",
        "2026-03-12T09:00",
        name="complex, extension recorded without approver, no reply yet",
    ),
    RuleCase(
        COMPLEX,
        suggestion(SUNDAY, is_complex=True),
        "overdue",
        "2026-03-23T09:00",
        name="complex, no reply after 03-20",
    ),
    RuleCase(
        COMPLEX,
        suggestion(NATIONAL_DAY_EVE, reply("2026-10-27T17:00"), is_complex=True),
        "satisfied",
        LATER,
        name="complex over National Day, replied on the 15th working day 10-27",
    ),
    RuleCase(
        COMPLEX,
        suggestion(SUNDAY, reply("2026-03-20T17:00")),
        "not_applicable",
        LATER,
        name="not complex",
    ),
    # 咨询投诉、反映问题: 15个工作日内予以答复, no extension
    RuleCase(
        COMPLAINT,
        complaint(BEFORE_MAKEUP_SUNDAY, reply("2026-10-15T17:00")),
        "satisfied",
        LATER,
        name="make-up days 09-20 and 10-10 counted, replied on the 15th working day 10-15",
    ),
    RuleCase(
        COMPLAINT,
        complaint(BEFORE_MAKEUP_SUNDAY, reply("2026-10-16T09:00")),
        "violated",
        LATER,
        name="replied on the 16th working day 10-16",
    ),
    RuleCase(
        COMPLAINT,
        complaint(BEFORE_MAKEUP_SUNDAY),
        "pending",
        "2026-10-05T12:00",
        name="no reply yet during National Day",
    ),
    RuleCase(
        COMPLAINT,
        complaint(BEFORE_MAKEUP_SUNDAY),
        "overdue",
        "2026-10-16T09:00",
        name="no reply after 10-15",
    ),
    RuleCase(
        COMPLAINT,
        complaint(SUNDAY, ev("explain", "2026-03-20T16:00"), message_kind="反映问题"),
        "satisfied",
        LATER,
        name="reported problem received on a Sunday, explained on the 15th working day",
    ),
    RuleCase(
        COMPLAINT,
        complaint(SUNDAY, reply("2026-03-23T09:00"), message_kind="反映问题", is_complex=True),
        "violated",
        LATER,
        name="complex is no excuse: replied on the 16th working day",
    ),
    RuleCase(
        COMPLAINT,
        suggestion(SUNDAY),
        "not_applicable",
        LATER,
        name="a suggestion",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


@pytest.mark.parametrize(
    ("rule_id", "record", "due"),
    [
        (SUGGESTION, suggestion(SUNDAY), date(2026, 3, 10)),
        (COMPLEX, suggestion(SUNDAY, is_complex=True), date(2026, 3, 20)),
        (SUGGESTION, suggestion(NATIONAL_DAY_EVE), date(2026, 10, 15)),
        (COMPLEX, suggestion(NATIONAL_DAY_EVE, is_complex=True), date(2026, 10, 27)),
        (COMPLAINT, complaint(BEFORE_MAKEUP_SUNDAY), date(2026, 10, 15)),
    ],
    ids=["7wd-sunday", "15wd-sunday", "7wd-national-day", "15wd-national-day", "15wd-makeup"],
)
def test_due_day(rule_id: str, record: dict[str, Any], due: date) -> None:
    received = record["history"][0]["at"]
    finding = run_case(RuleCase(rule_id, record, "pending", received))
    assert finding.due_at is not None and finding.due_at.date() == due
