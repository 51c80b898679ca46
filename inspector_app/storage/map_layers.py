"""The reads behind the map's layers and its side panel (services/map_data.py turns them into
points and lines)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

Row = tuple[Any, ...]

_SQUAD = "(squad_id IS :squad OR :squad IS NULL)"


def unit_centre(db: sqlite_utils.Database, squad_id: str | None) -> tuple[float, float] | None:
    """The mean position of a squad's units, or None when none has a position."""
    row = db.execute("SELECT avg(lat), avg(lon) FROM unit WHERE squad_id IS ? AND lat IS NOT NULL AND deleted = 0",
                     [squad_id]).fetchone()
    return None if not row or row[0] is None else (float(row[0]), float(row[1]))


def units_with_last_result(db: sqlite_utils.Database, squad_id: str | None = None) -> list[Row]:
    """(lat, lon, id, name, agreement_signed, compliant of the last inspection or None) of every
    placed unit (of one squad, if given)."""
    scope = "AND u.squad_id = :squad" if squad_id else ""
    return db.execute(
        f"""
        WITH last AS (
            SELECT unit_id, compliant, row_number() OVER (PARTITION BY unit_id ORDER BY inspected_at DESC, id DESC) AS n
            FROM frontage_inspection WHERE deleted = 0 AND superseded = 0
        )
        SELECT u.lat, u.lon, u.id, u.name, u.agreement_signed, l.compliant
        FROM unit u LEFT JOIN last l ON l.unit_id = u.id AND l.n = 1
        WHERE u.deleted = 0 AND u.lat IS NOT NULL {scope}
        """,
        {"squad": squad_id},
    ).fetchall()


def placed_checks(db: sqlite_utils.Database, since: str, open_only: bool) -> list[Row]:
    """(lat, lon, category, id, address, description) of 八乱 checks found since ``since``."""
    status = "AND status IN ('found','handling')" if open_only else ""
    return db.execute(f"SELECT lat, lon, category, id, address, description FROM disorder_check WHERE deleted = 0 "
                      f"AND lat IS NOT NULL AND found_at >= ? {status}", [since]).fetchall()


def day_patrols(db: sqlite_utils.Database, day: str, squad_id: str | None) -> list[Row]:
    """(id, track JSON, status, officer name) of a day's patrols (of one squad, if given)."""
    return db.execute(
        "SELECT p.id, p.track, p.status, o.name FROM patrol p JOIN officer o ON o.id = p.officer_id "
        "WHERE p.patrol_date = :day AND p.deleted = 0 AND (p.squad_id IS :squad OR :squad IS NULL)",
        {"day": day, "squad": squad_id}).fetchall()


def raw_track(db: sqlite_utils.Database, patrol_id: str) -> list[list[float]]:
    """Every recorded position of an open patrol, in order."""
    return [[lat, lon] for lat, lon in db.execute(
        "SELECT lat, lon FROM patrol_point WHERE patrol_id = ? ORDER BY id", [patrol_id]).fetchall()]


def road_geometries(db: sqlite_utils.Database, squad_id: str | None) -> list[Row]:
    """(id, name, geometry JSON) of a squad's live road segments (all, without a squad), by name."""
    return db.execute(f"SELECT id, name, geometry FROM road_segment WHERE deleted = 0 AND {_SQUAD} ORDER BY natural_order(name)",
                      {"squad": squad_id}).fetchall()


_SUMMARIES = {
    "units": "SELECT u.name, u.address, u.contact, u.phone, u.agreement_signed, u.star_rating, r.name, "
             "(SELECT inspected_at || ' ' || compliant FROM frontage_inspection WHERE unit_id = u.id AND deleted = 0 "
             "AND superseded = 0 ORDER BY inspected_at DESC LIMIT 1) "
             "FROM unit u LEFT JOIN road_segment r ON r.id = u.road_segment_id WHERE u.id = ?",
    "checks": "SELECT category, status, address, description, found_at, deadline FROM disorder_check WHERE id = ?",
    "notices": "SELECT party_name, item_code, number, deadline, status FROM violation WHERE id = ?",
    "roads": "SELECT name, street_name, length_m FROM road_segment WHERE id = ?",
    "orders": "SELECT w.platform_no, w.title, w.address, w.description, w.deadline, o.name FROM work_order w "
              "LEFT JOIN officer o ON o.id = w.assignee_id WHERE w.id = ?",
    "tracks": "SELECT o.name, p.patrol_date, p.status, p.distance_m FROM patrol p "
              "JOIN officer o ON o.id = p.officer_id WHERE p.id = ?",
}


def summary(db: sqlite_utils.Database, layer: str, item_id: str) -> Row | None:
    """The few columns the side panel shows for one item of a layer (None if it is gone)."""
    sql = _SUMMARIES.get(layer)
    return db.execute(sql, [item_id]).fetchone() if sql else None
