"""The first page of a registered original as a PNG, for the public verify page: a reader
holding the paper sees the authentic page beside it without opening a PDF. Rendered by
poppler's pdftoppm (Debian poppler-utils) once per stored PDF and kept next to the blobs, keyed
by the PDF's SHA-256 (the same PDF always gives the same picture). The server starts and
verifies without pdftoppm; the page then links the PDF and says why there is no picture."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

RESOLUTION_DPI = 96  # A4 at 794 × 1123 px: 三号 body text readable on a phone, about 150 kB
TIMEOUT_S = 30  # one page of a document; a PDF that takes longer is not worth the wait


def renderer() -> str | None:
    """The pdftoppm program, or None when it is not installed here."""
    return shutil.which("pdftoppm")


def first_page_png(pdf: Path, cache: Path, sha256: str) -> Path | None:
    """The PNG of ``pdf``'s first page (rendered once, then read from ``cache``), or None when
    there is no renderer or it fails on this file. Safe when two requests render at once: each
    writes its own file and the finished one replaces the other atomically."""
    target = cache / f"{sha256}.png"
    if target.is_file():
        return target
    program = renderer()
    if program is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    stem = cache / f"partial-{uuid.uuid4().hex}"
    try:
        subprocess.run([program, "-png", "-r", str(RESOLUTION_DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], capture_output=True, timeout=TIMEOUT_S, check=True)
        os.replace(stem.with_suffix(".png"), target)
    except (OSError, subprocess.SubprocessError):
        stem.with_suffix(".png").unlink(missing_ok=True)
        return None
    return target
