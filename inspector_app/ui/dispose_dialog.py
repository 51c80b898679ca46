"""Handling a 八乱 check (the 721 disposals), and re-checking it at its deadline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.disorders import DISPOSALS
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.disorders import dispose_check, recheck
from inspector_app.services.session import Session
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error, tr_text
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.tasks import TaskRunner


class DisposeDialog(QDialog):
    """Dispose (``mode="dispose"``) or re-check (``mode="recheck"``) one check."""

    def __init__(self, session: Session, runner: TaskRunner, check: dict[str, Any], mode: str = "dispose",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.check, self.mode = session, runner, check, mode
        self.changes = Changes()
        self.setWindowTitle(self.tr("Handle the check") if mode == "dispose" else self.tr("Re-check"))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        if mode == "dispose":
            choices = [(key, tr_text(label, "disorders")) for key, label in DISPOSALS.items()]
        else:
            choices = [("rectified", self.tr("Rectified")), ("not_rectified", self.tr("Not rectified: file a case"))]
        for key, label in choices:
            button = QRadioButton(label)
            button.setObjectName(f"option_{key}")
            self.group.addButton(button)
            self.options[key] = button
            layout.addWidget(button)
        next(iter(self.options.values())).setChecked(True)
        form = QFormLayout()
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        today = session.today()
        self.deadline.setDate(QDate(today.year, today.month, today.day).addDays(3))
        self.note = QLineEdit()
        self.department = QLineEdit()
        self.department.setPlaceholderText(self.tr("e.g. 历下区交警大队"))
        self.after = PhotoStripWidget(session, runner, lambda: (check.get("address") or "", check.get("lat"), check.get("lon")))
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Note / reason"), self.note)
        form.addRow(self.tr("Handed to"), self.department)
        form.addRow(self.tr("“After” photo"), self.after)
        layout.addLayout(form)
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, buttons.button(QDialogButtonBox.StandardButton.Ok), {
            "deadline": self.deadline, "note": self.note, "department": self.department,
            "after_photos": self.after.add_button})
        self.group.buttonToggled.connect(lambda *_: self._sync())
        self._sync()

    def choice(self) -> str:
        return next(k for k, b in self.options.items() if b.isChecked())

    def _sync(self) -> None:
        choice = self.choice()
        self.deadline.setEnabled(choice == "deadline")
        self.department.setEnabled(choice == "transfer")
        self.after.setEnabled(choice in ("onsite", "rectified"))

    def save(self) -> None:
        choice, after = self.choice(), self.after.photo_ids()
        self.keys.busy()  # also: a second Enter while it is stored does not store it twice
        if self.mode == "dispose":
            self.runner.run(dispose_check, self.session, self.check["id"], choice,
                            deadline=self.deadline.date().toPython() if choice == "deadline" else None,
                            note=self.note.text(),
                            after_photo_ids=after, department=self.department.text(),
                            on_done=self._done, on_error=self._failed)
        else:
            self.runner.run(recheck, self.session, self.check["id"], choice == "rectified", self.note.text(), after,
                            on_done=self._done, on_error=self._failed)

    def _done(self, changes: Changes) -> None:
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
