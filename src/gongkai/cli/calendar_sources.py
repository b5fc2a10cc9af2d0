"""``gongkai calendar --sources``: which holiday data is in force for each year, and from where."""

from __future__ import annotations

import os
from datetime import date

from gongkai.calendar import WorkCalendar
from gongkai.calendar.user_overlays import ENV_VAR, config_dir


def sources_text(cal: WorkCalendar, years: range | None = None) -> str:
    """One line per year (default: the first covered year to next year), then the agency's own
    days and where user overlays are looked for."""
    first, last = cal.coverage
    shown = years or range(first, max(last, date.today().year) + 2)
    lines = [f"{year}  {cal.source_of(year)}" for year in shown]
    lines += [f"本单位日期 agency days: {label}" for label in cal.agency_overlays]
    lines.append(
        f"用户日历 user overlays: {config_dir() / '*.json'}；"
        f"{ENV_VAR}={os.environ.get(ENV_VAR, '')}"
    )
    return "\n".join(lines)
