"""The street flow shared by the pages that lead to a notice: the violation form (with the
decision), then signing, then the preview to print — each step storing before the next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from inspector_app.domain.changes import Changes
from inspector_app.services.notice_documents import Issued, document_pdf, record_print
from inspector_app.services.violations import document_type_for, get_violation
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.pdf_preview_dialog import PdfPreviewDialog
from inspector_app.ui.record_dialog import RecordDialog
from inspector_app.ui.sign_dialog import SignDialog
from inspector_app.ui.violation_dialog import ViolationDialog


class NoticeFlow:
    """Violation → signatures → preview, from one page."""

    def __init__(self, parent: QWidget, ctx: PageContext) -> None:
        self.parent, self.ctx = parent, ctx
        self.violation_dialog: ViolationDialog | None = None
        self.sign_dialog: SignDialog | None = None
        self.record_dialog: RecordDialog | None = None
        self.preview_dialog: PdfPreviewDialog | None = None

    def start(self, values: dict[str, Any] | None = None,
              on_recorded: Callable[[str], None] | None = None) -> ViolationDialog:
        """Open the violation form; after it is stored, ``on_recorded(violation_id)`` runs and
        the signing of the notice opens."""
        dialog = ViolationDialog(self.ctx.session, self.ctx.runner, values, self.parent)
        dialog.setObjectName("violationDialog")

        def recorded() -> None:
            changes = dialog.changes or Changes()
            self.ctx.events.publish(changes)
            ids = changes.ids("violation", "create")
            if ids:
                if on_recorded:
                    on_recorded(ids[0])
                self.sign(ids[0])

        dialog.accepted.connect(recorded)
        dialog.open()
        self.violation_dialog = dialog
        return dialog

    def write_record(self, violation_id: str) -> RecordDialog:
        """The 笔录: its content typed first, then signed."""
        violation = get_violation(self.ctx.session, violation_id)
        dialog = RecordDialog(self.ctx.session, violation, self.parent)
        dialog.setObjectName("recordDialog")
        dialog.accepted.connect(lambda: self.sign(violation_id, "inspection_record", "现场检查（勘验）笔录", dialog.record))
        dialog.open()
        self.record_dialog = dialog
        return dialog

    def sign(self, violation_id: str, doc_type: str | None = None, title: str = "",
             record: dict[str, Any] | None = None) -> SignDialog:
        """Open the signing of a document of a violation (the decision's notice by default)."""
        if doc_type is None:
            violation = get_violation(self.ctx.session, violation_id)
            doc_type = document_type_for(violation)
            title = "首违不罚告知书" if violation["decision"] == "first_offence" else "责令限期改正通知书"
        dialog = SignDialog(self.ctx.session, self.ctx.runner, violation_id, doc_type, title, self.parent, record)
        dialog.setObjectName("signDialog")
        dialog.accepted.connect(lambda: self._issued(dialog.issued, title))
        dialog.open()
        self.sign_dialog = dialog
        return dialog

    def _issued(self, issued: Issued | None, title: str) -> None:
        if issued is not None:
            self.ctx.events.publish(issued.changes)
            self.preview(issued.document_ids[0], f"{title} {issued.numbers[0]}")

    def preview(self, document_id: str, title: str) -> None:
        """Show a document with Print and Save as (its PDF read off the UI thread); a print is
        counted. Used right after issuing and to reopen an issued document later."""
        session = self.ctx.session

        def printed() -> None:
            self.ctx.runner.run(record_print, session, document_id, on_done=self.ctx.events.publish)

        def show(data: bytes) -> None:
            dialog = PdfPreviewDialog(data, title, printed, self.parent)
            dialog.setObjectName("pdfPreview")
            dialog.open()
            self.preview_dialog = dialog

        self.ctx.runner.run(document_pdf, session, document_id, on_done=show,
                            on_error=lambda exc: show_error(self.parent, exc))
