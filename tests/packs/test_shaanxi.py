"""Cases for the shaanxi pack (陕西省人民政府办公厅《关于做好机构改革期间政务公开工作的通知》)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import event as ev
from gongkai.testing.records import request as req

RECEIVE = {"name": "receive", "at": "2026-03-02T10:00"}
REPLY = {"name": "reply", "at": "2026-03-20T10:00"}
CATALOGUE = "shaanxi.obligation.catalogue_province"
AFTER_AUGUST = "2019-09-01T00:00"


def province_dept(*events: dict[str, Any]) -> dict[str, Any]:
    return agency(*events, level="政府部门", name="陕西省民政厅", since="2019-01-01")


def coded(code: str, *events: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An agency told apart by ``division_code``; its name is spelled freely."""
    return agency(*events, division_code=code, since="2019-01-01", **fields)


SHAANXI = "610000"
XIAN = "610100"  # 西安市


CASES: list[RuleCase] = [
    # L471 不得以相关政府信息尚未划转为由拒绝
    RuleCase(
        "shaanxi.request.transferee",
        req(
            RECEIVE,
            REPLY,
            reply_type="不予公开",
            withhold_ground="内部事务信息",
            withhold_reason="相关政府信息尚未划转至本机关",
        ),
        "violated",
        as_of="2026-03-21T00:00",
        name="refused: not yet transferred",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(
            RECEIVE,
            REPLY,
            reply_type="信息不存在",
            withhold_reason="机构改革后档案没有划转，本机关未制作或获取该信息",
        ),
        "violated",
        as_of="2026-03-21T00:00",
        name="not exist: records not transferred",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(
            RECEIVE,
            REPLY,
            reply_type="非本机关负责公开",
            right_agency="省自然资源厅",
            withhold_reason="职权已划入，但信息未完成划转",
        ),
        "violated",
        as_of="2026-03-21T00:00",
        name="not ours: transfer unfinished",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(
            RECEIVE,
            REPLY,
            reply_type="不予公开",
            withhold_ground="过程性信息",
            withhold_reason="申请公开的信息为内部讨论记录，属于过程性信息",
        ),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="refused on a lawful ground",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(
            RECEIVE,
            REPLY,
            reply_type="非本机关负责公开",
            right_agency="省自然资源厅",
            withhold_reason="该职权已划转至省自然资源厅，请向其另行提出申请",
        ),
        "satisfied",
        as_of="2026-03-21T00:00",
        name="transferor sends the applicant on",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(RECEIVE, REPLY, reply_type="予以公开"),
        "not_applicable",
        as_of="2026-03-21T00:00",
        name="disclosed",
    ),
    RuleCase(
        "shaanxi.request.transferee",
        req(RECEIVE, REPLY, reply_type="不予公开"),
        "not_applicable",
        as_of="2026-03-21T00:00",
        name="no reason recorded (national withhold_reason)",
    ),
    # L479 2019年8月底前完成本部门主动公开基本目录编制工作 (省级各部门)
    RuleCase(CATALOGUE, province_dept(), "violated", AFTER_AUGUST, name="no catalogue by 08-31"),
    RuleCase(
        CATALOGUE,
        province_dept(ev("catalogue_compiled", "2019-09-05T10:00")),
        "violated",
        "2019-09-10T00:00",
        name="compiled on 09-05, late",
    ),
    # 2019-08-31 is a Saturday: 月底 is the calendar day, the rule does not move it
    RuleCase(
        CATALOGUE,
        province_dept(ev("catalogue_compiled", "2019-08-31T11:00")),
        "satisfied",
        AFTER_AUGUST,
        name="compiled on Saturday 08-31",
    ),
    RuleCase(CATALOGUE, province_dept(), "pending", "2019-08-20T00:00", name="still due"),
    RuleCase(
        CATALOGUE,
        agency(level="政府部门", name="西安市民政局", since="2019-01-01"),
        "not_applicable",
        AFTER_AUGUST,
        name="a city department (2019-10-31, not judged)",
    ),
    RuleCase(
        CATALOGUE,
        agency(level="人民政府", name="陕西省人民政府", since="2019-01-01"),
        "not_applicable",
        AFTER_AUGUST,
        name="the provincial government is not a department",
    ),
    RuleCase(
        CATALOGUE,
        coded(
            SHAANXI, ev("catalogue_compiled", "2019-08-20T10:00"), name="省民政厅", level="政府部门"
        ),
        "satisfied",
        AFTER_AUGUST,
        name="department by division code, named 省民政厅",
    ),
    RuleCase(
        CATALOGUE,
        coded(SHAANXI, name="陕西省政府办公厅", is_general_office=True, level="人民政府"),
        "not_applicable",
        AFTER_AUGUST,
        name="the provincial office by division code is not a department",
    ),
    RuleCase(
        CATALOGUE,
        coded(XIAN, name="市民政局", level="政府部门"),
        "not_applicable",
        AFTER_AUGUST,
        name="a city department by division code (2019-10-31, not judged)",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_extends_national() -> None:
    pack = load_pack("shaanxi")
    assert pack.chain == ("shaanxi", "national")
    assert pack.has_rule("national.request.reply_20wd")


def test_missing_reason_is_caught_by_national() -> None:
    run_case(
        RuleCase(
            "national.request.withhold_reason",
            req(RECEIVE, REPLY, reply_type="不予公开"),
            "violated",
            as_of="2026-03-21T00:00",
            pack="shaanxi",
        )
    )


def test_message_quotes_the_reason() -> None:
    finding = run_case(CASES[0])
    assert "尚未划转" in finding.message and finding.blocks == ("reply",)
