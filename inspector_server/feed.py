"""Reading the change feed: a device's squad's records after its cursor, in seq order."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, or_, select, update

from inspector_app.sync.protocol import Change
from inspector_server.db import blob, device, record
from inspector_server.rules import ADMIN, Caller
from inspector_server.work_orders import visible_fields


def pull(conn: Connection, caller: Caller, after: int, limit: int, now: str) -> dict[str, Any]:
    """Up to ``limit`` changes with seq > ``after`` that the caller's device may receive."""
    query = select(record).where(record.c.seq > after)
    if caller.role != ADMIN:
        query = query.where(or_(record.c.squad_id == caller.squad_id, record.c.squad_id.is_(None)))
    rows = conn.execute(query.order_by(record.c.seq).limit(limit + 1)).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [change_of(caller, r).to_json() for r in rows]
    next_after = rows[-1]["seq"] if rows else after
    conn.execute(update(device).where(device.c.id == caller.device_id).values(last_pull_at=now, cursor=next_after))
    return {"changes": changes, "next_after": next_after, "more": more}


def change_of(caller: Caller, r: Any) -> Change:
    """A record row as the caller's device receives it."""
    return Change(r["seq"], r["entity"], r["id"], visible_fields(caller, r["entity"], _fields(r["entity"], r["fields"])),
                  r["hlc"], bool(r["deleted"]), r["created_at"], r["updated_at"], r["device_id"])


def _fields(entity: str, text: str) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(text)
    if entity == "conflict" and "device_id" in fields:
        # Conflicts made before the field was renamed: "device_id" is every record's sync
        # column on the laptop, so it travels under its own name.
        fields.setdefault("source_device_id", fields.pop("device_id"))
    return fields


def present_blobs(conn: Connection, hashes: list[str]) -> set[str]:
    """Which of ``hashes`` the server holds, verified."""
    if not hashes:
        return set()
    return set(conn.execute(select(blob.c.sha256).where(blob.c.sha256.in_(hashes))).scalars())
