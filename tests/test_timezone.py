"""Reading and showing instants in Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from gongkai.errors import GongkaiError
from gongkai.timezone import end_of_day, shown, to_shanghai


def test_a_days_end_is_shown_as_24_00() -> None:
    assert shown(end_of_day(date(2026, 11, 3))) == "2026-11-03 24:00"


def test_aware_instants_are_shown_in_shanghai() -> None:
    assert shown(datetime(2026, 11, 22, 20, 0, tzinfo=timezone.utc)) == "2026-11-23 04:00"
    assert shown(None) == "?"


def test_iso_text_is_read_and_bad_text_refused() -> None:
    assert to_shanghai("2026-09-30").isoformat() == "2026-09-30T00:00:00+08:00"
    with pytest.raises(GongkaiError, match="ISO"):
        to_shanghai("30/09/2026")
