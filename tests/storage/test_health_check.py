"""Case 2 of issue 21: damage in the middle of the file (a zeroed data page or index page) is
found by the background check after opening; the store then refuses every write with a clear
message, and backups refuse the damaged source. Case 4: a failed backup leaves no files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.storage import backups
from inspector_app.storage.backups import daily_backup
from inspector_app.storage.database import Store
from inspector_app.storage.errors import DamagedDatabase, StorageError
from inspector_app.storage.health import INTEGRITY_KEY, check_health, integrity_due
from inspector_app.storage.meta import get_meta, set_meta
from tests.storage.damage import checkpoint, pages_of, zero_page

TODAY = date(2026, 11, 20)


def _index_with_pages(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        rows = conn.execute(
            "SELECT name FROM dbstat WHERE pagetype = 'leaf' AND name IN "
            "(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit') "
            "GROUP BY name HAVING count(*) > 2 ORDER BY count(*) DESC"
        ).fetchall()
    finally:
        conn.close()
    assert rows, "the demo's unit table has indexes of several pages"
    return str(rows[0][0])


def _damage(db_file: Path, kind: str) -> None:
    checkpoint(db_file)
    name = "unit" if kind == "data" else _index_with_pages(db_file)
    zero_page(db_file, pages_of(db_file, name)[1])  # not the first: opening does not see it


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["data", "index"])
def test_a_zeroed_page_is_found_and_writing_stops(demo_dir: Path, kind: str) -> None:
    db_file = demo_dir / "inspector.sqlite"
    _damage(db_file, kind)
    store = Store.open(demo_dir)  # opens: the damage is past the pages opening reads
    try:
        health = check_health(store, TODAY)
        assert not health.ok and health.problems
        before = _digest(db_file)
        with pytest.raises(DamagedDatabase, match="nothing more is saved"), store.transaction() as db:
            set_meta(db, "probe", "x")
        # A write outside a transaction is refused by SQLite itself (query_only).
        with pytest.raises(sqlite3.OperationalError):
            store.db.conn.execute("INSERT INTO meta(key, value) VALUES ('probe2', 'y')")
        assert get_meta(store.db, "device_id")  # reading goes on
        with pytest.raises(DamagedDatabase, match="No backup was made"):
            daily_backup(store, demo_dir / "backups", TODAY)
        assert not list((demo_dir / "backups").glob("inspector-daily-*"))
        assert not list((demo_dir / "backups").glob("*.partial*"))
        assert _digest(db_file) == before
    finally:
        store.close()


def test_a_backup_of_a_damaged_source_is_refused_even_before_the_check(demo_dir: Path) -> None:
    db_file = demo_dir / "inspector.sqlite"
    _damage(db_file, "data")
    store = Store.open(demo_dir)
    try:
        with pytest.raises(DamagedDatabase, match="is damaged") as info:
            daily_backup(store, demo_dir / "backups", TODAY)
        assert str(db_file) in info.value.render()
        assert sorted(p.name for p in (demo_dir / "backups").iterdir()) == []
    finally:
        store.close()


def test_integrity_check_runs_weekly_and_its_date_is_kept(demo_dir: Path) -> None:
    store = Store.open(demo_dir)
    try:
        assert integrity_due(store, TODAY)
        first = check_health(store, TODAY)
        assert first.ok and first.check == "integrity_check"
        assert get_meta(store.db, INTEGRITY_KEY) == TODAY.isoformat()
        assert check_health(store, TODAY + timedelta(days=6)).check == "quick_check"
        assert check_health(store, TODAY + timedelta(days=7)).check == "integrity_check"
        assert store.damage is None
        with store.transaction() as db:  # a sound store keeps writing
            set_meta(db, "probe", "x")
    finally:
        store.close()


def _fails_at_the_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy's file becomes /dev/full (every write: ENOSPC), as on a full disk; a journal
    of an earlier crash lies beside it."""
    real = sqlite3.connect

    def connect(path: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if path.endswith(".partial"):
            os.symlink("/dev/full", path)
            Path(path + "-journal").write_bytes(b"\0" * 512)
        return real(path, *args, **kwargs)  # type: ignore[arg-type, call-overload]

    monkeypatch.setattr(backups.sqlite3, "connect", connect)


def test_a_backup_that_fails_mid_copy_leaves_nothing_behind(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = demo_dir / "usb"
    folder.mkdir()
    store = Store.open(demo_dir)
    try:
        _fails_at_the_copy(monkeypatch)
        with pytest.raises(StorageError, match="is full") as info:
            daily_backup(store, folder, TODAY)
        assert str(folder) in info.value.render()
        assert sorted(os.listdir(folder)) == []
    finally:
        store.close()


def test_a_restore_whose_safety_copy_fails_leaves_nothing_behind(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(demo_dir)
    try:
        good = daily_backup(store, demo_dir / "backups", TODAY)
    finally:
        store.close()
    assert good is not None
    db_file = demo_dir / "inspector.sqlite"
    before = _files(demo_dir)
    _fails_at_the_copy(monkeypatch)
    with pytest.raises(StorageError, match="is full"):
        backups.restore_backup(demo_dir, good)
    assert _files(demo_dir) == before
    assert db_file.exists()


def _files(demo_dir: Path) -> list[str]:
    # The profile's own -wal/-shm come and go with reading it; they are not left-overs.
    return sorted(str(p.relative_to(demo_dir)) for p in demo_dir.rglob("*")
                  if not p.name.startswith("inspector.sqlite-"))
