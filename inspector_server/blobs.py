"""Attachments on the server: files named by sha256, uploaded resumably, verified before use.

An upload lands in ``partial/<sha256>`` as it streams (so a cut connection keeps what
arrived); when the last byte is in, the file is hashed and only a matching file is moved into
place and recorded as present.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class BlobDir:
    """The server's blob folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "partial").mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        """Where a verified blob lives."""
        return self.root / sha256[:2] / sha256

    def partial(self, sha256: str) -> Path:
        """Where an unfinished upload lives."""
        return self.root / "partial" / sha256

    def offset(self, sha256: str) -> int:
        """How many bytes of an unfinished upload the server holds."""
        p = self.partial(sha256)
        return p.stat().st_size if p.exists() else 0

    def finish(self, sha256: str) -> int | None:
        """Verify a complete upload: move it into place and return its size, or delete it
        and return None when its hash does not match."""
        source = self.partial(sha256)
        digest = hashlib.sha256()
        with source.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            source.unlink(missing_ok=True)
            return None
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        size = source.stat().st_size
        with source.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(source, target)
        return size


def parse_range(header: str | None, length: int | None) -> tuple[int, int]:
    """(start, total) from ``Content-Range: bytes a-b/total`` (no header: a whole upload)."""
    if not header:
        if length is None:
            raise ValueError("Content-Length or Content-Range required")
        return 0, length
    match = RANGE.match(header.strip())
    if not match:
        raise ValueError("Content-Range must look like 'bytes START-END/TOTAL'")
    start, end, total = (int(g) for g in match.groups())
    if end < start or end >= total:
        raise ValueError("Content-Range end must be within the total size")
    return start, total
