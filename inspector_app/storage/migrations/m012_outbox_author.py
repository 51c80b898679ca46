"""Step: every outbox op names the officer who made it.

On a shared laptop each officer's changes go to the server under that officer's own sign-in
(the server refuses an op whose author is not the account it came with). Ops queued before
this step were all going to be sent with the laptop's one server sign-in, so they are given
that account as their author; on a laptop that never signed in they stay without one and go
with whoever signs in first, as before.
"""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Add outbox.author_id and fill it for queued ops from the laptop's server account."""
    db.execute("ALTER TABLE outbox ADD COLUMN author_id TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE outbox SET author_id = coalesce((SELECT value FROM sync_state WHERE key = 'officer_id'), '') "
               "WHERE status = 'pending'")
    db.execute("CREATE INDEX outbox_author ON outbox(status, author_id, seq)")
