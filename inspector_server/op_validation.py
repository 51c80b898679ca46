"""Checking every pushed op before it is merged (issue 14, case 10): the values against the
app's own record shapes and validators (forms.record_check), the op's size, its time stamps,
and the records it points to against the author's squad.

Each refusal is ``rejected`` with a reason ``<code>: <field>: <what is wrong>``; the codes are
invalid_value, unknown_field, required, too_large and out_of_scope (the sync page explains each).

Time stamps from the future: an op whose HLC or ``at`` is more than ``MAX_DRIFT_MS`` ahead of the
server's clock is *clamped* to the server's time, not refused. Such ops come from a laptop whose
clock is wrong (issue 15), and the officer's work in them is real: refusing would lose it, while
keeping the stamp would let that laptop win every later last-writer-wins merge of those fields.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from inspector_app.domain.clock import MAX_DRIFT_MS, HlcStamp, parse_utc
from inspector_app.forms.record_check import INVALID, ISO_TIME, TOO_LARGE, check_values
from inspector_app.sync.protocol import Op
from inspector_server import rules

if TYPE_CHECKING:  # push imports this module; the batch is only a type here
    from inspector_server.push import Batch

OUT_OF_SCOPE = "out_of_scope"
MAX_OP_BYTES = 64 * 1024
# A legal catalog is published whole (only administrators write one): its own cap.
MAX_CATALOG_OP_BYTES = 1024 * 1024
HLC_FORM = re.compile(r"\d{15}-\d{10}-[^\s]{1,120}")
_TIME_CAP = 40

# Fields that point to another record: field → the entity it points to.
REFERENCES: dict[str, str] = {
    "unit_id": "unit", "patrol_id": "patrol", "road_segment_id": "road_segment", "check_id": "disorder_check",
    "order_id": "work_order", "violation_id": "violation", "source_inspection_id": "frontage_inspection",
    "work_order_id": "work_order", "disorder_check_id": "disorder_check", "repeat_of": "disorder_check",
    "agreement_photo_id": "photo",
}
# Pointers whose entity is named by another field: (entity field, id field).
TYPED_REFERENCES: dict[str, tuple[str, str]] = {
    "review": ("entity", "entity_id"), "photo": ("owner_entity", "owner_id"),
    "violation": ("source_entity", "source_id"), "conflict": ("entity", "entity_id"),
}


def checked(batch: Batch, op: Op) -> Op:
    """The op as the server will merge it (far-future stamps clamped); raises
    :class:`rules.Refused` when a value, its size or a reference is not allowed."""
    op = _clamped(op, batch.now)
    _check_size(op)
    new = {name: change[1] for name, change in op.changes.items()}
    if op.op == "delete" or (op.op == "patch" and set(new) == {"deleted"}):  # a restore: push._restore checks it
        extra = sorted(set(new) - {"deleted"})
        if extra:
            raise _refused(INVALID, extra[0], "a delete changes nothing but deleted")
        return op
    for name, (old, _new) in op.changes.items():
        if isinstance(old, dict | list):
            raise _refused(INVALID, name, "an old value must be a single value")
    problem = check_values(op.entity, new, creating=op.op == "create")
    if problem is not None:
        raise _refused(problem.code, problem.field, problem.detail)
    _check_scope(batch, op, new)
    return op


def _refused(code: str, name: str, detail: str) -> rules.Refused:
    return rules.rejected(code, f"{name}: {detail}")


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value) if value.isascii() else len(value.encode())
    if isinstance(value, dict | list):
        return sum(_size(v) for v in (value.values() if isinstance(value, dict) else value)) + 2
    return 8


def _check_size(op: Op) -> None:
    """About the op's JSON size, counted without encoding it again (every op is counted)."""
    total = 200 + len(op.blobs) * 67 + _size(op.at) + _size(op.form_version)
    for name, (old, new) in op.changes.items():
        total += len(name) + _size(old) + _size(new) + 8
    cap = MAX_CATALOG_OP_BYTES if op.entity == "catalog_version" else MAX_OP_BYTES
    if total > cap:
        raise _refused(TOO_LARGE, "op", f"about {total} bytes, at most {cap}")


def _clamped(op: Op, now: str) -> Op:
    """Check the op's stamps; an HLC or ``at`` too far ahead of the server becomes the server's time."""
    if not HLC_FORM.fullmatch(op.hlc):
        raise _refused(INVALID, "hlc", "must be a hybrid logical clock stamp")
    if len(op.at) > _TIME_CAP:
        raise _refused(TOO_LARGE, "at", f"{len(op.at)} characters, at most {_TIME_CAP}")
    if op.at and not ISO_TIME.fullmatch(op.at):
        raise _refused(INVALID, "at", "must be a time in ISO 8601 form")
    now_ms = int(parse_utc(now).timestamp() * 1000)
    stamp = HlcStamp.decode(op.hlc)
    changes: dict[str, Any] = {}
    if stamp.wall_ms > now_ms + MAX_DRIFT_MS:
        changes["hlc"] = HlcStamp(now_ms, stamp.counter, stamp.node).encode()
    if op.at:
        try:
            at_ms = int(parse_utc(op.at).timestamp() * 1000)
        except ValueError:
            raise _refused(INVALID, "at", "must be a time in ISO 8601 form") from None
        if at_ms > now_ms + MAX_DRIFT_MS:
            changes["at"] = now
    return dataclasses.replace(op, **changes) if changes else op


def _check_scope(batch: Batch, op: Op, new: dict[str, Any]) -> None:
    """Refuse a pointer to a record of another squad (administrators work across squads)."""
    caller = batch.caller
    if caller.role == rules.ADMIN:
        return
    if "squad_id" in new and new["squad_id"] is not None and new["squad_id"] != caller.squad_id:
        raise _refused(OUT_OF_SCOPE, "squad_id", "the record would belong to another squad")
    targets = [(name, REFERENCES[name], new[name]) for name in new if name in REFERENCES]
    if op.entity == "frontage_inspection" and "revision_of" in new:
        targets.append(("revision_of", op.entity, new["revision_of"]))
    typed = TYPED_REFERENCES.get(op.entity)
    if typed is not None and (typed[0] in new or typed[1] in new):
        current = batch.lookup(op.entity, op.entity_id) or {}
        entity, rid = new.get(typed[0], current.get(typed[0])), new.get(typed[1], current.get(typed[1]))
        if isinstance(entity, str):
            targets.append((typed[1], entity, rid))
    for name, entity, rid in targets:
        if not isinstance(rid, str) or not rid:
            continue
        found = batch.lookup(entity, rid)
        if found is not None and found.get("squad_id") not in (None, caller.squad_id):
            raise _refused(OUT_OF_SCOPE, name, f"the {entity} {rid} belongs to another squad")
