"""Cases for the chuzhou pack (seed 003 L1031–1121)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

PUBLIC = {"disclosure_marking": "此件主动公开"}
PASSED = {"result": "通过", "at": "2026-03-01T09:00"}
LATER = "2026-12-01T00:00"
OFFICE_CONTACTS = ["机构名称", "办公地址", "办公时间", "电话", "传真", "电子信箱"]


def dept(**fields: Any) -> dict[str, Any]:
    """A city department (市政府部门)."""
    return agency(name="滁州市财政局", level="政府部门", **fields)


def gov(**fields: Any) -> dict[str, Any]:
    return agency(name="滁州市人民政府", level="人民政府", **fields)


CASES: list[RuleCase] = [
    # 第六条: 20 working days from 形成 (签发). Signed 2026-09-30, the day before
    # National Day (10-01..07, make-up Saturday 10-10): due 2026-11-03.
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), ev("publish", "2026-11-03T16:00"), **PUBLIC),
        "satisfied",
        LATER,
        name="published on the last working day",
    ),
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), ev("publish", "2026-11-04T09:00"), **PUBLIC),
        "violated",
        LATER,
        name="published a day late",
    ),
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), **PUBLIC),
        "overdue",
        "2026-11-04T08:00",
        name="not published",
    ),
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-09-30T10:00"), **PUBLIC),
        "pending",
        "2026-11-03T20:00",
        name="still within the period",
    ),
    # Spring Festival 2026 (02-15..23, make-up Saturdays 02-14 and 02-28): due 03-16.
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-02-10T10:00"), ev("publish", "2026-03-16T17:00"), **PUBLIC),
        "satisfied",
        LATER,
        name="across the Spring Festival",
    ),
    RuleCase(
        "chuzhou.document.proactive_20wd",
        doc(ev("sign", "2026-02-10T10:00"), ev("publish", "2026-03-17T09:00"), **PUBLIC),
        "violated",
        LATER,
        name="a day late after the Spring Festival",
    ),
    # 第十条: secrecy review and content ban
    RuleCase(
        "chuzhou.document.secrecy_review",
        doc(ev("publish", "2026-03-02T09:00"), **PUBLIC),
        "violated",
        LATER,
        name="no review",
    ),
    RuleCase(
        "chuzhou.document.secrecy_review",
        doc(
            ev("publish", "2026-03-02T09:00"), secrecy_level="秘密", secrecy_review=PASSED, **PUBLIC
        ),
        "violated",
        LATER,
        name="classified document published",
    ),
    RuleCase(
        "chuzhou.document.secrecy_review",
        doc(
            ev("publish", "2026-03-02T09:00"),
            nondisclosure_ground="商业秘密个人隐私",
            secrecy_review=PASSED,
            **PUBLIC,
        ),
        "violated",
        LATER,
        name="personal privacy published in full",
    ),
    RuleCase(
        "chuzhou.document.secrecy_review",
        doc(
            ev("publish", "2026-03-02T09:00"),
            disclosure="删减后公开",
            nondisclosure_ground="商业秘密个人隐私",
            secrecy_review=PASSED,
        ),
        "satisfied",
        LATER,
        name="privacy removed before publication",
    ),
    RuleCase(
        "chuzhou.document.secrecy_review",
        doc(ev("publish", "2026-03-02T09:00"), secrecy_review=PASSED, **PUBLIC),
        "satisfied",
        LATER,
        name="reviewed and clean",
    ),
    # 第五条（二）: regulations and normative documents are key proactive content
    RuleCase(
        "chuzhou.document.normative_key",
        doc(is_normative=True, disclosure="依申请公开"),
        "violated",
        LATER,
        name="normative document on request",
    ),
    RuleCase(
        "chuzhou.document.normative_key",
        doc(is_regulation=True, disclosure="不公开"),
        "violated",
        LATER,
        name="regulation not public",
    ),
    RuleCase(
        "chuzhou.document.normative_key",
        doc(is_normative=True, **PUBLIC),
        "satisfied",
        LATER,
        name="normative document public",
    ),
    # 第三条: the disclosure office's contacts
    RuleCase(
        "chuzhou.obligation.contact",
        gov(published_contacts=OFFICE_CONTACTS),
        "satisfied",
        LATER,
        name="all six published",
    ),
    RuleCase(
        "chuzhou.obligation.contact",
        gov(published_contacts=[c for c in OFFICE_CONTACTS if c != "传真"]),
        "violated",
        LATER,
        name="no fax",
    ),
    RuleCase(
        "chuzhou.obligation.contact",
        gov(),
        "not_applicable",
        LATER,
        name="contacts not stated",
    ),
    # 第九条: city departments publish 受理、监督电话
    RuleCase(
        "chuzhou.obligation.contact_dept",
        dept(published_contacts=[*OFFICE_CONTACTS, "受理电话", "监督电话"]),
        "satisfied",
        LATER,
        name="both numbers",
    ),
    RuleCase(
        "chuzhou.obligation.contact_dept",
        dept(published_contacts=[*OFFICE_CONTACTS, "受理电话"]),
        "violated",
        LATER,
        name="no 监督电话",
    ),
    RuleCase(
        "chuzhou.obligation.contact_dept",
        gov(published_contacts=OFFICE_CONTACTS),
        "not_applicable",
        LATER,
        name="a government is not judged",
    ),
    # 第七条: departments publish the 政府信息公开目录
    RuleCase(
        "chuzhou.obligation.catalogue",
        dept(website_columns=["政府信息公开指南", "政府信息公开目录"]),
        "satisfied",
        LATER,
        name="catalogue on the site",
    ),
    RuleCase(
        "chuzhou.obligation.catalogue",
        dept(website_columns=["政府信息公开指南"]),
        "violated",
        LATER,
        name="no catalogue",
    ),
    RuleCase(
        "chuzhou.obligation.catalogue",
        dept(),
        "not_applicable",
        LATER,
        name="columns not stated",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_proactive_due_date_matches_national() -> None:
    record = doc(ev("sign", "2026-09-30T10:00"), **PUBLIC)
    city = run_case(
        RuleCase("chuzhou.document.proactive_20wd", record, "overdue", "2026-11-04T08:00")
    )
    national = run_case(
        RuleCase("national.document.proactive_20wd", record, "overdue", "2026-11-04T08:00")
    )
    assert city.due_at is not None
    assert city.due_at.date() == date(2026, 11, 3)
    assert city.due_at == national.due_at
    assert city.source.clause == "第六条"
    # the city's rule overrides the national one: one late publication, one finding
    assert not load_pack("chuzhou").has_rule("national.document.proactive_20wd")
