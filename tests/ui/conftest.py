import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.services.session import Session
from inspector_app.ui.i18n import install_language
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.tasks import ImmediateTaskRunner


@pytest.fixture
def zh(qapp: QApplication) -> Iterator[None]:
    """The Chinese UI, as officers see it by default."""
    assert install_language(qapp, "zh_CN"), "run `make translations` to build the .qm files"
    yield
    install_language(qapp, "en")


@pytest.fixture
def runner(qapp: QApplication) -> ImmediateTaskRunner:
    return ImmediateTaskRunner()


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, officer_session: Session, runner, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(w)
    w.show()
    return w


def when_shown(kind: type[QWidget], act: Callable[[Any], None], tries: int = 1500) -> None:
    """Call ``act(dialog)`` once a visible ``kind`` exists — for a modal dialog whose ``exec``
    blocks the test. It looks again every 20 ms (about 30 s in all) instead of guessing how
    long the work before the dialog takes on a loaded machine."""

    def look(left: int) -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            if left > 0:
                QTimer.singleShot(20, lambda: look(left - 1))
            return
        dialog = found[0]
        # Keys and shortcuts reach only the active window; on a loaded machine the dialog
        # becomes active a little after it is shown.
        dialog.activateWindow()
        for _ in range(500):  # at most 10 s
            if dialog.isActiveWindow():
                break
            QApplication.processEvents()
            time.sleep(0.02)
        act(dialog)
        # If what ``act`` did left the dialog open, close it: the test then fails on its
        # assertions instead of waiting forever inside ``exec``.
        guard = QTimer(dialog)  # goes with the dialog, so it never fires into a later test
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: dialog.isVisible() and dialog.reject())
        guard.start(10_000)

    QTimer.singleShot(0, lambda: look(tries))
