"""Issue 14, case 7: inputs that used to crash the server (500) are refused with a 4xx and a
reason, and change nothing: ``after`` beyond 64 bits, a non-ASCII byte in a token, deeply
nested JSON, a list or an object in a workflow status field."""

from __future__ import annotations

from fastapi.testclient import TestClient
from server_snapshot import snapshot
from sync_helpers import Seed
from test_server_api import login, op

from inspector_app.domain.ids import uuid7
from inspector_server.app import engine_of


def _refused(resp, status: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    assert resp.json()["reason"] == reason and resp.json()["detail"]


def test_after_beyond_64_bits_is_a_422(api: TestClient, seeded: Seed) -> None:
    headers = login(api, "liqiang")
    before = snapshot(engine_of(api.app))
    for after in (2**63, 2**64 + 5, 10**40):
        _refused(api.get("/api/v1/sync/pull", params={"after": after}, headers=headers), 422, "invalid_request")
    assert snapshot(engine_of(api.app)) == before
    assert api.get("/api/v1/sync/pull", params={"after": 2**63 - 1}, headers=headers).status_code == 200


def test_a_non_ascii_byte_in_a_token_is_a_401(api: TestClient, seeded: Seed) -> None:
    good = login(api, "liqiang")["Authorization"].encode()
    before = snapshot(engine_of(api.app))
    for token in (good[:-3] + b"\xe9\xe9\xe9", b"Bearer \xff.\xfe", b"Bearer caf\xe9"):
        for path in ("/api/v1/sync/pull", "/api/v1/numbers/lease", "/api/v1/blobs/missing"):
            resp = api.request("GET" if path.endswith("pull") else "POST", path, headers={"Authorization": token},
                               json={"doc_type": "warning_notice", "year": 2026, "hashes": []})
            _refused(resp, 401, "sign_in_required")
        work_orders = api.get("/api/v1/work-orders", headers={"Authorization": token})
        assert work_orders.status_code == 401
    assert api.post("/api/v1/auth/refresh", json={"device_id": "dev-liqiang", "refresh_token": "é\udcff"[:1]}
                    ).status_code == 401
    assert snapshot(engine_of(api.app)) == before


def test_deeply_nested_json_is_a_400(api: TestClient, seeded: Seed) -> None:
    headers = {**login(api, "liqiang"), "Content-Type": "application/json"}
    before = snapshot(engine_of(api.app))
    deep = b'{"ops": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    _refused(api.post("/api/v1/sync/push", content=deep, headers=headers), 400, "too_deep")
    login_deep = b'{"username": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    resp = api.post("/api/v1/auth/login", content=login_deep, headers=headers)
    assert 400 <= resp.status_code < 500 and resp.json()["reason"]
    assert snapshot(engine_of(api.app)) == before


def test_a_list_or_object_in_a_status_field_is_rejected(api: TestClient, seeded: Seed) -> None:
    officer = login(api, "liqiang")
    patrol = uuid7()
    [made] = api.post("/api/v1/sync/push", headers=officer, json={"ops": [op(
        "patrol", patrol, "create", squad_id=(None, seeded.squad), status=(None, "open"),
        officer_id=(None, seeded.officers["liqiang"][0]), patrol_date=(None, "2026-11-20"),
        started_at=(None, "2026-11-20T01:00:00.000Z"))]}).json()["results"]
    assert made["status"] == "applied"
    before = snapshot(engine_of(api.app))
    for value in (["approved"], {"status": "approved"}, 7):
        resp = api.post("/api/v1/sync/push", headers=officer, json={"ops": [op("patrol", patrol, status=("open", value))]})
        assert resp.status_code == 200, resp.text
        [result] = resp.json()["results"]
        assert result["status"] == "rejected" and "invalid_value" in result["reason"]
    # Only the bookkeeping of a push (its answers, the last push time) is written.
    assert snapshot(engine_of(api.app), skip=("applied_op", "device")) == {
        k: v for k, v in before.items() if k not in ("applied_op", "device")}
