"""Writing the daily report, or a weekly / monthly summary, as PDF and Excel."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.reports import ReportFiles, write_daily_report, write_summary
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.pdf_files import open_pdf


class DailyReportDialog(QDialog):
    """Which report, where to put it; progress; open the result."""

    def __init__(self, ctx: PageContext, day: date, squad_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.day, self.squad_id = ctx, day, squad_id
        self.files: ReportFiles | None = None
        self.setWindowTitle(self.tr("Reports"))
        self.daily = QRadioButton(self.tr("Daily report for {day}").format(day=day.isoformat()))
        self.weekly = QRadioButton(self.tr("Weekly summary: the 7 days up to {day}").format(day=day.isoformat()))
        self.monthly = QRadioButton(self.tr("Monthly summary: {month}").format(month=f"{day:%Y-%m}"))
        self.daily.setChecked(True)
        default = Path(self.ctx.settings.get("reports/folder", str(Path.home() / "城管巡查报表")))
        self.folder = QLineEdit(str(default))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = self.buttons.addButton(self.tr("Write PDF and Excel"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.clicked.connect(self.write)
        self.open_button = self.buttons.addButton(self.tr("Open PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_pdf)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.daily, self.weekly, self.monthly):
            layout.addWidget(w)
        layout.addWidget(QLabel(self.tr("Folder")))
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for reports"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def write(self) -> None:
        """Write the chosen report off the UI thread."""
        folder = Path(self.folder.text())
        self.ctx.settings.set("reports/folder", str(folder))
        self.write_button.setEnabled(False)
        self.progress.show()
        session = self.ctx.session
        if self.daily.isChecked():
            args: tuple[object, ...] = (write_daily_report, session, self.day, folder, self.squad_id)
        elif self.weekly.isChecked():
            args = (write_summary, session, self.day - timedelta(days=6), self.day, folder, self.squad_id)
        else:
            first = self.day.replace(day=1)
            last = self.day.replace(day=calendar.monthrange(self.day.year, self.day.month)[1])
            args = (write_summary, session, first, last, folder, self.squad_id)
        self.ctx.runner.run(*args, with_progress=True, on_progress=self._progress, on_done=self._done,  # type: ignore[arg-type]
                            on_error=self._failed)

    def _progress(self, done: int, total: int, _note: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, files: ReportFiles) -> None:
        self.files = files
        self.progress.hide()
        self.write_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.result_label.setText(self.tr("Written:\n{pdf}\n{xlsx}").format(pdf=files.pdf, xlsx=files.xlsx))

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.write_button.setEnabled(True)
        show_error(self, exc)

    def _open_pdf(self) -> None:
        if self.files:
            open_pdf(self, self.files.pdf)
