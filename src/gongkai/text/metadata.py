"""Metadata rows of a saved government web page: ``发文字号：…``, ``[ 成文日期 ] …``, ``| 文号 | … |``.

An HTML page's metadata table comes out as lines ``标签：值`` (several rows may
share a line); saved pages and copies give the same rows between brackets or
bars, or with the value on the next line. Only rows naming the document's own
fields are read: 发文字号 (文号, 发文文号, 发布文号 …), 成文日期, 发文机关 and 标题.
A page's 发布日期 or 发文日期 is when it was put online, not the 成文日期.

Patterns are linear (no nested quantifiers) and run line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Row", "metadata_rows"]

_LABELS = {
    "doc_number": ("发文字号", "发文文号", "发布文号", "发文编号", "发文号", "文号"),
    "issue_date": ("成文日期",),
    "issuer": ("发文机关",),
    "title": ("标题",),
}
_FIELD = {label: name for name, labels in _LABELS.items() for label in labels}
#: A label, letter-spaced or not (``文  号``), and what separates it from its value.
_LABEL = re.compile(
    "(?P<label>"
    + "|".join(r"\s{0,4}".join(label) for labels in _LABELS.values() for label in labels)
    + r")(?P<sep>\s*[\]】]?\s*[：:|]?\s*\|?\s*)"
)
#: Stripped around a value: bars, bullets, dashes and every kind of whitespace (U+3000 is the last).
_AROUND = "|•·*-" + "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@dataclass(frozen=True)
class Row:
    """A metadata row: which field it names, the text of its value, and its line (0-based)."""

    field: str
    value: str
    line: int


def _value_below(lines: Sequence[str], i: int) -> tuple[str, int] | None:
    """The value standing alone below a label that ends its line (``• 发文字号:`` / ``镇政发…``)."""
    for j in range(i + 1, min(len(lines), i + 4)):
        value = lines[j].strip(_AROUND)
        if value:
            return None if _LABEL.search(value) else (value, j)
    return None


def metadata_rows(lines: Sequence[str]) -> list[Row]:
    """Every labelled metadata row in ``lines``, in reading order (a row's first value only)."""
    rows: list[Row] = []
    if _LABEL.search("\n".join(lines)) is None:
        return rows
    for i, line in enumerate(lines):
        for m in _LABEL.finditer(line):
            if not m["sep"] and m.end() < len(line):
                continue  # 文号国发… inside running text: no separator, no label
            field = _FIELD["".join(m["label"].split())]
            rest = line[m.end() :].strip(_AROUND)
            if rest:
                rows.append(Row(field, rest, i))
            elif (below := _value_below(lines, i)) is not None:
                rows.append(Row(field, *below))
    return rows
