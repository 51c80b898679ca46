"""The officer's returned work: what the supervisor sent back, with the comment; correct an
inspection (a new revision) or resubmit a patrol."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.domain.changes import Changes
from inspector_app.services.inspections import inspection_detail
from inspector_app.services.profile import unit_detail
from inspector_app.services.review import resubmit_patrol, returned_items
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.inspection_dialog import InspectionDialog


class ReturnedView(Page):
    """Returned patrols and inspections of the signed-in officer."""

    shows = ("patrol", "frontage_inspection", "review", "unit")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.rows: list[dict[str, Any]] = []
        self.empty = QLabel(self.tr("Nothing returned. When your supervisor returns a patrol or an inspection, "
                                    "it appears here with what to correct."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368; font-size: 12pt; padding: 24px;")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("returnedTable")
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("What"), self.tr("Unit"), self.tr("Supervisor's comment")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(2, 200)
        self.table.doubleClicked.connect(lambda _: self.correct_selected())
        self.correct_button = QPushButton(icon("fa5s.edit"), self.tr("Correct / resubmit"))
        self.correct_button.clicked.connect(self.correct_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(returned_items, self.ctx.session, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.correct_button.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        kinds = {"patrol": self.tr("Patrol"), "frontage_inspection": self.tr("门前五包 inspection")}
        for i, r in enumerate(rows):
            for column, text in enumerate((r["day"], kinds.get(r["entity"], r["entity"]), r["unit_name"], r["comment"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, i)
                self.table.setItem(i, column, item)

    def correct_selected(self) -> None:
        """Open the returned inspection for correction, or resubmit the patrol with a note."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return
        row = self.rows[selected[0].row()]
        if row["entity"] == "patrol":
            note, ok = QInputDialog.getText(self, self.tr("Resubmit patrol"),
                                            self.tr("What did you correct or explain?"))
            if ok:
                self.ctx.runner.run(resubmit_patrol, self.ctx.session, row["id"], note,
                                    on_done=self.ctx.events.publish, on_error=lambda e: show_error(self, e))
            return
        old = inspection_detail(self.ctx.session, row["id"]) or {}
        unit = unit_detail(self.ctx.session, row["unit_id"])
        if not unit:
            return
        dialog = InspectionDialog(self.ctx.session, self.ctx.runner, unit, old.get("patrol_id"), None, self,
                                  revision_of=row["id"])
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes or Changes()))
        dialog.open()
