from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

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
