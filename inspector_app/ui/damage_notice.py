"""After sign-in: the full damage check in the background, and what the officer is told when
it fails (the profile has stopped saving; restore or salvage it now or later)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMessageBox

from inspector_app.services.backups import Health, check_profile, writing_stopped
from inspector_app.services.profile import close_profile
from inspector_app.services.session import Session
from inspector_app.ui.errors import error_text
from inspector_app.ui.recovery_dialog import RecoveryDialog
from inspector_app.ui.tasks import TaskRunner


class DamageNotice(QObject):
    """Runs :func:`check_profile` once and, on damage, says so in the status bar and in a
    message that offers the repair. The repair closes the profile; once it has replaced the
    file, :attr:`repaired` asks for a new sign-in on it (Startup.sign_in_again); giving up
    quits the app."""

    repaired = Signal()

    def __init__(self, window: QMainWindow, runner: TaskRunner, session: Session,
                 backup_folder: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.session = session
        self.backup_folder = backup_folder
        self.box: QMessageBox | None = None
        self.recovery: RecoveryDialog | None = None

    def start(self) -> None:
        """Check the profile in the background."""
        self.runner.run(check_profile, self.session, on_done=self._checked,
                        on_error=lambda _exc: None)  # a check that cannot run is no finding

    def _checked(self, health: Health) -> None:
        problem = writing_stopped(self.session)
        if health.ok or problem is None:
            return
        flag = QLabel(QCoreApplication.translate(
            "DamageNotice", "Database damaged: nothing is being saved"))
        flag.setObjectName("damageFlag")
        flag.setStyleSheet("color: #b00020; font-weight: bold;")
        self.window.statusBar().addPermanentWidget(flag)
        box = QMessageBox(self.window)
        box.setObjectName("damageBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("DamageNotice", "The database is damaged"))
        box.setText(error_text(problem))
        self.repair_button = box.addButton(
            QCoreApplication.translate("DamageNotice", "Repair now…"),
            QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("DamageNotice", "Later"),
                      QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(self._clicked)
        self.box = box
        box.open()

    def _clicked(self, button: object) -> None:
        if button is self.repair_button:
            self.repair()

    def repair(self) -> None:
        """Close the profile (in the background) and offer restore or salvage."""
        self.runner.run(close_profile, self.session, on_done=lambda _r: self._offer())

    def _offer(self) -> None:
        problem = writing_stopped(self.session)
        assert problem is not None
        dialog = RecoveryDialog(self.window, self.runner, self.session.store.paths.root, problem,
                                self.backup_folder)
        dialog.finished.connect(self._repaired)
        self.recovery = dialog
        dialog.open()

    def _repaired(self, result: int) -> None:
        # The open window still holds the damaged file's records: the repaired profile is
        # signed in to afresh. An officer who quit the repair leaves the app (the profile is
        # closed and still damaged; the next start offers the repair again).
        if result == QDialog.DialogCode.Accepted:
            self.repaired.emit()
            return
        app = QApplication.instance()
        if app is not None:
            app.quit()
