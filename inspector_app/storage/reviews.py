"""What a supervisor reviews: one squad's day of patrols and inspections, and the reviews."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("review"))


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def day_patrols(db: sqlite_utils.Database, squad_id: str, day: str) -> list[dict[str, Any]]:
    """A squad's patrols of one local date."""
    return _rows(db.execute(
        "SELECT * FROM patrol WHERE squad_id = ? AND patrol_date = ? AND deleted = 0 ORDER BY started_at",
        [squad_id, day],
    ))


def day_inspections(
    db: sqlite_utils.Database, squad_id: str, patrol_ids: list[str], start_utc: str, end_utc: str
) -> list[dict[str, Any]]:
    """Inspections of the day: those of the given patrols, and those made outside a patrol by
    the squad's officers (current revisions only)."""
    marks = ",".join("?" * len(patrol_ids)) or "NULL"
    return _rows(db.execute(
        f"""
        SELECT fi.id, fi.unit_id, fi.patrol_id, fi.officer_id, fi.inspected_at, fi.score, fi.compliant,
               fi.failed_duties, fi.review_status, fi.review_comment, fi.revision_of,
               u.name AS unit_name, u.address AS unit_address, u.road_segment_id
        FROM frontage_inspection fi JOIN unit u ON u.id = fi.unit_id
        WHERE fi.deleted = 0 AND fi.superseded = 0 AND (
            fi.patrol_id IN ({marks})
            OR (fi.patrol_id IS NULL AND fi.inspected_at >= ? AND fi.inspected_at < ?
                AND fi.officer_id IN (SELECT id FROM officer WHERE squad_id = ?)))
        ORDER BY fi.inspected_at
        """,
        [*patrol_ids, start_utc, end_utc, squad_id],
    ))


def road_geometries(db: sqlite_utils.Database, road_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Name and polyline of road segments."""
    if not road_ids:
        return {}
    marks = ",".join("?" * len(road_ids))
    return {
        r["id"]: {"name": r["name"], "geometry": json.loads(r["geometry"])}
        for r in _rows(db.execute(f"SELECT id, name, geometry FROM road_segment WHERE id IN ({marks})", road_ids))
    }


def squad_officer_rows(db: sqlite_utils.Database, squad_id: str) -> list[dict[str, Any]]:
    """Officers of a squad who patrol (officers and supervisors)."""
    return _rows(db.execute(
        "SELECT id, name, badge_no, role FROM officer WHERE squad_id = ? AND deleted = 0 "
        "AND role IN ('officer','supervisor') ORDER BY role DESC, name",
        [squad_id],
    ))


def returned_for(db: sqlite_utils.Database, officer_id: str) -> list[dict[str, Any]]:
    """An officer's patrols and inspections that a supervisor returned, newest first."""
    patrols = _rows(db.execute(
        "SELECT 'patrol' AS entity, id, patrol_date AS day, review_comment AS comment, started_at AS at, "
        "'' AS unit_name, '' AS unit_id FROM patrol WHERE officer_id = ? AND status = 'returned' AND deleted = 0",
        [officer_id],
    ))
    inspections = _rows(db.execute(
        "SELECT 'frontage_inspection' AS entity, fi.id, substr(fi.inspected_at, 1, 10) AS day, "
        "fi.review_comment AS comment, fi.inspected_at AS at, u.name AS unit_name, fi.unit_id "
        "FROM frontage_inspection fi JOIN unit u ON u.id = fi.unit_id "
        "WHERE fi.officer_id = ? AND fi.review_status = 'returned' AND fi.superseded = 0 AND fi.deleted = 0",
        [officer_id],
    ))
    return sorted(patrols + inspections, key=lambda r: r["at"], reverse=True)


# The fields a review decision changes, per entity; undo restores only these.
REVIEWED_FIELDS = {"patrol": ("status", "review_comment"),
                   "frontage_inspection": ("review_status", "review_comment")}


def outbox_seq(db: sqlite_utils.Database) -> int:
    """The newest outbox op's sequence number (0 when empty)."""
    return int(db.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0])


def op_ids_after(db: sqlite_utils.Database, seq: int) -> list[str]:
    """Ids of the outbox ops written after ``seq``, in order."""
    return [r[0] for r in db.execute("SELECT op_id FROM outbox WHERE seq > ? ORDER BY seq", [seq]).fetchall()]


def outbox_ops(db: sqlite_utils.Database, op_ids: list[str]) -> list[dict[str, Any]]:
    """Outbox ops by id (acked ones may have been purged already), in order."""
    marks = ",".join("?" * len(op_ids)) or "NULL"
    return _rows(db.execute(
        f"SELECT op_id, entity, entity_id, op, changes, status FROM outbox WHERE op_id IN ({marks}) ORDER BY seq",
        op_ids,
    ))


def drop_pending_ops(db: sqlite_utils.Database, op_ids: list[str]) -> int:
    """Remove ops that were never pushed; returns how many were removed."""
    marks = ",".join("?" * len(op_ids)) or "NULL"
    return int(db.execute(f"DELETE FROM outbox WHERE op_id IN ({marks}) AND status = 'pending'", op_ids).rowcount)


def review_decisions_by(db: sqlite_utils.Database, officer_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """A reviewer's review decisions and undos from the audit trail, newest first."""
    rows = _rows(db.execute(
        "SELECT seq, at, action, entity, entity_id, details FROM audit_log WHERE officer_id = ? "
        "AND action IN ('review_patrol', 'review_frontage_inspection', 'undo_review') ORDER BY seq DESC LIMIT ?",
        [officer_id, limit],
    ))
    for row in rows:
        row["details"] = json.loads(row["details"] or "{}")
    return rows


def restore_reviewed_fields(db: sqlite_utils.Database, entity: str, entity_id: str, values: dict[str, Any],
                            now_iso: str) -> None:
    """Put a record's review fields back (a decision that never left this laptop)."""
    fields = [f for f in REVIEWED_FIELDS[entity] if f in values]
    if not fields:
        return
    sets = ", ".join(f"{f} = ?" for f in fields)
    db.execute(f'UPDATE "{entity}" SET {sets}, updated_at = ? WHERE id = ?',
               [*(values[f] for f in fields), now_iso, entity_id])


def forget_review(db: sqlite_utils.Database, review_id: str) -> None:
    """Remove a review record that was never pushed."""
    db.execute("DELETE FROM review WHERE id = ?", [review_id])


def patrol_checks(db: sqlite_utils.Database, patrol_ids: list[str]) -> list[dict[str, Any]]:
    """The 八乱 checks recorded on these patrols, in the order they were found."""
    marks = ",".join("?" * len(patrol_ids)) or "NULL"
    return _rows(db.execute(
        f"SELECT id, patrol_id, category, event_code, address, found_at, status FROM disorder_check "
        f"WHERE deleted = 0 AND patrol_id IN ({marks}) ORDER BY found_at",
        patrol_ids,
    ))
