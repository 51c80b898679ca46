"""Document numbers on the server: leases, refusals outside them, provisional numbers
replaced, verification of a printed document's number and hash."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sync_helpers import Seed
from test_server_api import login, op, push

from inspector_app.domain.ids import uuid7
from inspector_server.numbers import replace_provisional


def document(seeded: Seed, number: str, value: int, source: str, sha: str = "c" * 64) -> dict[str, Any]:
    return op("document", uuid7(), "create", doc_type=(None, "warning"), number=(None, number),
              number_value=(None, value), number_source=(None, source), year=(None, 2026),
              squad_id=(None, seeded.squad), snapshot=(None, "{}"), content_sha256=(None, sha),
              issued_at=(None, "2026-11-20T02:00:00.000Z"), issued_by=(None, "x"), status=(None, "issued"),
              print_count=(None, 0))


def test_leases_of_two_devices_do_not_overlap(api: TestClient, seeded: Seed) -> None:
    one = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 50},
                   headers=login(api, "liqiang", "d1")).json()
    two = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 50},
                   headers=login(api, "zhangwei", "d2")).json()
    assert (one["range_start"], one["range_end"], two["range_start"], two["range_end"]) == (1, 50, 51, 100)
    bad = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 1900},
                   headers=login(api, "liqiang", "d1"))
    assert bad.status_code == 422
    clerk = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026},
                     headers=login(api, "zhaomin", "d3"))
    assert clerk.status_code == 403 and "no numbers" in clerk.json()["detail"]


def test_a_number_outside_the_devices_lease_is_rejected(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang", "d1")
    api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 10}, headers=mine)
    other = login(api, "zhangwei", "d2")
    api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 10}, headers=other)
    assert push(api, mine, document(seeded, "济历下城管警告〔2026〕第0003号", 3, "lease"))[0]["status"] == "applied"
    stolen = push(api, mine, document(seeded, "济历下城管警告〔2026〕第0013号", 13, "lease"))[0]
    assert stolen["status"] == "rejected" and stolen["reason"].startswith("lease")
    twice = push(api, other, document(seeded, "济历下城管警告〔2026〕第0003号", 3, "local"))[0]
    assert twice["status"] == "rejected" and twice["reason"].startswith("number_source")  # issue 14, case 4


def test_a_provisional_number_is_replaced_and_can_be_verified(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang", "d1")
    doc = document(seeded, "临济历下城管警告〔2026〕第0001号", 1, "provisional", sha="d" * 64)
    assert push(api, mine, doc)[0]["status"] == "applied"
    pulled = next(c for c in api.get("/api/v1/sync/pull", params={"limit": 2000}, headers=mine).json()["changes"]
              if c["id"] == doc["entity_id"])["fields"]
    assert pulled["number_source"] == "server" and not pulled["number"].startswith("临")
    check = api.get(f"/api/v1/documents/verify/{pulled['number']}", params={"hash": "d" * 64}, headers=mine).json()
    assert check["exists"] and check["hash_matches"]
    forged = api.get(f"/api/v1/documents/verify/{pulled['number']}", params={"hash": "e" * 64}, headers=mine).json()
    assert forged["exists"] and not forged["hash_matches"]
    assert not api.get("/api/v1/documents/verify/nope", headers=mine).json()["exists"]


def test_final_document_cannot_be_changed_but_can_be_printed_and_voided(api: TestClient, seeded: Seed) -> None:
    mine = login(api, "liqiang", "d1")
    api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": 50}, headers=mine)
    doc = document(seeded, "济历下城管警告〔2026〕第0042号", 42, "lease")
    assert push(api, mine, doc)[0]["status"] == "applied"
    rid = doc["entity_id"]
    changed = push(api, mine, op("document", rid, party_name=(None, "别人")))[0]
    assert changed["status"] == "rejected" and changed["reason"].startswith("final")
    clerk = login(api, "zhaomin", "d3")
    assert push(api, clerk, op("document", rid, print_count=(0, 1)))[0]["status"] == "applied"
    assert push(api, mine, op("document", rid, print_count=(0, 2)))[0]["status"] == "applied", "prints add up"
    assert push(api, clerk, op("document", rid, status=("issued", "voided"), void_reason=("", "错印")))[0][
        "status"] == "applied"
    fields = next(c for c in api.get("/api/v1/sync/pull", params={"limit": 2000}, headers=mine).json()["changes"]
              if c["id"] == rid)["fields"]
    assert (fields["print_count"], fields["status"]) == (3, "voided")


def test_replacing_a_provisional_number_keeps_the_format() -> None:
    assert replace_provisional("临济历下城管警告〔2026〕第0007号", 123) == "济历下城管警告〔2026〕第0123号"
    assert replace_provisional("临X-7", 12) == "X-12"
