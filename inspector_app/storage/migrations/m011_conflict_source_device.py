"""Step: the conflict record names the laptop whose push made it in its own column.

The server used to send that laptop's id in a field called ``device_id``, the name of every
synced table's own sync column (which device last wrote the row). A laptop that pulled the
conflict as a new row kept "server" there, one that pulled an update kept the pushing laptop:
the squad's laptops disagreed. The field is now ``source_device_id``.
"""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Add conflict.source_device_id, fill it from rows whose sync column holds the pushing
    laptop, and give those rows back the server as their writer (the server makes conflicts)."""
    db.execute("ALTER TABLE conflict ADD COLUMN source_device_id TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE conflict SET source_device_id = device_id, device_id = 'server' WHERE device_id != 'server'")
