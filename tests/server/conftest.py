"""Fixtures of the server and sync tests: each runs against SQLite and, when
INSPECTOR_TEST_PG_URL is set (``.ci/run`` sets it), against a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sync_helpers import LiveServer, Seed, reset_database, seed

from inspector_app.sync.protocol import PROTOCOL_VERSION, VERSION_HEADER
from inspector_server.app import create_app

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL", "")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh server database URL of each kind."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("INSPECTOR_TEST_PG_URL is not set (.ci/run starts PostgreSQL)")
        return PG_URL
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    e = reset_database(db_url)
    yield e
    e.dispose()


@pytest.fixture
def seeded(engine: Engine) -> Seed:
    return seed(engine)


@pytest.fixture
def api(db_url: str, seeded: Seed, tmp_path: Path) -> Iterator[TestClient]:
    """The app in-process (real ASGI app, real database), with the protocol header set."""
    app = create_app(db_url, tmp_path / "server-blobs")
    with TestClient(app, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture
def live(db_url: str, seeded: Seed, tmp_path: Path) -> Iterator[LiveServer]:
    """The server as a real uvicorn process on a free port."""
    server = LiveServer(db_url, tmp_path / "server-blobs").start()
    yield server
    server.stop()
