"""The sign-in screen offers 从备份恢复 and 抢救数据 when the profile's data file is damaged,
empty or another program's, runs them through the task runner, then opens the profile."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector_app.storage.backups import daily_backup
from inspector_app.storage.database import Store
from inspector_app.ui.app import Startup
from inspector_app.ui.recovery_dialog import RecoveryDialog
from tests.storage.damage import checkpoint, zero_a_page_of


def _backup(demo_dir: Path) -> Path:
    store = Store.open(demo_dir)
    try:
        made = daily_backup(store, demo_dir / "backups", date(2026, 11, 20))
    finally:
        store.close()
    assert made is not None
    return made


def _start(qtbot, qapp: QApplication, data_dir: Path, runner) -> Startup:  # type: ignore[no-untyped-def]
    startup = Startup(qapp, data_dir, None)
    startup.runner = runner
    qtbot.addWidget(startup.show_login())
    qtbot.waitUntil(lambda: getattr(startup, "recovery", None) is not None)
    qtbot.addWidget(startup.recovery)
    return startup


def _units(db_file: Path) -> int:
    conn = sqlite3.connect(db_file)
    try:
        return int(conn.execute("SELECT count(*) FROM unit").fetchone()[0])
    finally:
        conn.close()


def test_an_empty_data_file_is_restored_from_the_newest_backup(qtbot, qapp, demo_dir: Path, runner, zh) -> None:  # type: ignore[no-untyped-def]
    backup = _backup(demo_dir)
    db_file = demo_dir / "inspector.sqlite"
    checkpoint(db_file)
    db_file.write_bytes(b"")
    startup = _start(qtbot, qapp, demo_dir, runner)
    dialog: RecoveryDialog = startup.recovery
    assert dialog.isVisible() and startup.login.isVisible() and startup.failed is None
    assert "是空的" in dialog.problem.text() and "inspector-app" not in dialog.problem.text()
    assert backup.name in dialog.backup_label.text()
    assert dialog.restore_button.text() == "从备份恢复" and dialog.restore_button.isEnabled()
    assert dialog.salvage_button.text() == "抢救数据"
    dialog.restore_button.click()
    assert "备份已恢复" in dialog.status.text() and "damaged-" in dialog.status.text()
    assert dialog.continue_button.isVisible()
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: startup.login.profile is not None)
    profile = startup.login.profile
    assert _units(db_file) == 400 and startup.failed is None and profile is not None
    profile.store.close()


def test_a_damaged_data_file_is_salvaged_with_a_report(qtbot, qapp, demo_dir: Path, runner, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("inspector_app.storage.salvage.shutil.which", lambda _name: None)
    db_file = demo_dir / "inspector.sqlite"
    zero_a_page_of(db_file, "unit", which=0)  # the first page: found when the file is opened
    startup = _start(qtbot, qapp, demo_dir, runner)
    dialog: RecoveryDialog = startup.recovery
    assert "损坏" in dialog.problem.text()
    assert not dialog.restore_button.isEnabled() and "没有找到可用的备份" in dialog.backup_label.text()
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)
    dialog.salvage_button.click()
    assert seen and "条记录已复制到新的数据文件" in dialog.status.text()
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: startup.login.profile is not None or startup.failed is not None)
    profile = startup.login.profile
    assert startup.failed is None and profile is not None
    profile.store.close()


def test_quitting_the_recovery_ends_the_sign_in(qtbot, qapp, demo_dir: Path, runner, zh) -> None:  # type: ignore[no-untyped-def]
    db_file = demo_dir / "inspector.sqlite"
    checkpoint(db_file)
    db_file.write_bytes(b"")
    startup = _start(qtbot, qapp, demo_dir, runner)
    startup.recovery.quit_button.click()
    assert startup.failed is not None and not startup.login.isVisible()
    assert db_file.stat().st_size == 0  # nothing was changed
