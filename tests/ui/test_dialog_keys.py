"""Enter after a validation error: the dialog stays open, nothing typed is lost, and the
focus is on the first wrong field (issue 18). Each dialog is driven as an officer does:
the mouse on the OK button (which takes the focus and is disabled while the task runs),
then Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from inspector_app.services.session import Session
from inspector_app.services.violations import RECTIFY_ORDER, record_violation
from inspector_app.storage.officers import officers
from inspector_app.ui.tasks import TaskRunner


def _shown(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _click_then_enter(qtbot: Any, dialog: QDialog, ok: QWidget) -> None:
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return)


def _inside(widget: QWidget | None, wanted: QWidget) -> bool:
    while widget is not None:
        if widget is wanted:
            return True
        widget = widget.parentWidget()
    return False


def _violation(session: Session) -> str:
    partner = next(o["id"] for o in officers(session.store.db, session.actor.squad_id) if o["id"] != session.actor.officer_id)
    values = {"party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
              "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号", "item_code": "FO01",
              "facts": "在泉城路12号门前的行道树上拴绳晾挂衣物。", "place": "泉城路12号门前", "officer2_id": partner}
    return str(record_violation(session, values, set()).ids("violation")[0])


def test_sign_dialog_enter_after_an_error_keeps_the_signatures(qtbot, officer_session: Session, runner: TaskRunner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.sign_dialog import SignDialog

    dialog = _shown(qtbot, SignDialog(officer_session, runner, _violation(officer_session), RECTIFY_ORDER, "责令限期改正通知书"))
    assert isinstance(dialog, SignDialog)
    dialog.officer1.add_stroke([(20, 60), (120, 30), (220, 70)])
    dialog.officer2.add_stroke([(20, 60), (120, 30)])
    _click_then_enter(qtbot, dialog, dialog.ok)  # the party has not signed
    assert dialog.isVisible() and dialog.result() == 0
    assert not dialog.officer1.is_empty() and not dialog.officer2.is_empty()
    assert _inside(QApplication.focusWidget(), dialog.party)
    n = officer_session.store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    assert n == 0


def test_disorder_dialog_enter_after_an_error_keeps_what_was_typed(qtbot, officer_session: Session, runner: TaskRunner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.disorder_dialog import DisorderDialog

    dialog = _shown(qtbot, DisorderDialog(officer_session, runner))
    assert isinstance(dialog, DisorderDialog)
    dialog.address.setText("泉城路188号门前")
    dialog.description.setPlainText("占道经营，摊位两处")
    _click_then_enter(qtbot, dialog, dialog.save_button)  # no position, no photo
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.address.text() == "泉城路188号门前" and dialog.description.toPlainText() == "占道经营，摊位两处"
    assert QApplication.focusWidget() is dialog.lat
    assert dialog.save_button.isEnabled() and dialog.save_button.isDefault()
    assert officer_session.store.db.execute("SELECT count(*) FROM disorder_check WHERE address = ?", ["泉城路188号门前"]).fetchone()[0] == 0


def test_violation_dialog_enter_after_an_error_keeps_what_was_typed(qtbot, officer_session: Session, runner: TaskRunner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.violation_dialog import ViolationDialog

    dialog = _shown(qtbot, ViolationDialog(officer_session, runner))
    assert isinstance(dialog, ViolationDialog)
    dialog.inputs["party_name"].setText("张伟")
    dialog.inputs["party_phone"].setText("138")  # too short
    dialog.place.setText("泉城路12号门前")
    _click_then_enter(qtbot, dialog, dialog.save_button)  # and no facts
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.inputs["party_name"].text() == "张伟" and dialog.place.text() == "泉城路12号门前"
    assert QApplication.focusWidget() is dialog.inputs["party_phone"]
    assert officer_session.store.db.execute("SELECT count(*) FROM violation WHERE place = ?", ["泉城路12号门前"]).fetchone()[0] == 0


def test_inspection_dialog_enter_after_an_error_keeps_the_answers(qtbot, officer_session: Session, runner: TaskRunner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.inspection_dialog import InspectionDialog

    row = officer_session.store.db.execute("SELECT id, name, address FROM unit LIMIT 1").fetchone()
    before = officer_session.store.db.execute("SELECT count(*) FROM frontage_inspection WHERE unit_id = ?", [row[0]]).fetchone()[0]
    dialog = _shown(qtbot, InspectionDialog(officer_session, runner, {"id": row[0], "name": row[1], "address": row[2]}))
    assert isinstance(dialog, InspectionDialog)
    for duty in dialog.duties:
        duty.buttons["na"].setChecked(True)  # every duty not applicable: refused
    dialog.duties[1].note.setText("门前有积水")
    _click_then_enter(qtbot, dialog, dialog.save_button)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.duties[1].note.text() == "门前有积水"
    assert all(d.result() == "na" for d in dialog.duties)
    assert _inside(QApplication.focusWidget(), dialog.duties[0])
    assert officer_session.store.db.execute("SELECT count(*) FROM frontage_inspection WHERE unit_id = ?", [row[0]]).fetchone()[0] == before
    dialog.reject()


def test_agreement_dialog_enter_after_an_error_keeps_the_signature(qtbot, officer_session: Session, runner: TaskRunner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.profile import unit_detail
    from inspector_app.ui.agreement_dialog import AgreementDialog

    unit_id = officer_session.store.db.execute("SELECT id FROM unit WHERE agreement_signed = 0 LIMIT 1").fetchone()[0]
    dialog = _shown(qtbot, AgreementDialog(officer_session, runner, unit_detail(officer_session, unit_id)))
    assert isinstance(dialog, AgreementDialog)
    dialog.signer.setText("")
    dialog.pad.add_stroke([(20, 80), (80, 40), (140, 90)])
    _click_then_enter(qtbot, dialog, dialog.save_button)  # nobody named as the signer
    assert dialog.isVisible() and dialog.result() == 0 and not dialog.pad.is_empty()
    assert QApplication.focusWidget() is dialog.signer
    assert officer_session.store.db.execute("SELECT agreement_signed FROM unit WHERE id = ?", [unit_id]).fetchone()[0] == 0


def test_dispose_dialog_enter_after_an_error_keeps_the_choice(qtbot, officer_session: Session, runner: TaskRunner, tmp_path, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.disorders import record_check
    from inspector_app.services.photos import stamp_for, store_photo
    from inspector_app.ui.dispose_dialog import DisposeDialog
    from tests.photo_files import jpeg

    db = officer_session.store.db
    photo = store_photo(officer_session, jpeg(tmp_path / "a.jpg", (800, 600)), stamp_for(officer_session, "泉城路", 36.6661, 117.0182))
    check_id = record_check(officer_session, {"category": "L1", "event_code": "0504", "lat": 36.6661, "lon": 117.0182,
                                              "address": "泉城路12号门前", "photos": [photo.photo_id]}).check_id
    check = {"id": check_id, "address": "", "lat": None, "lon": None}
    dialog = _shown(qtbot, DisposeDialog(officer_session, runner, check))
    assert isinstance(dialog, DisposeDialog)
    dialog.options["transfer"].setChecked(True)
    dialog.note.setText("占用盲道")
    ok = next(b for b in dialog.findChildren(QPushButton) if b.isDefault())
    _click_then_enter(qtbot, dialog, ok)  # handed to nobody
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.options["transfer"].isChecked() and dialog.note.text() == "占用盲道"
    assert QApplication.focusWidget() is dialog.department
    assert db.execute("SELECT status FROM disorder_check WHERE id = ?", [check_id]).fetchone()[0] == "found"


def test_work_order_reply_enter_after_an_error_keeps_the_photos(qtbot, officer_session: Session, runner, settings, tmp_path, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.work_order_dialogs import ReplyDialog
    from tests.photo_files import jpeg

    window = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.page("work_orders")
    page.table.selectRow(0)
    order_id = page.current["id"]
    before = officer_session.store.db.execute("SELECT status FROM work_order WHERE id = ?", [order_id]).fetchone()[0]
    page.steps.buttons["reply"].click()
    dialog = page.steps.dialog
    assert isinstance(dialog, ReplyDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.after.add_file(jpeg(tmp_path / "after.jpg", (900, 700)))
    dialog.text.setPlainText("")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    _click_then_enter(qtbot, dialog, ok)  # no reply text
    assert dialog.isVisible() and dialog.result() == 0 and len(dialog.after.photo_ids()) == 1
    assert QApplication.focusWidget() is dialog.text
    status = officer_session.store.db.execute("SELECT status FROM work_order WHERE id = ?", [order_id]).fetchone()[0]
    assert status == before
    dialog.reject()


def test_while_the_task_runs_enter_does_nothing_and_cancel_never_becomes_default(qtbot, officer_session: Session, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from inspector_app.ui.sign_dialog import SignDialog
    from inspector_app.ui.tasks import TaskRunner as ThreadedRunner

    runner = ThreadedRunner()
    violation = _violation(officer_session)
    dialog = _shown(qtbot, SignDialog(officer_session, runner, violation, RECTIFY_ORDER, "责令限期改正通知书"))
    assert isinstance(dialog, SignDialog)
    dialog.officer1.add_stroke([(20, 60), (120, 30), (220, 70)])
    box = dialog.findChild(QDialogButtonBox)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # the task now runs on a worker thread
    assert not dialog.ok.isEnabled() or dialog.errors.isVisible()
    assert QApplication.focusWidget() is not cancel and not cancel.isDefault()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ok.isEnabled() and dialog.errors.isVisible())
    assert dialog.isVisible() and not dialog.officer1.is_empty()
    assert _inside(QApplication.focusWidget(), dialog.party) and not cancel.isDefault()
    runner.wait()
