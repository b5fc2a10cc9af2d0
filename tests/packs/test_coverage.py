"""Every rule of every bundled pack has a source and at least one violating and one satisfying case.

Each ``tests/packs/test_<pack>.py`` module defines ``CASES: list[RuleCase]``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import tests.packs
from gongkai.rules.pack import available_packs, load_pack
from gongkai.testing import RuleCase, coverage_gaps


def _all_cases() -> list[RuleCase]:
    cases: list[RuleCase] = []
    for info in pkgutil.iter_modules(tests.packs.__path__):
        module = importlib.import_module(f"tests.packs.{info.name}")
        cases.extend(getattr(module, "CASES", []))
    return cases


@pytest.mark.parametrize("name", available_packs())
def test_every_rule_has_passing_and_failing_cases(name: str) -> None:
    assert coverage_gaps(load_pack(name), _all_cases()) == []


@pytest.mark.parametrize("name", available_packs())
def test_every_rule_cites_a_source(name: str) -> None:
    for rule in load_pack(name).rules:
        source = rule.spec.source
        assert source.document.strip() and source.quote.strip(), rule.id


_LOCATOR = re.compile(r"seed\s*\d|\bL\d+")


@pytest.mark.parametrize("name", available_packs())
def test_clauses_carry_no_seed_locator(name: str) -> None:
    """A clause is what a clerk copies onto a 依据 line: the text's numbering, not a file line."""
    for rule in load_pack(name).rules:
        source = rule.spec.source
        assert not _LOCATOR.search(source.clause or ""), (rule.id, source.clause)
        assert source.locator is None or re.fullmatch(r"seed \d{3} L\d+", source.locator), rule.id
