"""The justice_ministry pack: 公共法律服务领域 runs on the national rules, plus one agency duty.

The 标准指引 (seed 003 L523) tells the offices to work “按照…国办发〔2016〕80号规定”; the first cases show
that the national rules run unchanged under this pack. Its own rule is the standard due by 2020-12-31 (L509).
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import event as ev

SUBMIT = ev("submit", "2026-03-02T09:00")
DETECT = ev("detect", "2026-03-10T22:00")
MAJOR = {"kind": "incident", "is_emergency": True, "level": "重大"}
STANDARD = "justice_ministry.obligation.standard"


def county_bureau(*events: dict[str, Any]) -> dict[str, Any]:
    return agency(*events, level="政府部门", name="某县司法局", since="2020-01-01")


CASES: list[RuleCase] = [
    RuleCase(
        "national.document.attribute_required",
        {"kind": "document", "history": [SUBMIT]},
        "violated",
        as_of="2026-03-03T00:00",
        pack="justice_ministry",
        name="公开属性源头管理: no attribute",
    ),
    RuleCase(
        "national.document.attribute_required",
        {"kind": "document", "disclosure_marking": "主动公开", "history": [SUBMIT]},
        "satisfied",
        as_of="2026-03-03T00:00",
        pack="justice_ministry",
        name="公开属性源头管理: attribute set",
    ),
    RuleCase(
        "national.request.reply_20wd",
        {
            "kind": "request",
            "history": [ev("receive", "2026-09-30T10:00"), ev("reply", "2026-11-03T16:00")],
        },
        "satisfied",
        as_of="2026-11-10T00:00",
        pack="justice_ministry",
        name="法律援助 information request in time",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        {**MAJOR, "history": [DETECT]},
        "overdue",
        as_of="2026-03-11T03:30",
        pack="justice_ministry",
        name="回应关切: 5 h clock",
    ),
    RuleCase(
        "national.incident.authoritative_info_5h",
        {**MAJOR, "history": [DETECT, ev("release_information", "2026-03-11T01:00")]},
        "satisfied",
        as_of="2026-03-11T03:30",
        pack="justice_ministry",
        name="回应关切: released in time",
    ),
    # L509 2020年底前…全部制定完成本单位公共法律服务政务公开标准
    RuleCase(STANDARD, county_bureau(), "violated", "2021-01-01T00:00", name="no standard in 2020"),
    RuleCase(
        STANDARD,
        county_bureau(ev("catalogue_compiled", "2020-12-30T16:00")),
        "satisfied",
        "2021-01-01T00:00",
        name="standard drawn up on 12-30",
    ),
    RuleCase(
        STANDARD,
        county_bureau(ev("catalogue_compiled", "2021-01-15T10:00")),
        "violated",
        "2021-02-01T00:00",
        name="drawn up in January 2021, late",
    ),
    RuleCase(STANDARD, county_bureau(), "pending", "2020-12-31T20:00", name="still due on 12-31"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_pack_loads_and_inherits_national() -> None:
    pack = load_pack("justice_ministry")
    national = load_pack("national")
    assert pack.chain == ("justice_ministry", "national")
    own = {r.id for r in pack.rules if r.id.startswith("justice_ministry.")}
    assert own == {STANDARD}
    assert {r.id for r in pack.rules} - own == {r.id for r in national.rules}
