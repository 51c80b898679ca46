"""Reading a registry of units from .xlsx or .csv into plain rows.

Real registries from 街道 offices are messy: a merged title row above the header, merged
cells running down a column (one 街道 for many rows), blank rows, numbers where text belongs
(phones as 1.38e10), and CSV files saved as GBK. This module returns the header row it found
and every non-empty data row with its row number in the file, merged areas filled in.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

Report = Callable[[int, int], None]
HEADER_SCAN_ROWS = 15


@dataclass
class Table:
    """A sheet: its header names and data rows (each with its row number in the file)."""

    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]


def _text(value: Any) -> Any:
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


def _header_index(rows: Sequence[Sequence[Any]], known: set[str]) -> int:
    best, best_score = 0, -1.0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = [str(v) for v in row if v is not None]
        score = sum(2 for t in texts if t in known) + len(texts) * 0.1
        if score > best_score:
            best, best_score = i, score
    return best


def _xlsx_merges(path: Path) -> list[tuple[int, int, int, int]]:
    """Merged ranges of the first sheet (read-only openpyxl does not expose them)."""
    merges = []
    with zipfile.ZipFile(path) as z:
        name = next((n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d*\.xml", n)), None)
        if name is None:
            return []
        with z.open(name) as fh:
            for _, element in iterparse(fh):
                if element.tag.endswith("}mergeCell"):
                    min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                    merges.append((min_row, min_col, max_row, max_col))
                if element.tag.endswith("}row"):
                    element.clear()
    return merges


def _fill_merges(grid: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> None:
    for min_row, min_col, max_row, max_col in merges:
        if min_row - 1 >= len(grid):
            continue
        anchor_row = grid[min_row - 1]
        value = anchor_row[min_col - 1] if min_col - 1 < len(anchor_row) else None
        for r in range(min_row - 1, min(max_row, len(grid))):
            row = grid[r]
            while len(row) < max_col:
                row.append(None)
            for c in range(min_col - 1, max_col):
                row[c] = value


def _read_xlsx(path: Path, report: Report | None) -> list[list[Any]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable(path, str(exc)) from None
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row or 0
        grid = []
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            grid.append([_text(v) for v in row])
            if report and n % 2000 == 0:
                report(n, total)
    finally:
        book.close()
    blank = {i for i, row in enumerate(grid) if all(v is None for v in row)}
    _fill_merges(grid, _xlsx_merges(path))
    for i in blank:  # a merged cell running past the data must not bring blank rows to life
        grid[i] = [None] * len(grid[i])
    return grid


def _read_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _unreadable(path, "unknown text encoding")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return [[_text(v) for v in row] for row in csv.reader(io.StringIO(text), dialect)]


def _unreadable(path: Path, detail: str) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read as a spreadsheet ({detail})."),
        QT_TRANSLATE_NOOP("errors", "Save it from Excel or WPS as .xlsx or .csv and try again."),
        name=path.name,
        detail=detail,
    )


def read_table(path: Path, known_headers: set[str], report: Report | None = None) -> Table:
    """Read the first sheet of an .xlsx or a .csv; ``known_headers`` helps find the header
    row below any title rows."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid = _read_xlsx(path, report)
    elif suffix in (".csv", ".txt"):
        grid = _read_csv(path)
    else:
        raise _unreadable(path, suffix or "no file extension")
    if not grid:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    h = _header_index(grid, known_headers)
    width = max(len(r) for r in grid)
    headers = [str(v) if v is not None else f"#{i + 1}" for i, v in enumerate(grid[h] + [None] * (width - len(grid[h])))]
    rows, numbers = [], []
    for n, row in enumerate(grid[h + 1 :], start=h + 2):
        if any(v is not None for v in row):
            rows.append(row + [None] * (width - len(row)))
            numbers.append(n)
    return Table(headers, rows, numbers)
