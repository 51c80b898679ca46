"""Importing a unit registry: choose the file, check the column mapping, see every row's
outcome (new, update, error and why), then import the good rows in one go — with progress
and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.forms.unit_import import SYNONYMS
from inspector_app.services.session import Session
from inspector_app.services.unit_import import (
    ImportPlan,
    ImportResult,
    ImportSource,
    large_import,
    plan_import,
    read_unit_file,
    run_import,
)
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_field_error, tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import Task, TaskRunner

PREVIEW_ROWS = 300
LISTED_CELLS = 10  # formula cells named in the warning; the rest are "…"


class ImportUnitsDialog(QDialog):
    """The import wizard on one screen."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.source: ImportSource | None = None
        self.plan: ImportPlan | None = None
        self.task: Task | None = None
        self.changes = Changes()
        self.setWindowTitle(self.tr("Import units from Excel or CSV"))
        fit_to_screen(self, QSize(1100, 720))  # never larger than the screen
        top = QHBoxLayout()
        self.file_button = QPushButton(icon("fa5s.folder-open"), self.tr("Choose file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen yet. Any sheet with a header row works; "
                                         "title rows above it and merged cells are fine."))
        self.file_label.setWordWrap(True)
        top.addWidget(self.file_button)
        top.addWidget(self.file_label, 1)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setColumnWidth(0, 150)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget(0, 5)
        self.preview.setObjectName("preview")
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Address"),
                                                self.tr("Outcome"), self.tr("Problem")])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        for column, width in enumerate((50, 200, 220, 80)):
            self.preview.setColumnWidth(column, width)
        self.preview.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter()
        splitter.addWidget(self.mapping)
        splitter.addWidget(self.preview)
        splitter.setSizes([330, 770])
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        bottom = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel_task)
        self.cancel_button.hide()
        self.import_button = QPushButton(icon("fa5s.file-import"), self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(150)
        self._replan.timeout.connect(self.check_rows)

    def _busy(self, busy: bool, cancellable: bool = False) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy and cancellable)
        self.file_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.plan is not None
                                       and self.plan.count("create") + self.plan.count("update") > 0)

    def _progress(self, done: int, total: int, _note: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Unit registry"), "", "Excel / CSV (*.xlsx *.xlsm *.csv)")
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read the file off the UI thread."""
        self.file_label.setText(path.name)
        self._busy(True)
        self.task = self.runner.run(read_unit_file, self.session, path, with_progress=True,
                                    on_progress=self._progress, on_done=self._read, on_error=self._failed)

    def _read(self, source: ImportSource) -> None:
        self.source = source
        text = self.tr("{name}: {rows} data rows, header found in the sheet.").format(
            name=source.path.name, rows=source.table.row_count)
        uncached = source.table.uncached_formulas
        if uncached:
            cells = "、".join(uncached[:LISTED_CELLS]) + ("…" if len(uncached) > LISTED_CELLS else "")
            text += "\n" + self.tr(
                "Warning: {count} cells hold a formula whose value was never saved, and are read as "
                "empty: {cells}. Open the file in Excel or WPS and save it again to keep their values."
            ).format(count=len(uncached), cells=cells)
        large = large_import(source)
        if large is not None:
            text += "\n" + self.tr(
                "This file has {rows} rows: checking and importing them takes minutes, and the "
                "database grows by about {mb} MB; while the import runs, about {temporary} MB more "
                "must be free on the disk (given back when it ends). You can cancel at any time; "
                "cancelling changes nothing.").format(rows=large[0], mb=large[1], temporary=large[2])
        self.file_label.setText(text)
        self.mapping.setRowCount(len(SYNONYMS))
        labels = {f.key: f.label for f in UNIT_FORM.fields}
        for row, field in enumerate(SYNONYMS):
            label = labels.get(field) or labels["road_segment_id"]
            self.mapping.setItem(row, 0, QTableWidgetItem(tr_text(label, "forms")))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for index, header in enumerate(source.table.headers):
                combo.addItem(header, index)
            combo.setCurrentIndex(max(0, combo.findData(source.mapping.get(field))))
            combo.setProperty("field", field)
            combo.currentIndexChanged.connect(lambda _i: self._replan.start())
            self.mapping.setCellWidget(row, 1, combo)
        self.check_rows()

    def current_mapping(self) -> dict[str, int | None]:
        """The mapping as chosen in the table."""
        out: dict[str, int | None] = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            if isinstance(combo, QComboBox):
                out[str(combo.property("field"))] = combo.currentData()
        return out

    def check_rows(self) -> None:
        """Check every row with the chosen mapping."""
        if self.source is None:
            return
        self._busy(True)
        self.task = self.runner.run(plan_import, self.session, self.source, self.current_mapping(), with_progress=True,
                                    on_progress=self._progress, on_done=self._planned, on_error=self._failed)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        errors = [r for r in plan.rows if r.action == "error"]
        shown = (errors + [r for r in plan.rows if r.action != "error"])[:PREVIEW_ROWS]
        outcome = {"create": self.tr("new"), "update": self.tr("update"), "error": self.tr("error")}
        self.preview.setRowCount(len(shown))
        for i, r in enumerate(shown):
            cells = (str(r.row_number), str(r.values.get("name") or ""), str(r.values.get("address") or ""),
                     outcome[r.action], "；".join(tr_field_error(e) for e in r.errors + r.notes))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if r.action == "error":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.preview.setItem(i, column, item)
        self.preview.setWordWrap(True)
        self.preview.resizeRowsToContents()
        self.summary.setText(self.tr(
            "{total} rows: {new} new, {update} updates of units already here (matched by credit code or ID "
            "number), {errors} with errors — those are listed first and will not be imported; fix them in "
            "the file and import it again.").format(total=plan.total, new=plan.count("create"),
                                                     update=plan.count("update"), errors=plan.count("error")))
        self.import_button.setText(self.tr("Import {n} rows").format(n=plan.count("create") + plan.count("update")))
        self._busy(False)

    def start_import(self) -> None:
        """Import the good rows in one transaction, off the UI thread."""
        if self.plan is None:
            return
        self._busy(True, cancellable=True)
        self.task = self.runner.run(run_import, self.session, self.plan, with_progress=True,
                                    on_progress=self._progress, on_done=self._imported, on_error=self._failed)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _imported(self, result: ImportResult) -> None:
        self.changes = Changes()
        self.changes.add("unit", "*", "import")
        self.summary.setText(self.tr("Imported: {created} new units, {updated} updated, {same} unchanged; "
                                     "{refused} rows with errors were left out.").format(
            created=result.created, updated=result.updated, same=result.unchanged, refused=result.refused))
        self.plan = None
        self._busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        from inspector_app.domain.progress import Cancelled

        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Import cancelled: nothing was changed."))
            return
        show_error(self, exc)
