"""The device's side of sync: settings and tokens, the outbox queue and its answers, blobs to
upload, applying pulled changes (each batch with its cursor), and number leases."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlite_utils

from inspector_app.domain.ids import uuid7
from inspector_app.storage.records import ENTITIES, SYNC_FIELDS, EntitySpec, register_entity

if TYPE_CHECKING:
    from inspector_app.storage.database import Store

register_entity(EntitySpec("conflict"))

# Answers after which an op is retried at the next sync (up to MAX_ATTEMPTS).
RETRIABLE = ("missing_blob", "unknown_record")
MAX_ATTEMPTS = 5


def get_state(db: sqlite_utils.Database, key: str, default: str = "") -> str:
    """One sync setting (server address, tokens, cursor, last sync)."""
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_state(db: sqlite_utils.Database, **values: str) -> None:
    """Write sync settings (inside a transaction)."""
    for key, value in values.items():
        db.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def cursor(db: sqlite_utils.Database) -> int:
    """The seq of the last change applied from the server."""
    return int(get_state(db, "cursor", "0") or 0)


@dataclass(frozen=True)
class OutboxOp:
    """One pending outbox row, ready to send."""

    seq: int
    op_id: str
    entity: str
    entity_id: str
    op: str
    changes: dict[str, list[Any]]
    hlc: str
    created_at: str
    form_version: str
    blobs: tuple[str, ...]
    author: str = ""
    base_hlc: str = ""


def pending_ops(db: sqlite_utils.Database, limit: int, after_seq: int = 0, author: str | None = None) -> list[OutboxOp]:
    """Pending ops in the order they were made; given ``author``, only that officer's (and
    those queued before ops named their author)."""
    where, args = ("AND author_id IN (?, '') ", [author]) if author is not None else ("", [])
    rows = db.execute(
        "SELECT seq, op_id, entity, entity_id, op, changes, hlc, created_at, form_version, blobs, author_id, base_hlc "
        f"FROM outbox WHERE status = 'pending' AND seq > ? {where}ORDER BY seq LIMIT ?",
        [after_seq, *args, limit],
    ).fetchall()
    return [
        OutboxOp(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], tuple(json.loads(r[9])), r[10],
                 r[11])
        for r in rows
    ]


def waiting_authors(db: sqlite_utils.Database, author: str) -> list[tuple[str, str, int]]:
    """Officers other than ``author`` with pending ops on this laptop: (officer id, name,
    number of ops), most first. Their changes wait until they sign in online here."""
    rows = db.execute(
        "SELECT o.author_id, coalesce(f.name, o.author_id), count(*) FROM outbox o "
        "LEFT JOIN officer f ON f.id = o.author_id "
        "WHERE o.status = 'pending' AND o.author_id NOT IN (?, '') GROUP BY o.author_id ORDER BY 3 DESC, 2",
        [author],
    ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]


def record_answers(db: sqlite_utils.Database, answers: Iterable[tuple[str, str, str]]) -> None:
    """Store the server's answer ``(op_id, status, reason)`` for each sent op. Applied and
    replayed ops are acknowledged; retriable refusals stay pending until MAX_ATTEMPTS."""
    for op_id, status, reason in answers:
        if status in ("applied", "duplicate"):
            db.execute("UPDATE outbox SET status = 'acked', attempts = attempts + 1, last_error = '' "
                       "WHERE op_id = ?", [op_id])
        elif status == "rejected" and reason.startswith(RETRIABLE):
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = CASE WHEN "
                "attempts + 1 >= ? THEN 'rejected' ELSE 'pending' END WHERE op_id = ?",
                [reason, MAX_ATTEMPTS, op_id],
            )
        else:
            db.execute("UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE op_id = ?",
                       [status, reason, op_id])


def purge_acked(db: sqlite_utils.Database, made_before: str) -> int:
    """Delete acknowledged ops made before ``made_before`` (ISO UTC); returns how many. The
    server has them and the records are in their own tables, so nothing is lost; recent ones
    are kept a while for troubleshooting. Refused and pending ops are never touched."""
    return db.execute("DELETE FROM outbox WHERE status = 'acked' AND created_at < ?", [made_before]).rowcount


def retry_ops(db: sqlite_utils.Database, op_ids: Iterable[str]) -> int:
    """Put refused ops back in the queue; returns how many."""
    count = 0
    for op_id in op_ids:
        count += db.execute(
            "UPDATE outbox SET status = 'pending', attempts = 0 WHERE op_id = ? "
            "AND status IN ('rejected','forbidden')", [op_id]).rowcount
    return count


def failed_ops(db: sqlite_utils.Database, limit: int = 200) -> list[dict[str, Any]]:
    """Ops the server refused (or that keep failing), newest first, for the sync page."""
    cur = db.execute(
        "SELECT op_id, entity, entity_id, op, status, attempts, last_error, created_at, changes FROM outbox "
        "WHERE status IN ('rejected','forbidden') OR (status = 'pending' AND last_error != '') "
        "ORDER BY seq DESC LIMIT ?", [limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def discard_ops(db: sqlite_utils.Database, op_ids: Iterable[str]) -> int:
    """Drop refused ops from the list (the officer gives the change up); returns how many."""
    return sum(db.execute("DELETE FROM outbox WHERE op_id = ? AND status IN ('rejected','forbidden')",
                          [op_id]).rowcount for op_id in op_ids)


def failed_blobs(db: sqlite_utils.Database, limit: int = 100) -> list[dict[str, Any]]:
    """Attachments whose upload failed (retried at every sync), in the shape of failed_ops."""
    return [{"op_id": "", "entity": "blob", "entity_id": sha, "op": "upload", "status": "error",
             "attempts": attempts, "last_error": error, "created_at": created, "changes": "{}"}
            for sha, attempts, error, created in db.execute(
                "SELECT sha256, upload_attempts, upload_error, created_at FROM blob "
                "WHERE uploaded = 0 AND upload_error != '' ORDER BY created_at DESC LIMIT ?", [limit])]


def queue_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Pending ops; blobs still to upload with their total size; open conflicts."""
    ops = db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
    blobs, size = db.execute("SELECT count(*), coalesce(sum(size), 0) FROM blob WHERE uploaded = 0").fetchone()
    conflicts = db.execute("SELECT count(*) FROM conflict WHERE status = 'open' AND deleted = 0").fetchone()[0]
    return {"ops": int(ops), "blobs": int(blobs), "blob_bytes": int(size), "conflicts": int(conflicts)}


def blobs_to_upload(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """(sha256, size) of every stored blob the server has not confirmed."""
    return [(r[0], int(r[1])) for r in db.execute("SELECT sha256, size FROM blob WHERE uploaded = 0 ORDER BY created_at")]


def mark_blob(db: sqlite_utils.Database, sha256: str, uploaded: bool, error: str = "") -> None:
    """Note an upload's outcome."""
    db.execute("UPDATE blob SET uploaded = ?, upload_error = ?, upload_attempts = upload_attempts + 1 "
               "WHERE sha256 = ?", [int(uploaded), error, sha256])


_columns: dict[tuple[int, str], set[str]] = {}


def _table_columns(db: sqlite_utils.Database, table: str) -> set[str]:
    key = (id(db.conn), table)
    if key not in _columns:
        _columns[key] = {r[1] for r in db.execute(f'PRAGMA table_info("{table}")').fetchall()}
    return _columns[key]


def _pending_fields(db: sqlite_utils.Database, entity: str, ids: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for rid, changes in db.execute(
            f"SELECT entity_id, changes FROM outbox WHERE status = 'pending' AND entity = ? AND entity_id IN ({marks})",
            [entity, *chunk],
        ):
            out.setdefault(rid, set()).update(json.loads(changes))
    return out


@contextlib.contextmanager
def replication_transaction(store: Store) -> Iterator[sqlite_utils.Database]:
    """A transaction for applying pulled records. Foreign keys are off for it: a batch in
    seq order may hold a unit before the road it refers to (checked where it was made)."""
    db = store.db
    db.conn.execute("PRAGMA foreign_keys=OFF")
    try:
        with store.transaction() as tx:
            yield tx
    finally:
        db.conn.execute("PRAGMA foreign_keys=ON")


def apply_changes(db: sqlite_utils.Database, changes: list[dict[str, Any]], next_cursor: int) -> int:
    """Apply one pulled batch and move the cursor (call inside one transaction). Fields with a
    local change still waiting to be sent keep their local value: the server merges that op
    when it arrives. Returns how many records were written."""
    written = apply_records(db, changes)
    set_state(db, cursor=str(next_cursor))
    return written


def apply_records(db: sqlite_utils.Database, changes: list[dict[str, Any]]) -> int:
    """Write records as the server sent them (a pulled page, or the server's version of a
    record whose op was refused), keeping fields with a pending local change."""
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for change in changes:
        by_entity.setdefault(change["entity"], []).append(change)
    written = 0
    for entity, items in by_entity.items():
        spec = ENTITIES.get(entity)
        columns = _table_columns(db, entity) if spec else set()
        if spec is None or not columns:
            continue  # a record type this app version does not know
        ids = [c["id"] for c in items]
        keep = _pending_fields(db, entity, ids)
        current = _current_rows(db, entity, ids)
        inserts: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for change in items:
            row = _row_for(spec, columns, change, keep.get(change["id"], set()), current.get(change["id"]))
            if row is None:
                continue
            written += 1
            if change["id"] in current:
                sets = ", ".join(f'"{k}" = ?' for k in row)
                db.execute(f'UPDATE "{entity}" SET {sets} WHERE id = ?', [*row.values(), change["id"]])
                current[change["id"]].update(row)
            else:
                inserts.setdefault(tuple(row), []).append(tuple(row.values()))
                current[change["id"]] = row
        for names, values in inserts.items():
            cols = ", ".join(f'"{n}"' for n in names)
            db.conn.executemany(f'INSERT INTO "{entity}" ({cols}) VALUES ({", ".join("?" * len(names))})', values)
    return written


def _current_rows(db: sqlite_utils.Database, entity: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur = db.execute(f'SELECT * FROM "{entity}" WHERE id IN ({",".join("?" * len(chunk))})', chunk)
        names = [d[0] for d in cur.description]
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            out[row["id"]] = row
    return out


def _row_for(spec: EntitySpec, columns: set[str], change: dict[str, Any], keep: set[str],
             current: dict[str, Any] | None) -> dict[str, Any] | None:
    """The columns to write for one pulled change: all of them for a new row, the changed
    ones for an existing row (None: nothing changed)."""
    # The sync columns come from the change itself, never from a field of the same name.
    fields = {k: v for k, v in change["fields"].items() if k in columns and k not in keep
              and k not in spec.local_columns and k not in SYNC_FIELDS}
    sync = {"hlc": change["hlc"], "server_seq": change["seq"], "deleted": int(change["deleted"])}
    if change.get("updated_at"):
        sync["updated_at"] = change["updated_at"]
    if current is None:
        new = {"id": change["id"], **fields, **sync,
               "created_at": change.get("created_at") or change.get("updated_at") or "",
               "updated_at": change.get("updated_at") or change.get("created_at") or "",
               "device_id": change.get("device_id") or "server"}
        if spec.derive:
            new.update(spec.derive(new))
        return new
    update = {k: v for k, v in {**fields, **sync}.items() if current.get(k) != v}
    if not update:
        return None
    if spec.derive:
        derived = spec.derive({**current, **update})
        update.update({k: v for k, v in derived.items() if current.get(k) != v})
    return update


def add_lease(db: sqlite_utils.Database, lease: dict[str, Any], now_iso: str) -> None:
    """Store a block of numbers leased from the server (preferred by take_number)."""
    db.execute(
        "INSERT INTO number_block(id, doc_type, year, squad_id, range_start, range_end, next_value,"
        " source, lease_id, created_at) VALUES (?,?,?,?,?,?,?,'lease',?,?)",
        [uuid7(), lease["doc_type"], lease["year"], lease.get("squad_id"), lease["range_start"],
         lease["range_end"], lease["range_start"], lease["lease_id"], now_iso],
    )


def lease_room(db: sqlite_utils.Database, doc_type: str, year: int, squad_id: str | None) -> int:
    """How many leased numbers are still unused."""
    row = db.execute(
        "SELECT coalesce(sum(range_end - next_value + 1), 0) FROM number_block WHERE source = 'lease' "
        "AND doc_type = ? AND year = ? AND squad_id IS ? AND next_value <= range_end",
        [doc_type, year, squad_id],
    ).fetchone()
    return int(row[0])


def set_local_password_hash(db: sqlite_utils.Database, officer_id: str, password_hash: str) -> None:
    """Keep the hash of the last successful online sign-in, for signing in offline (local
    only: never synced)."""
    db.execute("UPDATE officer SET password_hash = ? WHERE id = ?", [password_hash, officer_id])
