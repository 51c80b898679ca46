"""The clerk's documents page: every issued document by date, type, squad and status, a
preview, printing one or many (the print count is kept), saving, voiding with a reason, and
verifying a paper by its number or QR code."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.services.document_verify import Verification, verify_document
from inspector_app.services.notice_documents import (
    batch_pdf,
    document_pdf,
    list_documents,
    record_print,
)
from inspector_app.services.session import LOCAL_TZ
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.pdf_files import ask_batch_target, write_each
from inspector_app.ui.printing import load_pdf, print_pdf
from inspector_app.ui.verify_facts import VerifyFacts
from inspector_app.ui.void_dialog import VoidDialog

TYPES = ("warning", "rectify_order", "no_penalty", "inspection_record", "service_proof", "service_address", "agreement")


class DocumentsView(Page):
    """Find, preview, print, void and verify documents."""

    shows = ("document",)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.rows: list[dict[str, Any]] = []
        self.type_names = {"warning": self.tr("警示告知书 / 首违不罚告知书"), "rectify_order": self.tr("责令限期改正通知书"),
                           "no_penalty": self.tr("不予行政处罚决定书"), "inspection_record": self.tr("现场检查（勘验）笔录"),
                           "service_proof": self.tr("送达回证"), "service_address": self.tr("送达地址确认书"),
                           "agreement": self.tr("门前五包责任书")}
        today = ctx.session.today()
        self.start = QDateEdit(QDate(today.year, today.month, today.day).addDays(-30))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        self.type = QComboBox()
        self.type.addItem(self.tr("All types"), None)
        for key in TYPES:
            self.type.addItem(self.type_names[key], key)
        self.status = QComboBox()
        self.status.addItem(self.tr("Issued"), "issued")
        self.status.addItem(self.tr("Voided"), "voided")
        self.status.addItem(self.tr("Any status"), None)
        for combo in (self.type, self.status):
            combo.currentIndexChanged.connect(self.reload)
        self.search = QLineEdit()
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText(self.tr("Party or number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(170)  # leaves the verify field room for a whole number at 1024 px
        self._search_later = QTimer(self)  # one look per pause in typing, not one per key
        self._search_later.setSingleShot(True)
        self._search_later.setInterval(250)
        self._search_later.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_later.start())
        filters = QHBoxLayout()
        for w in (self.start, QLabel("—"), self.end, self.type, self.status, self.search):
            filters.addWidget(w)
        self.verify_input = QLineEdit()
        self.verify_input.setObjectName("verifyInput")
        self.verify_input.setPlaceholderText(self.tr("Verify a paper: scan its QR code or type its number"))
        self.verify_input.returnPressed.connect(self.verify)
        self.verify_facts = VerifyFacts()
        filters.addWidget(self.verify_input, 1)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("documents")
        self.table.setHorizontalHeaderLabels([self.tr("Issued"), self.tr("Type"), self.tr("Number"), self.tr("Party"),
                                              self.tr("Printed"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((100, 170, 230, 160, 50)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._preview)
        self._shown_id: str | None = None  # the document the preview shows
        self.view = QPdfView()
        self.view.setObjectName("preview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._pdf: Any = None
        buttons = QHBoxLayout()
        self.count = QLabel()
        buttons.addWidget(self.count, 1)
        for text, icon_name, slot in ((self.tr("Print"), "fa5s.print", self.print_selected),
                                      (self.tr("Batch print selected"), "fa5s.copy", self.batch_print),
                                      (self.tr("Save as…"), "fa5s.save", self.save_selected),
                                      (self.tr("Void…"), "fa5s.ban", self.void_selected)):
            button = QPushButton(icon(icon_name), text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.verify_facts)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def _bounds(self) -> tuple[str, str]:
        first: date = self.start.date().toPython()  # type: ignore[assignment]
        last: date = self.end.date().toPython()  # type: ignore[assignment]
        return (utc_iso(datetime.combine(first, time(0), LOCAL_TZ)),
                utc_iso(datetime.combine(last, time(0), LOCAL_TZ) + timedelta(days=1)))

    def reload(self) -> None:
        start, end = self._bounds()
        self.ctx.runner.run(list_documents, self.ctx.session, start, end, self.type.currentData(), None,
                            self.status.currentData(), self.search.text(), on_done=self._show,
                            on_error=lambda e: show_error(self, e))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        keep = set(self.selected_ids())
        self.table.blockSignals(True)  # one preview update for the whole refill, below
        self.table.clearSelection()
        self.rows = rows
        self.count.setText(self.tr("{n} documents").format(n=len(rows)))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            issued = local_text(r["issued_at"])
            status = self.tr("voided") if r["status"] == "voided" else self.tr("issued")
            cells = (issued, self.type_names.get(r["doc_type"], r["doc_type"]), r["number"], r["party_name"],
                     str(r["print_count"]), status)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["id"])
                self.table.setItem(i, column, item)
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for i, r in enumerate(rows):
            if r["id"] in keep:
                self.table.selectRow(i)
        self.table.setSelectionMode(mode)
        self.table.blockSignals(False)
        self._preview()

    def selected_ids(self) -> list[str]:
        return [self.rows[index.row()]["id"] for index in sorted(self.table.selectionModel().selectedRows())
                if index.row() < len(self.rows)]

    def _preview(self) -> None:
        """Show the first selected document; nothing when nothing is selected, never the last one."""
        ids = self.selected_ids()
        wanted = ids[0] if ids else None
        if wanted == self._shown_id and wanted is None:
            return
        self._shown_id = wanted
        self.view.setDocument(None)  # type: ignore[arg-type]  # None clears the view
        self._pdf = None
        if wanted:
            self.ctx.runner.run(document_pdf, self.ctx.session, wanted, on_done=lambda data: self._show_pdf(wanted, data),
                                on_error=lambda e: show_error(self, e))

    def _show_pdf(self, document_id: str, data: bytes) -> None:
        if document_id != self._shown_id:  # the selection moved on while it was rendered
            return
        self._pdf = load_pdf(data, self)
        self.view.setDocument(self._pdf[0])

    def print_selected(self) -> None:
        ids = self.selected_ids()[:1]
        number = next((r["number"] for r in self.rows if ids and r["id"] == ids[0]), "")
        if ids:
            self.ctx.runner.run(document_pdf, self.ctx.session, ids[0], on_error=lambda e: show_error(self, e),
                                on_done=lambda data: self._print_one(ids[0], number, data))

    def _print_one(self, document_id: str, number: str, data: bytes) -> None:
        if print_pdf(self, data, number):
            self.ctx.runner.run(record_print, self.ctx.session, document_id, on_done=self.ctx.events.publish)

    def batch_print(self) -> None:
        """All selected documents as one print job (prepared off the UI thread)."""
        ids = self.selected_ids()
        if not ids:
            return
        self.ctx.runner.run(batch_pdf, self.ctx.session, ids, with_progress=True,
                            on_done=lambda data: self._print_batch(ids, data), on_error=lambda e: show_error(self, e))

    def _print_batch(self, ids: list[str], data: bytes) -> None:
        if print_pdf(self, data, self.tr("{n} documents").format(n=len(ids))):
            for document_id in ids:
                self.ctx.runner.run(record_print, self.ctx.session, document_id, on_done=self.ctx.events.publish)

    def save_selected(self) -> None:
        """Save every selected document: one PDF, or one file each in a folder."""
        ids = self.selected_ids()
        if not ids:
            return
        numbers = {r["id"]: r["number"] for r in self.rows}
        target = ask_batch_target(self, len(ids), numbers[ids[0]])
        if target is not None:
            self.save_to(*target, ids)

    def save_to(self, how: str, path: Path, ids: list[str]) -> None:
        """Write the documents off the UI thread: "merged" into the file ``path``, "folder":
        one file per document, named by its number, in the folder ``path``."""
        numbers = {r["id"]: r["number"] for r in self.rows}
        session = self.ctx.session

        def write() -> list[Path]:
            if how == "folder":
                return write_each(path, [(numbers[i], document_pdf(session, i)) for i in ids])
            path.write_bytes(batch_pdf(session, ids) if len(ids) > 1 else document_pdf(session, ids[0]))
            return [path]

        self.ctx.runner.run(write, on_done=self._saved, on_error=lambda e: show_error(self, e))

    def _saved(self, paths: list[Path]) -> None:
        where = paths[0].parent if len(paths) > 1 else paths[0]
        self.count.setText(self.tr("Saved {n} file(s) to {where}").format(n=len(paths), where=where))

    def void_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        number = next(r["number"] for r in self.rows if r["id"] == ids[0])
        dialog = VoidDialog(self.ctx.session, self.ctx.runner, ids[0], number, self)
        dialog.setObjectName("voidDialog")
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes) if dialog.changes else None)
        dialog.open()

    def verify(self) -> None:
        """Check a scanned QR code or a typed number."""
        self.ctx.runner.run(verify_document, self.ctx.session, self.verify_input.text(), on_done=self._verified,
                            on_error=lambda e: show_error(self, e))

    def _verified(self, v: Verification) -> None:
        self.verify_facts.show_verification(v)
        wanted = v.document_id
        if wanted:  # the authentic document, rendered from its frozen snapshot, beside the paper
            self._shown_id = wanted
            self.ctx.runner.run(document_pdf, self.ctx.session, wanted, on_done=lambda data: self._show_pdf(wanted, data),
                                on_error=lambda e: show_error(self, e))
