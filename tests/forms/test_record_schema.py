"""The server's record shapes (forms.record_schema) against the app's own SQLite schema, and
the pure value checks the server applies to pushed ops."""

from __future__ import annotations

import math

import sqlite_utils

from inspector_app.forms.record_check import check_values
from inspector_app.forms.record_schema import INTEGER, JSON, REAL, RECORDS, TEXT, TIME
from inspector_app.storage import entities  # noqa: F401  (registers every synced table)
from inspector_app.storage.migrations import STEPS
from inspector_app.storage.records import ENTITIES, SYNC_FIELDS

_SQL_KINDS = {"TEXT": (TEXT, JSON, TIME), "INTEGER": (INTEGER,), "REAL": (REAL,)}


def test_every_synced_column_of_the_app_is_known_with_its_type_and_null_rule() -> None:
    db = sqlite_utils.Database(memory=True)
    for step in STEPS:
        step(db)
    assert set(RECORDS) == set(ENTITIES)
    for entity, spec in ENTITIES.items():
        columns = {c[1]: c for c in db.execute(f'PRAGMA table_info("{entity}")').fetchall()
                   if c[1] not in SYNC_FIELDS and c[1] not in spec.local_columns}
        assert list(RECORDS[entity]) == list(columns), entity
        for name, (_cid, _n, sql_type, not_null, default, _pk) in columns.items():
            col = RECORDS[entity][name]
            assert col.kind in _SQL_KINDS[sql_type], (entity, name)
            assert col.nullable == (not not_null), (entity, name)
            assert col.required == bool(not_null and default is None), (entity, name)


def test_values_are_checked_with_the_apps_own_validators() -> None:
    unit = {"name": "泉城路1号商店", "kind": "individual", "address": "泉城路1号", "phone": "13800000000"}
    assert check_values("unit", unit, creating=True) is None
    bad = check_values("unit", {**unit, "kind": "enterprise", "uscc": "91370102MA3C4XXXX1"}, creating=True)
    assert bad is not None and (bad.code, bad.field) == ("invalid_value", "uscc")
    assert check_values("unit", {"name": "x" * 61}, creating=False).code == "too_large"  # type: ignore[union-attr]
    assert check_values("unit", {"lat": math.nan}, creating=False).field == "lat"  # type: ignore[union-attr]
    assert check_values("unit", {"squad": "x"}, creating=False).code == "unknown_field"  # type: ignore[union-attr]
    assert check_values("unit", {"name": "张三"}, creating=True).code == "required"  # type: ignore[union-attr]
    assert check_values("unit", {"name": "张三"}, creating=False) is None  # a patch: only what is there
    assert check_values("patrol", {"track": "[1, NaN]"}, creating=False).code == "invalid_value"  # type: ignore[union-attr]
    assert check_values("patrol", {"started_at": "2026-12-02T06:00:00.000Z"}, creating=False) is None
    assert check_values("patrol", {"started_at": "yesterday"}, creating=False).field == "started_at"  # type: ignore[union-attr]
    assert check_values("violation", {"party_id_number": "370102199001011234"},
                        creating=False).field == "party_id_number"  # type: ignore[union-attr]
