"""The sync badge in the status bar: synced, how many changes wait, offline, syncing, or a
problem; a click opens the sync page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel

from inspector_app.services.sync import SyncStatus
from inspector_app.ui.sync_controller import SyncController


class SyncBadgeWidget(QLabel):
    """Follows the window's :class:`SyncController`."""

    clicked = Signal()

    def __init__(self, controller: SyncController) -> None:
        super().__init__()
        self.setObjectName("syncBadge")
        self.controller = controller
        self.syncing = False
        self.problem = False
        controller.status.connect(self._update)
        controller.online.connect(lambda _o: self._update(controller.last_status))
        controller.started.connect(self._started)
        controller.finished.connect(lambda _r: self._ended(False))
        controller.failed.connect(lambda _e: self._ended(True))
        self.setToolTip(self.tr("Sync status — click to open the sync page"))
        self._update(controller.last_status)

    def _started(self) -> None:
        self.syncing = True
        self._update(self.controller.last_status)

    def _ended(self, problem: bool) -> None:
        self.syncing, self.problem = False, problem
        self._update(self.controller.last_status)

    def _update(self, status: SyncStatus | None) -> None:
        if status is None or not status.server_url:
            self.setVisible(False)
            return
        self.setVisible(True)
        waiting = status.pending_ops + status.pending_blobs
        if self.syncing:
            text, color = self.tr("⟳ syncing…"), "#1565c0"
        elif self.controller.is_online is False:
            text, color = self.tr("○ offline · {n} waiting").format(n=waiting), "#8a8a8a"
        elif self.problem or status.failed:
            text, color = self.tr("⚠ sync problem · {n} waiting").format(n=waiting), "#b3261e"
        elif waiting:
            text, color = self.tr("⇅ {n} waiting").format(n=waiting), "#9a6700"
        else:
            text, color = self.tr("✓ synced"), "#1b7f3b"
        if status.open_conflicts:
            text += self.tr(" · {n} conflicts").format(n=status.open_conflicts)
        self.setText(text)
        self.setStyleSheet(f"color: {color}; padding: 0 8px;")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
