"""The server's own 首违不罚 decision for a pushed violation, over the city-wide index.

A laptop decides offline with its own records and the index as last pulled; the server,
at push, holds every squad's violations. :func:`redecide` applies the same rule
(:func:`inspector_app.domain.first_offence.decide`) to the index and answers only when its
outcome differs from the one the laptop recorded — then the violation needs 法制审核.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, or_, select

from inspector_app.domain.catalogs import (
    FirstOffenceItem,
    parse_first_offence_rows,
    shipped_catalogs,
)
from inspector_app.domain.clock import LOCAL_TZ, parse_utc
from inspector_app.domain.first_offence import Prior, decide, party_keys_of
from inspector_app.domain.first_offence import index_token as token
from inspector_server import offence_index_key as keys
from inspector_server.db import record
from inspector_server.offence_index_table import offence_index


def local_day(at: Any, fallback: Any = "") -> str:
    """The Asia/Shanghai date of a stored UTC time (the fallback's when it is unreadable)."""
    for text in (at, fallback):
        try:
            return parse_utc(str(text)).astimezone(LOCAL_TZ).date().isoformat()
        except (TypeError, ValueError):
            continue
    return datetime.now(LOCAL_TZ).date().isoformat()


@dataclass(frozen=True)
class Redecision:
    """The server's decision where it differs from the laptop's: both outcomes
    (domain.first_offence outcomes), the server's reasons (Chinese, as printed), and the
    priors it found (item, date, squad, document number: no personal data)."""

    laptop_outcome: str
    server_outcome: str
    reasons: tuple[str, ...]
    priors: tuple[dict[str, Any], ...]


def redecide(conn: Connection, violation_fields: dict[str, Any], squad_id: str | None,
             violation_id: str = "", now: datetime | None = None) -> Redecision | None:
    """The server's decision for a violation just pushed (its fields as pushed), over the
    index of every squad; None when it agrees with the decision the laptop recorded, or when
    it cannot decide (no city key loaded, an item no catalog version has, no party key).
    ``violation_id`` keeps the violation's own index row out of its priors."""
    key = keys.city_key(conn.engine)
    item = _item(conn, str(violation_fields.get("catalog_version") or ""), str(violation_fields.get("item_code") or ""))
    id_key, name_key = party_keys_of(violation_fields)
    if key is None or item is None or not (id_key or name_key):
        return None
    lookup = keys.lookup_key(key, keys.epoch(conn))
    priors = index_priors(conn, token(lookup, id_key), token(lookup, name_key), violation_id)
    occurred = date.fromisoformat(local_day(violation_fields.get("occurred_at")))
    confirmed = _indexes(violation_fields.get("confirmed_conditions"))
    decision = decide(item, priors, confirmed, occurred, now or datetime.now(UTC), device=False)
    laptop = str(violation_fields.get("decision") or "")
    if decision.outcome == laptop:
        return None
    return Redecision(laptop, decision.outcome, decision.reasons, tuple(
        {"item_code": p.item_code, "occurred_on": p.occurred_on.isoformat(), "squad_id": p.squad_id,
         "squad": p.squad, "number": p.number} for p in decision.priors))


def _indexes(value: Any) -> set[int]:
    """The confirmed conditions' indexes: a JSON list as the laptop syncs it (or a list)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return set()
    return {i for i in value if isinstance(i, int) and not isinstance(i, bool)} if isinstance(value, list) else set()


def index_priors(conn: Connection, id_token: str | None, na_token: str | None, exclude_id: str = "") -> list[Prior]:
    """The party's violations in the index: by identity token, and by name+address token
    among rows with no identity or the same one (the laptop's rule, storage.violations)."""
    wanted = []
    if id_token:
        wanted.append(offence_index.c.id_token == id_token)
    if na_token:
        by_name = offence_index.c.na_token == na_token
        if id_token:  # a row with another ID number is another party of the same name
            by_name = by_name & or_(offence_index.c.id_token.is_(None), offence_index.c.id_token == id_token)
        wanted.append(by_name)
    if not wanted:
        return []
    rows = conn.execute(select(offence_index).where(
        or_(*wanted), offence_index.c.deleted == 0, offence_index.c.violation_id != exclude_id)).mappings().all()
    names = squad_names(conn, {r["squad_id"] for r in rows if r["squad_id"]})
    return [Prior(r["violation_id"], date.fromisoformat(r["occurred_on"]), r["item_code"], r["number"],
                  "id" if id_token and r["id_token"] == id_token else "name_address", "index",
                  names.get(r["squad_id"] or "", ""), r["squad_id"] or "")
            for r in rows]


def squad_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Squad id → name, for the squads given (from the squad records)."""
    if not ids:
        return {}
    rows = conn.execute(select(record.c.id, record.c.fields).where(
        record.c.entity == "squad", record.c.id.in_(sorted(ids))))
    return {rid: str(json.loads(text).get("name") or "") for rid, text in rows}


def _item(conn: Connection, version: str, code: str) -> FirstOffenceItem | None:
    """The catalog row the laptop decided with: an imported version synced to the server,
    else the shipped catalog's row of that code."""
    for (text,) in conn.execute(select(record.c.fields).where(record.c.entity == "catalog_version",
                                                              record.c.deleted == 0)):
        fields = json.loads(text)
        if fields.get("version") == version and fields.get("kind", "first_offence") == "first_offence":
            rows = fields.get("items")
            items, _ = parse_first_offence_rows(json.loads(rows) if isinstance(rows, str) else list(rows or []), version)
            found = [i for i in items if i.code == code]
            if found:
                return found[0]
    return next((i for i in shipped_catalogs().first_offence if i.code == code), None)
