"""The rates page: 知晓率 / 签约率 / 履约率 per road, subdistrict, district or squad for a
period, as a table and a chart, exportable to Excel; and the star units of a district."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.rates import (
    GROUP_LABELS,
    RateReport,
    compute_all_rates,
    export_rates,
    star_units,
)
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.work_order_indicators_widget import WorkOrderIndicatorsWidget

CHART_GROUPS = 12
GROUP_WIDTH = 100  # pixels a group of three bars needs for its label to show uncut
LABEL_CHARS = 6  # a label longer than this is shortened by us (with …), never elided by Qt


class _ChartView(QChartView):
    """A chart view that says when its size changed (the chart then fits its groups again)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class RatesView(Page):
    """Rates table and chart; star units."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.report: RateReport | None = None
        self.reports: dict[str, RateReport] = {}
        tabs = QTabWidget()
        tabs.addTab(self._build_rates(), self.tr("门前五包 rates"))
        tabs.addTab(self._build_stars(), self.tr("Star units"))
        tabs.addTab(WorkOrderIndicatorsWidget(ctx), self.tr("Work orders"))
        QVBoxLayout(self).addWidget(tabs)
        self.refresh()

    def _build_rates(self) -> QWidget:
        page = QWidget()
        controls = QHBoxLayout()
        self.group = QComboBox()
        self.group.setObjectName("rateGroup")
        for key, label in GROUP_LABELS.items():
            self.group.addItem(tr_text(label, "rates"), key)
        self.group.setCurrentIndex(self.group.findData("road"))
        self.group.currentIndexChanged.connect(self._group_changed)
        today = self.ctx.session.today()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        refresh = QPushButton(icon("fa5s.sync"), self.tr("Calculate"))
        refresh.clicked.connect(self.refresh)
        self.export_button = QPushButton(icon("fa5s.file-excel"), self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        for w in (QLabel(self.tr("Group by")), self.group, QLabel(self.tr("from")), self.start,
                  QLabel(self.tr("to")), self.end, refresh):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("rateTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Units"), self.tr("签约率"), self.tr("知晓率 (asked)"),
            self.tr("履约率 (inspections)"), self.tr("Inspections"), self.tr("Signed"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 220)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = _ChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self._chart_rows: list = []  # type: ignore[type-arg]
        self._charted = 0
        self._rechart_later = QTimer(self)  # once the splitter or the window stops moving
        self._rechart_later.setSingleShot(True)
        self._rechart_later.setInterval(150)
        self._rechart_later.timeout.connect(self._rechart)
        self.chart_view.resized.connect(self._rechart_later.start)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart_view)
        splitter.setSizes([420, 300])
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        self.definitions = QLabel(self.tr(
            "签约率 = units with a signed 责任书 dated by the end of the period ÷ units · "
            "知晓率 = units whose latest answer knew the five duties ÷ units asked · "
            "履约率 = compliant inspections ÷ inspections"))
        self.definitions.setWordWrap(True)
        self.definitions.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.definitions)
        layout.addWidget(splitter, 1)
        return page

    def _build_stars(self) -> QWidget:
        page = QWidget()
        controls = QHBoxLayout()
        self.district = QComboBox()
        self.district.setObjectName("starDistrict")
        self.district.addItem(self.tr("All districts"), None)
        for d in self.ctx.session.catalogs.districts:
            self.district.addItem(d.name_zh, d.code)
        self.min_stars = QComboBox()
        for n in (5, 4, 3):
            self.min_stars.addItem("★" * n + self.tr(" and above"), n)
        self.min_stars.setCurrentIndex(1)
        for combo in (self.district, self.min_stars):
            combo.currentIndexChanged.connect(self.refresh_stars)
            controls.addWidget(combo)
        self.star_count = QLabel()
        controls.addWidget(self.star_count)
        controls.addStretch(1)
        self.stars = QTableWidget(0, 5)
        self.stars.setObjectName("starTable")
        self.stars.setHorizontalHeaderLabels([self.tr("Stars"), self.tr("Unit"), self.tr("Address"), self.tr("Road segment"),
                                              self.tr("Failed inspections, last 12 months")])
        self.stars.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stars.verticalHeader().setVisible(False)
        for column, width in enumerate((80, 220, 300)):
            self.stars.setColumnWidth(column, width)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(self.stars, 1)
        return page

    def _period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        """Compute the rates off the UI thread."""
        start, end = self._period()
        self.ctx.runner.run(compute_all_rates, self.ctx.session, start, end,
                            on_done=self._computed, on_error=lambda exc: show_error(self, exc))
        self.refresh_stars()

    def _computed(self, reports: dict[str, RateReport]) -> None:
        self.reports = reports
        self._show(reports[self.group.currentData()])

    def _group_changed(self) -> None:
        """Another grouping of the rates already computed (no new query)."""
        if self.reports:
            self._show(self.reports[self.group.currentData()])

    def _show(self, report: RateReport) -> None:
        self.report = report
        rows = [r for r in report.rows if r.units]
        self.table.setRowCount(len(rows) + 1)
        for i, r in enumerate([*rows, report.total]):
            label = r.label if r is not report.total else self.tr("Total")
            values = (label, str(r.units), _pct(r.signing_rate), _pct(r.awareness_rate),
                      _pct(r.compliance_rate), str(r.inspections), str(r.signed))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r is report.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, column, item)
        self._chart(rows)

    def chart_groups(self) -> int:
        """How many groups the chart has room for at its width: a category axis silently drops
        the labels that do not fit, so the chart shows only as many groups as it can name."""
        return max(3, min(CHART_GROUPS, (self.chart_view.width() - 120) // GROUP_WIDTH))

    def _rechart(self) -> None:
        if self._chart_rows and self.chart_groups() != self._charted:
            self._chart(self._chart_rows)

    def _chart(self, rows: list) -> None:  # type: ignore[type-arg]
        # A fresh chart each time: removed axes of the old one would otherwise keep drawing.
        self._chart_rows, self._charted = rows, self.chart_groups()
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view.setChart(self.chart)
        top = sorted(rows, key=lambda r: -r.inspections)[:self._charted]
        series = QBarSeries()
        for name, attr in ((self.tr("签约率"), "signing_rate"), (self.tr("知晓率"), "awareness_rate"),
                           (self.tr("履约率"), "compliance_rate")):
            bar = QBarSet(name)
            for r in top:
                value = getattr(r, attr)
                bar.append(0.0 if value is None else round(value * 100, 1))
            series.append(bar)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([r.label if len(r.label) <= LABEL_CHARS else r.label[:LABEL_CHARS - 1] + "…" for r in top])
        categories.setLabelsAngle(0)  # level labels: Qt cut slanted ones to a few characters
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(self.tr("The {n} groups with the most inspections").format(n=len(top)))

    def refresh_stars(self) -> None:
        self.ctx.runner.run(star_units, self.ctx.session, self.district.currentData(), self.min_stars.currentData(),
                            on_done=self._show_stars, on_error=lambda exc: show_error(self, exc))

    def _show_stars(self, units: list) -> None:  # type: ignore[type-arg]
        self.stars.setRowCount(len(units))
        for i, u in enumerate(units):
            failed = str(u["failed_year"]) + (self.tr(" — due for 摘牌") if u["demotion_due"] else "")
            for column, text in enumerate(("★" * int(u["star_rating"]), u["name"], u["address"], u["road_name"] or "", failed)):
                item = QTableWidgetItem(text)
                if u["demotion_due"]:
                    item.setForeground(QColor("#c62828"))
                self.stars.setItem(i, column, item)
        self.star_count.setText(self.tr("{n} star units").format(n=len(units)))

    def export(self) -> None:
        """Save the shown rates as .xlsx."""
        if not self.reports:
            return
        start, end = self._period()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export rates"), f"门前五包指标_{start}_{end}.xlsx", "Excel (*.xlsx)")
        if name:
            self.ctx.runner.run(export_rates, self.ctx.session, list(self.reports.values()), Path(name),
                                on_done=lambda p: self.ctx.events.status.emit(str(p)),
                                on_error=lambda exc: show_error(self, exc))
