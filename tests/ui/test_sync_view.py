"""The sync page, the status-bar badge, the settings field and the supervisors' conflict page,
against a real server process seeded with the same demo data as the laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from inspector_app.services.session import Session
from inspector_app.services.sync import set_server_url, sign_in_online, sync_status
from inspector_app.services.units import unit_form_values, update_unit
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings_dialog import SettingsDialog
from tests.server.sync_helpers import LiveServer, client_factory, reset_database

SHOTS = Path(__file__).resolve().parents[2] / ".screenshots"


@pytest.fixture
def server(demo_dir: Path, tmp_path: Path) -> Iterator[LiveServer]:
    from inspector_server import admin

    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = reset_database(url)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.seed_from_profile(conn, demo_dir / "inspector.sqlite")
    engine.dispose()
    live = LiveServer(url, tmp_path / "blobs").start()
    yield live
    live.stop()


def connect(session: Session, server: LiveServer) -> None:
    set_server_url(session, server.url)
    sign_in_online(session, "Jinan@2026", factory=client_factory)


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_sync_page_shows_the_queue_and_syncs(qtbot, officer_session, runner, settings, server, zh,
                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services import sync as sync_service

    monkeypatch.setattr(sync_service, "default_client", client_factory)
    connect(officer_session, server)
    unit = officer_session.store.db.execute("SELECT id FROM unit WHERE deleted = 0 AND squad_id = ? LIMIT 1",
                                            [officer_session.actor.squad_id]).fetchone()[0]
    update_unit(officer_session, unit, {**unit_form_values(officer_session, unit), "notes": "门口堆放纸箱"})
    window = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    window.resize(1280, 800)
    window.show()
    page = window.page("sync")
    assert page.pending.text() == "1"
    assert window.badge.text().startswith("⇅ 1")
    shot(window, "sync-page-pending")
    page.sync_button.click()
    assert page.pending.text() == "0"
    assert page.last.text() != "从未"
    assert window.badge.text() == "✓ 已同步"
    assert sync_status(officer_session).pending_ops == 0
    shot(window, "sync-page-synced")
    other = officer_session.store.db.execute("SELECT id FROM unit WHERE squad_id != ? LIMIT 1",
                                             [officer_session.actor.squad_id]).fetchone()[0]
    with officer_session.operation("test") as op:  # as a buggy older version might have queued it
        op.db.execute("INSERT INTO outbox(op_id, entity, entity_id, op, changes, hlc, created_at) VALUES "
                      "('op-x', 'unit', ?, 'patch', '{\"notes\": [\"\", \"x\"]}', '000000000000001-0000000000-x', '2026-11-20T02:00:00.000Z')",
                      [other])
    page.sync_button.click()
    assert page.failed.rowCount() == 1 and page.failed.item(0, 3).text() == "无权操作"
    assert page.failed.item(0, 4).text().startswith("该记录属于其他中队。该记录已恢复为服务器上的版本")
    assert "another squad" in page.failed.item(0, 4).toolTip()
    assert window.badge.text().startswith("⚠")
    shot(window, "sync-page-refused")
    page.failed.selectRow(0)
    page.retry_button.click()
    assert page.pending.text() == "1"
    server.stop()
    update_unit(officer_session, unit, {**unit_form_values(officer_session, unit), "notes": "已整改"})
    page.sync_button.click()
    assert "无法连接同步服务器" in page.error.text() and "保存在本机" in page.error.text()
    assert "无法连接同步服务器" in window.statusBar().currentMessage()
    assert window.badge.text().startswith("○")
    shot(window, "sync-page-offline")


def test_without_a_server_the_page_says_where_to_set_it(qtbot, officer_session, runner, settings, zh) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    page = window.page("sync")
    assert "设置" in page.server.text() and not page.sync_button.isEnabled()
    assert not window.badge.isVisible()
    window.sync.sync()  # F5 without a server
    assert "尚未设置同步服务器" in window.statusBar().currentMessage()


def test_settings_take_a_server_address(qtbot, settings, zh) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, None, server_url="https://old.example:8765")
    qtbot.addWidget(dialog)
    dialog.server.setText(" https://sync.jinan.example:8765 ")
    assert dialog.server_url() == "https://sync.jinan.example:8765"
    dialog.show()
    shot(dialog, "settings-dialog")


def test_a_bad_server_address_is_explained(officer_session) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.errors import UserError

    with pytest.raises(UserError) as err:
        set_server_url(officer_session, "sync.jinan.example")
    assert "https://" in err.value.render()


def test_supervisor_resolves_a_conflict_on_the_page(qtbot, demo_session_for, runner, settings, server, zh,
                                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services import sync as sync_service
    from inspector_app.services.profile import open_profile, sign_in
    from inspector_app.services.sync import sync_now

    monkeypatch.setattr(sync_service, "default_client", client_factory)
    supervisor = demo_session_for("wangfang")
    other_dir = Path(str(supervisor.store.paths.root) + "-other")
    import shutil

    shutil.copytree(supervisor.store.paths.root, other_dir)
    import sqlite3

    with sqlite3.connect(other_dir / "inspector.sqlite") as copy:  # another laptop: its own device id
        copy.execute("UPDATE meta SET value = 'laptop-2' WHERE key = 'device_id'")
    officer = sign_in(open_profile(other_dir), "liqiang", "Jinan@2026")
    for s in (supervisor, officer):
        connect(s, server)
        sync_now(s)
    unit = officer.store.db.execute("SELECT id FROM unit WHERE deleted = 0 AND squad_id = ? LIMIT 1",
                                    [officer.actor.squad_id]).fetchone()[0]
    update_unit(officer, unit, {**unit_form_values(officer, unit), "contact": "李四"})
    update_unit(supervisor, unit, {**unit_form_values(supervisor, unit), "contact": "王五"})
    sync_now(officer)
    sync_now(supervisor)
    window = MainWindow(supervisor, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    window.resize(1280, 800)
    window.show()
    page = window.page("conflicts")
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in (1, 2, 3)] == ["联系人", "李四", "王五"]
    shot(window, "conflicts-page")
    page.keep_earlier.click()
    assert page.table.isHidden() and page.empty.isVisible()
    assert supervisor.store.db.execute("SELECT contact FROM unit WHERE id = ?", [unit]).fetchone()[0] == "李四"
    officer.store.close()
    QApplication.processEvents()


def test_a_new_laptop_joins_its_squad_from_the_server(qtbot, data_dir, runner, server, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWizard  # noqa: F401

    from inspector_app.services.first_run import needs_first_run
    from inspector_app.services.profile import open_profile
    from inspector_app.ui.first_run_wizard import SERVER, FirstRunWizard

    empty = open_profile(data_dir)
    wizard = FirstRunWizard(empty, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.address.setText(server.url)
    wizard.next()
    assert wizard.currentId() == SERVER
    page = wizard.currentPage()
    page.username.setText("liqiang")
    page.password.setText("wrong")
    wizard.next()
    assert wizard.currentId() == SERVER and wizard.session is None and page.message.isVisible()
    page.password.setText("Jinan@2026")
    wizard.next()
    assert wizard.session is not None and wizard.session.actor.name == "李强"
    assert not needs_first_run(empty)
    assert sync_status(wizard.session).server_url == server.url and sync_status(wizard.session).signed_in
    squad_units = empty.store.db.execute("SELECT count(*) FROM unit WHERE squad_id = ?",
                                         [wizard.session.actor.squad_id]).fetchone()[0]
    assert squad_units > 0
    assert empty.store.db.execute("SELECT count(*) FROM unit WHERE squad_id != ?",
                                  [wizard.session.actor.squad_id]).fetchone()[0] == 0
    shot(wizard, "first-run-joined")
    empty.store.close()
