import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

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


def test_admin_edits_a_districts_rights(qtbot, demo_session_for, runner, settings, zh) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 leftover: the districts listed with the 待确认 mark; an edit saved through the
    service is in use; an emptied name is refused with a message and changes nothing."""
    import os

    from inspector_app.services.rights_catalog import rights_table
    from inspector_app.ui.rights_dialog import RightsDialog

    window = MainWindow(demo_session_for("admin"), runner, settings)
    qtbot.addWidget(window)
    view = window.page("catalogs")
    view.findChild(QPushButton, "rightsButton").click()
    dialog = view.rights_dialog
    assert isinstance(dialog, RightsDialog) and dialog.table.rowCount() >= 13
    assert dialog.current() is not None and dialog.current().rights.district_code == "370102"
    assert dialog.table.item(0, 0).text() == "历下区（370102）" and "法院" in dialog.table.item(0, 4).text()
    assert "待确认" in dialog.mark.text() and "法院" in dialog.mark.text() and dialog.confirmed.isEnabled()
    assert dialog.authority.text() == "济南市历下区城市管理局" and dialog.review_days.value() == 60
    if os.environ.get("INSPECTOR_SCREENSHOTS"):
        dialog.resize(1024, 600)
        dialog.show()
        qtbot.wait(50)
        dialog.grab().save(os.environ["INSPECTOR_SCREENSHOTS"] + "/rights-dialog.png")
    dialog.court.setText("")
    dialog.save()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "不能为空" in box.text()
    box.close()
    assert rights_table(view.ctx.session)["370102"].court == "济南市历下区人民法院"
    dialog.court.setText("济南铁路运输法院")
    dialog.hearing_days.setValue(5)
    dialog.no_suspension["warning"].setChecked(False)
    dialog.confirmed.setChecked(True)
    dialog.save()
    saved = rights_table(view.ctx.session)["370102"]
    assert (saved.court, saved.hearing_days, saved.no_suspension_for, saved.to_confirm) == (
        "济南铁路运输法院", 5, ("rectify_order",), ())
    assert dialog.current().rights.district_code == "370102" and dialog.mark.text() == ""
    assert dialog.table.item(0, 2).text() == "济南铁路运输法院" and dialog.table.item(0, 5).text() == "已修改"
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert rights_table(view.ctx.session)["370102"].court == "济南市历下区人民法院"
    assert dialog.table.item(0, 5).text() == "出厂默认" and "法院" in dialog.mark.text()
    assert not dialog.restore_button.isEnabled()
