"""Output: UTF-8 whatever the console's encoding, ``--output FILE`` for every command that
prints a result (the same bytes as stdout), and ``.ics`` always CRLF and UTF-8 (RFC 5545)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.cli import main
from tests.cli.test_check_rules_schema import DEPARTMENT as AGENCY

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "examples/data/draft.txt"


def _gongkai(*argv: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "gongkai", *argv]
    return subprocess.run(command, capture_output=True, env=env, cwd=ROOT, check=False)


def test_a_gbk_console_gets_utf8_not_a_traceback() -> None:
    """A Chinese Windows console (PYTHONIOENCODING=gbk) cannot encode ✗ and 〔〕."""
    done = _gongkai("check", str(TEXT), "--as-of", "2026-04-10T09:00", encoding="gbk")
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")
    assert "✗ [error] national.document.classified_not_public" in out
    assert done.stderr == b""


def test_a_gbk_console_gets_utf8_errors_too() -> None:
    done = _gongkai("check", "没有这个文件.json", encoding="gbk")
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").startswith("gongkai: 无法读取文件 没有这个文件.json")


@pytest.fixture
def agency(tmp_path: Path) -> str:
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(AGENCY, ensure_ascii=False), encoding="utf-8")
    return str(path)


COMMANDS = {
    "check": ["check", str(TEXT), "--as-of", "2026-04-10T09:00"],
    "check json": ["check", str(TEXT), "--as-of", "2026-04-10T09:00", "--format", "json"],
    "deadline": ["deadline", "2026-09-30", "20个工作日"],
    "calendar": ["calendar", "2026-10"],
    "rules": ["rules", "--pack", "xingtai"],
    "rule": ["rules", "national.document.attribute_required"],
    "schema": ["schema", "report"],
    "obligations": ["obligations", "AGENCY", "--year", "2026", "--as-of", "2026-06-01"],
    "diagram": ["diagram", "document"],
}


@pytest.mark.parametrize("argv", COMMANDS.values(), ids=COMMANDS.keys())
def test_output_file_holds_what_stdout_shows(
    argv: list[str], agency: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [agency if a == "AGENCY" else a for a in argv]
    code = main(argv)
    shown = capsys.readouterr().out
    target = tmp_path / "out.txt"
    assert main([*argv, "--output", str(target)]) == code
    assert capsys.readouterr().out == ""
    written = target.read_bytes().decode("utf-8")
    assert shown.endswith("\n")
    assert written == shown


def test_ics_is_crlf_and_utf8_on_stdout_and_in_a_file(
    agency: str, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    argv = ["obligations", agency, "--year", "2026", "--as-of", "2026-06-01", "--format", "ics"]
    target = tmp_path / "duties.ics"
    assert main([*argv, "--output", str(target)]) == 0
    on_disk = target.read_bytes()
    assert main(argv) == 0
    on_stdout = capfdbinary.readouterr().out
    for data in (on_disk, on_stdout):
        assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert "政府信息公开工作年度报告" in data.decode("utf-8").replace("\r\n ", "")
    assert len(on_disk.splitlines()) == len(on_stdout.splitlines())


def test_an_unwritable_output_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["deadline", "2026-09-30", "3日", "--output", "/nonexistent/dir/out.txt"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("gongkai: 无法写入文件 /nonexistent/dir/out.txt")
