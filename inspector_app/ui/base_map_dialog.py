"""Choosing the base map: the office's MBTiles file, and an online source (天地图 with the
bureau's key, OpenStreetMap, or any XYZ address) used to fill the offline cache."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector_app.domain.errors import UserError
from inspector_app.services.map_tiles import BaseMap
from inspector_app.ui.errors import show_error
from inspector_app.ui.settings import AppSettings

KINDS = ("none", "tianditu", "osm", "custom")


def load_base_map(settings: AppSettings) -> BaseMap:
    """The base map stored in the profile's settings."""
    return BaseMap(
        kind=str(settings.get("map/kind", "none")), url=str(settings.get("map/url", "")),
        key=str(settings.get("map/key", "")), crs=str(settings.get("map/crs", "wgs84")),
        office_file=str(settings.get("map/office_file", "")),
        fetch_while_browsing=str(settings.get("map/fetch_while_browsing", "true")).lower() == "true",
    )


def save_base_map(settings: AppSettings, base: BaseMap) -> None:
    """Store the base map choice."""
    for name in ("kind", "url", "key", "crs", "office_file"):
        settings.set(f"map/{name}", getattr(base, name))
    settings.set("map/fetch_while_browsing", "true" if base.fetch_while_browsing else "false")


class BaseMapDialog(QDialog):
    """Edits :class:`BaseMap` settings."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Base map"))
        self.setMinimumWidth(560)
        base = load_base_map(settings)
        form = QFormLayout(self)
        self.office = QLineEdit(base.office_file)
        self.office.setPlaceholderText(self.tr("an .mbtiles file from the office (optional)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.office, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Offline map file"), row)
        self.kind = QComboBox()
        for kind, label in zip(KINDS, (self.tr("None (offline file and cache only)"), self.tr("天地图 (needs a key)"),
                                       self.tr("OpenStreetMap"), self.tr("Custom XYZ address")), strict=True):
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(max(0, KINDS.index(base.kind) if base.kind in KINDS else 0))
        form.addRow(self.tr("Online tile source"), self.kind)
        self.key = QLineEdit(base.key)
        self.key.setPlaceholderText(self.tr("天地图 key (tk)"))
        form.addRow(self.tr("Key"), self.key)
        self.url = QLineEdit(base.url)
        self.url.setPlaceholderText("https://example.org/tiles/{z}/{x}/{y}.png")
        form.addRow(self.tr("Address"), self.url)
        self.fetch = QCheckBox(self.tr("Fetch missing tiles while browsing the map, when online (they are kept for "
                                       "offline use)"))
        self.fetch.setChecked(base.fetch_while_browsing)
        form.addRow(self.fetch)
        self.crs = QComboBox()
        self.crs.addItem(self.tr("WGS-84 / CGCS2000 (天地图, OpenStreetMap)"), "wgs84")
        self.crs.addItem(self.tr("GCJ-02 (高德, 腾讯)"), "gcj02")
        self.crs.setCurrentIndex(1 if base.crs == "gcj02" else 0)
        form.addRow(self.tr("Coordinate system of the tiles"), self.crs)
        note = QLabel(self.tr("Positions are stored in WGS-84; for a GCJ-02 source the map converts them."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        kind = self.kind.currentData()
        self.key.setEnabled(kind in ("tianditu", "custom"))
        self.url.setEnabled(kind == "custom")
        self.fetch.setEnabled(kind != "none")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Offline map file"), "", self.tr("MBTiles (*.mbtiles)"))
        if path:
            self.office.setText(path)

    def base_map(self) -> BaseMap:
        """The choice in the dialog."""
        return BaseMap(kind=self.kind.currentData(), url=self.url.text().strip(), key=self.key.text().strip(),
                       crs=self.crs.currentData(), office_file=self.office.text().strip(),
                       fetch_while_browsing=self.fetch.isChecked())

    def accept(self) -> None:
        base = self.base_map()
        if base.kind == "custom":
            try:
                base.source()
            except UserError as exc:  # said here, and the dialog stays open with what was typed
                show_error(self, exc)
                self.url.setFocus()
                return
        save_base_map(self.settings, base)
        super().accept()
