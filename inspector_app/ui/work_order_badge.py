"""The work-order badge in the status bar, shown from sign-in on: "3 件待办，1 件今天到期"
(and for a dispatcher the squad's queues); red when something is overdue; a click opens the
待办 page. Counted off the UI thread whenever work orders change or a sync ends."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel

from inspector_app.domain.changes import Changes
from inspector_app.services.work_order_views import Badge, badge
from inspector_app.ui.context import PageContext


class WorkOrderBadgeWidget(QLabel):
    """Counts of the signed-in officer's work orders."""

    clicked = Signal()

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.setObjectName("workOrderBadge")
        self.ctx = ctx
        self.counts: Badge | None = None
        self.setToolTip(self.tr("Work orders — click to open 待办"))
        ctx.events.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Count again (two indexed reads, off the UI thread)."""
        self.ctx.runner.run(badge, self.ctx.session, on_done=self.show_counts)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("work_order"):
            self.refresh()

    def text_for(self, counts: Badge) -> str:
        parts = [self.tr("{n} work orders to do").format(n=counts.open)]
        if counts.due_today:
            parts.append(self.tr("{n} due today").format(n=counts.due_today))
        if counts.overdue:
            parts.append(self.tr("{n} overdue").format(n=counts.overdue))
        queues = counts.queues
        if queues.get("to_dispatch"):
            parts.append(self.tr("{n} to dispatch").format(n=queues["to_dispatch"]))
        if queues.get("to_verify"):
            parts.append(self.tr("{n} to verify").format(n=queues["to_verify"]))
        if queues.get("extensions"):
            parts.append(self.tr("{n} extension requests").format(n=queues["extensions"]))
        return self.tr(", ").join(parts)

    def show_counts(self, counts: Badge) -> None:
        self.counts = counts
        waiting = counts.open or any(counts.queues.values())
        self.setVisible(bool(waiting))
        colour = "#c62828" if counts.overdue else "#ef6c00" if counts.due_today else "#1565c0"
        self.setText(f'<span style="color:{colour}">●</span> {self.text_for(counts)}')

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
