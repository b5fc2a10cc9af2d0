"""``gongkai check FILE… | DIR | -``: every finding of a pack on records; exit 1 on a violation.

One FILE prints its report; several files or a directory print one summary row per file
(:mod:`gongkai.cli.check_batch`); ``-`` reads JSON Lines on stdin and writes one report
per line (:mod:`gongkai.cli.check_stream`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from gongkai.cli.check_batch import run_batch
from gongkai.cli.check_stream import run_stream
from gongkai.cli.checker import Checker
from gongkai.cli.exits import EXIT_OK, EXIT_VIOLATIONS
from gongkai.cli.inputs import read_record
from gongkai.cli.options import add_calendar_options, add_pack_options, warn_undetermined
from gongkai.cli.output import add_output_option, emit
from gongkai.rules.report import Finding, Report, Status
from gongkai.timezone import shown
from gongkai.workflows.stages import DocumentStage

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
        help="检查记录或公文文本 / check records or 公文 texts",
        description="FILE: JSON 记录（kind = document|meeting|request|incident|agency|message）或公文文本；"
        "多个文件或目录：每个文件一行汇总；'-'：标准输入的 JSON Lines，每行输出一份报告。"
        " FILE: a JSON record or a 公文's text; several files or a directory: one summary row"
        " per file; '-': JSON Lines on stdin, one report per line."
        " Exit 0 = no violation, 1 = violations, 2 = bad input, 3 = internal error (worst of all).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_pack_options(parser)
    parser.add_argument(
        "--as-of", help="检查时点（ISO），默认现在 / instant to judge at, default now"
    )
    parser.add_argument(
        "--stage",
        choices=[s.value for s in DocumentStage],
        help="公文所处阶段，按该阶段的工作流事件判断；公文文本默认 submit（拟稿报送）"
        " / the 公文's stage, judged with that stage's workflow events; a text defaults to submit",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--all", action="store_true", help="列出全部结果 / show every finding")
    parser.add_argument(
        "--recursive", action="store_true", help="包含子目录中的文件 / include subdirectories"
    )
    add_calendar_options(parser)
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check one file, several, a directory, or stdin, and print the result."""
    if args.files == ["-"]:
        return run_stream(args)
    if len(args.files) > 1 or Path(args.files[0]).is_dir():
        return run_batch(args)
    read = read_record(args.files[0])
    report = Checker.from_args(args).check_input(read)
    if args.format == "json":
        out = report.to_json_data(lines=read.lines)
        emit(args, json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        emit(args, render(report, show_all=args.all, lines=read.lines) + "\n")
    warn_undetermined(len(report.undetermined))
    return EXIT_OK if report.ok else EXIT_VIOLATIONS


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
