"""A red warning in the status bar when the audit trail (执法全过程记录) does not hold: the whole
chain is verified off the UI thread after opening and after every sync (the server reports a
deleted or rewritten tail). A click explains what it means and what to do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from inspector_app.services.audit_anchor import (
    AuditStatus,
    acknowledge_reported_breaks,
    audit_status,
)
from inspector_app.ui.context import PageContext


class AuditWarningWidget(QLabel):
    """Hidden while the chain holds."""

    checked = Signal(object)  # the AuditStatus, for tests and the window

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.setObjectName("auditWarning")
        self.ctx = ctx
        self.status: AuditStatus | None = None
        self.setVisible(False)

    def refresh(self) -> None:
        """Verify the chain again (reads the whole log: off the UI thread)."""
        self.ctx.runner.run(audit_status, self.ctx.session, on_done=self.show_status)

    def show_status(self, status: AuditStatus) -> None:
        self.status = status
        self.setVisible(not status.ok)
        count = len(status.local) + len(status.reported)
        self.setText('<span style="color:#c62828">⚠ ' + self.tr("Audit trail broken ({n})").format(n=count)
                     + "</span>")
        self.setToolTip(self.tr("The record of who did what on this laptop has gaps or changes — click for details"))
        self.checked.emit(status)

    def details(self) -> str:
        """What the officer reads: each break, then what to do."""
        status = self.status
        if status is None:
            return ""
        lines = [self.tr("Entry {seq}: {reason}").format(seq=b.seq, reason=self._reason(b.reason))
                 for b in (*status.local, *status.reported)]
        return "\n".join([
            self.tr("The audit trail (执法全过程记录) of this laptop does not hold:"), *lines, "",
            self.tr("Entries were deleted or changed outside the app, or a backup was restored. The sync server "
                    "keeps every entry it received and has recorded this. Tell your administrator; keep working "
                    "as usual — new entries are recorded and sent."),
        ])

    def _reason(self, reason: str) -> str:
        known = {
            "entry missing": self.tr("an entry is missing"),
            "link to previous entry broken": self.tr("the link to the previous entry is broken"),
            "entry was altered": self.tr("the entry was changed"),
            "newest entries deleted (the server holds a longer chain)":
                self.tr("the newest entries were deleted (the server holds more)"),
            "entry differs from the one the server acknowledged":
                self.tr("the entry differs from the one the server received"),
            "the device's audit key changed": self.tr("the laptop's audit key changed"),
        }
        return known.get(reason, reason)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.status is None or self.status.ok:
            return
        parent: QWidget | None = self.window()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Audit trail"), self.details(), parent=parent)
        box.setObjectName("auditWarningBox")
        ack = box.addButton(self.tr("I have told the administrator"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is ack and self.status.reported:
            self.ctx.runner.run(acknowledge_reported_breaks, self.ctx.session, on_done=lambda _r: self.refresh())
