"""The whole life of a work order through the city platform, the server and two laptops
(dispatcher and officer), with the officer handling it offline while the server is down; and
the reporter's contact in no log on the way."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sync_helpers import LiveServer, reset_database
from test_sync_workflows import laptop, sync

from inspector_app.services.disorders import record_check
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_status
from inspector_app.services.work_order_views import order_list
from inspector_app.services.work_orders import (
    check_values_for,
    dispatch_order,
    link_to_check,
    record_visit,
    reply_order,
    reveal_contact,
    start_order,
    verify_order,
)
from tests.photo_files import jpeg

PHONE = "13966668888"


@pytest.fixture
def server(db_url: str, demo_dir: Path, tmp_path: Path) -> Iterator[tuple[LiveServer, str]]:
    from inspector_server import admin, work_orders

    engine = reset_database(db_url)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.seed_from_profile(conn, demo_dir / "inspector.sqlite", tmp_path / "server-blobs")
        _id, token = work_orders.create_integration(conn, "济南市12345热线", ["hotline"])
    engine.dispose()
    live = LiveServer(db_url, tmp_path / "server-blobs").start()
    yield live, token
    live.stop()


def order_row(session: Session, order_id: str) -> dict:
    cur = session.store.db.execute("SELECT * FROM work_order WHERE id = ?", [order_id])
    values = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], values, strict=True)) if values else {}


def test_an_order_from_the_hotline_to_closure_and_back_to_the_platform(
        server: tuple[LiveServer, str], demo_dir: Path, tmp_path: Path, clock, caplog, capfd) -> None:  # type: ignore[no-untyped-def]
    live, token = server
    caplog.set_level(logging.DEBUG)
    dispatcher = laptop(demo_dir, tmp_path, "wangfang", live, clock)
    officer = laptop(demo_dir, tmp_path, "liqiang", live, clock)
    grid = dispatcher.store.db.execute("SELECT grid_code FROM road_segment WHERE squad_id = ? ORDER BY name LIMIT 1",
                                       [dispatcher.actor.squad_id]).fetchone()[0]
    platform = httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    order = {"source": "hotline", "platform_no": "JN12345-20261120-7001", "category": "0504",
             "description": "泉城路有饭店把桌椅摆到人行道上。", "address": "泉城路100号门前", "grid_code": grid,
             "reporter_name": "刘女士", "reporter_phone": PHONE, "reported_at": "2026-11-20 09:40"}
    created = platform.post("/api/v1/work-orders", json=order)
    assert created.status_code == 201, created.text
    order_id = created.json()["id"]
    assert platform.post("/api/v1/work-orders", json=order).json()["id"] == order_id  # a retry is harmless

    # The dispatcher's laptop receives it and dispatches it to the officer.
    sync(dispatcher)
    assert order_row(dispatcher, order_id)["status"] == "received"
    assert reveal_contact(dispatcher, order_id)[1] == PHONE
    dispatch_order(dispatcher, order_id, officer.actor.officer_id)
    sync(dispatcher)

    # The officer gets it at the next sync, then handles it with the server down.
    sync(officer)
    assert order_id in [r["id"] for r in order_list(officer, "mine")[1]]
    assert reveal_contact(officer, order_id)[1] == PHONE
    live.stop()
    start_order(officer, order_id)
    clock.advance(minutes=40)
    photo = store_photo(officer, jpeg(tmp_path / "after.jpg", (900, 700)),
                        stamp_for(officer, "泉城路100号门前", 36.6612, 117.0221)).photo_id
    values = check_values_for(officer, order_id)
    values.update(lat=36.6612, lon=117.0221, photos=[photo])
    check_id = record_check(officer, values, within=link_to_check(officer, order_id)).check_id
    reply_order(officer, order_id, "已责令饭店将桌椅收回店内，现场已恢复通行。", [photo])
    assert sync_status(officer).pending_ops > 0
    live.start()
    sync(officer)

    # The dispatcher verifies, closes and records the reporter's satisfaction.
    sync(dispatcher)
    assert order_row(dispatcher, order_id)["status"] == "replied"
    assert order_row(dispatcher, order_id)["disorder_check_id"] == check_id
    verify_order(dispatcher, order_id, True, "核查属实")
    record_visit(dispatcher, order_id, "satisfied")
    sync(dispatcher)
    sync(officer)
    for session in (dispatcher, officer):
        final = order_row(session, order_id)
        assert (final["status"], final["satisfaction"], final["closed_on_time"]) == ("closed", "satisfied", 1)
    linked = officer.store.db.execute("SELECT work_order_id FROM disorder_check WHERE id = ?", [check_id]).fetchone()
    assert linked[0] == order_id

    # The platform reads the outcome and the "after" photo back.
    seen, after = [], 0
    while True:
        feed = platform.get("/api/v1/work-orders", params={"changed_after": after, "limit": 500}).json()
        seen += feed["orders"]
        after = feed["next_changed_after"]
        if not feed["more"]:
            break
    mine = [o for o in seen if o["platform_no"] == order["platform_no"]][-1]
    assert mine["status"] == "closed" and mine["reply_text"].startswith("已责令") and mine["satisfaction"] == "satisfied"
    assert mine["after_photo_ids"] == [photo]
    picture = platform.get(f"/api/v1/work-orders/{order_id}/photos/{photo}")
    sha = officer.store.db.execute("SELECT sha256 FROM photo WHERE id = ?", [photo]).fetchone()[0]
    assert picture.status_code == 200 and officer.blobs.read(sha) == picture.content
    later = platform.get("/api/v1/work-orders", params={"changed_after": after}).json()
    assert later["orders"] == []

    # The reporter's contact is in no log line, of the laptops or of the server process.
    platform.close()
    captured = capfd.readouterr()
    assert PHONE not in captured.out + captured.err
    assert not any(PHONE in r.getMessage() or "刘女士" in r.getMessage() for r in caplog.records)
    for session in (dispatcher, officer):
        log_dir = session.store.paths.logs
        assert not any(PHONE in p.read_text("utf-8", "replace") for p in log_dir.glob("*") if p.is_file())
        audit = session.store.db.execute("SELECT group_concat(details) FROM audit_log").fetchone()[0]
        assert PHONE not in audit
