"""One cell of a registry as the import reads it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def cell_text(value: Any) -> Any:
    """Normalise a cell: strip text, turn whole floats back into digits, dates into ISO."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
