"""Document numbers on the server: leases, refusals outside them, provisional numbers
replaced, verification of a printed document's number and hash."""

from __future__ import annotations

import hashlib
import json
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


def _with_facts(seeded: Seed, number: str, value: int, sha: str, party: str, violation_id: str,
                issued_at: str) -> dict[str, Any]:
    snapshot = {"kind": "rectify_order", "title": "责令限期改正通知书", "number": number, "party": {"name": party},
                "case_name": "占道经营", "facts": {"time": "2026年11月20日10时00分", "place": "泉城路12号门前",
                                                   "conduct": "在人行道上摆摊经营。"},
                "deadline_text": "2026年11月27日", "officers": [{"name": "李强", "badge_no": "37010001"}],
                "issued_on": "2026年11月20日"}
    doc = document(seeded, number, value, "lease", sha)
    doc["changes"].update(doc_type=(None, "rectify_order"), snapshot=(None, json.dumps(snapshot, ensure_ascii=False)),
                          violation_id=(None, violation_id), issued_at=(None, issued_at))
    return doc


def test_verify_gives_the_key_facts_and_a_superseded_status(api: TestClient, seeded: Seed) -> None:
    """Issue 17, part 5: the server's answer (and the public page the QR opens) carries the
    authentic facts — a forged paper's changed party and deadline stand out — and a voided
    document re-issued says superseded, naming its replacement."""
    mine = login(api, "liqiang", "d1")
    violation = uuid7()
    first = _with_facts(seeded, "济历下城管责改字〔2026〕第0050号", 50, "a" * 64, "张伟", violation, "2026-11-20T02:00:00.000Z")
    api.post("/api/v1/numbers/lease", json={"doc_type": "rectify_order", "year": 2026, "count": 60}, headers=mine)
    assert push(api, mine, first)[0]["status"] == "applied"
    check = api.get("/api/v1/documents/verify/济历下城管责改字〔2026〕第0050号", headers=mine).json()
    assert check["status"] == "issued" and check["facts"]["party"] == "张伟"
    assert check["facts"]["deadline"] == "2026年11月27日" and check["facts"]["officers"] == "李强（执法证号 37010001）"
    page = api.get("/V/%E6%B5%8E%E5%8E%86%E4%B8%8B%E5%9F%8E%E7%AE%A1%E8%B4%A3%E6%94%B9%E5%AD%97%E3%80%942026%E3%80%95"
                   f"%E7%AC%AC0050%E5%8F%B7/{'A' * 64}")
    assert page.status_code == 200 and "张伟" in page.text and "2026年11月27日" in page.text and "逐项核对" in page.text
    forged = api.get(f"/v/济历下城管责改字〔2026〕第0050号/{'b' * 64}").text
    assert "不符" in forged and "张伟" not in forged  # no facts without the genuine code
    assert "原件" not in page.text  # no stored PDF yet
    pdf = b"%PDF-1.4 the original as issued"
    sha = hashlib.sha256(pdf).hexdigest()
    push(api, mine, op("document", first["entity_id"], pdf_sha256=(None, sha)))
    api.put(f"/api/v1/blobs/{sha}", content=pdf, headers={"Content-Range": f"bytes 0-{len(pdf) - 1}/{len(pdf)}", **mine})
    linked = api.get(f"/V/济历下城管责改字〔2026〕第0050号/{'a' * 64}").text
    assert f'href="{"a" * 64}/pdf"' in linked
    original = api.get(f"/V/济历下城管责改字〔2026〕第0050号/{'a' * 64}/pdf")
    assert original.status_code == 200 and original.content == pdf
    assert api.get(f"/V/济历下城管责改字〔2026〕第0050号/{'b' * 64}/pdf").status_code == 404
    push(api, mine, op("document", first["entity_id"], status=("issued", "voided"), void_reason=("", "错印")))
    second = _with_facts(seeded, "济历下城管责改字〔2026〕第0051号", 51, "c" * 64, "张伟", violation, "2026-11-20T03:00:00.000Z")
    assert push(api, mine, second)[0]["status"] == "applied"
    old = api.get("/api/v1/documents/verify/济历下城管责改字〔2026〕第0050号", headers=mine).json()
    assert (old["status"], old["replaced_by"], old["void_reason"]) == ("superseded", "济历下城管责改字〔2026〕第0051号", "错印")
    assert "第0051号的文书取代" in api.get(f"/v/济历下城管责改字〔2026〕第0050号/{'a' * 64}").text


def test_verify_finds_a_number_however_it_was_typed(api: TestClient, seeded: Seed) -> None:
    """Issue 17 leftover: the server's verify normalizes the number as the app's lookup does
    (domain/documents.number_key) — brackets, spaces, full-width digits, zero padding — and
    answers with the stored spelling; a different number is not found by a loose match."""
    mine = login(api, "liqiang", "d1")
    stored = "济历下城管责改字〔2026〕第0050号"
    doc = _with_facts(seeded, stored, 50, "a" * 64, "张伟", uuid7(), "2026-11-20T02:00:00.000Z")
    api.post("/api/v1/numbers/lease", json={"doc_type": "rectify_order", "year": 2026, "count": 60}, headers=mine)
    assert push(api, mine, doc)[0]["status"] == "applied"
    for typed in ("济历下城管责改字 [2026] 第50号", "济历下城管责改字（２０２６）第 0050 号", "济历下城管责改字【2026】第050号"):
        check = api.get(f"/api/v1/documents/verify/{typed}", params={"hash": "a" * 64}, headers=mine).json()
        assert (check["exists"], check["number"], check["hash_matches"]) == (True, stored, True), typed
        assert check["facts"]["party"] == "张伟"
    for other in ("济历下城管责改字〔2026〕第5号", "济历下城管责改字〔2026〕第500号", "济历下城管责改字〔2025〕第50号",
                  "济历下城管警告字〔2026〕第50号", "济历下城管责改字〔2026〕第50_号"):
        assert api.get(f"/api/v1/documents/verify/{other}", headers=mine).json()["exists"] is False, other
    page = api.get(f"/v/济历下城管责改字[2026]第50号/{'a' * 64}").text
    assert "张伟" in page and stored in page
