"""Argument parsing and dispatch; every error becomes one sentence on stderr and exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

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
from gongkai.errors import GongkaiError

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors say one sentence, Chinese first, and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"gongkai: 参数有误：{message}（bad arguments: {message}）\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand registered."""
    parser = _Parser(prog="gongkai", description="政务公开规则检查 — government disclosure rules")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
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
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    handler: Command = args.handler
    try:
        return handler(args)
    except GongkaiError as err:
        print(f"gongkai: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
