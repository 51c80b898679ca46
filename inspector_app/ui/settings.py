"""User preferences kept in the profile's settings.ini (so tests and profiles stay apart)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from inspector_app.ui.i18n import DEFAULT_LANGUAGE

# Long sides offered for evidence photos; the default is photos.evidence.MAX_SIDE (kept here
# so reading the settings does not import Pillow).
PHOTO_SIDES = (1280, 1600, 2048, 2560, 3200)
DEFAULT_PHOTO_SIDE = 2048
DEFAULT_LOCK_MINUTES = 15
MAX_LOCK_MINUTES = 240
DEFAULT_INDEX_AGE_DAYS = 7  # services.offence_index.DEFAULT_MAX_AGE_DAYS (no service import here)
MAX_INDEX_AGE_DAYS = 90


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

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.get(key, default))
        except (TypeError, ValueError):
            return default  # a hand-edited settings.ini: fall back, do not crash

    @property
    def idle_lock_minutes(self) -> int:
        """Lock the screen after this many idle minutes (0: never)."""
        value = self._int("security/idle_lock_minutes", DEFAULT_LOCK_MINUTES)
        return value if 0 <= value <= MAX_LOCK_MINUTES else DEFAULT_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self.set("security/idle_lock_minutes", int(value))

    @property
    def index_max_age_days(self) -> int:
        """How old the city-wide offence index may be before the officer is warned at a
        首违不罚 notice (an administrator's setting, issue 19)."""
        value = self._int("offence_index/max_age_days", DEFAULT_INDEX_AGE_DAYS)
        return value if 1 <= value <= MAX_INDEX_AGE_DAYS else DEFAULT_INDEX_AGE_DAYS

    @index_max_age_days.setter
    def index_max_age_days(self, value: int) -> None:
        self.set("offence_index/max_age_days", int(value))

    @property
    def photo_long_side(self) -> int:
        """Long side, in pixels, of the stamped copy of an evidence photo."""
        value = self._int("photos/long_side", DEFAULT_PHOTO_SIDE)
        return value if value in PHOTO_SIDES else DEFAULT_PHOTO_SIDE

    @photo_long_side.setter
    def photo_long_side(self, value: int) -> None:
        self.set("photos/long_side", int(value))

    @property
    def backup_folder(self) -> str:
        """Where the daily database copy goes ("" = the profile's backups/ folder)."""
        return str(self.get("backups/folder", ""))

    @backup_folder.setter
    def backup_folder(self, value: str) -> None:
        self.set("backups/folder", value)

    @property
    def document_font(self) -> str:
        """An office's licensed TrueType face for documents ("" = the built-in Song face)."""
        return str(self.get("documents/font", ""))

    @document_font.setter
    def document_font(self, value: str) -> None:
        self.set("documents/font", value)

    @property
    def rare_fonts(self) -> list[str]:
        """TrueType files added for rare characters no shipped face draws (e.g. a face with
        CJK Extension G), in the order they are tried."""
        stored = self.get("documents/rare_fonts", "")
        lines = stored if isinstance(stored, list) else str(stored).splitlines()
        return [line.strip() for line in lines if line.strip()]

    @rare_fonts.setter
    def rare_fonts(self, paths: list[str]) -> None:
        self.set("documents/rare_fonts", "\n".join(paths))
