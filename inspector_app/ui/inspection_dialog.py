"""The 门前五包 inspection of one unit: five duties, failed items, notes, photos, 知晓.

What is typed is autosaved as a draft every few seconds (and when the dialog closes), so a
crash or a flat battery loses at most those seconds; reopening the unit restores the draft.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text
from inspector_app.domain.errors import ValidationFailed
from inspector_app.domain.frontage import inspection_score, is_compliant
from inspector_app.forms.engine import FormContext, clean
from inspector_app.forms.inspection import AWARENESS_CHOICES, duty_results
from inspector_app.services.inspections import (
    discard_inspection_draft,
    form_for,
    inspection_values,
    save_inspection_draft,
    start_values,
    submit_inspection,
)
from inspector_app.services.session import Session
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.duty_widget import DutyWidget
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error, tr_text
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import TaskRunner

AUTOSAVE_MS = 3000


class InspectionDialog(QDialog):
    """Inspect one unit; Save stores it (final), Close keeps the draft."""

    def __init__(
        self, session: Session, runner: TaskRunner, unit: dict[str, Any],
        patrol_id: str | None = None, position: tuple[float, float] | None = None,
        parent: QWidget | None = None, revision_of: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.runner, self.unit = session, runner, unit
        self.patrol_id, self.position = patrol_id, position
        self.revision_of = revision_of
        self.changes: Changes | None = None
        self._dirty = False
        self.setWindowTitle(self.tr("门前五包 inspection — {name}").format(name=unit["name"]))
        fit_to_screen(self, QSize(880, 820))  # never larger than the screen
        body = QWidget()
        column = QVBoxLayout(body)
        self.restored = QLabel()
        self.restored.setObjectName("draftRestored")
        self.restored.hide()
        column.addWidget(self.restored)
        self.duties: list[DutyWidget] = []
        for duty in session.catalogs.responsibilities:
            strip = PhotoStripWidget(session, runner, self._where)
            widget = DutyWidget(duty, strip)
            widget.group.buttonToggled.connect(lambda *_: self._changed())
            for box in widget.items.values():
                box.toggled.connect(self._changed)
            widget.note.textChanged.connect(self._changed)
            strip.changed.connect(self._changed)
            self.duties.append(widget)
            column.addWidget(widget)
        extra = QFormLayout()
        self.awareness = QComboBox()
        self.awareness.setObjectName("awareness")
        for choice in AWARENESS_CHOICES:
            self.awareness.addItem(tr_text(choice.label, "forms"), choice.value)
        self.awareness.currentIndexChanged.connect(self._changed)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.note.textChanged.connect(self._changed)
        extra.addRow(self.tr("知晓 (asked about the five duties)"), self.awareness)
        extra.addRow(self.tr("Overall note"), self.note)
        column.addLayout(extra)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.score = QLabel()
        self.score.setObjectName("score")
        self.score.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.discard_button = buttons.addButton(self.tr("Discard draft"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard_button.clicked.connect(self.discard)
        # The one deliberate way to pass every duty at once; Save never does it for you.
        self.all_pass_button = buttons.addButton(self.tr("All compliant"), QDialogButtonBox.ButtonRole.ActionRole)
        self.all_pass_button.setObjectName("allCompliant")
        self.all_pass_button.setAutoDefault(False)
        self.all_pass_button.setToolTip(self.tr("Mark every duty not answered yet as compliant; "
                                                "answers already chosen stay as they are."))
        self.all_pass_button.clicked.connect(self.all_compliant)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        header = QLabel(f"<b>{html.escape(unit['name'])}</b>　{html.escape(unit.get('address') or '')}")
        header.setWordWrap(True)
        layout.addWidget(header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.score)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, self.save_button, {"awareness": self.awareness, "note": self.note})
        for duty_widget in self.duties:
            self.keys.add_fields(duty_widget.fields())
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)
        self._load()
        self._timer.start()

    def _where(self) -> tuple[str, float | None, float | None]:
        lat, lon = self.position or (self.unit.get("lat"), self.unit.get("lon"))
        return f"{self.unit.get('address') or ''} {self.unit['name']}", lat, lon

    def _load(self) -> None:
        values, saved_at = start_values(self.session, self.unit["id"])
        if self.revision_of and saved_at is None:
            values = inspection_values(self.session, self.revision_of)
        self.set_values(values)
        if saved_at:
            self.restored.setText(self.tr("Restored the draft autosaved at {time}.").format(time=local_text(saved_at, "%H:%M:%S")))
            self.restored.show()
        self._dirty = False
        self._update_score()
        # The keyboard starts on the first duty still open: arrows choose, Tab goes on.
        first_open = next((d for d in self.duties if d.result() is None), None)
        if first_open is not None:
            first_open.focus_answer()

    def values(self) -> dict[str, Any]:
        """The form's current values."""
        out: dict[str, Any] = {}
        for duty in self.duties:
            out.update(duty.values())
        out["awareness"] = self.awareness.currentData()
        out["note"] = self.note.toPlainText()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for duty in self.duties:
            duty.set_values(values)
        self.awareness.setCurrentIndex(max(0, self.awareness.findData(values.get("awareness", "not_asked"))))
        self.note.setPlainText(values.get("note") or "")

    def all_compliant(self) -> None:
        """Answer every still unanswered duty 合格."""
        for duty in self.duties:
            if duty.result() is None:
                duty.set_result("ok")

    def _changed(self) -> None:
        self._dirty = True
        self._update_score()

    def _update_score(self) -> None:
        values = self.values()
        open_duties = sum(1 for d in self.duties if values.get(f"{d.duty.code}.result") is None)
        if open_duties:
            self.score.setText(self.tr("Score: %n duty(ies) not answered yet", "", open_duties))
            return
        clean_values, problems = clean(form_for(self.session), values, FormContext(self.session.today()))
        if problems:
            self.score.setText(self.tr("Score: complete the form"))
            return
        duties = duty_results(self.session.catalogs, clean_values)
        value = inspection_score(duties, self.session.catalogs.star_rating)
        verdict = self.tr("compliant") if is_compliant(duties) else self.tr("not compliant")
        self.score.setText(self.tr("Score: {score} · {verdict}").format(
            score="—" if value is None else f"{value:g}", verdict=verdict))

    def autosave(self) -> None:
        """Write the draft if anything changed since the last save."""
        if not self._dirty:
            return
        self._dirty = False
        self.runner.run(save_inspection_draft, self.session, self.unit["id"], self.patrol_id, self.values(),
                        on_error=lambda exc: show_error(self, exc))

    def save(self) -> None:
        """Validate, then store the inspection off the UI thread; close once stored."""
        self.keys.busy()
        self.runner.run(
            submit_inspection, self.session, self.unit["id"], self.values(), self.patrol_id, self.position,
            None, self.revision_of, on_done=self._saved, on_error=self._failed,
        )

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self._timer.stop()
        self._dirty = False
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.autosave()
        if isinstance(exc, ValidationFailed):
            self.summary.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.summary.show()
            for duty in self.duties:
                mine = [e for e in exc.errors if e.field.startswith(duty.duty.code + ".")]
                duty.error.setText("\n".join(tr_field_error(e) for e in mine))
                duty.error.setVisible(bool(mine))
            self.keys.failed(exc.errors)
            self._focus_error(exc.errors[0].field if exc.errors else "")
        else:
            self.keys.failed()
            show_error(self, exc)

    def _focus_error(self, key: str) -> None:
        """Bring the first wrong answer into view and put the keyboard on it."""
        duty = next((d for d in self.duties if key.startswith(d.duty.code + ".")), None)
        if duty is not None:
            self.scroll_area.ensureWidgetVisible(duty)
            if key.endswith(".failed") and duty.items:
                next(iter(duty.items.values())).setFocus()
            else:
                duty.focus_answer()
        elif key == "awareness":
            self.scroll_area.ensureWidgetVisible(self.awareness)
            self.awareness.setFocus()
        elif key == "note":
            self.scroll_area.ensureWidgetVisible(self.note)
            self.note.setFocus()

    def discard(self) -> None:
        """Throw the draft away and close."""
        self._timer.stop()
        self._dirty = False
        self.runner.run(discard_inspection_draft, self.session, self.unit["id"])
        self.reject()

    def done(self, result: int) -> None:
        if self._dirty:
            self.autosave()
        self._timer.stop()
        super().done(result)
