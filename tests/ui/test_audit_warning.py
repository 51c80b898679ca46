"""The main window verifies the audit chain in the background after opening and shows a red
warning that explains itself when the chain does not hold."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from inspector_app.ui.main_window import MainWindow
from tests.ui.conftest import when_shown


def test_an_intact_chain_shows_nothing(window: MainWindow) -> None:
    status = window.audit_warning.status
    assert status is not None and status.ok and status.checked > 0
    assert window.audit_warning.isHidden()


def test_a_changed_entry_is_warned_about_and_explained(window: MainWindow, zh: None) -> None:
    with window.session.store.transaction() as db:
        db.execute("UPDATE audit_log SET details = '{}' WHERE seq = 1")
    window.audit_warning.refresh()
    warning = window.audit_warning
    assert not warning.isHidden() and "执法记录链异常（1 处）" in warning.text()
    assert warning.status is not None and [b.seq for b in warning.status.local] == [1]
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.reject()

    when_shown(QMessageBox, read)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(warning, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert seen and "条目 1" in seen[0] and "管理员" in seen[0]
