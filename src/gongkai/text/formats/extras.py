"""The error raised when a format's reader (an optional extra) is not installed."""

from __future__ import annotations

from gongkai.errors import TextExtractionError


def missing_extra(fmt: str, extra: str, package: str) -> TextExtractionError:
    """Reading ``fmt`` needs ``package``, installed by ``pip install 'gongkai[extra]'``."""
    line = f"pip install 'gongkai[{extra}]'"
    return TextExtractionError(
        f"读取 {fmt} 文件需要 {package}，请先运行：{line}",
        f"reading {fmt} files needs {package}: run {line}",
    )
