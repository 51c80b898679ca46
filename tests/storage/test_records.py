import json

import pytest

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import NotFound
from inspector_app.storage.database import Store
from inspector_app.storage.records import Recorder


@pytest.fixture
def store(data_dir):  # type: ignore[no-untyped-def]
    s = Store.open(data_dir)
    yield s
    s.close()


def _recorder(db) -> Recorder:  # type: ignore[no-untyped-def]
    counter = iter(range(1, 10**6))
    return Recorder(db, "dev-1", "2026-11-20T02:00:00.000Z", lambda: f"{next(counter):015d}-00000-dev")


UNIT = {"name": "鑫源便利店", "kind": "individual", "address": "泉城路12号"}


def _outbox(store: Store) -> list[dict]:
    cursor = store.db.execute("SELECT entity, entity_id, op, changes FROM outbox ORDER BY seq")
    return [dict(zip(("entity", "entity_id", "op", "changes"), r, strict=True)) for r in cursor]


def test_create_writes_row_and_outbox_op_together(store: Store) -> None:
    with store.transaction() as db:
        rid = _recorder(db).create("unit", UNIT)
    row = store.db.execute("SELECT name, hlc, device_id, server_seq, search_latin FROM unit").fetchone()
    assert row[0] == "鑫源便利店" and row[2] == "dev-1" and row[3] is None
    assert "xybld" in row[4]
    ops = _outbox(store)
    assert ops[0]["op"] == "create" and ops[0]["entity_id"] == rid
    changes = json.loads(ops[0]["changes"])
    assert changes["name"] == [None, "鑫源便利店"]
    assert "search_latin" not in changes  # derived locally, never synced


def test_patch_records_only_real_changes_with_old_values(store: Store) -> None:
    with store.transaction() as db:
        rid = _recorder(db).create("unit", UNIT)
    with store.transaction() as db:
        diff = _recorder(db).patch("unit", rid, {**UNIT, "phone": "13812345678"})
    assert diff == {"phone": ["", "13812345678"]}
    with store.transaction() as db:
        assert _recorder(db).patch("unit", rid, {**UNIT, "phone": "13812345678"}) == {}
    assert [o["op"] for o in _outbox(store)] == ["create", "patch"]


def test_delete_is_a_tombstone(store: Store) -> None:
    with store.transaction() as db:
        rid = _recorder(db).create("unit", UNIT)
        _recorder(db).delete("unit", rid)
    assert store.db.execute("SELECT deleted FROM unit WHERE id=?", [rid]).fetchone()[0] == 1
    assert [o["op"] for o in _outbox(store)] == ["create", "delete"]


def test_failure_after_writing_leaves_neither_row_nor_op(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as db:
        _recorder(db).create("unit", UNIT)
        raise RuntimeError("crash before commit")
    assert store.db.execute("SELECT count(*) FROM unit").fetchone()[0] == 0
    assert _outbox(store) == []


def test_patch_of_missing_record(store: Store) -> None:
    with pytest.raises(NotFound), store.transaction() as db:
        _recorder(db).patch("unit", "nope", {"name": "x"})


def test_changes_report_what_was_touched(store: Store) -> None:
    changes = Changes()
    with store.transaction() as db:
        rec = Recorder(db, "d", "2026-11-20T02:00:00.000Z", lambda: "000000000000001-00000-d", changes)
        rid = rec.create("unit", UNIT)
    assert changes.touches("unit") and changes.ids("unit", "create") == [rid]
