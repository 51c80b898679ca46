"""First run on a computer whose profile has no accounts and no demo data.

Page flow: choose "connect to the squad's server" (with its address) or "work offline" →
either sign in at the server and download the squad's data with progress, or create the
first administrator account here → done, signed in. Slow work (argon2, the download) runs on
the task runner; a page moves on once its work has succeeded, and says what is wrong if not.
"""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.services import first_run
from inspector_app.services.session import Session
from inspector_app.ui.errors import error_text
from inspector_app.ui.first_run_map_page import MapTilesPage
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.tasks import TaskRunner

CHOICE, SERVER, ADMIN, MAP, DONE = range(5)


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _WorkPage(QWizardPage):
    """A page whose Next button starts background work and moves on when it succeeded."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.message = _message_label()
        self.busy = False
        self._validating = False

    def show_problem(self, exc: BaseException) -> None:
        self.busy = False
        self.owner.button(QWizard.WizardButton.NextButton).setEnabled(True)
        if isinstance(exc, ValidationFailed):  # one line per field, in the UI language
            self.message.setText("\n".join(tr_field_error(e) for e in exc.errors))
        else:
            self.message.setText(error_text(exc))
        self.message.show()

    def start(self) -> None:
        raise NotImplementedError

    def validatePage(self) -> bool:
        if self.owner.session is not None:
            return True
        if not self.busy:
            self.busy = self._validating = True
            self.message.hide()
            self.owner.button(QWizard.WizardButton.NextButton).setEnabled(False)
            try:
                self.start()
            finally:
                self._validating = False
        return self.owner.session is not None  # already there when the work ran at once

    def succeeded(self, session: Session) -> None:
        self.busy = False
        self.owner.session = session
        self.owner.button(QWizard.WizardButton.NextButton).setEnabled(True)
        if not self._validating and self.owner.currentPage() is self:
            self.owner.next()  # the work finished in the background: move on now


class ChoicePage(QWizardPage):
    """Server (with its address) or offline."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to City inspection"))
        self.setSubTitle(self.tr("This computer has no accounts yet. Choose how to set it up."))
        self.server = QRadioButton(self.tr("Connect to the squad's server"))
        self.server.setObjectName("useServer")
        self.address = QLineEdit()
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText(self.tr("Server address, e.g. https://xcjc.jnzf.gov.cn"))
        self.offline = QRadioButton(self.tr("Work offline on this computer"))
        self.offline.setObjectName("workOffline")
        offline_note = QLabel(self.tr(
            "Create the first administrator account here; units can then be added, or imported "
            "from the squad's Excel registry."))
        offline_note.setWordWrap(True)
        group = QButtonGroup(self)
        group.addButton(self.server)
        group.addButton(self.offline)
        self.message = _message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.server)
        layout.addWidget(self.address)
        if not first_run.SERVER_SETUP_AVAILABLE:
            for widget in (self.server, self.address):
                widget.setEnabled(False)
            note = QLabel(self.tr("This version cannot connect to a server yet."))
            note.setObjectName("serverUnavailable")
            layout.addWidget(note)
        layout.addSpacing(12)
        layout.addWidget(self.offline)
        layout.addWidget(offline_note)
        layout.addStretch(1)
        layout.addWidget(self.message)
        (self.server if first_run.SERVER_SETUP_AVAILABLE else self.offline).setChecked(True)
        self.server.toggled.connect(self.address.setEnabled)
        self.address.setEnabled(self.server.isChecked())

    def validatePage(self) -> bool:
        if not self.server.isChecked():
            return True
        try:
            self.address.setText(first_run.check_server_address(self.address.text()))
        except UserError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return False
        self.message.hide()
        return True

    def nextId(self) -> int:
        return SERVER if self.server.isChecked() else ADMIN


class ServerPage(_WorkPage):
    """Sign in at the server and download the squad's data."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sign in at the server"))
        self.setSubTitle(self.tr("Your squad's data is downloaded to this computer; this takes a few minutes."))
        self.username = QLineEdit()
        self.password = _password_edit()
        self.progress = QProgressBar()
        self.progress.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.progress)
        form.addRow(self.message)

    def start(self) -> None:
        request = first_run.ServerSignIn(
            self.owner.choice.address.text(), self.username.text().strip(), self.password.text(),
            platform.node(),
        )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.owner.runner.run(
            first_run.join_from_server, self.owner.profile, request, with_progress=True,
            on_progress=self._progress, on_done=self.succeeded, on_error=self._failed,
        )

    def _progress(self, done: int, total: int, _note: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.password.clear()
        self.show_problem(exc)

    def nextId(self) -> int:
        return MAP


class AdminPage(_WorkPage):
    """The first administrator account, created on this computer."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("First administrator account"))
        self.setSubTitle(self.tr("This account signs in on this computer and can set everything else up."))
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUsername")
        self.password = _password_edit()
        self.password.setObjectName("adminPassword")
        self.confirm = _password_edit()
        self.confirm.setObjectName("adminConfirm")
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.confirm)
        hint = QLabel(self.tr("At least 8 characters, with letters and digits. Write it down somewhere safe: "
                              "without a server nobody can reset it."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.message)

    def start(self) -> None:
        self.owner.runner.run(
            first_run.create_first_admin, self.owner.profile, self.name.text(), self.username.text(),
            self.password.text(), self.confirm.text(), on_done=self.succeeded, on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.confirm.clear()
        self.show_problem(exc)

    def nextId(self) -> int:
        return DONE


class DonePage(QWizardPage):
    """Signed in: what happens next."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Ready"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self).addWidget(self.summary)

    def initializePage(self) -> None:
        session = self.owner.session
        if session is None:
            return
        self.summary.setText(self.tr(
            "You are signed in as {name} ({username}).\nA copy of the database is made every day; "
            "Settings (Ctrl+,) choose where it goes.").format(
                name=session.actor.name, username=session.actor.username))


class FirstRunWizard(QWizard):
    """Sets a new profile up; ``session`` is the signed-in profile once it has succeeded."""

    def __init__(self, profile: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.profile = profile
        self.runner = runner
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Set up City inspection"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(640, 460)
        self.choice = ChoicePage()
        self.server_page = ServerPage(self)
        self.admin_page = AdminPage(self)
        self.done_page = DonePage(self)
        self.map_page = MapTilesPage(runner, lambda: self.session, DONE)
        for page_id, page in ((CHOICE, self.choice), (SERVER, self.server_page),
                              (ADMIN, self.admin_page), (MAP, self.map_page), (DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(CHOICE)
