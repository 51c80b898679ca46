"""Opening a profile's database safely, and the transaction every change runs in.

Before anything is written the file is checked: an existing file must be an SQLite database
that is not damaged and not from a newer app; a problem raises a :class:`StorageError` and
the file is left exactly as it was. Upgrades run one step per transaction after a backup copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from inspector_app.domain.natural_sort import natural_text
from inspector_app.storage import entities as _entities  # noqa: F401
from inspector_app.storage import errors
from inspector_app.storage.migrations import SCHEMA_VERSION, STEPS
from inspector_app.storage.paths import ProfilePaths

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def check_database_file(path: Path) -> int:
    """Return the schema version of an existing profile database, or raise without touching
    it: :class:`errors.DamagedDatabase` when it is empty, not SQLite, another program's or
    damaged (restore or salvage it), other :class:`StorageError` otherwise."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) == 0:
        # SQLite writes its header as soon as the file is set to WAL, before any table, so
        # an empty file never is a profile: it lost its contents (disk, sync tool, crash).
        raise errors.empty_database(str(path))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise errors.damaged_profile(errors.not_sqlite(str(path)))
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if names and (version == 0 or "meta" not in names):
                raise errors.foreign_database(str(path))
            if version:
                # Reading one table page of each table finds most damage cheaply; the full
                # check runs in the background once the profile is open (storage.health).
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'"
                ).fetchall():
                    conn.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise errors.read_only(str(path.parent)) from None
        raise errors.damaged_profile(errors.corrupt(str(path), str(exc))) from None
    except sqlite3.DatabaseError as exc:
        raise errors.damaged_profile(errors.corrupt(str(path), str(exc))) from None
    if version > SCHEMA_VERSION:
        raise errors.too_new(str(path), version, SCHEMA_VERSION)
    return version


def _check_writable(folder: Path) -> None:
    db_file = ProfilePaths(folder).database
    if db_file.exists() and not os.access(db_file, os.W_OK):
        raise errors.read_only(str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        raise errors.read_only(str(folder)) from None


class Store:
    """One profile's database. Each thread gets its own connection (SQLite objects must not
    cross threads); every write goes through :meth:`transaction`."""

    def __init__(self, paths: ProfilePaths) -> None:
        self.paths = paths
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.damage: str | None = None  # set by stop_writing: what the health check found

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating or upgrading as needed) the database of the profile in ``data_dir``."""
        paths = ProfilePaths(Path(data_dir).absolute())
        db_file = paths.database
        try:
            exists = db_file.exists()
        except PermissionError:
            raise errors.no_access(str(paths.root)) from None
        _check_writable(paths.root)
        version = check_database_file(db_file) if exists else 0
        store = cls(paths)
        try:
            store.migrate(from_version=version)
        except sqlite3.OperationalError as exc:
            store.close()
            if "readonly" in str(exc) or "unable to open" in str(exc):
                raise errors.read_only(str(paths.root)) from None
            raise
        return store

    def _connect(self) -> sqlite_utils.Database:
        conn = sqlite3.connect(
            str(self.paths.database), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        db = sqlite_utils.Database(conn)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        # ORDER BY natural_order(address): house numbers in number order (domain.natural_sort).
        conn.create_function("natural_order", 1, natural_text, deterministic=True)
        # FULL: a commit is on disk before we tell the officer "saved" (power cuts included).
        conn.execute("PRAGMA synchronous=FULL")
        with self._lock:
            self._all.append(conn)
            if self.damage is not None:
                conn.execute("PRAGMA query_only=ON")
        return db

    def stop_writing(self, detail: str) -> None:
        """Refuse every write from now on (the file is damaged): transactions raise
        :func:`errors.writing_stopped`, and each connection is set ``query_only`` so a write
        outside a transaction fails too. Reading goes on."""
        with self._lock:
            self.damage = detail
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA query_only=ON")

    def _refuse_if_damaged(self) -> None:
        if self.damage is not None:
            raise errors.writing_stopped(str(self.paths.database), self.damage)

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
        return db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic unit of work. Nested calls join the outer transaction."""
        self._refuse_if_damaged()
        db = self.db
        if db.conn.in_transaction:
            yield db
            return
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and self.damage is not None:
                # Writing stopped while this transaction ran (query_only): say why.
                raise errors.writing_stopped(str(self.paths.database), self.damage) from None
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                # SQLITE_FULL: the disk (or a size limit) is full; the rollback kept everything.
                raise errors.disk_full(str(self.paths.root)) from None
            raise
        else:
            try:
                db.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                if "full" in str(exc):
                    raise errors.disk_full(str(self.paths.root)) from None
                raise

    def schema_version(self) -> int:
        """The database's ``user_version``."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, from_version: int) -> None:
        """Bring the schema to :data:`SCHEMA_VERSION`, one transaction per step."""
        db = self.db
        db.conn.execute("PRAGMA journal_mode=WAL")
        if from_version == SCHEMA_VERSION:
            return
        if from_version > 0:
            self.backup(reason=f"before-upgrade-v{from_version}")
        for number in range(from_version + 1, SCHEMA_VERSION + 1):
            step = STEPS[number - 1]
            log.info("schema upgrade to v%d (%s)", number, step.__module__)
            with self.transaction():
                step(db)
                db.conn.execute(f"PRAGMA user_version={number}")

    def backup(self, reason: str) -> Path:
        """Copy the whole database (consistent, WAL included) into the backups folder."""
        self.paths.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        target = self.paths.backups / f"inspector-{stamp}-{reason}.sqlite"
        try:
            dest = sqlite3.connect(str(target))
            try:
                self.db.conn.backup(dest)
            finally:
                dest.close()
        except BaseException:
            # A half-written copy must not pass for a backup (nor fill the disk).
            for leftover in (target, Path(str(target) + "-journal")):
                leftover.unlink(missing_ok=True)
            raise
        return target

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
        self._local = threading.local()


def database_size(store: Store) -> int:
    """Size of the database file plus its WAL, in bytes."""
    total = 0
    for suffix in ("", "-wal"):
        p = Path(str(store.paths.database) + suffix)
        if p.exists():
            total += os.path.getsize(p)
    return total
