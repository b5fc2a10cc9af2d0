"""Check a draft 公文 stored as JSON against the national pack, as of a fixed instant.

Run: ``python examples/validate_draft_json.py [FILE]`` (default: examples/data/draft.json).
Prints every finding that needs attention (rule, message, source) and exits 1 when an
error-level rule is violated or overdue, 0 otherwise, like ``gongkai check``.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from gongkai import SHANGHAI, Finding, GongkaiError, Status, load_pack, load_record

DEFAULT_FILE = Path(__file__).parent / "data" / "draft.json"
#: A fixed instant, so that the output does not depend on the day the example is run.
AS_OF = datetime(2026, 4, 10, 9, 0, tzinfo=SHANGHAI)
ATTENTION = (Status.VIOLATED, Status.OVERDUE, Status.PENDING)


def describe(finding: Finding) -> list[str]:
    """A finding as lines for a clerk: rule, message, due date, source."""
    src = finding.source
    lines = [
        f"[{finding.status.value}/{finding.severity.value}] {finding.rule_id}",
        f"    {finding.message}",
    ]
    if finding.due_at is not None:
        estimated = " (estimated)" if finding.estimated else ""
        lines.append(f"    期限 due: {finding.due_at:%Y-%m-%d %H:%M}{estimated}")
    cite = " ".join(part for part in (src.document, src.number, src.clause) if part)
    lines.append(f"    依据 source: {cite}「{src.quote}」")
    return lines


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    try:
        record = load_record(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, GongkaiError) as err:
        print(f"cannot read {path}: {err}", file=sys.stderr)
        return 2
    report = load_pack("national").check(record, AS_OF)
    print(f"{record.kind} {record.id or '(no id)'} as of {AS_OF.isoformat()}")
    for status in ATTENTION:
        for finding in report.findings:
            if finding.status is status:
                print("\n".join(describe(finding)))
    print("OK" if report.ok else f"NOT OK: {len(report.violations)} violation(s)")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
