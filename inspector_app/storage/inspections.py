"""门前五包 inspections and their autosaved drafts."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("frontage_inspection"))


def save_draft(
    db: sqlite_utils.Database, draft_id: str, unit_id: str, patrol_id: str | None,
    officer_id: str, values: dict[str, Any], now_iso: str,
) -> None:
    """Write (or overwrite) a draft; local only, never synced."""
    db.execute(
        "INSERT INTO inspection_draft(id, unit_id, patrol_id, officer_id, form_values, updated_at) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET form_values = excluded.form_values, "
        "updated_at = excluded.updated_at, patrol_id = excluded.patrol_id",
        [draft_id, unit_id, patrol_id, officer_id, json.dumps(values, ensure_ascii=False), now_iso],
    )


def load_draft(db: sqlite_utils.Database, draft_id: str) -> dict[str, Any] | None:
    """A saved draft's values and time, or None."""
    row = db.execute(
        "SELECT form_values, updated_at FROM inspection_draft WHERE id = ?", [draft_id]
    ).fetchone()
    return {"values": json.loads(row[0]), "updated_at": row[1]} if row else None


def delete_draft(db: sqlite_utils.Database, draft_id: str) -> None:
    """Forget a draft (after the inspection is stored, or when discarded)."""
    db.execute("DELETE FROM inspection_draft WHERE id = ?", [draft_id])


def drafts_of(db: sqlite_utils.Database, officer_id: str) -> list[dict[str, Any]]:
    """An officer's unfinished drafts with the unit's name, newest first."""
    cursor = db.execute(
        "SELECT d.id, d.unit_id, d.patrol_id, d.updated_at, u.name AS unit_name "
        "FROM inspection_draft d JOIN unit u ON u.id = d.unit_id WHERE d.officer_id = ? "
        "ORDER BY d.updated_at DESC",
        [officer_id],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def unit_history(db: sqlite_utils.Database, unit_id: str, since_iso: str) -> list[dict[str, Any]]:
    """A unit's inspections since a time, oldest first: score and per-duty results."""
    cursor = db.execute(
        "SELECT id, inspected_at, score, compliant, results FROM frontage_inspection "
        "WHERE unit_id = ? AND inspected_at >= ? AND deleted = 0 AND superseded = 0 ORDER BY inspected_at, id",
        [unit_id, since_iso],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def get_inspection(db: sqlite_utils.Database, inspection_id: str) -> dict[str, Any] | None:
    """One inspection with its unit's name and address."""
    cursor = db.execute(
        "SELECT fi.*, u.name AS unit_name, u.address AS unit_address FROM frontage_inspection fi "
        "JOIN unit u ON u.id = fi.unit_id WHERE fi.id = ?",
        [inspection_id],
    )
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None
