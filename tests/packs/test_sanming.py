"""Cases for the sanming pack (三明市人民政府办公室《关于全面推进政务公开标准化规范化工作的通知》)."""

from __future__ import annotations

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc

DRAFT = {"name": "draft", "at": "2026-03-02T09:00"}
SUBMIT = {"name": "submit", "at": "2026-03-04T09:00"}

CASES: list[RuleCase] = [
    # L589 要明确主动公开、依申请公开、不予公开等属性,随公文一并报批,拟不公开的,要依法依规说明理由
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT),
        "violated",
        as_of="2026-03-05T00:00",
        name="submitted without attribute",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT, disclosure_marking="不予公开"),
        "violated",
        as_of="2026-03-05T00:00",
        name="不予公开 without reason",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT, disclosure="不公开", nondisclosure_ground="内部事务信息"),
        "violated",
        as_of="2026-03-05T00:00",
        name="ground without reason",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT, disclosure_marking="主动公开"),
        "satisfied",
        as_of="2026-03-05T00:00",
        name="主动公开",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT, disclosure_marking="依申请公开"),
        "satisfied",
        as_of="2026-03-05T00:00",
        name="依申请公开",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(
            DRAFT,
            SUBMIT,
            disclosure="不公开",
            nondisclosure_reason="人事管理内部事项",
            nondisclosure_ground="内部事务信息",
        ),
        "satisfied",
        as_of="2026-03-05T00:00",
        name="不予公开 with reason and ground",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT),
        "not_applicable",
        as_of="2026-03-05T00:00",
        name="not submitted",
    ),
    RuleCase(
        "sanming.document.attr_required",
        doc(DRAFT, SUBMIT),
        "not_applicable",
        as_of="2026-03-03T00:00",
        name="submit after as_of is ignored",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("sanming")
    assert pack.chain == ("sanming", "national")
    assert pack.has_rule("national.document.nonpublic_reason")


def test_guard_blocks_submit() -> None:
    finding = run_case(CASES[0])
    assert finding.blocks == ("submit",) and "disclosure" in finding.message
