"""The 法制审核 page and the officer's held-back document, with real widgets (issue 19): the
officer's 不予行政处罚决定书 opens no signing but the 待法制审核 box; the clerk's page lists it
with its evidence, refuses a return without an opinion in the dialog, returns and approves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.services.notice_documents import issue_document
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.violations import close_violation, record_violation
from inspector_app.ui.legal_review_dialog import HeldBackBox, ReturnReviewDialog
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.sign_dialog import SignDialog
from tests.photo_files import jpeg
from tests.services.test_notices import ALL, _signed, _values


def _visible(kind):  # type: ignore[no-untyped-def]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _rectified(session: Session, tmp_path: Path, clock) -> str:  # type: ignore[no-untyped-def]
    violation_id = record_violation(session, _values(session), ALL).ids("violation")[0]
    issue_document(session, violation_id, "warning", _signed())
    clock.advance(days=1)
    photo = store_photo(session, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(session, "", None, None))
    close_violation(session, violation_id, rectified=True, photo_ids=[photo.photo_id])
    return violation_id


def _count(session: Session, sql: str) -> int:
    return int(session.store.db.execute(sql).fetchone()[0])


def test_the_officer_sends_a_held_back_decision_and_takes_no_number(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path, clock, zh) -> None:
    session = window.session
    violation_id = _rectified(session, tmp_path, clock)
    documents = _count(session, "SELECT count(*) FROM document")
    view = window.page("notices")
    view.flow.sign(violation_id, "no_penalty", "不予行政处罚决定书")
    assert not _visible(SignDialog)
    box = _visible(HeldBackBox)[0]
    assert "法制审核" in box.text() and "不取文号" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert _count(session, "SELECT count(*) FROM legal_review WHERE status = 'pending' AND doc_type = 'no_penalty' "
                           f"AND violation_id = '{violation_id}'") == 1
    view.reload()
    row = next(i for i, r in enumerate(view.rows) if r["id"] == violation_id)
    assert "待法制审核" in view.table.item(row, 4).text()
    view.flow.sign(violation_id, "no_penalty", "不予行政处罚决定书")
    pending = next(b for b in _visible(HeldBackBox) if b is not box)
    assert "待法制审核" in pending.text() and pending.button(QMessageBox.StandardButton.Yes) is None
    assert _count(session, "SELECT count(*) FROM document") == documents  # no number was taken


def test_the_reviewer_returns_with_an_opinion_and_approves(  # type: ignore[no-untyped-def]
        qtbot, officer_session: Session, demo_session_for, runner, settings, tmp_path: Path, clock, zh) -> None:
    from inspector_app.services.legal_reviews import document_gate, request_review

    clerk = demo_session_for("zhaomin")
    window = MainWindow(clerk, runner, settings)
    qtbot.addWidget(window)
    window.show()
    view = window.page("legal_review")
    # The demo's two: the officer's 不予行政处罚决定书, and a 首违不罚 the server re-decided.
    assert view.table.rowCount() == 2 and not view.empty.isVisibleTo(view)
    server = next(i for i, r in enumerate(view.rows) if r["origin"] == "server")
    view.table.selectRow(server)
    assert view.table.item(server, 3).text() == "服务器复核"
    evidence = view.evidence.toPlainText()
    assert "服务器复核判断：不予首违不罚，立案" in evidence and "区" in evidence.split("既往违法记录")[1] and "历下区" not in evidence.split("既往违法记录")[1] and "不属于初次违法" in evidence

    first = _rectified(officer_session, tmp_path, clock)
    review_id = request_review(officer_session, first, "no_penalty").ids("legal_review", "create")[0]
    view.reload()
    assert view.table.rowCount() == 3
    view.table.selectRow(next(i for i, r in enumerate(view.rows) if r["id"] == review_id))
    evidence = view.evidence.toPlainText()
    assert "不予行政处罚决定书须经法制审核" in evidence and "初次违法" in evidence and "张伟" in evidence

    view.send_back()
    dialog = _visible(ReturnReviewDialog)[0]
    dialog.send_back()  # no opinion: said in the dialog, nothing returned
    assert dialog.isVisible() and dialog.errors.isVisibleTo(dialog) and "意见" in dialog.errors.text()
    assert document_gate(officer_session, first, "no_penalty").status == "pending"
    dialog.opinion.setPlainText("复查照片看不清门牌，请补拍。")
    dialog.send_back()
    assert not dialog.isVisible()
    assert document_gate(officer_session, first, "no_penalty").status == "returned"
    assert review_id not in [r["id"] for r in view.rows]

    again = request_review(officer_session, first, "no_penalty").ids("legal_review", "create")[0]
    view.reload()
    view.table.selectRow(next(i for i, r in enumerate(view.rows) if r["id"] == again))
    view.approve()
    assert document_gate(officer_session, first, "no_penalty").status == "approved"
    while view.rows:  # the demo's two approved as well: the page says what to do next
        view.approve()
    assert view.empty.isVisibleTo(view) and "法制审核" in view.empty.text() and not view.approve_button.isEnabled()
    view.which.setCurrentIndex(1)  # decided ones, newest first
    assert view.table.rowCount() == 4
    statuses = [view.table.item(i, 4).text() for i in range(4)]
    assert statuses.count("审核通过") == 3 and statuses[-1] == "审核退回"


def test_the_sync_page_says_in_plain_chinese_what_the_server_found(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    # The demo officer has a 首违不罚 the server re-decided over another district's earlier warning.
    view = window.page("sync")
    view.controller.refresh()
    assert view.redecided.isVisibleTo(view)
    text = view.redecided.text()
    assert text.startswith("刘洋（FO25）：服务器查到当事人于") and "有同类违法记录，已转法制审核" in text
    squad = window.session.store.db.execute(
        "SELECT s.name FROM legal_review r JOIN violation p ON p.item_code = r.item_code AND p.squad_id != r.squad_id "
        "JOIN squad s ON s.id = p.squad_id WHERE r.origin = 'server'").fetchone()[0]
    assert squad in text
