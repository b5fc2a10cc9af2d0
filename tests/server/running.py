"""``gongkai serve`` as a real process on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_service(store: str, *args: str, timeout: float = 60) -> Iterator[str]:
    """Start ``gongkai serve --port P --store STORE [args]``; yield its base URL once
    ``/health`` answers; stop it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "gongkai", "serve", "--port", str(port), "--store", store]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [*command, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gongkai serve exited: {process.stdout.read()}")  # type: ignore[union-attr]
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as answer:
                    assert json.load(answer)["status"] == "ok"
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
