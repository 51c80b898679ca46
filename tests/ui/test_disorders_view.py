from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector_app.services.patrols import current_patrol, record_position
from inspector_app.ui.disorder_dialog import DisorderDialog
from inspector_app.ui.dispose_dialog import DisposeDialog
from inspector_app.ui.main_window import MainWindow
from tests.photo_files import jpeg


def _visible(kind):  # type: ignore[no-untyped-def]
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_quick_entry_from_the_patrol_page_in_four_interactions(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    patrol = window.page("patrol")
    patrol.roads.item(0).setCheckState(Qt.CheckState.Checked)
    patrol.start()
    unit = patrol.units[0]
    record_position(window.session, current_patrol(window.session)["id"], unit["lat"], unit["lon"], source="manual")
    patrol.reload()
    photo = jpeg(tmp_path / "stall.jpg", (1200, 900))
    interactions = 0
    qtbot.mouseClick(patrol.quick_buttons["L1"], Qt.MouseButton.LeftButton)  # 1: category
    interactions += 1
    dialog = _visible(DisorderDialog)
    dialog.photos.add_file(photo)  # 2: the photo (chosen in the file dialog or taken)
    interactions += 1
    assert dialog.lat.value() == unit["lat"]  # 3: the place is already the current position
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # 4: save
    interactions += 1
    assert interactions <= 4 and not dialog.isVisible()
    db = window.session.store.db
    row = db.execute("SELECT category, patrol_id, photo_ids FROM disorder_check ORDER BY created_at DESC LIMIT 1").fetchone()
    assert row[0] == "L1" and row[1] == current_patrol(window.session)["id"] and row[2] != "[]"


def test_list_detail_dispose_and_recheck(qtbot, window: MainWindow, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view = window.page("disorders")
    assert view.table.rowCount() > 0
    dialog = view.new_check("L6")
    dialog.set_position(36.6661, 117.0182)
    dialog.description.setPlainText("路面泼洒污水")
    dialog.save()
    assert dialog.recorded is not None
    view.f_status.setCurrentIndex(view.f_status.findData("found"))
    ids = [view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(view.table.rowCount())]
    view.table.selectRow(ids.index(dialog.recorded.check_id))
    assert view.d_fields["description"].text() == "路面泼洒污水"
    assert view.dispose_button.isEnabled() and not view.recheck_button.isEnabled()
    view._open_dispose("dispose")
    dispose = _visible(DisposeDialog)
    dispose.options["deadline"].setChecked(True)
    dispose.save()
    assert not dispose.isVisible()
    assert view.d_fields["status"].text() == "处置中" and view.recheck_button.isEnabled()
    view._open_dispose("recheck")
    again = _visible(DisposeDialog)
    again.save()  # rectified needs an "after" photo
    assert again.errors.isVisibleTo(again) and "整改后" in again.errors.text()
    again.after.add_file(jpeg(tmp_path / "after.jpg", (800, 600)))
    again.save()
    assert view.d_fields["status"].text() == "已整改"
    assert view.timeline.count() == 3
    assert "%" in view.share721.text()


def test_a_failed_duty_leads_to_a_prefilled_check(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    patrol = window.page("patrol")
    patrol.roads.item(0).setCheckState(Qt.CheckState.Checked)
    patrol.start()
    patrol.table.selectRow(0)
    inspection = patrol.inspect_selected()
    inspection.all_pass_button.click()
    inspection.duties[3].buttons["fail"].setChecked(True)
    next(iter(inspection.duties[3].items.values())).setChecked(True)
    inspection.save()
    assert patrol.follow_up.isVisible()
    patrol.follow_up_check.click()
    dialog = _visible(DisorderDialog)
    unit = patrol.units[[u["id"] for u in patrol.units].index(inspection.unit["id"])]
    assert dialog.party_name.text() == unit["name"] and dialog.unit_id == unit["id"]
    # The failed duty by name with what failed, the category the catalog names for it, the unit's road.
    assert dialog.description.toPlainText().startswith("包秩序良好不合格：")
    failed = next(iter(inspection.duties[3].items))
    assert dialog.category.currentData() == window.session.catalogs.disorder_of_failure("W4", [failed])
    road_id = window.session.store.db.execute("SELECT road_segment_id FROM unit WHERE id = ?", [unit["id"]]).fetchone()[0]
    assert road_id and dialog.road.currentData() == road_id
    dialog.close()


def test_a_failed_duty_or_a_check_leads_to_a_notice(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.violation_dialog import ViolationDialog

    patrol = window.page("patrol")
    patrol.roads.item(0).setCheckState(Qt.CheckState.Checked)
    patrol.start()
    patrol.table.selectRow(0)
    inspection = patrol.inspect_selected()
    inspection.all_pass_button.click()
    inspection.duties[0].buttons["fail"].setChecked(True)
    next(iter(inspection.duties[0].items.values())).setChecked(True)
    inspection.save()
    patrol.follow_up_notice.click()
    violation = _visible(ViolationDialog)
    assert violation.item.currentData() == "FO18" and violation.inputs["party_name"].text() == inspection.unit["name"]
    assert "包环境卫生不合格" in violation.facts.toPlainText()
    violation.close()
    view = window.page("disorders")
    check = view.new_check("L1")
    check.set_position(36.6661, 117.0182)
    check.party_name.setText("流动摊贩王某")
    check.photos.add_file(jpeg(tmp_path / "stall.jpg", (800, 600)))
    check.save()
    ids = [view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(view.table.rowCount())]
    view.table.selectRow(ids.index(check.recorded.check_id))
    assert view.notice_button.isEnabled()
    view.notice()
    violation = _visible(ViolationDialog)
    assert violation.inputs["party_name"].text() == "流动摊贩王某" and violation.item.currentData() == "FO01"
    violation.inputs["party_address"].setText("泉城路")
    violation.save()
    status = window.session.store.db.execute("SELECT status, disposal FROM disorder_check WHERE id = ?",
                                             [check.recorded.check_id]).fetchone()
    assert status == ("handling", "notice")
    from inspector_app.ui.sign_dialog import SignDialog

    _visible(SignDialog).close()


def test_the_check_form_takes_the_handed_over_category_and_road(qtbot, officer_session, runner) -> None:  # type: ignore[no-untyped-def]
    road_id = officer_session.store.db.execute(
        "SELECT road_segment_id FROM unit WHERE road_segment_id IS NOT NULL AND deleted = 0 LIMIT 1").fetchone()[0]
    dialog = DisorderDialog(officer_session, runner, values={"category": "L3", "road_segment_id": road_id,
                                                             "description": "包环境卫生不合格：门前堆放垃圾袋"})
    qtbot.addWidget(dialog)
    assert dialog.category.currentData() == "L3"
    assert dialog.road.currentData() == road_id
    assert dialog.description.toPlainText() == "包环境卫生不合格：门前堆放垃圾袋"
