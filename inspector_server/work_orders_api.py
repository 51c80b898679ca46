"""The city platforms' side of the API: ``POST /api/v1/work-orders`` (one order; idempotent by
the platform's number) and ``GET /api/v1/work-orders?changed_after=SEQ`` (what happened to
them since), both with the integration's own bearer token — an officer's token is not one.

Answers: 201 with the new order's id, deadline and squad; 200 with ``"created": false`` for a
number already received; 422 with one message per field to correct; 401 for a missing, wrong
or revoked token; 403 for a source the integration may not send.
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from sqlalchemy import Engine

from inspector_app.sync.protocol import API
from inspector_server import work_orders as orders
from inspector_server.blobs import BlobDir

MAX_BODY = 64 * 1024
MAX_FEED = 500


def _token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise HTTPException(401, "send the integration's token as 'Authorization: Bearer wo_…'")
    return header[7:].strip()


def add_routes(app: FastAPI, engine: Engine, blobs: BlobDir) -> None:
    """Register the work-order endpoints on the server app."""

    def run(fn: Any, *args: Any) -> Any:
        with engine.connect().execution_options(write=True) as conn, conn.begin():
            return fn(conn, *args)

    def integration_for(conn: Any, token: str) -> dict[str, Any]:
        found = orders.authenticate(conn, token)
        if found is None:
            raise HTTPException(401, "this integration token is not known or was revoked")
        return found

    @app.post(f"{API}/work-orders", status_code=201, tags=["work orders"])
    async def receive(request: Request) -> JSONResponse:
        """Receive one work order from a city platform."""
        token = _token(request)
        body = await request.body()
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"an order is at most {MAX_BODY // 1024} KB of JSON")
        try:
            values = json.loads(body)
        except ValueError:
            raise HTTPException(400, "the request body is not JSON") from None
        if not isinstance(values, dict):
            raise HTTPException(400, "the request body must be one order as a JSON object")

        def work(conn: Any) -> tuple[str, bool, dict[str, Any]]:
            return orders.intake(conn, integration_for(conn, token), values)

        try:
            order_id, created, fields = await asyncio.to_thread(run, work)
        except orders.IntakeError as exc:
            status = 403 if not exc.problems else 422
            return JSONResponse({"detail": str(exc), "reason": "invalid_order" if exc.problems else "source_not_allowed",
                                 "problems": exc.problems}, status_code=status)
        return JSONResponse({
            "id": order_id, "created": created, "status": fields.get("status"), "deadline": fields.get("deadline"),
            "deadline_estimated": bool(fields.get("deadline_estimated")), "squad_id": fields.get("squad_id"),
        }, status_code=201 if created else 200)

    @app.get(f"{API}/work-orders", tags=["work orders"])
    async def changed(request: Request, changed_after: Annotated[int, Query(ge=0, le=2**62)] = 0,
                      limit: Annotated[int, Query(ge=1, le=MAX_FEED)] = 200) -> dict[str, Any]:
        """The integration's orders changed after ``changed_after`` (pass back ``next_changed_after``)."""
        token = _token(request)
        return await asyncio.to_thread(run, lambda conn: orders.feed(conn, integration_for(conn, token),
                                                                      changed_after, limit))

    @app.get(f"{API}/work-orders/{{order_id}}/photos/{{photo_id}}", tags=["work orders"])
    async def photo(order_id: str, photo_id: str, request: Request) -> FileResponse:
        """A photo of the handling (before / after) of one of the integration's orders (JPEG)."""
        token = _token(request)
        sha = await asyncio.to_thread(run, lambda conn: orders.photo_blob(conn, integration_for(conn, token),
                                                                          order_id, photo_id))
        path = blobs.path(sha) if sha else None
        if path is None or not path.exists():
            raise HTTPException(404, "no such photo of this order (or it has not been uploaded yet)")
        return FileResponse(path, media_type="image/jpeg")
