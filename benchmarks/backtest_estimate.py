"""Back-test of the estimate policy: pretend each year 2015-2026 had no data, compare with it.

For every year Y the calendar is rebuilt from chinese-calendar's data without Y, under the
estimate policy, and compared with the official calendar:

* days whose kind (working / off) the estimate gets right, out of the days of Y;
* for every official working day d of Y whose official due day is known (the last
  weeks of 2026 reach 2027 and are left out), the error in days of
  ``add_workdays(d, 20)`` (estimate minus official), counted as exact, ±1, ±2 and worse;
  "later" is the share where the estimate is later than the real due day (the risky side:
  a clerk trusting it would answer late).

The same is printed for the former estimate (Monday to Friday, no holidays) as the peer.

Run: ``python benchmarks/backtest_estimate.py`` (a Markdown table on stdout).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from gongkai import WorkCalendar
from gongkai.calendar.overlays import Overlay, bundled_overlay

YEARS = range(2015, 2027)
PERIOD = 20


def without(official: Overlay, year: int, *, plain: bool) -> WorkCalendar:
    """The official data less ``year``: estimated from the law, or (``plain``) counted
    Monday to Friday through an empty schedule for the year."""
    days = {d: info for d, info in official.days.items() if d.year != year}
    covers = official.covers - {year}
    rest = Overlay(days, covers, official.sources, f"{official.label} without {year}")
    if plain:
        return WorkCalendar((rest, Overlay({}, frozenset({year}), (), f"Mon-Fri {year}")))
    return WorkCalendar((rest,), "estimate")


def compare(truth: WorkCalendar, guess: WorkCalendar, year: int) -> tuple[float, Counter[str]]:
    first = date(year, 1, 1)
    days = [first + timedelta(days=k) for k in range((date(year + 1, 1, 1) - first).days)]
    right = sum(truth.is_workday(d) == guess.is_workday(d) for d in days) / len(days)
    errors: Counter[str] = Counter()
    last = date(max(truth.covered_years), 12, 31)
    for day in days:
        if truth.is_workday(day) and truth.add_workdays(day, PERIOD) <= last:
            off = (guess.add_workdays(day, PERIOD) - truth.add_workdays(day, PERIOD)).days
            errors[_bucket(off)] += 1
            errors["later"] += off > 0
            errors["max"] = max(errors["max"], abs(off))
    return right, errors


def _bucket(off: int) -> str:
    return "exact" if off == 0 else "±1" if abs(off) == 1 else "±2" if abs(off) == 2 else "worse"


def main() -> None:
    official = bundled_overlay()
    truth = WorkCalendar((official,), "estimate")  # estimates only past the data's end
    print("| year | estimate | days right | 20 wd exact | ±1 | ±2 | worse | later | max |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = {False: Counter[str](), True: Counter[str]()}
    right_sum = {False: 0.0, True: 0.0}
    for year in YEARS:
        for plain in (False, True):
            right, errors = compare(truth, without(official, year, plain=plain), year)
            right_sum[plain] += right
            totals[plain].update({k: v for k, v in errors.items() if k != "max"})
            totals[plain]["max"] = max(totals[plain]["max"], errors["max"])
            print(_row(str(year), plain, right, errors))
    for plain in (False, True):
        print(_row("all", plain, right_sum[plain] / len(YEARS), totals[plain]))


def _row(label: str, plain: bool, right: float, errors: Counter[str]) -> str:
    n = sum(errors[b] for b in ("exact", "±1", "±2", "worse"))
    shares = " | ".join(f"{100 * errors[b] / n:.1f} %" for b in ("exact", "±1", "±2", "worse"))
    name = "Mon-Fri (former)" if plain else "statutory holidays"
    return f"| {label} | {name} | {100 * right:.1f} % | {shares} | {100 * errors['later'] / n:.1f} % | {errors['max']} d |"


if __name__ == "__main__":
    main()
