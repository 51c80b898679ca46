import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.ui.main_window import MainWindow


def test_admin_imports_a_version_and_sees_bad_rows(qtbot, demo_session_for, runner, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_session_for("admin"), runner, settings)
    qtbot.addWidget(window)
    view = window.page("catalogs")
    assert view.items.rowCount() == 31 and not view.confirm_button.isEnabled()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"items": [{"code": "X1"}]}), "utf-8")
    from inspector_app.services.first_offence_catalog import import_catalog_version

    view._imported(import_catalog_version(view.ctx.session, bad, "2027-01"))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "catalogProblems")
    assert "Row 1" in box.detailedText() and "penalty_mode" in box.detailedText()
    box.close()
    view.formats.item(0, 1).setText("济{district}城管{code}〔{year}〕{n:05d}号")
    view.save_formats()
    assert view.formats.item(0, 1).text() == "济{district}城管{code}〔{year}〕{n:05d}号"
