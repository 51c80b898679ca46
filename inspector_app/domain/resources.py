"""Where the shipped data files (catalogs, fonts, translations, map assets) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: next to the package in a checkout, inside a frozen build, or
    wherever ``INSPECTOR_RESOURCES`` points."""
    override = os.environ.get("INSPECTOR_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside resources/."""
    return resources_dir().joinpath(*parts)
