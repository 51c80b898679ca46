"""Signing a document in the street: the party and both officers sign on the screen, or the
party refuses (reason and witness are printed on the document); how it was served."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.notice_documents import (
    SERVICE_MODES,
    Issued,
    Signing,
    issue_document,
)
from inspector_app.services.session import Session
from inspector_app.services.violations import signers
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.signature_pad import SignerPad
from inspector_app.ui.tasks import TaskRunner


class SignDialog(QDialog):
    """Signatures for one document; ``issued`` is set once it is numbered and stored."""

    def __init__(self, session: Session, runner: TaskRunner, violation_id: str, doc_type: str, title: str,
                 parent: QWidget | None = None, record: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.violation_id, self.doc_type = session, runner, violation_id, doc_type
        self.record = record or {}  # a 笔录's typed content (ui/record_dialog.py)
        self.issued: Issued | None = None
        self.setWindowTitle(self.tr("Sign: {title}").format(title=title))
        fit_to_screen(self, QSize(900, 620))  # never larger than the screen
        self.party_box = SignerPad(self.tr("Party"), self.tr("Party: sign here"))
        self.party_box.setObjectName("partyPad")
        self.officer1_box = SignerPad(self.tr("Officer 1"), self.tr("Officer 1"))
        self.officer2_box = SignerPad(self.tr("Officer 2"), self.tr("Officer 2"))
        self.party, self.officer1, self.officer2 = self.party_box.pad, self.officer1_box.pad, self.officer2_box.pad
        pads = QGridLayout()
        pads.addWidget(self.party_box, 0, 0, 1, 2)
        pads.addWidget(self.officer1_box, 1, 0)
        pads.addWidget(self.officer2_box, 1, 1)
        self.refused = QCheckBox(self.tr("The party refuses to sign (拒签)"))
        self.refused.setObjectName("refused")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("What the party said"))
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Witness (name, e.g. a 居委会 member) or video file number"))
        self.mode = QComboBox()
        for mode in SERVICE_MODES:
            self.mode.addItem(mode, mode)
        self.pledge = QLineEdit()
        self.pledge.setPlaceholderText(self.tr("Optional: the party's pledge, in their words"))
        form = QFormLayout()
        form.addRow(self.refused)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Witness"), self.witness)
        form.addRow(self.tr("Served by"), self.mode)
        form.addRow(self.tr("Pledge"), self.pledge)
        # 送达地址确认书: the electronic address the party consents to (empty: no consent).
        self.electronic = QLineEdit()
        self.electronic.setObjectName("electronicAddress")
        self.electronic.setPlaceholderText(self.tr("Mobile number or e-mail for 电子送达; leave empty if the party does not consent"))
        if doc_type == "service_address":
            form.addRow(self.tr("Electronic address"), self.electronic)
        self.refused.toggled.connect(self._sync)
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Issue"))
        buttons.accepted.connect(self.issue)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pads, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, self.ok, {"party_signature": self.party, "refused_reason": self.reason,
                                               "witness": self.witness, "electronic_address": self.electronic})
        self._sync()
        runner.run(signers, session, violation_id, on_done=self._name_signers, on_error=lambda _e: None)

    def _name_signers(self, names: dict[str, str]) -> None:
        for box, key in ((self.party_box, "party"), (self.officer1_box, "officer1"), (self.officer2_box, "officer2")):
            box.set_signer(names.get(key, ""))

    def _sync(self) -> None:
        refused = self.refused.isChecked()
        self.party_box.setEnabled(not refused)
        self.reason.setEnabled(refused)
        self.witness.setEnabled(refused)

    def signing(self) -> Signing:
        refused = self.refused.isChecked()
        return Signing(
            party_png=None if refused or self.party.is_empty() else self.party.png(),
            officer1_png=None if self.officer1.is_empty() else self.officer1.png(),
            officer2_png=None if self.officer2.is_empty() else self.officer2.png(),
            refused_reason=self.reason.text() if refused else "", witness=self.witness.text() if refused else "",
            service_mode=self.mode.currentData(), pledge=self.pledge.text(),
            electronic_address=self.electronic.text(), record=dict(self.record),
        )

    def issue(self) -> None:
        """Number, snapshot and render the document off the UI thread."""
        self.keys.busy()
        self.runner.run(issue_document, self.session, self.violation_id, self.doc_type, self.signing(),
                        on_done=self._issued, on_error=self._failed)

    def _issued(self, issued: Issued) -> None:
        self.issued = issued
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.keys.failed(exc.errors)
        else:
            self.keys.failed()
            show_error(self, exc)
