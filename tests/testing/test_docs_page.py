"""docs/testing.md shows the code of examples/testing_adapter.py and the rules breaking()
supports, as they are."""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.testing.strategies import BREAKABLE_RULES

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
EXAMPLE = (ROOT / "examples" / "testing_adapter.py").read_text(encoding="utf-8")


def test_every_python_block_is_code_of_the_example() -> None:
    blocks = re.findall(r"^```python\n(.*?)^```", PAGE, re.DOTALL | re.MULTILINE)
    assert len(blocks) >= 4
    for block in blocks:
        assert block in EXAMPLE, f"not in examples/testing_adapter.py:\n{block}"


def test_the_supported_rules_are_listed() -> None:
    listed = re.findall(r"^- `(national\.[a-z0-9_.]+)` — ", PAGE, re.MULTILINE)
    assert listed == list(BREAKABLE_RULES)
