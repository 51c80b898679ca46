"""The sync page names each refused item by what it is (never an id fragment), says why in
Chinese and what to do, lets the officer discard it, and tells a laptop whose clock is off to
set it (issue 15)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector_app.services.sync import SyncReport, sync_status
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.sync_view import SyncView, clock_advice
from tests.server.sync_helpers import client_factory
from tests.ui.test_sync_view import connect, server

__all__ = ["server"]  # the fixture, imported

IMAGES = Path(__file__).resolve().parents[2] / "notes" / "images" / "issue-15"


def test_clock_advice_says_ahead_or_behind_from_ten_minutes(zh) -> None:  # type: ignore[no-untyped-def]
    assert clock_advice(None) == "" and clock_advice(timedelta(minutes=9)) == ""
    assert clock_advice(timedelta(days=-2, hours=-3)) == "本机时钟比服务器快 2 天 3 小时，请校准系统时间。"
    assert clock_advice(timedelta(minutes=25)) == "本机时钟比服务器慢 25 分钟，请校准系统时间。"


def test_a_refused_change_is_named_explained_and_discarded(qtbot, officer_session, runner, settings, server, zh,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services import sync as sync_service

    monkeypatch.setattr(sync_service, "default_client", client_factory)
    connect(officer_session, server)
    db = officer_session.store.db
    squad = officer_session.actor.squad_id
    conflict_unit = db.execute("SELECT id, name FROM unit WHERE squad_id = ? LIMIT 1", [squad]).fetchone()
    with officer_session.operation("test_forbidden_record") as op:  # an officer may not decide conflicts
        made = op.recorder.create("conflict", {"entity": "unit", "entity_id": conflict_unit[0], "field": "phone",
                                               "detected_at": "2026-11-20T02:00:00.000Z"})
    window = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    window.resize(1024, 600)  # not shown: the offscreen screen would narrow it
    page = window.page("sync")
    assert isinstance(page, SyncView)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.failed.rowCount() == 1, timeout=20000)
    assert db.execute("SELECT count(*) FROM conflict WHERE id = ?", [made]).fetchone()[0] == 0, "rolled back"
    record, why = page.failed.item(0, 1).text(), page.failed.item(0, 4).text()
    assert record == f"冲突处理：{conflict_unit[1]}", record
    assert made[-6:] not in record
    assert why.startswith("您的角色无权修改此类记录。") and "恢复为服务器上的版本" in why and "舍弃" in why
    page.controller.finished.emit(SyncReport(clock_offset=timedelta(days=-2, hours=-3)))
    assert page.clock.text() == "本机时钟比服务器快 2 天 3 小时，请校准系统时间。" and not page.clock.isHidden()
    IMAGES.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(IMAGES / "sync-page-refused-rolled-back.png"))
    page.failed.selectRow(0)
    page.discard_button.click()
    qtbot.waitUntil(lambda: page.failed.rowCount() == 0, timeout=10000)
    assert sync_status(officer_session).failed == []
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'sync_discard'").fetchone()[0] == 1
