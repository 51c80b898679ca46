"""The work-order tab of the rates page: 办结率, 按期办结率, 满意度, average handling time and
overdue now, per squad, officer or category, for a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.work_orders import Indicators
from inspector_app.services.work_order_indicators import GROUPS, IndicatorReport, compute_indicators
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class WorkOrderIndicatorsWidget(QWidget):
    """Indicators table; the grouping switches without a new query."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.reports: dict[str, IndicatorReport] = {}
        self.group = QComboBox()
        self.group.setObjectName("indicatorGroup")
        for key, label in GROUPS.items():
            self.group.addItem(tr_text(label, "work_orders"), key)
        self.group.setCurrentIndex(self.group.findData("officer"))
        self.group.currentIndexChanged.connect(self._show)
        today = ctx.session.today()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        calculate = QPushButton(icon("fa5s.sync"), self.tr("Calculate"))
        calculate.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("Group by")), self.group, QLabel(self.tr("received from")), self.start,
                  QLabel(self.tr("to")), self.end, calculate):
            bar.addWidget(w)
        bar.addStretch(1)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("indicatorTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Received"), self.tr("Due"), self.tr("办结率"), self.tr("按期办结率"),
            self.tr("满意度"), self.tr("Avg. hours"), self.tr("Overdue now"), self.tr("Closed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 170)
        for column in range(1, 9):
            self.table.setColumnWidth(column, 86)
        notes = QLabel(self.tr(
            "Due = orders received in the period that are closed or past their deadline (挂账 left out) · "
            "办结率 = closed ÷ due · 按期办结率 = replied by the deadline (as extended) and closed ÷ due · "
            "满意度 = 满意 and 基本满意 ÷ reporters who answered the 回访 · overdue now counts every open order"))
        notes.setWordWrap(True)
        notes.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(notes)
        layout.addWidget(self.table, 1)
        self.refresh()

    def _period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        """Compute every grouping off the UI thread."""
        start, end = self._period()
        self.ctx.runner.run(compute_indicators, self.ctx.session, start, end, on_done=self._computed,
                            on_error=lambda e: show_error(self, e))

    def _computed(self, reports: dict[str, IndicatorReport]) -> None:
        self.reports = reports
        self._show()

    def _show(self) -> None:
        report = self.reports.get(self.group.currentData())
        if report is None:
            return
        rows: list[Indicators] = [*report.rows, report.total]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            total = r is report.total
            label = self.tr("Total") if total else (r.label if r.key else self.tr("not dispatched yet"))
            values = (label, str(r.received), str(r.due), _pct(r.completion_rate),
                      _pct(r.on_time_rate), _pct(r.satisfaction_rate),
                      "—" if r.average_hours is None else f"{r.average_hours:.1f}", str(r.overdue_now), str(r.closed))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 7 and r.overdue_now:
                    item.setForeground(QColor("#c62828"))
                if total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, column, item)
