from datetime import date

import pytest

from inspector_app.domain.errors import InvalidTransition, PermissionDenied, ValidationFailed
from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.inspections import inspection_values, submit_inspection
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.profile import squad_roads
from inspector_app.services.review import resubmit_patrol, returned_items, review_day, review_record
from inspector_app.services.session import Session


def _patrol_with_inspection(officer: Session, clock) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    roads = squad_roads(officer)[:2]
    start_patrol(officer, [r["id"] for r in roads])
    patrol_id = current_patrol(officer)["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1", [roads[0]["id"]]).fetchone()[0]
    changes = submit_inspection(officer, unit_id, all_compliant_values(officer.catalogs), patrol_id)
    clock.advance(minutes=30)
    end_patrol(officer, patrol_id)
    return patrol_id, changes.ids("frontage_inspection")[0]


def test_day_review_per_officer_with_coverage(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id, _ = _patrol_with_inspection(officer_session, clock)
    supervisor = demo_session_for("wangfang")
    day = review_day(supervisor, date(2026, 11, 20))
    me = next(o for o in day.officers if o.name == "李强")
    (patrol,) = [p for p in me.patrols if p["id"] == patrol_id]
    assert patrol["status"] == "submitted" and patrol["assigned"] == 2
    assert patrol["visited"] == 1  # no track: only the road with an inspected unit counts
    assert len(me.inspections) == 1 and me.coverage == 0.5
    history = review_day(supervisor, date(2026, 11, 18))
    assert sum(len(o.patrols) for o in history.officers) >= 5
    walked = [p for o in history.officers for p in o.patrols]
    assert all(p["visited"] == p["assigned"] for p in walked)  # demo tracks follow their roads


def test_approve_return_resubmit(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id, inspection_id = _patrol_with_inspection(officer_session, clock)
    supervisor = demo_session_for("wangfang")
    with pytest.raises(ValidationFailed, match="correct"):
        review_record(supervisor, "patrol", patrol_id, "returned", "  ")
    review_record(supervisor, "patrol", patrol_id, "returned", "轨迹不完整")
    review_record(supervisor, "frontage_inspection", inspection_id, "returned", "照片缺失")
    officer = demo_session_for("liqiang")
    items = returned_items(officer)
    assert {(i["entity"], i["comment"]) for i in items} >= {("patrol", "轨迹不完整"), ("frontage_inspection", "照片缺失")}
    resubmit_patrol(officer, patrol_id, "已补充说明")
    values = inspection_values(officer, inspection_id)
    values["note"] = "补拍照片"
    unit_id = officer.store.db.execute("SELECT unit_id FROM frontage_inspection WHERE id=?", [inspection_id]).fetchone()[0]
    new_id = submit_inspection(officer, unit_id, values, patrol_id, revision_of=inspection_id).ids("frontage_inspection")[0]
    db = officer.store.db
    assert db.execute("SELECT superseded FROM frontage_inspection WHERE id=?", [inspection_id]).fetchone()[0] == 1
    assert db.execute("SELECT review_status, revision_of FROM frontage_inspection WHERE id=?", [new_id]).fetchone() == ("resubmitted", inspection_id)
    review_record(supervisor, "frontage_inspection", new_id, "approved")
    review_record(supervisor, "patrol", patrol_id, "approved")
    assert returned_items(officer) == [r for r in returned_items(officer) if r["id"] not in (patrol_id, inspection_id)]
    with pytest.raises(InvalidTransition):
        review_record(supervisor, "patrol", patrol_id, "returned", "again")
    decisions = [r[0] for r in db.execute("SELECT decision FROM review WHERE entity_id = ? ORDER BY reviewed_at, rowid", [patrol_id])]
    assert decisions == ["returned", "resubmitted", "approved"]


def test_officer_cannot_review_and_other_squads_are_hidden(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id, _ = _patrol_with_inspection(officer_session, clock)
    with pytest.raises(PermissionDenied):
        review_day(officer_session, date(2026, 11, 20))
    with pytest.raises(PermissionDenied):
        review_record(officer_session, "patrol", patrol_id, "approved")
    supervisor = demo_session_for("wangfang")
    other = supervisor.store.db.execute("SELECT id FROM squad WHERE id != ? LIMIT 1", [supervisor.actor.squad_id]).fetchone()[0]
    with pytest.raises(PermissionDenied, match="own squad"):
        review_day(supervisor, date(2026, 11, 20), other)


def test_only_returned_inspections_can_be_revised(officer_session: Session, clock) -> None:  # type: ignore[no-untyped-def]
    _, inspection_id = _patrol_with_inspection(officer_session, clock)
    unit_id = officer_session.store.db.execute("SELECT unit_id FROM frontage_inspection WHERE id=?", [inspection_id]).fetchone()[0]
    from inspector_app.domain.errors import UserError

    with pytest.raises(UserError, match="Only an inspection the supervisor returned"):
        submit_inspection(officer_session, unit_id, all_compliant_values(officer_session.catalogs), revision_of=inspection_id)


def test_approving_a_patrol_approves_its_waiting_records(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id, inspection_id = _patrol_with_inspection(officer_session, clock)
    review_record(demo_session_for("wangfang"), "patrol", patrol_id, "approved")
    status = officer_session.store.db.execute(
        "SELECT review_status FROM frontage_inspection WHERE id = ?", [inspection_id]).fetchone()[0]
    assert status == "approved"


def test_undo_the_last_decision_until_it_syncs(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.errors import UserError
    from inspector_app.services.review_undo import undo_last_decision, undoable_decision

    patrol_id, inspection_id = _patrol_with_inspection(officer_session, clock)
    supervisor = demo_session_for("wangfang")
    db = supervisor.store.db
    pending_before = db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
    review_record(supervisor, "patrol", patrol_id, "approved")
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [inspection_id]).fetchone()[0] == "approved"
    last = undoable_decision(supervisor)
    assert last is not None and (last.entity, last.entity_id, last.decision) == ("patrol", patrol_id, "approved")
    assert len(last.ops) == 3  # the patrol, its review record, the inspection it approved
    changes = undo_last_decision(supervisor)
    assert changes.touches("patrol") and changes.touches("frontage_inspection")
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "submitted"
    assert db.execute("SELECT review_status FROM frontage_inspection WHERE id = ?", [inspection_id]).fetchone()[0] == "submitted"
    assert db.execute("SELECT count(*) FROM review WHERE entity_id = ?", [patrol_id]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0] == pending_before
    audit = db.execute("SELECT action, entity_id FROM audit_log ORDER BY seq DESC LIMIT 2").fetchall()
    assert audit == [("undo_review", patrol_id), ("review_patrol", patrol_id)]
    assert undoable_decision(supervisor) is None  # nothing earlier by this reviewer
    with pytest.raises(UserError):
        undo_last_decision(supervisor)
    # Decided again and pushed (the server acked its ops): no undo, nothing changed.
    review_record(supervisor, "patrol", patrol_id, "returned", "轨迹不完整")
    ops = undoable_decision(supervisor).ops  # type: ignore[union-attr]
    db.execute(f"UPDATE outbox SET status = 'acked' WHERE op_id = '{ops[0]['op_id']}'")
    assert undoable_decision(supervisor) is None
    with pytest.raises(UserError):
        undo_last_decision(supervisor)
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "returned"


def test_undo_is_refused_when_the_record_changed_since(officer_session: Session, demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.errors import UserError
    from inspector_app.services.review_undo import undo_last_decision

    patrol_id, _ = _patrol_with_inspection(officer_session, clock)
    supervisor = demo_session_for("wangfang")
    review_record(supervisor, "patrol", patrol_id, "returned", "轨迹不完整")
    resubmit_patrol(officer_session, patrol_id, "已补充")  # the same profile in this test
    with pytest.raises(UserError):
        undo_last_decision(supervisor)
    db = supervisor.store.db
    assert db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "resubmitted"
