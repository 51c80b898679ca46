"""The small dialogs of the work-order steps: a reason (退单, send back), a reason and a date
(挂账), days and a reason (延期申请), an officer (派遣), the reporter's answer (回访), and the
reply with before/after photos and the category's templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.session import Session
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.tasks import TaskRunner


class StepDialog(QDialog):
    """Asks for what one step needs, runs it off the UI thread, keeps the dialog open with the
    message when it is refused. ``changes`` holds what the step changed."""

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.changes = Changes()
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.keys = DialogKeys(self, ok)
        self.action: Callable[[], tuple[Callable[..., Any], tuple[Any, ...]]] | None = None

    def reason_box(self, label: str, placeholder: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setObjectName("reason")
        box.setFixedHeight(80)
        box.setPlaceholderText(placeholder)
        self.form.addRow(label, box)
        self.keys.add_fields({"reason": box, "note": box})
        return box

    def save(self) -> None:
        if self.action is None:
            return
        fn, args = self.action()
        self.keys.busy()
        self.buttons.setEnabled(False)
        self.runner.run(fn, *args, on_done=self._done, on_error=self._failed)

    def _done(self, changes: Any) -> None:
        self.changes = changes if isinstance(changes, Changes) else getattr(changes, "changes", Changes())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.keys.failed(exc.errors)
        else:
            self.keys.failed()
            show_error(self, exc)


def reason_dialog(runner: TaskRunner, title: str, label: str, fn: Callable[..., Any], session: Session,
                  order_id: str, parent: QWidget | None = None, placeholder: str = "") -> StepDialog:
    """A step that needs a written reason: fn(session, order_id, reason)."""
    dialog = StepDialog(runner, title, parent)
    box = dialog.reason_box(label, placeholder)
    dialog.action = lambda: (fn, (session, order_id, box.toPlainText()))
    return dialog


def date_edit(day: Any) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def choice(items: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


class ReplyDialog(StepDialog):
    """The handler's reply: photos before and after, and the text the reporter will read (a
    template of the category to start from)."""

    def __init__(self, session: Session, runner: TaskRunner, order: dict[str, Any], reply: Callable[..., Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Reply to {number}").format(number=order["platform_no"]), parent)
        self.setMinimumWidth(600)

        def where() -> tuple[str, float | None, float | None]:
            return order["address"], order["lat"], order["lon"]

        self.before = PhotoStripWidget(session, runner, where)
        self.before.set_photo_ids(list(order.get("before_photos") or []))
        self.after = PhotoStripWidget(session, runner, where)
        self.after.setObjectName("afterPhotos")
        self.after.set_photo_ids(list(order.get("after_photos") or []))
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.template.addItem(self.tr("Start from a template…"), "")
        for text in order.get("templates") or []:
            self.template.addItem(text[:40] + ("…" if len(text) > 40 else ""), text)
        self.text = QPlainTextEdit(order.get("reply_text") or "")
        self.text.setObjectName("replyText")
        self.text.setFixedHeight(90)
        self.template.activated.connect(self._use_template)
        self.form.addRow(self.tr("“Before” photos"), self.before)
        self.form.addRow(self.tr("“After” photos"), self.after)
        self.form.addRow(self.tr("Template"), self.template)
        self.form.addRow(self.tr("Reply"), self.text)
        self.keys.add_fields({"after_photos": self.after.add_button, "reply_text": self.text})
        self.action = lambda: (reply, (session, order["id"], self.text.toPlainText(), self.after.photo_ids(),
                                       self.before.photo_ids()))
        self.before.changed.connect(self.adjustSize)
        self.after.changed.connect(self.adjustSize)

    def _use_template(self, index: int) -> None:
        text = self.template.itemData(index)
        if text:
            self.text.setPlainText(text)
