"""The OpenAPI document declares what a client must send and what it may get back (issue 14):
the bearer schemes, the protocol header, the bodies push/audit/blob read themselves, and the
error answers with their reason codes."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from inspector_app.sync.protocol import API, VERSION_HEADER


def _document(api: TestClient) -> dict[str, Any]:
    answer = api.get("/openapi.json")
    assert answer.status_code == 200
    doc: dict[str, Any] = answer.json()
    return doc


def test_the_document_declares_bearer_tokens_on_every_signed_in_operation(api: TestClient) -> None:
    doc = _document(api)
    schemes = doc["components"]["securitySchemes"]
    assert schemes["officerToken"] == {"type": "http", "scheme": "bearer", "description": schemes["officerToken"]["description"]}
    assert schemes["integrationToken"]["scheme"] == "bearer"
    paths = doc["paths"]
    for open_path in ("/health", "/auth/login", "/auth/refresh"):
        assert "security" not in paths[f"{API}{open_path}"]["post" if "auth" in open_path else "get"]
    assert paths[f"{API}/sync/push"]["post"]["security"] == [{"officerToken": []}]
    assert paths[f"{API}/sync/pull"]["get"]["security"] == [{"officerToken": []}]
    assert paths[f"{API}/work-orders"]["post"]["security"] == [{"integrationToken": []}]


def test_the_protocol_header_is_required_where_the_server_checks_it(api: TestClient) -> None:
    paths = _document(api)["paths"]

    def header_of(path: str, method: str) -> list[dict[str, Any]]:
        return [p for p in paths[f"{API}{path}"][method].get("parameters", []) if p["name"] == VERSION_HEADER]

    assert header_of("/sync/push", "post")[0]["required"] is True
    assert header_of("/auth/login", "post")[0]["in"] == "header"
    assert header_of("/health", "get") == []
    assert header_of("/work-orders", "post") == []  # city platforms speak the integration API


def test_bodies_read_by_the_server_itself_are_declared(api: TestClient) -> None:
    paths = _document(api)["paths"]
    push = paths[f"{API}/sync/push"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert push["required"] == ["ops"]
    op = push["properties"]["ops"]["items"]
    assert set(op["required"]) == {"op_id", "entity", "entity_id", "op", "hlc"}
    assert op["properties"]["op"]["enum"] == ["create", "patch", "delete"]
    assert "application/octet-stream" in paths[f"{API}/blobs/{{sha256}}"]["put"]["requestBody"]["content"]
    assert paths[f"{API}/audit/push"]["post"]["requestBody"]["required"] is True


def test_error_answers_are_declared_with_their_reason(api: TestClient) -> None:
    doc = _document(api)
    answer = doc["components"]["schemas"]["ErrorAnswer"]
    assert set(answer["required"]) == {"detail", "reason"}
    push = doc["paths"][f"{API}/sync/push"]["post"]["responses"]
    for status in ("400", "401", "403", "409", "413", "422", "426"):
        assert push[status]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorAnswer"}
    assert "429" in doc["paths"][f"{API}/auth/login"]["post"]["responses"]


def test_a_refused_blob_upload_says_why_like_every_other_refusal(api: TestClient, seeded: Any) -> None:
    from sync_helpers import PASSWORD

    token = api.post(f"{API}/auth/login", json={"username": "liqiang", "password": PASSWORD,
                                                 "device_id": "openapi-laptop"}).json()["access_token"]
    answer = api.put(f"{API}/blobs/NOT-A-HASH", content=b"x", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 400
    assert answer.json()["reason"] == "bad_blob_name"
