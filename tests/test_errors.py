"""split_bilingual undoes the ``zh（en）`` join of gongkai's messages, and only that."""

from __future__ import annotations

import pytest

from gongkai.errors import RecordError, split_bilingual


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (str(RecordError("记录无效（可用：a）", "invalid (known: a)")),
         ("记录无效（可用：a）", "invalid (known: a)")),
        ("Value error, 须按时间顺序（must be in order）", ("须按时间顺序", "must be in order")),
        ("只有中文（可用：a、b）", ("只有中文（可用：a、b）",) * 2),
        ("Field required", ("Field required",) * 2),
        ("（only parentheses）", ("（only parentheses）",) * 2),
    ],
)  # fmt: skip
def test_split_bilingual(message: str, expected: tuple[str, str]) -> None:
    assert split_bilingual(message) == expected
