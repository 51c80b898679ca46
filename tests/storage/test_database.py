import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from inspector_app.storage import migrations
from inspector_app.storage.database import Store
from inspector_app.storage.errors import StorageError
from inspector_app.storage.migrations import SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_profile_gets_current_schema_in_wal_mode(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()


def test_file_that_is_not_sqlite_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db_file = data_dir / "inspector.sqlite"
    db_file.write_bytes("这不是数据库 — a spreadsheet saved under the wrong name\n".encode() * 20)
    before = _digest(db_file)
    with pytest.raises(StorageError) as info:
        Store.open(data_dir)
    assert "not an inspector database" in info.value.render()
    assert "--data-dir" in info.value.render()
    assert _digest(db_file) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["inspector.sqlite"]


def test_corrupt_database_is_refused_untouched(data_dir: Path) -> None:
    store = Store.open(data_dir)
    with store.transaction() as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db_file = data_dir / "inspector.sqlite"
    raw = bytearray(db_file.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # destroy the schema page after the header
    db_file.write_bytes(bytes(raw))
    before = _digest(db_file)
    with pytest.raises(StorageError) as info:
        Store.open(data_dir)
    assert "damaged" in info.value.render() and "backups" in info.value.render()
    assert _digest(db_file) == before


def test_database_from_a_newer_app_is_refused_untouched(data_dir: Path) -> None:
    Store.open(data_dir).close()
    db_file = data_dir / "inspector.sqlite"
    conn = sqlite3.connect(db_file)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(db_file)
    with pytest.raises(StorageError) as info:
        Store.open(data_dir)
    assert info.value.params["found"] == SCHEMA_VERSION + 5
    assert "newest version" in info.value.render()
    assert _digest(db_file) == before


def test_upgrade_makes_a_backup_and_runs_each_step_once(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(data_dir)
    with store.transaction() as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    store.close()

    def step2(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE extra (x INTEGER)")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, step2])
    import inspector_app.storage.database as database

    monkeypatch.setattr(database, "STEPS", migrations.STEPS)
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    store = Store.open(data_dir)
    try:
        assert store.schema_version() == SCHEMA_VERSION + 1
        assert store.db.execute("SELECT value FROM meta WHERE key='kept'").fetchone()[0] == "yes"
        backups = list((data_dir / "backups").glob("*.sqlite"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        old.close()
    finally:
        store.close()


def test_failing_upgrade_step_rolls_back_and_keeps_data(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(data_dir)
    with store.transaction() as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    store.close()

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("power cut in the middle of the step")

    import inspector_app.storage.database as database

    monkeypatch.setattr(database, "STEPS", [*migrations.STEPS, broken])
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        Store.open(data_dir)
    conn = sqlite3.connect(data_dir / "inspector.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT value FROM meta WHERE key='kept'").fetchone()[0] == "yes"
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_data_folder_gives_a_clear_message() -> None:
    # Outside pytest's tmp folder, whose parents only root may enter.
    tmp_path = Path(tempfile.mkdtemp(prefix="inspector-ro-"))
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(folder).close()
    before = _digest(folder / "inspector.sqlite")
    os.chmod(folder, 0o555)
    os.chmod(folder / "inspector.sqlite", 0o444)
    # Root ignores permissions; run the check as an unprivileged user the way an officer would.
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path.cwd())!r})
        from inspector_app.storage.database import Store
        from inspector_app.storage.errors import StorageError
        if os.geteuid() == 0:  # imports first: nobody cannot read root's Python install
            os.setgid(65534); os.setuid(65534)
        try:
            Store.open({str(folder)!r})
        except StorageError as exc:
            print("REFUSED:", exc.render())
        else:
            print("OPENED")
        """
    )
    os.chmod(tmp_path, 0o755)
    try:
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    finally:
        os.chmod(folder, 0o755)
    assert "REFUSED:" in result.stdout, result.stdout + result.stderr
    assert "cannot be written" in result.stdout
    assert _digest(folder / "inspector.sqlite") == before
    shutil.rmtree(tmp_path)


def test_transaction_rolls_back_on_error(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        with pytest.raises(ValueError), store.transaction() as db:
            db.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
            raise ValueError("bad input")
        assert store.db.execute("SELECT count(*) FROM meta WHERE key='a'").fetchone()[0] == 0
    finally:
        store.close()
