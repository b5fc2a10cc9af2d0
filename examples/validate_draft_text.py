"""Check a 公文 file: its text (any encoding), a .docx, a PDF or a saved web page.

``gongkai.text.read_document(path)`` reads the GB/T 9704 elements it can find (发文字号, 标题,
文种, 密级, 紧急程度, 发文机关, 成文日期, 公开属性); what it cannot find stays ``None``
and is listed in ``notes``; a text with too little of a 公文 to be one is refused
(``NotADocumentError``, exit 2). The record is then checked with the national pack, as of a
fixed instant. A text has no history: only rules over the document's own fields apply.

Run: ``python examples/validate_draft_text.py [FILE]`` (default: examples/data/draft.txt).
Exits 1 when an error-level rule is violated, 0 otherwise.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from gongkai import SHANGHAI, Finding, GongkaiError, Status, load_pack
from gongkai.text import read_document

DEFAULT_FILE = Path(__file__).parent / "data" / "draft.txt"
AS_OF = datetime(2026, 4, 10, 9, 0, tzinfo=SHANGHAI)
FIELDS = ("doc_number", "title", "doc_type", "secrecy_level", "urgency", "issuer", "issue_date",
          "disclosure_marking", "disclosure")  # fmt: skip


def describe(finding: Finding) -> list[str]:
    """A finding as lines for a clerk: rule, message, source."""
    src = finding.source
    cite = " ".join(part for part in (src.document, src.number, src.clause) if part)
    return [
        f"[{finding.status.value}/{finding.severity.value}] {finding.rule_id}",
        f"    {finding.message}",
        f"    依据 source: {cite}「{src.quote}」",
    ]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    try:
        document = read_document(path).document
    except GongkaiError as err:
        print(f"cannot read {path}: {err}", file=sys.stderr)
        return 2
    print(f"read from {path.name}:")
    for name in FIELDS:
        value = getattr(document, name)
        shown = getattr(value, "value", value)  # enums print as their Chinese term
        print(f"  {name}: {shown if value is not None else '—'}")
    for note in document.notes:
        print(f"  note: {note}")

    report = load_pack("national").check(document, AS_OF)
    for finding in report.findings:
        if finding.status in (Status.VIOLATED, Status.OVERDUE, Status.PENDING):
            print("\n".join(describe(finding)))
    print("OK" if report.ok else f"NOT OK: {len(report.violations)} violation(s)")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
