"""matches() patterns: the shapes that backtrack badly are refused at load (issue 16), and
every pattern the guard accepts runs in bounded time on adversarial input."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.errors import RuleDefinitionError
from gongkai.models import Document
from gongkai.rules.expression import compile_expression
from gongkai.rules.regexes import regex_problem
from gongkai.rules.types import schema_of


@pytest.mark.parametrize(
    "pattern",
    [
        "(a|a)*$",  # issue 16: a 35-character title ran over 13 minutes
        "(a|ab)+c",
        "(a|aa)*b",
        "a*a*$",  # 2,000 characters: 10 s
        ".*a.*a$",
        r"\d+\d+x",
        r"a*\Ba*$",
        "(?i)a*A*$",
        "(ab)*(ab)*$",
        "x(?=(a|a)*)",
        "(.*a){20}$",  # review: a fixed count unrolls to .*a.*a…; 26 characters ran over 5 s
        r"(?:\d+x?){3}$",
    ],
)
def test_backtracking_pattern_refused_at_load(pattern: str) -> None:
    started = time.monotonic()
    with pytest.raises(RuleDefinitionError, match="backtrack"):
        compile_expression(f"matches(title, {pattern!r})", schema_of(Document))
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    "pattern",
    [
        "^[ 　（(]*此件(公开发布|依申请公开|删减后公开|不公开)[ 　）)]*$",  # national pack
        "^关于.*通知$",
        "未划转|没有划转|未予划转",
        "(a|b)+c",
        "a*b*c",
        r"(?:国发|国办发)〔\d{4}〕\d+号",
        r"(\d+-){2}\d+",
        r"(\d{4}){2}",
    ],
)
def test_plain_pattern_accepted(pattern: str) -> None:
    assert regex_problem(pattern) is None


_TOKENS = [
    "a",
    "b",
    ".",
    r"\d",
    "[ab]",
    "[^b]",
    "*",
    "+",
    "?",
    "{1,3}",
    "{2}",
    "(",
    ")",
    "|",
    "$",
    "^",
]


@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=10).map("".join))
def test_accepted_patterns_run_in_bounded_time(pattern: str) -> None:
    if regex_problem(pattern) is not None:
        return
    try:
        search = re.compile(pattern).search
    except re.error:
        return
    for subject in ("a" * 2_000 + "!", "ab" * 1_000 + "!", "1" * 2_000 + "!"):
        started = time.monotonic()
        search(subject)
        assert time.monotonic() - started < 2, pattern
