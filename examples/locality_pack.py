"""Check a record with a locality pack loaded by path (examples/locality_pack/my_city.toml).

The pack ``extends = "national"``, overrides the national 20-working-day publication
clock with a stricter 10 working days, and adds a rule whose period the text leaves open
(及时): the integrator sets it with ``params``. The same document is judged by both packs.

Run: ``python examples/locality_pack.py`` (exit 1: the city pack finds violations).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from gongkai import SHANGHAI, Document, Report, Status, load_pack

PACK_FILE = Path(__file__).parent / "locality_pack" / "my_city.toml"
AS_OF = datetime(2026, 4, 1, 18, 0, tzinfo=SHANGHAI)

#: A public document signed on 5 March and published on 25 March (14 working days later:
#: in time for the national 20 working days, late for the city's 10), never posted on the
#: government's new-media accounts.
RECORD = Document.model_validate(
    {
        "id": "示政办发〔2026〕9号",
        "title": "示例市人民政府办公室关于做好2026年春季防汛工作的通知",
        "doc_type": "通知",
        "disclosure_marking": "（此件公开发布）",
        "secrecy_review": {"result": "通过", "reviewer": "保密员", "at": "2026-03-24T10:00"},
        "history": [
            {"name": "set_attribute", "at": "2026-03-02T09:00"},
            {"name": "submit", "at": "2026-03-02T10:00"},
            {"name": "sign", "at": "2026-03-05T11:00"},
            {"name": "issue", "at": "2026-03-06T09:00"},
            {"name": "secrecy_review", "at": "2026-03-24T10:00", "result": "通过"},
            {"name": "publish", "at": "2026-03-25T15:00"},
        ],
    }
)

NATIONAL_CLOCK = "national.document.proactive_20wd"
PARAMETER = "my_city.document.new_media_sync.period"  # rule id + "." + parameter name
SHOWN = (NATIONAL_CLOCK, "my_city.document.proactive_10wd", "my_city.document.new_media_sync")


def show(label: str, report: Report) -> None:
    """Print the findings of the rules this example is about."""
    print(f"== {label}: pack {report.header.pack}, ok={report.ok}")
    for finding in report.findings:
        if finding.rule_id not in SHOWN:
            continue
        due = f", due {finding.due_at:%Y-%m-%d}" if finding.due_at else ""
        print(f"  {finding.rule_id}: {finding.status.value}{due}")
        if finding.status is not Status.SATISFIED:
            print(f"    {finding.message}")
            print(f"    依据 source: {finding.source.document} {finding.source.number or ''} "
                  f"{finding.source.clause or ''}「{finding.source.quote}」")  # fmt: skip


def main() -> int:
    national = load_pack("national")
    city = load_pack(PACK_FILE)
    print(f"{city.title}: {len(city.rules)} rules, chain {' -> '.join(city.chain)}")
    print(f"{NATIONAL_CLOCK} in my_city: {city.has_rule(NATIONAL_CLOCK)}")

    show("national", national.check(RECORD, AS_OF))
    # The 及时 parameter is not configured in the pack: the rule stays pending.
    show("my_city, 及时 not configured", city.check(RECORD, AS_OF))
    # The integrator decides what 及时 means for this city: 2 working days.
    configured = load_pack(PACK_FILE, params={PARAMETER: "2个工作日"})
    report = configured.check(RECORD, AS_OF)
    show("my_city, 及时 = 2个工作日", report)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
