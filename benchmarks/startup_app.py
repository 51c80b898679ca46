"""Started as a subprocess by bench_foundation. Goes the app's own way to the sign-in dialog
(the command line's imports, then :func:`inspector_app.ui.app.launch`), waits (as an officer
typing would) until the profile is open, signs in, shows the main window, and prints the
wall-clock times of each step as JSON. ``--bare`` shows an empty QMainWindow instead.

"Shown" is the window's first paint, seen by an event filter on that window alone."""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def _on_first_paint(widget: Any, times: dict[str, float], key: str, then: Any) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and key not in times:
                times[key] = time.time()
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)
    return watcher


def main() -> None:
    bare = "--bare" in sys.argv
    times: dict[str, float] = {}

    if bare:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        _on_first_paint(window, times, "main_shown", app.quit)
        window.show()
        app.exec()
        print("TIMES " + json.dumps(times), flush=True)
        return

    import inspector_app.cli  # noqa: F401 - what `inspector-app` loads before the window
    from inspector_app.services.locations import resolve_data_dir
    from inspector_app.ui.app import launch

    startup = launch(resolve_data_dir(sys.argv[1]), "zh_CN")
    dialog = startup.login

    def wait_for_profile() -> None:
        if dialog.profile is None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(5, wait_for_profile)
            return
        times["profile_ready"] = time.time()
        from inspector_app.services.profile import sign_in

        session = sign_in(dialog.profile, "liqiang", "Jinan@2026")
        times["signed_in"] = time.time()
        dialog.accept()
        window = startup.show_main(session)
        _on_first_paint(window, times, "main_shown", startup.app.quit)

    _on_first_paint(dialog, times, "login_shown", wait_for_profile)
    startup.app.exec()
    startup.runner.wait()
    print("TIMES " + json.dumps(times), flush=True)


if __name__ == "__main__":
    main()
