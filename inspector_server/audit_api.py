"""Audit endpoints: a laptop reads its acknowledged head and pushes its chain; supervisors (of
the device's squad) and administrators read a device's entries. Nobody else pulls them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from sqlalchemy import Engine

from inspector_app.sync.protocol import API
from inspector_server import audit
from inspector_server.rules import ADMIN, Caller

REVIEWERS = ("supervisor", ADMIN)


def add_routes(app: FastAPI, engine: Engine, caller: Callable[..., Awaitable[Caller]],
               read_json: Callable[[Request], Awaitable[dict[str, Any]]], now: Callable[[], str]) -> None:
    """Register the audit endpoints; ``caller`` is the app's signed-in-caller dependency."""
    signed_in = Depends(caller)  # a default, not an annotation: these are local names

    async def run(fn: Callable[..., Any], *args: Any) -> Any:
        def work() -> Any:
            with engine.connect().execution_options(write=True) as conn, conn.begin():
                return fn(conn, *args)
        return await asyncio.to_thread(work)

    @app.get(f"{API}/audit/head", tags=["audit"])
    async def audit_head(who: Caller = signed_in) -> dict[str, Any]:
        """The signed-in device's acknowledged audit head."""
        found: audit.Head = await run(audit.head, who.device_id)
        return found.to_json()

    @app.post(f"{API}/audit/push", tags=["audit"])
    async def audit_push(request: Request, who: Caller = signed_in) -> dict[str, Any]:
        """Entries after the head, with the laptop's entry at the head as proof of continuity."""
        body = await read_json(request)
        try:
            answer: dict[str, Any] = await run(audit.receive, who.officer_id, who.device_id, body, now())
        except audit.AuditRequestError as exc:
            raise HTTPException(400, str(exc)) from None
        return answer

    @app.get(f"{API}/audit/devices/{{device_id}}/entries", tags=["audit"])
    async def audit_entries(device_id: str, epoch: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                            after: Annotated[int, Query(ge=0, le=2**62)] = 0,
                            limit: Annotated[int, Query(ge=1, le=1000)] = 500,
                            who: Caller = signed_in) -> dict[str, Any]:
        """A device's stored chain, for its squad's supervisors and the administrators."""
        if who.role not in REVIEWERS:
            raise HTTPException(403, "only supervisors and administrators read audit trails")
        if who.role != ADMIN and await run(audit.device_squad, device_id) != who.squad_id:
            raise HTTPException(403, "a supervisor reads the audit trails of the own squad's devices")
        rows = await run(audit.entries, device_id, epoch, after, limit)
        return {"entries": rows}
