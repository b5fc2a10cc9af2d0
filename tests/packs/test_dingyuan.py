"""Cases for the dingyuan pack (《定远县全面推进基层政务公开标准化规范化工作方案》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import event as ev


def meeting(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A government meeting."""
    return {"kind": "meeting", "meeting_kind": "常务会议", **fields, "history": list(events)}


HOLD = ev("hold", "2026-03-10T09:00")
STREAM = ev("stream_live", "2026-03-10T09:00")

CASES: list[RuleCase] = [
    # L905 凡是涉及群众、企业等可公开的会议均应用此系统进行公开
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, STREAM, major_livelihood=True),
        "satisfied",
        as_of="2026-03-10T12:00",
        name="livelihood meeting opened to towns and villages",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, STREAM, public_interest=True),
        "satisfied",
        as_of="2026-03-10T12:00",
        name="enterprise policy meeting opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, major_livelihood=True),
        "violated",
        as_of="2026-03-10T12:00",
        name="livelihood meeting not opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, public_interest=True),
        "violated",
        as_of="2026-03-10T12:00",
        name="public-interest meeting not opened",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD, major_livelihood=True, involves_secrets=True),
        "not_applicable",
        as_of="2026-03-10T12:00",
        name="not disclosable",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(HOLD),
        "not_applicable",
        as_of="2026-03-10T12:00",
        name="internal meeting",
    ),
    RuleCase(
        "dingyuan.meeting.video_system_disclosure",
        meeting(ev("approve_plan", "2026-03-05T09:00"), HOLD, major_livelihood=True),
        "not_applicable",
        as_of="2026-03-09T00:00",
        name="meeting after as_of is ignored",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("dingyuan")
    assert pack.chain == ("dingyuan", "national")
    assert pack.has_rule("national.incident.other_response_48h")
