"""A 公文 read from text is judged at a stage: by default a draft being submitted.

The attribute rules apply ``when has_event('submit')``; a text has no history, so before
stages a real 公文 with its （此件公开发布） line deleted passed. Real text:
邢政办字〔2017〕39号 (tests/text/fixtures/01_notice_standard.txt).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from gongkai import load_pack
from gongkai.cli import main
from gongkai.errors import RecordError
from gongkai.models import Document, Event
from gongkai.text import read_document
from gongkai.timezone import SHANGHAI
from gongkai.workflows import DocumentStage, DocumentWorkflow, document_at_stage

FIXTURES = Path(__file__).resolve().parents[1] / "text" / "fixtures"
NOTICE = FIXTURES / "01_notice_standard.txt"
MARKING = "（此件公开发布）"
AS_OF = "2026-04-10T09:00"
AT = datetime(2026, 4, 10, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture
def unmarked(tmp_path: Path) -> Path:
    text = NOTICE.read_text(encoding="utf-8")
    assert MARKING in text
    path = tmp_path / "unmarked.txt"
    path.write_text(text.replace(MARKING + "\n", ""), encoding="utf-8")
    return path


def test_a_real_text_without_its_marking_is_a_violation(
    unmarked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(unmarked), "--as-of", AS_OF]) == 1
    out = capsys.readouterr().out
    assert "✗ [error] national.document.attribute_required  拟制公文须明确公开属性并随文报批" in out
    assert "不通过 NOT OK：违反 1" in out


def test_the_same_text_with_its_marking_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTICE), "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "通过 OK：违反 0" in out
    assert main(["check", str(NOTICE), "--as-of", AS_OF, "--all"]) == 0
    assert "✓ [error] national.document.attribute_required" in capsys.readouterr().out


def test_stage_draft_does_not_judge_submission(
    unmarked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(unmarked), "--as-of", AS_OF, "--stage", "draft"]) == 0
    assert "通过 OK" in capsys.readouterr().out


def test_stage_publish_asks_for_the_secrecy_review(capsys: pytest.CaptureFixture[str]) -> None:
    """A text cannot show a passed secrecy review: judged as published, 第十七条 is violated."""
    assert main(["check", str(NOTICE), "--as-of", AS_OF, "--stage", "publish"]) == 1
    assert "✗ [error] national.document.secrecy_review" in capsys.readouterr().out


def test_unknown_stage_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(NOTICE), "--stage", "published"])
    assert exc.value.code == 2
    assert "invalid choice: 'published'" in capsys.readouterr().err


def test_a_json_record_keeps_its_history_unless_a_stage_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"kind": "document", "title": "某通知"}', encoding="utf-8")
    assert main(["check", str(path), "--as-of", AS_OF]) == 0
    assert main(["check", str(path), "--as-of", AS_OF, "--stage", "submit"]) == 1
    assert "national.document.attribute_required" in capsys.readouterr().out


@pytest.mark.parametrize("stage", list(DocumentStage))
def test_stage_events_are_the_workflow_path_up_to_the_stage(stage: DocumentStage) -> None:
    doc = document_at_stage(read_document(NOTICE).document, stage, AT)
    names = [e.name for e in doc.history]
    assert names == list(stage.events)
    assert names[-1] == stage.value
    assert all(e.at == AT for e in doc.history)


def test_the_stage_path_is_one_the_workflow_accepts() -> None:
    """Firing the events of the last stage one by one on a compliant 公文 is allowed."""
    read = read_document(NOTICE).document
    doc = Document.model_validate({**read.model_dump(), "secrecy_review": {"result": "通过"}})
    flow = DocumentWorkflow(doc, pack=load_pack("national"))
    for name in DocumentStage.PUBLISH.events:
        assert flow.fire(name, at=AT).allowed, name
    assert flow.state == "已公开"


def test_a_recorded_history_goes_on_from_its_last_stage_event() -> None:
    earlier = Event(name="submit", at=datetime(2026, 4, 1, tzinfo=SHANGHAI))
    doc = document_at_stage(Document(history=[earlier]), "sign", AT)
    assert [(e.name, e.at) for e in doc.history] == [("submit", earlier.at), ("sign", AT)]
    assert document_at_stage(doc, "submit", AT).history == doc.history


def test_a_stage_before_the_recorded_history_is_refused() -> None:
    late = Event(name="submit", at=datetime(2026, 5, 1, tzinfo=SHANGHAI))
    with pytest.raises(RecordError, match="早于历史中最后的事件 submit"):
        document_at_stage(Document(history=[late]), DocumentStage.SUBMIT, AT)
    with pytest.raises(RecordError, match="unknown document stage 'printed'"):
        DocumentStage.parse("printed")
