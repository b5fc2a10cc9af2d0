"""The reader on real published 公文 (web pages, PDF conversions): each field, and the overall rate."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.text import extract
from tests.text.corpus import CASES, KNOWN_MISSES
from tests.text.test_reader import EXPECTED, FIXTURES

FIELDS = ("doc_number", "title", "issuer", "issue_date", "disclosure_marking", "joint_issuers")
#: What the issue measures: the 发文字号, the 成文日期 and the 公开属性 marking.
MEASURED = ("doc_number", "issue_date", "disclosure_marking")


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_document(name: str) -> None:
    case = CASES[name]
    doc = extract(case.text(name)).document
    for field in FIELDS:
        got, want = getattr(doc, field), getattr(case, field)
        if (name, field) in KNOWN_MISSES:
            assert got != want, f"{field} is now read right: drop it from KNOWN_MISSES"
        else:
            assert got == want, field


@pytest.mark.parametrize("name", sorted(KNOWN_MISSES, key=str), ids=str)
def test_known_misses_are_noted_not_guessed(name: tuple[str, str]) -> None:
    text, field = name
    doc = extract(CASES[text].text(text)).document
    got = getattr(doc, field)
    assert got is None or any("网页" in note for note in doc.notes)


def _truths() -> list[tuple[str, dict[str, Any], str]]:
    """(name, true fields, text) for the old fixtures and the corpus."""
    old = [
        (name, fields, (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
        for name, (fields, _) in EXPECTED.items()
    ]
    new = [(name, vars(case), case.text(name)) for name, case in CASES.items()]
    return old + new


def test_at_least_95_percent_of_numbers_dates_markings() -> None:
    right = total = 0
    for _, fields, text in _truths():
        doc = extract(text).document
        for field in MEASURED:
            total += 1
            right += getattr(doc, field) == fields.get(field)
    assert total >= 3 * 33
    assert right / total >= 0.95, f"{right}/{total}"
