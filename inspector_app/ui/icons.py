"""Icons from qtawesome's bundled fonts (no files, no network)."""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon


def icon(name: str, color: str = "#37474f") -> QIcon:
    """A font icon such as ``fa5s.store``."""
    return qtawesome.icon(name, color=color)
