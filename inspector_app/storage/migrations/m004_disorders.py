"""Step: 八乱 street-disorder checks and their timeline."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Disorder checks (with a 50 m grid cell for repeat-place lookups) and their events."""
    statements = [
        synced_table(
            "disorder_check",
            """
            category TEXT NOT NULL,
            event_code TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            cell_x INTEGER NOT NULL,
            cell_y INTEGER NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            road_segment_id TEXT,
            grid_code TEXT NOT NULL DEFAULT '',
            squad_id TEXT,
            unit_id TEXT,
            party_name TEXT NOT NULL DEFAULT '',
            party_id_number TEXT NOT NULL DEFAULT '',
            party_phone TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            photo_ids TEXT NOT NULL DEFAULT '[]',
            found_at TEXT NOT NULL,
            found_hlc TEXT NOT NULL,
            clock_suspect INTEGER NOT NULL DEFAULT 0,
            found_by TEXT NOT NULL,
            patrol_id TEXT,
            source_inspection_id TEXT,
            repeat_of TEXT,
            status TEXT NOT NULL DEFAULT 'found'
                CHECK (status IN ('found','handling','rectified','filed','transferred','verified')),
            disposal TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            disposal_note TEXT NOT NULL DEFAULT '',
            after_photo_ids TEXT NOT NULL DEFAULT '[]',
            transfer_department TEXT NOT NULL DEFAULT '',
            transferred_at TEXT,
            transferred_by TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            """,
        ),
        # Repeat places: same category, nearby 50 m cells, recent; a covering index makes the
        # lookup a handful of index probes even with hundreds of thousands of checks.
        "CREATE INDEX disorder_place ON disorder_check(category, cell_x, cell_y, found_at, lat, lon)",
        "CREATE INDEX disorder_found ON disorder_check(found_at)",
        "CREATE INDEX disorder_status ON disorder_check(status, deadline)",
        "CREATE INDEX disorder_status_found ON disorder_check(status, found_at)",
        "CREATE INDEX disorder_category_found ON disorder_check(category, found_at)",
        "CREATE INDEX disorder_repeat ON disorder_check(found_at) WHERE repeat_of IS NOT NULL",
        "CREATE INDEX disorder_road ON disorder_check(road_segment_id, found_at)",
        "CREATE INDEX disorder_officer ON disorder_check(found_by, found_at)",
        synced_table(
            "disorder_event",
            """
            check_id TEXT NOT NULL REFERENCES disorder_check(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            status_from TEXT NOT NULL DEFAULT '',
            status_to TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            officer_id TEXT NOT NULL,
            photo_ids TEXT NOT NULL DEFAULT '[]',
            """,
        ),
        "CREATE INDEX disorder_event_check ON disorder_event(check_id, at)",
    ]
    for sql in statements:
        db.execute(sql)
