"""Work orders on the server: integrations (a city platform's own token), intake idempotent by
the platform's number, routing to a squad, the feed the platform reads back
(``changed_after``), the check of an order pushed by a laptop, and the masking of the
reporter's contact in what other officers' laptops pull.

An integration token is shown once when made and kept only as its SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.domain.ids import uuid7
from inspector_app.domain.masking import mask_name, mask_phone
from inspector_app.domain.work_calendar import LOCAL_TZ, shipped_calendar
from inspector_app.domain.work_order_categories import shipped_order_categories
from inspector_app.domain.work_orders import (
    RECEIVED,
    SOURCES,
    STATUS_LABELS,
    RoadRef,
    may_see_contact,
    route_order,
)
from inspector_app.forms.engine import FormContext, validate
from inspector_app.forms.work_order import INTAKE_FIELDS, new_order_fields, work_order_form
from inspector_server.db import metadata, record
from inspector_server.rules import ADMIN, SUPERVISOR, Caller, forbidden, rejected

integration = Table(
    "integration", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of the sources it may send
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("last_used_at", String(32), nullable=True),
    Column("revoked", Integer, nullable=False, default=0),
)

work_order_number = Table(
    "work_order_number", metadata,
    Column("source", String(20), primary_key=True),
    Column("platform_no", String(64), primary_key=True),
    Column("order_id", String(64), nullable=False),
    Index("work_order_number_order", "order_id"),
)

TOKEN_PREFIX = "wo_"
# Fields the city platform reads back: the handling, never the contact or internal notes.
FEED_FIELDS = ("source", "platform_no", "category", "status", "received_at", "deadline", "deadline_estimated",
               "dispatched_at", "started_at", "reply_text", "replied_at", "after_photo_ids", "return_reason",
               "extension_status", "extension_days", "extension_reason", "original_deadline", "shelve_reason",
               "shelve_review_date", "closed_at", "closed_on_time", "satisfaction", "visited_at")
CONTACT = ("reporter_name", "reporter_phone")


class IntakeError(Exception):
    """An order the platform must correct: ``problems`` lists each field and what is wrong."""

    def __init__(self, message: str, problems: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def _now() -> str:
    return utc_iso(datetime.now(UTC))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- integrations ------------------------------------------------------------------------------
def create_integration(conn: Connection, name: str, sources: list[str]) -> tuple[str, str]:
    """A new integration for a platform; returns (id, token). The token is not stored."""
    unknown = [s for s in sources if s not in SOURCES]
    if not sources or unknown:
        raise UserError(f"sources must be some of {', '.join(SOURCES)} (not {', '.join(unknown) or 'none'})")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    rid = uuid7()
    conn.execute(insert(integration).values(id=rid, name=name, sources=json.dumps(sorted(set(sources))),
                                            token_hash=_hash(token), created_at=_now(), revoked=0))
    return rid, token


def list_integrations(conn: Connection) -> list[dict[str, Any]]:
    """Each integration: name, sources, when last used, revoked (never the token)."""
    return [{"id": r["id"], "name": r["name"], "sources": ",".join(json.loads(r["sources"])),
             "last_used": r["last_used_at"] or "", "revoked": bool(r["revoked"])}
            for r in conn.execute(select(integration).order_by(integration.c.created_at)).mappings()]


def revoke_integration(conn: Connection, integration_id: str) -> bool:
    """Refuse the integration's token from now on; False if unknown."""
    return bool(conn.execute(update(integration).where(integration.c.id == integration_id)
                             .values(revoked=1)).rowcount)


def authenticate(conn: Connection, token: str) -> dict[str, Any] | None:
    """The live integration holding ``token`` (its use is noted), or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = conn.execute(select(integration).where(integration.c.token_hash == _hash(token))).mappings().first()
    if row is None or row["revoked"]:
        return None
    conn.execute(update(integration).where(integration.c.id == row["id"]).values(last_used_at=_now()))
    return {**row, "sources": json.loads(row["sources"])}


# -- intake ------------------------------------------------------------------------------------
def _roads(conn: Connection) -> list[RoadRef]:
    out = []
    for rid, squad, fields in conn.execute(select(record.c.id, record.c.squad_id, record.c.fields).where(
            record.c.entity == "road_segment", record.c.deleted == 0)):
        f = json.loads(fields)
        line = f.get("geometry") or []
        if isinstance(line, str):
            line = json.loads(line or "[]")
        out.append(RoadRef(rid, squad, f.get("grid_code") or "", f.get("name") or "", f.get("street_name") or "",
                           tuple((p[0], p[1]) for p in line)))
    return out


def _clean(values: dict[str, Any], today: date) -> dict[str, Any]:
    form = work_order_form(shipped_order_categories())
    try:
        return validate(form, {k: values.get(k) for k in INTAKE_FIELDS}, FormContext(today))
    except ValidationFailed as exc:
        raise IntakeError("the order has fields to correct",
                          [{"field": e.field, "message": e.render()} for e in exc.errors]) from None


def intake(conn: Connection, source_integration: dict[str, Any], values: dict[str, Any],
           now: datetime | None = None) -> tuple[str, bool, dict[str, Any]]:
    """Store one order from a platform: (order id, whether it is new, its fields). The same
    (source, number) again returns the first order unchanged."""
    now = now or datetime.now(UTC)
    clean = _clean(values, now.astimezone(LOCAL_TZ).date())
    if clean["source"] not in source_integration["sources"]:
        raise IntakeError(f"this integration may send orders of {', '.join(source_integration['sources'])} only")
    existing = _existing(conn, clean["source"], clean["platform_no"])
    if existing is not None:
        return existing, False, _fields(conn, existing)
    fields = new_order_fields(clean, now, shipped_order_categories(), shipped_calendar())
    road, how = route_order(fields["grid_code"], clean.get("road") or "", clean.get("lat"), clean.get("lon"),
                            _roads(conn))
    squad = road.squad_id if road else None
    fields.update(road_segment_id=road.id if road else None, squad_id=squad,
                  grid_code=fields["grid_code"] or (road.grid_code if road else ""), dispatch_method=how,
                  reporter_photos="[]")  # JSON columns travel as text, as laptops send them
    order_id = uuid7()
    try:
        with conn.begin_nested():
            conn.execute(insert(work_order_number).values(source=clean["source"], platform_no=clean["platform_no"],
                                                          order_id=order_id))
    except IntegrityError:  # the same order arriving twice at once: the first one wins
        found = _existing(conn, clean["source"], clean["platform_no"])
        assert found is not None
        return found, False, _fields(conn, found)
    from inspector_server.push import Rec, write_records  # push imports this module for its checks

    stamp = utc_iso(now)
    hlc = f"{int(now.timestamp() * 1000):015d}-{0:010d}-server"
    event = {"order_id": order_id, "at": stamp, "kind": "received", "status_from": "", "status_to": RECEIVED,
             "note": source_integration["name"], "officer_id": "platform"}
    write_records(conn, [
        Rec("work_order", order_id, squad, fields, hlc, created_at=stamp, updated_at=stamp, device_id="platform"),
        Rec("work_order_event", uuid7(), squad, event, hlc, created_at=stamp, updated_at=stamp, device_id="platform"),
    ])
    return order_id, True, fields


def _existing(conn: Connection, source: str, number: str) -> str | None:
    return conn.execute(select(work_order_number.c.order_id).where(
        work_order_number.c.source == source, work_order_number.c.platform_no == number)).scalar()


def _fields(conn: Connection, order_id: str) -> dict[str, Any]:
    found = conn.execute(select(record.c.fields).where(record.c.entity == "work_order",
                                                       record.c.id == order_id)).scalar()
    return json.loads(found) if found else {}


def feed(conn: Connection, source_integration: dict[str, Any], after: int, limit: int) -> dict[str, Any]:
    """Orders of the integration's sources changed after ``after`` (a seq), oldest change first:
    status, reply, "after" photos, closure, 回访 — for the platform to fetch."""
    rows = conn.execute(select(record.c.id, record.c.seq, record.c.fields, record.c.updated_at).where(
        record.c.entity == "work_order", record.c.seq > after).order_by(record.c.seq).limit(limit * 4 + 1)).all()
    out, last = [], after
    for rid, seq, raw, updated in rows:
        fields = json.loads(raw)
        last = seq
        if fields.get("source") not in source_integration["sources"]:
            continue
        item = {k: fields.get(k) for k in FEED_FIELDS}
        item["after_photo_ids"] = _ids(item["after_photo_ids"])
        item.update(id=rid, seq=seq, updated_at=updated, status_label=STATUS_LABELS.get(str(fields.get("status")), ""))
        out.append(item)
        if len(out) == limit:
            break
    more = len(out) == limit or len(rows) > limit * 4
    return {"orders": out, "next_changed_after": last, "more": more}


def photo_blob(conn: Connection, source_integration: dict[str, Any], order_id: str, photo_id: str) -> str | None:
    """The blob of a before/after photo of one of the integration's orders (None otherwise)."""
    fields = _fields(conn, order_id)
    if fields.get("source") not in source_integration["sources"]:
        return None
    shown = [*_ids(fields.get("after_photo_ids")), *_ids(fields.get("before_photo_ids"))]
    if photo_id not in shown:
        return None
    found = conn.execute(select(record.c.fields).where(record.c.entity == "photo", record.c.id == photo_id)).scalar()
    return str(json.loads(found).get("sha256") or "") or None if found else None


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return [str(v) for v in value or []]


# -- orders pushed by laptops, and what laptops pull ----------------------------------------
def check_pushed_create(conn: Connection, caller: Caller, order_id: str, fields: dict[str, Any]) -> None:
    """A laptop creates an order (a dispatcher's import or 领导交办): only a supervisor may, the
    intake form must accept it, and its platform number must be free (it is taken here)."""
    if caller.role not in (SUPERVISOR, ADMIN):
        raise forbidden("role", "only a dispatcher (supervisor) creates work orders")
    form = work_order_form(shipped_order_categories())
    values = {k: fields.get(k) for k in INTAKE_FIELDS if k in fields}
    for key in ("received_at", "deadline", "reported_at"):
        values.pop(key, None)  # stored as UTC timestamps, not as typed; checked by the workflow
    try:
        validate(form, values, FormContext(datetime.now(UTC).date()))
    except ValidationFailed as exc:
        raise rejected("invalid", "; ".join(e.render() for e in exc.errors)) from None
    taken = _existing(conn, str(fields.get("source")), str(fields.get("platform_no")))
    if taken is not None and taken != order_id:
        raise rejected("number_taken", f"order {fields.get('platform_no')} of {fields.get('source')} exists already")
    if taken is None:
        conn.execute(insert(work_order_number).values(source=fields.get("source"), platform_no=fields.get("platform_no"),
                                                      order_id=order_id))


def visible_fields(caller: Caller, entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """What a device may receive of a record: an order's reporter contact only for the officer
    handling it and for supervisors; other officers' laptops get it masked."""
    if entity != "work_order" or may_see_contact(caller.role, caller.officer_id, fields.get("assignee_id")):
        return fields
    return {**fields, "reporter_name": mask_name(fields.get("reporter_name") or ""),
            "reporter_phone": mask_phone(fields.get("reporter_phone") or "")}


def index_numbers(conn: Connection) -> int:
    """Note the platform number of every work order record (after seeding from a profile)."""
    count = 0
    for rid, raw in conn.execute(select(record.c.id, record.c.fields).where(record.c.entity == "work_order")):
        f = json.loads(raw)
        if _existing(conn, f["source"], f["platform_no"]) is None:
            conn.execute(insert(work_order_number).values(source=f["source"], platform_no=f["platform_no"], order_id=rid))
            count += 1
    return count
