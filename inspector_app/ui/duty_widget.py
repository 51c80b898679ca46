"""One duty of the 门前五包 inspection: its answer (合格 / 不合格 / 不适用, none until chosen),
failed check items, note and photos."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.forms.inspection import RESULT_CHOICES
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.photo_strip_widget import PhotoStripWidget


class DutyWidget(QGroupBox):
    """One duty: result, failed items, note, photos."""

    def __init__(self, duty: Any, strip: PhotoStripWidget) -> None:
        super().__init__(f"{duty.code} {duty.name_zh}")
        self.duty = duty
        self.setToolTip(duty.scope_zh)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for choice in RESULT_CHOICES:
            button = QRadioButton(tr_text(choice.label, "forms"))
            button.setObjectName(f"{duty.code}_{choice.value}")
            self.group.addButton(button)
            self.buttons[choice.value] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.items_box = QWidget()
        items = QVBoxLayout(self.items_box)
        items.setContentsMargins(18, 0, 0, 0)
        self.items: dict[str, QCheckBox] = {}
        for item in duty.check_items:
            box = QCheckBox(item.text_zh)
            box.setObjectName(item.code)
            self.items[item.code] = box
            items.addWidget(box)
        layout.addWidget(self.items_box)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (what exactly, where)"))
        layout.addWidget(self.note)
        self.strip = strip
        layout.addWidget(strip)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.group.buttonToggled.connect(lambda *_: self._sync())

    def _sync(self) -> None:
        self.items_box.setVisible(self.result() == "fail")
        if self.result() is not None:
            self.error.hide()  # answered now; Save checks again

    def result(self) -> str | None:
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

    def fields(self) -> dict[str, QWidget]:
        """This duty's form fields and the widget each error points at."""
        code = self.duty.code
        first_item = next(iter(self.items.values()), None)
        return {f"{code}.result": next(iter(self.buttons.values())), f"{code}.failed": first_item or self,
                f"{code}.note": self.note, f"{code}.photos": self.strip.add_button}

    def values(self) -> dict[str, Any]:
        code = self.duty.code
        return {
            f"{code}.result": self.result(),
            f"{code}.failed": [k for k, b in self.items.items() if b.isChecked()],
            f"{code}.note": self.note.text(),
            f"{code}.photos": self.strip.photo_ids(),
        }

    def set_result(self, result: str | None) -> None:
        """Answer the duty, or (None) leave it unanswered."""
        button = self.buttons.get(result or "")
        if button:
            button.setChecked(True)
            return
        # An exclusive group never lets its last checked button go: lift that for a moment.
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(True)

    def focus_answer(self) -> None:
        """Put the keyboard on this duty's choices (arrows then pick one)."""
        (self.group.checkedButton() or self.buttons["ok"]).setFocus()

    def set_values(self, values: dict[str, Any]) -> None:
        code = self.duty.code
        self.set_result(values.get(f"{code}.result"))
        failed = set(values.get(f"{code}.failed") or [])
        for key, box in self.items.items():
            box.setChecked(key in failed)
        self.note.setText(values.get(f"{code}.note") or "")
        self.strip.set_photo_ids(list(values.get(f"{code}.photos") or []))
        self._sync()
