"""Cases for the sanming pack (三明市人民政府办公室《关于全面推进政务公开标准化规范化工作的通知》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

DRAFT = {"name": "draft", "at": "2026-03-02T09:00"}
SUBMIT = {"name": "submit", "at": "2026-03-04T09:00"}
COLUMNS = ["公开专栏", "互动交流入口", "在线办事入口"]


def county(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A county government judged from 2020-01-01."""
    return agency(*events, level="人民政府", name="沙县人民政府", since="2020-01-01", **fields)


def dept(*events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return agency(*events, level="政府部门", name="三明市民政局", since="2020-01-01", **fields)


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
    # L553 2020年10月底前编制完成本级政务公开事项标准目录
    RuleCase(
        "sanming.obligation.catalogue_compile",
        county(),
        "violated",
        "2020-11-01T00:00",
        name="no catalogue by 10-31",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        county(ev("catalogue_compiled", "2020-10-30T17:00")),
        "satisfied",
        "2020-11-01T00:00",
        name="compiled on 10-30",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        county(),
        "pending",
        "2020-10-15T00:00",
        name="still due",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        dept(),
        "not_applicable",
        "2020-11-01T00:00",
        name="a city department",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        agency(level="人民政府", name="三明市人民政府", since="2020-01-01"),
        "not_applicable",
        "2020-11-01T00:00",
        name="the city government set the date",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        agency(level="人民政府", name="三明市政府", division_code="350400", since="2020-01-01"),
        "not_applicable",
        "2020-11-01T00:00",
        name="the city government by division code, named 三明市政府",
    ),
    RuleCase(
        "sanming.obligation.catalogue_compile",
        county(division_code=None),
        "violated",
        "2020-11-01T00:00",
        name="a county government without a code is judged",
    ),
    # L553 2020年11月15日前在县级政府网站公开 (11-15 is a Sunday; the day itself counts)
    RuleCase(
        "sanming.obligation.catalogue_publish",
        county(ev("catalogue_published", "2020-11-16T09:00")),
        "violated",
        "2020-11-20T00:00",
        name="published on Monday 11-16, late",
    ),
    RuleCase(
        "sanming.obligation.catalogue_publish",
        county(ev("catalogue_published", "2020-11-15T10:00")),
        "satisfied",
        "2020-11-20T00:00",
        name="published on 11-15",
    ),
    RuleCase(
        "sanming.obligation.catalogue_publish",
        dept(),
        "not_applicable",
        "2020-11-20T00:00",
        name="a city department",
    ),
    # L553 2022年上半年完成本级政务公开事项标准目录调整完善工作
    RuleCase(
        "sanming.obligation.catalogue_revise",
        county(ev("catalogue_compiled", "2020-10-30T17:00")),
        "violated",
        "2022-07-01T00:00",
        name="compiled in 2020, never revised",
    ),
    RuleCase(
        "sanming.obligation.catalogue_revise",
        county(ev("catalogue_revised", "2022-06-30T15:00")),
        "satisfied",
        "2022-07-01T00:00",
        name="revised on 06-30",
    ),
    RuleCase(
        "sanming.obligation.catalogue_revise",
        county(),
        "pending",
        "2022-05-01T00:00",
        name="first half-year not over",
    ),
    # L571 核查名单2020年8月15前报市政府办(市数政中心)备案 (08-15 is a Saturday; not moved)
    RuleCase(
        "sanming.obligation.new_media",
        dept(),
        "violated",
        "2020-08-16T00:00",
        name="no list filed by 08-15",
    ),
    RuleCase(
        "sanming.obligation.new_media",
        dept(ev("new_media_list_filed", "2020-08-14T16:00")),
        "satisfied",
        "2020-08-16T00:00",
        name="list filed on Friday 08-14",
    ),
    RuleCase(
        "sanming.obligation.new_media",
        dept(),
        "pending",
        "2020-08-01T00:00",
        name="list still due",
    ),
    # L567 政府网站开设规范的公开专栏,设置统一的互动交流入口和在线办事入口
    RuleCase(
        "sanming.obligation.columns",
        county(website_columns=COLUMNS),
        "satisfied",
        "2026-03-01T00:00",
        name="column and both entries",
    ),
    RuleCase(
        "sanming.obligation.columns",
        county(website_columns=["公开专栏", "互动交流入口"]),
        "violated",
        "2026-03-01T00:00",
        name="no online service entry",
    ),
    RuleCase(
        "sanming.obligation.columns",
        county(),
        "not_applicable",
        "2026-03-01T00:00",
        name="website not described",
    ),
    # L589 每年对本单位不予公开的信息以及依申请公开较为集中的信息进行全面自查
    RuleCase(
        "sanming.obligation.self_check",
        agency(level="政府部门", since="2025-01-01"),
        "violated",
        "2026-01-01T00:00",
        name="no self-check in 2025",
    ),
    RuleCase(
        "sanming.obligation.self_check",
        agency(ev("self_check_done", "2025-12-31T10:00"), level="政府部门", since="2025-01-01"),
        "satisfied",
        "2026-01-01T00:00",
        name="self-check on 12-31",
    ),
    RuleCase(
        "sanming.obligation.self_check",
        agency(level="政府部门"),
        "pending",
        "2026-06-01T00:00",
        name="2026 not over",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("sanming")
    assert pack.chain == ("sanming", "national")
    assert pack.has_rule("national.document.secrecy_review")
    # the notice repeats 80号 一（一）: its rule replaces both national attribute rules
    assert not pack.has_rule("national.document.attribute_required")
    assert not pack.has_rule("national.document.nonpublic_reason")


def test_guard_blocks_submit() -> None:
    finding = run_case(CASES[0])
    assert finding.blocks == ("submit",) and "disclosure" in finding.message
