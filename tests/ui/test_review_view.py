from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.inspections import submit_inspection
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.profile import squad_roads
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.review_view import ReviewView
from inspector_app.ui.return_dialog import ReturnDialog
from tests.ui.conftest import when_shown


def _officer_day(officer, clock) -> str:  # type: ignore[no-untyped-def]
    start_patrol(officer, [squad_roads(officer)[0]["id"]])
    patrol_id = current_patrol(officer)["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1",
                                       [squad_roads(officer)[0]["id"]]).fetchone()[0]
    submit_inspection(officer, unit_id, all_compliant_values(officer.catalogs), patrol_id)
    clock.advance(minutes=40)
    end_patrol(officer, patrol_id)
    return patrol_id


def _review(qtbot, supervisor, runner, settings) -> tuple[MainWindow, ReviewView]:  # type: ignore[no-untyped-def]
    window = MainWindow(supervisor, runner, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.page("review")
    view.date.setDate(QDate(2026, 11, 20))
    return window, view


def test_review_a_day_with_the_keyboard(qtbot, demo_session_for, runner, settings, clock, zh) -> None:  # type: ignore[no-untyped-def]
    patrol_id = _officer_day(demo_session_for("liqiang"), clock)
    window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    assert window.nav.item(0).text() in ("Daily review", "每日审核")
    names = [view.officers.item(r, 0).text() for r in range(view.officers.rowCount())]
    view.officers.selectRow(names.index("李强"))
    patrol_item = view.items.topLevelItem(0)
    assert patrol_item.data(0, Qt.ItemDataRole.UserRole) == ("patrol", patrol_id)
    view.items.setFocus()
    db = view.ctx.session.store.db
    child = view.items.topLevelItem(0).child(0)
    view.items.setCurrentItem(child)
    inspection_id = child.data(0, Qt.ItemDataRole.UserRole)[1]

    def answer(dialog: ReturnDialog) -> None:
        dialog.comment.setPlainText("照片不清晰，请补拍")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_shown(ReturnDialog, answer)
    qtbot.keyClick(view.items, Qt.Key.Key_R)
    assert db.execute("SELECT review_status, review_comment FROM frontage_inspection WHERE id = ?",
                      [inspection_id]).fetchone() == ("returned", "照片不清晰，请补拍")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.items.setCurrentItem(view.items.topLevelItem(0))
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_A)
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "approved"
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [inspection_id]).fetchone()[0] == "returned"
    assert "A" in " ".join(view.shortcut_help())


def test_officer_sees_and_corrects_returned_work(qtbot, demo_session_for, runner, settings, clock) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.review import review_record

    officer = demo_session_for("liqiang")
    patrol_id = _officer_day(officer, clock)
    inspection_id = officer.store.db.execute("SELECT id FROM frontage_inspection WHERE patrol_id = ?", [patrol_id]).fetchone()[0]
    review_record(demo_session_for("wangfang"), "frontage_inspection", inspection_id, "returned", "补充备注")
    window = MainWindow(officer, runner, settings)
    qtbot.addWidget(window)
    view = window.page("returned")
    rows = [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
    assert "补充备注" in rows
    view.table.selectRow(rows.index("补充备注"))
    view.correct_selected()
    from inspector_app.ui.inspection_dialog import InspectionDialog

    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, InspectionDialog) and w.isVisible())
    dialog.note.setPlainText("已补充")
    dialog.save()
    db = officer.store.db
    assert db.execute("SELECT count(*) FROM frontage_inspection WHERE revision_of = ?", [inspection_id]).fetchone()[0] == 1
    rows = [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
    assert "补充备注" not in rows


def test_review_page_is_not_offered_to_officers_or_clerks(qtbot, demo_session_for, runner, settings) -> None:  # type: ignore[no-untyped-def]
    for user in ("liqiang", "zhaomin"):
        window = MainWindow(demo_session_for(user), runner, settings)
        qtbot.addWidget(window)
        assert "review" not in [s.key for s in window.specs]


def _answered(session, fail: bool = False, note: str = "") -> dict:  # type: ignore[no-untyped-def]
    values: dict = {f"{d.code}.result": "ok" for d in session.catalogs.responsibilities}
    values["awareness"] = "not_asked"
    if fail:
        duty = session.catalogs.responsibilities[0]
        values[f"{duty.code}.result"] = "fail"
        values[f"{duty.code}.failed"] = [duty.check_items[0].code]
        values[f"{duty.code}.note"] = note
    return values


def _patrol(officer, clock, failing: int, photo: str | None = None) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    road = squad_roads(officer)[0]["id"]
    start_patrol(officer, [road])
    patrol_id = current_patrol(officer)["id"]
    units = [r[0] for r in officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 3", [road])]
    ids = []
    for n, unit_id in enumerate(units):
        values = _answered(officer, fail=n < failing, note="门前堆放杂物")
        if photo and n == 0:
            values[f"{officer.catalogs.responsibilities[0].code}.photos"] = [photo]
        ids.append(submit_inspection(officer, unit_id, values, patrol_id).ids("frontage_inspection")[0])
        clock.advance(minutes=5)
    end_patrol(officer, patrol_id)
    return patrol_id, ids


def _show(view: ReviewView, officer_name: str) -> None:
    names = [view.officers.item(r, 0).text() for r in range(view.officers.rowCount())]
    view.officers.selectRow(names.index(officer_name))


def test_approving_a_patrol_with_non_compliant_inspections_asks_once_with_the_count(qtbot, demo_session_for, runner, settings, clock, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    patrol_id, ids = _patrol(demo_session_for("liqiang"), clock, failing=2)
    window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    view.items.setCurrentItem(view.items.topLevelItem(0))
    db = view.ctx.session.store.db
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            box.button(choice).click()
        return act

    when_shown(QMessageBox, answer(QMessageBox.StandardButton.No))
    view.decisions.approve_button.click()
    assert len(asked) == 1 and "2" in asked[0] and "不达标" in asked[0]
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "submitted"
    when_shown(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_A)
    assert len(asked) == 2  # once per approval, not once per inspection
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "approved"
    marks = ",".join("?" * len(ids))
    assert {r[0] for r in db.execute(f"SELECT review_status FROM frontage_inspection WHERE id IN ({marks})", ids)} == {"approved"}


def test_a_compliant_patrol_is_approved_without_asking(qtbot, demo_session_for, runner, settings, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id, _ = _patrol(demo_session_for("liqiang"), clock, failing=0)
    _window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    view.items.setCurrentItem(view.items.topLevelItem(0))
    view.decisions.approve_button.click()
    assert view.ctx.session.store.db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "approved"


def test_buttons_and_context_menu_beside_the_keys(qtbot, demo_session_for, runner, settings, clock, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMenu

    _patrol_id, ids = _patrol(demo_session_for("liqiang"), clock, failing=1)
    _window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    d = view.decisions
    assert all(b.isVisible() for b in (d.approve_button, d.return_button, d.detail_button, d.undo_button))
    assert "A" in d.approve_button.text() and "R" in d.return_button.text()
    view.items.setCurrentItem(view.items.topLevelItem(0).child(0))
    view.decisions.show_menu(view.items.visualItemRect(view.items.currentItem()).center())
    menu = view.decisions.menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts == [d.approve_button.text(), d.return_button.text(), d.detail_button.text(), d.undo_button.text()]

    def answer(dialog: ReturnDialog) -> None:
        dialog.comment.setPlainText("照片不清晰，请补拍")
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_shown(ReturnDialog, answer)
    menu.actions()[1].trigger()
    menu.close()
    db = view.ctx.session.store.db
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [ids[0]]).fetchone()[0] == "returned"
    view.items.select(("frontage_inspection", ids[0]))
    assert not d.approve_button.isEnabled() and not d.return_button.isEnabled()  # returned: the officer's turn


def test_undo_the_last_decision_until_it_syncs(qtbot, demo_session_for, runner, settings, clock, zh) -> None:  # type: ignore[no-untyped-def]
    _patrol_id, ids = _patrol(demo_session_for("liqiang"), clock, failing=0)
    _window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    d = view.decisions
    assert not d.undo_button.isEnabled()
    view.items.select(("frontage_inspection", ids[0]))
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_A)
    db = view.ctx.session.store.db
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [ids[0]]).fetchone()[0] == "approved"
    assert d.undo_button.isEnabled() and "已通过" in d.undo_button.toolTip()
    qtbot.keyClick(view.items, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [ids[0]]).fetchone()[0] == "submitted"
    assert view.items.selected_record() == ("frontage_inspection", ids[0])  # back on the undone record
    assert not d.undo_button.isEnabled()
    d.approve_button.click()
    db.execute("UPDATE outbox SET status = 'acked' WHERE entity = 'review'")  # as a sync does
    view.reload()
    assert not d.undo_button.isEnabled()


def test_details_of_an_inspection_and_a_check_from_the_review_page(qtbot, demo_session_for, runner, settings, clock, tmp_path, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from inspector_app.services.disorders import record_check
    from inspector_app.services.photos import stamp_for, store_photo
    from inspector_app.services.review_details import photo_bytes
    from inspector_app.ui.review_detail_dialog import ReviewDetailDialog
    from tests.photo_files import jpeg

    officer = demo_session_for("liqiang")
    photo = store_photo(officer, jpeg(tmp_path / "shop.jpg", (1200, 900)), stamp_for(officer, "泉城路", 36.6661, 117.0182)).photo_id
    patrol_id, ids = _patrol(officer, clock, failing=1, photo=photo)
    check_id = record_check(officer, {"category": "L1", "event_code": "0504", "lat": 36.6661, "lon": 117.0182,
                                      "address": "泉城路12号门前", "description": "店外摆放货架", "photos": [photo]},
                            patrol_id).check_id
    _window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    view.items.select(("frontage_inspection", ids[0]))
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_Return)
    dialog = view.decisions.detail_dialog
    assert isinstance(dialog, ReviewDetailDialog) and dialog.isVisible()
    text = dialog.text.toPlainText()
    duty = officer.catalogs.responsibilities[0]
    assert duty.name_zh in text and duty.check_items[0].text_zh in text and "门前堆放杂物" in text
    assert "不合格" in text and "合格" in text
    assert dialog.photos.count() == 1 and dialog.shown_photo == photo
    hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 570  # fits the field laptop
    full = QImage.fromData(photo_bytes(officer, photo))
    assert dialog.full.pixmap().size() == full.size()  # full size, not the thumbnail
    dialog.close()
    check_item = next(it for it in view.items.all_items() if it.data(0, Qt.ItemDataRole.UserRole) == ("disorder_check", check_id))
    assert not view.decisions.approve_button.isEnabled() or view.items.currentItem() is not check_item
    view.items.setCurrentItem(check_item)
    assert not view.decisions.approve_button.isEnabled()  # a check is looked at, not approved here
    where = view.items.visualItemRect(check_item).center()
    qtbot.mouseClick(view.items.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.items.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = view.decisions.detail_dialog
    assert dialog.key == ("disorder_check", check_id) and "店外摆放货架" in dialog.text.toPlainText()
    assert dialog.photos.count() == 1


def test_no_undo_while_a_sync_is_running(qtbot, demo_session_for, runner, settings, clock, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui.sync_controller import sync_controller

    _, ids = _patrol(demo_session_for("liqiang"), clock, failing=0)
    _window, view = _review(qtbot, demo_session_for("wangfang"), runner, settings)
    _show(view, "李强")
    view.items.select(("frontage_inspection", ids[0]))
    view.decisions.approve_button.click()
    sync_controller(view.ctx).running = True  # a push may be carrying the decision right now
    said: list[str] = []

    def close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    when_shown(QMessageBox, close)
    view.decisions.undo_button.click()
    assert said and "同步" in said[0]
    db = view.ctx.session.store.db
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [ids[0]]).fetchone()[0] == "approved"
