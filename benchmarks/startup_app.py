"""Started as a subprocess by bench_foundation. Shows the sign-in dialog, waits (as an officer
typing would) until the profile is open, signs in, shows the main window, and prints the
wall-clock times of each step as JSON. ``--bare`` shows an empty QMainWindow instead."""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    bare = "--bare" in sys.argv
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if not bare:  # as the app does: the map's URL scheme is registered before the QApplication
        from inspector_app.ui.map_web import register_schemes

        register_schemes()
    app = QApplication(sys.argv[:1])
    times: dict[str, float] = {}

    def finish() -> None:
        times["main_shown"] = time.time()
        print("TIMES " + json.dumps(times), flush=True)
        app.quit()

    if bare:
        window = QMainWindow()
        window.show()
        QTimer.singleShot(0, finish)
        app.exec()
        return

    from pathlib import Path

    from inspector_app.ui.app import Startup

    startup = Startup(app, Path(sys.argv[1]), "zh_CN")
    dialog = startup.show_login()

    def login_shown() -> None:
        times["login_shown"] = time.time()
        QTimer.singleShot(0, wait_for_profile)

    def wait_for_profile() -> None:
        if dialog.profile is None:
            QTimer.singleShot(5, wait_for_profile)
            return
        times["profile_ready"] = time.time()
        from inspector_app.services.profile import sign_in

        session = sign_in(dialog.profile, "liqiang", "Jinan@2026")
        times["signed_in"] = time.time()
        dialog.accept()
        startup.show_main(session)
        QTimer.singleShot(0, finish)

    QTimer.singleShot(0, login_shown)
    app.exec()
    startup.runner.wait()


if __name__ == "__main__":
    main()
