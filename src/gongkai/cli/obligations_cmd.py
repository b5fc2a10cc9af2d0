"""``gongkai obligations FILE``: an agency's duty calendar for a year, as text, JSON or iCalendar."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, timezone
from typing import Any

from gongkai.calendar import SUPPORTED_YEARS, WorkCalendar
from gongkai.cli.inputs import read_record
from gongkai.cli.options import (
    add_calendar_options,
    add_pack_options,
    calendar_from,
    pack_from,
    parse_instant,
    warn_undetermined,
)
from gongkai.cli.output import add_output_option, emit
from gongkai.errors import GongkaiError, RecordError
from gongkai.models import Agency
from gongkai.rules.expression import EvalContext
from gongkai.rules.pack import Pack
from gongkai.rules.report import Finding, Status
from gongkai.timezone import SHANGHAI

_STATUS_ZH = {
    Status.SATISFIED: "已完成 met",
    Status.PENDING: "待完成 due",
    Status.VIOLATED: "未完成 missed",
    Status.UNDETERMINED: "待定 undetermined",
}
#: Years a duty calendar can be asked for (the calendar's own range: see gongkai.calendar).
_FIRST_YEAR, _LAST_YEAR = SUPPORTED_YEARS


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser("obligations", help="机关年度义务日历 / an agency's duty calendar")
    parser.add_argument("file", metavar="FILE", help='机关记录 JSON（"kind": "agency"）')
    add_pack_options(parser)
    parser.add_argument("--year", type=int, help="年度，默认当年 / year, default this year")
    parser.add_argument("--as-of", help="判断时点（ISO），默认现在 / instant to judge at")
    parser.add_argument("--format", choices=("text", "json", "ics"), default="text")
    add_calendar_options(parser)
    add_output_option(parser)
    parser.set_defaults(handler=run)


def duty_calendar(
    pack: Pack, agency: Agency, year: int, as_of: datetime, calendar: WorkCalendar
) -> list[Finding]:
    """Every period of every obligation of ``pack`` that falls in ``year``, judged at ``as_of``."""
    events = [e for e in agency.history if e.at <= as_of]
    ctx = EvalContext(agency, events=events)
    found: list[Finding] = []
    for rule in pack.rules_for("agency"):
        if rule.spec.obligation is None or (rule.when is not None and not rule.when.evaluate(ctx)):
            continue
        window = (date(year, 1, 1), date(year, 12, 31))
        anchor = agency.since or window[0]  # as pack.check counts working-day periods
        found.extend(rule.obligation_periods(events, as_of, calendar, window, anchor))
    return sorted(found, key=lambda f: (f.due_at or as_of, f.rule_id))


def run(args: argparse.Namespace) -> int:
    """Print the duty calendar."""
    record = read_record(args.file).record
    if not isinstance(record, Agency):
        raise RecordError(
            f"obligations 需要机关记录（kind 为 agency），而不是 {record.kind}",
            f"obligations needs an agency record (kind agency), not {record.kind}",
        )
    as_of = parse_instant(args.as_of, "判断时点") if args.as_of else datetime.now(SHANGHAI)
    year = as_of.year if args.year is None else args.year
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise GongkaiError(
            f"年度 {year} 超出范围（{_FIRST_YEAR}–{_LAST_YEAR}）",
            f"year {year} is out of range ({_FIRST_YEAR}-{_LAST_YEAR})",
        )
    found = duty_calendar(pack_from(args), record, year, as_of, calendar_from(args))
    if args.format == "json":
        data = [f.model_dump(mode="json") for f in found]
        emit(args, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "ics":
        emit(args, to_ics(found, record, year))
    else:
        lines = [f"{record.name or '机关'} {year} 年政务公开义务（{args.pack}）"]
        for f in found:
            due = f.due_at.date().isoformat() if f.due_at else "—"
            status = _STATUS_ZH.get(f.status, f.status.value)
            lines.append(f"{due}  {status:<12} {f.rule_id}  {f.message}{_estimated(f)}")
        emit(args, "\n".join(lines) + "\n")
    warn_undetermined(sum(1 for f in found if f.status is Status.UNDETERMINED))
    return 1 if any(f.status is Status.VIOLATED for f in found) else 0


def to_ics(findings: list[Finding], agency: Agency, year: int) -> str:
    """An iCalendar (RFC 5545) file with one all-day event per due day."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//gongkai//obligations//ZH",
        "CALSCALE:GREGORIAN",
    ]
    for f in findings:
        if f.due_at is None:
            continue
        day = f.due_at.date()
        uid = f"{f.rule_id}-{f.period or day.isoformat()}-{agency.id or 'agency'}@gongkai"
        source = f"{f.source.document} {f.source.number or ''} {f.source.clause or ''}「{f.source.quote}」"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{date.fromordinal(day.toordinal() + 1).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(f'{f.title}（{f.period}，{_STATUS_ZH.get(f.status, f.status.value)}）{_estimated(f)}')}",
            f"DESCRIPTION:{_escape(f.message + chr(10) + source)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _estimated(finding: Finding) -> str:
    """A warning when the due day rests on a year without official holiday data."""
    return "（估算 estimated：该年无官方节假日数据）" if finding.estimated else ""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)
