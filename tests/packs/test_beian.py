"""Cases for the beian pack (seed 003 L989–1025): the 回应关切 template it shares with fuyang."""

from __future__ import annotations

import pytest

from gongkai.testing import RuleCase, run_case
from tests.packs.test_fuyang import template_cases

CASES = template_cases("beian")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_rule(case: RuleCase) -> None:
    run_case(case)
