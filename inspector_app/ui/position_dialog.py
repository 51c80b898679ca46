"""Typing a position (latitude, longitude) when there is no GPS."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from inspector_app.domain.geo import JINAN_BOUNDS


class PositionDialog(QDialog):
    """Latitude and longitude within Jinan; ``position`` after OK."""

    def __init__(self, start: tuple[float, float] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My position"))
        self.position: tuple[float, float] | None = None
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("WGS-84 degrees, as a phone's GPS shows them.")))
        self.lat = QDoubleSpinBox()
        self.lon = QDoubleSpinBox()
        for box, low, high, value in (
            (self.lat, JINAN_BOUNDS.south, JINAN_BOUNDS.north, start[0] if start else 36.6660),
            (self.lon, JINAN_BOUNDS.west, JINAN_BOUNDS.east, start[1] if start else 117.0180),
        ):
            box.setDecimals(6)
            box.setRange(low, high)
            box.setSingleStep(0.0001)
            box.setValue(value)
        self.lat.setObjectName("lat")
        self.lon.setObjectName("lon")
        layout.addRow(self.tr("Latitude"), self.lat)
        layout.addRow(self.tr("Longitude"), self.lon)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        self.position = (self.lat.value(), self.lon.value())
        super().accept()
