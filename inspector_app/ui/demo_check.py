"""``inspector-app demo-check``: the end of ``make run``, proven without a person.

It starts the app the way ``make run`` does (``launch``: the sign-in dialog first, the profile
opened behind it), types the demo officer's name and password into the real dialog, waits for
the main window and for the sign-in to the sync server that follows it, runs one sync through
the window's own controller, and exits 0. Each step prints one line; a failure prints what went
wrong and what to do, never a traceback, and exits 1.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STEP_TIMEOUT_S = 120.0


class DemoCheckFailed(Exception):
    """A step did not happen; the message says what and what to do."""


def _wait_until(condition: Callable[[], bool], what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise DemoCheckFailed(f"{what} did not happen within {timeout_s:.0f} s")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _say(step: str, detail: str, started: float) -> None:
    print(f"ok   {step:<28} {time.monotonic() - started:6.1f} s  {detail}", flush=True)


def _sign_in(startup: Any, username: str, password: str) -> Any:
    dialog = startup.login
    _wait_until(lambda: dialog.profile is not None or startup.failed is not None, "Opening the profile")
    if startup.failed is not None:
        raise DemoCheckFailed(f"the profile did not open: {startup.failed}")
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.buttons.accepted.emit()  # the Sign in button, as a click sends it
    _wait_until(lambda: dialog.session is not None or dialog.message.isVisible(), "Signing in")
    if dialog.session is None:
        raise DemoCheckFailed(f"signing in as {username} failed: {dialog.message.text()}")
    return dialog.session


def _sync_once(window: Any) -> Any:
    from inspector_app.services.sync import sync_status

    session = window.session
    status = sync_status(session)
    if not status.server_url:
        raise DemoCheckFailed("the demo profile has no sync server address; run tools/demo_server.sh first")
    # The dialog signs in to the server in the background after the offline sign-in.
    _wait_until(lambda: sync_status(session).signed_in, f"Signing in to the sync server {status.server_url}", 30)
    outcome: dict[str, Any] = {}
    window.sync.finished.connect(lambda report: outcome.setdefault("report", report))
    window.sync.failed.connect(lambda exc: outcome.setdefault("error", exc))
    _wait_until(lambda: not window.sync.running, "The background sync that was already running")
    outcome.clear()
    if not window.sync.sync():
        raise DemoCheckFailed("a sync was already running and did not end")
    _wait_until(lambda: bool(outcome), "The sync")
    if "error" in outcome:
        from inspector_app.ui.errors import error_text

        raise DemoCheckFailed(f"the sync failed: {error_text(outcome['error'])}")
    return outcome["report"]


def run_demo_check(data_dir: Path, username: str, password: str, screenshot: Path | None = None) -> int:
    """Sign in to the demo profile in ``data_dir`` and sync once; 0 when it all worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector_app.ui.app import launch

    started = time.monotonic()
    startup = launch(data_dir)
    session = None
    try:
        session = _sign_in(startup, username, password)
        _say("signed in", f"{session.actor.name} ({session.actor.username}), offline password", started)
        window = startup.show_main(session)
        _wait_until(window.isVisible, "The main window")
        _say("main window", window.windowTitle(), started)
        report = _sync_once(window)
        from inspector_app.services.sync import sync_status

        status = sync_status(session)
        _say("synced", f"{status.server_url}: pushed {report.pushed}, pulled {report.pulled}, "
             f"{status.pending_ops} ops still waiting", started)
        if screenshot is not None:
            window.grab().save(str(screenshot))
            _say("screenshot", str(screenshot), started)
    except DemoCheckFailed as exc:
        print(f"FAIL {exc}.", flush=True)
        print("     The server's log is .demo/server.log; `make stop-server` then `make run-check` "
              "starts again from the same demo data.", flush=True)
        return 1
    finally:
        startup.runner.wait()
        if startup.window is not None:
            startup.window.close()
        from inspector_app.services.profile import close_profile

        profile = session or startup.login.profile
        if profile is not None:
            close_profile(profile)
    return 0
