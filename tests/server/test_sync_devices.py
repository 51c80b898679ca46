"""Field devices syncing with a real server process: round trips, field merges, conflicts,
blobs before ops, number leases (SQLite and PostgreSQL servers)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, text
from sync_helpers import LiveServer, Seed, client_factory, device, row, server_fields

from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now, sync_status
from inspector_app.services.units import create_unit, unit_form_values, update_unit
from inspector_app.storage.numbering import take_number
from tests.photo_files import jpeg


def sync(session: Session) -> None:
    sync_now(session, factory=client_factory)


def edit(session: Session, unit_id: str, **values: object) -> None:
    update_unit(session, unit_id, {**unit_form_values(session, unit_id), **values})


def test_a_change_travels_from_one_device_to_another(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    b = device(tmp_path / "b", seeded, "zhangwei", live.url)
    sync(a)
    sync(b)
    unit = seeded.units[0]
    assert row(a, "unit", unit)["name"] == "泉城路1号商店"
    assert row(a, "unit", seeded.other_unit) == {}, "another squad's records stay on the server"
    edit(a, unit, phone="13911112222")
    assert sync_status(a).pending_ops == 1
    sync(a)
    assert sync_status(a).pending_ops == 0
    sync(b)
    assert row(b, "unit", unit)["phone"] == "13911112222"
    assert "13911112222" in row(b, "unit", unit)["search_latin"], "derived search keys are rebuilt"
    new_id = create_unit(b, {"name": "芙蓉街5号小吃", "kind": "enterprise", "uscc": "91370102MA3C4XXX4T",
                             "address": "芙蓉街5号", "road_segment_id": seeded.road}).ids("unit")[0]
    sync(b)
    sync(a)
    assert row(a, "unit", new_id)["name"] == "芙蓉街5号小吃"


def test_edits_of_different_fields_both_survive(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    b = device(tmp_path / "b", seeded, "zhangwei", live.url)
    sync(a)
    sync(b)
    unit = seeded.units[1]
    edit(a, unit, phone="13911112222")
    edit(b, unit, notes="门前有堆物")
    sync(a)
    sync(b)
    sync(a)
    for s in (a, b):
        assert (row(s, "unit", unit)["phone"], row(s, "unit", unit)["notes"]) == ("13911112222", "门前有堆物")
    assert sync_status(a).open_conflicts == 0


def test_same_field_edits_make_a_conflict_row_and_lose_nothing(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    b = device(tmp_path / "b", seeded, "wangfang", live.url)
    sync(a)
    sync(b)
    unit = seeded.units[2]
    edit(a, unit, phone="13911112222")
    edit(b, unit, phone="13700001111")
    sync(a)
    sync(b)
    sync(a)
    assert row(a, "unit", unit)["phone"] == row(b, "unit", unit)["phone"] == "13700001111"
    for s in (a, b):
        conflicts = s.store.db.execute("SELECT entity_id, field, server_value, device_value, status "
                                       "FROM conflict").fetchall()
        assert conflicts == [(unit, "phone", json.dumps("13911112222"), json.dumps("13700001111"), "open")]
        assert sync_status(s).open_conflicts == 1


def test_photos_are_uploaded_before_the_ops_that_use_them(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync(a)
    photo = store_photo(a, jpeg(tmp_path / "shop.jpg", (800, 600)), stamp_for(a, "泉城路1号", 36.66, 117.02))
    status = sync_status(a)
    assert status.pending_blobs == 2 and status.pending_blob_bytes > 10_000
    sync(a)
    assert sync_status(a).pending_blobs == 0
    stored = live.blob_dir / photo.sha256[:2] / photo.sha256
    assert stored.read_bytes() == a.blobs.read(photo.sha256)
    engine = create_engine(live.db_url)
    assert server_fields(engine, "photo", photo.photo_id)["sha256"] == photo.sha256
    engine.dispose()


def test_leased_numbers_of_three_devices_never_collide(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    devices = [device(tmp_path / u, seeded, u, live.url) for u in ("liqiang", "zhangwei", "wangfang")]
    taken: list[int] = []
    for s in devices:
        sync(s)
        with s.store.transaction() as db:
            for _ in range(30):
                value, _block, source = take_number(db, "warning", seeded.squad, s.today().year)
                assert source == "lease"
                taken.append(value)
    assert len(taken) == len(set(taken)) == 90


def test_without_a_lease_a_synced_device_takes_provisional_numbers(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    with a.store.transaction() as db:
        assert take_number(db, "warning", seeded.squad, 2026)[2] == "provisional"


def test_server_seq_never_shows_a_gap_to_a_reader(live: LiveServer, seeded: Seed) -> None:
    engine = create_engine(live.db_url)
    with engine.connect() as conn:
        seqs = [r[0] for r in conn.execute(text("SELECT seq FROM record ORDER BY seq"))]
    engine.dispose()
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_supervisor_resolves_a_conflict_and_the_decision_syncs(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    from inspector_app.services.conflicts import EARLIER, open_conflicts, resolve_conflict

    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sup = device(tmp_path / "s", seeded, "wangfang", live.url)
    sync(a)
    sync(sup)
    unit = seeded.units[0]
    edit(a, unit, contact="李四")
    edit(sup, unit, contact="王五")
    sync(a)
    sync(sup)
    [conflict] = open_conflicts(sup)
    assert (conflict["record_name"], conflict["field"], conflict["server_value"], conflict["device_value"]) == (
        "泉城路1号商店", "contact", "李四", "王五")
    resolve_conflict(sup, conflict["id"], EARLIER)
    assert open_conflicts(sup) == []
    sync(sup)
    sync(a)
    assert row(a, "unit", unit)["contact"] == row(sup, "unit", unit)["contact"] == "李四"
    assert row(a, "conflict", conflict["id"])["status"] == "resolved"
    audit = sup.store.db.execute("SELECT action FROM audit_log WHERE action = 'resolve_conflict'").fetchall()
    assert audit == [("resolve_conflict",)]


def test_an_expired_access_token_is_refreshed_and_sign_in_happens_with_the_offline_login(
        live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    from sync_helpers import PASSWORD

    from inspector_app.domain.entities import Actor
    from inspector_app.domain.roles import Role
    from inspector_app.services.profile import open_profile
    from inspector_app.services.sync import connect_quietly, is_signed_in, set_server_url
    from inspector_app.storage.sync_state import set_state

    officer_id, role, squad = seeded.officers["liqiang"]
    a = open_profile(tmp_path / "a").as_actor(Actor(officer_id, "李强", Role(role), squad, username="liqiang"))
    assert not connect_quietly(a, PASSWORD, factory=client_factory), "no server configured: nothing to do"
    set_server_url(a, live.url)
    assert not connect_quietly(a, "wrong password", factory=client_factory)
    assert connect_quietly(a, PASSWORD, factory=client_factory) and is_signed_in(a)
    with a.store.transaction() as db:
        set_state(db, access_token="expired.or-forged")
    sync(a)
    assert row(a, "unit", seeded.units[0])["name"] == "泉城路1号商店"


def test_the_app_command_points_a_profile_at_a_server(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import main
    from inspector_app.services.profile import open_profile
    from inspector_app.services.sync import server_url

    assert main(["sync-server", "--data-dir", str(tmp_path / "p"), "https://sync.jinan.example:8765"]) == 0
    assert "sign in" in capsys.readouterr().out
    assert server_url(open_profile(tmp_path / "p")) == "https://sync.jinan.example:8765"
    assert main(["sync-server", "--data-dir", str(tmp_path / "p"), "sync.jinan.example"]) == 2
    assert "https://" in capsys.readouterr().err


def test_refused_ops_and_lost_attachments_are_listed_and_can_be_retried(
        live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    from inspector_app.domain.clock import utc_iso
    from inspector_app.services.sync import retry_failed
    from inspector_app.storage.blobs import register_blob

    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync(a)
    with a.operation("test") as op:  # an op as an older app version might have queued it
        op.db.execute("INSERT INTO outbox(op_id, entity, entity_id, op, changes, hlc, created_at) "
                      "VALUES ('op-x', 'unit', ?, 'patch', '{\"notes\": [\"\", \"x\"]}', '000000000000001-0000000000-x', ?)",
                      [seeded.other_unit, utc_iso(op.now)])
        register_blob(op.db, "ab" * 32, 10, "image/jpeg", utc_iso(op.now))
    sync(a)
    failed = {f["entity"]: f for f in sync_status(a).failed}
    assert failed["unit"]["status"] == "forbidden" and "another squad" in failed["unit"]["last_error"]
    assert "missing" in failed["blob"]["last_error"]
    assert sync_status(a).pending_ops == 0
    assert retry_failed(a, ["op-x"]) == 1
    assert sync_status(a).pending_ops == 1
