"""Next year's holidays: a 20-working-day deadline from 2026-12-10 runs into 2027.

The bundled data (chinese-calendar) holds only the years whose State Council schedule has
been published. For a later year gongkai never guesses silently:

* the strict calendar (the default) raises ``CalendarCoverageError``;
* the estimate policy counts the statutory holidays (全国年节及纪念日放假办法) and weekends
  and marks the result ``estimated``;
* an overlay file with the year's schedule (holiday-cn shape) gives the exact answer.

examples/data/holidays-2027.json is an ILLUSTRATIVE schedule, not the official notice
(its ``papers`` list is empty on purpose). Replace it with the real one when it is out.

Run: ``python examples/overlay_next_year.py``.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from gongkai import CoveragePolicy, Duration, WorkCalendar, due_after
from gongkai.errors import CalendarCoverageError

OVERLAY = Path(__file__).parent / "data" / "holidays-2027.json"
START = date(2026, 12, 10)  # e.g. a disclosure request received that day (条例 第三十三条)
PERIOD = Duration.parse("20个工作日")


def main() -> int:
    strict = WorkCalendar.default()
    print(f"bundled data covers {strict.coverage[0]}-{strict.coverage[1]}")
    if 2027 in strict.covered_years:
        # The official 2027 schedule has reached chinese-calendar: no overlay is needed.
        print("2027 is already covered by the bundled data; the overlay is not needed")
        due = due_after(START, PERIOD, strict)
        print(f"bundled: due {due.date} estimated={due.estimated}")
        return 0

    # 1. Strict (default): a year without data is an error, never a guess.
    try:
        due_after(START, PERIOD, strict)
    except CalendarCoverageError as err:
        print(f"strict: CalendarCoverageError for {err.year}: {err.en}")

    # 2. Estimate: 2027's statutory holidays and weekends off, and the result says so.
    estimate = WorkCalendar.default(CoveragePolicy.ESTIMATE)
    rough = due_after(START, PERIOD, estimate)
    print(f"estimate: due {rough.date} estimated={rough.estimated}")

    # 3. Overlay: the 2027 schedule laid over the bundled data (a new calendar is returned).
    calendar = strict.with_overlay(OVERLAY)
    exact = due_after(START, PERIOD, calendar)
    new_year = calendar.day_kind(date(2027, 1, 1))
    print(f"overlay: 2027-01-01 is {new_year.kind.value} ({new_year.name_zh})")
    print(f"overlay: due {exact.date} estimated={exact.estimated}")
    print(f"overlay: covered years now end in {calendar.coverage[1]}")
    for source in calendar.provenance:
        print(f"  data: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
