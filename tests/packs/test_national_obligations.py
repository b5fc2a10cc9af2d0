"""Cases for the national agency obligations: the disclosure annual reports.

条例 (2019) 第四十九条: departments publish by 31 January, governments by 31 March;
条例 (2007) 第三十一条: every agency by 31 March. ``since`` is the first day of the judged
year, so the rule's first finding is that year's period.
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case

DEPT = "national.obligation.annual_report_dept"
GOV = "national.obligation.annual_report_gov"
OLD = "national.obligation.annual_report_2007"


def agency(since: str, *published: str, **fields: Any) -> dict[str, Any]:
    """An agency record judged from ``since``, with its annual reports' publication instants."""
    history = [{"name": "annual_report_published", "at": at} for at in published]
    return {"kind": "agency", "id": "a-1", "since": since, **fields, "history": history}


def dept(since: str, *published: str) -> dict[str, Any]:
    return agency(since, *published, level="政府部门", name="某市司法局")


def gov(since: str, *published: str) -> dict[str, Any]:
    return agency(since, *published, level="人民政府", name="某市人民政府")


CASES: list[RuleCase] = [
    # 政府部门：每年1月31日前
    RuleCase(DEPT, dept("2026-01-01"), "violated", "2026-02-01T00:00", name="none by 01-31"),
    RuleCase(
        DEPT, dept("2026-01-01", "2026-02-03T10:00"), "violated", "2026-03-01T00:00", name="late"
    ),
    RuleCase(
        DEPT, dept("2026-01-01", "2026-01-31T18:00"), "satisfied", "2026-02-01", name="last day"
    ),
    RuleCase(DEPT, dept("2026-01-01"), "pending", "2026-01-31T23:00", name="still due"),
    RuleCase(
        DEPT, gov("2026-01-01"), "not_applicable", "2026-06-01", name="a government is not judged"
    ),
    # a department's report by 01-31 does not satisfy a government's 03-31 duty, and vice versa
    RuleCase(GOV, gov("2025-01-01"), "violated", "2025-04-01T00:00", name="none by 03-31"),
    RuleCase(
        GOV, gov("2025-01-01", "2025-03-28T09:00"), "satisfied", "2025-04-01", name="by 03-31"
    ),
    RuleCase(GOV, gov("2025-01-01"), "pending", "2025-03-31T12:00", name="still due"),
    RuleCase(
        GOV, dept("2025-01-01"), "not_applicable", "2025-06-01", name="a department is not judged"
    ),
    # 2007 text: every agency by 03-31, in force 2008-05-01 .. 2019-05-14
    RuleCase(OLD, agency("2015-01-01"), "violated", "2015-04-01T00:00", name="none by 03-31"),
    RuleCase(
        OLD, agency("2015-01-01", "2015-03-31T17:00"), "satisfied", "2015-04-01", name="by 03-31"
    ),
    RuleCase(
        OLD,
        agency("2019-01-01", "2019-04-02T09:00"),
        "violated",
        "2019-05-01",
        name="late in its last year",
    ),
]


def test_new_text_judges_no_year_due_before_it_took_effect() -> None:
    """2019-05-15: the 2019 reports (due 01-31 / 03-31) fall under the 2007 text only."""
    pack = load_pack("national")
    report = pack.check(load_record(dept("2019-01-01")), "2020-06-01")
    dept_periods = [f.period for f in report.findings if f.rule_id == DEPT]
    old_periods = [f.period for f in report.findings if f.rule_id == OLD]
    assert dept_periods == ["2020"]
    assert old_periods == ["2019"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_case(case: RuleCase) -> None:
    run_case(case)
