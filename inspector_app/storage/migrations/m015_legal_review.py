"""Step: 法制审核 (issue 19): a synced ``legal_review`` per decision held back for review.

A review names its subject (violation and document type), why it is needed, the laptop's
decision and, when the server re-decided at push, the server's with the prior record it found;
then the reviewer's decision and opinion. Decided reviews are final (the server enforces it).
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """The legal_review table and its two lookups."""
    statements = [
        synced_table(
            "legal_review",
            """
            violation_id TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            squad_id TEXT,
            origin TEXT NOT NULL DEFAULT 'laptop' CHECK (origin IN ('laptop','server')),
            reasons TEXT NOT NULL DEFAULT '[]',
            item_code TEXT NOT NULL DEFAULT '',
            laptop_decision TEXT NOT NULL DEFAULT '',
            laptop_reasons TEXT NOT NULL DEFAULT '[]',
            server_decision TEXT NOT NULL DEFAULT '',
            server_reasons TEXT NOT NULL DEFAULT '[]',
            priors TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','returned')),
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            reviewer_id TEXT NOT NULL DEFAULT '',
            opinion TEXT NOT NULL DEFAULT '',
            decided_at TEXT,
            """,
        ),
        # The gate before issuing: the reviews of one violation's document, newest first.
        "CREATE INDEX legal_review_subject ON legal_review(violation_id, doc_type, requested_at)",
        # The reviewer's queue: a squad's pending reviews, oldest first.
        "CREATE INDEX legal_review_queue ON legal_review(squad_id, status, requested_at) WHERE deleted = 0",
    ]
    for sql in statements:
        db.execute(sql)
