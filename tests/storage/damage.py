"""Damaging a real database file the way a failing disk does: one page zeroed."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(db_file: Path) -> None:
    """Move every WAL page into the main file (so zeroing a page there really damages it)."""
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def pages_of(db_file: Path, name: str, kind: str = "leaf") -> list[int]:
    """Page numbers of table or index ``name`` of the given dbstat page type."""
    conn = sqlite3.connect(f"{db_file.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno", [name, kind]
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def zero_page(db_file: Path, page: int) -> None:
    """Overwrite one page with zeros, in place."""
    conn = sqlite3.connect(db_file)
    try:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    with db_file.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\x00" * size)


def zero_a_page_of(db_file: Path, name: str, which: int = 1) -> int:
    """Checkpoint, then zero the ``which``-th leaf page of ``name``; returns its number."""
    checkpoint(db_file)
    page = pages_of(db_file, name)[which]
    zero_page(db_file, page)
    return page
