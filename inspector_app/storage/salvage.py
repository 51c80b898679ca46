"""Salvage: every readable row of a damaged profile database, copied into a fresh one.

The damaged file is first moved aside (``inspector.sqlite.damaged-<time>``), never written.
Its rows are read with SQLite's own ``.recover`` (the ``sqlite3`` command, which also finds
rows whose pages lost their place in the tree) when that command is installed, or else table
by table in row-number order, stepping over the row numbers whose pages cannot be read. The
fresh database is built by the migrations up to the damaged file's schema version, filled,
then upgraded and checked like any profile. The report says what was copied and what was lost.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.storage.audit import verify_audit_chain
from inspector_app.storage.backups import move_aside
from inspector_app.storage.database import Store
from inspector_app.storage.migrations import SCHEMA_VERSION, STEPS
from inspector_app.storage.paths import ProfilePaths

log = logging.getLogger(__name__)

_MAX_ROWID = 2**63 - 1


@dataclass
class TableSalvage:
    """What became of one table."""

    name: str
    copied: int = 0
    # Row-number ranges (first, last) that could not be read: at most that many rows lost.
    unreadable: list[tuple[int, int]] = field(default_factory=list)
    missing: bool = False  # the table could not be found or read at all


@dataclass
class SalvageReport:
    """The result of :func:`salvage_profile`."""

    damaged_copy: Path
    method: str  # "recover" (sqlite3 .recover) or "rows" (row by row)
    schema_version: int
    tables: list[TableSalvage]
    unplaced_rows: int  # rows .recover found whose table is unknown (lost_and_found)
    audit_intact: bool
    integrity: str

    @property
    def complete(self) -> bool:
        """Whether nothing is known to be lost."""
        return not self.unplaced_rows and all(
            not t.unreadable and not t.missing for t in self.tables
        )


def _header_version(path: Path) -> int:
    """The user_version from the file header (bytes 60–63): readable when pages are not."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "The data file {path} holds no database records that can be salvaged."
            ),
            QT_TRANSLATE_NOOP("errors", "Restore a backup instead (inspector-app restore)."),
            path=str(path),
        )
    return min(int.from_bytes(header[60:64], "big"), SCHEMA_VERSION)


def _copyable_tables(db: sqlite3.Connection) -> list[str]:
    """Tables whose rows are copied: not SQLite's own, not virtual (FTS) tables or their
    shadow tables (triggers on the fresh tables rebuild the search index)."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        n for n, _sql in rows
        if not n.startswith("sqlite_") and n not in virtual
        and not any(n.startswith(v + "_") for v in virtual)
    ]


def _has_rowid(db: sqlite3.Connection, table: str) -> bool:
    row = db.execute("SELECT wr FROM pragma_table_list WHERE name = ?", [table]).fetchone()
    return bool(row) and not row[0]


def _read_rows(
    source: sqlite3.Connection, table: str, columns: list[str], report: TableSalvage
) -> Iterator[tuple[object, ...]]:
    """Rows of ``table`` in row-number order, with the row number first; a range whose pages
    cannot be read is stepped over (probing forward, doubling the step) and noted."""
    cols = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    try:
        top = source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    last = -_MAX_ROWID - 1
    floor = last + 1  # probing never starts below this, so every round moves forward
    while True:
        try:
            for row in source.execute(select, [last]):
                yield row
                last = int(row[0])
            return
        except sqlite3.DatabaseError:
            pass
        step, start = 1, max(last + 1, floor)
        while True:
            probe = start + step - 1
            if probe > (top if top is not None else _MAX_ROWID // 2) or step > 2**40:
                report.unreadable.append((last + 1, top if top is not None else probe))
                return
            try:
                found = source.execute(
                    f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1', [probe]
                ).fetchone()
            except sqlite3.DatabaseError:
                step *= 2
                continue
            if found is None:
                report.unreadable.append((last + 1, top if top is not None else probe))
                return
            if int(found[0]) > last + 1:
                report.unreadable.append((last + 1, int(found[0]) - 1))
            last = int(found[0]) - 1
            floor = int(found[0]) + 1
            break


def _recover_with_cli(damaged: Path, into: Path) -> bool:
    """``sqlite3 damaged .recover | sqlite3 into``; False when the command is missing or fails."""
    cli = shutil.which("sqlite3")
    if cli is None:
        return False
    try:
        dump = subprocess.run(
            [cli, str(damaged), ".recover"], capture_output=True, check=False, timeout=3600
        )
        if dump.returncode != 0 or not dump.stdout:
            return False
        load = subprocess.run(
            [cli, str(into)], input=dump.stdout, capture_output=True, check=False, timeout=3600
        )
    except (OSError, subprocess.SubprocessError):
        log.warning("sqlite3 .recover could not run", exc_info=True)
        return False
    return load.returncode == 0


def _fresh(path: Path, version: int) -> sqlite_utils.Database:
    """A new database built by the migrations up to ``version``."""
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    for number in range(1, version + 1):
        db.conn.execute("BEGIN")
        STEPS[number - 1](db)
        db.conn.execute(f"PRAGMA user_version={number}")
        db.conn.execute("COMMIT")
    return db


def _copy_tables(
    source: sqlite3.Connection, target: sqlite_utils.Database, progress: Progress | None = None
) -> list[TableSalvage]:
    target.conn.execute("PRAGMA foreign_keys=OFF")  # a row may point at a row that was lost
    try:
        source_tables = set(_copyable_tables(source))
    except sqlite3.DatabaseError:
        source_tables = set()
    results = []
    wanted = _copyable_tables(target.conn)
    for index, table in enumerate(wanted):
        if progress is not None:
            progress.update(index, len(wanted), table)
        report = TableSalvage(table)
        results.append(report)
        if table not in source_tables:
            report.missing = True
            continue
        try:
            have = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
        except sqlite3.DatabaseError:
            report.missing = True
            continue
        columns = [c for c in target[table].columns_dict if c in have]
        with_rowid = _has_rowid(target.conn, table)
        names = (["rowid"] if with_rowid else []) + columns
        insert = (
            f'INSERT OR REPLACE INTO "{table}" ({", ".join(chr(34) + n + chr(34) for n in names)}) '
            f'VALUES ({", ".join("?" * len(names))})'
        )
        target.conn.execute("BEGIN")
        batch: list[tuple[object, ...]] = []
        for row in _read_rows(source, table, columns, report):
            batch.append(row if with_rowid else row[1:])
            if len(batch) >= 5000:
                target.conn.executemany(insert, batch)
                report.copied += len(batch)
                batch.clear()
        target.conn.executemany(insert, batch)
        report.copied += len(batch)
        target.conn.execute("COMMIT")
    return results


def _build(
    damaged: Path, paths: ProfilePaths, version: int, progress: Progress | None = None
) -> tuple[list[TableSalvage], str, int]:
    """The fresh database, filled from ``damaged``, put in place of the profile's."""
    building = paths.database.with_name(paths.database.name + ".salvaging")
    building.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.root) as scratch:
        # .recover reads the damaged file (and its WAL) from a copy: SQLite may want to
        # write a -shm next to what it opens, and the moved-aside file must stay as it was.
        copy = Path(scratch) / "damaged.sqlite"
        shutil.copyfile(damaged, copy)
        for suffix in ("-wal",):
            if Path(str(damaged) + suffix).exists():
                shutil.copyfile(Path(str(damaged) + suffix), Path(str(copy) + suffix))
        recovered = Path(scratch) / "recovered.sqlite"
        method = "recover" if _recover_with_cli(copy, recovered) else "rows"
        source = sqlite3.connect(str(recovered if method == "recover" else copy))
        target = _fresh(building, version)
        try:
            tables = _copy_tables(source, target, progress)
            unplaced = 0
            if method == "recover":
                try:
                    unplaced = int(source.execute("SELECT count(*) FROM lost_and_found").fetchone()[0])
                except sqlite3.DatabaseError:
                    unplaced = 0
        finally:
            source.close()
            target.conn.close()
    os.replace(building, paths.database)
    return tables, method, unplaced


def salvage_profile(data_dir: Path, progress: Progress | None = None) -> SalvageReport:
    """Move the profile's damaged database aside and copy every row that can be read from it
    into a fresh database in its place; report what was copied and lost (``progress`` hears
    of each table). The profile then opens normally (audit entries lost with the damage show
    as a broken chain)."""
    paths = ProfilePaths(Path(data_dir).absolute())
    if not paths.database.exists():
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "There is no database to salvage in {path}."),
            QT_TRANSLATE_NOOP("errors", "Check the data folder (--data-dir)."),
            path=str(paths.root),
        )
    version = _header_version(paths.database)
    damaged = move_aside(paths.database)
    try:
        tables, method, unplaced = _build(damaged, paths, version, progress)
    except BaseException:
        # Nothing is left half done: the damaged file goes back where it was.
        paths.database.with_name(paths.database.name + ".salvaging").unlink(missing_ok=True)
        os.replace(damaged, paths.database)
        for suffix in ("-wal", "-shm"):
            if Path(str(damaged) + suffix).exists():
                os.replace(Path(str(damaged) + suffix), Path(str(paths.database) + suffix))
        raise
    store = Store.open(paths.root)
    try:
        integrity = str(store.db.execute("PRAGMA integrity_check").fetchone()[0])
        audit_ok = verify_audit_chain(store.db).ok
    finally:
        store.close()
    return SalvageReport(damaged, method, version, tables, unplaced, audit_ok, integrity)
