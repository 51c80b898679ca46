"""Where the officer is: a GPS through Qt Positioning when the laptop has one (a built-in
receiver, gpsd/geoclue, or an NMEA serial device or log file named in the settings), otherwise
nothing — the patrol page then offers to type the position."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject, Signal
from PySide6.QtPositioning import (
    QGeoPositionInfo,
    QGeoPositionInfoSource,
    QNmeaPositionInfoSource,
)


class PositionTracker(QObject):
    """Emits ``moved(lat, lon, accuracy_m, source)`` for each fix."""

    moved = Signal(float, float, float, str)

    def __init__(
        self, nmea: Path | None = None, simulate: bool = False, interval_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source: QGeoPositionInfoSource | None = None
        self.kind = ""
        if nmea is not None:
            mode = (QNmeaPositionInfoSource.UpdateMode.SimulationMode if simulate
                    else QNmeaPositionInfoSource.UpdateMode.RealTimeMode)
            source = QNmeaPositionInfoSource(mode, self)
            self._device = QFile(str(nmea), self)
            if self._device.open(QIODevice.OpenModeFlag.ReadOnly):
                source.setDevice(self._device)
                self.source, self.kind = source, "nmea"
        else:
            default = QGeoPositionInfoSource.createDefaultSource(self)
            if default is not None:
                self.source, self.kind = default, "gps"
        self.failed = False
        if self.source is not None:
            self.source.setUpdateInterval(interval_ms)
            self.source.positionUpdated.connect(self._update)
            self.source.errorOccurred.connect(self._error)

    @property
    def available(self) -> bool:
        """Whether a working position source exists on this machine."""
        return self.source is not None and not self.failed

    def _error(self, _error: object) -> None:
        # e.g. the geoclue plugin without its D-Bus service: fall back to typed positions.
        self.failed = True

    def start(self) -> None:
        if self.source is not None:
            self.source.startUpdates()

    def stop(self) -> None:
        if self.source is not None:
            self.source.stopUpdates()

    def _update(self, info: QGeoPositionInfo) -> None:
        coordinate = info.coordinate()
        if not coordinate.isValid():
            return
        accuracy = (info.attribute(QGeoPositionInfo.Attribute.HorizontalAccuracy)
                    if info.hasAttribute(QGeoPositionInfo.Attribute.HorizontalAccuracy) else -1.0)
        self.moved.emit(coordinate.latitude(), coordinate.longitude(), float(accuracy), self.kind)
