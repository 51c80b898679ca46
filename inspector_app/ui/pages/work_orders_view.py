"""The 待办 page: work orders sent by the city (12345, 数字城管, 随手拍, 路长, 领导交办) — the
officer's open ones by time left with a live countdown, overdue in red; the dispatcher's queues;
one order's details, timeline and the steps it can take now."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import parse_utc
from inspector_app.domain.work_orders import (
    EVENT_LABELS,
    EXTENSION_LABELS,
    SATISFACTION,
    SOURCES,
    STATUS_LABELS,
)
from inspector_app.services.session import LOCAL_TZ
from inspector_app.services.work_order_views import (
    VIEWS,
    export_orders,
    local_time,
    order_detail,
    order_list,
    views_for,
)
from inspector_app.services.work_orders import local_day_end, reveal_contact
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.work_order_actions import WorkOrderActions

ROLE = Qt.ItemDataRole.UserRole
RED, ORANGE = QColor("#c62828"), QColor("#ef6c00")


class WorkOrdersView(Page):
    """Lists, detail and steps of work orders."""

    shows = ("work_order",)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.session = ctx.session
        self.current: dict[str, Any] | None = None
        self.rows: list[dict[str, Any]] = []
        self.steps = WorkOrderActions(self, ctx)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        split = QSplitter()
        split.addWidget(self._build_table())
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 360])
        layout.addWidget(split, 1)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.refresh()

    def _build_bar(self) -> QHBoxLayout:
        self.view = QComboBox()
        self.view.setObjectName("orderView")
        for key in views_for(self.session):
            self.view.addItem(tr_text(VIEWS[key], "work_orders"), key)
        self.view.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, place or words (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.count = QLabel()
        self.count.setObjectName("orderCount")
        bar = QHBoxLayout()
        bar.addWidget(self.view)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        for button in self.steps.bar_buttons():
            bar.addWidget(button)
        export = QPushButton(icon("fa5s.file-excel"), self.tr("Export…"))
        export.clicked.connect(self.export)
        bar.addWidget(export)
        return bar

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("orderTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time left"), self.tr("Category"), self.tr("Place"),
                                              self.tr("Status"), self.tr("Source"), self.tr("Handler")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((112, 96, 150, 70, 72)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty = QLabel()
        return self.table

    def _build_detail(self) -> QWidget:
        body = QWidget()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("number", self.tr("Order")), ("category", self.tr("Category")), ("status", self.tr("Status")),
                           ("deadline", self.tr("Deadline")), ("place", self.tr("Place")),
                           ("reporter", self.tr("Reporter")), ("words", self.tr("Reported")),
                           ("handling", self.tr("Handling")), ("links", self.tr("Hand-over"))):
            value = QLabel()
            value.setObjectName(f"order_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
        self.show_contact = QPushButton(icon("fa5s.phone"), self.tr("Show number"))
        self.show_contact.setObjectName("showContact")
        self.show_contact.clicked.connect(self._reveal)
        form.addRow("", self.show_contact)
        self.photos = PhotoStripWidget(self.session, self.ctx.runner, lambda: ("", None, None))
        for b in (self.photos.add_button, self.photos.camera_button, self.photos.remove_button):
            b.hide()
        self.timeline = QListWidget()
        self.timeline.setObjectName("orderTimeline")
        self.timeline.setMinimumHeight(90)
        self.buttons = QGridLayout()
        self.steps.grid = self.buttons
        for button in self.steps.step_buttons():
            self.buttons.addWidget(button, 0, 0)
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addWidget(self.photos)
        column.addWidget(QLabel(self.tr("Timeline")))
        column.addWidget(self.timeline, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        panel = QWidget()
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(self.buttons)
        self.show_order(None)
        return panel

    # -- list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the chosen list off the UI thread."""
        self.ctx.runner.run(order_list, self.session, self.view.currentData(), self.search.text(),
                            on_done=self._show_list, on_error=lambda e: show_error(self, e))

    def _show_list(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        total, self.rows = result
        self.table.setColumnHidden(5, self.view.currentData() == "mine")
        self.count.setText(self.tr("{n} orders").format(n=total) if total <= len(self.rows) else
                           self.tr("{n} orders, the first {shown} listed").format(n=total, shown=len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = ("", r["title"] or r["category"], r["address"],
                     tr_text(STATUS_LABELS.get(r["status"], r["status"]), "work_orders"),
                     tr_text(SOURCES.get(r["source"], r["source"]), "work_orders"), r["assignee_name"] or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, r["id"])
                self.table.setItem(i, column, item)
        self._tick()
        if not self.rows:
            self.show_order(None)
        keep = self.current["id"] if self.current else None
        if keep and any(r["id"] == keep for r in self.rows):
            self.open_record(keep)

    def _tick(self) -> None:
        """The countdown column, from the deadlines already read (no database access)."""
        now = self.session.now()
        day_end = local_day_end(self.session)
        for i, r in enumerate(self.rows):
            item = self.table.item(i, 0)
            if item is None:
                continue
            deadline = parse_utc(r["deadline"])
            running = r["status"] in ("received", "dispatched", "handling", "returned")  # the clock runs
            item.setText(self.time_left_text(deadline, now) if running else local_time(r["deadline"]))
            colour = RED if running and deadline < now else ORANGE if running and deadline <= day_end else None
            for column in range(self.table.columnCount()):
                cell = self.table.item(i, column)
                if cell is not None:
                    cell.setForeground(colour or self.palette().text().color())

    def time_left_text(self, deadline: datetime, now: datetime) -> str:
        """剩余 2小时15分 / 超时 1天3小时 — the countdown as officers read it."""
        left = deadline - now
        seconds = abs(int(left.total_seconds()))
        days, hours, minutes = seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60
        if days:
            span = self.tr("{d} d {h} h").format(d=days, h=hours)
        elif hours:
            span = self.tr("{h} h {m} min").format(h=hours, m=minutes)
        else:
            span = self.tr("{m} min").format(m=minutes)
        return self.tr("overdue {span}").format(span=span) if left.total_seconds() < 0 else span

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        if item is not None:
            self.open_record(item.data(ROLE))

    def open_record(self, order_id: str) -> None:
        """Show one order (also from the map or the badge)."""
        self.ctx.runner.run(order_detail, self.session, order_id, on_done=self.show_order,
                            on_error=lambda e: show_error(self, e))

    # -- detail ----------------------------------------------------------------------------
    def show_order(self, order: dict[str, Any] | None) -> None:
        self.current = order
        self.steps.update(order)
        self.timeline.clear()
        self.show_contact.setVisible(bool(order and order["contact_visible"]))
        if order is None:
            for label in self.fields.values():
                label.clear()
            self.fields["number"].setText(self.tr("Choose an order in the list."))
            self.photos.set_photo_ids([])
            return
        extension = order["extension_status"]
        deadline = local_time(order["deadline"], "%Y-%m-%d %H:%M") + f"（{order['limit_text']}）"
        if order["deadline_estimated"]:
            deadline += self.tr(" — estimated: the holiday calendar of that year is not loaded")
        if extension:
            deadline += f"\n{tr_text(EXTENSION_LABELS[extension], 'work_orders')}: {order['extension_days'] or ''}" \
                        f" {order['extension_reason']}"
        handling = order["reply_text"] or order["return_reason"] or order["shelve_reason"] or "—"
        if order["satisfaction"]:
            handling += "\n" + self.tr("回访: {answer}").format(
                answer=tr_text(SATISFACTION.get(order["satisfaction"], ""), "work_orders"))
        links = []
        if order["check"]:
            links.append(self.tr("八乱 check ({status})").format(status=order["check"]["status"]))
        links += [self.tr("violation: {party}").format(party=v["party_name"]) for v in order["violations"]]
        values = {
            "number": f"{tr_text(SOURCES.get(order['source'], ''), 'work_orders')} {order['platform_no']}",
            "category": f"{order['category']} {order['category_name']}",
            "status": tr_text(STATUS_LABELS.get(order["status"], ""), "work_orders") +
                      (f" · {order['assignee_name']}" if order["assignee_name"] else ""),
            "deadline": deadline,
            "place": order["address"] + (f"（{order['road_name']}）" if order["road_name"] else ""),
            "reporter": f"{order['reporter_name']} {order['reporter_phone']}".strip() or "—",
            "words": f"{order['description']}\n{local_time(order['reported_at'] or order['received_at'], '%Y-%m-%d %H:%M')}",
            "handling": handling, "links": "；".join(links) or "—",
        }
        for key, label in self.fields.items():
            label.setText(values[key])
        self.photos.set_photo_ids(order["reporter_photos"] + order["before_photos"] + order["after_photos"])
        for e in order["timeline"]:
            what = tr_text(EVENT_LABELS.get(e["kind"], e["kind"]), "work_orders")
            if e["kind"] == "visit":
                note = tr_text(SATISFACTION.get(e["note"], e["note"]), "work_orders")
            else:
                note = e["note"]
            self.timeline.addItem(f"{local_time(e['at'])}  {e['officer_name'] or ''}  {what}  {note}".strip())

    def _reveal(self) -> None:
        if self.current:
            self.ctx.runner.run(reveal_contact, self.session, self.current["id"],
                                on_done=lambda c: self.fields["reporter"].setText(f"{c[0]} {c[1]}"),
                                on_error=lambda e: show_error(self, e))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export work orders"), "工单.xlsx", "Excel (*.xlsx)")
        if name:
            self.ctx.runner.run(export_orders, self.session, self.view.currentData(), Path(name), self.search.text(),
                                on_done=lambda n: self.count.setText(self.tr("Exported {n} orders").format(n=n)),
                                on_error=lambda e: show_error(self, e))

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def shortcut_help(self) -> list[str]:
        return [self.tr("待办: Ctrl+F searches the orders")]


__all__ = ["LOCAL_TZ", "WorkOrdersView"]
