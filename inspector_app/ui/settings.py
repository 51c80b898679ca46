"""User preferences kept in the profile's settings.ini (so tests and profiles stay apart)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from inspector_app.ui.i18n import DEFAULT_LANGUAGE


class AppSettings:
    """Typed access to the few settings the app keeps."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str, default: Any = None) -> Any:
        """A stored value or ``default``."""
        return self.qsettings.value(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store a value and write it to disk now."""
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    @property
    def language(self) -> str:
        return str(self.get("ui/language", DEFAULT_LANGUAGE))

    @language.setter
    def language(self, value: str) -> None:
        self.set("ui/language", value)

    @property
    def last_username(self) -> str:
        return str(self.get("login/last_username", ""))

    @last_username.setter
    def last_username(self, value: str) -> None:
        self.set("login/last_username", value)

    @property
    def idle_lock_minutes(self) -> int:
        return int(self.get("security/idle_lock_minutes", 15))

    @property
    def document_font(self) -> str:
        """An office's licensed TrueType face for documents ("" = the built-in Song face)."""
        return str(self.get("documents/font", ""))

    @document_font.setter
    def document_font(self, value: str) -> None:
        self.set("documents/font", value)
