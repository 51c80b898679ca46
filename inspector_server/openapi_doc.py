"""The server's OpenAPI document, completed with what FastAPI cannot see from the routes.

Push, ping, audit push and blob uploads read their bodies themselves (size caps and gzip come
first, see protocol_requests), and sign-in is a bearer token checked in a dependency, so
FastAPI would publish those operations with no request body and no security. This module
declares, for every /api operation: the bearer scheme (officers' tokens, or the city
platforms' integration tokens for /work-orders), the protocol version header, the request body,
and the error answers (:class:`inspector_server.errors.ErrorAnswer`) it can give. The fuzz test
(tests/server/test_server_fuzz.py) holds the server to this document.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from inspector_app.sync.protocol import API, MAX_PUSH_OPS, MIN_CLIENT_VERSION, VERSION_HEADER
from inspector_server.errors import ErrorAnswer

OFFICER, INTEGRATION = "officerToken", "integrationToken"
# Operations anybody may call (no token).
_OPEN = {f"{API}/health", f"{API}/auth/login", f"{API}/auth/refresh"}
_WORK_ORDERS = f"{API}/work-orders"
_ERROR_TEXT = {
    400: "The request is malformed (the reason says how).",
    401: "No token, an expired or revoked token, or a wrong password.",
    403: "The signed-in account may not do this.",
    404: "Nothing with that id.",
    409: "The request conflicts with what the server holds.",
    413: "The request body is over its cap (before or after inflating gzip).",
    422: "A parameter or a field is invalid; `detail` lists each problem.",
    426: "The app speaks an older sync protocol than the server needs.",
    429: "Too many failed sign-ins: wait for Retry-After seconds.",
}

_SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_OP = {
    "type": "object",
    "required": ["op_id", "entity", "entity_id", "op", "hlc"],
    "properties": {
        "op_id": {"type": "string", "minLength": 1, "maxLength": 200},
        "entity": {"type": "string", "minLength": 1, "maxLength": 200},
        "entity_id": {"type": "string", "minLength": 1, "maxLength": 200},
        "op": {"type": "string", "enum": ["create", "patch", "delete"]},
        "changes": {"type": "object", "additionalProperties": {"type": "array", "minItems": 2, "maxItems": 2}},
        "hlc": {"type": "string", "minLength": 1, "maxLength": 200},
        "at": {"type": "string"},
        "form_version": {"type": "string"},
        "blobs": {"type": "array", "items": _SHA256},
        "author": {"type": "string", "maxLength": 64},
        "base_hlc": {"type": "string", "maxLength": 64,
                     "description": "For a delete: the HLC of the version the device deleted."},
    },
}
_OPS_BODY = {
    "type": "object",
    "required": ["ops"],
    "properties": {"device_id": {"type": "string"},
                   "ops": {"type": "array", "maxItems": MAX_PUSH_OPS, "items": _OP}},
}
_AUDIT_BODY = {
    "type": "object",
    "required": ["key"],
    "properties": {"key": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                   "keyed_from": {"type": "integer", "minimum": 1},
                   "at_head": {"type": ["object", "null"]},
                   "entries": {"type": "array", "items": {"type": "object"}}},
}
_WORK_ORDER_BODY = {"type": "object", "description": "One work order of a city platform (see work_orders_api)."}
_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", f"{API}/sync/push"): {"application/json": {"schema": _OPS_BODY}},
    ("post", f"{API}/sync/ping"): {"application/json": {"schema": _OPS_BODY}},
    ("post", f"{API}/audit/push"): {"application/json": {"schema": _AUDIT_BODY}},
    ("post", _WORK_ORDERS): {"application/json": {"schema": _WORK_ORDER_BODY}},
    ("put", f"{API}/blobs/{{sha256}}"): {"application/octet-stream": {"schema": {"type": "string",
                                                                                 "format": "binary"}}},
}


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` answer the completed document (built once, then cached)."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes,
                                 description=__doc__)
            complete(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]


def complete(schema: dict[str, Any]) -> None:
    """Add security schemes, the protocol header, request bodies and error answers in place."""
    components = schema.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update({
        OFFICER: {"type": "http", "scheme": "bearer",
                  "description": "An officer's access token from /auth/login or /auth/refresh."},
        INTEGRATION: {"type": "http", "scheme": "bearer",
                      "description": "A city platform's integration token (wo_…), issued by an administrator."},
    })
    error_schema = ErrorAnswer.model_json_schema()
    components.setdefault("schemas", {})["ErrorAnswer"] = error_schema
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            _complete_operation(path, method, operation)


def _complete_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    integration = path.startswith(_WORK_ORDERS)
    errors = {422}
    if path not in _OPEN:
        operation["security"] = [{INTEGRATION if integration else OFFICER: []}]
        errors |= {401, 403, 404}
    if not integration and path != f"{API}/health":
        operation.setdefault("parameters", []).append({
            "name": VERSION_HEADER, "in": "header", "required": True,
            "description": "The sync protocol the app speaks (426 when too old).",
            "schema": {"type": "integer", "minimum": MIN_CLIENT_VERSION},
        })
        errors.add(426)
    if method in ("post", "put"):
        errors |= {400, 413}
    if path in (f"{API}/auth/login", f"{API}/auth/refresh"):
        errors |= {401} | ({429} if path.endswith("login") else set())
    if path.startswith(f"{API}/sync/push") or path.startswith(f"{API}/blobs/{{") or integration:
        errors.add(409)
    body = _BODIES.get((method, path))
    if body is not None:
        operation["requestBody"] = {"required": True, "content": body}
    responses = operation.setdefault("responses", {})
    for status in sorted(errors):
        responses.setdefault(str(status), {
            "description": _ERROR_TEXT[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorAnswer"}}},
        })
