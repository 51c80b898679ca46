"""Issue 14, case 9 (tokens): refresh tokens rotate on use and a spent one used again revokes
the device's tokens; disabled or deleted accounts cannot refresh; the signing secret is in a
0600 file (or the environment), never in the database; the app keeps the rotated token."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from server_snapshot import snapshot
from sqlalchemy import delete, insert, select, update
from sync_helpers import PASSWORD, LiveServer, Seed, client_factory, device

from inspector_app.services.sync import sync_now
from inspector_app.storage import sync_state
from inspector_app.sync.protocol import PROTOCOL_VERSION, VERSION_HEADER
from inspector_server import auth, token_secret
from inspector_server.app import create_app, engine_of
from inspector_server.db import account, setting
from inspector_server.db import device as device_table

REFRESH, PULL = "/api/v1/auth/refresh", "/api/v1/sync/pull"


def sign_in(api: TestClient, username: str = "liqiang", device_id: str = "laptop-1") -> dict[str, str]:
    resp = api.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD, "device_id": device_id})
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def refresh(api: TestClient, token: str, device_id: str = "laptop-1"):  # type: ignore[no-untyped-def]
    return api.post(REFRESH, json={"device_id": device_id, "refresh_token": token})


def bearer(access: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access}"}


def test_refresh_rotates_and_a_spent_token_used_again_revokes_the_device(api: TestClient, seeded: Seed,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(auth, "REUSE_GRACE", 0.0)  # the retry moment is over
    first = sign_in(api)
    second = refresh(api, first["refresh_token"]).json()
    assert second["refresh_token"] != first["refresh_token"]
    assert api.get(PULL, headers=bearer(second["access_token"])).status_code == 200
    third = refresh(api, second["refresh_token"]).json()  # the new one works, once
    stolen = refresh(api, first["refresh_token"])  # a copy of a spent token
    assert stolen.status_code == 401 and stolen.json()["reason"] == "refresh_reused"
    assert refresh(api, third["refresh_token"]).status_code == 401  # the device's live token too
    for access in (second["access_token"], third["access_token"]):
        pulled = api.get(PULL, headers=bearer(access))
        assert pulled.status_code == 401 and pulled.json()["reason"] == "tokens_revoked"
    pushed = api.post("/api/v1/sync/push", json={"ops": []}, headers=bearer(third["access_token"]))
    assert pushed.status_code == 401
    again = sign_in(api)  # the officer signs in with the password: all is well again
    assert api.get(PULL, headers=bearer(again["access_token"])).status_code == 200


def test_a_lost_refresh_answer_may_be_retried_once_within_the_grace(api: TestClient, seeded: Seed) -> None:
    first = sign_in(api)
    lost = refresh(api, first["refresh_token"]).json()  # the answer never reached the laptop
    retried = refresh(api, first["refresh_token"])
    assert retried.status_code == 200
    assert refresh(api, retried.json()["refresh_token"]).status_code == 200
    assert refresh(api, lost["refresh_token"]).json()["reason"] == "refresh_reused"  # spent unseen


def test_disabled_and_deleted_accounts_cannot_refresh(api: TestClient, seeded: Seed) -> None:
    engine = engine_of(api.app)
    token = sign_in(api, "zhangwei", "laptop-z")["refresh_token"]
    with engine.begin() as conn:
        conn.execute(update(account).where(account.c.username == "zhangwei").values(active=0))
    before = snapshot(engine)
    refused = refresh(api, token, "laptop-z")
    assert refused.status_code == 401 and refused.json()["reason"] == "account_disabled"
    assert snapshot(engine) == before
    with engine.begin() as conn:
        conn.execute(delete(account).where(account.c.username == "zhangwei"))
    before = snapshot(engine)
    refused = refresh(api, token, "laptop-z")
    assert refused.status_code == 401 and refused.json()["reason"] == "account_deleted"
    assert snapshot(engine) == before


def test_unknown_refresh_tokens_change_nothing(api: TestClient, seeded: Seed) -> None:
    sign_in(api)
    engine = engine_of(api.app)
    before = snapshot(engine)
    for device_id, token in (("laptop-1", "guess"), ("laptop-1", "é" * 10), ("nope", "guess")):
        assert refresh(api, token, device_id).status_code == 401
    assert snapshot(engine) == before


def test_the_secret_is_a_0600_file_beside_the_database_never_in_it(db_url: str, seeded: Seed, tmp_path: Path,
                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(token_secret.ENV_SECRET, raising=False)
    monkeypatch.delenv(token_secret.ENV_FILE, raising=False)
    blobs = tmp_path / "blobs"
    path = token_secret.default_file(db_url, blobs)
    app = create_app(db_url, blobs)
    try:
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
        if db_url.startswith("sqlite"):
            assert path == tmp_path / "server.token-secret"
        with engine_of(app).connect() as conn:
            assert conn.execute(select(setting)).all() == []
        with TestClient(app, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
            access = sign_in(api)["access_token"]
    finally:
        engine_of(app).dispose()
    path.chmod(0o644)
    again = create_app(db_url, blobs)  # a restart reads the same file (and closes it again)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with TestClient(again, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
            assert api.get(PULL, headers=bearer(access)).status_code == 200
    finally:
        engine_of(again).dispose()


def test_a_secret_kept_in_the_database_moves_to_the_file_and_tokens_stay_valid(db_url: str, seeded: Seed,
                                                                              tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(token_secret.ENV_SECRET, raising=False)
    old = os.urandom(32)
    first = create_app(db_url, tmp_path / "b1")
    with TestClient(first, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
        sign_in(api)
    engine = engine_of(first)
    with engine.begin() as conn:  # as an older server left it
        conn.execute(insert(setting).values(key="token_secret", value=old.hex()))
        epoch = conn.execute(select(device_table.c.token_epoch).where(device_table.c.id == "laptop-1")).scalar()
    engine.dispose()
    token_secret.default_file(db_url, tmp_path / "b1").unlink()  # an older server made no file
    officer = seeded.officers["liqiang"][0]
    access = auth.make_access_token(old, officer, "laptop-1", epoch)
    moved = create_app(db_url, tmp_path / "b2")
    try:
        with engine_of(moved).connect() as conn:
            assert conn.execute(select(setting)).all() == []
        assert bytes.fromhex(token_secret.default_file(db_url, tmp_path / "b2").read_text()) == old
        with TestClient(moved, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
            assert api.get(PULL, headers=bearer(access)).status_code == 200
    finally:
        engine_of(moved).dispose()


def test_a_secret_from_the_environment_writes_no_file(db_url: str, seeded: Seed, tmp_path: Path,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    secret = os.urandom(32)
    monkeypatch.setenv(token_secret.ENV_SECRET, secret.hex())
    app = create_app(db_url, tmp_path / "blobs")
    try:
        assert not token_secret.default_file(db_url, tmp_path / "blobs").exists()
        with TestClient(app, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
            access = sign_in(api)["access_token"]
        assert auth.read_access_token(secret, access).officer_id == seeded.officers["liqiang"][0]
    finally:
        engine_of(app).dispose()
    monkeypatch.setenv(token_secret.ENV_SECRET, "abcd")
    with pytest.raises(token_secret.SecretError, match="too short"):
        create_app(db_url, tmp_path / "blobs")


def test_the_app_keeps_each_rotated_refresh_token(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    session = device(tmp_path / "laptop", seeded, "liqiang", live.url)
    db = session.store.db
    seen = []
    for _ in range(3):
        seen.append(sync_state.get_state(db, "refresh_token"))
        with session.store.transaction() as tx:  # the access token expired
            sync_state.set_state(tx, access_token="expired.token")
        sync_now(session, factory=client_factory)  # 401, refresh, then the sync
    seen.append(sync_state.get_state(db, "refresh_token"))
    assert len(set(seen)) == 4  # rotated each time, and each new one was kept and worked

