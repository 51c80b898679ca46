"""Daily copies of the profile database, and restoring one.

A backup is made with SQLite's online backup API, so it is a consistent snapshot even while
the app writes; it is checked with ``quick_check`` before it counts. Restoring first copies the
current database aside, so a restore can itself be undone.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.storage import errors
from inspector_app.storage.database import SQLITE_MAGIC, Store, check_database_file
from inspector_app.storage.migrations import SCHEMA_VERSION
from inspector_app.storage.paths import ProfilePaths

log = logging.getLogger(__name__)

DAILY = re.compile(r"inspector-daily-(\d{8})\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    size: int
    schema_version: int


def _remove_partial(tmp: Path) -> None:
    for leftover in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)


def _copy_database(source: sqlite3.Connection, target: Path, source_path: Path) -> None:
    """Copy ``source`` to ``target`` through ``<target>.partial``, which is removed on every
    failure (with its journal), so a failed copy never leaves files behind; a copy that fails
    its check means the source is damaged."""
    tmp = target.with_suffix(".partial")
    _remove_partial(tmp)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            # The copy takes the source's WAL flag; a backup is a single file, and a WAL file
            # opened read-only (to check it) would leave -wal and -shm files beside it.
            dest.execute("PRAGMA journal_mode=DELETE")
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
        if ok != "ok":
            log.error("backup refused, the source %s is damaged: %s", source_path, ok)
            raise errors.backup_of_damaged(str(source_path), ok)
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        _remove_partial(tmp)
        raise _copy_error(exc, target, source_path) from None
    except BaseException:
        _remove_partial(tmp)
        raise


def _copy_error(exc: sqlite3.DatabaseError, target: Path, source_path: Path) -> UserError:
    text = str(exc)
    if "full" in text:
        return errors.disk_full(str(target.parent))
    if isinstance(exc, sqlite3.OperationalError) and ("readonly" in text or "unable to open" in text):
        return errors.read_only(str(target.parent))
    log.error("backup of %s failed: %s", source_path, text)
    return errors.backup_of_damaged(str(source_path), text)


def daily_backup(store: Store, folder: Path, today: date, keep: int = 14) -> Path | None:
    """Make today's backup in ``folder`` unless it exists; keep the newest ``keep`` daily
    copies. Returns the new file, or None when today's copy was already there."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"inspector-daily-{today:%Y%m%d}.sqlite"
    made = None
    if not target.exists():
        if store.damage is not None:
            raise errors.backup_of_damaged(str(store.paths.database), store.damage)
        _copy_database(store.db.conn, target, store.paths.database)
        made = target
    dailies = sorted(p for p in folder.iterdir() if DAILY.search(p.name))
    for old in dailies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return made


def check_folder(folder: Path) -> Path:
    """Make sure backups can be written to ``folder`` (created if missing); raise a clear
    error if not. Returns the absolute folder."""
    unusable = UserError(
        QT_TRANSLATE_NOOP("errors", "Backups cannot be written to the folder {path}."),
        QT_TRANSLATE_NOOP(
            "errors",
            "Choose a folder you may write to, on this computer or on a drive that is plugged in.",
        ),
        path=str(folder),
    )
    if not folder.is_absolute():
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The backup folder {path} is not a full path."),
            QT_TRANSLATE_NOOP("errors", "Choose the folder with the Choose… button."),
            path=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".inspector-write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError:
        raise unusable from None
    return folder


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a usable backup of this app; raise a clear error if not."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The backup file {path} cannot be read."),
            QT_TRANSLATE_NOOP("errors", "Check the path and choose another backup."),
            path=str(path),
        ) from None
    if header != SQLITE_MAGIC:
        raise errors.not_sqlite(str(path))
    # immutable: a backup is one file (no WAL) and reading it must leave nothing beside it
    # (a WAL-flagged copy of an older release would otherwise get -wal and -shm files).
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise errors.corrupt(str(path), str(exc)) from None
    finally:
        conn.close()
    if check != "ok":
        raise errors.corrupt(str(path), check)
    if version > SCHEMA_VERSION:
        raise errors.too_new(str(path), version, SCHEMA_VERSION)
    if version == 0:
        raise errors.not_sqlite(str(path))
    return BackupInfo(path, path.stat().st_size, version)


def list_backups(folder: Path) -> list[Path]:
    """Backup files in ``folder``, newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob("inspector-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def move_aside(database: Path, label: str = "damaged") -> Path:
    """Rename ``database`` (and its -wal/-shm files) to ``<name>.<label>-<UTC time>`` next to
    it, so nothing of it is lost and the app no longer finds it. Returns the new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.{label}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = database.with_name(f"{database.name}.{label}-{stamp}-{n}")
    os.replace(database, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(str(database) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    return aside


def _keep_current(database: Path, backups_folder: Path) -> Path | None:
    """Keep the database about to be replaced: a consistent copy in the backups folder when it
    is healthy, else the file itself moved aside. None when there is no database."""
    if not database.exists():
        return None
    try:
        check_database_file(database)
    except errors.DamagedDatabase:
        return move_aside(database)
    # Healthy: copied without opening it as a profile (no upgrade, no write).
    backups_folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    safety = backups_folder / f"inspector-{stamp}-before-restore.sqlite"
    source = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True)
    try:
        _copy_database(source, safety, database)
    finally:
        source.close()
    for suffix in ("-wal", "-shm"):  # their pages are in the copy; they must not meet the new file
        Path(str(database) + suffix).unlink(missing_ok=True)
    database.unlink()
    return safety


def restore_backup(data_dir: Path, backup: Path) -> Path | None:
    """Replace the profile's database with ``backup`` (the app must not be running).

    Works whatever state the current database is in, without opening it as a profile: a
    healthy one is copied to the backups folder (``inspector-…-before-restore``), a damaged,
    empty or foreign one is moved aside as ``inspector.sqlite.damaged-<time>``. The backup is
    checked before and after it is copied in, then the profile is opened once (older backups
    are upgraded by the normal migrations). Returns where the replaced database was kept.
    """
    inspect_backup(backup)
    paths = ProfilePaths(Path(data_dir).absolute())
    database = paths.database
    incoming = database.with_name(database.name + ".restoring")
    paths.root.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(backup, incoming)
        inspect_backup(incoming)
        kept = _keep_current(database, paths.backups)
    except BaseException:
        _remove_partial(incoming)
        raise
    os.replace(incoming, database)
    Store.open(paths.root).close()
    return kept
