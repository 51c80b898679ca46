"""Administration: squads, officers and their roles, devices, passwords, unit imports, and a
status table of devices. Used by ``inspector-server admin`` and by tests."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.ids import uuid7
from inspector_app.forms.engine import Choice, FormContext, validate
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.forms.unit_import import row_values, suggest_mapping
from inspector_server.auth import hash_password
from inspector_server.db import account, blob, device, device_officer, document_number, record
from inspector_server.push import Rec, write_records
from inspector_server.rules import ADMIN, FINAL_IN, FINAL_ON_CREATE, Caller, becomes_final, squad_of

ROLES = ("officer", "supervisor", "clerk", "admin")


class AdminError(Exception):
    """A request the administrator must correct (the message says how)."""


def _now() -> str:
    return utc_iso(datetime.now(UTC))


def _hlc(now: str) -> str:
    ms = int(datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp() * 1000)
    return f"{ms:015d}-{0:010d}-server"


def put_record(conn: Connection, entity: str, fields: dict[str, Any], squad_id: str | None,
               record_id: str | None = None) -> str:
    """Create or replace one record (written to the feed like any change)."""
    now = _now()
    rid = record_id or uuid7()
    existing = conn.execute(select(record.c.id).where(record.c.entity == entity, record.c.id == rid)).first()
    write_records(conn, [Rec(entity, rid, squad_id, fields, _hlc(now), created_at=now, updated_at=now,
                             device_id="server", stored=existing is not None)])
    return rid


def create_squad(conn: Connection, name: str, district_code: str, subdistrict_code: str | None = None) -> str:
    """A new squad; returns its id."""
    rid = uuid7()
    put_record(conn, "squad", {"name": name, "district_code": district_code,
                               "subdistrict_code": subdistrict_code}, rid, rid)
    return rid


def create_officer(conn: Connection, username: str, name: str, role: str, squad_id: str | None,
                   password: str, badge_no: str = "", phone: str = "") -> str:
    """A new officer with a sign-in account; returns the officer id."""
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters")
    if conn.execute(select(account.c.officer_id).where(account.c.username == username)).first():
        raise AdminError(f"the user name {username} is taken; choose another")
    if squad_id and not conn.execute(select(record.c.id).where(record.c.entity == "squad", record.c.id == squad_id)).first():
        raise AdminError(f"there is no squad {squad_id}; list squads with 'admin squad list'")
    officer_id = uuid7()
    conn.execute(insert(account).values(officer_id=officer_id, username=username,
                                        password_hash=hash_password(password), role=role, squad_id=squad_id))
    put_record(conn, "officer", {"username": username, "name": name, "badge_no": badge_no, "role": role,
                                 "squad_id": squad_id, "phone": phone, "active": 1}, squad_id, officer_id)
    return officer_id


def set_role(conn: Connection, username: str, role: str) -> None:
    """Change an officer's role (takes effect at their next request)."""
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    officer_id = _officer_id(conn, username)
    conn.execute(update(account).where(account.c.officer_id == officer_id).values(role=role))
    row = conn.execute(select(record).where(record.c.entity == "officer", record.c.id == officer_id)).mappings().first()
    if row is not None:
        put_record(conn, "officer", {**json.loads(row["fields"]), "role": role}, row["squad_id"], officer_id)


def reset_password(conn: Connection, username: str, password: str) -> None:
    """Give an officer a new password."""
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters")
    officer_id = _officer_id(conn, username)
    conn.execute(update(account).where(account.c.officer_id == officer_id).values(password_hash=hash_password(password)))


def _officer_id(conn: Connection, username: str) -> str:
    found = conn.execute(select(account.c.officer_id).where(account.c.username == username)).scalar()
    if found is None:
        raise AdminError(f"there is no user {username}")
    return str(found)


def create_device(conn: Connection, name: str) -> str:
    """Register a device ahead of its first sign-in; returns its id."""
    device_id = uuid7()
    conn.execute(insert(device).values(id=device_id, name=name, created_at=_now()))
    return device_id


def enrol_shared_laptop(conn: Connection, name: str, usernames: list[str], device_id: str | None = None) -> str:
    """A shared laptop: only the officers named may sign in on it; returns its id. Given the id
    of a device already in use (see ``device list``), that device becomes shared."""
    if not usernames:
        raise AdminError("name at least one officer allowed on the laptop (--officer USERNAME)")
    rid = device_id or uuid7()
    known = conn.execute(select(device.c.revoked).where(device.c.id == rid)).first()
    if known is None:
        conn.execute(insert(device).values(id=rid, name=name, created_at=_now(), shared=1))
    elif known.revoked:
        raise AdminError(f"the device {rid} is revoked; enrol the laptop under a new id")
    else:
        conn.execute(update(device).where(device.c.id == rid).values(shared=1, **({"name": name} if name else {})))
    allow_officers(conn, rid, usernames)
    return rid


def allow_officers(conn: Connection, device_id: str, usernames: list[str], allowed: bool = True) -> None:
    """Add officers to a shared laptop (or, with ``allowed=False``, take them off it: their
    tokens on it stop working)."""
    found = conn.execute(select(device.c.shared).where(device.c.id == device_id)).first()
    if found is None:
        raise AdminError(f"there is no device {device_id}; see 'admin device list'")
    if not found.shared:
        raise AdminError(f"the device {device_id} is one officer's own; enrol it as shared first ('device enrol')")
    for officer_id in [_officer_id(conn, u) for u in usernames]:
        conn.execute(delete(device_officer).where(device_officer.c.device_id == device_id,
                                                  device_officer.c.officer_id == officer_id))
        if allowed:
            conn.execute(insert(device_officer).values(device_id=device_id, officer_id=officer_id))


def revoke_device(conn: Connection, device_id: str) -> bool:
    """Refuse the device from now on (its tokens stop working); False if unknown."""
    done = conn.execute(update(device).where(device.c.id == device_id).values(revoked=1, refresh_hash=None))
    return bool(done.rowcount)


def device_status(conn: Connection) -> list[dict[str, Any]]:
    """Each device: who, last push and pull, cursor, how far behind, open conflicts of its squad."""
    head = conn.execute(select(func.max(record.c.seq))).scalar() or 0
    rows = conn.execute(
        select(device, account.c.username, account.c.squad_id)
        .select_from(device.outerjoin(account, account.c.officer_id == device.c.officer_id))
        .order_by(device.c.created_at)
    ).mappings().all()
    open_conflicts: dict[str | None, int] = {}
    for squad, fields in conn.execute(select(record.c.squad_id, record.c.fields).where(record.c.entity == "conflict")):
        if json.loads(fields).get("status") == "open":
            open_conflicts[squad] = open_conflicts.get(squad, 0) + 1
    allowed: dict[str, list[str]] = {}
    for device_id, username in conn.execute(select(device_officer.c.device_id, account.c.username).join(
            account, account.c.officer_id == device_officer.c.officer_id).order_by(account.c.username)):
        allowed.setdefault(device_id, []).append(username)
    return [{
        "device": r["id"], "name": r["name"], "user": r["username"] or "", "revoked": bool(r["revoked"]),
        "shared_with": ",".join(allowed.get(r["id"], [])) if r["shared"] else "",
        "last_push": r["last_push_at"] or "", "last_pull": r["last_pull_at"] or "", "cursor": r["cursor"],
        "behind": head - r["cursor"], "conflicts": open_conflicts.get(r["squad_id"], 0),
    } for r in rows]


def import_units(conn: Connection, path: Path, squad_id: str) -> tuple[int, list[str]]:
    """Import a registry (.csv, UTF-8 or GBK) with the app's column recognition and unit form;
    returns (units created, one message per bad row). Rows with errors are skipped."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gbk")
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows:
        raise AdminError(f"{path} has no rows")
    roads = {json.loads(f)["name"]: rid for rid, f in conn.execute(
        select(record.c.id, record.c.fields).where(record.c.entity == "road_segment", record.c.squad_id == squad_id))}
    context = FormContext(today=datetime.now(UTC).date(), choices={
        "road_segments": tuple(Choice(rid, name) for name, rid in roads.items()),
        "unit_categories": (),
    }, mode="import")
    mapping = suggest_mapping(rows[0])
    created, problems = 0, []
    for number, row in enumerate(rows[1:], start=2):
        try:
            clean = validate(UNIT_FORM, row_values(row, mapping, roads), context)
        except UserError as exc:  # the form says which field is wrong and why
            problems.append(f"row {number}: {exc}")
            continue
        fields = {k: (int(v) if isinstance(v, bool) else v) for k, v in clean.items()}
        fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()}
        put_record(conn, "unit", {**fields, "squad_id": squad_id}, squad_id)
        created += 1
    return created, problems


SEED_ENTITIES = ("squad", "officer", "road_segment", "unit", "catalog_version", "patrol", "frontage_inspection",
                 "photo", "disorder_check", "disorder_event", "violation", "document", "voided_number", "review",
                 "work_order", "work_order_event", "legal_review", "publication")
_NOT_SYNCED = {"id", "created_at", "updated_at", "hlc", "device_id", "server_seq", "deleted",
               "password_hash", "sort_key", "search_latin", "search_grams"}


def seed_from_profile(conn: Connection, profile_db: Path, blob_dir: Path | None = None) -> dict[str, int]:
    """Copy an app profile's records (the demo data: squads, officers with their accounts,
    roads, units, catalogs and the demo history) and its attachments into an empty server."""
    if conn.execute(select(func.count()).select_from(record)).scalar():
        raise AdminError("the server already has records; seed only an empty server")
    if not profile_db.is_file():
        raise AdminError(f"there is no app profile database at {profile_db}")
    src = sqlite3.connect(f"{profile_db.absolute().as_uri()}?mode=ro", uri=True)
    src.row_factory = sqlite3.Row
    tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    squads: dict[tuple[str, str], str | None] = {}
    nobody = Caller("seed", ADMIN, None, "seed")

    def lookup(entity: str, rid: str) -> dict[str, Any] | None:
        key = (entity, rid)
        return {"squad_id": squads[key]} if key in squads else None

    counts: dict[str, int] = {}
    try:
        for entity in (e for e in SEED_ENTITIES if e in tables):
            recs = []
            for row in src.execute(f'SELECT * FROM "{entity}"'):
                data = dict(row)
                fields = {k: v for k, v in data.items() if k not in _NOT_SYNCED}
                squad = squad_of(entity, data["id"], fields, lookup, nobody)
                squads[(entity, data["id"])] = squad
                recs.append(Rec(entity, data["id"], squad, fields, data["hlc"], bool(data["deleted"]),
                                entity in FINAL_ON_CREATE or (entity in FINAL_IN and becomes_final(entity, fields)),
                                data["created_at"], data["updated_at"], "server"))
                if entity == "officer":
                    conn.execute(insert(account).values(
                        officer_id=data["id"], username=data["username"], password_hash=data["password_hash"],
                        role=data["role"], squad_id=data["squad_id"], active=data["active"]))
                if entity == "document":
                    conn.execute(insert(document_number).values(
                        number=data["number"], document_id=data["id"], content_sha256=data["content_sha256"]))
            for start in range(0, len(recs), 2000):
                write_records(conn, recs[start:start + 2000])
            counts[entity] = len(recs)
        if "document" in tables:
            _count_issued_numbers(conn, src)
        if "work_order" in tables:
            from inspector_server.work_orders import index_numbers

            index_numbers(conn)
        if "legal_review" in tables:
            from inspector_server.legal_reviews import index_reviews

            index_reviews(conn)
        if blob_dir is not None and "blob" in tables:
            counts["blobs"] = _copy_blobs(conn, src, profile_db.parent / "blobs", blob_dir)
    finally:
        src.close()
    return counts


def _count_issued_numbers(conn: Connection, src: sqlite3.Connection) -> None:
    """Start each number counter after the profile's highest issued number, so the first
    lease the server gives a laptop never repeats a document number the seed brought."""
    from inspector_server.numbers import allocate

    for doc_type, year, squad_id, highest in src.execute(
            "SELECT doc_type, year, squad_id, max(number_value) FROM document WHERE number_value IS NOT NULL "
            "AND number_source != 'provisional' GROUP BY doc_type, year, squad_id"):
        allocate(conn, doc_type, year, squad_id, int(highest))


def _copy_blobs(conn: Connection, src: sqlite3.Connection, source: Path, target: Path) -> int:
    copied = 0
    for sha, size in src.execute("SELECT sha256, size FROM blob"):
        path = source / sha[:2] / sha
        if not path.exists():
            continue
        (target / sha[:2]).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / sha[:2] / sha)
        conn.execute(insert(blob).values(sha256=sha, size=size, stored_at=_now()))
        copied += 1
    return copied
