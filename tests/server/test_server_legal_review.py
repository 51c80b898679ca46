"""法制审核 on the server (issue 19): only the reviewer role decides a review, in its own name;
a return needs a written opinion; a decided review is final; a held-back decision (不予行政处罚
决定书) is accepted only with an approved review — and every refusal changes nothing stored."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sync_helpers import Seed, server_fields
from test_server_api import login, op, push
from trust_helpers import server_state

from inspector_app.domain.ids import uuid7
from inspector_server.legal_reviews import legal_review_subject

AT = "2026-11-20T02:00:00.000Z"


def state(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        subjects = sorted(tuple(r) for r in conn.execute(select(legal_review_subject)))
    return {**server_state(engine), "subjects": subjects}


def violation(seeded: Seed) -> dict[str, Any]:
    liqiang, zhangwei = seeded.officers["liqiang"][0], seeded.officers["zhangwei"][0]
    return op("violation", uuid7(), "create", party_kind=(None, "person"), party_name=(None, "张伟"),
              squad_id=(None, seeded.squad), catalog_version=(None, "2026-01"), item_code=(None, "FO25"),
              facts=(None, "在行道树上拴绳晾挂衣物。"), occurred_at=(None, AT), officer1_id=(None, liqiang),
              officer2_id=(None, zhangwei), decision=(None, "first_offence"), status=(None, "rectified"),
              overridden=(None, 0), file_case=(None, 0))


def review(seeded: Seed, violation_id: str, doc_type: str = "no_penalty", **extra: Any) -> dict[str, Any]:
    fields = {"violation_id": (None, violation_id), "doc_type": (None, doc_type), "squad_id": (None, seeded.squad),
              "origin": (None, "laptop"), "reasons": (None, '["不予行政处罚决定书须经法制审核后作出"]'),
              "status": (None, "pending"), "requested_by": (None, seeded.officers["liqiang"][0]),
              "requested_at": (None, AT), **extra}
    return op("legal_review", uuid7(), "create", **fields)


def decision(seeded: Seed, review_id: str, username: str, status: str, opinion: str = "") -> dict[str, Any]:
    return op("legal_review", review_id, status=("pending", status), reviewer_id=("", seeded.officers[username][0]),
              opinion=("", opinion), decided_at=(None, AT))


def asked(api: TestClient, seeded: Seed) -> tuple[dict[str, str], str, str]:
    officer = login(api, "liqiang", "d1")
    v, r = violation(seeded), review(seeded, "")
    r["changes"]["violation_id"][1] = v["entity_id"]
    assert [a["status"] for a in push(api, officer, v, r)] == ["applied", "applied"]
    return officer, v["entity_id"], r["entity_id"]


def test_only_the_reviewer_decides_and_a_return_needs_an_opinion(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, _violation_id, review_id = asked(api, seeded)
    supervisor, clerk = login(api, "wangfang", "d2"), login(api, "zhaomin", "d3")
    before = state(engine)
    for headers, who in ((officer, "liqiang"), (supervisor, "wangfang")):
        answer = push(api, headers, decision(seeded, review_id, who, "approved"))[0]
        assert answer["status"] == "forbidden" and answer["reason"].startswith("reviewer"), answer
    for blank in ("", "   "):
        answer = push(api, clerk, decision(seeded, review_id, "zhaomin", "returned", blank))[0]
        assert answer["status"] == "rejected" and answer["reason"].startswith("opinion"), answer
    # In another reviewer's name, or changing the subject along with the decision: refused too.
    answer = push(api, clerk, decision(seeded, review_id, "wangfang", "approved"))[0]
    assert answer["status"] == "rejected" and "reviewer_id" in answer["reason"]
    sneaky = decision(seeded, review_id, "zhaomin", "approved")
    sneaky["changes"]["doc_type"] = ["no_penalty", "warning"]
    assert push(api, clerk, sneaky)[0]["status"] == "rejected"
    assert state(engine) == before
    returned = push(api, clerk, decision(seeded, review_id, "zhaomin", "returned", "复查照片不能证明已改正，请补充。"))[0]
    assert returned["status"] == "applied", returned
    fields = server_fields(engine, "legal_review", review_id)
    assert (fields["status"], fields["opinion"]) == ("returned", "复查照片不能证明已改正，请补充。")


def test_a_decided_review_is_final_and_is_never_deleted(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, _violation_id, review_id = asked(api, seeded)
    clerk = login(api, "zhaomin", "d3")
    assert push(api, clerk, decision(seeded, review_id, "zhaomin", "approved"))[0]["status"] == "applied"
    before = state(engine)
    again = push(api, clerk, op("legal_review", review_id, status=("approved", "returned"), opinion=("", "改判")))[0]
    assert again["status"] == "rejected" and again["reason"].startswith("final"), again
    stale = push(api, clerk, decision(seeded, review_id, "zhaomin", "returned", "不同意"))[0]
    assert stale["status"] == "rejected"
    for headers in (officer, clerk):
        gone = push(api, headers, op("legal_review", review_id, "delete", deleted=(0, 1)))[0]
        assert gone["status"] in ("forbidden", "rejected"), gone
    assert state(engine) == before


def test_an_officer_asks_only_for_a_pending_review_in_their_own_name(
        api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, violation_id, _review_id = asked(api, seeded)
    clerk = login(api, "zhaomin", "d3")
    before = state(engine)
    approved = review(seeded, violation_id, status=(None, "approved"), reviewer_id=(None, seeded.officers["liqiang"][0]))
    assert push(api, officer, approved)[0]["status"] == "forbidden"
    server = review(seeded, violation_id, origin=(None, "server"))
    assert push(api, officer, server)[0]["status"] == "forbidden"
    other = review(seeded, violation_id, requested_by=(None, seeded.officers["zhangwei"][0]))
    assert push(api, officer, other)[0]["status"] == "rejected"
    assert push(api, clerk, review(seeded, violation_id))[0]["status"] == "forbidden"
    assert state(engine) == before


def _no_penalty(api: TestClient, headers: dict[str, str], seeded: Seed, violation_id: str) -> dict[str, Any]:
    block = api.post("/api/v1/numbers/lease", json={"doc_type": "no_penalty", "year": 2026, "count": 5},
                     headers=headers).json()
    value = block["range_start"]
    return op("document", uuid7(), "create", doc_type=(None, "no_penalty"),
              number=(None, f"济历下城管不罚字〔2026〕第{value:04d}号"), number_value=(None, value),
              number_source=(None, "lease"), year=(None, 2026), squad_id=(None, seeded.squad),
              violation_id=(None, violation_id), party_name=(None, "张伟"), snapshot=(None, "{}"),
              content_sha256=(None, "d" * 64), issued_at=(None, AT), issued_by=(None, seeded.officers["liqiang"][0]),
              status=(None, "issued"), print_count=(None, 0))


def test_a_no_penalty_decision_is_accepted_only_after_approval(api: TestClient, seeded: Seed, engine: Engine) -> None:
    officer, violation_id, review_id = asked(api, seeded)
    document = _no_penalty(api, officer, seeded, violation_id)
    clerk = login(api, "zhaomin", "d3")
    before = state(engine)
    early = push(api, officer, document)[0]
    assert early["status"] == "rejected" and early["reason"].startswith("legal_review"), early
    assert state(engine) == before
    assert push(api, clerk, decision(seeded, review_id, "zhaomin", "approved"))[0]["status"] == "applied"
    late = push(api, officer, {**document, "op_id": uuid7()})[0]
    assert late["status"] == "applied", late
