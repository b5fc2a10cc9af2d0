"""Restoring snapshots: what judging the record again costs, on long histories.

    python benchmarks/bench_restore.py [--events 100 1000 2000 5000] [--repeat 3]

A disclosure request is driven through submit, receive, register and then pairs of
``consult_third_party`` / ``third_party_replied`` until its history holds N events.
Timed in the same run, best of ``--repeat``:

1. ``restore``: the snapshot rebuilt and judged again (guards and step conditions of the
   events that cannot happen again), unsigned;
2. ``restore(key=)``: the same with its HMAC-SHA256 signature checked;
3. replay only: ``RequestWorkflow(record)`` from the same record (what rebuilding costs
   without judging), the reference of the ratio;
4. ``pack.check``: one full check of the record, for scale.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from gongkai import load_pack, load_record
from gongkai.rules.pack import Pack
from gongkai.timezone import to_shanghai
from gongkai.workflows import RequestWorkflow

KEY = b"benchmark key"


def _workflow(events: int) -> RequestWorkflow:
    at = to_shanghai(datetime(2026, 3, 2, 9))
    wf = RequestWorkflow(pack="national")
    for name in ("submit", "receive", "register"):
        wf.fire(name, at)
    while len(wf.record.history) < events:
        for name in ("consult_third_party", "third_party_replied"):
            at += timedelta(seconds=1)
            wf.fire(name, at)
    return wf


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, nargs="+", default=[100, 1000, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = load_pack("national")
    print(f"Python {platform.python_version()} on {platform.machine()}")
    print(
        "| events | restore ms | restore(key=) ms | replay only ms | restore / replay | pack.check ms |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for events in args.events:
        print(_row(_workflow(events), pack, args.repeat))


def _row(wf: RequestWorkflow, pack: Pack, repeat: int) -> str:
    snap, signed = wf.snapshot(), wf.snapshot(key=KEY)
    record = load_record(snap["record"])
    restore = _best(lambda: RequestWorkflow.restore(snap, pack=pack), repeat)
    keyed = _best(lambda: RequestWorkflow.restore(signed, pack=pack, key=KEY), repeat)
    replay = _best(lambda: RequestWorkflow(load_record(snap["record"]), pack=pack), repeat)
    check = _best(lambda: pack.check(record, as_of="2026-12-31"), repeat)
    return (
        f"| {len(wf.record.history):,} | {restore * 1e3:.1f} | {keyed * 1e3:.1f} | "
        f"{replay * 1e3:.1f} | {restore / replay:.2f}× | {check * 1e3:.1f} |"
    )


if __name__ == "__main__":
    main()
