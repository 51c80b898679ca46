"""Officer records written by a device (an administrator's laptop) keep the server's sign-in
accounts in step. A password hash in such an op goes into the account only: it is never
stored in the record, so it never reaches other devices through the feed."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import Connection, insert, select, update

from inspector_app.sync.protocol import Op
from inspector_server import rules
from inspector_server.db import account

ACCOUNT_FIELDS = ("username", "role", "squad_id", "active")
SECRET = "password_hash"


def take_account_fields(conn: Connection, op: Op, creating: bool) -> Op:
    """Update (or on creation make) the officer's account from the op; returns the op
    without the password hash. Raises Refused for a user name another officer has."""
    new = {k: v[1] for k, v in op.changes.items()}
    values: dict[str, Any] = {k: new[k] for k in ACCOUNT_FIELDS if k in new}
    if new.get(SECRET):
        values[SECRET] = new[SECRET]
    if values.get("username"):
        other = conn.execute(select(account.c.officer_id).where(
            account.c.username == values["username"], account.c.officer_id != op.entity_id)).first()
        if other is not None:
            raise rules.rejected("username_taken", f"another officer already signs in as {values['username']}")
    exists = conn.execute(select(account.c.officer_id).where(account.c.officer_id == op.entity_id)).first()
    if exists is not None and values:
        conn.execute(update(account).where(account.c.officer_id == op.entity_id).values(**values))
    elif exists is None and creating and values.get("username") and values.get(SECRET):
        conn.execute(insert(account).values(
            officer_id=op.entity_id, username=values["username"], password_hash=values[SECRET],
            role=values.get("role") or "officer", squad_id=values.get("squad_id"),
            active=int(values.get("active", 1))))
    changes = {k: v for k, v in op.changes.items() if k != SECRET}
    return dataclasses.replace(op, changes=changes)
