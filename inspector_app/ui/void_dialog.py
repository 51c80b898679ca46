"""Voiding a document: the reason is asked, checked and recorded while the dialog stays open,
so an empty reason is said in the dialog (in the UI language) and nothing is voided."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.notice_documents import void_document
from inspector_app.services.session import Session
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.tasks import TaskRunner


class VoidDialog(QDialog):
    """Why the document is void; 作废 closes the dialog only once the document is voided."""

    def __init__(self, session: Session, runner: TaskRunner, document_id: str, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.document_id = session, runner, document_id
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Void document"))
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr("Void {number}? The number stays used and the reason is recorded.").format(number=number))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("e.g. wrong party name, misprint"))
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason, 1)
        self.errors = QLabel()
        self.errors.setObjectName("voidErrors")
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Void"))
        self.ok.setShortcut("Ctrl+Return")
        self.buttons.accepted.connect(self.void)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def void(self) -> None:
        """Void off the UI thread; close only when it worked."""
        self.ok.setEnabled(False)
        self.runner.run(void_document, self.session, self.document_id, self.reason.toPlainText(),
                        on_done=self._voided, on_error=self._failed)

    def _voided(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.reason.setFocus()
        else:
            show_error(self, exc)
