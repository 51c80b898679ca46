"""Issue 14, cases 3 and 4: a device belongs to the account that enrolled it (or to an
administrator's shared laptop and its allowed officers), so no other account signs in with it
or takes over its number leases; a document number is accepted only from a lease of the
pushing device (for the document's type, year and squad) or as provisional, which the server
replaces and says so. Every refusal leaves the server as it was."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_snapshot import snapshot
from sqlalchemy import Engine
from sync_helpers import PASSWORD, LiveServer, Seed, client_factory
from test_server_api import op, pull_all, push
from trust_helpers import server_state

from inspector_app.domain.ids import uuid7
from inspector_app.sync.client import DEVICE_REFUSALS, Refused, Tokens
from inspector_server import admin, cli

LOGIN, REFRESH = "/api/v1/auth/login", "/api/v1/auth/refresh"
NUMBER = "济历下城管警告〔2026〕第{:04d}号"


def sign_in(api: TestClient, username: str, device_id: str) -> Any:
    return api.post(LOGIN, json={"username": username, "password": PASSWORD, "device_id": device_id,
                                 "device_name": "测试笔记本"})


def bearer(answer: Any) -> dict[str, str]:
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def lease(api: TestClient, headers: dict[str, str], count: int = 5) -> dict[str, Any]:
    answer = api.post("/api/v1/numbers/lease", json={"doc_type": "warning", "year": 2026, "count": count},
                      headers=headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def document(squad: str, number: str, value: int, source: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = dict(
        doc_type=(None, "warning"), number=(None, number), number_value=(None, value), year=(None, 2026),
        squad_id=(None, squad), party_name=(None, "泉城路1号商店"), snapshot=(None, "{}"),
        content_sha256=(None, "c" * 64), issued_at=(None, "2026-11-20T02:00:00.000Z"), issued_by=(None, "x"),
        status=(None, "issued"), print_count=(None, 0))
    if source is not None:
        fields["number_source"] = (None, source)
    return op("document", uuid7(), "create", **fields)


# Case 3 ----------------------------------------------------------------------------------


def test_another_account_can_neither_sign_in_with_a_device_nor_take_it_over(
        api: TestClient, seeded: Seed, engine: Engine) -> None:
    first = sign_in(api, "liqiang", "laptop-li")
    mine, refresh = bearer(first), first.json()["refresh_token"]
    block = lease(api, mine)
    before = snapshot(engine)
    for username in ("sunli", "zhangwei", "admin"):  # another squad, the same squad, an administrator
        taken = sign_in(api, username, "laptop-li")
        assert taken.status_code == 401 and taken.json()["reason"] == "device_taken", taken.text
        assert "belongs to another account" in taken.json()["detail"]
    assert snapshot(engine) == before  # the device, its owner, tokens and leases unchanged
    # The owner is not signed out, and the device's lease is still only theirs.
    assert api.get("/api/v1/sync/pull", headers=mine).status_code == 200
    renewed = api.post(REFRESH, json={"device_id": "laptop-li", "refresh_token": refresh})
    assert renewed.status_code == 200, renewed.text
    number = NUMBER.format(block["range_start"])
    assert push(api, mine, document(seeded.squad, number, block["range_start"], "lease"))[0]["status"] == "applied"
    again = sign_in(api, "liqiang", "laptop-li")  # the owner signs in again as often as needed
    assert again.status_code == 200


def test_a_shared_laptop_takes_only_its_enrolled_officers(api: TestClient, seeded: Seed, engine: Engine,
                                                          db_url: str, capsys: Any) -> None:
    assert cli.main(["--db", db_url, "admin", "device", "enrol", "槐荫1号机",
                     "--officer", "liqiang", "--officer", "wangfang"]) == 0
    laptop = capsys.readouterr().out.strip()
    officer = bearer(sign_in(api, "liqiang", laptop))
    supervisor = bearer(sign_in(api, "wangfang", laptop))
    # Both officers' tokens work on it at once: one signing in does not sign the other out.
    assert push(api, officer, op("unit", seeded.units[0], notes=("", "李强的记录")))[0]["status"] == "applied"
    assert api.get("/api/v1/sync/pull", headers=supervisor).status_code == 200
    before = snapshot(engine)
    stranger = sign_in(api, "zhangwei", laptop)
    assert stranger.status_code == 401 and stranger.json()["reason"] == "device_not_enrolled"
    assert snapshot(engine) == before
    # An officer's own laptop cannot be given to others, and a shared laptop is named explicitly.
    bearer(sign_in(api, "zhangwei", "laptop-zw"))
    assert cli.main(["--db", db_url, "admin", "device", "allow", "laptop-zw", "--officer", "sunli"]) == 2
    assert "enrol it as shared first" in capsys.readouterr().err
    assert cli.main(["--db", db_url, "admin", "device", "list"]) == 0
    listed = capsys.readouterr().out
    assert "liqiang,wangfang" in listed and "槐荫1号机" in listed
    # Taken off the laptop, an officer's tokens on it stop working at once.
    assert cli.main(["--db", db_url, "admin", "device", "disallow", laptop, "--officer", "wangfang"]) == 0
    refused = api.get("/api/v1/sync/pull", headers=supervisor)
    assert refused.status_code == 401 and refused.json()["reason"] == "device_not_enrolled"
    assert api.get("/api/v1/sync/pull", headers=officer).status_code == 200


def test_a_device_in_use_can_be_made_a_shared_laptop(api: TestClient, seeded: Seed, engine: Engine) -> None:
    bearer(sign_in(api, "liqiang", "laptop-7"))
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        assert admin.enrol_shared_laptop(conn, "", ["liqiang", "zhangwei"], "laptop-7") == "laptop-7"
    assert sign_in(api, "zhangwei", "laptop-7").status_code == 200
    assert sign_in(api, "sunli", "laptop-7").json()["reason"] == "device_not_enrolled"


# Case 4 ----------------------------------------------------------------------------------


def test_a_number_needs_this_devices_lease_and_a_later_leased_document_is_not_blocked(
        api: TestClient, seeded: Seed, engine: Engine) -> None:
    mine, theirs = bearer(sign_in(api, "liqiang", "laptop-li")), bearer(sign_in(api, "zhangwei", "laptop-zw"))
    own, other = lease(api, mine), lease(api, theirs)  # 1–5 and 6–10
    value = other["range_start"]
    before = server_state(engine)
    refused = [
        document(seeded.squad, NUMBER.format(value), value, "local"),
        document(seeded.squad, NUMBER.format(value + 1), value + 1, "server"),
        document(seeded.squad, NUMBER.format(value + 2), value + 2, None),
        document(seeded.squad, NUMBER.format(value + 3), value + 3, "lease"),  # the other device's lease
        document(seeded.squad, NUMBER.format(value + 4), own["range_start"], "lease"),  # text of another value
        document(seeded.squad, NUMBER.format(own["range_start"]), own["range_start"] + 50, "lease"),  # outside
    ]
    answers = push(api, mine, *refused)
    reasons = [a["reason"].split(":")[0] for a in answers]
    assert [a["status"] for a in answers] == ["rejected"] * len(refused), answers
    assert reasons == ["number_source", "number_source", "number_source", "lease", "lease", "lease"]
    assert server_state(engine) == before
    # The device that holds those numbers issues them without a number_taken.
    later = [document(seeded.squad, NUMBER.format(n), n, "lease") for n in range(value, value + 5)]
    assert [a["status"] for a in push(api, theirs, *later)] == ["applied"] * 5
    # A leased value is used once, whatever text it is sent under.
    first = document(seeded.squad, NUMBER.format(own["range_start"]), own["range_start"], "lease")
    assert push(api, mine, first)[0]["status"] == "applied"
    before = server_state(engine)
    reused = document(seeded.squad, f"济历下城管警告〔2026〕第{own['range_start']}号", own["range_start"], "lease")
    answer = push(api, mine, reused)[0]
    assert answer["status"] == "rejected" and answer["reason"].startswith("number_taken")
    assert server_state(engine) == before


def test_a_lease_belongs_to_its_squad(api: TestClient, seeded: Seed, engine: Engine) -> None:
    supervisor = bearer(sign_in(api, "admin", "laptop-admin"))  # an administrator's lease has no squad
    block = lease(api, supervisor)
    before = server_state(engine)
    answer = push(api, supervisor, document(seeded.squad, NUMBER.format(block["range_start"]),
                                            block["range_start"], "lease"))[0]
    assert answer["status"] == "rejected" and answer["reason"].startswith("lease"), answer
    assert server_state(engine) == before


def test_a_provisional_number_is_replaced_and_the_answer_says_by_which(api: TestClient, seeded: Seed) -> None:
    mine = bearer(sign_in(api, "liqiang", "laptop-li"))
    lease(api, mine)  # 1–5 are this device's: the server's number comes after them
    doc = document(seeded.squad, "临" + NUMBER.format(1), 1, "provisional")
    answer = push(api, mine, doc)[0]
    assert answer["status"] == "applied" and answer["reason"] == f"number_assigned: {NUMBER.format(6)}"
    stored = next(c for c in pull_all(api, mine) if c["id"] == doc["entity_id"])["fields"]
    assert (stored["number"], stored["number_value"], stored["number_source"]) == (NUMBER.format(6), 6, "server")
    replay = push(api, mine, doc)[0]
    assert replay["status"] == "duplicate" and replay["reason"] == answer["reason"]


def test_the_app_is_told_the_laptop_is_someone_elses_not_to_retype_the_password(live: LiveServer,
                                                                                seeded: Seed) -> None:
    with client_factory(live.url, "laptop-li", Tokens()) as owner:
        owner.login("liqiang", PASSWORD, "李强的笔记本")
    with client_factory(live.url, "laptop-li", Tokens()) as other, pytest.raises(Refused) as refused:
        other.login("sunli", PASSWORD, "李强的笔记本")
    assert refused.value.message == DEVICE_REFUSALS["device_taken"][0]  # not NeedsSignIn
