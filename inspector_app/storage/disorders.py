"""八乱 checks: repeat-place candidates, the filtered list, counts, re-checks due, timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("disorder_check"))
register_entity(EntitySpec("disorder_event"))

LIST_LIMIT = 1000


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def nearby_same_category(
    db: sqlite_utils.Database, category: str, cells: list[tuple[int, int]], since_iso: str,
    exclude_id: str | None = None,
) -> list[dict[str, Any]]:
    """Checks of a category in the given grid cells found since a time (repeat candidates)."""
    clauses = " OR ".join("(cell_x = ? AND cell_y = ?)" for _ in cells)
    params: list[Any] = [category]
    for x, y in cells:
        params += [x, y]
    params += [since_iso, exclude_id or ""]
    return _rows(db.execute(
        f"SELECT id, lat, lon, found_at, status FROM disorder_check WHERE category = ? AND ({clauses}) "
        "AND found_at >= ? AND id != ? AND deleted = 0 ORDER BY found_at DESC",
        params,
    ))


@dataclass(frozen=True)
class CheckFilter:
    """What the list is narrowed to."""

    category: str | None = None
    status: str | None = None
    road_segment_id: str | None = None
    district_code: str | None = None
    officer_id: str | None = None
    squad_id: str | None = None
    start_utc: str | None = None
    end_utc: str | None = None
    repeat_only: bool = False


def _where(f: CheckFilter) -> tuple[str, list[Any]]:
    clauses, params = ["c.deleted = 0"], []
    for column, value in (("c.category", f.category), ("c.status", f.status), ("c.road_segment_id", f.road_segment_id),
                          ("c.found_by", f.officer_id), ("c.squad_id", f.squad_id)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.district_code:
        clauses.append("c.road_segment_id IN (SELECT id FROM road_segment WHERE district_code = ?)")
        params.append(f.district_code)
    if f.start_utc:
        clauses.append("c.found_at >= ?")
        params.append(f.start_utc)
    if f.end_utc:
        clauses.append("c.found_at < ?")
        params.append(f.end_utc)
    if f.repeat_only:
        clauses.append("c.repeat_of IS NOT NULL")  # matches the partial index disorder_repeat
    return " AND ".join(clauses), params


def list_checks(db: sqlite_utils.Database, f: CheckFilter, limit: int = LIST_LIMIT) -> tuple[int, list[dict[str, Any]]]:
    """(how many match, the newest ``limit`` of them with road and officer names)."""
    where, params = _where(f)
    total = db.execute(f"SELECT count(*) FROM disorder_check c WHERE {where}", params).fetchone()[0]
    rows = _rows(db.execute(
        f"""
        SELECT c.id, c.category, c.event_code, c.status, c.disposal, c.found_at, c.deadline, c.address,
               c.repeat_of, c.lat, c.lon, c.description, r.name AS road_name, o.name AS officer_name
        FROM disorder_check c
        LEFT JOIN road_segment r ON r.id = c.road_segment_id
        LEFT JOIN officer o ON o.id = c.found_by
        WHERE {where} ORDER BY c.found_at DESC LIMIT {int(limit)}
        """,
        params,
    ))
    return int(total), rows


def counts(db: sqlite_utils.Database, f: CheckFilter, by: str) -> list[tuple[str, int]]:
    """Counts per category, road or disposal for a filter."""
    column = {"category": "c.category", "road": "c.road_segment_id", "disposal": "c.disposal"}[by]
    where, params = _where(f)
    return [(str(k or ""), int(n)) for k, n in db.execute(
        f"SELECT {column}, count(*) FROM disorder_check c WHERE {where} GROUP BY 1 ORDER BY 2 DESC", params)]


def get_check(db: sqlite_utils.Database, check_id: str) -> dict[str, Any] | None:
    """One check with road, unit and officer names."""
    rows = _rows(db.execute(
        "SELECT c.*, r.name AS road_name, u.name AS unit_name, o.name AS officer_name FROM disorder_check c "
        "LEFT JOIN road_segment r ON r.id = c.road_segment_id LEFT JOIN unit u ON u.id = c.unit_id "
        "LEFT JOIN officer o ON o.id = c.found_by WHERE c.id = ?",
        [check_id],
    ))
    return rows[0] if rows else None


def timeline(db: sqlite_utils.Database, check_id: str) -> list[dict[str, Any]]:
    """A check's events in order, with officer names."""
    return _rows(db.execute(
        "SELECT e.*, o.name AS officer_name FROM disorder_event e LEFT JOIN officer o ON o.id = e.officer_id "
        "WHERE e.check_id = ? AND e.deleted = 0 ORDER BY e.at, e.rowid",
        [check_id],
    ))


def rechecks_due(db: sqlite_utils.Database, squad_id: str | None, until_date: str) -> list[dict[str, Any]]:
    """Checks being handled whose deadline is on or before ``until_date``, oldest first."""
    scope = "AND c.squad_id = ?" if squad_id else ""
    params = [until_date] + ([squad_id] if squad_id else [])
    return _rows(db.execute(
        f"SELECT c.id, c.category, c.address, c.deadline, c.found_by, o.name AS officer_name, r.name AS road_name "
        f"FROM disorder_check c LEFT JOIN officer o ON o.id = c.found_by "
        f"LEFT JOIN road_segment r ON r.id = c.road_segment_id "
        f"WHERE c.status = 'handling' AND c.deadline IS NOT NULL AND c.deadline <= ? AND c.deleted = 0 {scope} "
        f"ORDER BY c.deadline",
        params,
    ))
