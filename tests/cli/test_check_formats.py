"""``gongkai check FILE`` reads a 公文 in every format and encoding, through read_record."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gongkai.cli.inputs import read_record
from gongkai.cli.main import main
from tests.text.builders import docx_bytes, text_docx

TEXTS = Path(__file__).parents[1] / "text" / "fixtures"
PDFS = Path(__file__).parents[1] / "text" / "data"
STANDARD = TEXTS / "01_notice_standard.txt"


def check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["check", str(path), "--as-of", "2026-04-10", "--format", "json"])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reads_docx_pdf_and_gbk_like_the_utf8_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = STANDARD.read_text(encoding="utf-8")
    files = {
        "draft.docx": docx_bytes(text_docx(text)),
        "draft.pdf": (PDFS / "01_notice_standard.pdf").read_bytes(),
        "draft-gbk.txt": text.encode("gbk"),
        "draft-utf16.txt": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
        "no-suffix": docx_bytes(text_docx(text)),  # the content decides
    }
    want_code, want_out, _ = check(capsys, STANDARD)
    want = json.loads(want_out)
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = check(capsys, path)
        assert (code, err) == (want_code, ""), name
        got = json.loads(out)
        assert got["findings"] == want["findings"], name
        assert "".join(got["record"]["doc_number"].split()) == want["record"]["doc_number"]


def test_read_record_keeps_lines_for_docx(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_bytes(text_docx(STANDARD.read_text(encoding="utf-8"))))
    found = read_record(str(path))
    assert found.lines["doc_number"] == 3 and found.lines["disclosure_marking"] == 14


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("archive.ofd", b"PK\x03\x04", "OFD"),
        ("draft.docx", b"%PDF-1.7\n", "格式与内容不符"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        ("gbk.json", '{"kind": "request"}'.encode("utf-16"), "不是 UTF-8"),
    ],
)
def test_unreadable_files_exit_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = check(capsys, path)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and says in err and "Traceback" not in err


def test_dev_zero_ends_quickly_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.perf_counter()
    code, out, err = check(capsys, Path("/dev/zero"))
    assert (code, out) == (2, "")
    assert "20 MB" in err
    assert time.perf_counter() - start < 10  # bounded read, never MemoryError
