"""Recording a unit's 门前五包责任书: the signer signs on the screen (or a photo of the signed
paper is added), 知晓 is confirmed, and the 责任书 is printed as a PDF for signing."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.agreements import agreement_pdf, confirm_awareness, record_agreement
from inspector_app.services.session import Session
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.icons import icon
from inspector_app.ui.pdf_files import open_pdf
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.signature_pad import SignerPad
from inspector_app.ui.tasks import TaskRunner


class AgreementDialog(QDialog):
    """Sign the 责任书 for one unit."""

    def __init__(self, session: Session, runner: TaskRunner, unit: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.unit = session, runner, unit
        self.changes = Changes()
        self.setWindowTitle(self.tr("责任书 — {name}").format(name=unit["name"]))
        fit_to_screen(self, QSize(640, 620))  # never larger than the screen
        header = QLabel(f"<b>{html.escape(unit['name'])}</b>　{html.escape(unit.get('address') or '')}")
        status = (self.tr("Signed on {date} by {signer}.").format(date=unit.get("agreement_date") or "?",
                                                                 signer=unit.get("agreement_signer") or "?")
                  if unit.get("agreement_signed") else self.tr("No 责任书 signed yet."))
        form = QFormLayout()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = session.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.signer = QLineEdit(unit.get("legal_person") or unit.get("contact") or "")
        self.signer.setObjectName("signer")
        self.pad_box = SignerPad(self.tr("Signature"), self.tr("Signer: sign here with finger, pen or mouse"))
        self.pad = self.pad_box.pad
        self.pad.setObjectName("signaturePad")
        self.signer.textChanged.connect(self.pad_box.set_signer)
        self.pad_box.set_signer(self.signer.text())
        self.photo = PhotoStripWidget(session, runner, lambda: (unit.get("address") or "", unit.get("lat"), unit.get("lon")))
        self.aware = QCheckBox(self.tr("The person could name the five duties (知晓)"))
        self.aware.setChecked(bool(unit.get("awareness")))
        form.addRow(self.tr("Date signed"), self.date)
        form.addRow(self.tr("Signed by"), self.signer)
        form.addRow(self.tr("Signature"), self.pad_box)
        form.addRow(self.tr("Or a photo of the signed paper"), self.photo)
        form.addRow("", self.aware)
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.print_button = buttons.addButton(self.tr("Print 责任书…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setIcon(icon("fa5s.print"))
        self.print_button.clicked.connect(self.print_agreement)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(QLabel(status))
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, self.save_button, {"signed_on": self.date, "signer": self.signer,
                                                        "signature": self.pad, "photo": self.photo.add_button})

    def save(self) -> None:
        """Store the signing (and 知晓) off the UI thread; close when stored."""
        signature = None if self.pad.is_empty() else self.pad.png()
        photos = self.photo.photo_ids()
        self.keys.busy()

        def store() -> Changes:
            changes = record_agreement(self.session, self.unit["id"], self.date.date().toPython(),  # type: ignore[arg-type]
                                       self.signer.text(), signature, photos[0] if photos else None)
            return changes.merge(confirm_awareness(self.session, self.unit["id"], self.aware.isChecked()))

        self.runner.run(store, on_done=self._saved, on_error=self._failed)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.keys.failed(exc.errors)
        else:
            self.keys.failed()
            show_error(self, exc)

    def print_agreement(self) -> None:
        """Make the 责任书 PDF off the UI thread, save it and open it."""
        default = str(Path(tempfile.gettempdir()) / f"门前五包责任书_{self.unit['name']}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save 责任书"), default, "PDF (*.pdf)")
        if not name:
            return

        def write() -> Path:
            path = Path(name)
            path.write_bytes(agreement_pdf(self.session, self.unit["id"]))
            return path

        def opened(path: Path) -> None:
            open_pdf(self, path)

        self.runner.run(write, on_done=opened, on_error=lambda exc: show_error(self, exc))
