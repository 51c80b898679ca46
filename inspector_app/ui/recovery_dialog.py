"""When the profile's database is damaged, empty or another program's: restore the newest
backup or salvage what can be read, from the sign-in screen, instead of quitting.

Finding the backup, restoring and salvaging all read and write files, so they run on the task
runner; the dialog only shows a busy bar and, at the end, what came of it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.services.backups import (
    SalvageReport,
    newest_backup,
    restore_from_backup,
    salvage_damaged_profile,
)
from inspector_app.ui.errors import error_text
from inspector_app.ui.i18n import tr_error
from inspector_app.ui.tasks import TaskRunner


class RecoveryDialog(QDialog):
    """Offers 从备份恢复 and 抢救数据 for a damaged profile; accepted once the profile's file
    was replaced (the caller opens it again), rejected when the officer quits."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        data_dir: Path,
        problem: UserError,
        backup_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data_dir = data_dir
        self.backup: Path | None = None
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("The data file cannot be opened"))
        self.setMinimumWidth(520)
        self.problem = QLabel(tr_error(problem, with_hint=False))
        self.problem.setWordWrap(True)
        self.explain = QLabel(self.tr(
            "The file was left as it is. You can put the newest backup in its place (records "
            "made after that backup come back with the next sync), or copy every record that "
            "can still be read into a new data file. Either way the damaged file is kept."))
        self.explain.setWordWrap(True)
        self.backup_label = QLabel(self.tr("Looking for backups…"))
        self.backup_label.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("recoveryStatus")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.restore_button = QPushButton(self.tr("Restore from backup"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        self.salvage_button = QPushButton(self.tr("Salvage data"))
        self.salvage_button.clicked.connect(self.salvage)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.continue_button = QPushButton(self.tr("Continue to sign-in"))
        self.continue_button.clicked.connect(self.accept)
        self.continue_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.salvage_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        for widget in (self.problem, self.explain, self.backup_label, self.bar, self.status):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.runner.run(newest_backup, data_dir, backup_folder,
                        on_done=self._found, on_error=self._not_found)

    def _found(self, backup: Path | None) -> None:
        self.backup = backup
        if backup is None:
            self.backup_label.setText(self.tr(
                "No usable backup was found: only salvaging is possible."))
            return
        made = local_text(utc_iso(datetime.fromtimestamp(backup.stat().st_mtime, UTC)))
        self.backup_label.setText(
            self.tr("Newest backup: {name} (made {time}).").format(name=backup.name, time=made))
        self.restore_button.setEnabled(True)

    def _not_found(self, exc: BaseException) -> None:
        self.backup_label.setText(error_text(exc))

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.bar.setRange(0, 0)
        self.bar.show()
        for button in (self.restore_button, self.salvage_button, self.quit_button):
            button.setEnabled(False)

    def _progress(self, done: int, total: int, _note: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _finished(self, text: str) -> None:
        self.bar.hide()
        self.status.setText(text)
        for button in (self.restore_button, self.salvage_button, self.quit_button):
            button.hide()
        self.continue_button.show()
        self.continue_button.setDefault(True)

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        self.status.setText(error_text(exc))
        self.restore_button.setEnabled(self.backup is not None)
        self.salvage_button.setEnabled(True)
        self.quit_button.setEnabled(True)

    def restore(self) -> None:
        """Put the newest backup in place of the damaged file (in the background)."""
        if self.backup is None:
            return
        self._busy(self.tr("Restoring the backup…"))
        self.runner.run(restore_from_backup, self.data_dir, self.backup,
                        on_done=self._restored, on_error=self._failed)

    def _restored(self, kept: Path | None) -> None:
        text = self.tr("The backup was restored.")
        if kept is not None:
            text += "\n" + self.tr("The replaced file was kept as {path}.").format(path=kept)
        self._finished(text)

    def salvage(self) -> None:
        """Copy every readable record into a fresh data file (in the background)."""
        self._busy(self.tr("Salvaging the readable records…"))
        self.runner.run(salvage_damaged_profile, self.data_dir, with_progress=True,
                        on_progress=self._progress, on_done=self._salvaged, on_error=self._failed)

    def _salvaged(self, report: SalvageReport) -> None:
        copied = sum(t.copied for t in report.tables)
        text = self.tr("{count} records were copied into a new data file; the damaged file "
                       "was kept as {path}.").format(count=copied, path=report.damaged_copy)
        if report.complete:
            text += "\n" + self.tr("Nothing is known to be lost.")
        else:
            lost = sum(last - first + 1 for t in report.tables for first, last in t.unreadable)
            missing = [t.name for t in report.tables if t.missing]
            text += "\n" + self.tr(
                "Some records could not be read (up to {count}). Sync with the server to get "
                "back what it has, or compare with the newest backup.").format(
                    count=lost + report.unplaced_rows)
            if missing:
                text += "\n" + self.tr("Tables lost entirely: {names}").format(names="、".join(missing))
        self._finished(text)
