"""Issue 14, case 10 on the laptop: a change the server refused because of a value is
explained on the sync page in Chinese, naming the field as the officer knows it."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtWidgets import QApplication

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.sync_view import SyncView
from inspector_app.ui.sync_reasons import explain
from tests.ui.test_sync_view import connect, server  # noqa: F401  (the fixture)

IMAGES = Path(__file__).resolve().parents[2] / "notes" / "images" / "issue-14"
HLC = "000000000000001-0000000000-x"


def test_each_reason_code_reads_in_chinese(zh) -> None:  # type: ignore[no-untyped-def]
    assert explain("unit", "invalid_value: uscc: the check character") == (
        "服务器拒收了“统一社会信用代码”的值：它不符合本软件同样检查的规则（类型、可选值、校验位）。请打开该记录改正后重新保存。")
    assert explain("unit", "too_large: op: about 70000 bytes").startswith("该项更改")  # type: ignore[union-attr]
    assert "其他中队" in explain("violation", "out_of_scope: unit_id: x")  # type: ignore[operator]
    assert "责任单位" in explain("violation", "out_of_scope: unit_id: x")  # type: ignore[operator]
    assert "版本" in explain("unit", "unknown_field: owner: x")  # type: ignore[operator]
    assert "缺少" in explain("patrol", "required: started_at: x")  # type: ignore[operator]
    assert explain("unit", "squad: this unit belongs to another squad") is None


def test_the_sync_page_explains_a_refused_value(qtbot, officer_session, runner, settings, server, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from inspector_app.services import sync as sync_service
    from tests.server.sync_helpers import client_factory

    monkeypatch.setattr(sync_service, "default_client", client_factory)
    connect(officer_session, server)
    unit = officer_session.store.db.execute("SELECT id FROM unit WHERE deleted = 0 AND squad_id = ? LIMIT 1",
                                            [officer_session.actor.squad_id]).fetchone()[0]
    with officer_session.operation("test") as op:  # as a tampered or broken laptop might have queued them
        op.db.execute("INSERT INTO outbox(op_id, entity, entity_id, op, changes, hlc, created_at) VALUES "
                      "('op-u', 'unit', ?, 'patch', '{\"uscc\": [null, \"91370102MA3C4TQ0X0\"]}', ?, "
                      "'2026-11-20T02:00:00.000Z')", [unit, HLC])
        op.db.execute("INSERT INTO outbox(op_id, entity, entity_id, op, changes, hlc, created_at) VALUES "
                      "('op-n', 'unit', ?, 'patch', ?, ?, '2026-11-20T02:01:00.000Z')",
                      [unit, '{"notes": ["", "' + "字" * 2000 + '"]}', HLC])
    window = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(window)
    window.apply_language("zh_CN")
    window.show()
    window.resize(1024, 600)
    page = cast(SyncView, window.page("sync"))
    page.sync_button.click()
    texts = {page.failed.item(r, 4).text() for r in range(page.failed.rowCount())}  # type: ignore[union-attr]
    assert page.failed.rowCount() == 2
    assert any("统一社会信用代码" in t and "校验位" in t for t in texts), texts
    assert any(t.startswith("“备注”过长") for t in texts), texts
    IMAGES.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(IMAGES / "sync-page-value-refusals.png"))
