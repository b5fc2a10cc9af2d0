"""Working-day arithmetic: gongkai against chinese-calendar and numpy, measured in one run.

Run: ``python benchmarks/bench_calendar.py`` (numpy is optional; its column is skipped
when it is not installed).
"""

from __future__ import annotations

import platform
import random
import sys
import timeit
from collections.abc import Callable
from datetime import date, timedelta

import chinese_calendar

from gongkai import WorkCalendar

SEED = 20260930
N_DATES = 2000
ADD = 20
FIRST, LAST = date(2010, 1, 1), date(2025, 12, 31)


def per_call_us(func: Callable[[], object], calls: int, repeat: int = 5) -> float:
    """Best of ``repeat`` runs of ``func`` (which makes ``calls`` calls), in µs per call."""
    best = min(timeit.repeat(func, number=1, repeat=repeat))
    return best / calls * 1e6


def main() -> None:
    rng = random.Random(SEED)
    span = (LAST - FIRST).days
    starts = [FIRST + timedelta(days=rng.randrange(span + 1)) for _ in range(N_DATES)]
    cal = WorkCalendar.default()
    cal.add_workdays(starts[0], ADD)  # build the table outside the timing

    # -- correctness before timing ------------------------------------------------------
    # find_workday(n, d) counts d itself as "delta 0" when d is a working day, so it
    # equals add_workdays(d, n) on working days only; on a day off it gives one more.
    workday_starts = [d for d in starts if cal.is_workday(d)]
    for d in workday_starts:
        assert chinese_calendar.find_workday(ADD, d) == cal.add_workdays(d, ADD), d
    off = [d for d in starts if not cal.is_workday(d)]
    differs = sum(chinese_calendar.find_workday(ADD, d) != cal.add_workdays(d, ADD) for d in off)
    year_pairs = [(d, date(d.year + 1, d.month, min(d.day, 28))) for d in starts[:200]]
    for a, b in year_pairs:
        ours = cal.workdays_between(a, b)
        theirs = len(chinese_calendar.get_workdays(a + timedelta(days=1), b))
        assert ours == theirs, (a, b)

    rows: list[tuple[str, str, float]] = []
    n = len(workday_starts)
    rows.append(
        (
            "add_workdays(d, 20)",
            "gongkai",
            per_call_us(lambda: [cal.add_workdays(d, ADD) for d in workday_starts], n),
        )
    )
    rows.append(
        (
            "add_workdays(d, 20)",
            "chinese_calendar.find_workday",
            per_call_us(
                lambda: [chinese_calendar.find_workday(ADD, d) for d in workday_starts], n, repeat=3
            ),
        )
    )

    numpy_note = ""
    try:
        import numpy as np
    except ImportError:
        numpy_note = "numpy not installed: numpy.busday_offset skipped"
    else:
        # busday can say "these weekdays are off" but not "this Saturday is worked":
        # make-up weekend days are lost, so results differ around them.
        off_weekdays = [
            d
            for d in (date(2009, 1, 1) + timedelta(days=k) for k in range(365 * 18))
            if d.weekday() < 5 and not chinese_calendar.is_workday(d)
        ]
        bdc = np.busdaycalendar(weekmask="1111100", holidays=np.array(off_weekdays, "M8[D]"))
        arr = np.array(workday_starts, "M8[D]")
        scalars = [np.datetime64(d, "D") for d in workday_starts]
        np_single = [np.busday_offset(x, ADD, roll="forward", busdaycal=bdc) for x in scalars]
        np_same = sum(
            x.astype(object) == cal.add_workdays(d, ADD)
            for x, d in zip(np_single, workday_starts, strict=True)
        )
        numpy_note = (
            f"numpy agrees on {np_same}/{n} working-day starts "
            "(differences: make-up weekend workdays)"
        )
        rows.append(
            (
                "add_workdays(d, 20)",
                "numpy.busday_offset (per call)",
                per_call_us(
                    lambda: [
                        np.busday_offset(x, ADD, roll="forward", busdaycal=bdc) for x in scalars
                    ],
                    n,
                ),
            )
        )
        rows.append(
            (
                "add_workdays(d, 20)",
                "numpy.busday_offset (vectorised, per date)",
                per_call_us(
                    lambda: np.busday_offset(arr, ADD, roll="forward", busdaycal=bdc), n, repeat=20
                ),
            )
        )

    m = len(year_pairs)
    rows.append(
        (
            "workdays_between(a, a+1y)",
            "gongkai",
            per_call_us(lambda: [cal.workdays_between(a, b) for a, b in year_pairs], m),
        )
    )
    rows.append(
        (
            "workdays_between(a, a+1y)",
            "chinese_calendar.get_workdays",
            per_call_us(
                lambda: [
                    len(chinese_calendar.get_workdays(a + timedelta(days=1), b))
                    for a, b in year_pairs
                ],
                m,
                repeat=3,
            ),
        )
    )

    print(f"python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(
        f"{len(starts)} random start dates {FIRST}..{LAST} (seed {SEED}); "
        f"{n} working-day starts timed; {m} one-year spans"
    )
    print(f"find_workday differs from add_workdays on {differs}/{len(off)} day-off starts")
    print(numpy_note)
    print()
    ours = {op: us for op, impl, us in rows if impl == "gongkai"}
    print("| operation | implementation | µs per call | gongkai speedup |")
    print("|---|---|---:|---:|")
    for op, impl, us in rows:
        r = us / ours[op]
        ratio = "1×" if impl == "gongkai" else (f"{r:,.0f}×" if r >= 100 else f"{r:.3g}×")
        print(f"| {op} | {impl} | {us:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
