"""``gongkai schema KIND``: the JSON Schema (draft 2020-12) of a record kind, a pack file or a
report."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gongkai.cli.output import add_output_option, emit
from gongkai.models import RECORD_KINDS
from gongkai.rules.definition import PackSpec
from gongkai.rules.report_schema import published_schema, report_schema

KINDS = (*RECORD_KINDS, "pack", "report")


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser("schema", help="输出 JSON Schema / print a JSON Schema")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    add_output_option(parser)
    parser.set_defaults(handler=run)


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a record kind, of a pack file or of a report's JSON."""
    if kind == "report":
        return report_schema()
    return published_schema(PackSpec if kind == "pack" else RECORD_KINDS[kind])


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    emit(args, json.dumps(schema(args.kind), ensure_ascii=False, indent=2) + "\n")
    return 0
