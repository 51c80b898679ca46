"""Small key/value settings kept in the database (device id, HLC, sync cursor)."""

from __future__ import annotations

import sqlite_utils

from inspector_app.domain.ids import uuid7


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    """Read one value."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Write one value (call inside a transaction)."""
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def device_id(db: sqlite_utils.Database) -> str:
    """This device's id, made once when the profile is created."""
    value = get_meta(db, "device_id")
    if value is None:
        value = uuid7()
        set_meta(db, "device_id", value)
    return value
