"""Writing synced records: every create, patch or delete also writes its outbox row, in the
caller's transaction, so a change is never stored without the op that will sync it.

Columns derived on the device (search keys, sort keys) are computed by the entity's
``derive`` function and never sent: the receiving device derives them again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import NotFound
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.ids import uuid7

SYNC_FIELDS = ("id", "created_at", "updated_at", "hlc", "device_id", "server_seq", "deleted")

Derive = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class EntitySpec:
    """How one synced table is written."""

    table: str
    derive: Derive | None = None
    local_columns: frozenset[str] = field(default_factory=frozenset)


ENTITIES: dict[str, EntitySpec] = {}


def register_entity(spec: EntitySpec) -> None:
    """Declare a synced table (done by the module that owns it)."""
    ENTITIES[spec.table] = spec


for _name in ("squad", "officer", "road_segment"):
    register_entity(EntitySpec(_name))


def _spec(entity: str) -> EntitySpec:
    try:
        return ENTITIES[entity]
    except KeyError:
        raise ValueError(f"{entity} is not a registered synced table") from None


def _encode(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return int(value)
    return value


class Recorder:
    """Writes records and their outbox ops inside one open transaction."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        device_id: str,
        now_iso: str,
        tick: Callable[[], str],
        changes: Changes | None = None,
        author_id: str = "",
    ) -> None:
        self.db = db
        self.author_id = author_id  # the officer making these changes (see outbox.author_id)
        self.device_id = device_id
        self.now_iso = now_iso
        self.tick = tick
        self.changes = changes if changes is not None else Changes()

    def _outbox(
        self,
        entity: str,
        entity_id: str,
        op: str,
        changes: dict[str, list[Any]],
        hlc: str,
        form_version: str,
        blobs: Iterable[str],
        base_hlc: str = "",
    ) -> None:
        self.db.execute(
            "INSERT INTO outbox(op_id, entity, entity_id, op, changes, blobs, form_version, hlc,"
            " created_at, author_id, base_hlc) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                uuid7(),
                entity,
                entity_id,
                op,
                json.dumps(changes, ensure_ascii=False, sort_keys=True),
                json.dumps(sorted(set(blobs))),
                form_version,
                hlc,
                self.now_iso,
                self.author_id,
                base_hlc,
            ],
        )
        self.changes.add(entity, entity_id, op)

    def get(self, entity: str, entity_id: str) -> dict[str, Any]:
        """The current row, or :class:`NotFound`."""
        _spec(entity)
        cursor = self.db.execute(f'SELECT * FROM "{entity}" WHERE id = ?', [entity_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "The {entity} record {id} does not exist any more."),
                QT_TRANSLATE_NOOP("errors", "Refresh the list; it may have been deleted."),
                entity=entity,
                id=entity_id,
            )
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def create(
        self,
        entity: str,
        values: dict[str, Any],
        *,
        form_version: str = "",
        blobs: Iterable[str] = (),
        record_id: str | None = None,
    ) -> str:
        """Insert a new record and its ``create`` op; returns the new id."""
        spec = _spec(entity)
        hlc = self.tick()
        rid = record_id or uuid7()
        data = {k: _encode(v) for k, v in values.items() if k not in SYNC_FIELDS}
        row = {
            "id": rid,
            **data,
            "created_at": self.now_iso,
            "updated_at": self.now_iso,
            "hlc": hlc,
            "device_id": self.device_id,
            "deleted": 0,
        }
        if spec.derive:
            row.update(spec.derive(row))
        self.db.table(entity).insert(row)
        synced = {k: [None, v] for k, v in data.items() if k not in spec.local_columns}
        self._outbox(entity, rid, "create", synced, hlc, form_version, blobs)
        return rid

    def patch(
        self,
        entity: str,
        entity_id: str,
        values: dict[str, Any],
        *,
        form_version: str = "",
        blobs: Iterable[str] = (),
    ) -> dict[str, list[Any]]:
        """Change some fields; writes a ``patch`` op with ``{field: [old, new]}`` for the
        fields that really changed (nothing at all if none did)."""
        spec = _spec(entity)
        current = self.get(entity, entity_id)
        diff: dict[str, list[Any]] = {}
        for key, value in values.items():
            if key in SYNC_FIELDS:
                continue
            new = _encode(value)
            if current.get(key) != new:
                diff[key] = [current.get(key), new]
        if not diff:
            return {}
        hlc = self.tick()
        update = {k: v[1] for k, v in diff.items()}
        update.update(updated_at=self.now_iso, hlc=hlc)
        if spec.derive:
            # Only derived columns that really change: writing one re-indexes the FTS tables.
            derived = spec.derive({**current, **update})
            update.update({k: v for k, v in derived.items() if current.get(k) != v})
        self.db.table(entity).update(entity_id, update)
        synced = {k: v for k, v in diff.items() if k not in spec.local_columns}
        self._outbox(entity, entity_id, "patch", synced, hlc, form_version, blobs)
        return synced

    def delete(self, entity: str, entity_id: str) -> None:
        """Soft-delete (a tombstone that syncs like any change). The op names the version
        deleted (its HLC), so the server can tell an edit this laptop never saw."""
        _spec(entity)
        current = self.get(entity, entity_id)
        if current["deleted"]:
            return
        hlc = self.tick()
        self.db.table(entity).update(entity_id, {"deleted": 1, "updated_at": self.now_iso, "hlc": hlc})
        self._outbox(entity, entity_id, "delete", {"deleted": [0, 1]}, hlc, "", (), current["hlc"] or "")

    def restore(self, entity: str, entity_id: str) -> None:
        """Bring a soft-deleted record back (a supervisor's decision on an edit that was made
        while another laptop deleted it); the server accepts it from supervisors only."""
        _spec(entity)
        if not self.get(entity, entity_id)["deleted"]:
            return
        hlc = self.tick()
        self.db.table(entity).update(entity_id, {"deleted": 0, "updated_at": self.now_iso, "hlc": hlc})
        self._outbox(entity, entity_id, "patch", {"deleted": [1, 0]}, hlc, "", ())


def insert_server_rows(
    db: sqlite_utils.Database,
    entity: str,
    rows: Iterable[dict[str, Any]],
    *,
    now_iso: str,
    hlc: str,
    origin_device: str = "server",
    first_seq: int = 1,
) -> int:
    """Bulk-insert records that already exist on the server (a squad's registry, demo data):
    they carry a ``server_seq`` and need no outbox op. Returns how many rows were inserted."""
    spec = _spec(entity)
    seq = first_seq

    def prepared() -> Iterable[dict[str, Any]]:
        nonlocal seq
        for raw in rows:
            row = {k: _encode(v) for k, v in raw.items()}
            row.setdefault("id", uuid7())
            row.setdefault("created_at", now_iso)
            row.setdefault("updated_at", now_iso)
            row.setdefault("hlc", hlc)
            row.setdefault("device_id", origin_device)
            row.setdefault("deleted", 0)
            row["server_seq"] = seq
            seq += 1
            if spec.derive:
                row.update(spec.derive(row))
            yield row

    db.table(entity).insert_all(prepared(), batch_size=1000)
    return seq - first_seq


def create_many(
    recorder: Recorder, entity: str, rows: list[dict[str, Any]], *, form_version: str = ""
) -> list[str]:
    """Insert many new records with one ``create`` op each, in bulk (imports): the same rows
    and ops as :meth:`Recorder.create` one by one, a few times faster."""
    spec = _spec(entity)
    records, ops = [], []
    for values in rows:
        hlc = recorder.tick()
        rid = values.get("id") or uuid7()
        data = {k: _encode(v) for k, v in values.items() if k not in SYNC_FIELDS}
        record = {"id": rid, **data, "created_at": recorder.now_iso, "updated_at": recorder.now_iso,
                  "hlc": hlc, "device_id": recorder.device_id, "deleted": 0}
        if spec.derive:
            record.update(spec.derive(record))
        records.append(record)
        synced = {k: [None, v] for k, v in data.items() if k not in spec.local_columns}
        ops.append((uuid7(), entity, rid, "create", json.dumps(synced, ensure_ascii=False, sort_keys=True),
                    "[]", form_version, hlc, recorder.now_iso, recorder.author_id))
        recorder.changes.add(entity, rid, "create")
    # One plain executemany over the union of columns: sqlite-utils' insert_all builds a
    # query per chunk and re-encodes every value, which cost more than SQLite's own work.
    columns = list(dict.fromkeys(k for r in records for k in r))
    recorder.db.conn.executemany(
        f'INSERT INTO "{entity}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
        f'VALUES ({", ".join("?" * len(columns))})',
        [tuple(r.get(c) for c in columns) for r in records],
    )
    recorder.db.conn.executemany(
        "INSERT INTO outbox(op_id, entity, entity_id, op, changes, blobs, form_version, hlc,"
        " created_at, author_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
        ops,
    )
    return [r["id"] for r in records]
