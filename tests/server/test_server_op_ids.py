"""Issue 14, case 9 (op ids): an op id is unique per device, not across the server. A replay
with the same content gets the first answer; the same id with other content is refused as
``op_id_reused`` (never dropped as a duplicate) and changes nothing; a refusal the device
retries (a missing attachment, an op its author must send) is not frozen as the op's answer."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sync_helpers import Seed, server_fields
from test_server_api import login, op, push
from trust_helpers import server_state

from inspector_server import admin


def with_id(change: dict[str, Any], op_id: str) -> dict[str, Any]:
    return {**change, "op_id": op_id}


def test_an_op_id_another_device_used_is_another_op(api: TestClient, seeded: Seed) -> None:
    unit = seeded.units[0]
    mine, theirs = login(api, "liqiang"), login(api, "zhangwei")
    first = op("unit", unit, phone=("13800000000", "13911112222"))
    assert push(api, mine, first)[0]["status"] == "applied"
    same_id = with_id(op("unit", unit, notes=("", "门前堆物已清理")), first["op_id"])
    assert push(api, theirs, same_id)[0]["status"] == "applied"  # was "duplicate": its content lost
    fields = server_fields(api.app.state.engine, "unit", unit)
    assert (fields["phone"], fields["notes"]) == ("13911112222", "门前堆物已清理")


def test_a_replay_gets_the_first_answer_and_a_reused_id_is_refused(api: TestClient, seeded: Seed,
                                                                   engine: Engine) -> None:
    unit = seeded.units[0]
    mine = login(api, "liqiang")
    change = op("unit", unit, phone=("13800000000", "13911112222"))
    assert push(api, mine, change)[0]["status"] == "applied"
    replay = push(api, mine, change)[0]
    assert (replay["status"], replay["original"]) == ("duplicate", "applied")
    before = server_state(engine)
    other = with_id(op("unit", unit, phone=("13911112222", "13600000000")), change["op_id"])
    reused = push(api, mine, other)[0]
    assert reused["status"] == "rejected" and reused["reason"].startswith("op_id_reused"), reused
    assert server_state(engine) == before
    # The first answer stays: the original is still a replay, and the refusal is given again.
    assert push(api, mine, change)[0]["original"] == "applied"
    assert push(api, mine, other)[0]["reason"].startswith("op_id_reused")
    # Inside one batch too: the second op under the same id is refused, not dropped.
    fresh = op("unit", unit, notes=("", "第一次"))
    twin = with_id(op("unit", seeded.units[1], notes=("", "第二次")), fresh["op_id"])
    answers = push(api, mine, fresh, twin)
    assert answers[0]["status"] == "applied" and answers[1]["reason"].startswith("op_id_reused")
    assert server_fields(engine, "unit", seeded.units[1])["notes"] == ""


def test_a_refused_op_replayed_keeps_its_refusal(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang")
    foreign = op("unit", seeded.other_unit, phone=("", "13900000000"))
    first = push(api, mine, foreign)[0]
    assert first["status"] == "forbidden"
    again = push(api, mine, foreign)[0]
    assert (again["status"], again["original"], again["reason"]) == ("duplicate", "forbidden", first["reason"])


def test_a_retriable_refusal_is_not_frozen(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang")
    data = "现场照片".encode() * 100
    sha = hashlib.sha256(data).hexdigest()
    photo = {**op("unit", seeded.units[0], notes=("", "附照片")), "blobs": [sha]}
    first = push(api, mine, photo)[0]
    assert first["status"] == "rejected" and first["reason"].startswith("missing_blob")
    put = api.put(f"/api/v1/blobs/{sha}", content=data, headers={
        **mine, "Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"})
    assert put.status_code == 200 and put.json()["complete"], put.text
    assert push(api, mine, photo)[0]["status"] == "applied"  # was "duplicate" of the refusal, forever
    assert push(api, mine, photo)[0]["original"] == "applied"


def test_an_op_refused_for_its_author_applies_once_its_author_sends_it(api: TestClient, seeded: Seed,
                                                                       engine: Engine) -> None:
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.enrol_shared_laptop(conn, "中队共用笔记本", ["liqiang", "zhangwei"], "shared-1")
    li, zhang = login(api, "liqiang", "shared-1"), login(api, "zhangwei", "shared-1")
    change = {**op("unit", seeded.units[0], notes=("", "张伟记录")), "author": seeded.officers["zhangwei"][0]}
    refused = push(api, li, change)[0]
    assert refused["status"] == "forbidden" and refused["reason"].startswith("author_mismatch")
    assert push(api, zhang, change)[0]["status"] == "applied"  # was "duplicate" of the refusal, forever
    assert server_fields(engine, "unit", seeded.units[0])["notes"] == "张伟记录"
