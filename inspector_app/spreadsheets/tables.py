"""Reading a registry of units from .xlsx or .csv into plain rows.

Real registries from 街道 offices are messy: a merged title row above the header, merged
cells running down a column (one 街道 for many rows), blank rows, numbers where text belongs
(phones as 1.38e10), and CSV files saved as GBK. This module returns the header row it found
and every non-empty data row with its row number in the file, merged areas filled in.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.spreadsheets.cells import cell_text
from inspector_app.spreadsheets.xlsx_grid import read_xlsx_grid

Report = Callable[[int, int], None]
HEADER_SCAN_ROWS = 15

Rows = Iterator[tuple[int, list[Any]]]


@dataclass
class Table:
    """A sheet: its header names and its data rows, each with its row number in the file.

    The rows are read again from the file on each :meth:`iter_rows` (CSV: streamed, so a
    446,793-row registry is never held in memory; .xlsx: the sheet read once, merges filled)."""

    headers: list[str]
    row_count: int
    rows_from: Callable[[], Rows]
    # Cells (A1 names) holding a formula whose value was never computed and saved (files
    # written by programs, not by Excel or WPS): they read as empty.
    uncached_formulas: list[str] = field(default_factory=list)

    def iter_rows(self) -> Rows:
        """(row number in the file, cells padded to the header's width), blank rows left out."""
        return self.rows_from()

    @property
    def rows(self) -> list[list[Any]]:
        """Every data row in a list (small files and tests; large ones use :meth:`iter_rows`)."""
        return [row for _, row in self.iter_rows()]

    @property
    def row_numbers(self) -> list[int]:
        """The file's row number of each data row."""
        return [number for number, _ in self.iter_rows()]


def _header_index(rows: Sequence[Sequence[Any]], known: set[str]) -> int:
    best, best_score = 0, -1.0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = [str(v) for v in row if v is not None]
        score = sum(2 for t in texts if t in known) + len(texts) * 0.1
        if score > best_score:
            best, best_score = i, score
    return best


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) or GBK, found by decoding the whole file once in chunks."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            with path.open(encoding=encoding, newline="") as fh:
                while fh.read(1 << 20):
                    pass
            return encoding
        except UnicodeDecodeError:
            continue
    raise UserError(
        QT_TRANSLATE_NOOP("errors", "The file {name} is not text in a known encoding "
                          "(UTF-8 or GBK)."),
        QT_TRANSLATE_NOOP("errors", "Save it from Excel or WPS as .xlsx or as CSV (UTF-8) "
                          "and try again."),
        name=path.name,
    )


def _csv_rows(path: Path, encoding: str, dialect: type[csv.Dialect] | csv.Dialect) -> Iterator[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        yield from csv.reader(fh, dialect)


def _read_csv(path: Path, known: set[str], report: Report | None) -> Table:
    """One streamed pass finds the header, the width and the number of data rows; the rows
    themselves are read again, streamed, by each :meth:`Table.iter_rows`."""
    encoding = _csv_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        start = fh.read(4096)
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    if start.strip():
        try:
            dialect = csv.Sniffer().sniff(start, delimiters=",;\t")
        except csv.Error:
            # No delimiter found: a file of one column (a list of names) is a table too.
            dialect = csv.excel
    first: list[list[Any]] = []
    width, count = 0, 0
    for n, raw in enumerate(_csv_rows(path, encoding, dialect)):
        if n < HEADER_SCAN_ROWS:
            first.append([cell_text(v) for v in raw])
        width = max(width, len(raw))
        if any(v.strip() for v in raw):
            count += 1
        if report and n % 20000 == 0:
            report(n, 0)
    if not first:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    h = _header_index(first, known)
    count -= sum(1 for row in first[: h + 1] if any(v is not None for v in row))

    def rows() -> Rows:
        for n, raw in enumerate(_csv_rows(path, encoding, dialect), start=1):
            if n > h + 1:
                row = [cell_text(v) for v in raw]
                if any(v is not None for v in row):
                    yield n, row + [None] * (width - len(row))

    return Table(_headers(first[h], width), count, rows)


def _headers(row: list[Any], width: int) -> list[str]:
    return [str(v) if v is not None else f"#{i + 1}" for i, v in enumerate(row + [None] * (width - len(row)))]


def _unreadable(path: Path, kind: str) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("errors", "The file {name} is not a spreadsheet this app reads "
                          "({kind})."),
        QT_TRANSLATE_NOOP("errors", "Save it from Excel or WPS as .xlsx or .csv and try again."),
        name=path.name,
        kind=kind,
    )


def read_table(path: Path, known_headers: set[str], report: Report | None = None) -> Table:
    """Read the first sheet of an .xlsx or a .csv; ``known_headers`` helps find the header
    row below any title rows."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _read_csv(path, known_headers, report)
    if suffix not in (".xlsx", ".xlsm"):
        raise _unreadable(path, suffix or "—")
    grid, uncached = read_xlsx_grid(path, report)
    if not grid:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    h = _header_index(grid, known_headers)
    width = max(len(r) for r in grid)
    kept = [(n, row + [None] * (width - len(row))) for n, row in enumerate(grid[h + 1 :], start=h + 2)
            if any(v is not None for v in row)]
    return Table(_headers(grid[h], width), len(kept), lambda: iter(kept), uncached)
