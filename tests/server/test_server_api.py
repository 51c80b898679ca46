"""The HTTP API against a real database (SQLite, and PostgreSQL in CI): sign-in, push with
exactly-once answers, pull by cursor within the squad, and the authorization rules."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sync_helpers import PASSWORD, Seed

from inspector_app.domain.ids import uuid7

HLC = "001764000000000-0000000000-dev"


def login(api: TestClient, username: str, device_id: str = "") -> dict[str, str]:
    resp = api.post("/api/v1/auth/login", json={
        "username": username, "password": PASSWORD, "device_id": device_id or f"dev-{username}",
        "device_name": "测试笔记本"})
    assert resp.status_code == 200, resp.text
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}


def op(entity: str, entity_id: str, kind: str = "patch", **changes: Any) -> dict[str, Any]:
    return {"op_id": uuid7(), "entity": entity, "entity_id": entity_id, "op": kind,
            "changes": {k: list(v) for k, v in changes.items()}, "hlc": HLC, "at": "2026-11-20T02:00:00.000Z"}


def push(api: TestClient, headers: dict[str, str], *ops: dict[str, Any]) -> list[dict[str, Any]]:
    resp = api.post("/api/v1/sync/push", json={"ops": list(ops)}, headers=headers)
    assert resp.status_code == 200, resp.text
    return list(resp.json()["results"])


def pull_all(api: TestClient, headers: dict[str, str], after: int = 0) -> list[dict[str, Any]]:
    out = []
    while True:
        page = api.get("/api/v1/sync/pull", params={"after": after, "limit": 50}, headers=headers).json()
        out += page["changes"]
        after = page["next_after"]
        if not page["more"]:
            return out


def test_old_client_gets_426_with_a_message(api: TestClient) -> None:
    resp = api.post("/api/v1/auth/login", json={}, headers={"X-Inspector-Protocol": "0"})
    assert resp.status_code == 426 and "new version" in resp.json()["detail"]


def test_wrong_password_is_refused_and_docs_are_published(api: TestClient) -> None:
    resp = api.post("/api/v1/auth/login", json={"username": "liqiang", "password": "nope",
                                                "device_id": "d1"})
    assert resp.status_code == 401 and "wrong" in resp.json()["detail"]
    assert api.get("/docs").status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/numbers/lease"} <= set(paths)


def test_push_applies_once_and_a_replay_gets_its_first_answer(api: TestClient, seeded: Seed) -> None:
    headers = login(api, "liqiang")
    unit = seeded.units[0]
    change = op("unit", unit, phone=("13800000000", "13911112222"))
    assert push(api, headers, change)[0]["status"] == "applied"
    again = push(api, headers, change)[0]
    assert again["status"] == "duplicate" and again["original"] == "applied"
    changes = [c for c in pull_all(api, headers) if c["id"] == unit]
    assert len(changes) == 1 and changes[0]["fields"]["phone"] == "13911112222"


def test_pull_is_in_seq_order_and_only_the_squads_records(api: TestClient, seeded: Seed) -> None:
    mine = pull_all(api, login(api, "liqiang"))
    seqs = [c["seq"] for c in mine]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    ids = {c["id"] for c in mine}
    assert set(seeded.units) <= ids and seeded.other_unit not in ids
    assert seeded.officers["sunli"][0] not in ids
    everything = {c["id"] for c in pull_all(api, login(api, "admin"))}
    assert seeded.other_unit in everything


def test_cursor_pull_returns_only_newer_changes(api: TestClient, seeded: Seed) -> None:
    headers = login(api, "liqiang")
    first = pull_all(api, headers)
    cursor = first[-1]["seq"]
    push(api, headers, op("unit", seeded.units[1], notes=("", "门口堆物")))
    newer = pull_all(api, headers, cursor)
    assert [c["id"] for c in newer] == [seeded.units[1]] and newer[0]["seq"] > cursor


def test_officer_cannot_touch_another_squads_records(api: TestClient, seeded: Seed) -> None:
    result = push(api, login(api, "liqiang"), op("unit", seeded.other_unit, notes=("", "x")))[0]
    assert result["status"] == "forbidden" and "another squad" in result["reason"]


def test_officer_cannot_approve_a_patrol_but_a_supervisor_can(api: TestClient, seeded: Seed) -> None:
    officer = login(api, "liqiang")
    patrol = uuid7()
    created = push(api, officer, op("patrol", patrol, "create", squad_id=(None, seeded.squad),
                                    officer_id=(None, seeded.officers["liqiang"][0]), status=(None, "open"),
                                    patrol_date=(None, "2026-11-20"), started_at=(None, "2026-11-20T01:00:00.000Z")))
    assert created[0]["status"] == "applied"
    assert push(api, officer, op("patrol", patrol, status=("open", "submitted")))[0]["status"] == "applied"
    refused = push(api, officer, op("patrol", patrol, status=("submitted", "approved")))[0]
    assert refused["status"] == "forbidden" and "supervisor" in refused["reason"]
    approved = push(api, login(api, "wangfang"), op("patrol", patrol, status=("submitted", "approved")))[0]
    assert approved["status"] == "applied"
    back = push(api, officer, op("patrol", patrol, status=("approved", "open")))[0]
    assert back["status"] == "rejected" and back["reason"].startswith("final"), "approved: final"


def test_clerk_cannot_edit_inspections_and_finals_are_immutable(api: TestClient, seeded: Seed) -> None:
    officer = login(api, "liqiang")
    inspection = uuid7()
    assert push(api, officer, op("frontage_inspection", inspection, "create", unit_id=(None, seeded.units[0]),
                                 officer_id=(None, seeded.officers["liqiang"][0]),
                                 inspected_at=(None, "2026-11-20T02:00:00.000Z"),
                                 results=(None, "{}"), compliant=(None, 1)))[0]["status"] == "applied"
    clerk = push(api, login(api, "zhaomin"), op("frontage_inspection", inspection, compliant=(1, 0)))[0]
    assert clerk["status"] == "forbidden"
    final = push(api, officer, op("frontage_inspection", inspection, compliant=(1, 0)))[0]
    assert final["status"] == "rejected" and final["reason"].startswith("final")


def test_revoked_device_is_refused(api: TestClient, seeded: Seed) -> None:
    headers = login(api, "liqiang", "laptop-7")
    refresh = api.post("/api/v1/auth/login", json={"username": "liqiang", "password": PASSWORD,
                                                   "device_id": "laptop-7"}).json()["refresh_token"]
    admin = login(api, "admin")
    assert api.post("/api/v1/devices/laptop-7/revoke", headers=login(api, "liqiang")).status_code == 403
    assert api.post("/api/v1/devices/laptop-7/revoke", headers=admin).status_code == 200
    assert api.get("/api/v1/sync/pull", headers=headers).status_code == 401
    again = api.post("/api/v1/auth/refresh", json={"device_id": "laptop-7", "refresh_token": refresh})
    assert again.status_code == 401 and "revoked" in again.json()["detail"]
    relogin = api.post("/api/v1/auth/login", json={"username": "liqiang", "password": PASSWORD,
                                                   "device_id": "laptop-7"})
    assert relogin.status_code == 401


def test_bad_push_bodies_get_clear_400s(api: TestClient) -> None:
    headers = login(api, "liqiang")
    assert api.post("/api/v1/sync/push", content=b"{not json", headers=headers).status_code == 400
    bad = api.post("/api/v1/sync/push", json={"ops": [{"op_id": "x"}]}, headers=headers)
    assert bad.status_code == 400 and "entity" in bad.json()["detail"]
    many = api.post("/api/v1/sync/push", json={"ops": [{}] * 501}, headers=headers)
    assert many.status_code == 400 and "500" in many.json()["detail"]
    assert api.post("/api/v1/sync/push", json={"ops": []}).status_code == 401


def test_officer_records_a_resubmission_but_no_review_decision(api: TestClient, seeded: Seed) -> None:
    officer_id = seeded.officers["liqiang"][0]
    headers = login(api, "liqiang")

    def review(decision: str) -> dict[str, Any]:
        made = op("review", uuid7(), "create", decision=(None, decision), reviewer_id=(None, officer_id),
                  reviewed_at=(None, "2026-11-20T02:00:00.000Z"))
        made["changes"].update({"entity": [None, "patrol"], "entity_id": [None, "p1"]})
        return made

    refused = push(api, headers, review("approved"))[0]
    assert refused["status"] == "forbidden" and "supervisor" in refused["reason"]
    assert push(api, headers, review("resubmitted"))[0]["status"] == "applied"


def test_an_officer_made_on_an_admin_laptop_gets_an_account_and_no_hash_travels(api: TestClient, seeded: Seed) -> None:
    from argon2 import PasswordHasher

    admin = login(api, "admin")
    officer_id = uuid7()
    made = push(api, admin, op("officer", officer_id, "create", username=(None, "zhouqi"), name=(None, "周七"),
                               role=(None, "officer"), squad_id=(None, seeded.squad), active=(None, 1),
                               password_hash=(None, PasswordHasher().hash("Start#2026"))))[0]
    assert made["status"] == "applied"
    fields = next(c for c in api.get("/api/v1/sync/pull", params={"limit": 2000}, headers=admin).json()["changes"]
                  if c["id"] == officer_id)["fields"]
    assert "password_hash" not in fields and fields["username"] == "zhouqi"
    assert api.post("/api/v1/auth/login", json={"username": "zhouqi", "password": "Start#2026",
                                                "device_id": "d5"}).status_code == 200
    twin = push(api, admin, op("officer", uuid7(), "create", username=(None, "zhouqi"), name=(None, "周七"),
                               role=(None, "officer"), password_hash=(None, "x")))[0]
    assert twin["status"] == "rejected" and twin["reason"].startswith("username_taken")
    sneaky = push(api, login(api, "liqiang"), op("officer", officer_id, role=("officer", "admin")))[0]
    assert sneaky["status"] == "forbidden"


def test_a_refused_op_leaves_nothing_behind(api: TestClient, seeded: Seed) -> None:
    officer = login(api, "liqiang")
    patrol = uuid7()
    push(api, officer, op("patrol", patrol, "create", squad_id=(None, seeded.squad), status=(None, "open"),
                          officer_id=(None, seeded.officers["liqiang"][0]), patrol_date=(None, "2026-11-20"),
                          started_at=(None, "2026-11-20T01:00:00.000Z"), review_comment=(None, "")))
    push(api, officer, op("patrol", patrol, review_comment=("", "第一次")))
    # review_comment would conflict ("" is stale) and the status move is not allowed: refused whole.
    refused = push(api, officer, op("patrol", patrol, review_comment=("", "第二次"), status=("open", "approved")))[0]
    assert refused["status"] == "forbidden"
    changes = pull_all(api, officer)
    assert not [c for c in changes if c["entity"] == "conflict"]
    assert next(c for c in changes if c["id"] == patrol)["fields"]["review_comment"] == "第一次"
