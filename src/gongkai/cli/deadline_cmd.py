"""``gongkai deadline START DURATION``: when a period ends."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gongkai.cli.options import add_calendar_options, calendar_from, parse_instant
from gongkai.cli.output import add_output_option, emit
from gongkai.clocks import Duration, Unit, due_after


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "deadline",
        help="计算期限届满时间 / compute a due instant",
        description="起算日不计入；工作日期限至第 N 个工作日结束。"
        " The start day is not counted; a working-day period ends at the end of the n-th working day.",
    )
    parser.add_argument("start", help="起算日期或时间，ISO 格式 / start date or datetime (ISO)")
    parser.add_argument("duration", help="期限，如 20个工作日、5小时、3日 / e.g. '20 workdays'")
    add_calendar_options(parser)
    parser.add_argument(
        "--no-roll", action="store_true", help="自然日期限末日遇休息日不顺延 / do not roll"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the due instant."""
    start = parse_instant(args.start, "起算时间")
    duration = Duration.parse(args.duration)
    cal = calendar_from(args)
    due = due_after(start, duration, cal, roll=not args.no_roll)
    if args.format == "json":
        out = {
            "start": start.isoformat(),
            "duration": str(duration),
            "due_at": due.at.isoformat(),
            "due_date": due.date.isoformat(),
            "estimated": due.estimated,
            "calendar": list(cal.provenance),
        }
        emit(args, json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    shown = (
        due.at.strftime("%Y-%m-%d %H:%M %z")
        if duration.unit is Unit.HOURS
        else f"{due.date.isoformat()} 24:00 +0800"
    )
    line = f"{shown}  （{start.date().isoformat()} 起 {duration}，届满 / due）"
    if due.estimated:
        line += "  estimated：含无官方数据的年份，按法定节假日和周末估算"
    emit(args, line + "\n")
    return 0
