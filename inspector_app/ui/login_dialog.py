"""Signing in, offline, against the locally kept password hash."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.roles import ROLE_LABELS, Role
from inspector_app.ui.errors import error_text
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from inspector_app.services.session import Session


class LoginDialog(QDialog):
    """Name and password; a clear message on failure; ``session`` is set on success.
    ``first_painted`` fires once the dialog is on screen (work can then start behind it)."""

    first_painted = Signal()
    _painted = False

    def __init__(
        self,
        profile: Session | None,
        runner: TaskRunner,
        last_username: str = "",
        locked_user: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.runner = runner
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Sign in — City inspection"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Jinan city management field inspection"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        note = QLabel(
            self.tr("Works offline: sign in with the password of your last online sign-in.")
            if locked_user is None
            else self.tr("The screen is locked. {name}, type your password to continue.").format(
                name=locked_user
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.username = QLineEdit(last_username)
        self.username.setObjectName("username")
        self.username.setReadOnly(locked_user is not None)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        layout.addWidget(self.message)
        # Buttons set after construction: the constructor's overloads make PySide build its
        # whole Qt namespace (~30 ms) before the dialog can appear.
        self.buttons = QDialogButtonBox()
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.opening = QLabel(self.tr("Opening the data…"))
        self.opening.setObjectName("opening")
        layout.addWidget(self.opening)
        self.demo = QLabel()
        self.demo.setObjectName("demoAccounts")
        self.demo.setWordWrap(True)
        self.demo.setStyleSheet("color: #555;")
        self.demo.hide()
        layout.addWidget(self.demo)
        self.set_profile(profile)
        # setFocus() without a reason: naming Qt.FocusReason would build PySide's whole Qt
        # namespace (~30 ms) before the dialog can appear.
        (self.password if self.username.text() else self.username).setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this paint reaches the screen

    def set_profile(self, profile: Session | None) -> None:
        """The opened profile; signing in is possible once it is there."""
        self.profile = profile
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(profile is not None)
        self.opening.setVisible(profile is None)

    def show_demo_accounts(self, accounts: Sequence[Any]) -> None:
        """On a demo profile, the accounts to try (a newcomer who ran ``make run`` has no other
        way to know them); nothing on a real profile."""
        if not accounts:
            self.demo.hide()
            return
        from inspector_app.services.demo import DEMO_PASSWORD

        lines = "".join(
            f"<tr><td><b>{html.escape(a.username)}</b>&nbsp;&nbsp;</td><td>{html.escape(a.name)}</td>"
            f"<td>&nbsp;&nbsp;{html.escape(tr_text(ROLE_LABELS[Role(a.role)], 'roles'))}</td></tr>" for a in accounts
        )
        self.demo.setText(
            self.tr("Demo data — sign in with one of these accounts, password {password}:").format(
                password=f"<b>{html.escape(DEMO_PASSWORD)}</b>"
            )
            + f"<table>{lines}</table>"
        )
        self.demo.show()
        if not self.username.text():
            self.username.setText(accounts[0].username)
            self.password.setFocus()

    def attempt(self) -> None:
        """Check the name and password off the UI thread (argon2 is deliberately slow)."""
        if self.profile is None:
            return
        # Imported here so the dialog can appear before the storage libraries have loaded.
        from inspector_app.services.profile import sign_in

        self.buttons.setEnabled(False)
        self.message.hide()
        self._password = self.password.text()
        self.runner.run(
            sign_in,
            self.profile,
            self.username.text(),
            self.password.text(),
            on_done=self._signed_in,
            on_error=self._failed,
        )

    def _signed_in(self, session: Session) -> None:
        from inspector_app.services.sync import connect_quietly

        self.session = session
        # Also to the sync server, in the background (offline, this simply fails quietly).
        self.runner.run(connect_quietly, session, self._password, on_error=lambda _e: None)
        self._password = ""
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(exc))
        self.message.show()
        self.password.clear()
        self.password.setFocus()
