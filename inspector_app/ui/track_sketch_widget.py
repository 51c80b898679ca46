"""A small drawing of a patrol: its assigned road segments (grey) and the walked track (blue),
scaled to fit, north up. Works offline with nothing but the recorded coordinates."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

Line = Sequence[Sequence[float]]


class TrackSketchWidget(QWidget):
    """Roads and a track on a neutral background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roads: list[Line] = []
        self.track: Line = []
        self.setMinimumHeight(160)

    def show_patrol(self, roads: list[Line], track: Line) -> None:
        self.roads, self.track = roads, track
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f4f1ea"))
        points = [p for line in self.roads for p in line] + list(self.track)
        if not points:
            painter.setPen(QColor("#888888"))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No track recorded"))
            return
        lat0 = sum(p[0] for p in points) / len(points)
        kx = math.cos(math.radians(lat0))
        xs = [p[1] * kx for p in points]
        ys = [p[0] for p in points]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-4)
        margin = 14
        scale = min(self.width() - 2 * margin, self.height() - 2 * margin) / span

        x0, y0 = min(xs), min(ys)

        def to_screen(p: Sequence[float]) -> QPointF:
            return QPointF(margin + (p[1] * kx - x0) * scale, self.height() - margin - (p[0] - y0) * scale)

        painter.setPen(QPen(QColor("#b0aba0"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for line in self.roads:
            painter.drawPolyline(QPolygonF([to_screen(p) for p in line]))
        if self.track:
            painter.setPen(QPen(QColor("#1565c0"), 2.5))
            painter.drawPolyline(QPolygonF([to_screen(p) for p in self.track]))
            painter.setBrush(QColor("#2e7d32"))
            painter.drawEllipse(to_screen(self.track[0]), 4, 4)
            painter.setBrush(QColor("#c62828"))
            painter.drawEllipse(to_screen(self.track[-1]), 4, 4)
        painter.setPen(QColor("#555555"))
        painter.drawText(QPointF(self.width() - 22, 18), "N↑")
