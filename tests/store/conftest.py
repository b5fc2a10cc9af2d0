"""Store URLs to test against: a SQLite file always, PostgreSQL when GONGKAI_TEST_POSTGRES
names a server (.ci/run starts one; see .ci/postgres)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES = os.environ.get("GONGKAI_TEST_POSTGRES", "")
NO_POSTGRES = (
    "GONGKAI_TEST_POSTGRES is not set: no PostgreSQL server to test against "
    "(.ci/run starts one with .ci/postgres)"
)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    if not POSTGRES:
        pytest.skip(NO_POSTGRES)
    import psycopg

    name = f"gongkai_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workflows.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))
