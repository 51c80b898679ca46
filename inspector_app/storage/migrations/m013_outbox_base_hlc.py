"""Step: a delete op remembers the HLC of the version it deleted.

The server compares it with the record's current stamp: a delete of a version older than an
edit another laptop pushed meanwhile makes a conflict record instead of silently dropping the
edit. Ops queued before this step have none and are applied as before.
"""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Add outbox.base_hlc (empty for ops queued before)."""
    db.execute("ALTER TABLE outbox ADD COLUMN base_hlc TEXT NOT NULL DEFAULT ''")
