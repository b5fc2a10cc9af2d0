"""Options and argument readers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from gongkai.calendar import CoveragePolicy, WorkCalendar
from gongkai.errors import GongkaiError
from gongkai.models.limits import instant
from gongkai.rules.pack import Pack, load_pack
from gongkai.timezone import parse_iso


def add_pack_options(parser: argparse.ArgumentParser) -> None:
    """``--pack NAME|PATH`` and ``--param RULE_ID.NAME=VALUE`` (repeatable)."""
    parser.add_argument("--pack", default="national", help="规则包名称或路径 / pack name or path")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="RULE_ID.NAME=VALUE",
        help="设置规则参数，如 xingtai.document.major_presser_3d.period=3日，可重复 / set a parameter",
    )


def pack_from(args: argparse.Namespace) -> Pack:
    """The pack the options ask for, with its parameters set."""
    values: dict[str, str] = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise GongkaiError(
                f"参数 {item!r} 应写作 规则编号.参数名=值，如 a.document.b.period=5个工作日",
                f"parameter {item!r} must read RULE_ID.NAME=VALUE, e.g. a.document.b.period=5 workdays",
            )
        values[name.strip()] = value.strip()
    return load_pack(args.pack, values)


def add_calendar_options(parser: argparse.ArgumentParser, *, estimate: bool = True) -> None:
    """``--calendar FILE`` (repeatable overlay) and, optionally, ``--estimate``."""
    parser.add_argument(
        "--calendar",
        action="append",
        default=[],
        metavar="FILE",
        help="节假日安排覆盖文件（holiday-cn 或 gongkai-calendar/1 JSON），可重复 / overlay file",
    )
    if estimate:
        parser.add_argument(
            "--estimate",
            action="store_true",
            help="无官方数据的年份按法定节假日和周末估算 / estimate years without data "
            "from the statutory holidays and weekends",
        )


def calendar_from(args: argparse.Namespace) -> WorkCalendar:
    """The calendar the options ask for."""
    policy = CoveragePolicy.ESTIMATE if getattr(args, "estimate", False) else CoveragePolicy.STRICT
    cal = WorkCalendar.default(policy)
    for path in args.calendar:
        cal = cal.with_overlay(path)
    return cal


def parse_instant(text: str, what: str = "时间") -> datetime:
    """Read an ISO date or datetime (naive = Asia/Shanghai) into an aware instant."""
    try:
        value = parse_iso(text)
    except GongkaiError as err:
        raise GongkaiError(f"{what} {err.zh}", err.en) from None
    return instant(value, "time", what)


def warn_undetermined(count: int) -> None:
    """One line on stderr when ``count`` findings could not be judged for want of calendar
    data (the exit code stays that of the violations: undetermined is not a violation)."""
    if count:
        print(
            f"gongkai: 警告：{count} 项期限因缺少节假日数据无法判定，见上方“?”项；"
            "请导入国务院办公厅通知（gongkai calendar import-notice）后用 --calendar 或 "
            "GONGKAI_CALENDAR 加载，或加 --estimate 估算"
            f"（warning: {count} deadline(s) undetermined for want of holiday data; import the "
            "State Council notice and load it with --calendar or GONGKAI_CALENDAR, or use --estimate）",
            file=sys.stderr,
        )
