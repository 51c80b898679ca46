"""法制审核 dialogs: returning a decision (the written opinion is asked, checked and recorded while
the dialog stays open, so an empty opinion is said in the dialog and nothing is returned), and
the box the officer sees instead of the signing while a document waits for review."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import ValidationFailed
from inspector_app.domain.legal_review import PENDING, RETURNED
from inspector_app.services.legal_reviews import Gate, request_review, return_review
from inspector_app.services.session import Session
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.tasks import TaskRunner


class ReturnReviewDialog(QDialog):
    """The reviewer's opinion; 退回 closes the dialog only once the review is returned."""

    def __init__(self, session: Session, runner: TaskRunner, review_id: str, subject: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.review_id = session, runner, review_id
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Return with opinion"))
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr("Return {subject} to the officer. Write what is wrong and what must be done; "
                                 "the officer sees your opinion after the next sync.").format(subject=subject))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("reviewOpinion")
        self.opinion.setPlaceholderText(self.tr("e.g. 复查照片不能证明已改正，请补拍后重新提交"))
        self.opinion.setTabChangesFocus(True)
        layout.addWidget(self.opinion, 1)
        self.errors = QLabel()
        self.errors.setObjectName("reviewOpinionErrors")
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        self.errors.hide()
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Return (Ctrl+Enter)"))
        self.ok.setShortcut("Ctrl+Return")
        self.buttons.accepted.connect(self.send_back)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.opinion.setFocus()

    def send_back(self) -> None:
        """Return off the UI thread; close only when it worked."""
        self.ok.setEnabled(False)
        self.runner.run(functools.partial(return_review, self.session, self.review_id, self.opinion.toPlainText()),
                        on_done=self._returned, on_error=self._failed)

    def _returned(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.opinion.setFocus()
        else:
            show_error(self, exc)


class HeldBackBox(QMessageBox):
    """Said instead of opening the signing when a document waits for 法制审核: send it for review
    (Yes), or, when it is pending, that it is issued after approval. Not modal-blocking, so the
    page stays usable and tests can answer it."""

    def __init__(self, session: Session, runner: TaskRunner, violation_id: str, doc_type: str, title: str,
                 gate: Gate, on_sent: Callable[[Changes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.violation_id, self.doc_type = session, runner, violation_id, doc_type
        self.on_sent = on_sent
        self.setObjectName("legalReviewGate")
        self.setWindowTitle(self.tr("法制审核"))
        self.setIcon(QMessageBox.Icon.Information)
        reasons = "；".join(gate.reasons)
        if gate.status == PENDING:
            self.setText(self.tr("{title} is 待法制审核. It is issued, and numbered, once the reviewer has approved "
                                 "it; sync to receive the decision.").format(title=title))
            self.setStandardButtons(QMessageBox.StandardButton.Ok)
            return
        if gate.status == RETURNED:
            opinion = (gate.review or {}).get("opinion", "")
            self.setText(self.tr("The reviewer returned {title}:\n{opinion}\n\nCorrect the case as the opinion says. "
                                 "Send it for review again now?").format(title=title, opinion=opinion))
        else:
            self.setText(self.tr("{title} needs 法制审核 before it is issued ({reasons}). No number is taken until "
                                 "it is approved. Send it for review now?").format(title=title, reasons=reasons))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Send for review"))
        self.accepted.connect(self.send)

    def send(self) -> None:
        """Ask for the review off the UI thread."""
        self.runner.run(functools.partial(request_review, self.session, self.violation_id, self.doc_type),
                        on_done=self.on_sent, on_error=lambda e: show_error(self.parentWidget(), e))
