"""The supervisors' conflict queue: the same field changed on two devices. Both values side
by side; keep the earlier one, the later one (in effect now), or type a merged value."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.services.conflicts import (
    DELETED,
    EARLIER,
    LATER,
    MERGED,
    open_conflicts,
    resolve_conflict,
)
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon

ENTITY_LABELS = {
    "unit": QT_TRANSLATE_NOOP("ConflictsView", "Unit"),
    "patrol": QT_TRANSLATE_NOOP("ConflictsView", "Patrol"),
    "disorder_check": QT_TRANSLATE_NOOP("ConflictsView", "八乱 check"),
    "violation": QT_TRANSLATE_NOOP("ConflictsView", "Violation"),
    "document": QT_TRANSLATE_NOOP("ConflictsView", "Document"),
    "frontage_inspection": QT_TRANSLATE_NOOP("ConflictsView", "Inspection"),
}


def field_label(entity: str, field: str) -> str:
    """The form's label of a field, in the UI language (the raw name for other records)."""
    from inspector_app.forms.unit import UNIT_FORM

    if entity == "unit":
        for f in UNIT_FORM.fields:
            if f.key == field:
                return tr_text(f.label, "forms")
    return field


def shown(value: Any) -> str:
    """A stored value as the supervisor reads it."""
    if value is None or value == "":
        return "—"
    return str(value)


class ConflictsView(Page):
    """Open conflicts, oldest first."""

    shows = ("conflict",)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.items: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Earlier value"),
                                              self.tr("Later value (in effect)"), self.tr("Later value sent by"),
                                              self.tr("Found at")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(4, 110)
        self.table.setColumnWidth(5, 140)
        self.empty = QLabel(self.tr("No conflicts. When two laptops change the same field before syncing, "
                                    "the change appears here for a decision."))
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setWordWrap(True)
        self.keep_earlier = QPushButton(icon("fa5s.history"), self.tr("Keep earlier value"))
        self.keep_earlier.setObjectName("keepEarlier")
        self.keep_earlier.clicked.connect(lambda: self.decide(EARLIER))
        self.keep_later = QPushButton(icon("fa5s.check"), self.tr("Keep later value"))
        self.keep_later.setObjectName("keepLater")
        self.keep_later.clicked.connect(lambda: self.decide(LATER))
        self.merge = QPushButton(icon("fa5s.pen"), self.tr("Merge…"))
        self.merge.setObjectName("mergeValues")
        self.merge.clicked.connect(lambda: self.decide(MERGED))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.keep_earlier, self.keep_later, self.merge):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The server kept the later value; your decision is recorded in the audit "
                                        "log and synced to every laptop.")))
        # Without conflicts the note takes the page's height, its text at the top.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(open_conflicts, self.ctx.session, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for i, c in enumerate(items):
            kind = self.tr(ENTITY_LABELS.get(c["entity"], c["entity"]))
            cells = (f"{kind}: {c['record_name']}", field_label(c["entity"], c["field"]), shown(c["server_value"]), shown(c["device_value"]),
                     c["officer"], local_text(c["detected_at"]))
            if c["field"] == DELETED:  # edited on one laptop while deleted on another
                edit = c["device_value"] if isinstance(c["device_value"], dict) else {}
                cells = (cells[0], self.tr("deleted, and changed on another laptop"), self.tr("deleted"),
                         "; ".join(f"{field_label(c['entity'], k)}: {shown(v)}" for k, v in edit.items()), *cells[4:])
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(i, column, cell)
        has = bool(items)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        for b in (self.keep_earlier, self.keep_later, self.merge):
            b.setEnabled(has)
        if has:
            self.table.selectRow(0)

    def decide(self, choice: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.items[rows[0].row()]
        merged = None
        if choice == MERGED:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Merge the two values"), self.tr("Value to keep for {field}:").format(field=field_label(item["entity"], item["field"])),
                f"{shown(item['server_value'])} / {shown(item['device_value'])}")
            if not ok:
                return
            merged = text.strip()
        self.ctx.runner.run(resolve_conflict, self.ctx.session, item["id"], choice, merged,
                            on_done=self._resolved, on_error=lambda e: show_error(self, e))

    def _resolved(self, changes: Changes) -> None:
        self.ctx.events.publish(changes)
        self.reload()

