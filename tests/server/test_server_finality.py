"""Issue 14, cases 1 and 2: a final record (an issued document, a submitted inspection, an
approved patrol and its inspections) refuses every op kind beyond the fields its rules allow,
and a refused op changes nothing on the server."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sync_helpers import Seed
from test_server_api import login, op, push
from trust_helpers import server_state

from inspector_app.domain.ids import uuid7

NUMBER = "济历下城管警告〔2026〕第{:04d}号"


def leased_document(api: TestClient, headers: dict[str, str], seeded: Seed, sha: str = "c" * 64,
                    party: str = "泉城路1号商店") -> dict[str, Any]:
    block = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 5},
                     headers=headers).json()
    value = block["range_start"]
    return op("document", uuid7(), "create", doc_type=(None, "warning"), number=(None, NUMBER.format(value)),
              number_value=(None, value), number_source=(None, "lease"), year=(None, 2026),
              squad_id=(None, seeded.squad), party_name=(None, party), snapshot=(None, "{}"),
              content_sha256=(None, sha), issued_at=(None, "2026-11-20T02:00:00.000Z"), issued_by=(None, "x"),
              status=(None, "issued"), print_count=(None, 0))


def test_a_create_over_an_issued_document_is_refused_and_verify_keeps_the_true_hash(
        api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang", "d1")
    doc = leased_document(api, mine, seeded)
    assert push(api, mine, doc)[0]["status"] == "applied"
    number = doc["changes"]["number"][1]
    before = server_state(engine)
    forged = {**doc, "op_id": uuid7(), "changes": {
        **doc["changes"], "party_name": [None, "别人"], "snapshot": [None, '{"party": "别人"}'],
        "number": [None, NUMBER.format(999)], "number_value": [None, 999], "content_sha256": [None, "f" * 64]}}
    refused = push(api, mine, forged)[0]
    assert refused["status"] == "rejected" and refused["reason"].startswith("final")
    assert server_state(engine) == before
    true = api.get(f"/api/v1/documents/verify/{number}", params={"hash": "c" * 64}, headers=mine).json()
    assert true["exists"] and true["hash_matches"]
    fake = api.get(f"/api/v1/documents/verify/{number}", params={"hash": "f" * 64}, headers=mine).json()
    assert not fake["hash_matches"]
    # The same create replayed under a new op id changes nothing and is accepted (a resend).
    assert push(api, mine, {**doc, "op_id": uuid7()})[0]["status"] == "applied"
    assert server_state(engine) == before


def test_patch_and_delete_of_an_issued_document_are_refused_but_printing_and_voiding_work(
        api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang", "d1")
    doc = leased_document(api, mine, seeded)
    push(api, mine, doc)
    rid = doc["entity_id"]
    before = server_state(engine)
    for refused in (op("document", rid, content_sha256=("c" * 64, "f" * 64)),
                    op("document", rid, "delete", deleted=(0, 1))):
        answer = push(api, mine, refused)[0]
        assert answer["status"] == "rejected" and answer["reason"].startswith("final"), answer
    assert server_state(engine) == before
    assert push(api, mine, op("document", rid, print_count=(0, 1)))[0]["status"] == "applied"
    assert push(api, mine, op("document", rid, status=("issued", "voided"), void_reason=(None, "错印")))[0][
        "status"] == "applied"
    check = api.get(f"/api/v1/documents/verify/{doc['changes']['number'][1]}", headers=mine).json()
    assert check["hash_matches"] and check["status"] == "voided"


def test_a_create_over_a_submitted_inspection_is_refused(api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine = login(api, "liqiang")
    inspection = op("frontage_inspection", uuid7(), "create", unit_id=(None, seeded.units[0]),
                    officer_id=(None, seeded.officers["liqiang"][0]), inspected_at=(None, "2026-11-20T02:00:00.000Z"),
                    results=(None, "{}"), compliant=(None, 1), note=(None, "门前整洁"))
    assert push(api, mine, inspection)[0]["status"] == "applied"
    before = server_state(engine)
    over = {**inspection, "op_id": uuid7(), "changes": {**inspection["changes"], "compliant": [None, 0],
                                                        "note": [None, "改过的"]}}
    refused = push(api, mine, over)[0]
    assert refused["status"] == "rejected" and refused["reason"].startswith("final")
    gone = push(api, mine, op("frontage_inspection", inspection["entity_id"], "delete", deleted=(0, 1)))[0]
    assert gone["status"] == "rejected"
    assert server_state(engine) == before


def _approved_patrol(api: TestClient, seeded: Seed) -> tuple[dict[str, str], str, str]:
    officer, supervisor = login(api, "liqiang"), login(api, "wangfang")
    patrol, inspection = uuid7(), uuid7()
    results = push(
        api, officer,
        op("patrol", patrol, "create", squad_id=(None, seeded.squad), officer_id=(None, seeded.officers["liqiang"][0]),
           status=(None, "open"), patrol_date=(None, "2026-11-20"), distance_m=(None, 1200.0),
           started_at=(None, "2026-11-20T01:00:00.000Z")),
        op("frontage_inspection", inspection, "create", unit_id=(None, seeded.units[0]), patrol_id=(None, patrol),
           officer_id=(None, seeded.officers["liqiang"][0]), inspected_at=(None, "2026-11-20T02:00:00.000Z"),
           results=(None, "{}"), compliant=(None, 1), review_status=(None, "submitted"), superseded=(None, 0)),
        op("patrol", patrol, status=("open", "submitted")),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    # What the app sends on approval (services.review): the patrol, the review, what waited in it.
    approved = push(api, supervisor, op("patrol", patrol, status=("submitted", "approved"), review_comment=("", "好")),
                    op("frontage_inspection", inspection, review_status=("submitted", "approved")))
    assert [r["status"] for r in approved] == ["applied"] * 2, approved
    return officer, patrol, inspection


def test_an_approved_patrol_is_final_for_every_op_kind(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, patrol, _inspection = _approved_patrol(api, seeded)
    supervisor = login(api, "wangfang")
    before = server_state(engine)
    attempts = [
        op("patrol", patrol, distance_m=(1200.0, 9000.0), patrol_date=("2026-11-20", "2026-11-19")),
        op("patrol", patrol, "create", squad_id=(None, seeded.squad), status=(None, "approved"),
           officer_id=(None, seeded.officers["liqiang"][0]), started_at=(None, "2026-11-19T01:00:00.000Z"),
           patrol_date=(None, "2026-11-19"), distance_m=(None, 9000.0)),
        op("patrol", patrol, "delete", deleted=(0, 1)),
    ]
    for attempt in attempts:
        answer = push(api, officer, attempt)[0]
        assert answer["status"] == "rejected" and answer["reason"].startswith("final"), (attempt["op"], answer)
    rewrite = push(api, supervisor, op("patrol", patrol, review_comment=("好", "改")))[0]
    assert rewrite["status"] == "rejected"
    assert server_state(engine) == before


def test_the_inspections_of_an_approved_patrol_are_final_too(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, patrol, inspection = _approved_patrol(api, seeded)
    before = server_state(engine)
    attempts = [
        op("frontage_inspection", inspection, superseded=(0, 1)),
        op("frontage_inspection", uuid7(), "create", unit_id=(None, seeded.units[1]), patrol_id=(None, patrol),
           officer_id=(None, seeded.officers["liqiang"][0]), inspected_at=(None, "2026-11-20T03:00:00.000Z"),
           results=(None, "{}"), compliant=(None, 0)),
    ]
    for attempt in attempts:
        answer = push(api, officer, attempt)[0]
        assert answer["status"] == "rejected" and answer["reason"].startswith("final"), answer
    assert server_state(engine) == before


def test_finalize_is_no_longer_an_op_kind(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer = login(api, "liqiang")
    before = server_state(engine)
    made = op("patrol", uuid7(), "create", squad_id=(None, seeded.squad), status=(None, "open"))
    made["op"] = "finalize"
    answer = api.post("/api/v1/sync/push", json={"ops": [made]}, headers=officer)
    assert answer.status_code == 400 and "finalize" in answer.json()["detail"]
    assert server_state(engine) == before


def test_verify_finds_a_number_typed_with_other_brackets_spaces_and_no_padding(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang", "d1")
    doc = leased_document(api, mine, seeded)
    assert push(api, mine, doc)[0]["status"] == "applied"
    number = doc["changes"]["number"][1]
    typed = number.replace("〔", "[").replace("〕", "] ").replace(number[-6:-1], number[-6:-1].lstrip("0"))
    assert typed != number
    found = api.get(f"/api/v1/documents/verify/{typed}", params={"hash": "c" * 64}, headers=mine).json()
    assert found["exists"] and found["hash_matches"] and found["number"] == number
    other = api.get(f"/api/v1/documents/verify/{typed.replace(']', ']9')}", headers=mine).json()
    assert not other["exists"]
