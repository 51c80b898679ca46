"""Issue 14 case 11: every op names the officer who made it, and a shared laptop sends each
officer's changes under that officer's own server sign-in. A duty supervisor's approvals made
on an officer's laptop go up as the supervisor's (they used to be refused); an officer's
records are never filed under another's name; the server refuses an op whose author is not
the account it came with, and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sync_helpers import PASSWORD, LiveServer, client_factory
from test_sync_workflows import laptop, server

from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.inspections import submit_inspection
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.profile import squad_roads
from inspector_app.services.review import review_record
from inspector_app.services.session import Session
from inspector_app.services.sync import sign_in_online, sign_out_online, sync_now, sync_status
from inspector_app.sync.client import SyncClient, Tokens
from inspector_app.sync.protocol import Op
from inspector_server.db import make_engine, record

__all__ = ["server"]  # the seeded live server fixture, imported


def _shared(db_url: str, device_id: str, *usernames: str) -> None:
    """The administrator enrols the laptop as shared by these officers (issue 14 case 3: a
    device is otherwise its first account's alone)."""
    from inspector_server import admin

    engine = make_engine(db_url)
    try:
        with engine.connect().execution_options(write=True) as conn, conn.begin():
            admin.enrol_shared_laptop(conn, "中队共用笔记本", list(usernames), device_id)
    finally:
        engine.dispose()


def _patrol_with_a_failed_inspection(officer: Session) -> tuple[str, str]:
    roads = squad_roads(officer)[:1]
    start_patrol(officer, [r["id"] for r in roads])
    patrol_id = current_patrol(officer)["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1",
                                       [roads[0]["id"]]).fetchone()[0]
    inspection_id = submit_inspection(officer, unit_id, all_compliant_values(officer.catalogs),
                                      patrol_id).ids("frontage_inspection")[0]
    end_patrol(officer, patrol_id)
    return patrol_id, inspection_id


def _server_field(db_url: str, entity_id: str, name: str) -> object:
    """A field of the server's record (None when the server has no such record)."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            fields = conn.execute(select(record.c.fields).where(record.c.id == entity_id)).scalar()
    finally:
        engine.dispose()
    return None if fields is None else json.loads(fields).get(name)


def test_a_supervisors_approval_on_an_officers_laptop_goes_up_as_the_supervisor(
        server: LiveServer, db_url: str, demo_dir: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    _shared(db_url, officer.device_id, "liqiang", "wangfang")
    patrol_id, _inspection = _patrol_with_a_failed_inspection(officer)
    sync_now(officer, factory=client_factory)
    assert sync_status(officer).pending_ops == 0

    # 王芳 signs in to the app on 李强's laptop (offline sign-in gave her session) and approves.
    wang_id = officer.store.db.execute("SELECT id FROM officer WHERE username = 'wangfang'").fetchone()[0]
    squad = officer.actor.squad_id
    supervisor = officer.as_actor(Actor(wang_id, "王芳", Role.SUPERVISOR, squad, username="wangfang"))
    review_record(supervisor, "patrol", patrol_id, "approved")
    assert not sync_status(supervisor).signed_in, "the laptop is signed in to the server as 李强, not 王芳"

    # A sync with 李强's sign-in sends nothing of hers, refuses nothing, and says whose changes wait.
    sync_now(officer, factory=client_factory)
    status = sync_status(officer)
    assert status.failed == []
    assert status.pending_ops > 0
    assert [(name, n > 0) for _id, name, n in status.waiting] == [("王芳", True)]
    assert _server_field(db_url, patrol_id, "status") == "submitted"

    # Once she signs in online here, her approval goes up under her own account.
    sign_in_online(supervisor, PASSWORD, factory=client_factory)
    assert sync_status(supervisor).signed_in
    sync_now(supervisor, factory=client_factory)
    after = sync_status(supervisor)
    assert after.failed == [] and after.pending_ops == 0 and after.waiting == []
    assert _server_field(db_url, patrol_id, "status") == "approved"


def test_an_officers_records_wait_for_their_own_sign_in(server: LiveServer, db_url: str, demo_dir: Path,
                                                        tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    zhang = officer.store.db.execute(
        "SELECT id, name, username FROM officer WHERE squad_id = ? AND role = 'officer' AND id != ? ORDER BY username",
        [officer.actor.squad_id, officer.actor.officer_id]).fetchone()
    colleague = officer.as_actor(Actor(zhang[0], zhang[1], Role.OFFICER, officer.actor.squad_id, username=zhang[2]))
    patrol_id, _ = _patrol_with_a_failed_inspection(colleague)
    sync_now(officer, factory=client_factory)
    assert _server_field(db_url, patrol_id, "status") is None, "not sent (or filed) under 李强's sign-in"
    assert [name for _id, name, _n in sync_status(officer).waiting] == [zhang[1]]
    # Signing out forgets 李强's server sign-in; the queue stays.
    assert sign_out_online(officer)
    assert not sync_status(officer).signed_in and sync_status(officer).pending_ops > 0


def test_the_server_refuses_an_op_whose_author_is_not_the_signed_in_account(
        server: LiveServer, db_url: str, demo_dir: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    unit_id = officer.store.db.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
    wang_id = officer.store.db.execute("SELECT id FROM officer WHERE username = 'wangfang'").fetchone()[0]
    before = _server_field(db_url, unit_id, "notes")
    with SyncClient(server.url, "forger-laptop", Tokens(), timeout=10) as client:
        client.login("liqiang", PASSWORD, "forger")
        answers = client.push([Op("op-forged-1", "unit", unit_id, "patch", {"notes": [before, "改了"]},
                                  "999999999999999-00000-forger", author=wang_id)])
    assert [(a.status.value, a.reason.split(":")[0]) for a in answers] == [("forbidden", "author_mismatch")]
    assert _server_field(db_url, unit_id, "notes") == before
