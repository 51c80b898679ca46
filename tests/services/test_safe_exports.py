"""Case 5 of issue 21: no export writes a live formula. Names, addresses and texts that start
with = + - @ or a tab (from a registry, a hotline order or a colleague's laptop) come out as text
in every .xlsx export, and with an apostrophe in CSV."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.services.disorders import CheckFilter, export_checks
from inspector_app.services.rates import compute_rates, export_rates
from inspector_app.services.reports import daily_report_snapshot
from inspector_app.services.session import Session
from inspector_app.services.unit_import import export_units
from inspector_app.services.work_order_views import export_orders
from inspector_app.spreadsheets.reports import daily_report_workbook
from inspector_app.spreadsheets.safe_cells import csv_value
from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

LINK = '=HYPERLINK("http://evil.example/x","点我")'
HOSTILE = [LINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def _poison(session: Session) -> None:
    """Hostile text straight into the tables (as a sync or an old import could bring it)."""
    db = session.store.db
    with session.store.transaction():
        db.execute("UPDATE unit SET name = ? || ' ' || rowid, address = ?", [LINK, HOSTILE[1]])
        db.execute("UPDATE road_segment SET name = '=1+' || rowid")
        db.execute("UPDATE officer SET name = '=2+' || rowid")
        db.execute("UPDATE work_order SET title = ?, address = ?", [LINK, HOSTILE[4]])
        db.execute("UPDATE disorder_check SET address = ?, description = ?", [LINK, HOSTILE[5]])


def _cells(path: Path) -> list[tuple[str, object]]:
    book = load_workbook(path)
    return [(c.data_type, c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]


def _no_formula(path: Path, *expected: str) -> None:
    cells = _cells(path)
    assert not [v for t, v in cells if t == "f"], "a formula cell was written"
    texts = [str(v) for t, v in cells if t == "s"]
    for text in expected:
        assert any(text in t for t in texts), text


@pytest.fixture
def poisoned(supervisor_session: Session) -> Session:
    _poison(supervisor_session)
    return supervisor_session


def test_units_export_writes_names_as_text(poisoned: Session, tmp_path: Path) -> None:
    assert export_units(poisoned, tmp_path / "u.xlsx") == 400
    _no_formula(tmp_path / "u.xlsx", LINK, HOSTILE[1], "=1+")


def test_work_orders_export_writes_text(poisoned: Session, tmp_path: Path) -> None:
    assert export_orders(poisoned, "open", tmp_path / "o.xlsx") > 0
    _no_formula(tmp_path / "o.xlsx", LINK, HOSTILE[4])


def test_disorder_checks_export_writes_text(poisoned: Session, tmp_path: Path) -> None:
    assert export_checks(poisoned, CheckFilter(), tmp_path / "c.xlsx") > 0
    _no_formula(tmp_path / "c.xlsx", LINK, "=1+1")  # XML reads the CR back as LF


def test_rates_export_writes_road_names_as_text(poisoned: Session, tmp_path: Path) -> None:
    report = compute_rates(poisoned, "road", date(2026, 10, 1), date(2026, 11, 30))
    _no_formula(export_rates(poisoned, report, tmp_path / "r.xlsx"), "=1+")


def test_daily_report_workbook_writes_names_as_text(poisoned: Session, tmp_path: Path) -> None:
    snapshot = daily_report_snapshot(poisoned, date(2026, 11, 19))
    _no_formula(daily_report_workbook(snapshot, tmp_path / "d.xlsx"), "=2+")


def test_a_csv_export_prefixes_formula_text_and_keeps_the_rest(tmp_path: Path) -> None:
    rows = [[h, 3, "李强", "a=b"] for h in HOSTILE]
    path = write_workbook(tmp_path / "t.csv", [Sheet("t", ["名称", "数", "人", "式"], rows)])
    read = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
    assert read[0] == ["名称", "数", "人", "式"]
    assert [r[0] for r in read[1:]] == ["'" + h for h in HOSTILE]
    assert all(r[1:] == ["3", "李强", "a=b"] for r in read[1:])
    assert csv_value(-5) == -5 and csv_value("大明湖") == "大明湖"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_the_units_export_as_csv(poisoned: Session, tmp_path: Path) -> None:
    assert export_units(poisoned, tmp_path / "u.csv") == 400
    names = [r[0] for r in csv.reader((tmp_path / "u.csv").open(encoding="utf-8-sig", newline=""))][1:]
    assert names and all(n.startswith("'=HYPERLINK(") for n in names)


def test_control_characters_do_not_break_an_export(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "x.xlsx", [Sheet("x", ["名称"], [["泉城\x01路\x1f店"]])])
    assert [v for _t, v in _cells(path)] == ["名称", "泉城路店"]
