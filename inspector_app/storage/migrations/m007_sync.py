"""Step: sync state (server address, tokens, cursor, last sync), the supervisors' conflict
queue, and upload state of attachments. The outbox itself exists since step 1."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Create the sync tables."""
    statements = [
        "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Made on the server when two devices changed the same field; resolved by a supervisor.
        synced_table(
            "conflict",
            """
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            base_value TEXT,
            server_value TEXT,
            device_value TEXT,
            op_id TEXT NOT NULL DEFAULT '',
            officer_id TEXT NOT NULL DEFAULT '',
            squad_id TEXT,
            detected_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
            resolution TEXT NOT NULL DEFAULT '',
            resolved_by TEXT NOT NULL DEFAULT '',
            resolved_at TEXT,
            """,
        ),
        "CREATE INDEX conflict_open ON conflict(status, detected_at)",
        "ALTER TABLE blob ADD COLUMN upload_attempts INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE blob ADD COLUMN upload_error TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX blob_pending ON blob(uploaded) WHERE uploaded = 0",
    ]
    for sql in statements:
        db.execute(sql)
