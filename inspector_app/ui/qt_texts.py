"""Texts of Qt's own dialogs that the Chinese translation shipped with PySide6 lacks: Qt 6
changed them (e.g. "Look in:" became "&Look in:") and qtbase_zh_CN.qm still has only the old
ones, so the file dialog said "Look in" in the Chinese UI. They are marked here so the app's
own translation carries them (Qt asks the app's translator when qtbase has no entry)."""

from __future__ import annotations

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Computer"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory"),
)
