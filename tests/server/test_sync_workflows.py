"""Every field workflow, made with the app's own services on three laptops (officer,
supervisor, clerk) and synced through a server seeded with the same demo data: nothing is
refused by the server's rules, and all laptops end with the same records."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sync_helpers import PASSWORD, LiveServer, client_factory, reset_database

from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.disorders import dispose_check, record_check
from inspector_app.services.inspections import inspection_values, submit_inspection
from inspector_app.services.notice_documents import (
    Signing,
    issue_document,
    record_print,
    void_document,
)
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.profile import open_profile, sign_in, squad_roads
from inspector_app.services.review import resubmit_patrol, review_record
from inspector_app.services.session import Session
from inspector_app.services.sync import set_server_url, sign_in_online, sync_now, sync_status
from inspector_app.services.violations import record_violation
from inspector_app.storage.officers import officers
from tests.photo_files import jpeg


@pytest.fixture
def server(db_url: str, demo_dir: Path, tmp_path: Path) -> Iterator[LiveServer]:
    from inspector_server import admin

    engine = reset_database(db_url)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.seed_from_profile(conn, demo_dir / "inspector.sqlite", tmp_path / "server-blobs")
    engine.dispose()
    live = LiveServer(db_url, tmp_path / "server-blobs").start()
    yield live
    live.stop()


def laptop(demo_dir: Path, tmp_path: Path, username: str, server: LiveServer, clock) -> Session:  # type: ignore[no-untyped-def]
    folder = tmp_path / username
    shutil.copytree(demo_dir, folder)
    with sqlite3.connect(folder / "inspector.sqlite") as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", [f"laptop-{username}"])
    profile = open_profile(folder)
    profile.clock = clock
    profile.hlc._clock = clock
    session = sign_in(profile, username, PASSWORD)
    set_server_url(session, server.url)
    sign_in_online(session, PASSWORD, factory=client_factory)
    sync(session)
    return session


def sync(session: Session) -> None:
    sync_now(session, factory=client_factory)
    assert sync_status(session).failed == [], "the server refused something the app allowed"
    assert sync_status(session).pending_ops == 0


def png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (100, 20), (290, 30)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_field_work_review_and_documents_sync_without_refusals(server: LiveServer, demo_dir: Path, tmp_path: Path,
                                                              clock) -> None:  # type: ignore[no-untyped-def]
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    supervisor = laptop(demo_dir, tmp_path, "wangfang", server, clock)
    clerk = laptop(demo_dir, tmp_path, "zhaomin", server, clock)

    # The officer patrols, inspects with a photo, records a 八乱 check and a violation with a notice.
    roads = squad_roads(officer)[:2]
    start_patrol(officer, [r["id"] for r in roads])
    patrol_id = current_patrol(officer)["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1",
                                       [roads[0]["id"]]).fetchone()[0]
    photo = store_photo(officer, jpeg(tmp_path / "shop.jpg", (900, 700)), stamp_for(officer, "泉城路", 36.6661, 117.0182))
    values = all_compliant_values(officer.catalogs)
    values["photos"] = [photo.photo_id]
    inspection_id = submit_inspection(officer, unit_id, values, patrol_id).ids("frontage_inspection")[0]
    clock.advance(minutes=30)
    end_patrol(officer, patrol_id)
    check_id = record_check(officer, {"category": "L1", "event_code": "0504", "lat": 36.6661, "lon": 117.0182,
                                      "address": "泉城路12号门前", "description": "店外摆放货架",
                                      "photos": [photo.photo_id]}).check_id
    dispose_check(officer, check_id, "deadline", deadline=date(2026, 11, 22))
    colleague = next(o["id"] for o in officers(officer.store.db, officer.actor.squad_id)
                     if o["id"] != officer.actor.officer_id)
    violation_id = record_violation(officer, {
        "party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
        "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号", "item_code": "FO01",
        "facts": "在泉城路12号门前摆放货架。", "place": "泉城路12号门前", "officer2_id": colleague}, set()).ids("violation")[0]
    signed = png()
    issued = issue_document(officer, violation_id, "rectify_order", Signing(party_png=signed, officer1_png=signed,
                                                                             officer2_png=signed))
    number_source = officer.store.db.execute("SELECT number_source FROM document WHERE id = ?",
                                             [issued.document_ids[0]]).fetchone()[0]
    assert number_source == "lease"
    sync(officer)

    # The supervisor returns the patrol and the inspection; the officer corrects and resubmits.
    sync(supervisor)
    review_record(supervisor, "patrol", patrol_id, "returned", "轨迹不完整")
    review_record(supervisor, "frontage_inspection", inspection_id, "returned", "照片不清楚")
    sync(supervisor)
    sync(officer)
    resubmit_patrol(officer, patrol_id, "已补充说明")
    revised = inspection_values(officer, inspection_id)
    revised["note"] = "补拍照片"
    new_id = submit_inspection(officer, unit_id, revised, patrol_id, revision_of=inspection_id).ids("frontage_inspection")[0]
    sync(officer)
    sync(supervisor)
    review_record(supervisor, "frontage_inspection", new_id, "approved")
    review_record(supervisor, "patrol", patrol_id, "approved")
    sync(supervisor)

    # The clerk prints the notice and voids another one.
    sync(clerk)
    record_print(clerk, issued.document_ids[0], 2)
    if len(issued.document_ids) > 1:  # the notice came with its service proof (送达回证)
        void_document(clerk, issued.document_ids[-1], "送达回证重复打印")
    sync(clerk)

    for s in (officer, supervisor, clerk, officer, supervisor):
        sync(s)

    def state(s: Session) -> tuple:  # type: ignore[type-arg]
        db = s.store.db
        return (db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone(),
                db.execute("SELECT review_status, superseded FROM frontage_inspection WHERE id IN (?, ?) ORDER BY id",
                           [inspection_id, new_id]).fetchall(),
                db.execute("SELECT status FROM disorder_check WHERE id = ?", [check_id]).fetchone(),
                db.execute("SELECT number, print_count, status FROM document WHERE violation_id = ? ORDER BY number",
                           [violation_id]).fetchall(),
                db.execute("SELECT count(*) FROM review WHERE entity_id = ?", [patrol_id]).fetchone())
    assert state(officer) == state(supervisor) == state(clerk)
    assert state(officer)[0] == ("approved",)
    assert state(officer)[3][0][1] == 2
