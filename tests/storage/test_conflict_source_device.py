"""Issue 15, case 3: the conflict record's ``device_id`` field collided with the sync column of
the same name, so laptops disagreed on it depending on when they pulled. It is now
``source_device_id``; step 11 moves existing rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.storage.database import Store
from inspector_app.storage.migrations import STEPS
from inspector_app.storage.sync_state import apply_changes, replication_transaction
from inspector_server.feed import _fields

CONFLICT = {"entity": "unit", "entity_id": "u1", "field": "contact", "base_value": '""',
            "server_value": '"李四"', "device_value": '"王五"', "op_id": "op-1", "officer_id": "o1",
            "squad_id": "s1", "detected_at": "2026-11-20T02:00:00.000Z", "status": "open",
            "resolution": "", "resolved_by": "", "resolved_at": None}


def _change(seq: int, fields: dict[str, Any]) -> dict[str, Any]:
    return {"seq": seq, "entity": "conflict", "id": "c1", "fields": fields, "hlc": f"{seq:015d}-0-server",
            "deleted": False, "created_at": "2026-11-20T02:00:00.000Z",
            "updated_at": "2026-11-20T02:00:00.000Z", "device_id": "server"}


def _row(store: Store) -> tuple[str, str]:
    return store.db.execute("SELECT device_id, source_device_id FROM conflict WHERE id = 'c1'").fetchone()


def test_step_11_moves_the_pushing_laptop_out_of_the_sync_column(tmp_path: Path) -> None:
    path = tmp_path / "profile" / "inspector.sqlite"
    path.parent.mkdir()
    db = sqlite_utils.Database(sqlite3.connect(path))
    for number, step in enumerate(STEPS[:10], start=1):
        step(db)
        db.conn.execute(f"PRAGMA user_version={number}")
    base = {k: v for k, v in CONFLICT.items() if v is not None}
    sync = {"created_at": "2026-11-20T02:00:00.000Z", "updated_at": "2026-11-20T02:00:00.000Z", "hlc": "1"}
    db.table("conflict").insert_all([{"id": "pulled-as-update", **base, **sync, "device_id": "laptop-b"},
                               {"id": "pulled-as-new", **base, **sync, "device_id": "server"}])
    db.conn.commit()
    db.conn.close()

    store = Store.open(path.parent)
    try:
        rows = store.db.execute("SELECT id, device_id, source_device_id FROM conflict ORDER BY id").fetchall()
    finally:
        store.close()
    assert rows == [("pulled-as-new", "server", ""), ("pulled-as-update", "server", "laptop-b")]


def test_laptops_agree_on_a_conflict_however_they_pulled_it(tmp_path: Path) -> None:
    first, second = Store.open(tmp_path / "a"), Store.open(tmp_path / "b")
    try:
        made = {**CONFLICT, "source_device_id": "laptop-b"}
        with replication_transaction(first) as db:  # pulled once, resolved already
            apply_changes(db, [_change(2, {**made, "status": "resolved"})], 2)
        with replication_transaction(second) as db:  # pulled when made, then the resolution
            apply_changes(db, [_change(1, made)], 1)
        with replication_transaction(second) as db:
            apply_changes(db, [_change(2, {**made, "status": "resolved"})], 2)
        assert _row(first) == _row(second) == ("server", "laptop-b")
    finally:
        first.close()
        second.close()


def test_a_conflict_stored_before_the_rename_travels_under_the_new_name() -> None:
    assert _fields("conflict", '{"field": "contact", "device_id": "laptop-b"}') == {
        "field": "contact", "source_device_id": "laptop-b"}
    assert _fields("unit", '{"device_id": "x"}') == {"device_id": "x"}
