"""Issue 15, case 2: an edit made while another laptop deleted the record makes a conflict
record, in either order (the edit used to vanish: on the tombstone, or under a delete of the
version before it); the supervisor restores the record with the edit, or keeps it deleted, and
every laptop ends with the server's truth."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sync_helpers import LiveServer, Seed, client_factory, device
from test_server_api import login, op, pull_all, push
from truth import differences

from inspector_app.services.conflicts import EARLIER, LATER, open_conflicts, resolve_conflict
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now, sync_status
from inspector_app.services.units import delete_unit, unit_form_values, update_unit


def _sync(*sessions: Session) -> None:
    for s in sessions:
        sync_now(s, factory=client_factory)
        assert sync_status(s).failed == [], [(f["code"], f["last_error"]) for f in sync_status(s).failed]


def _all_equal_the_server(live: LiveServer, *sessions: Session) -> None:
    engine = create_engine(live.db_url)
    try:
        for s in sessions:
            assert differences(s, engine, {"unit", "conflict"}) == []
    finally:
        engine.dispose()


def _unit(session: Session, unit_id: str) -> tuple:  # type: ignore[type-arg]
    return session.store.db.execute("SELECT notes, deleted FROM unit WHERE id = ?", [unit_id]).fetchone()


def test_an_edit_of_a_deleted_record_is_decided_by_the_supervisor(live: LiveServer, seeded: Seed,
                                                                   tmp_path: Path) -> None:
    editor = device(tmp_path / "liqiang", seeded, "liqiang", live.url)
    deleter = device(tmp_path / "zhangwei", seeded, "zhangwei", live.url)
    supervisor = device(tmp_path / "wangfang", seeded, "wangfang", live.url)
    _sync(editor, deleter, supervisor)
    restored, kept_deleted = seeded.units[0], seeded.units[1]
    for unit in (restored, kept_deleted):
        delete_unit(deleter, unit)
        update_unit(editor, unit, {**unit_form_values(editor, unit), "notes": "门前堆放纸箱"})
    _sync(deleter, editor, supervisor)

    conflicts = {c["entity_id"]: c for c in open_conflicts(supervisor)}
    assert set(conflicts) == {restored, kept_deleted}
    first = conflicts[restored]
    assert (first["field"], first["server_value"], first["record_name"]) == ("deleted", True, "泉城路1号商店")
    assert first["device_value"]["notes"] == "门前堆放纸箱"
    resolve_conflict(supervisor, first["id"], LATER)
    resolve_conflict(supervisor, conflicts[kept_deleted]["id"], EARLIER)
    _sync(supervisor, editor, deleter)

    for s in (editor, deleter, supervisor):
        assert _unit(s, restored) == ("门前堆放纸箱", 0)
        assert _unit(s, kept_deleted)[1] == 1
        assert open_conflicts(supervisor) == []
    _all_equal_the_server(live, editor, deleter, supervisor)
    decisions = [json.loads(c) for (c,) in supervisor.store.db.execute(
        "SELECT resolution FROM conflict WHERE field = 'deleted' ORDER BY entity_id")]
    assert sorted(d["choice"] for d in decisions) == ["earlier", "later"]


def test_a_delete_of_an_edit_never_seen_is_decided_by_the_supervisor(live: LiveServer, seeded: Seed,
                                                                     tmp_path: Path) -> None:
    # The other order: 李强's edit reaches the server first; 张伟, who never pulled it, deletes.
    editor = device(tmp_path / "liqiang", seeded, "liqiang", live.url)
    deleter = device(tmp_path / "zhangwei", seeded, "zhangwei", live.url)
    supervisor = device(tmp_path / "wangfang", seeded, "wangfang", live.url)
    _sync(editor, deleter, supervisor)
    restored, kept_deleted, seen = seeded.units
    for unit in (restored, kept_deleted, seen):
        update_unit(editor, unit, {**unit_form_values(editor, unit), "notes": "门前堆放纸箱"})
    _sync(editor)
    for unit in (restored, kept_deleted):
        delete_unit(deleter, unit)
    _sync(deleter)  # pushes the two deletes, then pulls the edit of the third unit
    assert _unit(deleter, seen) == ("门前堆放纸箱", 0)
    delete_unit(deleter, seen)
    _sync(deleter, supervisor)

    conflicts = {c["entity_id"]: c for c in open_conflicts(supervisor)}
    assert set(conflicts) == {restored, kept_deleted}  # the delete of a seen edit is no conflict
    first = conflicts[restored]
    assert (first["field"], first["server_value"], first["record_name"]) == ("deleted", True, "泉城路1号商店")
    assert first["device_value"]["notes"] == "门前堆放纸箱"
    assert first["officer"] == "张伟"
    resolve_conflict(supervisor, first["id"], LATER)
    resolve_conflict(supervisor, conflicts[kept_deleted]["id"], EARLIER)
    _sync(supervisor, editor, deleter)

    for s in (editor, deleter, supervisor):
        assert _unit(s, restored) == ("门前堆放纸箱", 0)
        assert _unit(s, kept_deleted)[1] == 1
        assert _unit(s, seen)[1] == 1
    assert open_conflicts(supervisor) == []
    _all_equal_the_server(live, editor, deleter, supervisor)


def test_a_delete_without_a_usable_base_or_of_the_own_edit_deletes_as_before(api: TestClient,
                                                                             seeded: Seed) -> None:
    officer, other = login(api, "liqiang", "laptop-liqiang"), login(api, "zhangwei", "laptop-zhangwei")
    now = int(time.time() * 1000)
    before, edit = f"{now - 60_000:015d}-0000000000-server", f"{now:015d}-0000000000-liqiang"
    for unit in seeded.units:
        assert push(api, officer, {**op("unit", unit, notes=("", "门前堆放纸箱")), "hlc": edit})[0]["status"] == "applied"

    def delete(headers: dict[str, str], unit: str, base: str | None) -> str:
        body = {**op("unit", unit, "delete", deleted=(0, 1)), "hlc": f"{now + 1:015d}-0000000000-x"}
        if base is not None:
            body["base_hlc"] = base
        return str(push(api, headers, body)[0]["status"])

    assert delete(other, seeded.units[0], None) == "applied"  # an app from before base_hlc
    assert delete(other, seeded.units[1], "not a stamp") == "applied"
    assert delete(officer, seeded.units[2], before) == "applied"  # the newest version is its own
    conflicts = [c for c in pull_all(api, officer) if c["entity"] == "conflict"]
    assert conflicts == []
    assert all(c["deleted"] for c in pull_all(api, officer) if c["entity"] == "unit" and c["id"] in seeded.units)
