"""Preferences: language (more settings arrive with the features that need them)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector_app.ui.i18n import LANGUAGES
from inspector_app.ui.settings import AppSettings


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`; the caller applies a changed language."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, server_url: str = "") -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        layout = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        layout.addRow(self.tr("Language"), self.language)
        self.font_path = QLineEdit(settings.document_font)
        self.font_path.setObjectName("documentFont")
        self.font_path.setPlaceholderText(self.tr("Built-in Song face (AR PL SungtiL GB)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_font)
        row = QHBoxLayout()
        row.addWidget(self.font_path, 1)
        row.addWidget(browse)
        layout.addRow(self.tr("Document font (licensed FangSong, TrueType)"), row)
        self.server = QLineEdit(server_url)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText(self.tr("https://sync.example:8765 (empty: this laptop does not sync)"))
        layout.addRow(self.tr("Sync server address"), self.server)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _choose_font(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Document font"), "", "TrueType (*.ttf *.ttc)")
        if name:
            self.font_path.setText(name)

    def server_url(self) -> str:
        """The sync server address as typed (checked by the service that stores it)."""
        return self.server.text().strip()

    def accept(self) -> None:
        """Store the choices."""
        self.settings.language = str(self.language.currentData())
        self.settings.document_font = self.font_path.text().strip()
        super().accept()
