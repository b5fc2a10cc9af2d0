"""Errors as RFC 9457 problem details (``application/problem+json``), never a traceback.

Every problem carries ``zh`` and ``en``, the same sentence in Chinese and English, and
``detail``, both on one line (Chinese first), as the command line prints them.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from gongkai.errors import (
    ConflictError,
    GongkaiError,
    PackNotFoundError,
    StoreError,
    WorkflowNotFoundError,
    split_bilingual,
)

MEDIA_TYPE = "application/problem+json"
_LOG = logging.getLogger("gongkai.server")


class Problem(BaseModel):
    """An RFC 9457 problem detail with gongkai's two-language sentence."""

    type: str = "about:blank"  #: a URI naming the kind of problem (``urn:gongkai:problem:…``)
    title: str
    status: int
    detail: str
    instance: str | None = None  #: the request path
    zh: str
    en: str
    current_version: int | None = None  #: for a stale version (409): the version stored now


class UnknownResourceError(GongkaiError):
    """The address names a schema or rule that does not exist (HTTP 404)."""


#: error class -> (status, problem type name, title); the first match in order wins
_KINDS: tuple[tuple[type[GongkaiError], HTTPStatus, str, str], ...] = (
    (ConflictError, HTTPStatus.CONFLICT, "conflict", "冲突 Conflict"),
    (WorkflowNotFoundError, HTTPStatus.NOT_FOUND, "not-found", "不存在 Not found"),
    (PackNotFoundError, HTTPStatus.NOT_FOUND, "not-found", "不存在 Not found"),
    (UnknownResourceError, HTTPStatus.NOT_FOUND, "not-found", "不存在 Not found"),
    (StoreError, HTTPStatus.SERVICE_UNAVAILABLE, "store", "存储不可用 Store unavailable"),
    (GongkaiError, HTTPStatus.BAD_REQUEST, "bad-input", "输入有误 Bad input"),
)

#: what the client can say about an unexpected failure (the details go to the server log)
_INTERNAL = (
    "gongkai 服务内部错误，请报告此问题",
    "an unexpected failure of the gongkai service; please report it",
)


def problem_response(problem: Problem) -> JSONResponse:
    """The problem as an HTTP response."""
    return JSONResponse(
        problem.model_dump(exclude_none=True), status_code=problem.status, media_type=MEDIA_TYPE
    )


def _problem(
    status: HTTPStatus, kind: str | None, title: str, zh: str, en: str, request: Request
) -> Problem:
    return Problem(
        type=f"urn:gongkai:problem:{kind}" if kind else "about:blank",
        title=title,
        status=int(status),
        detail=f"{zh}（{en}）",
        instance=request.url.path,
        zh=zh,
        en=en,
    )


async def _gongkai_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GongkaiError)
    status, kind, title = next((s, k, t) for cls, s, k, t in _KINDS if isinstance(exc, cls))
    problem = _problem(status, kind, title, exc.zh, exc.en, request)
    if isinstance(exc, ConflictError):
        problem.current_version = exc.current_version
    return problem_response(problem)


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid"}
    where = ".".join(str(p) for p in first.get("loc", ())) or "(request)"
    more = len(errors) - 1
    msg_zh, msg_en = split_bilingual(str(first["msg"]))
    zh = f"请求有误：{where}{f' 等 {len(errors)} 处' if more else ''}（{msg_zh}）"
    en = f"invalid request: {where}{f' and {more} more' if more else ''}: {msg_en}"
    status = HTTPStatus.UNPROCESSABLE_ENTITY
    return problem_response(
        _problem(status, "invalid-request", "请求有误 Invalid request", zh, en, request)
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    status = HTTPStatus(exc.status_code)
    zh = {404: "没有这个地址", 405: "此地址不支持该方法"}.get(
        status, f"请求未能处理（HTTP {status.value}）"
    )
    en = str(exc.detail) if exc.detail else status.phrase
    return problem_response(_problem(status, None, status.phrase, zh, en, request))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    _LOG.error("unexpected failure on %s", request.url.path, exc_info=exc)
    status = HTTPStatus.INTERNAL_SERVER_ERROR
    return problem_response(_problem(status, "internal", status.phrase, *_INTERNAL, request))


def install(app: FastAPI) -> None:
    """Route every error of ``app`` to a problem response."""
    app.add_exception_handler(GongkaiError, _gongkai_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
