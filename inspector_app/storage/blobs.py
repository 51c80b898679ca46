"""Attachments (photos, signatures, PDFs) stored once each, as files named by their sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import sqlite_utils


class BlobStore:
    """Content-addressed files under ``root/ab/abcdef...``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        """Where the blob with this hash lives (whether or not it exists yet)."""
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        """Whether the blob's file is present."""
        return self.path(sha256).exists()

    def put_bytes(self, data: bytes) -> str:
        """Store ``data`` durably (written, fsynced, then renamed into place); return its hash."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        return digest

    def put_file(self, source: Path) -> str:
        """Store a copy of a file; return its hash."""
        return self.put_bytes(Path(source).read_bytes())

    def read(self, sha256: str) -> bytes:
        """The blob's bytes (FileNotFoundError if absent)."""
        return self.path(sha256).read_bytes()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def register_blob(
    db: sqlite_utils.Database, sha256: str, size: int, mime: str, now_iso: str
) -> None:
    """Record a stored blob in the database (inside the transaction that references it)."""
    db.execute(
        "INSERT OR IGNORE INTO blob(sha256, size, mime, created_at) VALUES (?,?,?,?)",
        [sha256, size, mime, now_iso],
    )
