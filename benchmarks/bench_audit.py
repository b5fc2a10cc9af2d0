"""audit() over a register of open disclosure requests, against pack.check per record.

Run: ``python benchmarks/bench_audit.py [N]`` (N defaults to 1,000,000).

The process pins itself to one core when the platform allows it. The N open requests
are plain dicts in the record JSON shape, generated from a fixed seed: received
between 2026-08-03 and 2026-10-09 at office hours; 60 % only received, 15 % submitted,
received and registered, 10 % with a third-party consultation (most answered), 5 % with
a co-producer consultation, 5 % corrected (pause + restart), 5 % extended by 5-20
working days. None is replied, so every clock is open. Audited as of 2026-10-15.

Printed: generation time, the audit rate (records per second, best of 3) for dict
records with ``due_within`` 0 and 5, for pydantic ``DisclosureRequest`` records, and
the rate of the peer, ``pack.check`` per record, on a sample; the speedup is audit's
rate over the peer's. Before timing, the audit of a sample is checked against
``pack.check`` (same due dates, same statuses).
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from gongkai import Status, WorkCalendar, load_pack, load_record
from gongkai.audit import audit, reply_rules
from gongkai.timezone import to_shanghai

SEED = 20260930
AS_OF = to_shanghai(datetime(2026, 10, 15, 12))
FIRST = date(2026, 8, 3)
DAYS = (date(2026, 10, 9) - FIRST).days
EXT = ("5个工作日", "10个工作日", "15个工作日", "20个工作日")


def generate(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` open requests as plain dicts (see the module docstring for the mix)."""
    rng = random.Random(seed)
    rand, randrange = rng.random, rng.randrange
    base = datetime.combine(FIRST, datetime.min.time())
    day, minute = timedelta(days=1), timedelta(minutes=1)
    records = []
    for i in range(n):
        received = base + randrange(DAYS) * day + (480 + randrange(600)) * minute
        history: list[dict[str, Any]] = [{"name": "receive", "at": received}]
        kind = rand()
        if kind < 0.60:
            pass
        elif kind < 0.75:
            history.insert(0, {"name": "submit", "at": received - 90 * minute})
            history.append({"name": "register", "at": received + 30 * minute})
        elif kind < 0.85:
            asked = received + (1 + randrange(5)) * day
            history.append({"name": "consult_third_party", "at": asked})
            if rand() < 0.8:
                history.append(
                    {"name": "third_party_replied", "at": asked + randrange(1, 22) * day}
                )
        elif kind < 0.90:
            asked = received + (1 + randrange(5)) * day
            history.append({"name": "consult_co_producer", "at": asked})
            if rand() < 0.8:
                history.append(
                    {"name": "co_producer_replied", "at": asked + randrange(1, 15) * day}
                )
        elif kind < 0.95:
            asked = received + (1 + randrange(6)) * day
            history.append({"name": "request_correction", "at": asked})
            history.append({"name": "receive_correction", "at": asked + randrange(1, 20) * day})
        else:
            history.append(
                {
                    "name": "extend",
                    "at": received + (10 + randrange(15)) * day,
                    "by": EXT[randrange(4)],
                    "approver": "政府信息公开工作机构负责人",
                    "notice": "已书面告知申请人",
                }
            )
        records.append({"kind": "request", "id": f"YSQ-{i:07d}", "history": history})
    return records


def best_of(func: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def count(items: Iterable[object]) -> int:
    return sum(1 for _ in items)


def check_sample(records: list[dict[str, Any]], cal: WorkCalendar) -> int:
    """audit() and pack.check agree on every clock of the sample; returns the items seen."""
    pack = load_pack("national")
    rules = reply_rules(pack)
    seen = 0
    for record in records:
        model = load_record(record)
        report = pack.check(model, AS_OF, calendar=cal)
        got = {i.rule_id: i for i in audit([record], AS_OF, calendar=cal, due_within=10**6)}
        for rule in rules:
            found = report.finding(rule.id)
            assert found is not None
            if found.status in (Status.PENDING, Status.OVERDUE) and found.due_at is not None:
                item = got.pop(rule.id)
                assert (item.status, item.due_at, item.estimated) == (
                    found.status,
                    found.due_at,
                    found.estimated,
                ), (record, found, item)
                seen += 1
        assert not got, (record, got)
    return seen


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    pinned = ""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        pinned = f", pinned to CPU {min(os.sched_getaffinity(0))}"
    cal = WorkCalendar.default()
    pack = load_pack("national")

    start = time.perf_counter()
    records = generate(n)
    generation = time.perf_counter() - start
    events = sum(len(r["history"]) for r in records)

    sample = records[:: max(1, n // 3000)]
    agreed = check_sample(sample, cal)

    rows: list[tuple[str, int, float, int]] = []  # label, records, seconds, items
    for due_within in (0, 5):
        items = count(audit(records, AS_OF, calendar=cal, due_within=due_within))

        def run(d: int = due_within) -> int:
            return count(audit(records, AS_OF, calendar=cal, due_within=d))

        seconds = best_of(run)
        rows.append((f"audit, dict records, due_within={due_within}", n, seconds, items))

    n_models = min(n, 200_000)
    models = [load_record(r) for r in records[:n_models]]
    items = count(audit(models, AS_OF, calendar=cal))  # type: ignore[arg-type]
    seconds = best_of(lambda: count(audit(models, AS_OF, calendar=cal)))  # type: ignore[arg-type]
    rows.append(("audit, DisclosureRequest records, due_within=0", n_models, seconds, items))

    n_peer = min(n, 5_000)
    seconds = best_of(lambda: [pack.check(m, AS_OF, calendar=cal) for m in models[:n_peer]], 1)
    rows.append(("peer: pack.check per DisclosureRequest", n_peer, seconds, -1))

    print(f"python {platform.python_version()} on {platform.machine()}, {sys.platform}{pinned}")
    print(f"{n:,} open requests, {events:,} events; as of {AS_OF.isoformat()}")
    print(f"generation: {generation:.2f} s ({n / generation:,.0f} records/s), not included below")
    print(f"checked against pack.check first: {len(sample):,} records, {agreed:,} clocks agree")
    print()
    peer_rate = rows[-1][1] / rows[-1][2]
    print("| what | records | seconds | records/s | listed | vs pack.check |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, count_, seconds, listed in rows:
        rate = count_ / seconds
        print(
            f"| {label} | {count_:,} | {seconds:.2f} | {rate:,.0f} | "
            f"{f'{listed:,}' if listed >= 0 else '—'} | {rate / peer_rate:,.0f}× |"
        )


if __name__ == "__main__":
    main()
