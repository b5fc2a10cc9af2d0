"""A clerk racing others on one stored workflow (threads and processes run it)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from gongkai import SHANGHAI
from gongkai.errors import ConflictError
from gongkai.store import WorkflowStore

KEY = "YSQ-2026-0018"
START = datetime(2026, 3, 16, 9, tzinfo=SHANGHAI)
MAX_VERSION = 30
THINK = 0.01  #: seconds between reading the workflow and acting on it
#: events that end the request: left out so that the race goes on to MAX_VERSION
ENDING = frozenset({"reply", "abandon", "archive"})
#: what a clerk sends with an event so that the rules let it through
#: (条例 第三十条 补正 items, 第三十三条 extension approver and notice, 第三十六条 reply type)
INPUT: dict[str, dict[str, Any]] = {
    "request_correction": {"data": {"items": ["所需信息的名称或文号"]}},
    "extend": {"data": {"by": "20个工作日", "approver": "局长", "notice": "延期答复告知书"}},
    "reply": {"update": {"reply_type": "予以公开"}},
}


def clerk(url: str, clerk_no: int) -> tuple[list[tuple[int, str]], int]:
    """Read, fire an available event at the version read, until the workflow reaches
    MAX_VERSION (or has nothing left to fire). Returns the (version won, event) pairs and the number of stale refusals."""
    won: list[tuple[int, str]] = []
    stale = 0
    attempt = clerk_no
    with WorkflowStore(url) as store:
        while True:
            read = store.get(KEY)
            events = [e for e in read.workflow.available() if e not in ENDING]
            if read.version >= MAX_VERSION or not events:
                return won, stale
            time.sleep(THINK)  # the clerk looks at the screen: others read the same version
            event = events[attempt % len(events)]
            attempt += 1
            at = START + timedelta(hours=read.version + 1)
            try:
                fired = store.fire(
                    KEY, event, at, expected_version=read.version, actor=f"clerk {clerk_no}",
                    **INPUT.get(event, {}),
                )  # fmt: skip
            except ConflictError:
                stale += 1
                continue
            if fired.decision.allowed:
                won.append((fired.version, event))
