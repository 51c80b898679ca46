"""Patrols, their raw GPS points, and the units along a patrol's roads."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("patrol"))


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _first(cursor: Any) -> dict[str, Any] | None:
    rows = _rows(cursor)
    return rows[0] if rows else None


def open_patrol(db: sqlite_utils.Database, officer_id: str) -> dict[str, Any] | None:
    """The officer's patrol that is still open, if any."""
    return _first(
        db.execute(
            "SELECT * FROM patrol WHERE officer_id = ? AND status = 'open' AND deleted = 0 "
            "ORDER BY started_at DESC LIMIT 1",
            [officer_id],
        )
    )


def get_patrol(db: sqlite_utils.Database, patrol_id: str) -> dict[str, Any] | None:
    """One patrol."""
    return _first(db.execute("SELECT * FROM patrol WHERE id = ?", [patrol_id]))


def add_point(
    db: sqlite_utils.Database, patrol_id: str, recorded_at: str, lat: float, lon: float,
    accuracy_m: float | None, source: str,
) -> None:
    """Append one raw position (local only; never synced point by point)."""
    db.execute(
        "INSERT INTO patrol_point(patrol_id, recorded_at, lat, lon, accuracy_m, source) "
        "VALUES (?,?,?,?,?,?)",
        [patrol_id, recorded_at, lat, lon, accuracy_m, source],
    )


def points(db: sqlite_utils.Database, patrol_id: str) -> list[tuple[float, float, str]]:
    """(lat, lon, recorded_at) of a patrol, in order."""
    return [
        (r[0], r[1], r[2])
        for r in db.execute(
            "SELECT lat, lon, recorded_at FROM patrol_point WHERE patrol_id = ? ORDER BY id",
            [patrol_id],
        ).fetchall()
    ]


def last_point(db: sqlite_utils.Database, patrol_id: str) -> tuple[float, float] | None:
    """The latest position of a patrol."""
    row = db.execute(
        "SELECT lat, lon FROM patrol_point WHERE patrol_id = ? ORDER BY id DESC LIMIT 1", [patrol_id]
    ).fetchone()
    return (row[0], row[1]) if row else None


def last_fix(db: sqlite_utils.Database, patrol_id: str) -> dict[str, Any] | None:
    """The latest position of a patrol with when and how it was recorded (gps / manual)."""
    return _first(
        db.execute(
            "SELECT lat, lon, recorded_at, source FROM patrol_point WHERE patrol_id = ? "
            "ORDER BY id DESC LIMIT 1",
            [patrol_id],
        )
    )


def last_ended_patrol(db: sqlite_utils.Database, officer_id: str) -> dict[str, Any] | None:
    """The officer's most recent patrol that is no longer open."""
    return _first(
        db.execute(
            "SELECT * FROM patrol WHERE officer_id = ? AND status != 'open' AND deleted = 0 "
            "ORDER BY started_at DESC LIMIT 1",
            [officer_id],
        )
    )


def units_on_roads(db: sqlite_utils.Database, road_ids: list[str], patrol_id: str | None) -> list[dict[str, Any]]:
    """Units along the given roads with their latest inspection and whether this patrol
    has checked them already."""
    if not road_ids:
        return []
    marks = ",".join("?" * len(road_ids))
    return _rows(
        db.execute(
            f"""
            SELECT u.id, u.name, u.address, u.lat, u.lon, u.kind, u.star_rating,
                   u.agreement_signed, r.name AS road_name,
                   li.inspected_at AS last_inspected_at, li.score AS last_score,
                   li.compliant AS last_compliant,
                   EXISTS (SELECT 1 FROM frontage_inspection fi WHERE fi.unit_id = u.id
                           AND fi.patrol_id = ? AND fi.deleted = 0) AS checked
            FROM unit u
            JOIN road_segment r ON r.id = u.road_segment_id
            LEFT JOIN frontage_inspection li ON li.id = (
                SELECT id FROM frontage_inspection WHERE unit_id = u.id AND deleted = 0 AND superseded = 0
                ORDER BY inspected_at DESC, id DESC LIMIT 1)
            WHERE u.road_segment_id IN ({marks}) AND u.deleted = 0
            ORDER BY natural_order(r.name), natural_order(u.address)
            """,
            [patrol_id, *road_ids],
        )
    )


def patrol_counts(db: sqlite_utils.Database, patrol_id: str) -> dict[str, int]:
    """Units checked and issues found during a patrol."""
    row = db.execute(
        "SELECT count(*), coalesce(sum(compliant = 0), 0) FROM frontage_inspection "
        "WHERE patrol_id = ? AND deleted = 0",
        [patrol_id],
    ).fetchone()
    return {"inspections": int(row[0]), "non_compliant": int(row[1])}


def road_ids(patrol: dict[str, Any]) -> list[str]:
    """The road segment ids a patrol covers."""
    return list(json.loads(patrol["road_segment_ids"] or "[]"))
