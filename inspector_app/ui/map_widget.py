"""A QtWebEngine map: loads the page from its file, then takes layers as data through
``runJavaScript`` and reports clicks and picks through one QWebChannel bridge."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from inspector_app.ui.map_web import MapProfile

log = logging.getLogger(__name__)


def encode_layer(items: list[Any]) -> str:
    """A layer as one JSON text. The page parses it with JSON.parse: a 50,000-point array
    literal in script source would cost the page far more memory to compile."""
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


class MapBridge(QObject):
    """The object the page calls (``channel.objects.bridge``)."""

    page_ready = Signal()
    item_clicked = Signal(str, str)
    position_picked = Signal(float, float)

    @Slot()
    def ready(self) -> None:
        self.page_ready.emit()

    @Slot(str, str)
    def clicked(self, layer: str, item_id: str) -> None:
        self.item_clicked.emit(layer, item_id)

    @Slot(float, float)
    def picked(self, lat: float, lon: float) -> None:
        self.position_picked.emit(lat, lon)


class MapPage(QWebEnginePage):
    """Keeps the page's console messages (errors in the map script show up in the log)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(MapProfile.shared().profile, parent)
        self.console: list[str] = []
        # The page is a local file: it may read our assets, never the network. (The profile's
        # guard blocks and records outside requests too, should this ever be switched on.)
        self.settings().setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        self.settings().setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # type: ignore[no-untyped-def]
        self.console.append(message)
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (%s:%s)", message, source, line)


class MapWidget(QWidget):
    """The map view. Call :meth:`load` with the page file; :attr:`ready` fires when the page
    and its bridge are up, after which layers can be pushed in."""

    ready = Signal()
    clicked = Signal(str, str)
    picked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QWebEngineView(self)
        self.page = MapPage(self.view)
        self.view.setPage(self.page)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(self.channel)
        self.bridge.page_ready.connect(self._on_ready)
        self.bridge.item_clicked.connect(self.clicked)
        self.bridge.position_picked.connect(self.picked)
        self.is_ready = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, page_file: Path) -> None:
        """Load the page from its file (setHtml stops at 2 MB and cannot reach local files)."""
        self.is_ready = False
        self.view.load(QUrl.fromLocalFile(str(page_file)))

    def _on_ready(self) -> None:
        self.is_ready = True
        self.ready.emit()

    def call(self, function: str, *args: Any, callback: Callable[[Any], None] | None = None) -> None:
        """Call ``inspectorMap.<function>(args…)`` in the page; arguments go in as JSON, so no
        user text is ever spliced into code."""
        code = f"window.inspectorMap.{function}({', '.join(json.dumps(a, ensure_ascii=False) for a in args)})"
        if callback is None:
            self.page.runJavaScript(code)
        else:
            self.page.runJavaScript(code, 0, callback)

    def set_points(self, layer: str, points: list[Any] | str, cluster: bool = False) -> None:
        """Replace a point layer: points are ``[lat, lon, style, id, label]`` (or already
        encoded by :func:`encode_layer`, which a worker thread should do for big layers)."""
        self.call("setPointsJson", layer, points if isinstance(points, str) else encode_layer(points), cluster)

    def set_lines(self, layer: str, lines: list[Any] | str) -> None:
        """Replace a line layer: lines are ``[[[lat, lon], …], style, id, label]``."""
        self.call("setLinesJson", layer, lines if isinstance(lines, str) else encode_layer(lines))

    def show_layer(self, layer: str, visible: bool) -> None:
        self.call("show", layer, visible)

    def set_position(self, lat: float, lon: float) -> None:
        self.call("setPosition", lat, lon)

    def center_on(self, lat: float, lon: float, zoom: int | None = None) -> None:
        self.call("centerOn", lat, lon, zoom)

    def fit(self, points: list[list[float]]) -> None:
        self.call("fit", points)

    def set_pick(self, on: bool) -> None:
        """In pick mode a click on the map reports its position instead of opening items."""
        self.call("setPick", on)

    def bounds(self, callback: Callable[[Any], None]) -> None:
        """The visible area as ``[south, west, north, east, zoom]``."""
        self.call("bounds", callback=callback)
