"""The two lists of the 公示 page: the decisions of the chosen range as the platform will show
them, and the decisions still to publish with their counts. Each has its empty state."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.clock import local_text
from inspector_app.services.publication import ToPublish
from inspector_app.services.publication_rows import HEADERS, PublicRow

LATE = "#b3261e"
_NAME, _DECIDED = HEADERS.index("行政相对人名称"), HEADERS.index("处罚决定日期")


def _cell(text: str, key: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setToolTip(text)
    return item


def _table(name: str, headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)  # one line per decision; a long squad name is elided, whole in its tooltip
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


def _empty(name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setStyleSheet("color: #5f6368; font-size: 12pt; padding: 24px;")
    label.hide()
    return label


def _deadline(at: datetime, estimated: bool, fmt: str = "%Y-%m-%d") -> str:
    return at.strftime(fmt) + ("*" if estimated else "")  # * : a year the holiday calendar lacks


class RangeListWidget(QWidget):
    """The decisions of the range, masked as published, with their deadline and state."""

    def __init__(self, kinds: dict[str, str]) -> None:
        super().__init__()
        self.kinds = kinds
        self.table = _table("publicationRows", [
            self.tr("Decided"), self.tr("Document"), self.tr("Number"), self.tr("Party (as published)"),
            self.tr("Publish by"), self.tr("Published"), self.tr("Squad")], (85, 125, 235, 110, 85, 80))
        self.empty = _empty("publicationRangeEmpty", self.tr(
            "No 不予处罚 decision was issued in this range. Choose another date range, district or squad; "
            "decisions appear here once a 首违不罚 notice or a 不予行政处罚决定书 is issued."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def show_rows(self, rows: list[PublicRow], now: datetime) -> None:
        """Fill the table (or show the empty state)."""
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            late = not r.published_at and r.deadline.at < now
            if r.published_at:
                state = local_text(r.published_at, "%Y-%m-%d")
            else:
                state = self.tr("Overdue") if late else self.tr("Not yet")
            cells = (r.values[_DECIDED].replace("/", "-"), self.kinds.get(r.doc_type, r.doc_type), r.number,
                     r.values[_NAME], _deadline(r.deadline.at, r.deadline.estimated), state, r.squad_name)
            for column, text in enumerate(cells):
                item = _cell(text, r.document_id)
                if column == 5 and late:
                    item.setForeground(Qt.GlobalColor.red)
                if column == 5 and r.published_at:
                    item.setToolTip(self.tr("Published by {who} on {when} in {file}").format(
                        who=r.published_by, when=local_text(r.published_at), file=r.published_file))
                self.table.setItem(i, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)


class PendingListWidget(QWidget):
    """Every decision not yet published, overdue first, with the counts above."""

    def __init__(self, kinds: dict[str, str]) -> None:
        super().__init__()
        self.kinds = kinds
        self.counts = QLabel()
        self.counts.setObjectName("publicationCounts")
        self.table = _table("publicationPending", [
            self.tr("Publish by"), self.tr("State"), self.tr("Document"), self.tr("Number"), self.tr("Party"),
            self.tr("Decided")], (130, 70, 140, 220, 130))
        self.empty = _empty("publicationPendingEmpty", self.tr(
            "Nothing to publish: every decision on this laptop has been exported for 公示. New decisions "
            "appear here with the date they must be published by (7 working days after the decision)."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def show_result(self, result: ToPublish) -> str:
        """Fill the list; returns the tab's title (with the overdue count)."""
        self.table.setRowCount(len(result.items))
        for i, u in enumerate(result.items):
            cells = (_deadline(u.deadline, u.estimated, "%Y-%m-%d %H:%M"),
                     self.tr("Overdue") if u.overdue else self.tr("Due"), self.kinds.get(u.doc_type, u.doc_type),
                     u.number, u.party_name, local_text(u.issued_at, "%Y-%m-%d"))
            for column, text in enumerate(cells):
                item = _cell(text, u.document_id)
                if u.overdue and column in (0, 1):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(i, column, item)
        self.counts.setText(self.tr("{late} overdue, {due} still within 7 working days").format(
            late=result.overdue, due=result.due))
        self.counts.setStyleSheet(f"color: {LATE}; font-weight: bold;" if result.overdue else "")
        for widget, shown in ((self.table, True), (self.counts, True), (self.empty, False)):
            widget.setVisible(shown == bool(result.items))
        title = self.tr("To publish ({late} overdue)") if result.overdue else self.tr("To publish ({n})")
        return title.format(late=result.overdue, n=len(result.items))
