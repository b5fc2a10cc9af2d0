"""中卫市 pack (seed 001): the closed set of four labels and their setting at drafting."""

from __future__ import annotations

import pytest

from gongkai.testing import RuleCase, run_case
from gongkai.testing.records import document as doc
from gongkai.testing.records import event as ev

SET = ev("set_attribute", "2020-08-10T09:00")
SUBMIT = ev("submit", "2020-08-12T09:00")
AS_OF = "2020-08-14T12:00"

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
