"""The officer's 首违不罚 page: record a violation (the app proposes the decision), issue and
sign the notice, re-check at the deadline, close a rectified first offence."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text
from inspector_app.services.notice_documents import violation_documents
from inspector_app.services.violations import (
    close_violation,
    get_violation,
    recent_violations,
    violation_rechecks_due,
)
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.flow_layout import flow_bar
from inspector_app.ui.icons import icon
from inspector_app.ui.notice_flow import NoticeFlow
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.violation_dialog import ViolationDialog

ROLE = Qt.ItemDataRole.UserRole


class NoticesView(Page):
    """Violations of the squad and their notices."""

    shows = ("violation", "document")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.rows: list[dict[str, Any]] = []
        self.flow = NoticeFlow(self, ctx)
        self.decisions = {"first_offence": self.tr("首违不罚"), "not_eligible": self.tr("not eligible, case"),
                          "order_only": self.tr("order to correct")}
        self.document_names = {"warning": self.tr("警示告知书"), "rectify_order": self.tr("责令限期改正通知书"),
                               "no_penalty": self.tr("不予行政处罚决定书"), "inspection_record": self.tr("现场检查（勘验）笔录"),
                               "service_proof": self.tr("送达回证"), "service_address": self.tr("送达地址确认书")}
        self.statuses = {"open": self.tr("waiting for re-check"), "rectified": self.tr("rectified"),
                         "case": self.tr("case filed"), "closed": self.tr("closed")}
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("violations")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Party"), self.tr("Item"), self.tr("Decision"),
                                              self.tr("Status"), self.tr("Notice number")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 200)
        self.table.itemSelectionChanged.connect(self._sync)
        self.due = QLabel()
        self.due.setObjectName("due")
        self.due.setStyleSheet("color: #b3261e;")
        new = QPushButton(icon("fa5s.plus"), self.tr("New violation…"))
        new.setToolTip(self.tr("Record a violation and issue the notice (Ctrl+N)"))
        new.clicked.connect(lambda: self.new_violation())
        self.issue_button = QPushButton(icon("fa5s.file-signature"), self.tr("Issue notice…"))
        self.issue_button.clicked.connect(self.issue_for_selected)
        self.record_button = QPushButton(icon("fa5s.clipboard"), self.tr("Scene record (笔录)…"))
        self.record_button.clicked.connect(self.write_record)
        self.address_button = QPushButton(icon("fa5s.at"), self.tr("Service address (送达地址确认书)…"))
        self.address_button.setToolTip(self.tr("The party's address for service and consent to 电子送达"))
        self.address_button.clicked.connect(lambda: self._sign("service_address", self.tr("送达地址确认书")))
        self.documents_button = QPushButton(icon("fa5s.folder-open"), self.tr("Documents"))
        self.documents_button.setObjectName("violationDocuments")
        self.documents_button.setToolTip(self.tr("Reopen and reprint the documents issued for this violation"))
        self.documents_menu = QMenu(self.documents_button)
        self.documents_button.setMenu(self.documents_menu)
        self.recheck_button = QPushButton(icon("fa5s.redo"), self.tr("Re-check…"))
        self.recheck_button.clicked.connect(self.recheck_selected)
        top = QHBoxLayout()
        top.addWidget(self.due)
        # The buttons wrap onto a second row on a 1024-pixel screen in English.
        top.addWidget(flow_bar(new, self.issue_button, self.record_button, self.address_button, self.recheck_button,
                               self.documents_button), 1)
        self.reasons = QLabel()
        self.reasons.setObjectName("decisionReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.after = PhotoStripWidget(ctx.session, ctx.runner, lambda: ("", None, None))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("Decision and reasons")))
        side_layout.addWidget(self.reasons, 1)
        side_layout.addWidget(QLabel(self.tr("“After” photo for the re-check")))
        side_layout.addWidget(self.after)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([760, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.new_violation())
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(lambda: (recent_violations(self.ctx.session), violation_rechecks_due(self.ctx.session)),
                            on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, loaded: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self.rows, due = loaded
        self.due.setText(self.tr("{n} re-check(s) due").format(n=len(due)) if due else "")
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            day = local_text(r["occurred_at"], "%m-%d %H:%M")
            cells = (day, r["party_name"], r["item_code"], self.decisions.get(r["decision"], r["decision"]),
                     self.statuses.get(r["status"], r["status"]) + (f" {r['deadline']}" if r["status"] == "open" else ""),
                     r["number"] or self.tr("(not issued)"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, r["id"])
                self.table.setItem(i, column, item)
        self._sync()

    def open_record(self, violation_id: str) -> None:
        """Select one violation in the list (opened from the map)."""
        for i, row in enumerate(self.rows):
            if row["id"] == violation_id:
                self.table.selectRow(i)
                return

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _sync(self) -> None:
        row = self.selected()
        self.issue_button.setEnabled(bool(row) and not (row or {}).get("number"))
        self.record_button.setEnabled(bool(row))
        self.address_button.setEnabled(bool(row))
        self.recheck_button.setEnabled(bool(row) and (row or {}).get("status") == "open" and bool((row or {}).get("number")))
        self.documents_menu.clear()
        self.documents_button.setEnabled(False)
        if row:  # its reasons and documents are read off the UI thread
            violation_id, session = row["id"], self.ctx.session
            self.reasons.setText("")
            self.ctx.runner.run(lambda: (get_violation(session, violation_id), violation_documents(session, violation_id)),
                                on_done=lambda loaded: self._loaded(violation_id, *loaded),
                                on_error=lambda e: show_error(self, e))
        else:
            self.reasons.setText(self.tr("Select a violation to see why the app decided as it did."))

    def _loaded(self, violation_id: str, full: dict[str, Any], documents: list[dict[str, Any]]) -> None:
        row = self.selected()
        if not row or row["id"] != violation_id:  # the selection moved on meanwhile
            return
        self.reasons.setText("\n".join(f"· {r}" for r in json.loads(full["decision_reasons"])) +
                             (self.tr("\nOverridden by the officer: {reason}").format(reason=full["override_reason"])
                              if full["overridden"] else ""))
        self._list_documents(violation_id, documents)

    def _list_documents(self, violation_id: str, documents: list[dict[str, Any]]) -> None:
        row = self.selected()
        if not row or row["id"] != violation_id:  # the selection moved on meanwhile
            return
        self.documents_menu.clear()
        for d in documents:
            first_offence = d["doc_type"] == "warning" and row["decision"] == "first_offence"
            name = self.tr("首违不罚告知书") if first_offence else self.document_names.get(d["doc_type"], d["doc_type"])
            text = f"{name}  {d['number']}" + (self.tr("  (voided)") if d["status"] == "voided" else "")
            action = self.documents_menu.addAction(text)
            action.setData(d["id"])
            action.triggered.connect(lambda _checked=False, d=d, name=name: self.flow.preview(d["id"], f"{name} {d['number']}"))
        self.documents_button.setEnabled(bool(documents))

    def new_violation(self, values: dict[str, Any] | None = None) -> ViolationDialog:
        """Open the violation form (prefilled when it comes from an inspection or a check)."""
        return self.flow.start(values)

    def issue_for_selected(self) -> None:
        row = self.selected()
        if row:
            self.flow.sign(row["id"])

    def _sign(self, doc_type: str, title: str) -> None:
        row = self.selected()
        if row:
            self.flow.sign(row["id"], doc_type, title)

    def write_record(self) -> None:
        """The 笔录 of the selected violation: typed, then signed."""
        row = self.selected()
        if row:
            self.flow.write_record(row["id"])

    def recheck_selected(self) -> None:
        """Re-check at the deadline: rectified (with the “after” photo) or not."""
        row = self.selected()
        if not row:
            return
        answer = QMessageBox.question(self, self.tr("Re-check"), self.tr("Has the party corrected it?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        rectified = answer == QMessageBox.StandardButton.Yes
        self.ctx.runner.run(close_violation, self.ctx.session, row["id"], rectified, "", self.after.photo_ids(),
                            on_done=lambda c: self._rechecked(c, row, rectified), on_error=lambda e: show_error(self, e))

    def _rechecked(self, changes: Changes, row: dict[str, Any], rectified: bool) -> None:
        self.ctx.events.publish(changes)
        if rectified and row["decision"] == "first_offence":
            self.flow.sign(row["id"], "no_penalty", self.tr("不予行政处罚决定书"))
