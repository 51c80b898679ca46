"""The supervisors' conflict queue: keep the earlier value, the later one, or a merged one;
each decision is audited, goes to the outbox, and is made once."""

from __future__ import annotations

import json

import pytest

from inspector_app.domain.errors import PermissionDenied, UserError
from inspector_app.services.conflicts import (
    EARLIER,
    LATER,
    MERGED,
    open_conflicts,
    resolve_conflict,
)
from inspector_app.services.session import Session
from inspector_app.storage.records import insert_server_rows


def _conflict(session: Session, unit_id: str, field: str, earlier: str, later: str) -> str:
    with session.store.transaction() as db:
        db.execute(f'UPDATE unit SET "{field}" = ? WHERE id = ?', [later, unit_id])  # the later value is in effect
        cid = f"c-{field}"
        insert_server_rows(db, "conflict", [{
            "id": cid, "entity": "unit", "entity_id": unit_id, "field": field, "base_value": json.dumps(""),
            "server_value": json.dumps(earlier), "device_value": json.dumps(later), "op_id": "op-1",
            "officer_id": session.actor.officer_id, "squad_id": session.actor.squad_id,
            "detected_at": "2026-11-20T02:00:00.000Z", "status": "open"}],
            now_iso="2026-11-20T02:00:00.000Z", hlc="000000000000001-0000000000-server")
    return cid


def _unit(session: Session) -> tuple[str, str]:
    return session.store.db.execute("SELECT id, name FROM unit WHERE squad_id = ? LIMIT 1",
                                    [session.actor.squad_id]).fetchone()


def test_merge_keep_later_and_only_once(supervisor_session: Session) -> None:
    unit_id, name = _unit(supervisor_session)
    merged = _conflict(supervisor_session, unit_id, "contact", "李四", "王五")
    later = _conflict(supervisor_session, unit_id, "notes", "门前堆物", "已整改")
    listed = open_conflicts(supervisor_session)
    assert [(c["record_name"], c["field"], c["server_value"], c["device_value"]) for c in listed] == [
        (name, "contact", "李四", "王五"), (name, "notes", "门前堆物", "已整改")]
    resolve_conflict(supervisor_session, merged, MERGED, "李四、王五")
    resolve_conflict(supervisor_session, later, LATER)
    db = supervisor_session.store.db
    assert db.execute("SELECT contact, notes FROM unit WHERE id = ?", [unit_id]).fetchone() == ("李四、王五", "已整改")
    assert open_conflicts(supervisor_session) == []
    ops = db.execute("SELECT entity, changes FROM outbox ORDER BY seq").fetchall()
    assert [e for e, _ in ops] == ["unit", "conflict", "conflict"], "the later value needs no change of the unit"
    assert json.loads(json.loads(ops[1][1])["resolution"][1]) == {"choice": "merged", "value": "李四、王五"}
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'resolve_conflict'").fetchone()[0] == 2
    with pytest.raises(UserError, match="already resolved"):
        resolve_conflict(supervisor_session, merged, EARLIER)


def test_officers_do_not_resolve_conflicts(officer_session: Session) -> None:
    unit_id, _ = _unit(officer_session)
    cid = _conflict(officer_session, unit_id, "phone", "13800000001", "13800000002")
    with pytest.raises(PermissionDenied):
        resolve_conflict(officer_session, cid, EARLIER)
    with pytest.raises(PermissionDenied):
        open_conflicts(officer_session)
