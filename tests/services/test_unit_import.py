from pathlib import Path

import pytest
from openpyxl import Workbook

from inspector_app.domain.errors import UserError
from inspector_app.domain.progress import Cancelled, Progress
from inspector_app.services.demo_names import DemoRandom
from inspector_app.services.session import Session
from inspector_app.services.unit_import import export_units, plan_import, read_unit_file, run_import
from inspector_app.storage.officers import road_segments


def _registry(path: Path, session: Session, rows: int = 12, bad_every: int = 0) -> Path:
    """A registry as a 街道 office sends it: title row merged across, a road column merged
    down, blank rows, phones typed as numbers."""
    rng = DemoRandom(5)
    road = road_segments(session.store.db, session.actor.squad_id)[0]["name"]
    book = Workbook()
    ws = book.active
    ws.append(["泉城路街道门前五包责任单位台账（2026年）"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "单位名称", "统一社会信用代码", "负责人", "联系电话", "地址", "所在路段", "是否签订责任书"])
    first_data = 3
    used: set[str] = set()
    for n in range(rows):
        uscc = rng.uscc("92", "370102")
        while uscc[:-1] in used:  # random codes collide now and then; a registry's do not
            uscc = rng.uscc("92", "370102")
        used.add(uscc[:-1])
        name = f"台账商户{n:05d}"
        if bad_every and n % bad_every == 0:
            uscc = uscc[:-1] + ("0" if uscc[-1] != "0" else "1")  # wrong check character
        ws.append([n + 1, name, uscc, rng.person(), float(rng.mobile()), f"泉城路{n}号", road if n == 0 else None, "是"])
        if n % 5 == 4:
            ws.append([None] * 8)
    ws.merge_cells(f"G{first_data}:G{ws.max_row}")
    book.save(path)
    return path


def test_messy_registry_is_read_and_mapped(supervisor_session: Session, tmp_path: Path) -> None:
    source = read_unit_file(supervisor_session, _registry(tmp_path / "r.xlsx", supervisor_session))
    assert source.table.headers[1] == "单位名称"
    assert len(source.table.rows) == 12  # blank rows dropped
    assert source.mapping["name"] == 1 and source.mapping["phone"] == 4 and source.mapping["road"] == 6
    row = source.table.rows[3]
    assert isinstance(row[4], str) and len(row[4]) == 11  # phone no longer 1.38e10
    assert row[6] == source.table.rows[0][6]  # merged road cell filled down


def test_import_then_reimport_updates_instead_of_duplicating(supervisor_session: Session, tmp_path: Path) -> None:
    db = supervisor_session.store.db
    before = db.execute("SELECT count(*) FROM unit").fetchone()[0]
    path = _registry(tmp_path / "r.xlsx", supervisor_session)
    source = read_unit_file(supervisor_session, path)
    plan = plan_import(supervisor_session, source, source.mapping)
    assert (plan.count("create"), plan.count("error")) == (12, 0)
    result = run_import(supervisor_session, plan)
    assert result.created == 12
    assert db.execute("SELECT count(*) FROM unit").fetchone()[0] == before + 12
    assert db.execute("SELECT count(*) FROM outbox WHERE entity='unit' AND op='create'").fetchone()[0] == 12
    roads = {r[0] for r in db.execute("SELECT road_segment_id FROM unit WHERE name LIKE '台账商户%'")}
    assert len(roads) == 1 and None not in roads
    again = plan_import(supervisor_session, source, source.mapping)
    assert again.count("update") == 12
    assert run_import(supervisor_session, again).unchanged == 12
    assert db.execute("SELECT count(*) FROM unit").fetchone()[0] == before + 12


def test_bad_rows_are_listed_and_good_rows_imported(supervisor_session: Session, tmp_path: Path) -> None:
    path = _registry(tmp_path / "r.xlsx", supervisor_session, rows=10_000, bad_every=20)
    source = read_unit_file(supervisor_session, path)
    plan = plan_import(supervisor_session, source, source.mapping)
    errors = [r for r in plan.rows if r.action == "error"]
    assert len(errors) == 500 and plan.count("create") == 9500
    assert errors[0].row_number == 3 and errors[0].errors[0].field == "uscc"
    assert "should be" in errors[0].errors[0].render()
    result = run_import(supervisor_session, plan)
    assert (result.created, result.refused) == (9500, 500)


def test_missing_name_and_duplicate_in_file(supervisor_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "单位名称,统一社会信用代码,地址\n"
        ",91350100M000100Y43,泉城路1号\n"
        "甲店,91440300708461136T,泉城路2号\n"
        "乙店,91440300708461136T,泉城路3号\n"
        "丙店,,\n",
        encoding="gb18030",
    )
    source = read_unit_file(supervisor_session, path)
    plan = plan_import(supervisor_session, source, source.mapping)
    messages = {r.row_number: [e.render() for e in r.errors] for r in plan.rows if r.errors}
    assert "Unit name is required." in messages[2][0].replace("{label}", "Unit name")
    assert "row 3" in messages[4][0]
    assert any("Address" in m or "address" in m for m in messages[5])
    assert [r.action for r in plan.rows] == ["error", "create", "error", "error"]


def test_cancel_rolls_everything_back(supervisor_session: Session, tmp_path: Path) -> None:
    db = supervisor_session.store.db
    before = db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone()
    source = read_unit_file(supervisor_session, _registry(tmp_path / "r.xlsx", supervisor_session, rows=5000))
    plan = plan_import(supervisor_session, source, source.mapping)
    progress = Progress(lambda done, total, note: progress.cancel() if done >= 2000 else None)
    with pytest.raises(Cancelled):
        run_import(supervisor_session, plan, progress)
    assert db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone() == before


def test_not_a_spreadsheet(supervisor_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "registry.xlsx"
    path.write_text("not really a workbook")
    with pytest.raises(UserError, match=r"is not an \.xlsx workbook"):
        read_unit_file(supervisor_session, path)


def test_export_imports_back(supervisor_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "units.xlsx"
    assert export_units(supervisor_session, path) == 400
    source = read_unit_file(supervisor_session, path)
    plan = plan_import(supervisor_session, source, source.mapping)
    assert plan.count("error") == 0 and plan.count("update") == 400
