"""``gongkai check FILE``: every finding of a pack on a record; exit 1 when an error is violated."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gongkai.cli.inputs import read_record
from gongkai.cli.options import (
    add_calendar_options,
    add_pack_options,
    calendar_from,
    pack_from,
    parse_instant,
    warn_undetermined,
)
from gongkai.rules.report import Finding, Report, Status
from gongkai.timezone import shown

_ICON = {
    Status.VIOLATED: "✗",
    Status.OVERDUE: "✗",
    Status.PENDING: "…",
    Status.SATISFIED: "✓",
    Status.NOT_APPLICABLE: "-",
    Status.UNDETERMINED: "?",
}


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "check",
        help="检查记录或公文文本 / check a record or a 公文's text",
        description="FILE: JSON 记录（kind = document|meeting|request|incident|agency|message）或公文纯文本。"
        " Exit 0 = no violation, 1 = violations, 2 = bad input.",
    )
    parser.add_argument("file", metavar="FILE")
    add_pack_options(parser)
    parser.add_argument(
        "--as-of", help="检查时点（ISO），默认现在 / instant to judge at, default now"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--all", action="store_true", help="列出全部结果 / show every finding")
    add_calendar_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check the file and print the report."""
    read = read_record(args.file)
    record = read.record
    pack = pack_from(args)
    as_of = parse_instant(args.as_of, "检查时点") if args.as_of else None
    report = pack.check(record, as_of, calendar=calendar_from(args))
    if args.format == "json":
        out = report.to_json_data(lines=read.lines)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render(report, show_all=args.all, lines=read.lines))
    warn_undetermined(len(report.undetermined))
    return 0 if report.ok else 1


def render(report: Report, *, show_all: bool = False, lines: dict[str, int] | None = None) -> str:
    """The report as text for a clerk: problems first, each with its source and, for a
    公文 read from text, the lines (``lines``: field -> line) its evidence was read from."""
    head = report.header
    out = [
        f"规则包 pack: {head.pack} ({head.pack_hash})  时点 as of: {head.as_of.isoformat()}  "
        f"记录 record: {head.record_kind} {head.record_id or ''}".rstrip()
    ]
    order = [Status.VIOLATED, Status.OVERDUE, Status.UNDETERMINED, Status.PENDING, Status.SATISFIED]
    listed = [f for s in order for f in report.findings if f.status is s]
    if show_all:
        listed += [f for f in report.findings if f.status is Status.NOT_APPLICABLE]
    for finding in listed:
        if finding.status in (Status.SATISFIED, Status.NOT_APPLICABLE) and not show_all:
            continue
        out.extend(_finding_lines(finding, lines or {}))
    counts = {s: sum(1 for f in report.findings if f.status is s) for s in Status}
    open_ = counts[Status.UNDETERMINED]
    verdict = "不通过 NOT OK" if not report.ok else "待定 UNDETERMINED" if open_ else "通过 OK"
    out.append(
        f"{verdict}：违反 {counts[Status.VIOLATED]}，{f'待定 {open_}，' if open_ else ''}"
        f"逾期 {counts[Status.OVERDUE]}，进行中 {counts[Status.PENDING]}，"
        f"满足 {counts[Status.SATISFIED]}，不适用 {counts[Status.NOT_APPLICABLE]}"
    )
    return "\n".join(out)


#: Fields the text reader does not give directly, and the element they are read from.
_READ_FROM = {"disclosure": "disclosure_marking", "disclosure_method": "disclosure_marking"}


def _finding_lines(f: Finding, where: dict[str, int]) -> list[str]:
    src = f.source
    cite = "".join(
        part
        for part in (src.document, f" {src.number}" if src.number else "",
                     f" {src.clause}" if src.clause else "")
    )  # fmt: skip
    lines = [f"{_ICON[f.status]} [{f.severity.value}] {f.rule_id}  {f.title}"]
    if f.message != f.title:
        lines.append(f"    {f.message}")
    if f.due_at is not None:
        est = "（估算 estimated）" if f.estimated else ""
        lines.append(f"    期限 due: {shown(f.due_at)} (+08:00){est}")
    found = {_READ_FROM.get(k, k) for k in f.evidence} & where.keys()
    if found:
        at = "，".join(f"第 {where[k]} 行 {k}" for k in sorted(found, key=where.__getitem__))
        lines.append(f"    位置 line: {at}")
    lines.append(f"    依据 source: {cite}「{src.quote}」")
    return lines
