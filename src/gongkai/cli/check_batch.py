"""``gongkai check FILE… | DIR``: one summary row per file (or one JSON object per line).

A file that cannot be read or checked is reported in its row and the others go on; the
exit code is the worst of the files (3 > 2 > 1 > 0).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from gongkai.cli.checker import Checker, Outcome, attempt
from gongkai.cli.exits import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS
from gongkai.cli.inputs import read_record
from gongkai.cli.output import emit
from gongkai.errors import GongkaiError
from gongkai.models import Document
from gongkai.text.formats import sniff

#: The files a directory contributes: JSON records, the formats the text reader reads, and .ofd (listed so its row says why not)
SUFFIXES = frozenset({".json", ".ofd"}) | sniff.SUFFIXES

_HEAD = ("文件 file", "文号 number", "公开属性 attribute", "违反 violations", "结果 status")
_STATUS = {EXIT_OK: "通过 OK", EXIT_VIOLATIONS: "不通过 NOT OK", EXIT_BAD_INPUT: "错误 ERROR"}


def run_batch(args: argparse.Namespace) -> int:
    """Check every file named or found, and print the table or the JSON Lines."""
    files = list(collect(args.files, recursive=args.recursive))
    checker = Checker.from_args(args)
    results = [(file, attempt(checker, partial(read_record, file))) for file in files]
    if args.format == "json":
        emit(args, "".join(_json_line(file, outcome) for file, outcome in results))
    else:
        emit(args, table(results))
    return max(outcome.code for _, outcome in results)


def collect(paths: list[str], *, recursive: bool) -> Iterator[str]:
    """The files named, and in each directory those with a readable suffix, sorted by name.

    A named path that does not exist is still yielded: its row says it cannot be read.
    """
    found = False
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            found = True
            yield name
            continue
        pattern = "**/*" if recursive else "*"
        for file in sorted(path.glob(pattern)):
            if file.is_file() and file.suffix.lower() in SUFFIXES:
                found = True
                yield str(file)
    if not found:
        raise GongkaiError(
            f"{'、'.join(paths)} 中没有可检查的文件（{'、'.join(sorted(SUFFIXES))}）",
            f"no file to check in {', '.join(paths)} ({', '.join(sorted(SUFFIXES))})",
        )


def _json_line(file: str, outcome: Outcome) -> str:
    data = {"file": file, **outcome.to_json_data()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def table(results: list[tuple[str, Outcome]]) -> str:
    """The summary table: one row per file, then the totals."""
    rows = [_HEAD, *(_row(file, outcome) for file, outcome in results)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(_HEAD) - 1)]
    lines = [
        "  ".join([*(_pad(cell, w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]
    counts = [sum(1 for _, o in results if min(o.code, EXIT_BAD_INPUT) == c) for c in _STATUS]
    open_ = _undetermined(results)
    lines.append(
        f"合计 total: {len(results)} 个文件 files；通过 OK {counts[0]}，"
        f"不通过 NOT OK {counts[1]}，错误 ERROR {counts[2]}"
        + (f"（待定 UNDETERMINED {open_}）" if open_ else "")
    )
    return "\n".join(lines) + "\n"


def _undetermined(results: list[tuple[str, Outcome]]) -> int:
    """How many files have a deadline that could not be judged for want of calendar data."""
    return sum(1 for _, o in results if o.report is not None and not o.report.complete)


def _row(file: str, outcome: Outcome) -> tuple[str, str, str, str, str]:
    if outcome.report is None:
        error = outcome.error or {}
        status = _STATUS[EXIT_BAD_INPUT] if outcome.code == EXIT_BAD_INPUT else "内部错误 INTERNAL"
        return (file, "—", "—", "—", f"{status}：{error.get('zh')}（{error.get('en')}）")
    doc = outcome.record if isinstance(outcome.record, Document) else None
    number = doc.doc_number if doc else None
    attribute = doc.disclosure.value if doc and doc.disclosure else None
    violations = str(len(outcome.report.violations))
    status = _STATUS[outcome.code]
    if not outcome.report.complete:  # an undetermined deadline: no violation, no pass either
        status = "待定 UNDETERMINED" if outcome.code == EXIT_OK else f"{status}，待定 UNDETERMINED"
    return (file, number or "—", attribute or "—", violations, status)


def _width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
