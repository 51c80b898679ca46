"""The conflict page: both values side by side with the form's field label; merging asks for
the value to keep."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from inspector_app.ui.main_window import MainWindow
from tests.services.test_conflicts import _conflict, _unit


def test_merging_two_values_on_the_page(qtbot, supervisor_session, runner, settings, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    unit_id, name = _unit(supervisor_session)
    _conflict(supervisor_session, unit_id, "contact", "李四", "王五")
    window = MainWindow(supervisor_session, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    page = window.page("conflicts")
    assert [page.table.item(0, c).text() for c in range(4)] == [f"责任单位: {name}", "联系人", "李四", "王五"]
    asked: list[str] = []

    def answer(_parent, _title, label, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "李四、王五", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", answer)
    page.merge.click()
    assert asked == ["李四 / 王五"]
    assert page.table.isHidden() and not page.empty.isHidden()
    contact = supervisor_session.store.db.execute("SELECT contact FROM unit WHERE id = ?", [unit_id]).fetchone()[0]
    assert contact == "李四、王五"
