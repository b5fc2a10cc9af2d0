"""Exit codes 0 / 1 / 2 / 3 and what the command line prints with each.

0 = no violation, 1 = violations, 2 = bad input (one sentence), 3 = an unexpected failure
of gongkai itself: one "internal error" line asking for a report; the traceback only
with ``--debug``. An internal failure is never exit 1, the "violations" code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai import __version__
from gongkai.cli import main
from gongkai.rules.pack import Pack

DRAFT = "examples/data/draft.json"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # --version, argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _broken_check(*args: object, **kwargs: object) -> None:
    raise RuntimeError("simulated failure")


def test_0_no_violation_1_violations_2_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", DRAFT, "--as-of", "2026-03-05T12:00")[0] == 1
    assert run(capsys, "deadline", "2026-09-30", "20个工作日")[0] == 0
    code, out, err = run(capsys, "check", "no/such/file.json")
    assert (code, out) == (2, "")
    assert err.startswith("gongkai: 无法读取文件 no/such/file.json")


def test_3_for_an_unexpected_exception_one_line_no_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Pack, "check", _broken_check)
    code, out, err = run(capsys, "check", DRAFT)
    assert (code, out) == (3, "")
    assert err.splitlines() == [
        "gongkai: 内部错误（internal error）: RuntimeError: simulated failure — please report it"
        " with the command and the output of `gongkai --debug …`"
    ]


def test_debug_adds_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Pack, "check", _broken_check)
    code, _, err = run(capsys, "--debug", "check", DRAFT)
    assert code == 3
    assert err.startswith("Traceback (most recent call last):")
    assert "_broken_check" in err
    assert err.splitlines()[-1].startswith("gongkai: 内部错误（internal error）: RuntimeError")


def test_bare_gongkai_prints_the_help_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out.startswith("usage: gongkai")
    for command in ("check", "deadline", "calendar", "rules", "schema", "obligations"):
        assert command in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"gongkai {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
