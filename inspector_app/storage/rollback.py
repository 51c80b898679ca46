"""Refused means rolled back: when the server refuses an op, the record it changed goes back to
the server's version on this laptop, in the transaction that stores the answer (issue 15).
Otherwise the laptop would keep, for good, a state no other laptop and not the server has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector_app.storage.records import ENTITIES, Recorder
from inspector_app.storage.sync_state import apply_records

# Put before the server's reason in outbox.last_error once the record was put back.
ROLLED_BACK = "rolled_back; "


@dataclass(frozen=True)
class Refusal:
    """A refused op and what the server holds of its record."""

    op_id: str
    entity: str
    entity_id: str
    op: str
    changes: dict[str, list[Any]]
    current: dict[str, Any] | None  # the record as a pulled change; None with ``absent``
    absent: bool


def roll_back(db: sqlite_utils.Database, refusals: list[Refusal]) -> int:
    """Return each finally refused op's record to the server's version (deleted here when the server
    has none this laptop may see); returns how many records were put back. Call in the
    transaction that stores the answers, with foreign keys off (replication_transaction): a
    record the server never got may have local children, refused with it."""
    done = 0
    for refusal in refusals:
        if refusal.entity not in ENTITIES or (refusal.current is None and not refusal.absent):
            continue  # an older server sent no version: nothing to put back to
        status = db.execute("SELECT status FROM outbox WHERE op_id = ?", [refusal.op_id]).fetchone()
        if status is None or status[0] not in ("rejected", "forbidden"):
            continue  # retried at the next sync (a blob still to upload): kept until then
        if refusal.absent:
            _undo_unseen(db, refusal)
        else:
            assert refusal.current is not None
            fields = dict(refusal.current["fields"])
            for name, (old, _new) in refusal.changes.items():
                # A field the server never got goes back to what it was before the op (a
                # create's fields had no value before: the server's record has them or not).
                if name not in fields and refusal.op != "create":
                    fields[name] = old
            apply_records(db, [{**refusal.current, "fields": fields}])
        db.execute("UPDATE outbox SET last_error = ? || last_error WHERE op_id = ? AND last_error NOT LIKE ?",
                    [ROLLED_BACK, refusal.op_id, ROLLED_BACK + "%"])
        done += 1
    return done


def _undo_unseen(db: sqlite_utils.Database, refusal: Refusal) -> None:
    """The server has no record this laptop may see: a record made here goes; one that came
    from the server once (another squad's, in an old profile) gets the op's fields back."""
    row = db.execute(f'SELECT server_seq FROM "{refusal.entity}" WHERE id = ?', [refusal.entity_id]).fetchone()
    if row is None:
        return
    if row[0] is None:
        db.execute(f'DELETE FROM "{refusal.entity}" WHERE id = ?', [refusal.entity_id])
        return
    if refusal.op == "create":
        return
    before = {name: old for name, (old, _new) in refusal.changes.items() if name != "id"}
    if before:
        sets = ", ".join(f'"{name}" = ?' for name in before)
        db.execute(f'UPDATE "{refusal.entity}" SET {sets} WHERE id = ?', [*before.values(), refusal.entity_id])


def withdraw_steps(recorder: Recorder, refusals: list[Refusal]) -> int:
    """A refused status move of a 八乱 check that was put back: the timeline steps its operation
    recorded are withdrawn too (soft-deleted, synced like any delete), so no timeline shows a
    disposal that did not happen. Returns how many steps were withdrawn."""
    db, count = recorder.db, 0
    for refusal in refusals:
        if refusal.entity != "disorder_check" or "status" not in refusal.changes:
            continue
        made = db.execute("SELECT created_at FROM outbox WHERE op_id = ? AND last_error LIKE ?",
                          [refusal.op_id, ROLLED_BACK + "%"]).fetchone()
        if made is None:
            continue
        steps = db.execute(
            "SELECT e.id FROM outbox o JOIN disorder_event e ON e.id = o.entity_id WHERE o.entity = 'disorder_event' "
            "AND o.op = 'create' AND o.created_at = ? AND e.check_id = ? AND e.deleted = 0",
            [made[0], refusal.entity_id]).fetchall()
        for (step_id,) in steps:
            recorder.delete("disorder_event", step_id)
            count += 1
    return count
