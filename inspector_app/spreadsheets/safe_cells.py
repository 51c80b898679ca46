"""Cells that never run: every text an export writes stays text (CSV/formula injection).

A unit named ``=HYPERLINK("http://…","点我")`` came out of the units export as a live formula.
In .xlsx every string is written with openpyxl's string type (an inline string, which a
spreadsheet never evaluates, whatever it starts with). In CSV, where the reading program
decides, text starting with = + - @ tab or CR gets a leading apostrophe, as OWASP advises.
Characters XML cannot hold (control characters other than tab, LF, CR) are dropped: openpyxl
refuses them, and one such name must not make a whole export fail.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """``text`` without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def xlsx_value(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """What to append to a write-only sheet for ``value``: text as a string-typed cell (never
    a formula), anything else as it is."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(ws, value=printable(value))
    cell.data_type = "s"  # openpyxl types text starting with "=" as a formula otherwise
    return cell


def csv_value(value: Any) -> Any:
    """``value`` for a CSV file: text that a spreadsheet would take for a formula is prefixed
    with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, headers: Sequence[str], rows: Any) -> Path:
    """One table as a UTF-8 CSV (with BOM, so Excel reads the Chinese right), through a
    temporary file; every text cell passes :func:`csv_value`."""
    tmp = path.with_name(path.name + ".partial")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([csv_value(h) for h in headers])
            for row in rows:
                writer.writerow([csv_value(v) for v in row])
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
