"""A signature pad: the party or an officer signs with mouse, pen or finger.

``SignaturePadWidget.png()`` returns the strokes as a PNG (transparent background, black
ink), ``is_empty()`` says whether anything was drawn, ``clear()`` starts over; ``changed``
fires on every stroke. Strokes are kept as points, so the PNG is drawn at any size crisply.
:class:`SignerPad` is the pad as a dialog shows it: whose pad it is, and 重签.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

INK = Qt.GlobalColor.black
FOCUS = Qt.GlobalColor.darkBlue


class SignaturePadWidget(QWidget):
    """Draw a signature; export it as PNG bytes."""

    changed = Signal()

    def __init__(self, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []
        self.hint = hint
        self.setMinimumSize(QSize(320, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        # Focusable, so a validation error can point at the pad that is still empty.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def is_empty(self) -> bool:
        """Whether nothing has been drawn."""
        return not any(len(s) > 1 for s in self.strokes)

    def clear(self) -> None:
        """Start over."""
        self.strokes.clear()
        self.update()
        self.changed.emit()

    def add_stroke(self, points: list[tuple[float, float]]) -> None:
        """Add a stroke in widget coordinates (used by tests and by replaying)."""
        self.strokes.append([QPointF(x, y) for x, y in points])
        self.update()
        self.changed.emit()

    def _begin(self, point: QPointF) -> None:
        self.strokes.append([point])

    def _extend(self, point: QPointF) -> None:
        if self.strokes:
            self.strokes[-1].append(point)
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())
        self.changed.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._extend(event.position())
            self.changed.emit()
        event.accept()

    def _paint_strokes(self, painter: QPainter, scale: float = 1.0) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(INK, 2.6 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(stroke[0] * scale)
            for p in stroke[1:]:
                path.lineTo(p * scale)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.hasFocus():
            painter.setPen(QPen(FOCUS, 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.setPen(QPen(Qt.GlobalColor.lightGray, 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(12, baseline), QPointF(self.width() - 12, baseline))
        if self.is_empty() and self.hint:
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.hint)
        self._paint_strokes(painter)
        painter.end()

    def png(self, scale: float = 2.0) -> bytes:
        """The signature as PNG bytes, cropped to the ink with a small margin."""
        image = QImage(QSize(int(self.width() * scale), int(self.height() * scale)), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._paint_strokes(painter, scale)
        painter.end()
        points = [p for s in self.strokes for p in s]
        if points:
            margin = 8 * scale
            left = max(0.0, min(p.x() for p in points) * scale - margin)
            top = max(0.0, min(p.y() for p in points) * scale - margin)
            right = min(image.width(), max(p.x() for p in points) * scale + margin)
            bottom = min(image.height(), max(p.y() for p in points) * scale + margin)
            image = image.copy(int(left), int(top), int(right - left), int(bottom - top))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; the binding wants str
        return bytes(data.data())


class SignerPad(QWidget):
    """A signature pad with whose it is above it and a 重签 (sign again) button."""

    def __init__(self, role: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.pad = SignaturePadWidget(hint)
        self.signer = QLabel(role)
        self.signer.setObjectName("signer")
        self.again = QPushButton(self.tr("Sign again"))
        self.again.setObjectName("signAgain")
        self.again.setToolTip(self.tr("Clear this signature and sign once more"))
        self.again.setAutoDefault(False)  # Enter in the dialog must never wipe a signature
        self.again.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._sync)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.signer, 1)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pad, 1)
        self.setFocusProxy(self.pad)
        self._sync()

    def set_signer(self, name: str) -> None:
        """Name the signer next to the role (e.g. "当事人：张伟")."""
        self.signer.setText(self.tr("{role}: {name}").format(role=self.role, name=name) if name else self.role)

    def _sync(self) -> None:
        self.again.setEnabled(not self.pad.is_empty())
