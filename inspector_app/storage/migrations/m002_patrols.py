"""Step 2: evidence photos, patrols with their GPS points, 门前五包 inspections and drafts,
and the agreement's signature/photo on the unit."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Create the patrol and inspection schema."""
    statements = [
        synced_table(
            "photo",
            """
            sha256 TEXT NOT NULL,
            original_sha256 TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            officer_id TEXT NOT NULL,
            lat REAL,
            lon REAL,
            place TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            owner_entity TEXT,
            owner_id TEXT,
            """,
        ),
        "CREATE INDEX photo_owner ON photo(owner_entity, owner_id)",
        synced_table(
            "patrol",
            """
            squad_id TEXT,
            officer_id TEXT NOT NULL,
            officer_ids TEXT NOT NULL DEFAULT '[]',
            road_segment_ids TEXT NOT NULL DEFAULT '[]',
            patrol_date TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open','ended','submitted','approved','returned','resubmitted')),
            distance_m REAL NOT NULL DEFAULT 0,
            duration_s INTEGER NOT NULL DEFAULT 0,
            track TEXT NOT NULL DEFAULT '[]',
            summary TEXT NOT NULL DEFAULT '{}',
            review_comment TEXT NOT NULL DEFAULT '',
            """,
        ),
        "CREATE INDEX patrol_officer ON patrol(officer_id, status)",
        "CREATE INDEX patrol_squad_date ON patrol(squad_id, patrol_date)",
        # Raw positions stay on the device (a point every few seconds); the patrol keeps a
        # thinned track that syncs when the patrol ends.
        """
        CREATE TABLE patrol_point (
            id INTEGER PRIMARY KEY,
            patrol_id TEXT NOT NULL REFERENCES patrol(id),
            recorded_at TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            accuracy_m REAL,
            source TEXT NOT NULL DEFAULT 'manual'
        )
        """,
        "CREATE INDEX patrol_point_patrol ON patrol_point(patrol_id, id)",
        synced_table(
            "frontage_inspection",
            """
            unit_id TEXT NOT NULL REFERENCES unit(id),
            patrol_id TEXT REFERENCES patrol(id),
            officer_id TEXT NOT NULL,
            second_officer_id TEXT,
            inspected_at TEXT NOT NULL,
            results TEXT NOT NULL,
            score REAL,
            compliant INTEGER NOT NULL,
            failed_duties INTEGER NOT NULL DEFAULT 0,
            awareness TEXT NOT NULL DEFAULT 'not_asked'
                CHECK (awareness IN ('yes','no','not_asked')),
            note TEXT NOT NULL DEFAULT '',
            photo_ids TEXT NOT NULL DEFAULT '[]',
            lat REAL,
            lon REAL,
            status TEXT NOT NULL DEFAULT 'submitted',
            """,
        ),
        "CREATE INDEX inspection_unit ON frontage_inspection(unit_id, inspected_at)",
        "CREATE INDEX inspection_patrol ON frontage_inspection(patrol_id)",
        "CREATE INDEX inspection_time ON frontage_inspection(inspected_at)",
        """
        CREATE TABLE inspection_draft (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL,
            patrol_id TEXT,
            officer_id TEXT NOT NULL,
            form_values TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        # Covering index for the rates: grouping keys and agreement state without reading the
        # wide unit rows (search keys make them ~2 KB each).
        """
        CREATE INDEX unit_rates ON unit(id, deleted, district_code, subdistrict_code,
            road_segment_id, squad_id, agreement_signed, agreement_date)
        """,
        "ALTER TABLE unit ADD COLUMN agreement_signature TEXT",
        "ALTER TABLE unit ADD COLUMN agreement_photo_id TEXT",
        "ALTER TABLE unit ADD COLUMN awareness_date TEXT",
    ]
    for sql in statements:
        db.execute(sql)
