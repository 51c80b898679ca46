"""Pick a position on the map for a unit, a check or a violation. Returns WGS-84 whatever the
base map draws in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from inspector_app.services.map_data import LayerQuery, MapOptions, map_layers, map_page
from inspector_app.services.map_tiles import OnlineTiles, TileReader, page_tiles
from inspector_app.services.session import Session
from inspector_app.ui.base_map_dialog import load_base_map
from inspector_app.ui.errors import show_error
from inspector_app.ui.map_web import MapProfile
from inspector_app.ui.map_widget import MapWidget
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.tasks import TaskRunner


class MapPickerDialog(QDialog):
    """Click the map to place the point, then confirm."""

    position_picked = Signal(float, float)  # WGS-84, emitted on OK

    def __init__(self, session: Session, runner: TaskRunner, start: tuple[float, float] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.base = load_base_map(AppSettings(session.store.paths.settings))
        self.options = MapOptions(self.base.crs)
        self.start = start
        self.picked: tuple[float, float] | None = None
        self.setWindowTitle(self.tr("Pick the position on the map"))
        fit_to_screen(self, QSize(900, 640))  # never larger than the screen
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Click the place on the map. Units and roads are shown to help you find it."))
        layout.addWidget(self.hint)
        self.map = MapWidget(self)
        self.map.ready.connect(self._ready)
        self.map.picked.connect(self._picked)
        layout.addWidget(self.map, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        runner.run(self._prepare, on_done=self._load, on_error=lambda e: show_error(self, e))

    def _prepare(self) -> tuple[Any, tuple[TileReader, OnlineTiles | None]]:
        return map_page(self.session, self.base), page_tiles(self.session, self.base)

    def _load(self, result: tuple[Any, tuple[TileReader, OnlineTiles | None]]) -> None:
        path, tiles = result
        MapProfile.shared().serve(*tiles)
        self.map.load(path)

    def _ready(self) -> None:
        self.map.set_pick(True)
        if self.start is not None:
            lat, lon = self.options.out(*self.start)
            self.map.set_position(lat, lon)
            self.map.center_on(lat, lon, 17)
        self.runner.run(map_layers, self.session, LayerQuery(self.session.today(), 0, self.base.crs),
                        on_done=self._layers, on_error=lambda e: show_error(self, e))

    def _layers(self, layers: dict[str, list[Any]]) -> None:
        self.map.set_lines("roads", layers["roads"])
        self.map.set_points("units", layers["units"], cluster=True)

    def _picked(self, lat: float, lon: float) -> None:
        self.picked = self.options.back(lat, lon)
        self.hint.setText(self.tr("Picked: {lat:.6f}, {lon:.6f}. Click again to move it, or press OK.").format(
            lat=self.picked[0], lon=self.picked[1]))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def position(self) -> tuple[float, float] | None:
        """The picked position in WGS-84 (None until the map was clicked)."""
        return self.picked

    def accept(self) -> None:
        if self.picked is not None:
            self.position_picked.emit(*self.picked)
        super().accept()
