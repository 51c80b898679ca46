"""The city platforms' API: intake with the integration's own token, idempotent by the
platform's number and validated by the intake form; routing to the squad by grid code; the
feed the platform reads back; what other officers' laptops pull of the reporter's contact."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sync_helpers import Seed
from test_server_api import login, op, pull_all, push

from inspector_server import admin, work_orders

GRID = "370102001012001"


@pytest.fixture
def token(engine: Engine, seeded: Seed) -> str:
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.put_record(conn, "road_segment", {
            "name": "泉城路（第2段）", "street_name": "泉城路", "district_code": "370102", "subdistrict_code": None,
            "grid_code": GRID, "geometry": [[36.6610, 117.0200], [36.6612, 117.0250]], "length_m": 450.0,
            "road_chief": "", "squad_id": seeded.squad}, seeded.squad)
        _id, made = work_orders.create_integration(conn, "济南市12345热线", ["hotline", "snapshot"])
    return made


def order(**over: Any) -> dict[str, Any]:
    values = {"source": "hotline", "platform_no": "JN12345-20261120-0001", "category": "0504",
              "description": "泉城路12号饭店把桌椅摆到人行道上，行人没法走。", "address": "泉城路12号门前",
              "lat": 36.6611, "lon": 117.0230, "grid_code": GRID, "reporter_name": "张先生",
              "reporter_phone": "13812345678", "reported_at": "2026-11-20 09:10"}
    values.update(over)
    return values


def post(api: TestClient, token: str, body: Any) -> Any:
    return api.post("/api/v1/work-orders", json=body, headers={"Authorization": f"Bearer {token}",
                                                              "X-Inspector-Protocol": ""})


def test_intake_is_idempotent_by_the_platform_number_and_routes_by_grid(api: TestClient, token: str,
                                                                         seeded: Seed) -> None:
    first = post(api, token, order())
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["created"] and body["status"] == "received" and body["squad_id"] == seeded.squad
    again = post(api, token, order(description="同一工单再次推送"))
    assert again.status_code == 200 and again.json()["id"] == body["id"] and not again.json()["created"]
    other = post(api, token, order(platform_no="JN12345-20261120-0002"))
    assert other.status_code == 201 and other.json()["id"] != body["id"]
    feed = api.get("/api/v1/work-orders", params={"changed_after": 0}, headers={"Authorization": f"Bearer {token}"})
    numbers = [o["platform_no"] for o in feed.json()["orders"]]
    assert numbers == ["JN12345-20261120-0001", "JN12345-20261120-0002"]
    assert all("reporter_phone" not in o for o in feed.json()["orders"])


def test_a_bad_order_is_refused_field_by_field_and_nothing_is_stored(api: TestClient, token: str) -> None:
    resp = post(api, token, order(category="9999", reporter_phone="12", lat=40.0, platform_no="x"))
    assert resp.status_code == 422
    fields = {p["field"] for p in resp.json()["problems"]}
    assert {"category", "reporter_phone", "platform_no"} <= fields
    missing = post(api, token, {"source": "hotline", "platform_no": "JN-1"})
    assert {p["field"] for p in missing.json()["problems"]} >= {"category", "description", "address"}
    assert post(api, token, [order()]).status_code == 400
    feed = api.get("/api/v1/work-orders", headers={"Authorization": f"Bearer {token}"}).json()
    assert feed["orders"] == []


def test_only_the_integration_token_opens_the_intake(api: TestClient, token: str, engine: Engine) -> None:
    assert post(api, "wo_not-a-token", order()).status_code == 401
    officer = login(api, "wangfang")
    resp = api.post("/api/v1/work-orders", json=order(), headers=officer)
    assert resp.status_code == 401
    assert post(api, token, order(source="dcm")).status_code == 403  # not one of its sources
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        integration_id = work_orders.list_integrations(conn)[0]["id"]
        assert work_orders.revoke_integration(conn, integration_id)
    assert post(api, token, order()).status_code == 401


def test_the_reporter_contact_reaches_only_the_handler_and_supervisors(api: TestClient, token: str,
                                                                       seeded: Seed) -> None:
    order_id = post(api, token, order()).json()["id"]
    supervisor = login(api, "wangfang")
    handler_id = seeded.officers["liqiang"][0]
    results = push(api, supervisor, op("work_order", order_id, status=("received", "dispatched"),
                                       assignee_id=(None, handler_id)))
    assert results[0]["status"] == "applied", results

    def phone_seen_by(username: str) -> str:
        changes = [c for c in pull_all(api, login(api, username)) if c["entity"] == "work_order"]
        return str(changes[-1]["fields"]["reporter_phone"])

    assert phone_seen_by("wangfang") == "13812345678"
    assert phone_seen_by("liqiang") == "13812345678"
    assert phone_seen_by("zhangwei") == "138****5678"
    assert phone_seen_by("zhaomin") == "138****5678"
    other_squad = [c for c in pull_all(api, login(api, "sunli")) if c["entity"] == "work_order"]
    assert other_squad == []  # another squad's laptop gets nothing of it


def test_an_officer_cannot_create_or_close_orders_and_a_number_is_taken_once(api: TestClient, token: str,
                                                                             seeded: Seed) -> None:
    officer, supervisor = login(api, "liqiang"), login(api, "wangfang")
    fields = {"source": "leader", "platform_no": "LD-2026-001", "category": "0501", "title": "领导交办",
              "description": "泉城路夜市游商扰民", "address": "泉城路", "status": "received",
              "received_at": "2026-11-20T02:00:00.000Z", "deadline": "2026-11-20T03:00:00.000Z",
              "limit_value": 1, "limit_unit": "hours", "squad_id": seeded.squad}
    create = {k: (None, v) for k, v in fields.items()}
    assert push(api, officer, op("work_order", "wo-1", "create", **create))[0]["status"] == "forbidden"
    assert push(api, supervisor, op("work_order", "wo-1", "create", **create))[0]["status"] == "applied"
    assert push(api, supervisor, op("work_order", "wo-2", "create", **create))[0]["reason"].startswith("number_taken")
    bad = {**create, "category": (None, "0000")}
    assert push(api, supervisor, op("work_order", "wo-3", "create", **bad))[0]["status"] == "rejected"
    order_id = post(api, token, order()).json()["id"]
    push(api, supervisor, op("work_order", order_id, status=("received", "dispatched"),
                             assignee_id=(None, seeded.officers["liqiang"][0])))
    push(api, officer, op("work_order", order_id, status=("dispatched", "handling")))
    push(api, officer, op("work_order", order_id, status=("handling", "replied")))
    closing = push(api, officer, op("work_order", order_id, status=("replied", "closed")))
    assert closing[0]["status"] == "forbidden"
    approving = push(api, officer, op("work_order", order_id, extension_status=("", "approved")))
    assert approving[0]["status"] in ("forbidden", "rejected")
    assert push(api, supervisor, op("work_order", order_id, status=("replied", "closed")))[0]["status"] == "applied"
    feed = api.get("/api/v1/work-orders", headers={"Authorization": f"Bearer {token}"}).json()
    assert feed["orders"][-1]["status"] == "closed" and feed["orders"][-1]["platform_no"] == order()["platform_no"]
