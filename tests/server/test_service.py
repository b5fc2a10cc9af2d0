"""The HTTP service through its interface: what a Java OA sends and gets back.

Records: examples/data/draft.json and draft.txt (the examples' 公文); periods and rules:
条例 (国务院令第711号) 第三十三条 20 working days, 第三十六条 reply types.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gongkai import load_pack, load_record
from gongkai.cli import main
from gongkai.rules.pack import Pack
from gongkai.server import create_app
from gongkai.store import WorkflowStore

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "examples" / "data" / "draft.json"
AS_OF = "2026-04-10T09:00"
PROBLEM = "application/problem+json"


def _problem(response: object, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status and body["detail"] == f"{body['zh']}（{body['en']}）"
    assert "Traceback" not in response.text  # type: ignore[attr-defined]
    return body


# -- checks ------------------------------------------------------------------------------


def test_check_a_record_gives_what_the_command_line_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    record = json.loads(DRAFT.read_text(encoding="utf-8"))
    response = client.post("/check", json=record, params={"as_of": AS_OF})
    assert response.status_code == 200
    body = response.json()
    assert main(["check", str(DRAFT), "--as-of", AS_OF, "--format", "json"]) == 1
    assert body == json.loads(capsys.readouterr().out)
    assert body == load_pack("national").check(load_record(record), AS_OF).to_json_data()
    violated = {f["rule_id"] for f in body["findings"] if f["status"] in ("violated", "overdue")}
    assert violated == {
        "national.document.interpretation_bundle",
        "national.document.proactive_20wd",
    }


def test_check_with_another_bundled_pack(client: TestClient) -> None:
    record = json.loads(DRAFT.read_text(encoding="utf-8"))
    body = client.post("/check", json=record, params={"as_of": AS_OF, "pack": "xingtai"}).json()
    assert body["header"]["pack"] == "xingtai"
    assert any(f["rule_id"].startswith("xingtai.") for f in body["findings"])


def test_check_a_file_gives_what_the_command_line_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ROOT / "examples" / "data" / "draft.txt"
    for stage in (None, "sign"):
        params = {"as_of": "2026-04-09T09:00", **({"stage": stage} if stage else {})}
        files = {"file": ("draft.txt", path.read_bytes(), "text/plain")}
        body = client.post("/check/file", files=files, params=params).json()
        argv = ["check", str(path), "--as-of", params["as_of"], "--format", "json"]
        main([*argv, *(["--stage", stage] if stage else [])])
        assert body == json.loads(capsys.readouterr().out)
        assert body["record"]["history"][-1]["name"] == (stage or "submit")
    assert _problem(client.post("/check/file", files=files, params={"stage": "x"}), 400)


def test_check_a_file(client: TestClient) -> None:
    text = (ROOT / "examples" / "data" / "draft.txt").read_bytes()
    for content in (text, text.decode("utf-8").encode("gb18030")):
        response = client.post(
            "/check/file", files={"file": ("draft.txt", content, "text/plain")},
            params={"as_of": "2026-04-09T09:00"},
        )  # fmt: skip
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["record"]["doc_number"] == "某政办发〔2026〕21号"
        assert body["lines"]["doc_number"] == 7
        assert "national.document.classified_not_public" in {
            f["rule_id"] for f in body["findings"] if f["status"] == "violated"
        }


def test_a_pdf_and_a_docx_are_read_as_gongkai_check_reads_them(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = ROOT / "tests" / "text" / "data" / "01_notice_standard.pdf"
    files = {"file": (pdf.name, pdf.read_bytes(), "application/pdf")}
    body = client.post("/check/file", files=files, params={"as_of": "2026-04-09T09:00"}).json()
    main(["check", str(pdf), "--as-of", "2026-04-09T09:00", "--format", "json"])
    assert body == json.loads(capsys.readouterr().out)
    assert body["record"]["doc_number"]


def test_a_file_that_is_not_text_is_refused(client: TestClient) -> None:
    pdf = b"%PDF-1.7\n\x00\xff\xfe binary"
    response = client.post("/check/file", files={"file": ("a.pdf", pdf, "application/pdf")})
    assert "a.pdf" in str(_problem(response, 400)["en"])


def test_deadline(client: TestClient) -> None:
    """条例 第三十三条: received 2026-03-10, 20 working days -> 2026-04-08 (清明 4-4..6 off)."""
    body = client.post("/deadline", json={"start": "2026-03-10", "duration": "20个工作日"}).json()
    assert body["due_date"] == "2026-04-08" and body["estimated"] is False
    body = client.post(
        "/deadline", json={"start": "2027-12-20", "duration": "20 workdays", "estimate": True}
    ).json()
    assert body["estimated"] is True
    problem = _problem(
        client.post("/deadline", json={"start": "2027-12-20", "duration": "20 workdays"}), 400
    )
    assert "2027" in str(problem["zh"]) and problem["type"] == "urn:gongkai:problem:bad-input"


def test_packs_rules_and_schemas(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    packs = {p["name"]: p for p in client.get("/packs").json()}
    assert packs["xingtai"]["extends"] == ["national"]
    assert packs["national"]["rules"] == len(load_pack("national").rules)
    rules = client.get("/packs/national/rules").json()
    reply = next(r for r in rules if r["id"] == "national.request.reply_20wd")
    assert reply["source"]["clause"] == "第三十三条"
    assert client.get("/packs/national/rules/national.request.reply_20wd").json() == reply
    schema = client.get("/schemas/request").json()
    assert "history" in schema["properties"]
    for kind in ("request", "pack", "report"):
        assert main(["schema", kind]) == 0
        assert client.get(f"/schemas/{kind}").json() == json.loads(capsys.readouterr().out)
    assert (
        _problem(client.get("/packs/nowhere/rules"), 404)["type"] == "urn:gongkai:problem:not-found"
    )
    _problem(client.get("/packs/../../etc/passwd/rules"), 404)
    # an address naming what does not exist is 404, like an unknown pack
    assert "pack-of-cards" in str(_problem(client.get("/schemas/pack-of-cards"), 404)["zh"])
    assert "nope" in str(_problem(client.get("/packs/national/rules/nope"), 404)["en"])


def test_openapi_document_names_the_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/check", "/check/file", "/deadline", "/workflows", "/workflows/{key}/events",
            "/clocks"} <= set(spec["paths"])  # fmt: skip
    schemas = spec["components"]["schemas"]
    assert {"Decision", "Finding", "Problem", "DisclosureRequest", "Document"} <= set(schemas)
    assert {"ReportData", "ReportData-Output"} & set(schemas)  # the /check answer's shape


# -- workflows ----------------------------------------------------------------------------


def test_a_request_through_its_workflow(client: TestClient) -> None:
    created = client.post("/workflows", json={"key": "YSQ-2026-0015", "kind": "request"})
    assert created.status_code == 201 and created.json()["version"] == 0
    received = client.post(
        "/workflows/YSQ-2026-0015/events",
        json={"event": "receive", "at": "2026-03-02T09:00", "version": 0},
    ).json()
    assert received["decision"]["allowed"] and received["version"] == 1
    assert [(c["rule_id"], c["due_at"][:10]) for c in received["clocks"]] == [
        ("national.request.reply_20wd", "2026-03-30")
    ]
    blocked = client.post(
        "/workflows/YSQ-2026-0015/events", json={"event": "reply", "at": "2026-03-20T10:00"}
    ).json()
    assert not blocked["decision"]["allowed"] and blocked["version"] == 1
    (finding,) = blocked["decision"]["blocking"]
    assert finding["rule_id"] == "national.request.reply_type"
    assert finding["source"]["clause"] == "第三十六条"
    replied = client.post(
        "/workflows/YSQ-2026-0015/events",
        json={"event": "reply", "at": "2026-03-20T10:05", "version": 1,
              "update": {"reply_type": "予以公开"}},
    ).json()  # fmt: skip
    assert replied["decision"]["allowed"] and replied["state"] == "REPLIED"
    read = client.get("/workflows/YSQ-2026-0015").json()
    assert (read["version"], read["state"], read["available"]) == (
        2,
        "REPLIED",
        ["serve", "publish_proactively", "archive"],
    )  # 送达 (or a proactive publication) may follow the reply
    assert read["snapshot"]["record"]["reply_type"] == "予以公开"
    log = client.get("/workflows/YSQ-2026-0015/log").json()
    assert [(e["action"], e["event"], e["allowed"]) for e in log] == [
        ("create", None, True), ("fire", "receive", True), ("fire", "reply", False),
        ("fire", "reply", True),
    ]  # fmt: skip
    assert client.get("/workflows").json() == [
        {"key": "YSQ-2026-0015", "kind": "request", "state": "REPLIED", "version": 2}
    ]


def test_a_stale_version_is_409_and_nothing_is_written(client: TestClient) -> None:
    client.post("/workflows", json={"key": "YSQ-2026-0007", "kind": "request"})
    client.post(
        "/workflows/YSQ-2026-0007/events", json={"event": "receive", "at": "2026-03-10T09:30"}
    )
    stale = client.post(
        "/workflows/YSQ-2026-0007/events",
        json={"event": "register", "at": "2026-03-10T10:00", "version": 0},
    )
    problem = _problem(stale, 409)
    assert problem["current_version"] == 1 and problem["type"] == "urn:gongkai:problem:conflict"
    assert len(client.get("/workflows/YSQ-2026-0007/log").json()) == 2
    assert client.get("/workflows/YSQ-2026-0007").json()["state"] == "RECEIVED"
    _problem(client.post("/workflows", json={"key": "YSQ-2026-0007", "kind": "request"}), 409)


def test_a_workflow_created_from_a_record(client: TestClient) -> None:
    record = {"kind": "request", "id": "YSQ-2026-0011",
              "history": [{"name": "receive", "at": "2026-02-09T10:00"}]}  # fmt: skip
    created = client.post(
        "/workflows", json={"key": "YSQ-2026-0011", "kind": "request", "record": record}
    )
    assert created.json()["state"] == "RECEIVED"
    clocks = client.get("/clocks", params={"as_of": "2026-04-01T18:00"}).json()
    assert [(c["key"], c["finding"]["status"], c["finding"]["due_at"][:10]) for c in clocks] == [
        ("YSQ-2026-0011", "overdue", "2026-03-13")
    ]
    assert client.get("/clocks", params={"as_of": "2026-04-01", "kind": "document"}).json() == []


def test_workflow_errors_are_problems(client: TestClient) -> None:
    _problem(client.get("/workflows/YSQ-404"), 404)
    _problem(client.post("/workflows/YSQ-404/events", json={"event": "receive"}), 404)
    _problem(client.post("/workflows", json={"key": "x", "kind": "agency"}), 400)
    _problem(client.post("/workflows", json={"key": "a/b", "kind": "request"}), 422)
    client.post("/workflows", json={"key": "Y", "kind": "request"})
    unknown = _problem(client.post("/workflows/Y/events", json={"event": "publish"}), 400)
    assert "no event publish" in str(unknown["en"])
    invalid = _problem(client.post("/workflows/Y/events", json={"at": "2026-03-02"}), 422)
    assert "event" in str(invalid["en"]) and invalid["instance"] == "/workflows/Y/events"
    _problem(client.post("/check", json={"kind": "request"}, params={"as_of": "tomorrow"}), 400)
    _problem(client.delete("/workflows/Y"), 405)


def test_a_record_with_an_unknown_event_is_a_422_in_each_language_once(
    client: TestClient,
) -> None:
    record = {"kind": "request", "history": [{"name": "publsh", "at": "2026-12-04T10:00"}]}
    body = _problem(client.post("/check", json=record), 422)
    zh, en = str(body["zh"]), str(body["en"])
    assert zh.startswith("请求有误：body.request（history.0.name：request 记录没有事件 'publsh'")
    assert en.startswith("invalid request: body.request: history.0.name: a request record has")
    assert "Value error" not in str(body["detail"])
    assert "known:" not in str(body["zh"]) and "可用" not in str(body["en"])


def test_an_unexpected_failure_is_a_500_problem_without_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.rules.pack import Pack

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Pack, "check", broken)
    response = client.post("/check", json={"kind": "request"})
    problem = _problem(response, 500)
    assert "please report" in str(problem["en"]) and "secret internals" not in response.text


def test_a_slow_file_check_does_not_block_the_other_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a file is read and checked in a worker thread, not on the event loop: a big PDF being
    # read must not stop /health or another clerk's request (one loop, as under uvicorn)
    entered, answered = threading.Event(), threading.Event()
    check = Pack.check

    def slow_check(self: Pack, *args: object, **kwargs: object) -> object:
        entered.set()
        assert answered.wait(10), "the event loop was blocked by a check"
        return check(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pack, "check", slow_check)
    upload = {"file": ("draft.txt", (ROOT / "examples" / "data" / "draft.txt").read_bytes())}
    with (
        WorkflowStore(f"sqlite:///{tmp_path}/s.sqlite3") as store,
        TestClient(create_app(store), raise_server_exceptions=False) as shared_loop,
    ):
        results: list[int] = []
        worker = threading.Thread(
            target=lambda: results.append(shared_loop.post("/check/file", files=upload).status_code)
        )
        worker.start()
        assert entered.wait(10)
        assert shared_loop.get("/health").status_code == 200
        answered.set()
        worker.join(20)
    assert results == [200]


def test_deadline_in_a_year_without_data_and_out_of_range(client: TestClient) -> None:
    """条例 第三十三条 from 2026-12-04: 2027 has no official data yet; the problem says how to
    ask this service for the estimate, which does not land on 元旦 (2027-01-01)."""
    period = {"start": "2026-12-04", "duration": "20个工作日"}
    assert '"estimate": true' in str(_problem(client.post("/deadline", json=period), 400)["en"])
    body = client.post("/deadline", json={**period, "estimate": True}).json()
    assert (body["due_date"], body["estimated"]) == ("2027-01-04", True)
    late = {"start": "9999-12-31T22:00", "duration": "5小时"}
    assert "1900" in str(_problem(client.post("/deadline", json=late), 400)["zh"])
