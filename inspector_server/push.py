"""Applying a device's batch of ops: exactly once, in order, merged field by field.

One transaction per batch. Records are loaded (row-locked on PostgreSQL), changed in memory,
and written back at the end together with each op's answer in ``applied_op``. The feed
sequence numbers are taken last, under the lock of the one-row ``counter``, and held until
commit: so commits happen in seq order and no reader can see seq N+1 before N.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from inspector_app.domain.clock import parse_utc
from inspector_app.domain.ids import uuid7
from inspector_app.sync.protocol import Op, OpResult, Status
from inspector_server import (
    accounts,
    auth,
    legal_reviews,
    numbers,
    offence_index,
    op_validation,
    refusals,
    rules,
    work_orders,
)
from inspector_server.db import applied_op, blob, counter, device, is_sqlite, record
from inspector_server.rules import Caller, Refused

RETRIES = 6


@dataclass
class Rec:
    """A record being changed by the batch."""

    entity: str
    id: str
    squad_id: str | None
    fields: dict[str, Any]
    hlc: str
    deleted: bool = False
    final: bool = False
    created_at: str = ""
    updated_at: str = ""
    device_id: str = ""
    stored: bool = False  # already in the database (written with UPDATE, not INSERT)
    dirty: bool = False


@dataclass
class Batch:
    """What one push transaction works on."""

    conn: Connection
    caller: Caller
    now: str
    records: dict[tuple[str, str], Rec] = field(default_factory=dict)
    order: list[tuple[str, str]] = field(default_factory=list)
    blobs: set[str] = field(default_factory=set)
    numbers: numbers.NumberCheck | None = None
    absent: set[tuple[str, str]] = field(default_factory=set)  # looked up, not on the server

    def lookup(self, entity: str, rid: str) -> dict[str, Any] | None:
        rec = self.get(entity, rid)
        return None if rec is None else {**rec.fields, "squad_id": rec.squad_id}

    def get(self, entity: str, rid: str) -> Rec | None:
        key = (entity, rid)
        if key not in self.records:
            if key in self.absent:
                return None
            row = self.conn.execute(
                select(record).where(record.c.entity == entity, record.c.id == rid)
            ).mappings().first()
            if row is None:
                return None
            self.records[key] = _rec(row)
        return self.records[key]

    def touch(self, rec: Rec) -> None:
        key = (rec.entity, rec.id)
        self.records[key] = rec
        if not rec.dirty:
            rec.dirty = True
            self.order.append(key)


def _rec(row: Any) -> Rec:
    return Rec(
        row["entity"], row["id"], row["squad_id"], json.loads(row["fields"]), row["hlc"],
        bool(row["deleted"]), bool(row["final"]), row["created_at"], row["updated_at"],
        row["device_id"], True,
    )


def push(engine: Engine, caller: Caller | auth.TokenIdentity, ops: list[Op], now: str) -> list[OpResult]:
    """Apply ``ops`` for ``caller``; returns one answer per op, in order. ``caller`` may be an
    (officer id, device id) pair from a token: it is then checked in the same transaction
    (raises AuthError for a revoked device or a disabled account)."""
    for attempt in range(RETRIES):
        try:
            with engine.connect().execution_options(write=True) as conn, conn.begin():
                who = caller if isinstance(caller, Caller) else auth.caller_for(conn, *caller)
                return _push(conn, who, ops, now)
        except (IntegrityError, DBAPIError) as exc:
            # Two devices creating the same record, a replay racing its original, or a
            # PostgreSQL deadlock: the whole batch is retried and then sees the winner's rows.
            if attempt == RETRIES - 1 or not _retryable(exc):
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def _retryable(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    text = str(exc.orig).lower()
    return any(w in text for w in ("deadlock", "could not serialize", "database is locked"))


def op_digest(op: Op) -> str:
    """The hash of an op's content (everything but its id): a replay has the same one."""
    body = [op.entity, op.entity_id, op.op, op.changes, op.hlc, op.at, op.form_version, op.blobs, op.author,
            op.base_hlc]
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


# Refusals the device retries once the cause is gone (an attachment uploaded, the record
# created, the op's author signed in on the laptop): their answer is not remembered, so the
# same op applies later.
RETRIABLE = ("missing_blob", "unknown_record", "author_mismatch")


def _push(conn: Connection, caller: Caller, ops: list[Op], now: str) -> list[OpResult]:
    batch = Batch(conn, caller, now)
    ids = sorted({o.op_id for o in ops})
    # Op ids are the device's own: another device's op with the same id is another op.
    seen = {
        r.op_id: (r.digest, json.loads(r.result))
        for r in conn.execute(select(applied_op.c.op_id, applied_op.c.digest, applied_op.c.result).where(
            applied_op.c.device_id == caller.device_id, applied_op.c.op_id.in_(ids)))
    }
    fresh = [o for o in ops if o.op_id not in seen]
    _preload(batch, fresh)
    batch.numbers = numbers.NumberCheck(conn, caller)
    results: list[OpResult] = []
    new_answers: list[dict[str, Any]] = []
    for op in ops:
        digest = op_digest(op)
        if op.op_id in seen:
            results.append(_replayed(op, digest, *seen[op.op_id]))
            continue
        result = _apply_one(batch, op)
        results.append(result)
        if result.refused and result.reason.startswith(RETRIABLE):
            continue
        seen[op.op_id] = (digest, result.to_json())
        new_answers.append({"op_id": op.op_id, "device_id": caller.device_id, "digest": digest,
                            "result": json.dumps(result.to_json()), "at": now})
    # Everything that needs no seq is written first: the counter's lock, taken in _write and
    # held until commit, then covers only the record writes.
    if new_answers:
        conn.execute(insert(applied_op), new_answers)
    batch.numbers.write()
    conn.execute(update(device).where(device.c.id == caller.device_id).values(last_push_at=now))
    _write(batch)
    return refusals.with_current(conn, caller, ops, results)


def _replayed(op: Op, digest: str, first_digest: str | None, first: dict[str, Any]) -> OpResult:
    """The first answer for a replay; a refusal for an id already used for other content
    (answers stored before op digests existed have none and count as replays)."""
    if first_digest is not None and first_digest != digest:
        return OpResult(op.op_id, Status.REJECTED,
                        f"op_id_reused: this laptop already sent another change with op id {op.op_id}")
    answer = OpResult.from_json(first)
    return OpResult(op.op_id, Status.DUPLICATE, answer.reason, answer.effective)


def _preload(batch: Batch, ops: list[Op]) -> None:
    """Load (and on PostgreSQL lock, in a fixed order) every record the batch touches."""
    ids = sorted({o.entity_id for o in ops})
    if ids:
        query = select(record).where(record.c.id.in_(ids)).order_by(record.c.entity, record.c.id)
        if not is_sqlite(batch.conn.engine):
            query = query.with_for_update()
        for row in batch.conn.execute(query).mappings():
            batch.records[(row["entity"], row["id"])] = _rec(row)
        batch.absent = {(o.entity, o.entity_id) for o in ops} - set(batch.records)
        _preload_references(batch, ops)
    hashes = sorted({h for o in ops for h in o.blobs})
    if hashes:
        batch.blobs = set(batch.conn.execute(select(blob.c.sha256).where(blob.c.sha256.in_(hashes))).scalars())


def _preload_references(batch: Batch, ops: list[Op]) -> None:
    """Load, in one query, the records the batch's ops point to (a unit, a patrol), so the
    scope and finality checks do not query once per op."""
    wanted: set[tuple[str, str]] = set()
    for o in ops:
        current = batch.records.get((o.entity, o.entity_id))
        values = {**(current.fields if current else {}), **{k: v[1] for k, v in o.changes.items()}}
        wanted |= set(rules.references(o.entity, values))
    wanted -= set(batch.records) | batch.absent
    if not wanted:
        return
    query = select(record).where(record.c.id.in_(sorted({i for _e, i in wanted})))
    for row in batch.conn.execute(query).mappings():
        key = (row["entity"], row["id"])
        if key in wanted:
            batch.records[key] = _rec(row)
    batch.absent |= wanted - set(batch.records)


def _apply_one(batch: Batch, op: Op) -> OpResult:
    if op.author and op.author != batch.caller.officer_id:
        # A shared laptop sends each officer's changes under that officer's own sign-in.
        return OpResult(op.op_id, Status.FORBIDDEN, "author_mismatch: this change was made by another "
                                                    "officer; it is sent when that officer signs in")
    missing = [h for h in op.blobs if h not in batch.blobs]
    if missing:
        return OpResult(op.op_id, Status.REJECTED, f"missing_blob: upload {missing[0]} first")
    try:
        conflicts = _apply(batch, op_validation.checked(batch, op))
    except Refused as refusal:
        return OpResult(op.op_id, Status(refusal.status), refusal.reason)
    if conflicts:
        return OpResult(op.op_id, Status.CONFLICT, "conflict: " + ", ".join(conflicts))
    given = batch.numbers.assigned.pop(op.entity_id, None) if batch.numbers else None
    return OpResult(op.op_id, Status.APPLIED, f"number_assigned: {given}" if given else "")


def _apply(batch: Batch, op: Op) -> list[str]:
    if op.entity != "officer":
        return _apply_record(batch, op)
    rules.check_write(batch.caller, "officer", None, set(op.changes))  # administrators only
    accounts.check_username(batch.conn, op)
    creating = batch.get("officer", op.entity_id) is None
    conflicts = _apply_record(batch, accounts.without_secret(op))
    accounts.update_account(batch.conn, op, creating)
    return conflicts


def _apply_record(batch: Batch, op: Op) -> list[str]:
    caller, rec = batch.caller, batch.get(op.entity, op.entity_id)
    if rec is None:
        if op.op != "create":
            raise rules.rejected("unknown_record", f"the server has no {op.entity} {op.entity_id}")
        return _create(batch, op)
    if op.op == "delete":
        rules.check_write(caller, op.entity, rec.squad_id, {"deleted"})
        if op.entity == "legal_review" and caller.role != rules.ADMIN:
            raise rules.forbidden("reviewer", "a 法制审核 review is never deleted; it is decided")
        if rec.final:
            raise rules.rejected("final", f"{op.entity} is final and cannot be deleted")
        _check_patrol(batch, op.entity, rec.fields, False, {"deleted"})
        unseen_edit = _deletes_an_unseen_edit(batch, op, rec)
        rec.deleted, rec.hlc, rec.updated_at = True, max(rec.hlc, op.hlc), op.at or batch.now
        batch.touch(rec)
        if unseen_edit:
            # Same shape as an edit of a deleted record, so the supervisor's decision works
            # the same: the record's fields (with the edit) come back, or it stays deleted.
            # The server keeps no history, so the conflict shows the whole edited version.
            _conflict_record(batch, op, rec, "deleted", False, True, dict(rec.fields))
            return ["deleted"]
        return []
    if "deleted" in op.changes:
        return _restore(batch, op, rec)
    edits_tombstone = rec.deleted and op.op == "patch" and op.entity != "conflict" and any(
        rec.fields.get(name) != new for name, (_old, new) in op.changes.items())
    conflicts = _merge(batch, op, rec)
    if edits_tombstone:
        # An edit made while another laptop deleted the record: kept on the tombstone, and
        # the supervisor decides whether the record comes back with it.
        edit = {name: new for name, (_old, new) in op.changes.items()}
        _conflict_record(batch, op, rec, "deleted", False, True, edit)
        conflicts.append("deleted")
    return conflicts


def _deletes_an_unseen_edit(batch: Batch, op: Op, rec: Rec) -> bool:
    """Whether a delete is of a version older than the record's current one, written by
    another device: the deleting laptop never saw that edit (an older app sends no base)."""
    if not op.base_hlc or rec.deleted or op.entity == "conflict" or op.base_hlc >= rec.hlc:
        return False
    writer = rec.hlc.split("-", 2)[-1]
    return not batch.caller.device_id.endswith(writer)


def _restore(batch: Batch, op: Op, rec: Rec) -> list[str]:
    """A supervisor's decision on an edit of a deleted record: bring the record back."""
    rules.check_write(batch.caller, op.entity, rec.squad_id, {"deleted"})
    if batch.caller.role not in (rules.SUPERVISOR, rules.ADMIN):
        raise rules.forbidden("approve", "only a supervisor restores a deleted record")
    if op.changes["deleted"][1] not in (0, False) or set(op.changes) != {"deleted"}:
        raise rules.rejected("invalid_value", "a restore changes only deleted, to 0")
    if rec.deleted:
        rec.deleted, rec.hlc, rec.updated_at = False, max(rec.hlc, op.hlc), op.at or batch.now
        batch.touch(rec)
    return []


def _create(batch: Batch, op: Op) -> list[str]:
    fields = {k: v[1] for k, v in op.changes.items()}
    squad = rules.squad_of(op.entity, op.entity_id, fields, batch.lookup, batch.caller)
    rules.check_write(batch.caller, op.entity, squad, set(fields))
    rules.check_create(batch.caller, op.entity, fields)
    for name, value in fields.items():
        rules.check_workflow(batch.caller, op.entity, name, None, value)
    _check_patrol(batch, op.entity, fields, True, set(fields))
    if op.entity == "legal_review":
        legal_reviews.check_pushed_create(batch, fields)
    if op.entity == "document":
        legal_reviews.check_document(batch, fields)  # a held-back decision needs its approval
        if batch.numbers is not None:
            fields = batch.numbers.check_document(op.entity_id, fields)
    if op.entity == "work_order":
        work_orders.check_pushed_create(batch.conn, batch.caller, op.entity_id, fields)
    at = op.at or batch.now
    rec = Rec(op.entity, op.entity_id, squad, fields, op.hlc, created_at=at, updated_at=at,
              device_id=batch.caller.device_id, final=rules.becomes_final(op.entity, fields))
    batch.touch(rec)
    if op.entity == "legal_review":
        legal_reviews.note(batch.conn, rec.id, rec.fields)
    if op.entity == "violation":
        # The server decides again on the whole city's record; a different answer goes to 法制审核.
        found = offence_index.redecide(batch.conn, rec.fields, rec.squad_id, rec.id, parse_utc(batch.now))
        if found is not None:
            legal_reviews.queue_redecision(batch, rec, found)
    return []


def _merge(batch: Batch, op: Op, rec: Rec) -> list[str]:
    """Three-way merge field by field, using the op's old values."""
    caller = batch.caller
    names = set(op.changes)
    rules.check_write(caller, op.entity, rec.squad_id, names)
    if "squad_id" in names and caller.role != rules.ADMIN:
        new_squad = op.changes["squad_id"][1]
        if new_squad != rec.squad_id:
            raise rules.forbidden("squad", "only an administrator moves records between squads")
    # Every op kind: a create on the id of a final record is no way around its finality.
    changed = {n for n, (_o, v) in op.changes.items() if rec.fields.get(n) != v}
    if op.entity == "legal_review":
        legal_reviews.check_pushed_patch(batch, rec.fields, op.changes)
    rules.check_final(op.entity, rec.final, changed)
    _check_patrol(batch, op.entity, rec.fields, False, changed)
    if "patrol_id" in changed:
        _check_patrol(batch, op.entity, {"patrol_id": op.changes["patrol_id"][1]}, True, changed)
    for name, (_old, new) in op.changes.items():  # every refusal before anything is changed
        if rules.is_workflow(op.entity, name) and rec.fields.get(name) != new:
            rules.check_workflow(caller, op.entity, name, rec.fields.get(name), new)
    updates: dict[str, Any] = {}
    conflicts: list[str] = []
    for name, (old, new) in op.changes.items():
        current = rec.fields.get(name)
        if current == new:
            continue
        if rules.is_workflow(op.entity, name):
            updates[name] = new
        elif current == old or name not in rec.fields or (op.op == "create" and current is None):
            # A field the server never got (a column default on the device) merges cleanly.
            updates[name] = new
        elif (op.entity, name) in rules.ADDITIVE and _numbers(old, new, current):
            updates[name] = current + (new - old)
        else:
            # Same field changed on two sides: arrival order wins, the supervisor decides.
            updates[name] = new
            conflicts.append(name)
            _conflict_record(batch, op, rec, name, old, current, new)
    if updates:
        rec.fields.update(updates)
        rec.hlc, rec.updated_at = max(rec.hlc, op.hlc), op.at or batch.now
        rec.final = rec.final or rules.becomes_final(op.entity, rec.fields)
        if rec.deleted and op.op == "create":
            rec.deleted = False
        batch.touch(rec)
        if op.entity == "legal_review":
            legal_reviews.note(batch.conn, rec.id, rec.fields)
    return conflicts


def _check_patrol(batch: Batch, entity: str, values: dict[str, Any], creating: bool, names: set[str]) -> None:
    """Refuse new records in, and changes to records of, a patrol that is approved."""
    if entity not in rules.PATROL_CHILDREN or not values.get("patrol_id"):
        return
    patrol = batch.get("patrol", str(values["patrol_id"]))
    if patrol is not None and patrol.final:
        rules.check_in_final_patrol(entity, creating, names)


def _numbers(*values: Any) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def _conflict_record(batch: Batch, op: Op, rec: Rec, name: str, old: Any, current: Any, new: Any) -> None:
    cid = uuid7()
    fields = {
        "entity": op.entity, "entity_id": op.entity_id, "field": name,
        "base_value": json.dumps(old, ensure_ascii=False), "server_value": json.dumps(current, ensure_ascii=False),
        "device_value": json.dumps(new, ensure_ascii=False), "op_id": op.op_id,
        "source_device_id": batch.caller.device_id, "officer_id": batch.caller.officer_id,
        "squad_id": rec.squad_id, "detected_at": batch.now, "status": "open",
        "resolution": "", "resolved_by": "", "resolved_at": None,
    }
    batch.touch(Rec("conflict", cid, rec.squad_id, fields, op.hlc, created_at=batch.now,
                    updated_at=batch.now, device_id="server"))


def _write(batch: Batch) -> None:
    recs = [batch.records[key] for key in batch.order]
    write_records(batch.conn, recs)
    offence_index.index_records(batch.conn, recs)  # the city-wide index, at the records' seqs


def write_records(conn: Connection, recs: list[Rec]) -> None:
    """Write the changed records without a seq, then number them under the counter's lock."""
    if not recs:
        return
    inserts, updates = [], []
    for rec in recs:
        row = {
            "squad_id": rec.squad_id, "fields": json.dumps(rec.fields, ensure_ascii=False),
            "hlc": rec.hlc, "seq": None, "deleted": int(rec.deleted), "final": int(rec.final),
            "updated_at": rec.updated_at,
        }
        if rec.stored:
            updates.append({"k_entity": rec.entity, "k_id": rec.id, **row})
        else:
            inserts.append({"entity": rec.entity, "id": rec.id, "created_at": rec.created_at,
                            "device_id": rec.device_id, **row})
            rec.stored = True
    if updates:
        conn.execute(
            update(record).where(record.c.entity == bindparam("k_entity"), record.c.id == bindparam("k_id")),
            updates,
        )
    if inserts:
        conn.execute(insert(record), inserts)
    _number(conn, [(r.entity, r.id) for r in recs])


def _number(conn: Connection, keys: list[tuple[str, str]]) -> None:
    """Give the records their seq numbers, in order. The counter row's lock is taken here and
    held until commit, so commits happen in seq order; on PostgreSQL this is one statement,
    so no other work (and no Python) runs while the lock is held."""
    n = len(keys)
    if is_sqlite(conn.engine):  # writers are serialized already (BEGIN IMMEDIATE)
        taken = conn.execute(update(counter).where(counter.c.name == "seq")
                             .values(value=counter.c.value + n).returning(counter.c.value)).scalar_one()
        first = int(taken) - n + 1
        conn.execute(
            update(record).where(record.c.entity == bindparam("k_entity"), record.c.id == bindparam("k_id"))
            .values(seq=bindparam("k_seq")),
            [{"k_entity": e, "k_id": i, "k_seq": first + o} for o, (e, i) in enumerate(keys)],
        )
        return
    rows = ", ".join(f"(:e{o}, :i{o}, {o + 1})" for o in range(n))
    params: dict[str, Any] = {"n": n}
    for o, (e, i) in enumerate(keys):
        params[f"e{o}"], params[f"i{o}"] = e, i
    conn.execute(text(
        "WITH c AS (UPDATE counter SET value = value + :n WHERE name = 'seq' RETURNING value - :n AS base) "
        f"UPDATE record AS r SET seq = c.base + v.ord FROM c, (VALUES {rows}) AS v(entity, id, ord) "
        "WHERE r.entity = v.entity AND r.id = v.id"), params)
