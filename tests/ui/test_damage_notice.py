"""Case 2 of issue 21 in the window: damage found by the background check after sign-in is
said plainly, nothing more is saved, and the repair (restore or salvage) is offered."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from inspector_app.domain.errors import UserError
from inspector_app.services.backups import writing_stopped
from inspector_app.ui.app import Startup
from inspector_app.ui.errors import error_text
from tests.storage.damage import zero_a_page_of


def test_damage_found_after_sign_in_stops_saving_and_offers_repair(qtbot, qapp, demo_dir: Path, demo_session_for, runner, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("inspector_app.storage.salvage.shutil.which", lambda _name: None)
    zero_a_page_of(demo_dir / "inspector.sqlite", "unit", which=1)  # not seen when opening
    session = demo_session_for("liqiang")
    startup = Startup(qapp, demo_dir, None)
    startup.runner = runner
    # Not handed to qtbot: the repair below closes and deletes this window itself.
    window = startup.show_main(session)
    # The daily backup refused the damaged source and said so.
    assert window.statusBar().currentMessage().startswith("今日备份未完成：未做备份")
    flag = window.statusBar().findChild(QLabel, "damageFlag")
    assert flag is not None and flag.text() == "数据库已损坏：已停止保存"
    box = startup.damage.box
    assert box is not None and box.isVisible() and "已损坏" in box.text() and "不再保存" in box.text()
    assert writing_stopped(session) is not None
    with pytest.raises(UserError) as refused, session.store.transaction():
        pass
    assert "不再保存" in error_text(refused.value)
    quit_calls: list[bool] = []
    monkeypatch.setattr(qapp, "quit", lambda: quit_calls.append(True))
    startup.damage.repair_button.click()
    dialog = startup.damage.recovery
    assert dialog is not None and dialog.isVisible()  # the window's child: deleted with it
    dialog.salvage_button.click()
    assert "条记录已复制到新的数据文件" in dialog.status.text()
    # After the repair: back to the sign-in dialog on the repaired profile, not out of the app.
    assert dialog.continue_button.text() == "继续登录"
    dialog.continue_button.click()
    login = startup.login
    qtbot.addWidget(login)
    assert login.isVisible() and quit_calls == []
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))  # the damaged file's window is gone
    qtbot.waitUntil(lambda: login.profile is not None)
    assert login.profile is not None and login.profile.store is not session.store
    assert writing_stopped(login.profile) is None  # the salvaged file saves again
    login.username.setText("liqiang")
    login.password.setText("Jinan@2026")
    login.attempt()
    assert login.session is not None and startup.window is not window
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible() and startup.window.session is login.session
    assert startup.window.statusBar().findChild(QLabel, "damageFlag") is None
    assert quit_calls == []
    login.profile.store.close()


def test_quitting_the_repair_after_sign_in_quits_the_app(qtbot, qapp, demo_dir: Path, demo_session_for, runner, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    zero_a_page_of(demo_dir / "inspector.sqlite", "unit", which=1)
    session = demo_session_for("liqiang")
    startup = Startup(qapp, demo_dir, None)
    startup.runner = runner
    qtbot.addWidget(startup.show_main(session))
    quit_calls: list[bool] = []
    monkeypatch.setattr(qapp, "quit", lambda: quit_calls.append(True))
    startup.damage.repair_button.click()
    dialog = startup.damage.recovery
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.quit_button.click()
    assert quit_calls == [True]
