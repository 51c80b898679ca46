"""Whether a laptop holds the server's truth: every synced table equals the server's view of
the laptop's squad (the records its device may pull), field by field."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, or_, select

from inspector_app.services.session import Session
from inspector_app.storage.records import ENTITIES, SYNC_FIELDS
from inspector_server.db import record
from inspector_server.feed import _fields


def _same(local: Any, server: Any) -> bool:
    if isinstance(server, bool) or isinstance(local, bool):
        return bool(local) == bool(server)
    if isinstance(server, list | dict):
        server = json.dumps(server, ensure_ascii=False)
        try:
            return json.loads(local) == json.loads(server)
        except (TypeError, ValueError):
            return False
    if isinstance(server, int | float) and isinstance(local, int | float):
        return float(local) == float(server)
    return bool(local == server)


def _default(text: str | None) -> Any:
    if text is None or text.upper() == "NULL":
        return None
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    try:
        return json.loads(text)
    except ValueError:
        return text


def differences(session: Session, engine: Engine, entities: set[str] | None = None) -> list[str]:
    """What differs between the laptop's synced tables and the server (empty: equal)."""
    db = session.store.db
    squad = session.actor.squad_id
    query = select(record)
    if squad is not None:
        query = query.where(or_(record.c.squad_id == squad, record.c.squad_id.is_(None)))
    with engine.connect() as conn:
        server = {(r["entity"], r["id"]): r for r in conn.execute(query).mappings()}
    out: list[str] = []
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for entity, spec in ENTITIES.items():
        if entity not in tables or (entities is not None and entity not in entities) or entity == "officer":
            continue
        defaults = {r[1]: _default(r[4]) for r in db.execute(f'PRAGMA table_info("{entity}")')}
        cur = db.execute(f'SELECT * FROM "{entity}"')
        names = [d[0] for d in cur.description]
        local = {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}
        theirs = {rid: r for (e, rid), r in server.items() if e == entity}
        for rid in sorted(set(local) - set(theirs)):
            out.append(f"{entity} {rid}: on the laptop only")
        for rid in sorted(set(theirs) - set(local)):
            out.append(f"{entity} {rid}: on the server only")
        for rid in sorted(set(local) & set(theirs)):
            mine, row = local[rid], theirs[rid]
            if bool(mine["deleted"]) != bool(row["deleted"]):
                out.append(f"{entity} {rid}: deleted {mine['deleted']} here, {row['deleted']} on the server")
            fields = _fields(entity, row["fields"])
            derived = set(spec.derive(mine)) if spec.derive else set()
            for name in names:
                if name in SYNC_FIELDS or name in spec.local_columns or name in derived:
                    continue
                # A column the server never got must hold its default, not a refused value.
                value = fields[name] if name in fields else defaults.get(name)
                if not _same(mine[name], value):
                    out.append(f"{entity} {rid}.{name}: {mine[name]!r} here, {value!r} on the server")
    return out
