"""Importing work orders from a spreadsheet: choose the file and the default source, see what
each row will become (new, already received, wrong and why), then import the good ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.work_orders import SOURCES
from inspector_app.services.work_order_import import ImportPlan, plan_import, run_import
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_field_error, tr_text
from inspector_app.ui.screen_fit import fit_to_screen


class WorkOrderImportDialog(QDialog):
    """File → checked rows → import."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.changes = Changes()
        self.setWindowTitle(self.tr("Import work orders"))
        fit_to_screen(self, QSize(760, 480))  # never larger than the screen
        self.source = QComboBox()
        for key, label in SOURCES.items():
            self.source.addItem(tr_text(label, "work_orders"), key)
        choose = QPushButton(self.tr("Choose a file…"))
        choose.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Source when the file does not say")))
        top.addWidget(self.source)
        top.addStretch(1)
        top.addWidget(choose)
        self.summary = QLabel(self.tr("An .xlsx or .csv export of 12345 or 数字城管: one order a row."))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Order"), self.tr("Outcome")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Work orders"), "", "Excel / CSV (*.xlsx *.csv)")
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Check the file's rows off the UI thread."""
        self.summary.setText(self.tr("Reading {name}…").format(name=path.name))
        self.ctx.runner.run(plan_import, self.ctx.session, path, self.source.currentData(),
                            on_done=self._planned, on_error=lambda e: show_error(self, e))

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        words = {"create": self.tr("new"), "duplicate": self.tr("already received — left out")}
        self.table.setRowCount(len(plan.rows))
        for i, r in enumerate(plan.rows):
            outcome = words.get(r.action) or "；".join(tr_field_error(e) for e in r.errors)
            for column, text in enumerate((str(r.row_number), str(r.values.get("platform_no") or ""), outcome)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.summary.setText(self.tr("{new} new orders, {dup} already received, {bad} rows to correct (left out)").format(
            new=plan.count("create"), dup=plan.count("duplicate"), bad=plan.count("error")))
        self.import_button.setEnabled(plan.count("create") > 0)

    def run(self) -> None:
        if self.plan is None:
            return
        self.import_button.setEnabled(False)
        self.ctx.runner.run(run_import, self.ctx.session, self.plan, on_done=self._done,
                            on_error=lambda e: show_error(self, e))

    def _done(self, changes: Any) -> None:
        self.changes = changes
        self.accept()
