"""Issue 14, case 10: every pushed op is checked with the app's own record shapes and
validators before it is merged. Each refusal is ``rejected`` with a reason code and the field,
and changes nothing on the server (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sync_helpers import Seed
from test_server_api import login, op, push
from trust_helpers import server_state

from inspector_app.domain.clock import HlcStamp, utc_iso
from inspector_app.domain.ids import uuid7
from inspector_app.domain.validators import uscc_check_char
from inspector_server.db import record

USCC17 = "91370102MA3C4TQ0X"
GOOD_USCC = USCC17 + uscc_check_char(USCC17)
BROKEN_USCC = USCC17 + ("0" if GOOD_USCC[-1] != "0" else "1")


def create(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    body = op(entity, uuid7(), "create")
    body["changes"] = {k: [None, v] for k, v in values.items()}
    return body


def new_unit(seeded: Seed, **extra: Any) -> dict[str, Any]:
    values = {"name": "泉城路9号商店", "kind": "enterprise", "uscc": GOOD_USCC, "address": "泉城路9号",
              "squad_id": seeded.squad, "phone": "13800000000", **extra}
    return create("unit", values)


def new_inspection(unit_id: str, officer_id: str, **extra: Any) -> dict[str, Any]:
    values = {"unit_id": unit_id, "officer_id": officer_id, "inspected_at": "2026-11-20T02:00:00.000Z",
              "results": "[]", "compliant": 1, **extra}
    return create("frontage_inspection", values)


def refused(api: TestClient, headers: dict[str, str], engine: Engine, body: dict[str, Any], code: str,
            field: str) -> None:
    """Push one op; it must be rejected with ``code`` naming ``field``, changing nothing."""
    before = server_state(engine)
    answer = push(api, headers, body)[0]
    assert answer["status"] == "rejected", answer
    assert answer["reason"].startswith(f"{code}: {field}:"), answer
    assert server_state(engine) == before


def test_a_broken_uscc_is_refused_and_a_good_one_is_taken(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    refused(api, mine, engine, new_unit(seeded, uscc=BROKEN_USCC), "invalid_value", "uscc")
    assert push(api, mine, new_unit(seeded))[0]["status"] == "applied"
    patch = op("unit", seeded.units[0], "patch", id_number=(None, "370102199001011235"))
    refused(api, mine, engine, patch, "invalid_value", "id_number")


def test_a_100_kb_updated_at_is_refused(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    body = {**new_unit(seeded), "at": "2026-11-20T02:00:00.000Z" + "0" * 100_000}
    refused(api, mine, engine, body, "too_large", "at")
    refused(api, mine, engine, {**new_unit(seeded), "at": "next Tuesday"}, "invalid_value", "at")
    # The field itself is no field of a record: the server keeps its own time stamps.
    patch = op("unit", seeded.units[0], "patch", updated_at=(None, "9" * 1000))
    refused(api, mine, engine, patch, "unknown_field", "updated_at")


def test_nan_and_infinity_are_refused(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    for value in ("NaN", "Infinity", "-Infinity"):
        body = op("unit", seeded.units[0], "patch", lat=(36.66, 0.0))
        raw = api.post("/api/v1/sync/push", headers={**mine, "Content-Type": "application/json"},
                       content=_json_with(body, "lat", value))
        assert raw.status_code == 200, raw.text
        answer = raw.json()["results"][0]
        assert answer["status"] == "rejected" and answer["reason"].startswith("invalid_value: lat:"), answer
    refused(api, mine, engine, op("unit", seeded.units[0], "patch", lat=(36.66, "36.7")), "invalid_value", "lat")
    with engine.connect() as conn:
        row = conn.execute(select(record.c.fields).where(record.c.id == seeded.units[0])).scalar_one()
    assert "NaN" not in row and "Infinity" not in row


def _json_with(body: dict[str, Any], name: str, literal: str) -> bytes:
    """The op as JSON with a bare NaN/Infinity literal as the new value of ``name``."""
    marker = '"__literal__"'
    body["changes"][name][1] = "__literal__"
    text = json.dumps({"ops": [body]}, ensure_ascii=False).replace(marker, literal)
    return text.encode()


def test_an_inspection_of_another_squads_unit_is_out_of_scope(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    officer = seeded.officers["liqiang"][0]
    # Carrying its own squad id: a field an inspection does not have.
    refused(api, mine, engine, new_inspection(seeded.other_unit, officer, squad_id=seeded.squad),
            "unknown_field", "squad_id")
    # A violation carries a squad id of its own: still refused for the other squad's unit.
    violation = create("violation", {
        "party_kind": "unit", "party_name": "经四路1号", "unit_id": seeded.other_unit, "squad_id": seeded.squad,
        "catalog_version": "2026-01", "item_code": "A1", "facts": "占道经营", "occurred_at": "2026-11-20T02:00:00.000Z",
        "officer1_id": officer, "officer2_id": seeded.officers["zhangwei"][0], "decision": "warning"})
    refused(api, mine, engine, violation, "out_of_scope", "unit_id")
    # The squad's own unit is fine.
    assert push(api, mine, new_inspection(seeded.units[0], officer))[0]["status"] == "applied"


def test_an_unknown_field_is_refused(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    refused(api, mine, engine, op("unit", seeded.units[0], "patch", is_admin=(None, True)),
            "unknown_field", "is_admin")
    refused(api, mine, engine, new_unit(seeded, owner="我"), "unknown_field", "owner")


def test_a_70_kb_op_is_refused(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    refused(api, mine, engine, op("unit", seeded.units[0], "patch", notes=("", "字" * 24_000)),
            "too_large", "op")
    # Under the op cap, a field still has its own cap (the unit form's notes: 1000 characters).
    refused(api, mine, engine, op("unit", seeded.units[0], "patch", notes=("", "字" * 1001)),
            "too_large", "notes")


def test_required_fields_types_and_choices_of_a_new_record(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    body = new_unit(seeded)
    del body["changes"]["name"]
    refused(api, mine, engine, body, "required", "name")
    refused(api, mine, engine, new_unit(seeded, kind="shop"), "invalid_value", "kind")
    refused(api, mine, engine, new_unit(seeded, agreement_signed="yes"), "invalid_value", "agreement_signed")
    refused(api, mine, engine, new_unit(seeded, star_rating={"a": 1}), "invalid_value", "star_rating")


def test_a_stamp_from_the_future_is_clamped_to_the_servers_time(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    ahead = datetime.now(UTC) + timedelta(days=2)
    body = {**new_unit(seeded), "hlc": HlcStamp(int(ahead.timestamp() * 1000), 3, "dev").encode(),
            "at": utc_iso(ahead)}
    assert push(api, mine, body)[0]["status"] == "applied"
    with engine.connect() as conn:
        row = conn.execute(select(record.c.hlc, record.c.updated_at).where(record.c.id == body["entity_id"])).one()
    stored = HlcStamp.decode(row.hlc)
    limit = int((datetime.now(UTC) + timedelta(minutes=1)).timestamp() * 1000)
    assert stored.wall_ms <= limit and stored.counter == 3 and stored.node == "dev"
    assert row.updated_at < utc_iso(datetime.now(UTC) + timedelta(minutes=1))
    refused(api, mine, engine, {**new_unit(seeded), "hlc": "tomorrow"}, "invalid_value", "hlc")


def test_a_delete_carries_nothing_but_deleted(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    refused(api, mine, engine, op("unit", seeded.units[0], "delete", deleted=(0, 1), name=("x", "y")),
            "invalid_value", "name")
    assert push(api, mine, op("unit", seeded.units[0], "delete", deleted=(0, 1)))[0]["status"] == "applied"
