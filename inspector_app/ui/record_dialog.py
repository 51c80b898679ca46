"""Writing the 现场检查（勘验）笔录 on the spot: when the inspection started (and ended, if not
at signing), the questions asked and the answers the party gave, as typed — the dialog offers
the recusal question but never an answer —, what was found, the people present (the party
first, then e.g. an agent or an interpreter) and which of the violation's photos is the sketch
of the scene. Signing follows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.scene_record import RECUSAL_QUESTION, record_problems
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.screen_fit import fit_to_screen


def _qt_time(when: datetime) -> QDateTime:
    local = when.astimezone(LOCAL_TZ)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _utc(edit: QDateTimeEdit) -> str:
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return utc_iso(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_TZ))


class RecordDialog(QDialog):
    """The 笔录's typed content; ``record`` holds it once accepted (see domain/scene_record)."""

    errors: QLabel  # made with the buttons, below the table whose edits hide it

    def __init__(self, session: Session, violation: dict[str, Any], parent: QWidget | None = None,
                 photos: Sequence[tuple[str, str]] = ()) -> None:
        """``photos``: the violation's photos as (id, label), to choose the sketch photo from."""
        super().__init__(parent)
        self.session = session
        self.record: dict[str, Any] = {}
        self.setWindowTitle(self.tr("现场检查（勘验）笔录"))
        fit_to_screen(self, QSize(860, 580))
        now = session.now()
        found = parse_utc(violation["occurred_at"]) if violation.get("occurred_at") else now
        self.start = QDateTimeEdit(_qt_time(min(found, now)))
        self.start.setObjectName("recordStart")
        self.end = QDateTimeEdit(_qt_time(now))
        self.end.setObjectName("recordEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.at_signing = QCheckBox(self.tr("Ends when it is signed"))
        self.at_signing.setObjectName("endsAtSigning")
        self.at_signing.setChecked(True)
        self.at_signing.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.end.setEnabled(False)
        self.qa = QTableWidget(0, 2)
        self.qa.setObjectName("questions")
        self.qa.setHorizontalHeaderLabels([self.tr("Question (问)"), self.tr("Answer as given (答)")])
        self.qa.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.qa.setWordWrap(True)
        self.qa.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_entry(RECUSAL_QUESTION)
        self.qa.itemChanged.connect(lambda _item: self.errors.hide())  # the message was about the old text
        add = QPushButton(self.tr("Add question"))
        add.clicked.connect(lambda: self.add_entry(""))
        remove = QPushButton(self.tr("Remove question"))
        remove.clicked.connect(lambda: self._remove_rows(self.qa))
        self.scene = QPlainTextEdit(str(violation.get("facts") or ""))
        self.scene.setObjectName("recordScene")
        self.scene.setPlaceholderText(self.tr("What was found on the scene"))
        times = QHBoxLayout()
        for w in (QLabel(self.tr("Started")), self.start, QLabel(self.tr("Ended")), self.end, self.at_signing):
            times.addWidget(w)
        times.addStretch(1)
        entry_buttons = QHBoxLayout()
        entry_buttons.addWidget(QLabel(self.tr("Type each answer as the party gave it; nothing is filled in for them.")), 1)
        entry_buttons.addWidget(add)
        entry_buttons.addWidget(remove)
        self.witness = QLineEdit()
        self.witness.setObjectName("recordWitness")
        self.witness.setPlaceholderText(self.tr("Name of a witness present, if any (e.g. a 居委会 member)"))
        self.sketch = QComboBox()
        self.sketch.setObjectName("recordSketch")
        self.sketch.addItem(self.tr("No sketch photo") if photos else self.tr("No photos: take them in the violation first"), "")
        for photo_id, label in photos:
            self.sketch.addItem(label, photo_id)
        self.sketch.setEnabled(bool(photos))
        form = QFormLayout()
        form.addRow(self.tr("Scene"), self.scene)
        form.addRow(self.tr("Witness"), self.witness)
        form.addRow(self.tr("Sketch of the scene"), self.sketch)
        people = self._people(violation)
        self.errors = QLabel()
        self.errors.setObjectName("recordErrors")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Next: signatures"))
        buttons.accepted.connect(self.done_typing)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(times)
        layout.addWidget(self.qa, 2)
        layout.addLayout(entry_buttons)
        below = QHBoxLayout()
        below.addLayout(form, 3)
        below.addLayout(people, 2)
        layout.addLayout(below, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _people(self, violation: dict[str, Any]) -> QVBoxLayout:
        """The people present: the party first (as recorded), others added by the officer."""
        self.present = QTableWidget(0, 3)
        self.present.setObjectName("recordPresent")
        self.present.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name"), self.tr("ID number")])
        header = self.present.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):  # the 18-digit ID number gets the room
            header.setSectionResizeMode(column, mode)
        self.present.verticalHeader().hide()
        self.present.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_person("当事人", str(violation.get("party_name") or ""), str(violation.get("party_id_number") or ""))
        self.present.itemChanged.connect(lambda _item: self.errors.hide())
        add = QPushButton(self.tr("Add person"))
        add.setObjectName("addPerson")
        add.clicked.connect(lambda: self.add_person("", ""))
        remove = QPushButton(self.tr("Remove person"))
        remove.clicked.connect(lambda: self._remove_rows(self.present))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("People present")), 1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        box = QVBoxLayout()
        box.addLayout(buttons)
        box.addWidget(self.present)
        return box

    def add_person(self, role: str, name: str, id_number: str = "") -> None:
        """A row for one person present (role, name, ID number)."""
        row = self.present.rowCount()
        self.present.insertRow(row)
        for column, text in enumerate((role, name, id_number)):
            self.present.setItem(row, column, QTableWidgetItem(text))

    def add_entry(self, question: str, answer: str = "") -> None:
        """A row for one question and its answer."""
        row = self.qa.rowCount()
        self.qa.insertRow(row)
        self.qa.setItem(row, 0, QTableWidgetItem(question))
        self.qa.setItem(row, 1, QTableWidgetItem(answer))

    @staticmethod
    def _remove_rows(table: QTableWidget) -> None:
        for index in sorted(table.selectionModel().selectedRows(), reverse=True):
            table.removeRow(index.row())

    def typed(self) -> dict[str, Any]:
        """The record as typed so far."""
        def cell(row: int, column: int) -> str:
            item = self.qa.item(row, column)
            return item.text().strip() if item else ""

        def person(row: int) -> dict[str, str]:
            return {key: (item.text().strip() if (item := self.present.item(row, n)) else "")
                    for n, key in enumerate(("role", "name", "id_number"))}

        entries = [{"q": cell(r, 0), "a": cell(r, 1)} for r in range(self.qa.rowCount())]
        present = [p for p in map(person, range(self.present.rowCount())) if any(p.values())]
        return {"start": _utc(self.start), "end": "" if self.at_signing.isChecked() else _utc(self.end),
                "qa": [e for e in entries if e["q"] or e["a"]], "scene": self.scene.toPlainText().strip(),
                "witness": self.witness.text().strip(), "present": present,
                "sketch_photo_id": str(self.sketch.currentData() or "")}

    def done_typing(self) -> None:
        """Accept when the record is complete; otherwise say what is missing and stay open."""
        record = self.typed()
        problems = record_problems(record, self.session.now())
        if problems:
            self.errors.setText("\n".join(tr_field_error(e) for e in problems))
            self.errors.show()
            return
        self.record = record
        self.accept()
