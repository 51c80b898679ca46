"""The 公示 file for the 双公示 platform: one sheet (or one CSV table) in the platform's columns,
every text cell written as text (safe_cells), so a party named ``=HYPERLINK(…)`` stays a name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

SHEET_TITLE = "行政处罚信息"


def write_publication(path: Path, headers: Sequence[str], rows: Iterable[Sequence[str]],
                      widths: Sequence[float] = ()) -> Path:
    """Write the rows under ``headers`` to an .xlsx or .csv ``path`` (by its suffix), through a
    temporary file so a failed write leaves no half file under the real name; in .xlsx the
    columns get ``widths`` (characters) and the header row stays in view."""
    return write_workbook(path, [Sheet(SHEET_TITLE, headers, rows, widths, freeze_header=True)])
