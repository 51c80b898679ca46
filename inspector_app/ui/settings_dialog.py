"""Preferences of this computer: language, evidence-photo size, automatic screen lock, how old
the city-wide offence index may be (administrators), where the daily backup goes, the office's document font and fonts added for rare characters. The
caller applies what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from inspector_app.services.backups import check_backup_folder
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import LANGUAGES
from inspector_app.ui.rare_fonts_widget import RareFontsWidget
from inspector_app.ui.settings import (
    DEFAULT_PHOTO_SIDE,
    MAX_INDEX_AGE_DAYS,
    MAX_LOCK_MINUTES,
    PHOTO_SIDES,
    AppSettings,
)
from inspector_app.ui.tasks import TaskRunner


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`. A changed backup folder is checked (off the UI thread when
    a runner is given) before anything is stored; a bad one is explained and nothing changes."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        default_backups: Path | None = None,
        server_url: str = "",
        administrator: bool = False,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.form.addRow(self.tr("Language"), self.language)
        self.photo_side = QComboBox()
        self.photo_side.setObjectName("photoSide")
        for side in PHOTO_SIDES:
            text = self.tr("{n} pixels").format(n=side)
            if side == DEFAULT_PHOTO_SIDE:
                text = self.tr("{size} (default)").format(size=text)
            self.photo_side.addItem(text, side)
        self.photo_side.setCurrentIndex(self.photo_side.findData(settings.photo_long_side))
        self.photo_side.setToolTip(self.tr("Long side of the stamped evidence photo; the original file is always kept too."))
        self.form.addRow(self.tr("Evidence photo size (long side)"), self.photo_side)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(0, MAX_LOCK_MINUTES)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setValue(settings.idle_lock_minutes)
        self.form.addRow(self.tr("Lock the screen after no use for"), self.lock_minutes)
        self.index_age = QSpinBox()
        self.index_age.setObjectName("indexMaxAge")
        self.index_age.setRange(1, MAX_INDEX_AGE_DAYS)
        self.index_age.setSuffix(self.tr(" days"))
        self.index_age.setValue(settings.index_max_age_days)
        self.index_age.setEnabled(administrator)
        self.index_age.setToolTip(self.tr("Officers are warned before a 首违不罚 notice when the city-wide offence "
                                          "index is older than this. Only an administrator changes it."))
        self.form.addRow(self.tr("Warn when the city-wide offence index is older than"), self.index_age)
        self.backup_folder = QLineEdit(settings.backup_folder)
        self.backup_folder.setObjectName("backupFolder")
        if default_backups is not None:
            self.backup_folder.setPlaceholderText(str(default_backups))
        self.form.addRow(self.tr("Daily backup folder"), self._with_browse(self.backup_folder, self._choose_backups))
        self.font_path = QLineEdit(settings.document_font)
        self.font_path.setObjectName("documentFont")
        self.font_path.setPlaceholderText(self.tr("Built-in FangSong face (Fandol Fang)"))
        self.form.addRow(self.tr("Document font (licensed FangSong, TrueType)"), self._with_browse(self.font_path, self._choose_font))
        self.rare_fonts = RareFontsWidget(settings.rare_fonts, runner)
        self.form.addRow(self.tr("Fonts for rare characters"), self.rare_fonts)
        self.server = QLineEdit(server_url)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText(self.tr("https://sync.example:8765 (empty: this laptop does not sync)"))
        self.form.addRow(self.tr("Sync server address"), self.server)
        self.base_map = QLabel()
        self.base_map.setObjectName("baseMapSummary")
        base_map_button = QPushButton(self.tr("Base map…"))
        base_map_button.setObjectName("baseMapButton")
        base_map_button.clicked.connect(self.edit_base_map)
        row = QHBoxLayout()
        row.addWidget(self.base_map, 1)
        row.addWidget(base_map_button)
        self.form.addRow(self.tr("Map tiles"), row)
        self._show_base_map()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)

    def _show_base_map(self) -> None:
        from inspector_app.ui.base_map_dialog import load_base_map

        base = load_base_map(self.settings)
        names = {"none": self.tr("offline file and cache only"), "tianditu": self.tr("天地图"),
                 "osm": self.tr("OpenStreetMap"), "custom": self.tr("custom address")}
        text = names.get(base.kind, base.kind)
        if base.kind == "tianditu":
            text += self.tr(" (key set)") if base.key else self.tr(" (no key yet)")
        if base.office_file:
            text += self.tr("; office file {name}").format(name=Path(base.office_file).name)
        self.base_map.setText(text)

    def edit_base_map(self) -> None:
        """The map's tile source and key, office .mbtiles file and coordinate system (saved at once)."""
        from inspector_app.ui.base_map_dialog import BaseMapDialog

        if BaseMapDialog(self.settings, self).exec():
            self._show_base_map()

    def server_url(self) -> str:
        """The sync server address as typed (checked by the service that stores it)."""
        return self.server.text().strip()

    def _with_browse(self, edit: QLineEdit, choose: Any) -> QHBoxLayout:
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        return row

    def _choose_font(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Document font"), "", "TrueType (*.ttf *.ttc)")
        if name:
            self.font_path.setText(name)

    def _choose_backups(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Daily backup folder"), self.backup_folder.text())
        if name:
            self.backup_folder.setText(name)

    def accept(self) -> None:
        """Check a changed backup folder, then store the choices."""
        folder = self.backup_folder.text().strip()
        if not folder or folder == self.settings.backup_folder:
            self._store(folder)
            return
        self.buttons.setEnabled(False)
        if self.runner is None:
            try:
                checked = check_backup_folder(folder)
            except Exception as exc:
                self._refused(exc)
                return
            self._store(str(checked))
            return
        self.runner.run(check_backup_folder, folder, on_done=lambda p: self._store(str(p)), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.backup_folder.setFocus()
        show_error(self, exc)

    def _store(self, backup_folder: str) -> None:
        s = self.settings
        s.language = str(self.language.currentData())
        s.photo_long_side = int(self.photo_side.currentData())
        s.idle_lock_minutes = self.lock_minutes.value()
        if self.index_age.isEnabled():
            s.index_max_age_days = self.index_age.value()
        s.backup_folder = backup_folder
        s.document_font = self.font_path.text().strip()
        s.rare_fonts = self.rare_fonts.paths()
        super().accept()
