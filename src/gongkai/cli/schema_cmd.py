"""``gongkai schema KIND``: the JSON Schema of a record kind or of a rule pack file."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gongkai.models import RECORD_KINDS
from gongkai.rules.definition import PackSpec

KINDS = (*RECORD_KINDS, "pack")


def register(sub: Any) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser("schema", help="输出 JSON Schema / print a JSON Schema")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.set_defaults(handler=run)


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a record kind or of a pack file."""
    model = PackSpec if kind == "pack" else RECORD_KINDS[kind]
    return model.model_json_schema(by_alias=True)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(json.dumps(schema(args.kind), ensure_ascii=False, indent=2))
    return 0
