"""Step: which decisions were published (公示), by whom, when and in which export.

One row per document per export; the first row of a document is when it was published, and
the overdue-to-publish list is the publishable documents with no row. Synced, so every clerk
of the squad sees what a colleague already handed to the 公示 platform.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Create the publication table."""
    db.execute(synced_table(
        "publication",
        """
        document_id TEXT NOT NULL,
        squad_id TEXT,
        export_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_format TEXT NOT NULL CHECK (file_format IN ('xlsx','csv')),
        published_by TEXT NOT NULL,
        published_at TEXT NOT NULL,
        """,
    ))
    db.execute("CREATE INDEX publication_document ON publication(document_id, published_at)")
