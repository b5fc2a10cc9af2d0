"""The `gongkai …` sessions shown in the docs print what the CLI prints now.

A ```console block is read as commands (``$ …``) each followed by its output. A command
is run when the files it names exist (``agency.json`` in docs/cli.md is only shown);
output shortened with a line that is only ``…`` is compared up to that line; output
shortened inside a line (`` …``, as in ``"history": [ … ]``) is not compared.
``DTSTAMP`` lines (the time of export) and blank lines are left out; the CLI's absolute
paths inside the repository are shown relative to it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from gongkai.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


@dataclass(frozen=True)
class Session:
    page: str
    command: str
    output: list[str]
    exit_code: int | None  # from a following ``$ echo $?``

    @property
    def label(self) -> str:
        return f"{self.page}: {self.command}"


def _sessions() -> list[Session]:
    found: list[Session] = []
    for page in PAGES:
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            steps: list[tuple[str, list[str]]] = []  # (command, its output)
            for line in block.splitlines():
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                elif steps:
                    steps[-1][1].append(line)
            for (command, output), after in zip(steps, [*steps[1:], ("", [])], strict=True):
                if not command.startswith("gongkai "):
                    continue
                echoed = after[0].strip() == "echo $?" and after[1] and after[1][0].isdigit()
                code = int(after[1][0]) if echoed else None
                found.append(Session(page.name, command, output, code))
    return found


def _runnable(session: Session) -> bool:
    args = shlex.split(session.command, comments=True)[1:]
    named = [a for a in args if a.endswith((".json", ".txt", ".toml")) and not a.startswith("/")]
    inside = any(" …" in line for line in session.output)  # e.g. "history": [ … ]
    return all((ROOT / a).is_file() for a in named) and not inside


SESSIONS = [s for s in _sessions() if _runnable(s)]


def test_the_docs_show_enough_sessions_to_check() -> None:
    assert len(SESSIONS) >= 12, [s.label for s in SESSIONS]


def _shown(lines: list[str]) -> list[str]:
    return [line for line in lines if not line.startswith("DTSTAMP:") and line != ""]


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s.label)
def test_console_session_is_current(
    session: Session, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    try:
        code = main(shlex.split(session.command, comments=True)[1:])
    except SystemExit as exc:  # pragma: no cover - argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    actual = _shown((out + err).replace(f"{ROOT}/", "").splitlines())
    expected = _shown(session.output)
    if "…" in expected:
        expected = expected[: expected.index("…")]
        actual = actual[: len(expected)]
    assert actual == expected, f"{session.label}: the docs show stale output"
    if session.exit_code is not None:
        assert code == session.exit_code
