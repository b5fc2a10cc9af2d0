"""The HTTP service: checks, deadlines, rules, schemas and stored workflows.

Every endpoint calls the functions the command line calls (``Pack.check``,
``due_after``, ``Report.to_json_data``, ``WorkflowStore``); the OpenAPI document at
``/openapi.json`` (browsable at ``/docs``) is generated from the pydantic models.
Packs are chosen by name among the bundled packs and the one the service was started
with: a client cannot make the server read a file. Checks of records are ``async``: they
are CPU-bound and short (≈ 0.5 ms), and a hop to the thread pool costs more than it gives
(one interpreter lock either way); the workflow endpoints wait on the database, and
``/check/file`` reads a .docx or .pdf of up to 20 MB (seconds), so they run in the thread
pool and never hold up the event loop.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, File, Query, UploadFile
from fastapi.responses import JSONResponse

from gongkai._version import __version__
from gongkai.calendar import CoveragePolicy, WorkCalendar
from gongkai.clocks import Duration, due_after
from gongkai.errors import CalendarCoverageError, GongkaiError, PackNotFoundError
from gongkai.models import RECORD_KINDS, AnyRecord, Document, Record
from gongkai.models.limits import instant
from gongkai.rules.definition import PackSpec, RuleSpec
from gongkai.rules.pack import Pack, available_packs, load_pack
from gongkai.rules.report import Status
from gongkai.rules.report_schema import ReportData, published_schema, report_schema
from gongkai.server import problems
from gongkai.server.models import (
    DeadlineIn,
    DeadlineOut,
    EventIn,
    FiredOut,
    PackInfo,
    WorkflowIn,
    WorkflowOut,
    WorkflowRow,
)
from gongkai.server.uploads import read_upload
from gongkai.store import LogEntry, OpenClock, Stored, WorkflowStore
from gongkai.timezone import SHANGHAI
from gongkai.workflows.stages import DocumentStage, document_at_stage

PackName = Annotated[str | None, Query(description="规则包名称 / bundled pack name")]
AsOf = Annotated[str | None, Query(description="检查时点 ISO（默认现在）/ instant, default now")]
Stage = Annotated[
    str | None,
    Query(description="公文所处阶段（文本默认 submit）/ the 公文's stage, as check --stage"),
]
_REPORT: dict[int | str, dict[str, Any]] = {200: {"model": ReportData, "description": "the report"}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": problems.Problem, "description": text}
    for code, text in ((400, "bad input"), (404, "not found"), (409, "conflict"))
}


def create_app(store: WorkflowStore | str = "sqlite:///gongkai-workflows.sqlite3") -> FastAPI:
    """The service on ``store`` (a store, or its URL); checks use the store's pack unless a
    request names another bundled pack."""
    workflows = WorkflowStore(store) if isinstance(store, str) else store
    app = FastAPI(
        title="gongkai",
        version=__version__,
        summary="政务公开规则检查服务 — Chinese government disclosure rules over HTTP",
        responses=_ERRORS,
    )
    problems.install(app)
    app.include_router(_checks(workflows.pack, workflows.calendar))
    app.include_router(_workflows(workflows))
    app.include_router(_clocks(workflows))
    return app


def _pack(default: Pack, name: str | None) -> Pack:
    if name is None or name == default.name:
        return default
    if name not in available_packs():
        known = ", ".join(available_packs())
        raise PackNotFoundError(
            f"没有名为 {name} 的规则包（可用：{known}）", f"no pack named {name} (known: {known})"
        )
    return load_pack(name)


def _as_of(text: str | None) -> datetime | None:
    return None if text is None else instant(text, "as_of", "检查时点")


def _checks(default: Pack, calendar: WorkCalendar) -> APIRouter:
    router = APIRouter()

    def report(
        record: Record, pack: str | None, as_of: str | None, stage: str | None,
        *, lines: dict[str, int] | None = None,
    ) -> JSONResponse:  # fmt: skip
        """As ``gongkai check``: a 公文 is put at its stage first (a text at submit)."""
        when = _as_of(as_of) or datetime.now(SHANGHAI)
        text = lines is not None
        at = DocumentStage.parse(stage) if stage else DocumentStage.SUBMIT if text else None
        if at is not None and isinstance(record, Document):
            record = document_at_stage(record, at, when)
        checked = _pack(default, pack).check(record, when, calendar=calendar)
        return JSONResponse(checked.to_json_data(lines=lines))

    @router.get("/health", tags=["service"])
    async def health() -> dict[str, str]:
        """The service is up: its version, pack and store."""
        return {"status": "ok", "version": __version__, "pack": default.name}

    @router.post("/check", tags=["check"], responses=_REPORT)
    async def check_record(
        record: AnyRecord, pack: PackName = None, as_of: AsOf = None, stage: Stage = None
    ) -> JSONResponse:
        """Every finding of the pack on a record (JSON; ``kind`` names it), as
        ``gongkai check --format json`` prints it."""
        return report(record, pack, as_of, stage)

    @router.post("/check/file", tags=["check"], responses=_REPORT)
    def check_file(
        file: Annotated[UploadFile, File(description="公文 .txt")],
        pack: PackName = None,
        as_of: AsOf = None,
        stage: Stage = None,
    ) -> JSONResponse:
        """Every finding of the pack on a 公文 sent as a file (multipart ``file``), judged
        at ``stage`` (default submit), as ``gongkai check FILE.txt --format json``."""
        document, lines = read_upload(file.filename or "upload", file.file.read())
        return report(document, pack, as_of, stage, lines=lines)

    @router.post("/deadline", tags=["check"])
    async def deadline(period: DeadlineIn) -> DeadlineOut:
        """When a period counted from ``start`` ends (the start day is not counted)."""
        policy = CoveragePolicy.ESTIMATE if period.estimate else CoveragePolicy.STRICT
        cal = calendar.with_policy(policy)
        start = instant(period.start, "start", "起算时间")
        duration = Duration.parse(period.duration)
        try:
            due = due_after(start, duration, cal, roll=period.roll)
        except CalendarCoverageError as err:
            raise GongkaiError(
                f'{err.zh}；本服务：在请求中写 "estimate": true',
                f'{err.en}; in this service: send "estimate": true',
            ) from None
        return DeadlineOut(
            start=start, duration=str(duration), due_at=due.at, due_date=due.date,
            estimated=due.estimated, calendar=list(cal.provenance),
        )  # fmt: skip

    @router.get("/packs", tags=["rules"])
    async def packs() -> list[PackInfo]:
        """The bundled rule packs."""
        loaded = [load_pack(name) for name in available_packs()]
        return [
            PackInfo(name=p.name, title=p.title, extends=list(p.chain[1:]), rules=len(p.rules))
            for p in loaded
        ]

    @router.get("/packs/{name}/rules", tags=["rules"], response_model_exclude_none=True)
    async def rules(name: str) -> list[RuleSpec]:
        """Every rule of a pack, with its source."""
        return [r.spec for r in _pack(default, name).rules]

    @router.get("/packs/{name}/rules/{rule_id}", tags=["rules"], response_model_exclude_none=True)
    async def rule(name: str, rule_id: str) -> RuleSpec:
        """One rule of a pack."""
        pack = _pack(default, name)
        if not pack.has_rule(rule_id):
            raise problems.UnknownResourceError(
                f"规则包 {pack.name} 中没有规则 {rule_id}",
                f"pack {pack.name} has no rule {rule_id}",
            )
        return pack.rule(rule_id).spec

    @router.get("/schemas/{kind}", tags=["rules"])
    async def schema(kind: str) -> dict[str, Any]:
        """The JSON Schema of a record kind (document, meeting, request, incident, agency,
        message), of a pack file (``pack``) or of a report (``report``), as ``gongkai
        schema KIND`` prints it."""
        if kind == "report":
            return report_schema()
        if kind == "pack":
            return published_schema(PackSpec)
        if kind not in RECORD_KINDS:
            known = ", ".join((*RECORD_KINDS, "pack", "report"))
            raise problems.UnknownResourceError(
                f"没有 {kind} 模式（可用：{known}）", f"no schema {kind} (known: {known})"
            )
        return published_schema(RECORD_KINDS[kind])

    return router


def _workflows(store: WorkflowStore) -> APIRouter:
    router = APIRouter(prefix="/workflows", tags=["workflows"])

    def shown(read: Stored) -> WorkflowOut:
        workflow = read.workflow
        return WorkflowOut(
            key=read.key, kind=type(workflow).definition.name, version=read.version,
            state=workflow.state.name, available=workflow.available(), snapshot=workflow.snapshot(),
        )  # fmt: skip

    @router.post("", status_code=201)
    def create(new: WorkflowIn) -> WorkflowOut:
        """Store a new workflow (version 0); 409 if the key exists."""
        return shown(store.create(new.key, new.kind, new.record, at=new.at))

    @router.get("")
    def index(kind: str | None = None) -> list[WorkflowRow]:
        """Every stored workflow (of ``kind``) with its state and version."""
        return [
            WorkflowRow(key=k, kind=kd, state=s, version=v) for k, kd, s, v in store.index(kind)
        ]

    @router.get("/{key}")
    def get(key: str) -> WorkflowOut:
        """A stored workflow: version, state, available events, snapshot."""
        return shown(store.get(key))

    @router.post("/{key}/events")
    def fire(key: str, event: EventIn) -> FiredOut:
        """Fire an event: the decision (why refused, with the rules' sources) and the
        deadlines running after it; 409 when ``version`` is stale."""
        fired = store.fire(
            key, event.event, event.at, expected_version=event.version, actor=event.actor,
            update=event.update, data=event.data,
        )  # fmt: skip
        decision = fired.decision
        findings = fired.workflow.check(decision.at).findings
        running = (Status.PENDING, Status.OVERDUE)
        clocks = [f for f in findings if f.due_at is not None and f.status in running]
        return FiredOut(
            decision=decision, version=fired.version, state=decision.state, clocks=clocks
        )

    @router.get("/{key}/log")
    def log(key: str) -> list[LogEntry]:
        """The workflow's append-only log: its creation and every decision."""
        return store.log(key)

    return router


def _clocks(store: WorkflowStore) -> APIRouter:
    router = APIRouter(tags=["workflows"])

    @router.get("/clocks")
    def clocks(as_of: AsOf = None, kind: str | None = None) -> list[OpenClock]:
        """The pending and overdue deadlines of every stored workflow, earliest due first."""
        return store.open_clocks(_as_of(as_of) or datetime.now().astimezone(), kind=kind)

    return router
