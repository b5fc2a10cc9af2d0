"""``gongkai calendar YEAR[-MM]``: month grids that mark holidays, swapped rest days and make-up days.

``calendar`` has subcommands (``import-notice``); a first word that is not one of
them is a period, shown by the ``show`` subcommand (``calendar 2026-10`` is
``calendar show 2026-10``).
"""

from __future__ import annotations

import argparse
import calendar as stdlib_calendar
import re
from datetime import date
from typing import Any

from gongkai.calendar import DayKind, WorkCalendar
from gongkai.cli import import_notice_cmd
from gongkai.cli.calendar_sources import sources_text
from gongkai.cli.options import add_calendar_options, calendar_from
from gongkai.cli.output import add_output_option, emit
from gongkai.errors import GongkaiError

_MARK = {
    DayKind.WORKDAY: " ",
    DayKind.WEEKEND: " ",
    DayKind.HOLIDAY: "休",
    DayKind.SWAPPED_REST: "调",
    DayKind.MAKEUP_WORKDAY: "班",
}
_LEGEND = "休 = 法定节假日 holiday   调 = 调休休息 swapped rest day   班 = 调休上班 make-up workday"


class _AnyWord(dict[str, Any]):
    """Accepts every word: a first word naming no subcommand is a period for ``show``."""

    def __contains__(self, key: object) -> bool:
        return True


class _ShowByDefault(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands where a first word that names none of them goes to ``show``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = _AnyWord()  # argparse checks the first word against this

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if values and values[0] not in self._name_parser_map:
            values = ["show", *values]
        super().__call__(parser, namespace, values, option_string)


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser("calendar", help="工作日历与节假日通知 / working-day calendar, notices")
    _add_show_options(parser)
    parser.set_defaults(handler=_no_period)
    commands = parser.add_subparsers(
        dest="calendar_command", metavar="{YEAR[-MM],import-notice}", action=_ShowByDefault
    )
    show = commands.add_parser("show", help="显示工作日历 / show the working-day calendar")
    show.add_argument(
        "period", metavar="YEAR[-MM]", nargs="?", help="如 2026 或 2026-10 / e.g. 2026 or 2026-10"
    )
    _add_show_options(show)
    for action in show._actions:  # an option given before the period (to `calendar`) stays set
        if action.dest in ("calendar", "estimate", "sources", "output"):
            action.default = argparse.SUPPRESS
    show.set_defaults(handler=run)
    import_notice_cmd.register(commands)


def _add_show_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sources", action="store_true", help="各年份使用的数据来源 / which data each year uses"
    )
    add_calendar_options(parser)
    add_output_option(parser)


def _no_period(args: argparse.Namespace) -> int:
    if args.sources:
        emit(args, sources_text(calendar_from(args)) + "\n")
        return 0
    raise GongkaiError(
        "请给出期间 YEAR[-MM]（如 2026-10）、--sources 或 import-notice NOTICE.txt",
        "give a period YEAR[-MM] (e.g. 2026-10), --sources or import-notice NOTICE.txt",
    )


def run(args: argparse.Namespace) -> int:
    """Print the grids of the year or month, or (``--sources``) where each year's data is from."""
    if args.period is None:
        return _no_period(args)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", (args.period or "").strip())
    if not match or match.group(1) == "0000" or not 1 <= int(match.group(2) or 1) <= 12:
        raise GongkaiError(
            f"期间 {args.period!r} 应写作 YYYY 或 YYYY-MM",
            f"period {args.period!r} must be YYYY or YYYY-MM",
        )
    year = int(match.group(1))
    months = [int(match.group(2))] if match.group(2) else list(range(1, 13))
    cal = calendar_from(args)
    if args.sources:
        emit(args, sources_text(cal, range(year, year + 1)) + "\n")
        return 0
    grids = "\n\n".join(month_grid(cal, year, m) for m in months)
    emit(args, f"{grids}\n\n{_LEGEND}\n数据 data: {'; '.join(cal.provenance)}\n")
    return 0


def month_grid(cal: WorkCalendar, year: int, month: int) -> str:
    """One month as a text grid, Monday first; special days carry a mark and are named below."""
    lines = [f"{year}年{month}月 ({year}-{month:02d})", " 一   二   三   四   五   六   日"]
    notes: list[str] = []
    for week in stdlib_calendar.Calendar().monthdayscalendar(year, month):
        cells = []
        for day in week:
            if not day:
                cells.append("    ")
                continue
            info = cal.day_kind(date(year, month, day))
            cells.append(f"{day:>2}{_MARK[info.kind]} ")
            if info.kind not in (DayKind.WORKDAY, DayKind.WEEKEND):
                notes.append(
                    f"  {year}-{month:02d}-{day:02d} {info.kind.zh} {info.name_zh or ''}".rstrip()
                )
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines + notes)
