"""Showing failures: user errors say what to do; anything else says the data is safe."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.domain.errors import UserError
from inspector_app.ui.i18n import tr_error

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``."""
    if isinstance(exc, UserError):
        return tr_error(exc)
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "ErrorDialog",
        "Something unexpected went wrong: {error}\nWhat was already saved is safe. "
        "The details are in the log file; please tell your administrator."
    ).format(error=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A message box for ``exc``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorDialog", "Cannot continue"))
    box.setText(error_text(exc))
    box.setObjectName("errorBox")
    box.open()
