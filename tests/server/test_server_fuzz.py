"""Schemathesis against the server's own /openapi.json (issue 14): generated requests — valid
and invalid bodies, parameters and headers — must never get a 5xx, and every answer must match
the document (status codes, content types, bodies). Bounded so the whole run takes about two
minutes on the CI machine; the seed is fixed so a failure reproduces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sync_helpers import PASSWORD, reset_database, seed

from inspector_app.sync.protocol import API, PROTOCOL_VERSION, VERSION_HEADER
from inspector_server.app import create_app

pytestmark = pytest.mark.slow
EXAMPLES = 25  # per operation: about two minutes in all on the CI machine
CHECKS = [schemathesis.checks.not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, str]]]:
    """The real app on a seeded SQLite database, and the headers of a signed-in officer."""
    folder: Path = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{folder / 'server.db'}"
    reset_database(url).dispose()
    engine = reset_database(url)
    seed(engine)
    engine.dispose()
    app = create_app(url, folder / "blobs")
    protocol = {VERSION_HEADER: str(PROTOCOL_VERSION)}
    with TestClient(app, headers=protocol) as client:
        answer = client.post(f"{API}/auth/login", json={"username": "liqiang", "password": PASSWORD,
                                                          "device_id": "fuzz-laptop", "device_name": "fuzz"})
        assert answer.status_code == 200, answer.text
        token = answer.json()["access_token"]
    yield app, {**protocol, "Authorization": f"Bearer {token}"}
    app.state.engine.dispose()


def test_no_request_gets_a_5xx_or_breaks_the_document(served: tuple[Any, dict[str, str]]) -> None:
    app, headers = served
    api = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    seen: dict[str, set[int]] = {}
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 15, "the document lost operations"
    for operation in operations:
        name = f"{operation.method.upper()} {operation.path}"

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def exercise(case: Any) -> None:
            # The signed-in officer's token on every request (schemathesis would send a random
            # bearer); the protocol header as generated when the case has one, valid or not.
            sent = {**headers, **(case.headers or {}), "Authorization": headers["Authorization"]}
            answer = case.call_and_validate(headers=sent, checks=CHECKS)
            seen.setdefault(name, set()).add(answer.status_code)  # noqa: B023 - run before the loop moves on

        try:
            exercise()
        except Exception as exc:  # every operation is tried, and all failures listed
            failures.append(f"{name}: {exc}")
    assert not failures, "\n\n".join(failures)
    # The token works: signed-in reads were answered, not all refused.
    for read in ("GET /api/v1/sync/pull", "GET /api/v1/audit/head", "POST /api/v1/blobs/missing"):
        assert 200 in seen[read], (read, seen[read])
