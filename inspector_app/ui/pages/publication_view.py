"""The clerk's 公示 page: the 不予处罚 decisions of a date range (per squad or district) as the
双公示 platform will show them (masked), exported to .xlsx or CSV with a progress bar; and the
decisions still to publish, overdue ones first, with their counts."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.clock import local_text
from inspector_app.services.publication import (
    Exported,
    Scope,
    ToPublish,
    decisions_to_publish,
    export_publication,
    squads_for_publication,
    to_publish,
)
from inspector_app.services.publication_rows import HEADERS, PublicRow
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import error_text, show_error
from inspector_app.ui.icons import icon

_COL = {name: HEADERS.index(name) for name in ("行政相对人名称", "行政相对人类别", "处罚决定日期")}
LATE = "#b3261e"


def _cell(text: str, key: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setToolTip(text)
    return item


class PublicationView(Page):
    """Range, squad or district, export buttons; the decisions of the range; the list to publish."""

    shows = ("document", "publication")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.rows: list[PublicRow] = []
        self._asked = 0
        self.kinds = {"warning": self.tr("首违不罚警示告知书"), "no_penalty": self.tr("不予行政处罚决定书")}
        today = ctx.session.today()
        start = today.replace(day=1) - timedelta(days=1)  # from the first of last month
        self.start = self._date_edit(start.replace(day=1), "publicationStart")
        self.end = self._date_edit(today, "publicationEnd")
        self.district = QComboBox()
        self.district.setObjectName("publicationDistrict")
        self.squad = QComboBox()
        self.squad.setObjectName("publicationSquad")
        self.squad.setMinimumContentsLength(12)
        self.squad.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_filters()
        self.only_new = QCheckBox(self.tr("Only unpublished"))
        self.only_new.setObjectName("onlyUnpublished")
        self.only_new.setChecked(True)
        self.only_new.setToolTip(self.tr("Leave out decisions an earlier export already published"))
        self.only_new.toggled.connect(self.reload)
        self.export_xlsx = QPushButton(icon("fa5s.file-excel"), self.tr("Export Excel…"))
        self.export_xlsx.setObjectName("exportXlsx")
        self.export_xlsx.setToolTip(self.tr("Ctrl+E"))
        self.export_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.export_csv = QPushButton(icon("fa5s.file-csv"), self.tr("Export CSV…"))
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.setToolTip(self.tr("Ctrl+Shift+E"))
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        QShortcut(QKeySequence("Ctrl+E"), self, lambda: self.export("xlsx"))
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, lambda: self.export("csv"))
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("Decided")), self.start, QLabel("—"), self.end, self.district, self.squad,
                  self.only_new):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()  # below the lists, as on the documents page: the row above stays short
        buttons.addStretch(1)
        buttons.addWidget(self.export_xlsx)
        buttons.addWidget(self.export_csv)
        self.message = QLabel()
        self.message.setObjectName("publicationMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("publicationProgress")
        self.progress.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_range(), "")
        self.tabs.addTab(self._build_pending(), "")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.reload()

    def load(self) -> None:
        """Read the page again (a document was issued or voided, a decision published)."""
        self.reload()

    def shortcut_help(self) -> list[str]:
        """The export shortcuts of this page."""
        return [self.tr("公示: Ctrl+E exports the decisions as Excel, Ctrl+Shift+E as CSV")]

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.reload)
        return edit

    def _fill_filters(self) -> None:
        """Districts and squads of the squads this device holds (a clerk's: one squad)."""
        squads = squads_for_publication(self.ctx.session)
        self._squads = squads
        self.district.addItem(self.tr("All districts"), None)
        codes = sorted({s["district_code"] for s in squads if s["district_code"]})
        for code in codes:
            try:
                name = self.ctx.session.catalogs.district(code).name_zh
            except KeyError:
                name = code
            self.district.addItem(name, code)
        self._fill_squads()
        mine = self.squad.findData(self.ctx.session.actor.squad_id)
        if mine > 0:
            self.squad.setCurrentIndex(mine)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.squad.currentIndexChanged.connect(self.reload)

    def _fill_squads(self) -> None:
        code = self.district.currentData()
        self.squad.blockSignals(True)
        self.squad.clear()
        self.squad.addItem(self.tr("All squads"), None)
        for s in self._squads:
            if code is None or s["district_code"] == code:
                self.squad.addItem(s["name"], s["id"])
        self.squad.blockSignals(False)

    def _district_changed(self) -> None:
        self._fill_squads()
        self.reload()

    def _build_range(self) -> QWidget:
        page = QWidget()
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("publicationRows")
        self.table.setHorizontalHeaderLabels([
            self.tr("Decided"), self.tr("Document"), self.tr("Number"), self.tr("Party (as published)"),
            self.tr("Publish by"), self.tr("Published"), self.tr("Squad")])
        self._table_style(self.table, (85, 125, 235, 110, 85, 80))
        self.range_empty = QLabel(self.tr(
            "No 不予处罚 decision was issued in this range. Choose another date range, district or squad; "
            "decisions appear here once a 首违不罚 notice or a 不予行政处罚决定书 is issued."))
        self.range_empty.setObjectName("publicationRangeEmpty")
        self._empty_style(self.range_empty)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.range_empty, 1)
        return page

    def _build_pending(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setObjectName("publicationCounts")
        self.pending = QTableWidget(0, 6)
        self.pending.setObjectName("publicationPending")
        self.pending.setHorizontalHeaderLabels([
            self.tr("Publish by"), self.tr("State"), self.tr("Document"), self.tr("Number"), self.tr("Party"),
            self.tr("Decided")])
        self._table_style(self.pending, (130, 70, 140, 220, 130))
        self.pending_empty = QLabel(self.tr(
            "Nothing to publish: every decision on this laptop has been exported for 公示. New decisions "
            "appear here with the date they must be published by (7 working days after the decision)."))
        self.pending_empty.setObjectName("publicationPendingEmpty")
        self._empty_style(self.pending_empty)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts)
        layout.addWidget(self.pending, 1)
        layout.addWidget(self.pending_empty, 1)
        return page

    @staticmethod
    def _table_style(table: QTableWidget, widths: tuple[int, ...]) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)  # one line per decision; a long squad name is elided, whole in its tooltip
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)

    @staticmethod
    def _empty_style(label: QLabel) -> None:
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setStyleSheet("color: #5f6368; font-size: 12pt; padding: 24px;")
        label.hide()

    def scope(self) -> Scope:
        """The range and the squad or district chosen."""
        first: date = self.start.date().toPython()  # type: ignore[assignment]
        last: date = self.end.date().toPython()  # type: ignore[assignment]
        return Scope(first, last, self.squad.currentData(), self.district.currentData())

    def reload(self) -> None:
        """Read the range's decisions and the list to publish again (off the UI thread)."""
        session, scope = self.ctx.session, self.scope()
        self._asked += 1
        asked = self._asked  # an answer to an older question (dates typed on) is dropped

        def current(show: Any) -> Any:
            return lambda result: show(result) if asked == self._asked else None

        self.ctx.runner.run(functools.partial(decisions_to_publish, session, scope, self.only_new.isChecked()),
                            on_done=current(self._show_rows), on_error=current(self._range_refused))
        self.ctx.runner.run(functools.partial(to_publish, session, scope.squad_id, scope.district_code),
                            on_done=current(self._show_pending), on_error=lambda e: show_error(self, e))

    def _range_refused(self, exc: BaseException) -> None:
        # A range being typed is often wrong for a moment: said on the page, not in a dialog.
        self._show_rows([])
        self.range_empty.hide()
        self._say(error_text(exc), LATE)
        for button in (self.export_xlsx, self.export_csv):
            button.setEnabled(False)

    def _say(self, text: str, colour: str = "#1b5e20") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setVisible(bool(text))

    def _show_rows(self, rows: list[PublicRow]) -> None:
        self.rows = rows
        if self.message.styleSheet().endswith(f"{LATE};"):
            self._say("")
        self.table.setRowCount(len(rows))
        now = self.ctx.session.now()
        for i, r in enumerate(rows):
            kind = self.kinds.get(r.doc_type, r.doc_type)
            if r.published_at:
                state = local_text(r.published_at, "%Y-%m-%d")
            elif r.deadline.at < now:
                state = self.tr("Overdue")
            else:
                state = self.tr("Not yet")
            cells = (r.values[_COL["处罚决定日期"]].replace("/", "-"), kind, r.number, r.values[_COL["行政相对人名称"]],
                     self._deadline_text(r.deadline.at, r.deadline.estimated), state, r.squad_name)
            for column, text in enumerate(cells):
                item = _cell(text, r.document_id)
                if column == 5 and not r.published_at and r.deadline.at < now:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(i, column, item)
        self.table.setVisible(bool(rows))
        self.range_empty.setVisible(not rows)
        for button in (self.export_xlsx, self.export_csv):
            button.setEnabled(bool(rows))
        self.tabs.setTabText(0, self.tr("Decisions in range ({n})").format(n=len(rows)))

    @staticmethod
    def _deadline_text(at: Any, estimated: bool) -> str:
        return at.strftime("%Y-%m-%d") + ("*" if estimated else "")

    def _show_pending(self, result: ToPublish) -> None:
        self.pending.setRowCount(len(result.items))
        for i, u in enumerate(result.items):
            state = self.tr("Overdue") if u.overdue else self.tr("Due")
            cells = (u.deadline.strftime("%Y-%m-%d %H:%M") + ("*" if u.estimated else ""), state,
                     self.kinds.get(u.doc_type, u.doc_type), u.number, u.party_name, local_text(u.issued_at, "%Y-%m-%d"))
            for column, text in enumerate(cells):
                item = _cell(text, u.document_id)
                if u.overdue and column in (0, 1):
                    item.setForeground(Qt.GlobalColor.red)
                self.pending.setItem(i, column, item)
        self.counts.setText(self.tr("{late} overdue, {due} still within 7 working days").format(
            late=result.overdue, due=result.due))
        self.counts.setStyleSheet(f"color: {LATE}; font-weight: bold;" if result.overdue else "")
        self.pending.setVisible(bool(result.items))
        self.pending_empty.setVisible(not result.items)
        self.counts.setVisible(bool(result.items))
        title = self.tr("To publish ({late} overdue)") if result.overdue else self.tr("To publish ({n})")
        self.tabs.setTabText(1, title.format(late=result.overdue, n=len(result.items)))

    def export(self, file_format: str) -> None:
        """Ask where, then write the file and record the publication off the UI thread."""
        if not self.rows:
            return
        scope = self.scope()
        suggested = str(Path(self.ctx.settings.get("publication/folder", str(Path.home())) or str(Path.home()))
                        / f"行政处罚信息公示_{scope.start.isoformat()}_{scope.end.isoformat()}.{file_format}")
        pattern = "Excel (*.xlsx)" if file_format == "xlsx" else "CSV (*.csv)"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export for 公示"), suggested, pattern)
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == f".{file_format}" else path.with_name(
                f"{path.name}.{file_format}"))

    def export_to(self, path: Path) -> None:
        """Write ``path`` (.xlsx or .csv) for the chosen range."""
        self.ctx.settings.set("publication/folder", str(path.parent))
        for button in (self.export_xlsx, self.export_csv):
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.ctx.runner.run(functools.partial(export_publication, self.ctx.session, self.scope(), path,
                                              self.only_new.isChecked()),
                            with_progress=True, on_progress=self._progress, on_done=self._exported,
                            on_error=self._failed)

    def _progress(self, done: int, total: int, _note: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _exported(self, result: Exported) -> None:
        self.progress.hide()
        self._say(self.tr("Exported {rows} decisions to {path}; {new} of them are now marked as published.").format(
            rows=result.rows, path=result.path, new=result.newly_published))
        self.ctx.events.publish(result.changes)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        for button in (self.export_xlsx, self.export_csv):
            button.setEnabled(bool(self.rows))
        show_error(self, exc)
