"""Issue 14, cases 3, 4 and 9 on the laptop: the server's new refusals are explained in
Chinese — a reused op id and a number from no lease on the sync page, a laptop enrolled for
another account (or a shared laptop without this officer) when signing in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector_app.services.sync import sync_status
from inspector_app.sync.client import DEVICE_REFUSALS, Refused
from inspector_app.ui.errors import error_text

SHOTS = Path(__file__).resolve().parents[2] / "notes" / "images" / "issue-14"


def test_the_sync_page_explains_a_reused_op_id_and_a_number_from_no_lease(window, officer_session, zh) -> None:  # type: ignore[no-untyped-def]
    unit = officer_session.store.db.execute("SELECT id FROM unit WHERE deleted = 0 LIMIT 1").fetchone()[0]
    refusals = [("op-a", "unit", unit, "op_id_reused: this laptop already sent another change with op id op-a"),
                ("op-b", "document", "01doc", "number_source: number_source 'local': a document number comes "
                                              "from this device's lease or is provisional (the server gives it)")]
    with officer_session.operation("test") as op:  # as the server answered them
        for op_id, entity, rid, reason in refusals:
            op.db.execute("INSERT INTO outbox(op_id, entity, entity_id, op, changes, hlc, created_at, status, "
                          "attempts, last_error) VALUES (?, ?, ?, 'create', '{}', '1', '2026-11-20T02:00:00.000Z', "
                          "'rejected', 1, ?)", [op_id, entity, rid, reason])
    window.apply_language("zh_CN")
    window.resize(1024, 600)
    page = window.page("sync")
    page.show_status(sync_status(officer_session))
    texts = {page.failed.item(row, 4).toolTip().split(":")[0]: page.failed.item(row, 4).text()
             for row in range(page.failed.rowCount())}
    assert texts == {
        "op_id_reused": "本机曾用同一变更编号发送过另一项修改，此项修改未被服务器采用。请告知系统管理员。",
        "number_source": "该文书编号既不属于本机的编号段，也不是临时编号，服务器不予接受。",
    }
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(SHOTS / "sync-page-new-refusals.png"))


def test_a_refused_laptop_is_explained_in_chinese(zh) -> None:  # type: ignore[no-untyped-def]
    taken = error_text(Refused(*DEVICE_REFUSALS["device_taken"]))
    assert taken.startswith("这台笔记本已登记在其他执法人员的账号下") and "共用笔记本" in taken
    not_enrolled = error_text(Refused(*DEVICE_REFUSALS["device_not_enrolled"]))
    assert not_enrolled.startswith("这台共用笔记本没有为您的账号登记")
