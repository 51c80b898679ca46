from pathlib import Path

from inspector_app.ui.import_units_dialog import ImportUnitsDialog
from tests.services.test_unit_import import _registry


def test_file_mapping_preview_and_import(qtbot, supervisor_session, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    path = _registry(tmp_path / "r.xlsx", supervisor_session, rows=60, bad_every=10)
    dialog = ImportUnitsDialog(supervisor_session, runner)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    assert dialog.plan is not None
    assert dialog.preview.item(0, 3).text() == "错误"  # errors first
    assert "统一社会信用代码最后一位应为" in dialog.preview.item(0, 4).text()
    assert "54" in dialog.import_button.text() and "6" in dialog.summary.text()
    name_combo = dialog.mapping.cellWidget(0, 1)
    name_combo.setCurrentIndex(0)  # "(not imported)": every row now lacks a name
    dialog.check_rows()
    assert dialog.plan.count("error") == 60 and not dialog.import_button.isEnabled()
    name_combo.setCurrentIndex(name_combo.findData(1))
    dialog.check_rows()
    dialog.start_import()
    assert dialog.result() == dialog.DialogCode.Accepted
    count = supervisor_session.store.db.execute("SELECT count(*) FROM unit WHERE name LIKE '台账商户%'").fetchone()[0]
    assert count == 54
