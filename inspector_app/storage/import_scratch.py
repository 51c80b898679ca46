"""A scratch file holding the checked rows of an import between the check and the import.

A registry of 446,793 rows kept as Python objects took ~2 kB a row (about 1 GB); here each
good row is one SQLite row in a file of its own next to the profile, written as the check
goes and read back in batches by the import. The profile's database is not touched until the
import itself; the file is removed when the plan is dropped (or on the next start).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
import uuid
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from inspector_app.storage import errors

PREFIX = ".import-scratch-"
# Files older than this process are a crashed run's; a plan of this run is never removed.
_STARTED = time.time()


class ScratchRows:
    """Rows of fixed ``columns`` (plus the row's file number, action and matched id)."""

    def __init__(self, folder: Path, columns: Sequence[str]) -> None:
        for stale in folder.glob(PREFIX + "*"):  # left by a crash: nothing reads them
            with contextlib.suppress(OSError):
                if stale.lstat().st_mtime < _STARTED:
                    stale.unlink()
        self.path = folder / f"{PREFIX}{uuid.uuid4().hex}.sqlite"
        self.columns = tuple(columns)
        self.count = 0
        self._finalizer = weakref.finalize(self, _remove, self.path)
        with self._writing() as conn:
            conn.execute(
                "CREATE TABLE good(row_number INTEGER, action TEXT, unit_id TEXT, "
                + ", ".join(f"c{i}" for i in range(len(self.columns))) + ")")

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "full" in str(exc):  # SQLITE_FULL: say so, as for the profile itself
                raise errors.disk_full(str(self.path.parent)) from None
            raise
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None)
        # A scratch copy: losing it in a crash loses nothing (the file is read again).
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        return conn

    def add_all(self, batches: Iterable[list[tuple[Any, ...]]]) -> None:
        """Append rows (row_number, action, unit_id, *columns), a batch at a time."""
        marks = ", ".join("?" * (3 + len(self.columns)))
        with self._writing() as conn:
            conn.execute("BEGIN")
            for batch in batches:
                conn.executemany(f"INSERT INTO good VALUES ({marks})", batch)
                self.count += len(batch)
            conn.execute("COMMIT")

    def batches(self, action: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """The stored rows of one action, in file order, ``size`` at a time."""
        conn = self._connect()
        try:
            cursor = conn.execute("SELECT * FROM good WHERE action = ? ORDER BY rowid", [action])
            while batch := cursor.fetchmany(size):
                yield batch
        finally:
            conn.close()

    def close(self) -> None:
        """Remove the file."""
        self._finalizer()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()

