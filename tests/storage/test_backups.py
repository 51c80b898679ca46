import hashlib
from datetime import date
from pathlib import Path

import pytest

from inspector_app.domain.errors import UserError
from inspector_app.storage.backups import daily_backup, inspect_backup, restore_backup
from inspector_app.storage.database import Store


def _units(folder: Path) -> int:
    store = Store.open(folder)
    try:
        return int(store.db.execute("SELECT count(*) FROM unit").fetchone()[0])
    finally:
        store.close()


def test_daily_backup_once_a_day_and_pruned(demo_dir: Path) -> None:
    store = Store.open(demo_dir)
    folder = demo_dir / "backups"
    try:
        first = daily_backup(store, folder, date(2026, 11, 20))
        assert first is not None and first.exists()
        assert daily_backup(store, folder, date(2026, 11, 20)) is None
        for day in range(21, 26):
            daily_backup(store, folder, date(2026, 11, day), keep=3)
        names = sorted(p.name for p in folder.glob("inspector-daily-*"))
        assert names == ["inspector-daily-20261123.sqlite", "inspector-daily-20261124.sqlite",
                         "inspector-daily-20261125.sqlite"]
        assert inspect_backup(folder / names[-1]).schema_version >= 1
    finally:
        store.close()


def test_restore_brings_back_the_data_and_keeps_a_safety_copy(demo_dir: Path) -> None:
    store = Store.open(demo_dir)
    backup = daily_backup(store, demo_dir / "backups", date(2026, 11, 20))
    with store.transaction() as db:
        db.execute("DELETE FROM frontage_inspection")  # an accident
        db.execute("DELETE FROM unit WHERE rowid % 2 = 0")
    store.close()
    assert backup is not None
    assert _units(demo_dir) == 200
    safety = restore_backup(demo_dir, backup)
    assert _units(demo_dir) == 400
    assert _units_in(safety) == 200


def _units_in(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM unit").fetchone()[0])
    finally:
        conn.close()


def test_a_bad_backup_is_refused_and_nothing_changes(demo_dir: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "inspector-daily-20261120.sqlite"
    bogus.write_bytes(b"PK\x03\x04 this is a zip file, not a backup" * 10)
    db_file = demo_dir / "inspector.sqlite"
    before = hashlib.sha256(db_file.read_bytes()).hexdigest()
    with pytest.raises(UserError, match="not an inspector database"):
        restore_backup(demo_dir, bogus)
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == before
    with pytest.raises(UserError, match="cannot be read"):
        restore_backup(demo_dir, tmp_path / "missing.sqlite")
