"""``gongkai check -``: JSON Lines on stdin, one record a line, one compact report a line.

A line that cannot be read or checked gives ``{"line": n, "error": {"zh", "en"}}`` and the
stream goes on; blank lines are skipped; the exit code is the worst of all lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial

from gongkai.cli.checker import Checker, attempt
from gongkai.cli.exits import EXIT_OK
from gongkai.cli.inputs import Input
from gongkai.cli.output import sink
from gongkai.models import load_record


def run_stream(args: argparse.Namespace) -> int:
    """Check every line of stdin; write each report as one line as soon as it is made."""
    checker = Checker.from_args(args)
    worst = EXIT_OK
    with sink(args) as write:
        for number, line in enumerate(sys.stdin.buffer, start=1):
            if not line.strip():
                continue
            record = line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line
            outcome = attempt(checker, partial(_load, record))
            worst = max(worst, outcome.code)
            data = outcome.to_json_data()
            if outcome.report is None:
                data = {"line": number, **data}
            write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    return worst


def _load(line: bytes) -> Input:
    return Input(load_record(line))
