"""Step: 八乱 checks by status without reading each row to see whether it was deleted."""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """(status, deleted, found_at): counting 50,000 checks 处置中 is an index-only read, and the
    newest-first list still comes in index order."""
    db.execute("DROP INDEX IF EXISTS disorder_status_found")
    db.execute("CREATE INDEX disorder_status_found ON disorder_check(status, deleted, found_at)")
