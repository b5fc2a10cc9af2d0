"""The two databases a store lives in, behind one small interface.

Both hold the same tables (:data:`SCHEMA`). A :class:`Database` owns one connection;
``transaction()`` serialises the store's own threads on it and runs one database
transaction: SQLite takes the write lock at the start (``BEGIN IMMEDIATE``), so a read
and the write that depends on it cannot interleave with another process's;
PostgreSQL reads the workflow's row ``FOR UPDATE`` (:attr:`Database.lock_row`).
Database errors come out as :class:`~gongkai.errors.StoreError`, a lost insert race
(unique key) as :class:`~gongkai.errors.ConflictError`.
"""

from __future__ import annotations

import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from gongkai.errors import ConflictError, StoreError

#: The tables, the same in SQLite and PostgreSQL (JSON is kept as text).
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS gongkai_workflows (
    id         TEXT PRIMARY KEY,  -- the OA system's key (文号, 申请编号)
    kind       TEXT NOT NULL,     -- document | meeting | request | incident
    state      TEXT NOT NULL,     -- the state's name, for work lists
    version    INTEGER NOT NULL,  -- 0 when created, +1 at each allowed event
    snapshot   TEXT NOT NULL,     -- Workflow.snapshot() as JSON
    updated_at TEXT NOT NULL      -- instant of the creation or last allowed event (ISO 8601)
)""",
    """CREATE TABLE IF NOT EXISTS gongkai_log (
    workflow_id TEXT NOT NULL REFERENCES gongkai_workflows (id),
    seq         INTEGER NOT NULL, -- 0 = created, then 1, 2, ... for each decision
    version     INTEGER NOT NULL, -- the workflow's version after the entry
    action      TEXT NOT NULL,    -- create | fire
    event       TEXT,             -- the event fired (NULL for create)
    at          TEXT NOT NULL,    -- instant of the creation or event (ISO 8601)
    allowed     INTEGER NOT NULL, -- 1 when the entry changed the workflow
    data        TEXT NOT NULL,    -- JSON: the snapshot created, or the event's input and decision
    PRIMARY KEY (workflow_id, seq)
)""",
)

Rows = list[tuple[Any, ...]]
Execute = Callable[[str, Sequence[Any]], Rows]


class Database(ABC):
    """One connection to a store's database; subclasses say how to open and lock."""

    #: appended to the SELECT that reads a workflow before changing it
    lock_row = ""
    #: run before creating the tables, where concurrent CREATE TABLE IF NOT EXISTS can race
    lock_schema = ""

    def __init__(self, url: str) -> None:
        self.url = url
        self._mutex = threading.Lock()
        with self.transaction() as execute:
            if self.lock_schema:
                execute(self.lock_schema, ())
            for statement in SCHEMA:
                execute(statement, ())

    def transaction(self, *, write: bool = True) -> AbstractContextManager[Execute]:
        """One transaction; yields ``execute(sql, params) -> rows`` (``?`` placeholders)."""
        return self._transaction(write)

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Execute]:
        with self._mutex, self._translated():
            yield from self._run(write)

    @abstractmethod
    def _run(self, write: bool) -> Iterator[Execute]:
        """Begin, yield the executor, commit (roll back when the block raises)."""

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except self._unique_errors() as err:
            raise ConflictError(
                f"写入冲突，另一请求已写入同一记录：{_first_line(err)}",
                f"write conflict, another request wrote the same row: {_first_line(err)}",
            ) from None
        except self._errors() as err:
            raise StoreError(
                f"工作流存储 {self.url} 出错：{_first_line(err)}",
                f"workflow store {self.url} failed: {_first_line(err)}",
            ) from None

    @abstractmethod
    def _unique_errors(self) -> type[Exception]:
        """The driver's error for a duplicate key."""

    @abstractmethod
    def _errors(self) -> type[Exception]:
        """The driver's base error class."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""


class SQLiteDatabase(Database):
    """A SQLite file (or ``:memory:``): the standard library's sqlite3, nothing to set up."""

    def __init__(self, path: str, url: str) -> None:
        if path != ":memory:" and not Path(path).parent.is_dir():
            raise StoreError(
                f"工作流存储 {url} 所在的目录不存在",
                f"the folder of workflow store {url} does not exist",
            )
        self._conn = sqlite3.connect(
            path, timeout=60, isolation_level=None, check_same_thread=False
        )
        if path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
        super().__init__(url)

    def _run(self, write: bool) -> Iterator[Execute]:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield lambda sql, params: conn.execute(sql, params).fetchall()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _unique_errors(self) -> type[Exception]:
        return sqlite3.IntegrityError

    def _errors(self) -> type[Exception]:
        return sqlite3.Error

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


class PostgresDatabase(Database):
    """A PostgreSQL database shared by several services (psycopg 3, ``gongkai[postgres]``)."""

    lock_row = " FOR UPDATE"
    lock_schema = "SELECT pg_advisory_xact_lock(1802464871)"  # b"kong" as an int

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                "使用 PostgreSQL 存储需要安装 psycopg：pip install 'gongkai[postgres]'",
                "a PostgreSQL store needs psycopg: pip install 'gongkai[postgres]'",
            ) from None
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url)
        except psycopg.Error as err:
            raise StoreError(
                f"无法连接工作流存储 {_hide_password(url)}：{_first_line(err)}",
                f"cannot connect to workflow store {_hide_password(url)}: {_first_line(err)}",
            ) from None
        super().__init__(_hide_password(url))

    def _run(self, write: bool) -> Iterator[Execute]:
        with self._conn.transaction(), self._conn.cursor() as cur:

            def execute(sql: str, params: Sequence[Any]) -> Rows:
                cur.execute(sql.replace("?", "%s"), params)
                return cur.fetchall() if cur.description else []

            yield execute

    def _unique_errors(self) -> type[Exception]:
        return self._psycopg.errors.UniqueViolation

    def _errors(self) -> type[Exception]:
        return self._psycopg.Error

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


def connect(url: str) -> Database:
    """The database a store URL names: ``sqlite:///relative.db``, ``sqlite:////abs/path.db``,
    ``sqlite:///:memory:``, a bare file path (SQLite), or ``postgresql://user@host/db``."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return SQLiteDatabase(url, url)
    if scheme == "sqlite" and rest.startswith("/") and len(rest) > 1:
        return SQLiteDatabase(rest[1:], url)
    if scheme in ("postgresql", "postgres"):
        return PostgresDatabase(url)
    raise StoreError(
        f"无法识别的存储地址 {url}（应为 sqlite:///文件路径 或 postgresql://…）",
        f"unknown store URL {url} (expected sqlite:///path or postgresql://...)",
    )


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def _hide_password(url: str) -> str:
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.partition("://")[2]:
        return url
    scheme, _, user = head.partition("://")
    return f"{scheme}://{user.split(':', 1)[0]}:***@{tail}"
