"""Case 2 of issue 21 in the window: damage found by the background check after sign-in is
said plainly, nothing more is saved, and the repair (restore or salvage) is offered."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    window = startup.show_main(session)
    qtbot.addWidget(window)
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
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    dialog.salvage_button.click()
    assert "条记录已复制到新的数据文件" in dialog.status.text()
    assert dialog.continue_button.text() == "退出应用"
    dialog.continue_button.click()
    assert quit_calls == [True]
