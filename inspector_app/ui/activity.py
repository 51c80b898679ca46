"""Notices the user's keyboard and mouse for the idle lock.

It watches each top-level window rather than the whole QApplication: a Python event filter on
the application object crashes PySide 6.11 as soon as a QtWebEngine view starts (the map)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                       QEvent.Type.TouchBegin})


class ActivityWatch(QObject):
    """Emits :attr:`active` on input in any of the app's windows (including dialogs opened
    later, picked up when they get focus)."""

    active = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watched: set[int] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
        # A window shown without focus (offscreen tests, a first window) is picked up here.
        QTimer.singleShot(0, self.rescan)

    def rescan(self) -> None:
        """Watch every top-level window that exists now."""
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def _watch(self, window: QWindow | None) -> None:
        if window is None or id(window) in self._watched:
            return
        self._watched.add(id(window))
        window.installEventFilter(self)
        key = id(window)
        window.destroyed.connect(lambda *_: self._watched.discard(key))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.active.emit()
        return False
