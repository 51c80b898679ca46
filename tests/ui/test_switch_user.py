"""File → 切换用户 / 注销 on a shared laptop (issue 14 case 11): the sign-in dialog takes the
main window's place, the next officer gets a window of their own, and signing out forgets the
officer's server sign-in so nothing more goes up in their name."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector_app.services.session import Session
from inspector_app.storage import sync_state as state
from inspector_app.ui.app import Startup
from inspector_app.ui.login_dialog import LoginDialog
from inspector_app.ui.main_window import MainWindow


def _startup(qapp: QApplication, runner, settings) -> Startup:  # type: ignore[no-untyped-def]
    # Startup's own __init__ opens the sign-in path of a real start; here the officer is
    # already signed in, so only what show_main and switch_user use is set up.
    startup = Startup.__new__(Startup)
    startup.app, startup.runner, startup.settings, startup.window = qapp, runner, settings, None
    return startup


def _menu_action(window: MainWindow, text: str) -> QAction:
    for action in window.menuBar().actions()[0].menu().actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no File menu entry {text!r}")


def test_switch_user_opens_the_next_officers_own_window(qtbot, qapp, officer_session: Session, runner,  # type: ignore[no-untyped-def]
                                                        settings) -> None:
    startup = _startup(qapp, runner, settings)
    first = startup.show_main(officer_session)
    qtbot.addWidget(first)
    _menu_action(first, "Switch user…").trigger()
    dialog = startup.login
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not first.isVisible())
    dialog.username.setText("wangfang")
    dialog.password.setText("Jinan@2026")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: startup.window is not first and startup.window.isVisible())
    qtbot.addWidget(startup.window)
    assert startup.window.session.actor.username == "wangfang"
    assert settings.last_username == "wangfang"


def test_sign_out_forgets_the_officers_server_sign_in(qtbot, qapp, officer_session: Session, runner,  # type: ignore[no-untyped-def]
                                                      settings) -> None:
    with officer_session.store.transaction() as db:
        state.set_state(db, server_url="https://sync.example.invalid", officer_id=officer_session.actor.officer_id,
                        refresh_token="r-token", access_token="a-token")
    startup = _startup(qapp, runner, settings)
    first = startup.show_main(officer_session)
    qtbot.addWidget(first)
    _menu_action(first, "Sign out").trigger()
    qtbot.waitUntil(lambda: state.get_state(officer_session.store.db, "refresh_token") == "")
    assert state.get_state(officer_session.store.db, "access_token") == ""
    assert isinstance(startup.login, LoginDialog) and startup.login.isVisible()
    startup.login.reject()
