"""The first sheet of an .xlsx as a grid of cells, merged areas filled in (read-only openpyxl
does not expose merges), and the formula cells whose value was never saved."""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.spreadsheets.cells import cell_text

log = logging.getLogger(__name__)


def _xlsx_scan(path: Path) -> tuple[list[tuple[int, int, int, int]], list[str]]:
    """Merged ranges of the first sheet (read-only openpyxl does not expose them), and the
    cells with a formula but no saved value (openpyxl's data_only reading gives them None)."""
    merges, uncached = [], []
    with zipfile.ZipFile(path) as z:
        name = next((n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d*\.xml", n)), None)
        if name is None:
            return [], []
        with z.open(name) as fh:
            for _, element in iterparse(fh):
                tag = element.tag
                if tag.endswith("}c"):
                    formula = value = None
                    for child in element:
                        if child.tag.endswith("}f"):
                            formula = child
                        elif child.tag.endswith("}v"):
                            value = child
                    if formula is not None and (value is None or not (value.text or "")):
                        uncached.append(element.get("r", "?"))
                elif tag.endswith("}mergeCell"):
                    min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                    merges.append((min_row, min_col, max_row, max_col))
                elif tag.endswith("}row"):
                    element.clear()
    return merges, uncached


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


def read_xlsx_grid(path: Path, report: Callable[[int, int], None] | None) -> tuple[list[list[Any]], list[str]]:
    if path.stat().st_size == 0:
        raise _empty_file(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise _not_xlsx(path) from None
    except (KeyError, OSError, ValueError) as exc:
        log.info("openpyxl cannot read %s: %s", path, exc)
        raise _not_xlsx(path) from None
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row or 0
        grid = []
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            grid.append([cell_text(v) for v in row])
            if report and n % 2000 == 0:
                report(n, total)
    finally:
        book.close()
    blank = {i for i, row in enumerate(grid) if all(v is None for v in row)}
    merges, uncached = _xlsx_scan(path)
    _fill_merges(grid, merges)
    for i in blank:  # a merged cell running past the data must not bring blank rows to life
        grid[i] = [None] * len(grid[i])
    return grid, uncached


def _empty_file(path: Path) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("errors", "The file {name} is empty (0 bytes)."),
        QT_TRANSLATE_NOOP("errors", "It was probably not saved or copied completely: open it in "
                          "Excel or WPS, save it again and try again."),
        name=path.name,
    )


def _not_xlsx(path: Path) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("errors", "The file {name} is not an .xlsx workbook, or it is damaged "
                          "(an old .xls renamed, or a file not copied completely)."),
        QT_TRANSLATE_NOOP("errors", "Open it in Excel or WPS and save it as .xlsx (Excel "
                          "workbook), then try again."),
        name=path.name,
    )
