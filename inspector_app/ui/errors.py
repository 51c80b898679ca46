"""Showing failures: user errors say what to do; anything else says the data is safe."""

from __future__ import annotations

import errno
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.domain.errors import UserError
from inspector_app.ui.i18n import tr_error

log = logging.getLogger(__name__)


def _disk_full() -> str:
    return QCoreApplication.translate(
        "ErrorDialog",
        "The disk is full ({path}): nothing more could be written. Free some space (delete old "
        "exports or copies, empty the recycle bin) or choose another folder, then try again.")


def _no_permission() -> str:
    return QCoreApplication.translate(
        "ErrorDialog",
        "The file or folder {path} may not be written to (no permission, or a read-only drive). "
        "Choose another folder, or ask the administrator for access.")


# Errors of the file system every officer meets sooner or later, said in words.
_OS_MESSAGES = {errno.ENOSPC: _disk_full, errno.EDQUOT: _disk_full,
                errno.EACCES: _no_permission, errno.EPERM: _no_permission, errno.EROFS: _no_permission}


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``."""
    if isinstance(exc, UserError):
        return tr_error(exc)
    if isinstance(exc, OSError) and exc.errno in _OS_MESSAGES:
        log.warning("file operation failed: %r", exc)
        where = exc.filename if isinstance(exc.filename, str) else ""
        return _OS_MESSAGES[exc.errno]().format(path=where or "…")
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
