"""Writing .xlsx workbooks (openpyxl, streaming)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font


@dataclass
class Sheet:
    """One worksheet: a header row and data rows."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write the sheets to ``path`` (via a temporary file, so a crash never leaves half a
    workbook under the real name)."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(title=_safe_title(sheet.title))
        from openpyxl.cell import WriteOnlyCell

        header = []
        for text in sheet.headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append(list(row))
    tmp = path.with_name(path.name + ".partial")
    book.save(tmp)
    os.replace(tmp, path)
    return path


def _safe_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet"
