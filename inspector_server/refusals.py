"""A refused op's answer carries the record as the server holds it, so the device that made the
op returns the record to the server's version (issue 15: refused means rolled back)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Connection, select, tuple_

from inspector_app.sync.protocol import Op, OpResult
from inspector_server import feed
from inspector_server.db import record
from inspector_server.rules import ADMIN, Caller


def with_current(conn: Connection, caller: Caller, ops: list[Op], results: list[OpResult]) -> list[OpResult]:
    """The answers, each refused one with the record's current state, or ``absent`` when the
    server has no such record the caller may see. Read after the batch's writes, so it is the
    state the batch committed (a replayed refusal gets today's state, not the old one)."""
    refused = {(op.entity, op.entity_id) for op, r in zip(ops, results, strict=True) if r.refused}
    if not refused:
        return results
    rows = {(r["entity"], r["id"]): r for r in conn.execute(
        select(record).where(tuple_(record.c.entity, record.c.id).in_(sorted(refused)))).mappings()}
    out = []
    for op, result in zip(ops, results, strict=True):
        row = rows.get((op.entity, op.entity_id)) if result.refused else None
        if not result.refused:
            out.append(result)
        elif row is None or not _visible(caller, row["squad_id"]):
            out.append(dataclasses.replace(result, absent=True))
        else:
            out.append(dataclasses.replace(result, current=feed.change_of(caller, row).to_json()))
    return out


def _visible(caller: Caller, squad_id: str | None) -> bool:
    return caller.role == ADMIN or squad_id is None or squad_id == caller.squad_id
