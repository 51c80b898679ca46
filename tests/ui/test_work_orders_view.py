"""The 待办 page as officers and dispatchers use it: the list by time left with overdue in red,
the badge, handling an order with photos and a template, a refused step that keeps what was
typed, dispatching, the spreadsheet import, the indicators tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QTabWidget

from inspector_app.domain.clock import parse_utc
from inspector_app.services.session import Session
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.work_orders_view import RED
from inspector_app.ui.work_order_dialogs import ReplyDialog, StepDialog
from tests.photo_files import jpeg


def status(session: Session, order_id: str) -> str:
    return str(session.store.db.execute("SELECT status FROM work_order WHERE id = ?", [order_id]).fetchone()[0])


def test_the_officers_todo_by_time_left_with_overdue_in_red_and_the_badge(qtbot, zh, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.page("work_orders")
    rows = page.rows
    assert len(rows) >= 3 and page.table.rowCount() == len(rows)
    deadlines = [r["deadline"] for r in rows]
    assert deadlines == sorted(deadlines)
    now = window.session.now()
    overdue = [i for i, r in enumerate(rows) if parse_utc(r["deadline"]) < now]
    assert overdue and page.table.item(overdue[0], 0).foreground().color() == RED
    assert page.table.item(overdue[0], 0).text().startswith("超时")
    badge = window.orders_badge
    assert badge.isVisible() and f"{len(rows)} 件待办" in badge.text() and "件今天到期" in badge.text()
    window.page("patrol")
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page


def test_handling_an_order_with_photos_and_a_template(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = window.page("work_orders")
    index = 0
    order_id, before = page.rows[index]["id"], page.rows[index]["status"]
    page.table.selectRow(index)
    assert page.current["id"] == order_id
    assert page.steps.buttons["start"].isVisibleTo(page) == (before == "dispatched")
    assert page.steps.buttons["reply"].isVisibleTo(page)
    assert not page.steps.buttons["close"].isVisibleTo(page)  # a dispatcher's step
    qtbot.mouseClick(page.steps.buttons["reply"], Qt.MouseButton.LeftButton)
    dialog = page.steps.dialog
    assert isinstance(dialog, ReplyDialog)
    dialog._use_template(1)
    assert dialog.text.toPlainText()
    dialog.buttons.accepted.emit()  # no "after" photo yet: refused, the dialog keeps the text
    assert dialog.errors.isVisible() and dialog.text.toPlainText() and status(window.session, order_id) == before
    dialog.after.add_file(jpeg(tmp_path / "after.jpg", (900, 700)))
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible() and status(window.session, order_id) == "replied"
    assert order_id not in [r["id"] for r in page.rows]  # it waits for 核查 now


def test_a_return_needs_a_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.page("work_orders")
    page.table.selectRow(0)
    order_id = page.current["id"]
    qtbot.mouseClick(page.steps.buttons["return"], Qt.MouseButton.LeftButton)
    dialog = page.steps.dialog
    assert isinstance(dialog, StepDialog)
    dialog.buttons.accepted.emit()
    assert dialog.errors.isVisible() and status(window.session, order_id) != "returned"
    dialog.findChild(QPlainTextEdit, "reason").setPlainText("不属于城管职责")
    dialog.buttons.accepted.emit()
    assert status(window.session, order_id) == "returned"


def test_the_dispatcher_dispatches_by_hand_and_by_road(qtbot, supervisor_session: Session, runner, settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(supervisor_session, runner, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.page("work_orders")
    assert page.view.currentData() == "to_dispatch" and page.rows
    page.table.selectRow(0)
    order_id = page.current["id"]
    assert page.steps.buttons["dispatch"].isVisibleTo(page)
    qtbot.mouseClick(page.steps.buttons["dispatch"], Qt.MouseButton.LeftButton)
    dialog = page.steps.dialog
    who = dialog.findChild(QComboBox, "officer")
    who.setCurrentIndex(1)
    dialog.buttons.accepted.emit()
    assert status(supervisor_session, order_id) == "dispatched"
    assert order_id not in [r["id"] for r in page.rows]
    before = len(page.rows)
    qtbot.mouseClick(page.steps.by_road, Qt.MouseButton.LeftButton)
    assert len(page.rows) <= before
    assert "dispatched by road" in page.count.text()


def test_the_dispatcher_imports_a_spreadsheet(qtbot, supervisor_session: Session, runner, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.context import AppEvents, PageContext
    from inspector_app.ui.work_order_import_dialog import WorkOrderImportDialog

    known = supervisor_session.store.db.execute("SELECT platform_no FROM work_order WHERE source = 'hotline' LIMIT 1")
    number = known.fetchone()[0]
    csv = tmp_path / "12345导出.csv"
    csv.write_text("工单编号,来源,事件编码,反映内容,问题地址,联系电话,派单时间\n"
                   "JN12345-20261120-9901,12345,0504 店外经营,饭店占道经营,泉城路18号,13812340000,2026-11-20 08:10\n"
                   "JN12345-20261120-9902,12345,9999,无效编码,泉城路20号,123,2026-11-20 08:20\n"
                   f"{number},12345,0504,重复推送,泉城路22号,13812340000,2026-11-19 08:10\n", "utf-8")
    ctx = PageContext(supervisor_session, runner, AppEvents(), settings)
    dialog = WorkOrderImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load(csv)
    assert dialog.plan is not None
    assert (dialog.plan.count("create"), dialog.plan.count("error"), dialog.plan.count("duplicate")) == (1, 1, 1)
    assert "choose one of the offered values" in dialog.table.item(1, 2).text()
    dialog.run()
    row = supervisor_session.store.db.execute(
        "SELECT status, category, squad_id FROM work_order WHERE platform_no = 'JN12345-20261120-9901'").fetchone()
    assert row[0] == "received" and row[1] == "0504"


def test_the_indicators_tab(qtbot, supervisor_session: Session, runner, settings, zh) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(supervisor_session, runner, settings)
    qtbot.addWidget(window)
    window.show()
    rates = window.page("rates")
    tabs = rates.findChild(QTabWidget)
    assert tabs.tabText(2) == "工单指标"
    from inspector_app.ui.work_order_indicators_widget import WorkOrderIndicatorsWidget

    widget = rates.findChild(WorkOrderIndicatorsWidget)
    table = widget.table
    assert table.rowCount() >= 2 and table.item(table.rowCount() - 1, 0).text() == "合计"
    assert table.item(table.rowCount() - 1, 3).text().endswith("%")
    widget.group.setCurrentIndex(widget.group.findData("category"))
    assert table.item(0, 0).text()[:4].isdigit()
