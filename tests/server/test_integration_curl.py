"""The curl session of docs/integration.md, run against a real ``gongkai serve``.

Each ``$ curl …`` line of the page's console blocks is run by bash from the repository
root, with the page's port 8000 replaced by the test server's; its output is compared
line by line, where `` … `` in a shown line stands for any text left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.server.running import running_service

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "integration.md"
BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)
SHOWN_PORT = "127.0.0.1:8000"


def _session() -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(PAGE.read_text(encoding="utf-8")):
        if "$ curl " not in block:
            continue
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return steps


def _matches(shown: str, actual: str) -> bool:
    """``shown`` with each `` … `` (or a final `` …``) standing for any text."""
    pieces = re.split(r" … ?", shown)
    pattern = ".*".join(re.escape(p) for p in pieces)
    return re.fullmatch(pattern + (".*" if shown.endswith("…") else ""), actual, re.S) is not None


def test_the_page_shows_a_curl_session() -> None:
    commands = [command for command, _ in _session()]
    assert len(commands) >= 6 and all(c.startswith("curl ") for c in commands)
    assert any("409" in output for _, output in _session())


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_curl_session_runs_as_shown(tmp_path: Path) -> None:
    with running_service(f"sqlite:///{tmp_path}/doc.sqlite3") as base:
        for command, shown in _session():
            run = command.replace(f"http://{SHOWN_PORT}", base)
            out = subprocess.run(
                ["bash", "-c", run], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                timeout=60, check=False,
            )  # fmt: skip
            assert out.returncode == 0, f"{command}\n{out.stderr}"
            actual = out.stdout.splitlines()
            assert len(actual) == len(shown), f"{command}\n{out.stdout}"
            for want, got in zip(shown, actual, strict=True):
                assert _matches(want, got), f"{command}\nshown:  {want}\nactual: {got}"
