"""Where a command's result goes: UTF-8 bytes to stdout or to ``--output FILE``.

Results are written as UTF-8 bytes whatever the console's encoding (a Chinese Windows
console or ``PYTHONIOENCODING=gbk`` would otherwise fail on ✗ or 〔〕), so line endings
are exactly the ones the command produced (an ``.ics`` file keeps its CRLF everywhere).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from gongkai.errors import GongkaiError


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``--output FILE``: write the result there instead of stdout."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="结果写入文件（UTF-8）而非标准输出 / write the result to FILE (UTF-8)",
    )


def utf8_console() -> None:
    """Make stdout and stderr write UTF-8 (messages, usage and help included)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


@contextmanager
def sink(args: argparse.Namespace) -> Iterator[Callable[[str], None]]:
    """A writer of UTF-8 text to ``--output`` (created or truncated) or stdout; each call is
    flushed, so a stream of reports reaches the reader line by line."""
    target: str | None = getattr(args, "output", None)
    if not target:
        yield lambda text: _write_stdout(_utf8(text))
        return
    try:
        file: BinaryIO = open(target, "wb")  # noqa: SIM115 - closed below
    except OSError as err:
        raise GongkaiError(
            f"无法写入文件 {target}：{err.strerror or err}",
            f"cannot write {target}: {err.strerror or err}",
        ) from None
    with file:

        def write(text: str) -> None:
            file.write(_utf8(text))
            file.flush()

        yield write


def emit(args: argparse.Namespace, text: str) -> None:
    """Write ``text`` (a whole result, newlines included) to ``--output`` or stdout as UTF-8."""
    with sink(args) as write:
        write(text)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="backslashreplace")


def _write_stdout(data: bytes) -> None:
    """Write bytes to stdout unchanged (no newline translation) and flush them."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced text stream (io.StringIO in a host program)
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
