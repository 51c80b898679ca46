"""Importing a unit registry (.xlsx/.csv) and exporting units to .xlsx.

Three steps the UI walks through: :func:`read_unit_file` (parse, suggest a column mapping),
:func:`plan_import` (check every row: what is created, what updated by USCC / ID number, what
is wrong and why), :func:`run_import` (all good rows in ONE transaction; cancel rolls it all
back). Rows with errors are never half-imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import FieldError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.forms.engine import clean, notes
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.forms.unit_import import (
    EXPORT_HEADERS,
    known_headers,
    row_values,
    suggest_mapping,
)
from inspector_app.services.session import Session
from inspector_app.services.units import _stored_values, road_places, unit_form_context
from inspector_app.spreadsheets.tables import Table, read_table
from inspector_app.storage.officers import road_segments
from inspector_app.storage.records import create_many
from inspector_app.storage.units import search_index_after

FORM_VERSION = f"{UNIT_FORM.name}/{UNIT_FORM.version}"
# Above this many rows the officer is told before the check starts that it takes minutes and
# how much the database grows (a unit's row, its outbox op and search index entries: 20,000
# registry rows grew a profile by 68 MB).
LARGE_IMPORT_ROWS = 100_000
BYTES_PER_UNIT = 3400


@dataclass
class ImportSource:
    """A parsed file and the suggested mapping of fields to columns."""

    path: Path
    table: Table
    mapping: dict[str, int | None]


@dataclass(slots=True)  # one per row of the file: no per-instance __dict__
class RowOutcome:
    """What will happen to one row."""

    row_number: int
    values: dict[str, Any]
    action: str  # "create" | "update" | "error"
    unit_id: str | None = None
    errors: list[FieldError] = field(default_factory=list)
    # Changes made silently that the officer should know of (invisible characters removed).
    notes: list[FieldError] = field(default_factory=list)


@dataclass
class ImportPlan:
    """Every row's outcome."""

    rows: list[RowOutcome]

    def count(self, action: str) -> int:
        """How many rows will be created / updated / are wrong."""
        return sum(1 for r in self.rows if r.action == action)


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


def large_import(source: ImportSource) -> tuple[int, int] | None:
    """(rows, estimated growth of the database in MB) when the file is large enough to warn
    about (more than :data:`LARGE_IMPORT_ROWS` rows), else None."""
    rows = len(source.table.rows)
    if rows <= LARGE_IMPORT_ROWS:
        return None
    return rows, round(rows * BYTES_PER_UNIT / 1_000_000)


def _existing(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    db = session.store.db
    by_uscc = dict(db.execute("SELECT uscc, id FROM unit WHERE uscc IS NOT NULL AND deleted = 0").fetchall())
    by_id = dict(db.execute("SELECT id_number, id FROM unit WHERE id_number IS NOT NULL AND deleted = 0").fetchall())
    return by_uscc, by_id


def plan_import(
    session: Session, source: ImportSource, mapping: dict[str, int | None], progress: Progress | None = None
) -> ImportPlan:
    """Check every row with the unit form; find duplicates in the file and matches in the
    database (by USCC, else ID number)."""
    session.require(Permission.IMPORT_UNITS)
    progress = progress or Progress()
    ctx = unit_form_context(session, all_roads=True, mode="import")
    if ctx.covers is not None:
        # The fonts do not change during one check; each character is looked up once.
        ctx = replace(ctx, covers=cache(ctx.covers))
    roads = {r["name"]: r["id"] for r in road_segments(session.store.db)}
    by_uscc, by_idno = _existing(session)
    seen: dict[str, int] = {}
    outcomes: list[RowOutcome] = []
    total = len(source.table.rows)
    for n, (row, number) in enumerate(zip(source.table.rows, source.table.row_numbers, strict=True)):
        if n % 1000 == 0:
            progress.check()
            progress.update(n, total, "check")
        raw = row_values(row, mapping, roads)
        values, errors = clean(UNIT_FORM, raw, ctx)
        road = raw.get("road_segment_id")
        if isinstance(road, str) and road.startswith("?"):
            errors = [e for e in errors if e.field != "road_segment_id"] + [FieldError(
                "road_segment_id",
                QT_TRANSLATE_NOOP("forms", "There is no road segment named {road}; check the name or leave it empty."),
                {"road": road[1:]},
            )]
        key = values.get("uscc") or values.get("id_number")
        if key and not errors:
            if key in seen:
                errors.append(FieldError(
                    "uscc" if values.get("uscc") else "id_number",
                    QT_TRANSLATE_NOOP("forms", "The same code is already in row {row} of this file."),
                    {"row": seen[key]},
                ))
            else:
                seen[key] = number
        noted = notes(UNIT_FORM, raw)
        if errors:
            outcomes.append(RowOutcome(number, values, "error", errors=errors, notes=noted))
            continue
        match = by_uscc.get(values.get("uscc") or "") or by_idno.get(values.get("id_number") or "")
        outcomes.append(RowOutcome(number, values, "update" if match else "create", match, notes=noted))
    progress.update(total, total, "check")
    return ImportPlan(outcomes)


def run_import(session: Session, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Store every good row in one transaction; cancelling rolls everything back."""
    progress = progress or Progress()
    good = [r for r in plan.rows if r.action != "error"]
    roads = road_places(session)
    creates = [r for r in good if r.action == "create"]
    updates = [r for r in good if r.action == "update"]
    unchanged = 0
    with session.operation("import_units", Permission.IMPORT_UNITS) as op:
        with search_index_after(session.store.db, len(creates)):
            for start in range(0, len(creates), 2000):
                progress.check()
                progress.update(start, len(good), "import")
                # Stored values a batch at a time: a second copy of every row never exists.
                batch = [_stored_values(session, r.values, roads) for r in creates[start : start + 2000]]
                create_many(op.recorder, "unit", batch, form_version=FORM_VERSION)
        for n, row in enumerate(updates):
            if n % 500 == 0:
                progress.check()
                progress.update(len(creates) + n, len(good), "import")
            assert row.unit_id is not None
            stored = {k: v for k, v in _stored_values(session, row.values, roads).items()
                      if v not in (None, "")}
            if not op.recorder.patch("unit", row.unit_id, stored, form_version=FORM_VERSION):
                unchanged += 1
        op.details.update(created=len(creates), updated=len(updates) - unchanged, refused=plan.count("error"))
    progress.update(len(good), len(good), "import")
    return ImportResult(len(creates), len(updates) - unchanged, unchanged, plan.count("error"))


def export_units(session: Session, path: Path, progress: Progress | None = None) -> int:
    """Write every live unit to .xlsx with the headers the import understands."""
    from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

    session.require(Permission.VIEW_UNITS)
    progress = progress or Progress()
    fields = [f for f in EXPORT_HEADERS if f not in ("lat", "lon")] + ["lat", "lon"]
    cursor = session.store.db.execute(
        "SELECT u.*, r.name AS road FROM unit u LEFT JOIN road_segment r ON r.id = u.road_segment_id "
        "WHERE u.deleted = 0 ORDER BY u.sort_key"
    )
    names = [d[0] for d in cursor.description]
    kinds = {"individual": "个体工商户", "enterprise": "企业", "institution": "机关事业单位",
             "organisation": "社会团体", "resident": "居民住户"}
    count = 0

    def rows() -> Any:
        nonlocal count
        for raw in cursor:
            record = dict(zip(names, raw, strict=True))
            record["kind"] = kinds.get(record["kind"], record["kind"])
            for flag in ("agreement_signed", "awareness"):
                record[flag] = "是" if record[flag] else "否"
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.update(count, 0, "export")
            yield [record.get(f) for f in fields]

    write_workbook(Path(path), [Sheet("责任单位", [EXPORT_HEADERS[f] for f in fields], rows())])
    return count
