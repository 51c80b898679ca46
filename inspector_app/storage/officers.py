"""Officers, squads and road segments as the login, status bar and pickers need them."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def _one(db: sqlite_utils.Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _all(db: sqlite_utils.Database, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


_ACTIVE_OFFICER = ("SELECT o.*, s.name AS squad_name FROM officer o LEFT JOIN squad s ON s.id = o.squad_id "
                   "WHERE o.deleted = 0 AND o.active = 1")


def officer_by_username(db: sqlite_utils.Database, username: str) -> dict[str, Any] | None:
    """The active officer with this login name, with squad name, or None."""
    return _one(db, f"{_ACTIVE_OFFICER} AND o.username = ?", [username])


def officer_by_id(db: sqlite_utils.Database, officer_id: str) -> dict[str, Any] | None:
    """The active officer with this id, with squad name, or None."""
    return _one(db, f"{_ACTIVE_OFFICER} AND o.id = ?", [officer_id])


def officers(db: sqlite_utils.Database, squad_id: str | None = None) -> list[dict[str, Any]]:
    """Live officers (of one squad, if given), by name."""
    where, params = ("AND squad_id = ?", [squad_id]) if squad_id else ("", [])
    return _all(
        db,
        f"SELECT id, username, name, badge_no, role, squad_id FROM officer "
        f"WHERE deleted = 0 {where} ORDER BY name",
        params,
    )


def squads(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """All live squads."""
    return _all(db, "SELECT * FROM squad WHERE deleted = 0 ORDER BY district_code, name")


def road_segments(db: sqlite_utils.Database, squad_id: str | None = None) -> list[dict[str, Any]]:
    """Live road segments (of one squad, if given), by name in natural order."""
    where, params = ("AND squad_id = ?", [squad_id]) if squad_id else ("", [])
    return _all(
        db,
        f"SELECT id, name, street_name, district_code, subdistrict_code, grid_code, squad_id, "
        f"length_m, road_chief FROM road_segment WHERE deleted = 0 {where} ORDER BY natural_order(name)",
        params,
    )


def road_table_stamp(db: sqlite_utils.Database) -> tuple[Any, ...]:
    """Changes whenever a road segment is added, renamed, edited or deleted (for caches)."""
    return tuple(db.execute("SELECT count(*), max(updated_at), max(hlc), total(length(name)), total(deleted) "
                            "FROM road_segment").fetchone())


def login_state(db: sqlite_utils.Database, username: str) -> tuple[int, str | None]:
    """(failures so far, locked-until ISO time or None) for a login name."""
    row = db.execute(
        "SELECT failures, locked_until FROM login_attempt WHERE username = ?", [username]
    ).fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def set_login_state(
    db: sqlite_utils.Database, username: str, failures: int, locked_until: str | None
) -> None:
    """Store the failure count and lock for a login name."""
    db.execute(
        "INSERT INTO login_attempt(username, failures, locked_until) VALUES (?,?,?) "
        "ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, "
        "locked_until = excluded.locked_until",
        [username, failures, locked_until],
    )
