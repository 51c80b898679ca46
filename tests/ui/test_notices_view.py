import os

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.domain.documents import qr_payload
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pdf_preview_dialog import PdfPreviewDialog
from inspector_app.ui.sign_dialog import SignDialog
from inspector_app.ui.violation_dialog import ViolationDialog


def _visible(kind):  # type: ignore[no-untyped-def]
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _fill(dialog: ViolationDialog) -> None:
    dialog.inputs["party_name"].setText("张伟")
    dialog.inputs["party_id_number"].setText("11010519491231002X")
    dialog.inputs["party_address"].setText("济南市历下区泉城路12号")
    dialog.item.setCurrentIndex(dialog.item.findData("FO25"))
    dialog.facts.setPlainText("在行道树上拴绳晾挂衣物。")
    dialog.place.setText("泉城路12号门前")


def test_street_flow_decision_sign_preview_and_no_printer(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view = window.page("notices")
    dialog = view.new_violation()
    _fill(dialog)
    dialog.reassess()
    assert "不符合" in dialog.outcome.text() or "不" in dialog.outcome.text()  # conditions not yet confirmed
    for box in dialog.conditions.values():
        box.setChecked(True)
    dialog.reassess()
    assert dialog.assessment is not None and dialog.assessment.decision.outcome == "first_offence"
    assert "首违不罚" in dialog.outcome.text()
    dialog.save()
    sign = _visible(SignDialog)
    sign.issue()  # nobody signed: refused
    assert sign.isVisible() and sign.errors.isVisibleTo(sign)
    sign.party.add_stroke([(20, 60), (120, 30), (220, 70)])
    sign.officer1.add_stroke([(20, 60), (120, 30)])
    sign.officer2.add_stroke([(20, 60), (120, 30)])
    sign.issue()
    preview = _visible(PdfPreviewDialog)
    assert preview.document.pageCount() >= 2
    assert "首违不罚告知书" in preview.windowTitle()
    assert not preview.print_document()  # the offscreen machine has no printer
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "noPrinter")
    assert "打印机" in box.text()
    db = window.session.store.db
    assert db.execute("SELECT sum(print_count), count(*) FROM document").fetchone() == (0, 2)
    assert view.table.rowCount() >= 1 and "济历下城管警告" in view.table.item(0, 5).text()


def test_refusal_without_witness_is_explained(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.page("notices")
    dialog = view.new_violation()
    _fill(dialog)
    dialog.item.setCurrentIndex(dialog.item.findData("FO01"))
    dialog.save()
    sign = _visible(SignDialog)
    sign.refused.setChecked(True)
    sign.reason.setText("不认可")
    sign.issue()
    assert "witness" in sign.errors.text()
    sign.witness.setText("居委会 刘敏")
    sign.issue()
    assert not sign.isVisible()


def test_clerk_documents_page_preview_and_verify(qtbot, window: MainWindow, demo_session_for, runner, settings) -> None:  # type: ignore[no-untyped-def]
    view = window.page("notices")
    dialog = view.new_violation()
    _fill(dialog)
    dialog.item.setCurrentIndex(dialog.item.findData("FO01"))
    dialog.save()
    sign = _visible(SignDialog)
    sign.party.add_stroke([(20, 60), (120, 30)])
    sign.issue()
    _visible(PdfPreviewDialog).close()
    clerk = MainWindow(demo_session_for("zhaomin"), runner, settings)
    qtbot.addWidget(clerk)
    docs = clerk.page("documents")
    assert docs.table.rowCount() == 2
    docs.table.selectRow(0)
    assert docs._pdf is not None and docs._pdf[0].pageCount() >= 1
    number, digest = clerk.session.store.db.execute("SELECT number, content_sha256 FROM document LIMIT 1").fetchone()
    docs.verify_input.setText(qr_payload(number, digest))
    docs.verify()
    party = clerk.session.store.db.execute("SELECT party_name FROM document LIMIT 1").fetchone()[0]
    assert "✔" in docs.verify_facts.text() and party in docs.verify_facts.text()  # the key facts beside the verdict
    if os.environ.get("INSPECTOR_SCREENSHOTS"):
        clerk.resize(1024, 600)
        clerk.show()
        qtbot.wait(300)
        clerk.grab().save(os.environ["INSPECTOR_SCREENSHOTS"] + "/documents-verify.png")
    docs.verify_input.setText(qr_payload(number, "f" * 64))
    docs.verify()
    assert "✘" in docs.verify_facts.text()


def test_an_officer_reopens_and_reprints_a_notice_from_the_list(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view = window.page("notices")
    dialog = view.new_violation()
    _fill(dialog)
    for box in dialog.conditions.values():
        box.setChecked(True)
    dialog.save()
    sign = _visible(SignDialog)
    for pad in (sign.party, sign.officer1, sign.officer2):
        pad.add_stroke([(20, 60), (120, 30)])
    sign.issue()
    for shown in [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog) and w.isVisible()]:
        shown.close()  # every paper the issue showed (the notice, its 送达回证 …)
    number = window.session.store.db.execute("SELECT number FROM document WHERE doc_type = 'warning'").fetchone()[0]
    view.table.clearSelection()
    assert not view.documents_button.isEnabled()
    view.table.selectRow(next(i for i, r in enumerate(view.rows) if r["number"] == number))
    assert view.documents_button.isEnabled()
    actions = view.documents_menu.actions()
    notice = [a for a in actions if "首违不罚告知书" in a.text() and number in a.text()]
    assert len(notice) == 1 and any("送达回证" in a.text() for a in actions), [a.text() for a in actions]
    notice[0].trigger()
    preview = view.flow.preview_dialog  # the one this menu opened (an earlier test may leave others)
    assert preview is not None and preview.isVisible()
    assert number in preview.windowTitle() and preview.document.pageCount() >= 1
    assert hasattr(preview, "print_button") and preview.print_button.isEnabled()
    preview.close()


def test_the_scene_record_is_typed_then_signed(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    """Issue 17, part 7: the 笔录 dialog offers the recusal question with no answer; without the
    answer it stays open saying why; the typed answers and times reach the paper."""
    from inspector_app.ui.record_dialog import RecordDialog

    window.apply_language("zh_CN")
    view = window.page("notices")
    dialog = view.new_violation()
    _fill(dialog)
    dialog.item.setCurrentIndex(dialog.item.findData("FO01"))
    dialog.save()
    _visible(SignDialog).reject()
    view.table.selectRow(0)
    view.write_record()
    record = _visible(RecordDialog)
    assert record.qa.rowCount() == 1 and record.qa.item(0, 0).text().endswith("是否申请我们回避？")
    assert record.qa.item(0, 1).text() == ""  # never answered for the party
    record.done_typing()
    assert record.isVisible() and "回答" in record.errors.text()
    record.qa.item(0, 1).setText("不申请。")
    record.add_entry("货架是谁摆放的？", "是我摆的。")
    record.start.setDateTime(record.start.dateTime().addSecs(-30 * 60))
    if os.environ.get("INSPECTOR_SCREENSHOTS"):
        record.resize(1024, 600)
        qtbot.wait(200)
        record.grab().save(os.environ["INSPECTOR_SCREENSHOTS"] + "/record-dialog.png")
    record.done_typing()
    assert not record.isVisible()
    sign = _visible(SignDialog)
    sign.party.add_stroke([(20, 60), (120, 30)])
    sign.issue()
    _visible(PdfPreviewDialog).close()
    snapshot = window.session.store.db.execute(
        "SELECT snapshot FROM document WHERE doc_type = 'inspection_record'").fetchone()[0]
    assert "是我摆的。" in snapshot and "不申请。" in snapshot and "9时30分" in snapshot
