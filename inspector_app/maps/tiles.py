"""Offline tiles: an MBTiles file (SQLite, TMS row order) read for the map and filled by the
"download this area" action."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class MBTiles:
    """One MBTiles file; safe to read from the UI thread (tiny indexed reads) and to write from
    a worker (each thread has its own connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=10)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)")
            conn.execute("CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                         " tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))")
            conn.commit()
            self._local.conn = conn
        return conn

    def get(self, z: int, x: int, y: int) -> bytes | None:
        """A tile's bytes (XYZ numbering), or None."""
        if not self.path.exists():
            return None
        row = self._conn().execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, (2**z - 1) - y),
        ).fetchone()
        return bytes(row[0]) if row else None

    def has(self, z: int, x: int, y: int) -> bool:
        """Whether a tile is stored."""
        return self.get(z, x, y) is not None

    def put_many(self, tiles: list[tuple[int, int, int, bytes]]) -> None:
        """Store tiles (XYZ numbering) in one transaction."""
        conn = self._conn()
        with conn:
            conn.executemany("INSERT OR REPLACE INTO tiles VALUES (?,?,?,?)",
                             [(z, x, (2**z - 1) - y, data) for z, x, y, data in tiles])

    def set_metadata(self, **values: str) -> None:
        """Write MBTiles metadata rows (name, format, bounds …)."""
        conn = self._conn()
        with conn:
            conn.executemany("INSERT OR REPLACE INTO metadata VALUES (?,?)", list(values.items()))

    def count(self) -> int:
        """How many tiles are stored."""
        if not self.path.exists():
            return 0
        return int(self._conn().execute("SELECT count(*) FROM tiles").fetchone()[0])
