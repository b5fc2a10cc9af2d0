"""Cases for the land_expropriation pack (自然资源部办公厅《农村集体土地征收基层政务公开标准指引》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev


def inc(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A 征地 政务舆情."""
    return {"kind": "incident", **fields, "history": list(events)}


DRAFT = ev("draft", "2026-03-02T09:00")
SUBMIT = ev("submit", "2026-03-05T09:00")
REASON = {
    "nondisclosure_reason": "涉及被征地农户个人信息",
    "nondisclosure_ground": "商业秘密个人隐私",
}
DETECT = ev("detect", "2026-03-10T08:00")

CASES: list[RuleCase] = [
    # L65 应当明确公文公开方式(主动公开、依申请公开、不公开),对于不公开的,应依法依规说明理由
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT),
        "violated",
        as_of="2026-03-06T00:00",
        name="submitted without a mode",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT, disclosure_marking="不公开"),
        "violated",
        as_of="2026-03-06T00:00",
        name="不公开 without a reason",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT, disclosure="不公开", nondisclosure_reason="不宜公开"),
        "violated",
        as_of="2026-03-06T00:00",
        name="不公开 reason without legal ground",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT, disclosure_marking="主动公开"),
        "satisfied",
        as_of="2026-03-06T00:00",
        name="主动公开",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT, disclosure_marking="依申请公开"),
        "satisfied",
        as_of="2026-03-06T00:00",
        name="依申请公开",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT, disclosure="不公开", **REASON),
        "satisfied",
        as_of="2026-03-06T00:00",
        name="不公开 with reason and ground",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT),
        "not_applicable",
        as_of="2026-03-06T00:00",
        name="still being drafted",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(DRAFT, SUBMIT),
        "not_applicable",
        as_of="2026-03-04T00:00",
        name="submit after as_of is ignored",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(ev("draft", "2019-07-22T09:00"), ev("submit", "2019-08-02T09:00")),
        "not_applicable",
        as_of="2019-08-05T00:00",
        name="drafted before 2019-08-01",
    ),
    RuleCase(
        "land_expropriation.document.mode_required",
        doc(ev("draft", "2019-08-01T09:00"), ev("submit", "2019-08-02T09:00")),
        "violated",
        as_of="2019-08-05T00:00",
        name="drafted on the first day in force",
    ),
    # L79 “收集、认领、研判、处置、回应”处理流程
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(
            DETECT,
            ev("assess", "2026-03-10T09:00", level="一般"),
            ev("respond", "2026-03-10T15:00"),
        ),
        "satisfied",
        as_of="2026-03-11T00:00",
        name="assessed, then responded",
    ),
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(
            DETECT,
            ev("assess", "2026-03-10T09:00"),
            ev("release_information", "2026-03-10T11:00"),
            ev("hold_press_conference", "2026-03-11T10:00"),
        ),
        "satisfied",
        as_of="2026-03-12T00:00",
        name="assessed before every response",
    ),
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(DETECT, ev("respond", "2026-03-10T15:00")),
        "violated",
        as_of="2026-03-11T00:00",
        name="responded without assessment",
    ),
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(
            DETECT, ev("release_information", "2026-03-10T10:00"), ev("assess", "2026-03-10T11:00")
        ),
        "violated",
        as_of="2026-03-11T00:00",
        name="released before assessment",
    ),
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(DETECT, ev("assess", "2026-03-10T09:00")),
        "not_applicable",
        as_of="2026-03-11T00:00",
        name="no response yet",
    ),
    RuleCase(
        "land_expropriation.incident.five_step_flow",
        inc(DETECT, ev("respond", "2026-03-10T15:00")),
        "not_applicable",
        as_of="2026-03-10T12:00",
        name="response after as_of is ignored",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("land_expropriation")
    assert pack.chain == ("land_expropriation", "national")
    assert pack.has_rule("national.incident.other_response_48h")
    # the land standard states the attribute duties itself: overridden and disabled, one finding
    assert not pack.has_rule("national.document.attribute_required")
    assert not pack.has_rule("national.document.nonpublic_reason")


def test_message_names_the_fault() -> None:
    finding = run_case(CASES[1])
    assert "公开方式" in finding.message and "nondisclosure_reason" in finding.message
