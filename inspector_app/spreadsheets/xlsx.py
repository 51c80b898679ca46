"""Writing .xlsx workbooks (openpyxl, streaming), or one table as .csv: the one way every
export writes a file, so no export writes a formula (see :mod:`safe_cells`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from inspector_app.spreadsheets.safe_cells import write_csv, xlsx_value


@dataclass
class Sheet:
    """One worksheet: a header row and data rows."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    # Column widths in characters (the first columns; the rest keep the default), and whether
    # the header row stays in view while scrolling. Only .xlsx has them.
    widths: Sequence[float] = ()
    freeze_header: bool = False


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write the sheets to ``path`` (via a temporary file, so a crash never leaves half a
    workbook under the real name). A ``.csv`` path takes the one sheet as CSV. Text is always
    written as text, never as a formula."""
    if path.suffix.lower() == ".csv":
        if len(sheets) != 1:
            raise ValueError("a CSV file holds one table")
        return write_csv(path, sheets[0].headers, sheets[0].rows)
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(title=_safe_title(sheet.title))
        for column, width in enumerate(sheet.widths, start=1):  # before any row: write-only sheets
            ws.column_dimensions[get_column_letter(column)].width = width
        if sheet.freeze_header:
            ws.freeze_panes = "A2"
        header = []
        for text in sheet.headers:
            cell = xlsx_value(ws, text)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([xlsx_value(ws, v) for v in row])
    tmp = path.with_name(path.name + ".partial")
    try:
        book.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _safe_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet"
