"""Windows that fit the screen they open on: field laptops have 1024×600 and 1366×768 screens, and a
window taller than the screen hides its Save and OK buttons below the taskbar.

A window opens at its preferred size only when that fits; otherwise it takes the available area
(never more). A remembered size from a bigger screen is clamped the same way. Dialogs that ask
for a size call :func:`fit_to_screen` instead of ``resize`` (an application-wide event filter
would do it in one place, but Python filters on every event crash QtWebEngine's teardown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The smallest screen the app is built for; the layout test holds every window to it.
SMALLEST_SCREEN = QSize(1024, 600)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without taskbars and panels)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame_extra(widget: QWidget) -> QSize:
    # Title bar and borders once the window is shown; before that (the frame is not known yet)
    # room for a typical desktop's title bar and borders.
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame.isValid() and frame != inner:
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return QSize(8, 32)


def fit_to_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Resize ``widget`` (a window) to ``preferred`` (default: its current size), made no larger
    than the available area, and move it so that all of it is on the screen."""
    area = available_area(widget)
    want = preferred or widget.size()
    extra = _frame_extra(widget)
    width = max(min(want.width(), area.width() - extra.width()), 1)
    height = max(min(want.height(), area.height() - extra.height()), 1)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    if not widget.isVisible():
        # Qt places a window (a dialog over its parent) and learns its frame only when it is
        # shown: fit it once more then.
        widget.installEventFilter(_RefitOnShow(widget))
        return
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


class _RefitOnShow(QObject):
    """Fits its window again on its first show, then goes away (it watches that window only)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self.deleteLater()
            fit_to_screen(watched)
        return False
