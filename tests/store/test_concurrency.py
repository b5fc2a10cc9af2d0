"""Clerks racing on one workflow through the store: exactly one wins each version, every
allowed decision is in the stored history, and the log replays to the stored snapshot."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import pytest

from gongkai import DisclosureRequest
from gongkai.store import WorkflowStore
from tests.store.racing import KEY, clerk

CLERKS = 6

Results = list[tuple[list[tuple[int, str]], int]]


def _in_threads(url: str) -> Results:
    results: Results = [([], 0)] * CLERKS
    start = threading.Barrier(CLERKS)

    def run(n: int) -> None:
        start.wait()
        results[n] = clerk(url, n)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(CLERKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _in_processes(url: str) -> Results:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(CLERKS, mp_context=context) as pool:
        return list(pool.map(clerk, [url] * CLERKS, range(CLERKS)))


def _race(url: str, run: Callable[[str], Results]) -> None:
    with WorkflowStore(url) as store:
        store.create(
            KEY, "request", DisclosureRequest(id=KEY, content="某某公司安全生产许可证核发材料")
        )
    results = run(url)
    wins = sorted(win for won, _ in results for win in won)
    with WorkflowStore(url) as store:
        version, snapshot = store.snapshot(KEY)
        history = [e.name for e in store.get(KEY).workflow.record.history]
        log = store.log(KEY)
        assert store.rebuild(KEY) == snapshot
    assert [v for v, _ in wins] == list(range(1, version + 1)), "one winner per version"
    assert history == [event for _, event in wins], "every allowed decision is stored"
    allowed = [(e.version, e.event) for e in log if e.action == "fire" and e.allowed]
    assert allowed == wins
    assert sum(stale for _, stale in results) > 0, "the clerks did race"


def test_threads_race_on_sqlite(tmp_path: pytest.TempPathFactory) -> None:
    _race(f"sqlite:///{tmp_path}/race.sqlite3", _in_threads)


def test_processes_race_on_sqlite(tmp_path: pytest.TempPathFactory) -> None:
    _race(f"sqlite:///{tmp_path}/race.sqlite3", _in_processes)


def test_threads_race_on_postgresql(postgres_url: str) -> None:
    _race(postgres_url, _in_threads)


def test_processes_race_on_postgresql(postgres_url: str) -> None:
    _race(postgres_url, _in_processes)
