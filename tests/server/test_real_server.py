"""One real ``gongkai serve`` process on a free loopback port, spoken to over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.server.running import running_service


def _send(url: str, body: dict[str, Any] | None = None) -> tuple[int, str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers["Content-Type"], json.load(answer)
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers["Content-Type"], json.load(refused)


def test_the_server_process_answers_over_http(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path}/served.sqlite3"
    with running_service(store, "--pack", "xingtai") as base:
        assert _send(f"{base}/health")[2]["pack"] == "xingtai"
        status, _, created = _send(f"{base}/workflows", {"key": "YSQ-2026-0007", "kind": "request"})
        assert (status, created["version"]) == (201, 0)
        event = {"event": "receive", "at": "2026-03-10T09:30", "version": 0}
        status, _, fired = _send(f"{base}/workflows/YSQ-2026-0007/events", event)
        assert status == 200 and fired["decision"]["allowed"] and fired["version"] == 1
        status, kind, problem = _send(f"{base}/workflows/YSQ-2026-0007/events", event)
        assert (status, kind, problem["current_version"]) == (409, "application/problem+json", 1)
    with running_service(store) as base:  # a restarted service finds the stored workflow
        status, _, read = _send(f"{base}/workflows/YSQ-2026-0007")
        assert (status, read["state"], read["version"]) == (200, "RECEIVED", 1)
