"""Renders a declarative form (inspector_app.forms) as widgets, and shows its errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import FieldError
from inspector_app.forms.engine import Choice, Field, Form, FormContext, Kind, clean, notes
from inspector_app.ui.i18n import tr_field_error, tr_text
from inspector_app.ui.type_ahead import SEARCH_ROLE, combo_type_ahead

_NO_DATE = QDate(2000, 1, 1)
ERROR_STYLE = "color: #b3261e;"


class FormWidget(QWidget):
    """One input per field, an error line under each, relevance applied as the user types."""

    changed = Signal()

    def __init__(self, form: Form, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.context = context
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("formSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.hide()
        layout.addWidget(self.summary)
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(grid)
        for f in form.fields:
            editor = self._editor(f)
            editor.setObjectName(f"field_{f.key}")
            error = QLabel()
            error.setObjectName(f"error_{f.key}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            label = QLabel(tr_text(f.label, "forms") + (" *" if f.required else ""))
            label.setBuddy(editor)
            grid.addRow(label, cell)
            self.inputs[f.key] = editor
            self.error_labels[f.key] = error
            self._rows[f.key] = (label, cell)
        self._apply_relevance()

    def _choices(self, f: Field) -> tuple[Choice, ...]:
        return f.choices or tuple(self.context.choices.get(f.choices_source or "", ()))

    def _editor(self, f: Field) -> QWidget:
        w: QWidget
        if f.kind is Kind.MULTILINE:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(70)
            w.textChanged.connect(self._on_change)
        elif f.kind is Kind.BOOLEAN:
            w = QCheckBox()
            w.toggled.connect(self._on_change)
        elif f.kind is Kind.DATE:
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setMinimumDate(_NO_DATE)
            w.setSpecialValueText(" ")
            w.setDate(_NO_DATE)
            w.dateChanged.connect(self._on_change)
        elif f.kind in (Kind.CHOICE, Kind.MULTICHOICE):
            w = QComboBox()
            if not f.required:
                w.addItem("", None)
            choices = self._choices(f)
            for c in choices:
                w.addItem(tr_text(c.label, "forms"), c.value)
                if c.search:
                    w.setItemData(w.count() - 1, c.search, SEARCH_ROLE)
            if any(c.search for c in choices):
                combo_type_ahead(w)
            w.currentIndexChanged.connect(self._on_change)
        else:
            w = QLineEdit()
            if f.placeholder:
                w.setPlaceholderText(f.placeholder)
            if f.max_length:
                w.setMaxLength(f.max_length + 20)  # room to paste; validation says what's too long
            w.textChanged.connect(self._on_change)
            w.editingFinished.connect(lambda key=f.key: self._check_one(key))
        if f.help:
            w.setToolTip(tr_text(f.help, "forms"))
        return w

    def _on_change(self) -> None:
        self._apply_relevance()
        self.changed.emit()

    def _apply_relevance(self) -> None:
        values = self.values()
        for f in self.form.fields:
            label, cell = self._rows[f.key]
            visible = f.is_relevant(values)
            label.setVisible(visible)
            cell.setVisible(visible)

    def _check_one(self, key: str) -> None:
        typed = self.values()
        cleaned, problems = clean(self.form, typed, self.context)
        mine = [p for p in problems if p.field == key]
        self._show_field(key, mine)
        noted = [n for n in notes(self.form, typed) if n.field == key]
        editor = self.inputs[key]
        if noted and not mine and isinstance(editor, QLineEdit):
            # Invisible characters were removed: show what is kept, and say so (not an error).
            editor.setText(str(cleaned.get(key) or ""))
            label = self.error_labels[key]
            label.setText("\n".join(tr_field_error(n) for n in noted))
            label.setStyleSheet("color: #5f6368;")
            label.show()

    def _show_field(self, key: str, problems: list[FieldError]) -> None:
        label = self.error_labels[key]
        editor = self.inputs[key]
        label.setStyleSheet(ERROR_STYLE)  # a note (grey) may have been shown before
        if problems:
            label.setText("\n".join(tr_field_error(p) for p in problems))
            label.show()
            editor.setProperty("invalid", True)
            editor.setStyleSheet("border: 1px solid #b3261e;")
        else:
            label.clear()
            label.hide()
            editor.setProperty("invalid", False)
            editor.setStyleSheet("")

    def show_errors(self, problems: list[FieldError]) -> None:
        """Mark every field with its problems and focus the first bad one."""
        for key in self.inputs:
            self._show_field(key, [p for p in problems if p.field == key])
        if problems:
            self.summary.setText(
                self.tr("Please correct {n} field(s) before saving.").format(n=len(problems))
            )
            self.summary.show()
            first = self.inputs.get(problems[0].field)
            if first is not None:
                first.setFocus()
        else:
            self.summary.hide()

    def check(self) -> list[FieldError]:
        """Validate what is typed and show the problems; returns them."""
        _, problems = clean(self.form, self.values(), self.context)
        self.show_errors(problems)
        return problems

    def values(self) -> dict[str, Any]:
        """What is typed, as raw values the form engine cleans."""
        out: dict[str, Any] = {}
        for f in self.form.fields:
            w = self.inputs.get(f.key) if hasattr(self, "inputs") else None
            if w is None:
                continue
            if isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            elif isinstance(w, QCheckBox):
                out[f.key] = w.isChecked()
            elif isinstance(w, QDateEdit):
                out[f.key] = None if w.date() == _NO_DATE else w.date().toString("yyyy-MM-dd")
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif isinstance(w, QLineEdit):
                out[f.key] = w.text()
        return out

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill the inputs (e.g. when editing a stored record)."""
        for f in self.form.fields:
            w = self.inputs[f.key]
            value = values.get(f.key)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QDateEdit):
                w.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else _NO_DATE)
            elif isinstance(w, QComboBox):
                index = w.findData(value)
                w.setCurrentIndex(max(index, 0))
            elif isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))
        self._apply_relevance()
