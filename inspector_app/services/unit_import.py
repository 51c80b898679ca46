"""Importing a unit registry (.xlsx/.csv); exporting is in :mod:`services.unit_export`.

Three steps the UI walks through: :func:`read_unit_file` (find the header, count the rows,
suggest a column mapping), :func:`plan_import` (check every row: what is created, what updated
by USCC / ID number, what is wrong and why), :func:`run_import` (all good rows in ONE
transaction; cancel rolls it all back). Rows with errors are never half-imported.

A registry can have 446,793 rows, so nothing holds every row: CSV files are read streamed, the
check keeps only the rows with errors (and a preview) in memory and writes each good row,
ready to insert, to a scratch file (storage.import_scratch) that the import reads back.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.forms.unit_import import known_headers, suggest_mapping
from inspector_app.services.session import Session
from inspector_app.services.unit_export import export_units
from inspector_app.services.unit_import_rows import (
    UNIT_COLUMNS,
    RowChecker,
    RowOutcome,
    update_values,
)
from inspector_app.spreadsheets.tables import Table, read_table
from inspector_app.storage.bulk_create import insert_prepared
from inspector_app.storage.import_scratch import ScratchRows
from inspector_app.storage.units import search_index_after

__all__ = ["ImportPlan", "ImportResult", "ImportSource", "RowOutcome", "export_units",
           "large_import", "plan_import", "read_unit_file", "run_import"]

FORM_VERSION = f"{UNIT_FORM.name}/{UNIT_FORM.version}"
# Above this many rows the officer is told before the check starts that it takes minutes and
# how much the database grows (a unit's row, its outbox op and search index entries: 20,000
# registry rows grew a profile by 68 MB).
LARGE_IMPORT_ROWS = 100_000
BYTES_PER_UNIT = 3400  # measured again with the 446,793-row file: 1,515 MB, 3,390 bytes a unit
# While it runs, the import needs more room: the WAL of its one transaction (as large as what
# it writes, 1,524 MB for 446,793 rows) and the checked rows' scratch file (612 MB).
TEMPORARY_BYTES_PER_UNIT = 3400 + 1400
# Good rows kept in memory for the preview (every row with an error is kept).
PREVIEW_GOOD_ROWS = 300
NOTED_ROWS = 1000  # good rows whose cells were silently cleaned, kept to show the note
BATCH = 5000


@dataclass
class ImportSource:
    """A parsed file and the suggested mapping of fields to columns."""

    path: Path
    table: Table
    mapping: dict[str, int | None]


@dataclass
class ImportPlan:
    """The outcome of every row: counted, with every wrong row (and a preview of the good
    ones) in ``rows`` in file order, and the good rows ready to insert in ``store``."""

    rows: list[RowOutcome]
    counts: dict[str, int]
    store: ScratchRows | None = field(default=None, repr=False)

    def count(self, action: str) -> int:
        """How many rows will be created / updated / are wrong."""
        return self.counts.get(action, 0)

    @property
    def total(self) -> int:
        """Rows checked."""
        return sum(self.counts.values())

    def close(self) -> None:
        """Remove the scratch file (also done when the plan is dropped)."""
        if self.store is not None:
            self.store.close()
            self.store = None


@dataclass(frozen=True)
class ImportResult:
    """What the import did."""

    created: int
    updated: int
    unchanged: int
    refused: int


def read_unit_file(session: Session, path: Path, progress: Progress | None = None) -> ImportSource:
    """Parse a registry file and suggest which column holds which field."""
    session.require(Permission.IMPORT_UNITS)
    report = (lambda d, t: progress.update(d, t, "read")) if progress else None
    table = read_table(Path(path), known_headers(), report)
    return ImportSource(Path(path), table, suggest_mapping(table.headers))


def large_import(source: ImportSource) -> tuple[int, int, int] | None:
    """(rows, estimated growth of the database in MB, MB more needed on the disk while the
    import runs) when the file is large enough to warn about (more than
    :data:`LARGE_IMPORT_ROWS` rows), else None."""
    rows = source.table.row_count
    if rows <= LARGE_IMPORT_ROWS:
        return None
    return rows, round(rows * BYTES_PER_UNIT / 1_000_000), round(rows * TEMPORARY_BYTES_PER_UNIT / 1_000_000)


def plan_import(
    session: Session, source: ImportSource, mapping: dict[str, int | None], progress: Progress | None = None
) -> ImportPlan:
    """Check every row with the unit form; find duplicates in the file and matches in the
    database (by USCC, else ID number)."""
    session.require(Permission.IMPORT_UNITS)
    progress = progress or Progress()
    checker = RowChecker(session, mapping)
    kept: list[RowOutcome] = []
    counts = {"create": 0, "update": 0, "error": 0}
    total = source.table.row_count
    previewed = noted = 0

    def good_rows() -> Iterator[list[tuple[Any, ...]]]:
        nonlocal previewed, noted
        batch: list[tuple[Any, ...]] = []
        for n, (number, row) in enumerate(source.table.iter_rows()):
            if n % 1000 == 0:
                progress.check()
                progress.update(n, total, "check")
            outcome = checker.check(number, row)
            counts[outcome.action] += 1
            if outcome.action == "error":
                kept.append(outcome)
                continue
            if previewed < PREVIEW_GOOD_ROWS or (outcome.notes and noted < NOTED_ROWS):
                kept.append(outcome)
                previewed += 1
                noted += bool(outcome.notes)
            batch.append(checker.stored(outcome))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        yield batch

    store = ScratchRows(session.store.paths.root, (*UNIT_COLUMNS, "changes"))
    try:
        store.add_all(good_rows())
    except BaseException:
        store.close()
        raise
    progress.update(total, total, "check")
    return ImportPlan(kept, counts, store)


def run_import(session: Session, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Store every good row in one transaction; cancelling rolls everything back."""
    progress = progress or Progress()
    if plan.store is None:
        raise ValueError("this plan was imported or closed already; check the file again")
    creates, updates = plan.count("create"), plan.count("update")
    good = creates + updates
    unchanged = done = 0
    with session.operation("import_units", Permission.IMPORT_UNITS) as op:
        with search_index_after(session.store.db, creates):
            for batch in plan.store.batches("create", 1000):  # cancel is seen every 1,000 rows
                progress.check()
                progress.update(done, good, "import")
                done += insert_prepared(op.recorder, "unit", UNIT_COLUMNS, [r[3:] for r in batch],
                                        form_version=FORM_VERSION)
            progress.update(done, good, "index")
        progress.check()  # pressed while the indexes were built: still all rolled back
        for batch in plan.store.batches("update", 500):
            progress.check()
            progress.update(done, good, "import")
            for row in batch:
                if not op.recorder.patch("unit", row[2], update_values(row), form_version=FORM_VERSION):
                    unchanged += 1
            done += len(batch)
        op.details.update(created=creates, updated=updates - unchanged, refused=plan.count("error"))
    plan.close()
    _shrink_wal(session)
    progress.update(good, good, "import")
    return ImportResult(creates, updates - unchanged, unchanged, plan.count("error"))


def _shrink_wal(session: Session) -> None:
    # One transaction of a large import leaves a WAL as large as what it wrote (1.7 GB for
    # 446,793 rows in the issue): give the space back now rather than at the next checkpoint.
    # A reader elsewhere may keep it from finishing; it is tried again by SQLite later.
    with contextlib.suppress(sqlite3.Error):
        session.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
