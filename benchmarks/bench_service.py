"""Records checked per second through the HTTP service against in-process ``pack.check``.

    python benchmarks/bench_service.py [--requests 2000] [--records 200]

Starts ``gongkai serve`` on a free loopback port (a separate process, as an OA would
run it), then:

1. checks every one of ``--records`` varied records (disclosure requests at various
   stages, 公文 with various attributes and histories) both ways and stops unless the
   service's report JSON equals ``pack.check(record, as_of).to_json_data()``;
2. times ``--requests`` checks in process (``pack.check`` + ``to_json_data``, the
   JSON the service sends) and the same checks as ``POST /check`` over one keep-alive
   HTTP/1.1 connection, one request at a time (a bounded load loop: the client waits
   for each answer).

Ratios are the in-process rate divided by the service's (what one HTTP round trip
costs on top of the check).
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.server.running starts the service

from gongkai import SHANGHAI, load_pack, load_record  # noqa: E402
from tests.server.running import running_service  # noqa: E402

AS_OF = "2026-04-01T18:00:00+08:00"
DRAFT = json.loads((ROOT / "examples" / "data" / "draft.json").read_text(encoding="utf-8"))


def records(count: int) -> list[dict[str, Any]]:
    """``count`` varied records: requests received on different days, some corrected,
    extended or replied; drafts with other attributes and histories cut at other steps."""
    start = datetime(2026, 1, 5, 9, tzinfo=SHANGHAI)
    out: list[dict[str, Any]] = []
    for i in range(count):
        at = start + timedelta(days=i % 80, hours=i % 7)
        if i % 2:
            history = [{"name": "receive", "at": at.isoformat()}]
            if i % 3 == 0:
                history.append({"name": "request_correction", "at": (at + timedelta(days=2)).isoformat(),
                                "items": ["所需信息的名称"]})  # fmt: skip
                history.append(
                    {"name": "receive_correction", "at": (at + timedelta(days=9)).isoformat()}
                )
            record: dict[str, Any] = {
                "kind": "request",
                "id": f"YSQ-2026-{i:04d}",
                "history": history,
            }
            if i % 5 == 0:
                history.append({"name": "reply", "at": (at + timedelta(days=15)).isoformat()})
                record["reply_type"] = ["予以公开", "不予公开", "信息不存在"][i % 3]
        else:
            record = {
                **DRAFT,
                "id": f"某政办发〔2026〕{i}号",
                "history": DRAFT["history"][: 1 + i % 5],
            }
            record["disclosure_marking"] = ["（此件公开发布）", "（此件依申请公开）", None][i % 3]
            record["is_policy"] = bool(i % 4)
        out.append(record)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--records", type=int, default=200)
    args = parser.parse_args()
    pack = load_pack("national")
    raw = records(args.records)
    loaded = [load_record(r) for r in raw]
    bodies = [json.dumps(r, ensure_ascii=False).encode() for r in raw]
    with tempfile.TemporaryDirectory() as tmp, running_service(f"sqlite:///{tmp}/b.db") as base:
        where = urlsplit(base)
        conn = http.client.HTTPConnection(where.hostname or "", where.port)
        headers = {"Content-Type": "application/json"}
        path = f"/check?as_of={AS_OF.replace('+', '%2B')}"

        def served(body: bytes) -> Any:
            conn.request("POST", path, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read()
            if answer.status != 200:
                raise SystemExit(f"service answered {answer.status}: {data[:300]!r}")
            return json.loads(data)

        for record, body in zip(loaded, bodies, strict=True):
            expected = pack.check(record, AS_OF).to_json_data()
            if served(body) != expected:
                raise SystemExit(f"the service's report differs for {record.id}")
        statuses = {
            f["status"] for r in loaded for f in pack.check(r, AS_OF).to_json_data()["findings"]
        }

        n = args.requests
        began = time.perf_counter()
        for i in range(n):
            pack.check(loaded[i % len(loaded)], AS_OF).to_json_data()
        local = n / (time.perf_counter() - began)
        began = time.perf_counter()
        for i in range(n):
            served(bodies[i % len(bodies)])
        remote = n / (time.perf_counter() - began)
        conn.close()

    print(f"python {platform.python_version()}, {platform.machine()}, {n} checks of "
          f"{len(loaded)} varied records (findings: {', '.join(sorted(statuses))}); "
          "same report JSON both ways: checked")  # fmt: skip
    print("| path | records per second | in-process / this |")
    print("|---|---:|---:|")
    print(f"| in process: pack.check + to_json_data | {local:,.0f} | 1× |")
    print(
        f"| HTTP: POST /check, one keep-alive connection | {remote:,.0f} | {local / remote:.1f}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
