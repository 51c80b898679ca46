"""Creating records in bulk in two halves: :func:`prepare` turns values into the stored row
and its outbox op's changes (done while an import checks its rows, off the transaction),
:func:`insert_prepared` stores many prepared rows with their ``create`` ops in the caller's
transaction. Together they write exactly what :meth:`records.Recorder.create` writes one row
at a time (tests/services/test_bulk_import.py compares the two)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from inspector_app.domain.ids import uuid7
from inspector_app.storage.records import SYNC_FIELDS, Recorder, _encode, _spec

# One encoder for every op (json.dumps with options builds a new one per call).
_CHANGES = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# How many changes one bulk call notes in Recorder.changes (the audit lists 50): a note per
# unit of a 446,793-row import would be ~80 MB, and the import's caller refreshes everything.
NOTED_CHANGES = 50
_PLAIN = {str, int, float, type(None)}  # stored as they are (records._encode changes the rest)


def columns(entity: str, fields: Sequence[str]) -> tuple[str, ...]:
    """The stored columns :func:`prepare` fills for these value fields: the fields and the
    entity's derived columns."""
    spec = _spec(entity)
    derived = tuple(spec.derive({}).keys()) if spec.derive else ()
    return tuple(f for f in fields if f not in SYNC_FIELDS) + tuple(d for d in derived if d not in fields)


def prepare(entity: str, cols: Sequence[str], values: dict[str, Any],
            defaults: dict[str, Any]) -> tuple[Any, ...]:
    """The row for :func:`insert_prepared`: each of ``cols`` (a value absent from ``values``
    takes ``defaults``' value, as the column's SQL default would), then the op's changes."""
    spec = _spec(entity)
    data = {k: v if type(v) in _PLAIN else _encode(v) for k, v in values.items() if k not in SYNC_FIELDS}
    derived = spec.derive(data) if spec.derive else {}
    synced = {k: [None, v] for k, v in data.items() if k not in spec.local_columns}
    merged = {**defaults, **data, **derived}
    return (*map(merged.get, cols), _CHANGES(synced))


def insert_prepared(recorder: Recorder, entity: str, cols: Sequence[str],
                    rows: Sequence[Sequence[Any]], form_version: str = "") -> int:
    """Insert prepared rows (``cols`` values then the changes, as :func:`prepare` made them),
    each a new record with a fresh id and HLC and its ``create`` op. Returns how many."""
    _spec(entity)
    now, device, author = recorder.now_iso, recorder.device_id, recorder.author_id
    records, ops = [], []
    width = len(cols)
    for row in rows:
        rid, hlc = uuid7(), recorder.tick()
        records.append((rid, *row[:width], now, now, hlc, device, 0))
        ops.append((uuid7(), entity, rid, "create", row[width], "[]", form_version, hlc, now, author))
        if len(recorder.changes.items) < NOTED_CHANGES:
            recorder.changes.add(entity, rid, "create")
    names = ("id", *cols, "created_at", "updated_at", "hlc", "device_id", "deleted")
    recorder.db.conn.executemany(
        f'INSERT INTO "{entity}" ({", ".join(chr(34) + c + chr(34) for c in names)}) '
        f'VALUES ({", ".join("?" * len(names))})', records)
    recorder.db.conn.executemany(
        "INSERT INTO outbox(op_id, entity, entity_id, op, changes, blobs, form_version, hlc,"
        " created_at, author_id) VALUES (?,?,?,?,?,?,?,?,?,?)", ops)
    return len(records)
