"""中卫市 pack (seed 001): the closed set of four labels and their setting at drafting."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.models import load_record
from gongkai.rules.pack import load_pack
from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import agency
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SET = ev("set_attribute", "2020-08-10T09:00")
SUBMIT = ev("submit", "2020-08-12T09:00")
AS_OF = "2020-08-14T12:00"
NEW_YEAR = "2021-01-01T00:00"  # the 2020 period is over
COLUMNS = ["重点领域", "政策解读", "回应关切", "双随机一公开", "建议提案办理", "会议开放"]


def dept(*events: dict[str, Any], since: str = "2020-01-01", **fields: Any) -> dict[str, Any]:
    """A city department judged from ``since`` (by default 2020 is the first period)."""
    return agency(*events, name="中卫市财政局", level="政府部门", since=since, **fields)


def trained(*days: str) -> list[dict[str, Any]]:
    """Trainings held on these days of 2020 (MM-DD)."""
    return [ev("training_held", f"2020-{day}T15:00") for day in days]


CASES: list[RuleCase] = [
    # ---- the four labels, 不得另行创新 (L25)
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="(此件公开发布)"),
             "satisfied", as_of=AS_OF, name="half-width parentheses, as on the notice itself (L6)"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="（此件删减后公开）"),
             "satisfied", as_of=AS_OF, name="full-width parentheses"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="此件依申请公开"),
             "satisfied", as_of=AS_OF, name="bare label"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking=" （ 此件不公开 ） "),
             "satisfied", as_of=AS_OF, name="spaces around"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="（此件主动公开）"),
             "violated", as_of=AS_OF, name="此件主动公开 is an invented label"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="主动公开"),
             "violated", as_of=AS_OF, name="主动公开 lacks 此件"),
    RuleCase("zhongwei.document.label_closed_set", doc(SET, SUBMIT, disclosure_marking="此件不予公开"),
             "violated", as_of=AS_OF, name="不予公开 is not the fixed wording"),
    RuleCase("zhongwei.document.label_closed_set",
             doc(SET, SUBMIT, disclosure_marking="（此件公开发布，附件不公开）"),
             "violated", as_of=AS_OF, name="extra words"),
    RuleCase("zhongwei.document.label_closed_set", doc(SUBMIT, disclosure="公开发布"),
             "violated", as_of=AS_OF, name="submitted with no marking"),
    RuleCase("zhongwei.document.label_closed_set", doc(), "not_applicable",
             as_of=AS_OF, name="a blank draft"),
    # ---- set while drafting, before submission (L25)
    RuleCase("zhongwei.document.label_lifecycle", doc(SET, SUBMIT, disclosure_marking="此件公开发布"),
             "satisfied", as_of=AS_OF, name="set before submission"),
    RuleCase("zhongwei.document.label_lifecycle",
             doc(SUBMIT, ev("set_attribute", "2020-08-13T09:00"), disclosure_marking="此件公开发布"),
             "violated", as_of=AS_OF, name="set only after submission"),
    RuleCase("zhongwei.document.label_lifecycle", doc(SUBMIT, disclosure_marking="此件公开发布"),
             "violated", as_of=AS_OF, name="never set while drafting"),
    # ---- departments: at least 2 trainings a year (L26)
    RuleCase("zhongwei.obligation.training", dept(*trained("05-20")), "violated",
             as_of=NEW_YEAR, name="only one training"),
    RuleCase("zhongwei.obligation.training", dept(*trained("05-20", "12-31")), "satisfied",
             as_of=NEW_YEAR, name="second training on 12-31"),
    RuleCase("zhongwei.obligation.training", dept(*trained("05-20")), "pending",
             as_of="2020-12-31T20:00", name="second training still possible on 12-31"),
    RuleCase("zhongwei.obligation.training",
             agency(*trained("05-20"), name="中宁县人民政府", level="人民政府", since="2020-01-01"),
             "not_applicable", as_of=NEW_YEAR, name="a county government has no count"),
    # ---- one official named and filed, shown in the website's 领导分工 (L29)
    RuleCase("zhongwei.obligation.lead_official", dept(website_columns=COLUMNS), "violated",
             as_of=AS_OF, name="no official named"),
    RuleCase("zhongwei.obligation.lead_official",
             dept(website_columns=COLUMNS, lead_official="某副局长"), "satisfied",
             as_of=AS_OF, name="official named"),
    RuleCase("zhongwei.obligation.lead_official", dept(*trained("05-20")), "not_applicable",
             as_of=AS_OF, name="record sent for yearly duties only"),
    # ---- the six website columns (L27, soft)
    RuleCase("zhongwei.obligation.columns", dept(website_columns=COLUMNS[:-1]), "violated",
             as_of=AS_OF, name="no 会议开放 column"),
    RuleCase("zhongwei.obligation.columns", dept(website_columns=[*COLUMNS, "预决算公开"]),
             "satisfied", as_of=AS_OF, name="all six columns"),
    RuleCase("zhongwei.obligation.columns", dept(), "not_applicable",
             as_of=AS_OF, name="columns not listed"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)


def test_invented_label_message() -> None:
    case = next(c for c in CASES if c.name == "此件主动公开 is an invented label")
    finding = run_case(case)
    assert "不得另行创新" in finding.message
    assert finding.evidence == {"disclosure_marking": "（此件主动公开）"}
    assert finding.blocks == ("submit", "sign", "publish")


def test_training_periods_start_with_the_notice() -> None:
    """Issued 2020-08-14 for the year 2020: 2019 and 2021 are not judged, 2020 is judged whole."""
    report = load_pack("zhongwei").check(
        load_record(dept(*trained("03-02", "09-01"), since="2019-01-01")), "2021-06-30T00:00"
    )
    found = [f for f in report.findings if f.rule_id == "zhongwei.obligation.training"]
    assert [(f.period, f.status.value) for f in found] == [("2020", "satisfied")]


def test_columns_are_a_warning_naming_the_columns() -> None:
    finding = run_case(next(c for c in CASES if c.name == "no 会议开放 column"))
    assert finding.severity.value == "warning"
    assert "会议开放" in finding.message
