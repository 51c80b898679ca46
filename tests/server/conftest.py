"""Fixtures of the server and sync tests: each runs against SQLite and, when
INSPECTOR_TEST_PG_URL is set (``.ci/run`` sets it), against a real PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, make_url, text
from sync_helpers import LiveServer, Seed, reset_database, seed

from inspector_app.sync.protocol import PROTOCOL_VERSION, VERSION_HEADER
from inspector_server.app import create_app

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL", "")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A database of this test run's own on the PostgreSQL server of INSPECTOR_TEST_PG_URL
    (so two runs at once do not share tables), dropped at the end."""
    if not PG_URL:
        pytest.skip("INSPECTOR_TEST_PG_URL is not set (.ci/run starts PostgreSQL)")
    name = f"inspector_run_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh server database URL of each kind."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
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
