"""The plain-text reader: ``gongkai.text.extract`` on the real 公文 texts under tests/text.

Run: ``python benchmarks/bench_reader.py``. Prints texts per second and MB per second
over the fixtures and the corpus (web pages, PDF conversions), best of several repeats
of CPU time (``time.process_time``, so other work on a shared machine counts less).
"""

from __future__ import annotations

import platform
import sys
import time
import timeit
from pathlib import Path

from gongkai.text import extract

ROOT = Path(__file__).resolve().parent.parent / "tests" / "text"
REPEAT = 7
ROUNDS = 20


def texts() -> list[str]:
    """Every real 公文 text the tests hold."""
    paths = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def read_all(items: list[str]) -> None:
    for text in items:
        extract(text)


def main() -> None:
    items = texts()
    size = sum(len(t.encode()) for t in items)
    timer = timeit.Timer(lambda: read_all(items), timer=time.process_time)
    best = min(timer.repeat(number=ROUNDS, repeat=REPEAT)) / ROUNDS
    print(f"Python {sys.version.split()[0]} on {platform.machine()} {platform.system()}")
    print(f"{len(items)} texts, {size / 1024:.0f} KiB")
    print(
        f"extract: {best / len(items) * 1e6:.0f} µs per text, {len(items) / best:,.0f} texts/s, "
        f"{size / best / 1e6:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
