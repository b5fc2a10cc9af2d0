"""``gongkai calendar import-notice NOTICE.txt``: the State Council's notice as an overlay file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gongkai.calendar import parse_notice
from gongkai.cli.output import add_output_option, emit
from gongkai.errors import GongkaiError
from gongkai.text.encoding import decode_text


def register(commands: Any) -> None:
    """Add ``import-notice`` to the ``calendar`` subcommands."""
    parser = commands.add_parser(
        "import-notice",
        help="国务院办公厅节假日安排通知 → gongkai-calendar/1 覆盖文件 / notice to overlay",
    )
    parser.add_argument(
        "notice",
        metavar="NOTICE.txt",
        help="通知全文（UTF-8、UTF-16 或 GB18030），'-' 为标准输入 / the notice's text, '-' = stdin",
    )
    parser.add_argument(
        "--year", type=int, help="通知没写年份时指定 / the year, if the notice does not say it"
    )
    parser.add_argument("--url", help="通知的网址，记入来源 / the notice's URL, kept as source")
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Read the notice, print (or write to ``--output``) the overlay JSON."""
    text = decode_text(_read(args.notice), args.notice)  # the readers' strict decoding
    overlay = parse_notice(text, year=args.year, url=args.url)
    emit(args, json.dumps(overlay, ensure_ascii=False, indent=2) + "\n")
    return 0


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise GongkaiError(
            f"无法读取文件 {path}：{err.strerror or err}",
            f"cannot read {path}: {err.strerror or err}",
        ) from None
