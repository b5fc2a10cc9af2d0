"""`gongkai calendar import-notice`: the real notice in, an overlay the other commands load out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from gongkai.calendar import parse_notice
from tests.calendar.test_notice import notice_text, source_url
from tests.cli.test_deadline_calendar_cli import assert_one_bilingual_sentence, run

NOTICE_2026 = notice_text("2026.txt")


@pytest.fixture
def notice_file(tmp_path: Path) -> Path:
    path = tmp_path / "notice-2026.txt"
    path.write_text(NOTICE_2026, encoding="utf-8")
    return path


def test_prints_the_overlay(capsys: pytest.CaptureFixture[str], notice_file: Path) -> None:
    url = source_url("2026.txt")
    code, out, err = run(capsys, "calendar", "import-notice", str(notice_file), "--url", url)
    assert (code, err) == (0, "")
    assert json.loads(out) == parse_notice(NOTICE_2026, url=url)


def test_round_trip_through_a_file_into_deadline(
    capsys: pytest.CaptureFixture[str], notice_file: Path, tmp_path: Path
) -> None:
    overlay = tmp_path / "holidays-2026.json"
    code, out, _ = run(
        capsys, "calendar", "import-notice", str(notice_file), "--output", str(overlay)
    )
    assert (code, out) == (0, "")
    kinds = [day["kind"] for day in json.loads(overlay.read_text(encoding="utf-8"))["days"]]
    assert (kinds.count("holiday"), kinds.count("makeup_workday")) == (33, 6)
    # 20 working days from 2026-09-15 cross 中秋节 (9-25), 国庆节 and its make-up days 9-20, 10-10
    code, out, _ = run(
        capsys,
        "deadline",
        "2026-09-15",
        "20个工作日",
        "--calendar",
        str(overlay),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["due_date"] == "2026-10-19"
    assert any("国办发明电〔2025〕7号" in line for line in data["calendar"])


def test_the_2026_notice_does_not_make_2027_known(
    capsys: pytest.CaptureFixture[str], notice_file: Path, tmp_path: Path
) -> None:
    """The 2027 notice is not in the stored pages; the 2026 one must not stand in for it."""
    overlay = tmp_path / "holidays-2026.json"
    run(capsys, "calendar", "import-notice", str(notice_file), "--output", str(overlay))
    code, _, err = run(capsys, "deadline", "2026-12-04", "20个工作日", "--calendar", str(overlay))
    assert code == 2
    assert "2027" in err


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_reads_gb18030_and_utf16_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE_2026.encode(encoding))
    code, out, _ = run(capsys, "calendar", "import-notice", str(path))
    assert code == 0
    assert json.loads(out)["notice"]["number"] == "国办发明电〔2025〕7号"


def test_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(NOTICE_2026.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "calendar", "import-notice", "-")
    assert code == 0
    assert json.loads(out)["covers"] == [2026]


def test_year_for_a_notice_that_does_not_say_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "victory-day.txt"
    path.write_text(notice_text("2015-victory-day.txt"), encoding="utf-8")
    code, _, err = run(capsys, "calendar", "import-notice", str(path))
    assert code == 2
    assert_one_bilingual_sentence(err)
    code, out, _ = run(capsys, "calendar", "import-notice", str(path), "--year", "2015")
    assert code == 0
    assert [d["date"] for d in json.loads(out)["days"]][:2] == ["2015-09-03", "2015-09-04"]


@pytest.mark.parametrize(
    "text",
    [
        NOTICE_2026.replace("共9天", "共8天"),
        notice_text("2020-extension.txt").replace("至2月2日", "至2月30日"),
        "",
    ],
)
def test_a_notice_it_cannot_read_is_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "calendar", "import-notice", str(path))
    assert (code, out) == (2, "")
    assert_one_bilingual_sentence(err)


def test_bad_files_and_arguments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (
        ["calendar", "import-notice", str(tmp_path / "missing.txt")],
        ["calendar", "import-notice", str(tmp_path / "bad.txt")],
        ["calendar"],
    ):
        (tmp_path / "bad.txt").write_bytes(b"\x81\x30\xff\xff")
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert_one_bilingual_sentence(err)
    code, _, err = run(capsys, "calendar", "import-notice", "x.txt", "--year", "soon")
    assert code == 2
    assert "Traceback" not in err


def test_the_period_form_is_the_show_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "calendar", "2026-10") == run(capsys, "calendar", "show", "2026-10")
