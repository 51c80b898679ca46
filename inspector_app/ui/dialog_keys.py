"""Enter and focus in a dialog whose OK runs a task (issue 18).

Qt moves the focus off a button that is disabled; in a dialog the next button in the chain is
取消, and an auto-default button that takes the focus becomes the default one — so after the
task failed, Enter cancelled the dialog and what was typed (both signatures) was lost.
:class:`DialogKeys` keeps OK the default, never lets a reject or destructive button become
default, takes the focus off OK before disabling it, and after a validation error puts the
focus on the first wrong field (scrolled into view).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from inspector_app.domain.errors import FieldError

_NOT_DEFAULT = (QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.DestructiveRole,
                QDialogButtonBox.ButtonRole.NoRole)


class DialogKeys:
    """Keys of one dialog: ``ok`` is the default button; ``fields`` maps a form field (as a
    :class:`FieldError` names it) to its widget, in the order the form shows them. A field
    ``W1.failed`` not in the map falls back to ``W1``."""

    def __init__(self, dialog: QDialog, ok: QPushButton, fields: Mapping[str, QWidget] | None = None) -> None:
        self.dialog, self.ok = dialog, ok
        self.fields: dict[str, QWidget] = dict(fields or {})
        ok.setAutoDefault(True)
        ok.setDefault(True)
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) in _NOT_DEFAULT and isinstance(button, QPushButton):
                    # Enter on a focused 取消 / 放弃 goes to the dialog, i.e. to OK.
                    button.setAutoDefault(False)
                    button.setDefault(False)

    def add_fields(self, fields: Mapping[str, QWidget]) -> None:
        """More fields (e.g. built after the dialog)."""
        self.fields.update(fields)

    def busy(self) -> None:
        """Before the task: disable OK without handing the focus (and default) to another button."""
        focus = QApplication.focusWidget()
        if focus is None or focus is self.ok or (isinstance(focus, QAbstractButton) and _in_button_box(focus)):
            # The dialog itself takes Enter while busy: its default button is the disabled OK.
            self.dialog.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ok.setEnabled(False)

    def idle(self) -> None:
        """After the task: OK is back, and still the default."""
        self.ok.setEnabled(True)
        self.ok.setDefault(True)

    def failed(self, errors: Iterable[FieldError] = ()) -> QWidget | None:
        """After a refused save: OK back, focus on the first wrong field (returned), or at
        least not on a button that Enter would press."""
        self.idle()
        target = self.first_wrong(errors)
        if target is not None:
            _reveal(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(QApplication.focusWidget(), QAbstractButton):
            self.dialog.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def first_wrong(self, errors: Iterable[FieldError]) -> QWidget | None:
        """The widget of the first wrong field in form order that can take the focus."""
        wrong = {e.field for e in errors}
        wrong |= {name.split(".", 1)[0] for name in wrong}
        for name, widget in self.fields.items():
            if name in wrong and widget.isEnabled() and widget.isVisibleTo(self.dialog):
                return widget
        return None


def _in_button_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QDialogButtonBox):
            return True
        parent = parent.parentWidget()
    return False


def _reveal(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()
