"""Case 6 of issue 21: bad files and a full disk get a message that says what is wrong, in the
interface language, with no library English: a one-column CSV is read (it crashed with
_csv.Error), an empty .xlsx, a half JPEG, a full database; formula cells that were never
computed are listed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from inspector_app.domain.errors import UserError
from inspector_app.photos.evidence import PhotoError, open_photo
from inspector_app.services.session import Session
from inspector_app.services.unit_import import read_unit_file
from inspector_app.spreadsheets.tables import read_table
from inspector_app.storage.errors import StorageError
from inspector_app.storage.meta import set_meta
from tests.photo_files import truncated_jpeg

LIBRARY_WORDS = ("zip", "truncated", "Errno", "not processed", "delimiter")


def _plain(exc: UserError) -> None:
    text = exc.render()
    assert not [w for w in LIBRARY_WORDS if w in text], text


def test_a_one_column_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("单位名称\n泉城路小吃\n大明湖茶社\n", encoding="utf-8")
    table = read_table(path, {"单位名称"})
    assert table.headers == ["单位名称"] and table.rows == [["泉城路小吃"], ["大明湖茶社"]]


def test_an_empty_xlsx_says_it_is_empty(supervisor_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "registry.xlsx"
    path.write_bytes(b"")
    with pytest.raises(UserError, match="is empty") as info:
        read_unit_file(supervisor_session, path)
    _plain(info.value)


def test_a_file_that_is_not_a_workbook(supervisor_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "registry.xlsx"
    path.write_text("not really a workbook")
    with pytest.raises(UserError, match=r"is not an \.xlsx workbook") as info:
        read_unit_file(supervisor_session, path)
    _plain(info.value)


def test_a_half_jpeg_says_it_is_incomplete_without_pillows_words(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="damaged or incomplete") as info:
        open_photo(truncated_jpeg(tmp_path / "cut.jpg"))
    _plain(info.value)


def test_formula_cells_without_a_saved_value_are_listed(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "电话", "星级"])
    sheet.append(["泉城路小吃", "13812345678", "=1+2"])  # openpyxl saves no value for it
    sheet.append(["大明湖茶社", "13812345679", 3])
    path = tmp_path / "computed.xlsx"
    book.save(path)
    table = read_table(path, {"单位名称", "电话"})
    assert table.uncached_formulas == ["C2"]
    assert table.rows[0][2] is None


def test_a_full_database_says_the_disk_is_full_and_keeps_everything(session: Session) -> None:
    store = session.store
    db = store.db
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL, as on a full disk
    with pytest.raises(StorageError, match="is full") as info, store.transaction() as tx:
        set_meta(tx, "big", "x" * 200_000)
    _plain(info.value)
    assert db.execute("SELECT count(*) FROM meta WHERE key = 'big'").fetchone()[0] == 0
    assert isinstance(db.conn, sqlite3.Connection) and not db.conn.in_transaction
