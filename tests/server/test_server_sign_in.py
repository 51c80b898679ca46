"""Issue 14, cases 6 and 8: argon2 runs outside any database transaction (its own threads),
failed sign-ins are limited per client address first and per name only from several
addresses, with a growing delay kept in the database, and an unknown name costs one argon2
check like a known one. Nothing on the server changes for a refused sign-in but its count."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from server_snapshot import snapshot
from sqlalchemy import Engine, select, update
from sync_helpers import PASSWORD, LiveServer, Seed
from test_server_api import op

from inspector_app.sync.protocol import PROTOCOL_VERSION, VERSION_HEADER
from inspector_server import auth, sign_in
from inspector_server.app import create_app, engine_of
from inspector_server.db import account, sign_in_failure

LOGIN = "/api/v1/auth/login"
COUNTS = ("sign_in_failure",)  # the one table a refused sign-in writes


def from_address(app: Any, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000), headers={VERSION_HEADER: str(PROTOCOL_VERSION)})


def attempt(client: TestClient, username: str, password: str = "wrong", device: str = "d-sign") -> httpx.Response:
    return client.post(LOGIN, json={"username": username, "password": password, "device_id": device})


def test_argon2_runs_in_its_own_threads_with_no_database_connection_held(api: TestClient, seeded: Seed,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engine = engine_of(api.app)
    seen: list[tuple[int, str]] = []
    real = auth.check_password

    def watched(stored: str, password: str) -> bool:
        seen.append((engine.pool.checkedout(), threading.current_thread().name))
        return real(stored, password)

    monkeypatch.setattr(auth, "check_password", watched)
    assert attempt(api, "liqiang").status_code == 401
    assert attempt(api, "nobody").status_code == 401
    assert attempt(api, "liqiang", PASSWORD).status_code == 200
    assert len(seen) == 3
    assert all(held == 0 for held, _ in seen), seen  # no connection, so no transaction, is open
    assert all(name.startswith("argon2") for _, name in seen), seen


def test_wrong_password_loops_do_not_stall_or_break_push(live: LiveServer, seeded: Seed, db_url: str) -> None:
    headers = {VERSION_HEADER: str(PROTOCOL_VERSION)}
    with httpx.Client(base_url=live.url, headers=headers, timeout=60) as http:
        token = http.post(LOGIN, json={"username": "liqiang", "password": PASSWORD,
                                       "device_id": "d-busy"}).json()["access_token"]
        statuses: list[int] = []

        def hammer() -> None:
            with httpx.Client(base_url=live.url, headers=headers, timeout=60) as own:
                for _ in range(4):
                    statuses.append(own.post(LOGIN, json={"username": "zhangwei", "password": "x",
                                                          "device_id": "d-evil"}).status_code)

        threads = [threading.Thread(target=hammer) for _ in range(3)]
        for t in threads:
            t.start()
        pushes = []
        for n in range(10):
            pushes.append(http.post("/api/v1/sync/push", headers={"Authorization": f"Bearer {token}"},
                                    json={"ops": [op("unit", seeded.units[0], notes=("", f"第{n}次"))]}).status_code)
            pushes.append(http.get("/api/v1/sync/pull", headers={"Authorization": f"Bearer {token}"}).status_code)
        for t in threads:
            t.join()
    assert set(pushes) == {200}
    assert len(statuses) == 12 and set(statuses) <= {401, 429}  # never 500 "database is locked"


def test_an_address_waits_before_the_name_and_another_address_still_signs_in(api: TestClient, seeded: Seed) -> None:
    engine = engine_of(api.app)
    before = snapshot(engine, skip=COUNTS)
    street = from_address(api.app, "10.9.8.7")
    for _ in range(sign_in.ADDRESS_FREE):
        assert attempt(street, "liqiang").status_code == 401
    refused = attempt(street, "liqiang", PASSWORD)  # even the right password waits now
    assert refused.status_code == 429 and refused.json()["reason"] == "too_many_failures"
    assert int(refused.headers["retry-after"]) >= 1 and "this address" in refused.json()["detail"]
    assert attempt(street, "zhangwei", PASSWORD).status_code == 429  # the address, whatever the name
    assert snapshot(engine, skip=COUNTS) == before  # no device registered, nothing else written
    office = from_address(api.app, "10.1.1.1")
    assert attempt(office, "liqiang", PASSWORD).status_code == 200  # 李强 is not locked out


def test_a_name_waits_only_after_failures_from_several_addresses(api: TestClient, seeded: Seed) -> None:
    addresses = [f"10.0.0.{n}" for n in range(1, sign_in.NAME_ADDRESSES + 1)]
    for n in range(sign_in.NAME_FREE):  # round robin: no address reaches its own limit
        assert attempt(from_address(api.app, addresses[n % len(addresses)]), "wangfang").status_code == 401
    refused = attempt(from_address(api.app, "10.0.0.99"), "wangfang", PASSWORD)
    assert refused.status_code == 429 and "wangfang" in refused.json()["detail"]
    assert attempt(from_address(api.app, "10.0.0.99"), "liqiang", PASSWORD).status_code == 200


def test_the_delay_grows_and_is_forgotten_after_the_window(engine: Engine) -> None:
    now = 1_800_000_000.0
    waits = []
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        for n in range(sign_in.ADDRESS_FREE + 4):
            sign_in.record_failure(conn, "10.2.2.2", "liqiang", now + n)
            waits.append(sign_in.wait_seconds(conn, "10.2.2.2", "liqiang", now + n)[0])
        assert waits[: sign_in.ADDRESS_FREE - 1] == [0] * (sign_in.ADDRESS_FREE - 1)
        assert waits[sign_in.ADDRESS_FREE - 1:] == [1, 2, 4, 8, 16]
        assert sign_in.wait_seconds(conn, "10.2.2.2", "liqiang", now + sign_in.WINDOW + 100) == (0, "")
        for _ in range(40):
            sign_in.record_failure(conn, "10.3.3.3", "x", now)
        assert sign_in.wait_seconds(conn, "10.3.3.3", "x", now)[0] == sign_in.MAX_DELAY


def test_failures_survive_a_restart(db_url: str, seeded: Seed, tmp_path: Path) -> None:
    first = create_app(db_url, tmp_path / "blobs")
    for _ in range(sign_in.ADDRESS_FREE):
        assert attempt(from_address(first, "10.4.4.4"), "zhaomin").status_code == 401
    engine_of(first).dispose()
    again = create_app(db_url, tmp_path / "blobs")  # a restarted server
    try:
        assert attempt(from_address(again, "10.4.4.4"), "zhaomin", PASSWORD).status_code == 429
    finally:
        engine_of(again).dispose()


def test_an_unknown_or_disabled_name_costs_one_argon2_check_and_answers_alike(api: TestClient, seeded: Seed,
                                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checked: list[str] = []
    real = auth._hasher

    class Counting:
        def verify(self, stored: str, password: str) -> bool:
            checked.append(stored)
            return real.verify(stored, password)

    monkeypatch.setattr(auth, "_hasher", Counting())
    known, unknown = attempt(api, "liqiang"), attempt(api, "no-such-officer")
    assert checked[0] != auth.dummy_hash() and checked[1] == auth.dummy_hash() and len(checked) == 2
    assert known.status_code == unknown.status_code == 401
    assert known.json() == unknown.json() == {"detail": "wrong user name or password", "reason": "wrong_password"}
    engine = engine_of(api.app)
    with engine.begin() as conn:
        conn.execute(update(account).where(account.c.username == "zhangwei").values(active=0))
    disabled = attempt(api, "zhangwei", PASSWORD)
    assert disabled.json() == known.json() and checked[2] == auth.dummy_hash() and len(checked) == 3


def test_two_failures_of_one_name_at_once_both_count_and_neither_fails(engine: Engine) -> None:
    """The cause of the 500 under concurrent wrong passwords on PostgreSQL: the second of two
    transactions counting the first failure of an (address, name) also found no row and
    inserted it (a unique violation). One upsert counts both."""
    now = 1_800_000_000.0
    first = engine.connect().execution_options(write=True)
    outcome: list[BaseException | None] = []
    try:
        first.begin()
        sign_in.record_failure(first, "10.5.5.5", "liqiang", now)

        def second() -> None:
            try:
                with engine.connect().execution_options(write=True) as conn, conn.begin():
                    sign_in.record_failure(conn, "10.5.5.5", "liqiang", now + 1)
                outcome.append(None)
            except BaseException as exc:  # reported below, not lost in the thread
                outcome.append(exc)

        waiting = threading.Thread(target=second)
        waiting.start()
        waiting.join(0.5)  # it waits for the first transaction's row
        first.commit()
    finally:
        first.close()
    waiting.join(30)
    assert outcome == [None], outcome
    with engine.connect() as conn:
        rows = conn.execute(select(sign_in_failure.c.failures)).scalars().all()
    assert rows == [2]
