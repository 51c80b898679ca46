"""The clerk's documents page: void validated in its dialog, the preview follows the selection,
search by party / number / date, saving every selected document, and no PDF viewer."""

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.services.notice_documents import issue_document
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pdf_files import open_pdf
from inspector_app.ui.void_dialog import VoidDialog
from tests.services.test_notices import ALL, _signed, _values


def _issue(session: Session, party: str) -> list[str]:
    # Another ID card for each party: the same card with the same item would not be a first offence.
    values = _values(session, party_name=party, party_id_number={"张伟": "11010519491231002X", "李娜": "370102198001011237"}[party])
    violation_id = record_violation(session, values, ALL).ids("violation")[0]
    return issue_document(session, violation_id, "warning", _signed()).numbers


def _docs(qtbot, demo_session_for, runner, settings):  # type: ignore[no-untyped-def]
    clerk = MainWindow(demo_session_for("zhaomin"), runner, settings)
    qtbot.addWidget(clerk)
    return clerk.page("documents")


def _row_of(docs, number: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, r in enumerate(docs.rows) if r["number"] == number)


def test_void_with_an_empty_reason_keeps_the_dialog_open_and_says_why_in_chinese(  # type: ignore[no-untyped-def]
        qtbot, officer_session, demo_session_for, runner, settings, zh) -> None:
    number = _issue(officer_session, "张伟")[0]
    docs = _docs(qtbot, demo_session_for, runner, settings)
    docs.table.selectRow(_row_of(docs, number))
    docs.void_selected()
    dialog = docs.findChild(VoidDialog, "voidDialog")
    dialog.reason.setPlainText("   ")
    dialog.ok.click()
    assert dialog.isVisible() and dialog.errors.isVisibleTo(dialog)
    assert "作废原因" in dialog.errors.text()
    db = docs.ctx.session.store.db
    assert db.execute("SELECT count(*) FROM document WHERE status = 'voided'").fetchone()[0] == 0
    dialog.reason.setPlainText("当事人姓名写错")
    dialog.ok.click()
    assert not dialog.isVisible()
    assert db.execute("SELECT status, void_reason FROM document WHERE number = ?", [number]).fetchone() == ("voided", "当事人姓名写错")


def test_the_preview_follows_the_selection(qtbot, officer_session, demo_session_for, runner, settings) -> None:  # type: ignore[no-untyped-def]
    first = _issue(officer_session, "张伟")[0]
    second = _issue(officer_session, "李娜")[0]
    docs = _docs(qtbot, demo_session_for, runner, settings)
    docs.table.selectRow(_row_of(docs, first))
    shown = docs._shown_id
    assert docs.view.document() is docs._pdf[0] and docs.rows[_row_of(docs, first)]["id"] == shown
    docs.table.selectRow(_row_of(docs, second))
    assert docs._shown_id == docs.rows[_row_of(docs, second)]["id"] and docs.view.document() is docs._pdf[0]
    docs.status.setCurrentIndex(docs.status.findData("voided"))  # the list empties: nothing is previewed
    assert docs.table.rowCount() == 0 and docs._shown_id is None and docs.view.document() is None


def test_search_by_party_number_typed_loosely_and_date(qtbot, officer_session, demo_session_for, runner, settings) -> None:  # type: ignore[no-untyped-def]
    zhang = _issue(officer_session, "张伟")[0]
    _issue(officer_session, "李娜")
    docs = _docs(qtbot, demo_session_for, runner, settings)
    assert docs.table.rowCount() == 4
    docs.search.setText("李娜")
    docs.reload()
    assert docs.table.rowCount() == 2 and {r["party_name"] for r in docs.rows} == {"李娜"}
    docs.search.setText(zhang.replace("〔", "[").replace("〕", "]").replace("第0001号", "第1号"))
    docs.reload()
    assert [r["number"] for r in docs.rows] == [zhang]
    docs.search.clear()
    docs.start.setDate(QDate(2026, 1, 1))
    docs.end.setDate(QDate(2026, 1, 31))
    assert docs.table.rowCount() == 0


def test_save_as_writes_every_selected_document(qtbot, officer_session, demo_session_for, runner, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _issue(officer_session, "张伟")
    _issue(officer_session, "李娜")
    docs = _docs(qtbot, demo_session_for, runner, settings)
    ids = [r["id"] for r in docs.rows]
    docs.save_to("folder", tmp_path / "out", ids)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 4 and all(f.endswith(".pdf") for f in files)
    assert {f.removesuffix(".pdf") for f in files} == {r["number"] for r in docs.rows}
    docs.save_to("merged", tmp_path / "all.pdf", ids)
    from PySide6.QtPdf import QPdfDocument

    merged = QPdfDocument()
    merged.load(str(tmp_path / "all.pdf"))
    single = sum(QPdfDocument.pageCount(d) for d in _loaded(tmp_path / "out"))
    assert merged.pageCount() == single and single >= 4


def _loaded(folder: Path) -> list:  # type: ignore[type-arg]
    from PySide6.QtPdf import QPdfDocument

    out = []
    for path in sorted(folder.iterdir()):
        d = QPdfDocument()
        d.load(str(path))
        out.append(d)
    return out


def test_open_pdf_without_a_viewer_says_so_and_offers_save_as(qtbot, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "日报.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not open_pdf(parent, path)  # the offscreen platform has no viewer, as a bare laptop has none
    box = parent.findChild(QMessageBox, "noPdfViewer")
    assert box is not None and box.isVisible()
    assert "PDF" in box.text() and str(path) in box.text()
    assert any("另存为" in b.text() for b in box.buttons())
    box.close()
