"""Records per second through one ``gongkai check -`` (JSON Lines) against one process per record.

Run: python benchmarks/bench_stream.py [N_RECORDS] [N_PROCESSES]

1,000 varied records (every kind, drawn by gongkai.testing.strategies through the
hypothesis plugin, derandomized)
go through one ``gongkai check -`` process; 30 of them are checked by one ``gongkai
check FILE --format json`` process each, the way an integrator without a stream would
call gongkai. Before timing, the script checks that both give the same report for each
of the 30 records. Best of 3 runs of each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gongkai.models import RECORD_KINDS, Record

AS_OF = "2026-10-09T12:00"
GONGKAI = [sys.executable, "-m", "gongkai", "check"]


def draw_records(n: int) -> list[Record]:
    """``n`` records of every kind, the same on every run (derandomized hypothesis)."""
    drawn: list[Record] = []

    @settings(
        max_examples=n,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(st.one_of(*map(st.from_type, RECORD_KINDS.values())))  # gongkai's strategies
    def collect(record: Record) -> None:
        drawn.append(record)

    collect()
    return drawn[:n]


def stream(lines: bytes) -> tuple[float, list[dict[str, Any]]]:
    """Seconds for one ``check -`` process over every line, and its reports."""
    start = time.perf_counter()
    done = subprocess.run([*GONGKAI, "-", "--as-of", AS_OF], input=lines, capture_output=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"check - failed ({done.returncode}): {done.stderr.decode()}")
    return seconds, [json.loads(line) for line in done.stdout.splitlines()]


def per_process(files: list[Path]) -> tuple[float, list[dict[str, Any]]]:
    """Seconds for one ``check FILE`` process per file, and the reports."""
    reports = []
    start = time.perf_counter()
    for file in files:
        argv = [*GONGKAI, str(file), "--as-of", AS_OF, "--format", "json"]
        done = subprocess.run(argv, capture_output=True)
        reports.append(json.loads(done.stdout))
    return time.perf_counter() - start, reports


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sample = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    records = draw_records(n)
    data = [r.model_dump(mode="json") for r in records]
    kinds = sorted({d["kind"] for d in data})
    lines = b"".join(json.dumps(d, ensure_ascii=False).encode() + b"\n" for d in data)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, d in enumerate(data[:sample]):
            file = Path(tmp) / f"record-{i}.json"
            file.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
            files.append(file)
        _, streamed = stream(lines)
        _, single = per_process(files)
        assert len(streamed) == len(records), "one report per line"
        assert streamed[:sample] == single, "the stream and one process per record differ"
        stream_s = min(stream(lines)[0] for _ in range(3))
        process_s = min(per_process(files)[0] for _ in range(3))
    stream_rate = len(records) / stream_s
    process_rate = sample / process_s
    print(f"records: {len(records)} ({', '.join(kinds)}); same reports for the first {sample}")
    print(f"check - (one process):   {stream_s:7.2f} s  {stream_rate:8.1f} records/s")
    print(
        f"check FILE per record:   {process_s:7.2f} s for {sample}  {process_rate:8.1f} records/s"
    )
    print(f"stream / per process:    {stream_rate / process_rate:7.1f}x")
    print(
        f"{len(records)} records one process each would take ~{len(records) / process_rate:.0f} s"
    )


if __name__ == "__main__":
    main()
