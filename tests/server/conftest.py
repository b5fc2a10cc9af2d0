"""A service on a fresh SQLite store, driven through FastAPI's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gongkai.server import create_app
from gongkai.store import WorkflowStore


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """The service on an empty SQLite file; server errors come back as responses."""
    with WorkflowStore(f"sqlite:///{tmp_path}/service.sqlite3") as store:
        yield TestClient(create_app(store), raise_server_exceptions=False)
