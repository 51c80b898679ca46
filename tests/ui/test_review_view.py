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
