"""The hand-written peer benchmarks/bench_rules.py times gives pack.check's decisions.

A peer counts only if it gives the same answers, so a change to the national document
rules must reach the peer too (the benchmark refuses to time a stale one).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_rules.py"


def test_peer_agrees_with_national_pack_on_varied_documents() -> None:
    spec = importlib.util.spec_from_file_location("bench_rules", PATH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    problems, decisions = bench.peer_disagreements(60)
    assert problems == []
    assert decisions == 60 * 9
