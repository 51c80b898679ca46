"""The clerk's 公示 page: the 不予处罚 decisions of a date range (per squad or district) as the
双公示 platform will show them (masked), exported to .xlsx or CSV with a progress bar; and the
decisions still to publish, overdue ones first, with their counts."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from inspector_app.services.publication import (
    Exported,
    Scope,
    ToPublish,
    decisions_to_publish,
    export_publication,
    squads_for_publication,
    to_publish,
)
from inspector_app.services.publication_rows import PublicRow
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import error_text, show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.pages.publication_lists import LATE, PendingListWidget, RangeListWidget


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
        self.range_list = RangeListWidget(self.kinds)
        self.pending_list = PendingListWidget(self.kinds)
        # The lists' parts, by the names the page's tests and callers use.
        self.table, self.range_empty = self.range_list.table, self.range_list.empty
        self.pending, self.pending_empty = self.pending_list.table, self.pending_list.empty
        self.counts = self.pending_list.counts
        self.tabs = QTabWidget()
        self.tabs.addTab(self.range_list, "")
        self.tabs.addTab(self.pending_list, "")
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
        self.range_list.show_rows(rows, self.ctx.session.now())
        for button in (self.export_xlsx, self.export_csv):
            button.setEnabled(bool(rows))
        self.tabs.setTabText(0, self.tr("Decisions in range ({n})").format(n=len(rows)))

    def _show_pending(self, result: ToPublish) -> None:
        self.tabs.setTabText(1, self.pending_list.show_result(result))

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
