"""Step: supervisors' reviews of patrols and inspections, and inspection revisions."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Review records; review state and revisions on inspections."""
    statements = [
        synced_table(
            "review",
            """
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('approved','returned','resubmitted')),
            comment TEXT NOT NULL DEFAULT '',
            reviewer_id TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,
            """,
        ),
        "CREATE INDEX review_target ON review(entity, entity_id)",
        # Workflow state of an inspection (the inspection itself stays immutable: a returned
        # one is corrected by a new revision that points to it).
        "ALTER TABLE frontage_inspection ADD COLUMN review_status TEXT NOT NULL DEFAULT 'submitted'",
        "ALTER TABLE frontage_inspection ADD COLUMN review_comment TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE frontage_inspection ADD COLUMN revision_of TEXT",
        "ALTER TABLE frontage_inspection ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX patrol_date_officer ON patrol(patrol_date, officer_id)",
    ]
    for sql in statements:
        db.execute(sql)
