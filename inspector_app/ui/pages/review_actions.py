"""The review page's decisions: approve (A), return with a comment (R), undo the last
decision while it has not synced (Ctrl+Z) and open a record (Enter / double-click), as buttons
beside those keys and as the list's context menu. Approving a patrol that holds 不达标
inspections still waiting for review asks once, with their count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMenu, QMessageBox, QPushButton, QWidget

from inspector_app.domain.changes import Changes
from inspector_app.domain.review import STATUS_LABELS
from inspector_app.services.review import review_record
from inspector_app.services.review_undo import Decision, undo_last_decision, undoable_decision
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.pages.review_tree import PENDING, REVIEWED
from inspector_app.ui.return_dialog import ReturnDialog
from inspector_app.ui.sync_controller import SyncController

if TYPE_CHECKING:
    from inspector_app.ui.pages.review_view import ReviewView


class ReviewActions(QWidget):
    """Buttons, keys and context menu of the review page."""

    def __init__(self, view: ReviewView) -> None:
        super().__init__()
        self.view = view
        self.last: Decision | None = None
        self.approve_button = QPushButton(icon("fa5s.check"), self.tr("Approve (A)"))
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton(icon("fa5s.undo-alt"), self.tr("Return… (R)"))
        self.return_button.setObjectName("returnButton")
        self.detail_button = QPushButton(icon("fa5s.search"), self.tr("Details… (Enter)"))
        self.detail_button.setObjectName("detailButton")
        self.undo_button = QPushButton(icon("fa5s.history"), self.tr("Undo last decision (Ctrl+Z)"))
        self.undo_button.setObjectName("undoButton")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button, slot in ((self.approve_button, self.approve), (self.return_button, self.return_selected),
                             (self.detail_button, self.details), (self.undo_button, self.undo)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        for keys, slot in (("A", self.approve), ("R", self.return_selected), ("Ctrl+Z", self.undo)):
            shortcut = QShortcut(QKeySequence(keys), view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.items.customContextMenuRequested.connect(self.show_menu)
        view.items.activated.connect(lambda _i: self.details())
        self.sync()

    def sync(self) -> None:
        """Enable what applies to the selected record; look up whether undo is possible."""
        key = self.view.items.selected_record()
        status = self._status()
        reviewable = bool(key) and key[0] in REVIEWED and status in PENDING  # type: ignore[index]
        self.approve_button.setEnabled(reviewable)
        self.return_button.setEnabled(reviewable)
        self.detail_button.setEnabled(bool(key) and key[0] != "patrol")  # type: ignore[index]
        self.view.ctx.runner.run(undoable_decision, self.view.ctx.session, on_done=self._undoable,
                                 on_error=lambda _e: self._undoable(None))

    def _undoable(self, last: Decision | None) -> None:
        self.last = last
        self.undo_button.setEnabled(last is not None)
        if last is not None:
            what = tr_text(STATUS_LABELS.get(last.decision, last.decision), "review")
            self.undo_button.setToolTip(self.tr("Undo “{decision}” (not yet synced)").format(decision=what))
        else:
            self.undo_button.setToolTip(self.tr("Nothing to undo, or the last decision has synced"))

    def _status(self) -> str:
        item = self.view.items.currentItem()
        return str(item.data(3, Qt.ItemDataRole.UserRole) or "") if item else ""

    def show_menu(self, pos: QPoint) -> None:
        """The list's context menu: the same actions as the buttons."""
        menu = QMenu(self)
        menu.setObjectName("reviewMenu")
        for button, slot in ((self.approve_button, self.approve), (self.return_button, self.return_selected),
                             (self.detail_button, self.details), (self.undo_button, self.undo)):
            action = menu.addAction(button.icon(), button.text(), slot)
            action.setEnabled(button.isEnabled())
        self.menu = menu
        menu.popup(self.view.items.viewport().mapToGlobal(pos))

    def non_compliant_waiting(self, patrol_id: str) -> int:
        """不达标 inspections of a patrol that approving it would approve too."""
        officer = self.view.selected_officer()
        return sum(1 for i in (officer.inspections if officer else [])
                   if i["patrol_id"] == patrol_id and not i["compliant"] and i["review_status"] in PENDING)

    def approve(self) -> None:
        """Approve the selected patrol or inspection (A); asks once if a patrol holds 不达标 ones."""
        key = self.view.items.selected_record()
        if not key or key[0] not in REVIEWED:
            return
        if key[0] == "patrol" and (n := self.non_compliant_waiting(key[1])):
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve patrol"), self.tr(
                "This patrol holds {n} 不达标 inspection(s) still to review. Approving the patrol approves "
                "them too. Approve?").format(n=n), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setObjectName("confirmApprove")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self._decide(key, "approved", "")

    def return_selected(self) -> None:
        """Return the selected record with a comment (R)."""
        item = self.view.items.currentItem()
        key = self.view.items.selected_record()
        if not key or item is None or key[0] not in REVIEWED:
            return
        dialog = ReturnDialog(item.text(0), self)
        dialog.setObjectName("returnDialog")
        if dialog.exec():
            self._decide(key, "returned", dialog.text())

    def _decide(self, key: tuple[str, str], decision: str, comment: str) -> None:
        self.view.ctx.runner.run(review_record, self.view.ctx.session, key[0], key[1], decision, comment,
                                 on_done=self.view.decided, on_error=lambda e: show_error(self, e))

    def undo(self) -> None:
        """Undo the last decision while it has not synced (Ctrl+Z)."""
        last = self.last
        if last is None:
            return
        sync = self.view.ctx.events.root().findChild(SyncController, "syncController")
        if sync is not None and sync.running:
            # A push in flight may already carry the decision to the server.
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Undo"), self.tr(
                "A sync is running. Undo once it has finished, if the decision has not been sent by then."),
                QMessageBox.StandardButton.Ok, self)
            box.setObjectName("undoWhileSyncing")
            box.exec()
            return

        def undone(changes: Changes) -> None:
            self.view.ctx.events.publish(changes)
            self.view.after_reload = (last.entity, last.entity_id)
            self.view.reload()

        self.view.ctx.runner.run(undo_last_decision, self.view.ctx.session, on_done=undone,
                                 on_error=lambda e: show_error(self, e))

    def details(self) -> None:
        """Open the selected inspection or 八乱 check (Enter, double-click)."""
        from inspector_app.ui.review_detail_dialog import ReviewDetailDialog

        key = self.view.items.selected_record()
        if not key or key[0] == "patrol":
            return
        dialog = ReviewDetailDialog(self.view.ctx.session, self.view.ctx.runner, key, self)
        dialog.setObjectName("reviewDetail")
        self.detail_dialog = dialog
        dialog.open()
