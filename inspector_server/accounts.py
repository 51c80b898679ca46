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


def check_username(conn: Connection, op: Op) -> None:
    """Raise Refused when the op gives the officer a user name another officer signs in with."""
    username = op.changes.get("username", [None, None])[1]
    if username and conn.execute(select(account.c.officer_id).where(
            account.c.username == username, account.c.officer_id != op.entity_id)).first() is not None:
        raise rules.rejected("username_taken", f"another officer already signs in as {username}")


def without_secret(op: Op) -> Op:
    """The op as the record stores it: without the password hash."""
    return dataclasses.replace(op, changes={k: v for k, v in op.changes.items() if k != SECRET})


def update_account(conn: Connection, op: Op, creating: bool) -> None:
    """Bring the officer's sign-in account in step with the applied op (made on creation when
    the op carries a user name and a password hash)."""
    new = {k: v[1] for k, v in op.changes.items()}
    values: dict[str, Any] = {k: new[k] for k in ACCOUNT_FIELDS if k in new}
    if new.get(SECRET):
        values[SECRET] = new[SECRET]
    exists = conn.execute(select(account.c.officer_id).where(account.c.officer_id == op.entity_id)).first()
    if exists is not None and values:
        conn.execute(update(account).where(account.c.officer_id == op.entity_id).values(**values))
    elif exists is None and creating and values.get("username") and values.get(SECRET):
        conn.execute(insert(account).values(
            officer_id=op.entity_id, username=values["username"], password_hash=values[SECRET],
            role=values.get("role") or "officer", squad_id=values.get("squad_id"),
            active=int(values.get("active", 1))))
