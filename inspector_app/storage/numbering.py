"""Official document numbers.

Contract (shared with sync): numbers live in blocks in ``number_block`` (doc_type, year,
squad_id, range_start..range_end, next_value, source = 'local' | 'lease' | 'provisional',
lease_id). :func:`take_number` is called INSIDE the transaction that issues the document, so
a number is used exactly when the document exists: a crash before commit gives the number
back, a crash after it keeps both. A number that is taken but not used is recorded in
``voided_number`` with its reason, never dropped silently. Server leases are preferred to the
device's own local block; sync inserts leased blocks and replaces provisional numbers.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.domain.ids import uuid7

LOCAL_BLOCK_SIZE = 9999


def take_number(
    db: sqlite_utils.Database, doc_type: str, squad_id: str | None, year: int, now_iso: str = ""
) -> tuple[int, str, str]:
    """(value, block id, source) of the next free number. A leased block is used first; with
    no lease left, a device that syncs with a server takes a provisional number (the server
    replaces it), and a device without a server opens a local block."""
    synced = _has_server(db)
    row = db.execute(
        "SELECT id, next_value, source FROM number_block WHERE doc_type = ? AND year = ? "
        "AND squad_id IS ? AND next_value <= range_end AND (source = 'lease' OR source = ?) "
        "ORDER BY CASE source WHEN 'lease' THEN 0 ELSE 1 END, range_start LIMIT 1",
        [doc_type, year, squad_id, "provisional" if synced else "local"],
    ).fetchone()
    if row is None:
        source = "provisional" if synced else "local"
        block_id = uuid7()
        start = 1 + int(db.execute(
            "SELECT coalesce(max(range_end), 0) FROM number_block WHERE doc_type = ? AND year = ? "
            "AND squad_id IS ? AND source = ?", [doc_type, year, squad_id, source]).fetchone()[0])
        db.execute(
            "INSERT INTO number_block(id, doc_type, year, squad_id, range_start, range_end, next_value,"
            " source, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [block_id, doc_type, year, squad_id, start, start + LOCAL_BLOCK_SIZE - 1, start, source, now_iso],
        )
        row = (block_id, start, source)
    block_id, value, source = row
    db.execute("UPDATE number_block SET next_value = next_value + 1 WHERE id = ?", [block_id])
    return int(value), str(block_id), str(source)


def _has_server(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM sync_state WHERE key = 'server_url'").fetchone()
    return bool(row and row[0])


def number_template(db: sqlite_utils.Database, squad_id: str | None, doc_type: str) -> str | None:
    """The squad's configured number format for a document type, if any."""
    row = db.execute(
        "SELECT template FROM number_format WHERE squad_id = ? AND doc_type = ?", [squad_id or "", doc_type]
    ).fetchone()
    return str(row[0]) if row else None


def set_number_template(db: sqlite_utils.Database, squad_id: str | None, doc_type: str, template: str) -> None:
    """Configure a squad's number format for a document type."""
    db.execute(
        "INSERT INTO number_format(squad_id, doc_type, template) VALUES (?,?,?) "
        "ON CONFLICT(squad_id, doc_type) DO UPDATE SET template = excluded.template",
        [squad_id or "", doc_type, template],
    )
