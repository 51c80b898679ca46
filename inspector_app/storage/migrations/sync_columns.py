"""The columns every synced table carries (design.md §3)."""

SYNC_COLUMNS = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    server_seq INTEGER,
    deleted INTEGER NOT NULL DEFAULT 0
"""


def synced_table(name: str, columns: str) -> str:
    """CREATE TABLE for a synced entity: a UUIDv7 text id, the given columns, sync columns."""
    return f"CREATE TABLE {name} (\n    id TEXT PRIMARY KEY,\n{columns.rstrip().rstrip(',')},\n{SYNC_COLUMNS})"
