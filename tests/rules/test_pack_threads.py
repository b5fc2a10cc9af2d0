"""One ``Pack`` shared by threads gives the same reports as serial checks (docs/design.md,
"Thread safety"): 8 threads check the same drawn records in different orders against one
pack and one calendar, with the interpreter switching threads as often as it can."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai import SHANGHAI, WorkCalendar, load_pack
from gongkai.models import RECORD_KINDS, Record

AS_OF = datetime(2026, 10, 9, 12, 0, tzinfo=SHANGHAI)
THREADS = 8
RECORDS = st.lists(
    st.one_of(*map(st.from_type, RECORD_KINDS.values())),  # gongkai's strategies (plugin)
    min_size=30,
    max_size=30,
)


@pytest.fixture(autouse=True, scope="module")
def _switch_often() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.mark.parametrize("pack_name", ["national", "anhui"])
@settings(max_examples=4)
@given(records=RECORDS, seed=st.integers(0, 2**32))
def test_threads_sharing_one_pack_get_the_serial_reports(
    pack_name: str, records: list[Record], seed: int
) -> None:
    pack = load_pack(pack_name)
    calendar = WorkCalendar.default()

    def reports(order: list[int]) -> dict[int, dict[str, Any]]:
        return {i: pack.check(records[i], AS_OF, calendar=calendar).model_dump() for i in order}

    serial = reports(list(range(len(records))))
    orders = [
        random.Random(seed + n).sample(range(len(records)), len(records)) for n in range(THREADS)
    ]
    with ThreadPoolExecutor(THREADS) as pool:
        threaded = list(pool.map(reports, orders))
    assert all(result == serial for result in threaded)
