"""Noticing that nobody has used the app for a while (for the automatic screen lock).

The obvious way, an event filter on the whole QApplication, crashes the interpreter once a
QtWebEngine view exists: PySide then wraps every object an event goes to, including
QtWebEngine's internal QtQuick items, and that wrapping segfaults. Input from the keyboard
and mouse reaches a top-level QWindow before any widget, so this filter sits on the app's
windows instead (the main window and each dialog as it gets focus) and only ever sees them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class IdleWatch(QObject):
    """Emits ``timer.timeout`` after ``minutes`` without a key press, click or wheel turn in
    any of the app's windows; ``minutes`` 0 turns it off."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.minutes = 0
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            for window in app.topLevelWindows():
                self.watch(window)

    def watch(self, window: QWindow | None) -> None:
        """Count input in ``window`` as activity (done for each window that gets focus;
        Qt keeps one copy of a filter installed twice)."""
        if window is not None:
            window.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time and start counting again."""
        self.minutes = max(0, int(minutes))
        self.restart()

    def restart(self) -> None:
        """Start counting from now (or stop, when turned off)."""
        if self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def stop(self) -> None:
        """Stop counting (the window is closing)."""
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self.watch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.restart()
        return False
