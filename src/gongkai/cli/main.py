"""Argument parsing and dispatch: a ``GongkaiError`` is one sentence on stderr and exit 2; any
other exception is one "internal error" line and exit 3 (the traceback only with ``--debug``)."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from gongkai._version import __version__
from gongkai.cli import (
    calendar_cmd,
    check_cmd,
    deadline_cmd,
    diagram_cmd,
    obligations_cmd,
    rules_cmd,
    schema_cmd,
    serve_cmd,
)
from gongkai.cli.exits import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, internal_error_line
from gongkai.cli.output import utf8_console
from gongkai.errors import GongkaiError

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors say one sentence, Chinese first, and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"gongkai: 参数有误：{message}（bad arguments: {message}）\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand registered."""
    parser = _Parser(
        prog="gongkai",
        description="政务公开规则检查 — government disclosure rules. Exit 0 = no violation,"
        " 1 = violations, 2 = bad input, 3 = internal error.",
    )
    parser.add_argument("--version", action="version", version=f"gongkai {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="内部错误时打印堆栈 / show the traceback of an internal error",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in (
        check_cmd,
        deadline_cmd,
        calendar_cmd,
        rules_cmd,
        schema_cmd,
        obligations_cmd,
        diagram_cmd,
        serve_cmd,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (bare ``gongkai`` prints the help, exit 0)."""
    utf8_console()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        handler: Command = args.handler
        return handler(args)
    except GongkaiError as err:
        print(f"gongkai: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:
        if debug:
            traceback.print_exc()
        print(internal_error_line(err), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
