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
import json
import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from inspector_app.domain.clock import MAX_DRIFT_MS, HlcStamp, parse_utc, utc_iso
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
UTC_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")  # what the app sends: tried first, it is faster

# Fields that point to another record: field → the entity it points to.
REFERENCES: dict[str, str] = {
    "unit_id": "unit", "patrol_id": "patrol", "road_segment_id": "road_segment", "check_id": "disorder_check",
    "order_id": "work_order", "violation_id": "violation", "source_inspection_id": "frontage_inspection",
    "work_order_id": "work_order", "disorder_check_id": "disorder_check", "repeat_of": "disorder_check",
    "agreement_photo_id": "photo", "document_id": "document",
}
# Pointers whose entity is named by another field: (entity field, id field).
TYPED_REFERENCES: dict[str, tuple[str, str]] = {
    "review": ("entity", "entity_id"), "photo": ("owner_entity", "owner_id"),
    "violation": ("source_entity", "source_id"), "conflict": ("entity", "entity_id"),
}

_POINTERS = frozenset(REFERENCES) | {"revision_of"} | {f for pair in TYPED_REFERENCES.values() for f in pair}


def checked(batch: Batch, op: Op) -> Op:
    """The op as the server will merge it (far-future stamps clamped); raises
    :class:`rules.Refused` when a value, its size or a reference is not allowed."""
    op = _clamped(op, batch.now)
    # One pass: the new values, and the op's size in characters (a character is at most 3
    # bytes in UTF-8), so only an op near the cap is counted exactly.
    new: dict[str, Any] = {}
    chars = 300 + len(op.blobs) * 67 + len(op.at) + len(op.form_version)
    for name, (old, value) in op.changes.items():
        if type(old) is str:
            chars += len(old)
        elif isinstance(old, dict | list):
            raise _refused(INVALID, name, "an old value must be a single value")
        chars += len(name) + 24 + (len(value) if type(value) is str else 0)
        new[name] = value
    if chars * 3 > MAX_OP_BYTES:
        _check_size(op)
    if op.op == "delete" or (op.op == "patch" and new.keys() == {"deleted"}):  # a delete, or a restore
        extra = sorted(set(new) - {"deleted"})
        if extra:
            raise _refused(INVALID, extra[0], "a delete changes nothing but deleted")
        if new.get("deleted") not in (0, 1):  # also False and True
            raise _refused(INVALID, "deleted", "must be 0 or 1")
        return op
    problem = check_values(op.entity, new, creating=op.op == "create")
    if problem is not None:
        raise _refused(problem.code, problem.field, problem.detail)
    _check_scope(batch, op, new)
    return op


def _refused(code: str, name: str, detail: str) -> rules.Refused:
    return rules.rejected(code, f"{name}: {detail}")


def _bytes(value: Any) -> int:
    if isinstance(value, str):
        return len(value) if value.isascii() else len(value.encode())
    if isinstance(value, dict | list):
        return len(json.dumps(value, ensure_ascii=False).encode())
    return 8


def _check_size(op: Op) -> None:
    """The op's size in UTF-8 bytes, about as JSON."""
    cap = MAX_CATALOG_OP_BYTES if op.entity == "catalog_version" else MAX_OP_BYTES
    total = 300 + len(op.blobs) * 67 + _bytes(op.at) + _bytes(op.form_version)
    for name, (old, new) in op.changes.items():
        total += len(name) + 8 + _bytes(old) + _bytes(new)
    if total > cap:
        raise _refused(TOO_LARGE, "op", f"about {total} bytes, at most {cap}")


@lru_cache(maxsize=8)
def _limits(now: str) -> tuple[int, str, str]:
    """For the server's time ``now``: its milliseconds, and the latest ``at`` (in utc_iso form)
    and HLC wall (15 digits) accepted as they are; both compare as text."""
    now_ms = int(parse_utc(now).timestamp() * 1000)
    latest = now_ms + MAX_DRIFT_MS
    return now_ms, utc_iso(datetime.fromtimestamp(latest / 1000, UTC)), f"{latest:015d}"


def _clamped(op: Op, now: str) -> Op:
    """Check the op's stamps; an HLC or ``at`` too far ahead of the server becomes the server's
    time, a malformed ``base_hlc`` is dropped."""
    if not HLC_FORM.fullmatch(op.hlc):
        raise _refused(INVALID, "hlc", "must be a hybrid logical clock stamp")
    if len(op.at) > _TIME_CAP:
        raise _refused(TOO_LARGE, "at", f"{len(op.at)} characters, at most {_TIME_CAP}")
    if op.at and not UTC_ISO.fullmatch(op.at) and not ISO_TIME.fullmatch(op.at):
        raise _refused(INVALID, "at", "must be a time in ISO 8601 form")
    now_ms, latest_at, latest_wall = _limits(now)
    changes: dict[str, Any] = {}
    if op.base_hlc and not HLC_FORM.fullmatch(op.base_hlc):
        # Only a hint for telling an unseen edit (a row seeded without a stamp): ignored, the
        # delete applies as from an older app.
        changes["base_hlc"] = ""
    if op.hlc[:15] > latest_wall:
        stamp = HlcStamp.decode(op.hlc)
        changes["hlc"] = HlcStamp(now_ms, stamp.counter, stamp.node).encode()
    if op.at and not (len(op.at) == 24 and op.at[-1] == "Z" and op.at <= latest_at):  # else not utc_iso form
        try:
            ahead = parse_utc(op.at) > parse_utc(latest_at)
        except ValueError:
            raise _refused(INVALID, "at", "must be a time in ISO 8601 form") from None
        if ahead:
            changes["at"] = now
    return dataclasses.replace(op, **changes) if changes else op


def _check_scope(batch: Batch, op: Op, new: dict[str, Any]) -> None:
    """Refuse a pointer to a record of another squad (administrators work across squads)."""
    caller = batch.caller
    if caller.role == rules.ADMIN:
        return
    if "squad_id" in new and new["squad_id"] is not None and new["squad_id"] != caller.squad_id:
        raise _refused(OUT_OF_SCOPE, "squad_id", "the record would belong to another squad")
    if not new.keys() & _POINTERS:
        return
    targets = [(name, REFERENCES[name], new[name]) for name in REFERENCES.keys() & new.keys()]
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
