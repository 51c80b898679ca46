import json

import pytest

from inspector_app.domain.errors import PermissionDenied, ValidationFailed
from inspector_app.services.session import Session
from inspector_app.services.units import create_unit, delete_unit, update_unit
from inspector_app.storage.audit import verify_audit_chain

GOOD = {
    "name": "鑫源便利店",
    "kind": "individual",
    "uscc": "91350100M000100Y43",
    "address": "济南市历下区泉城路12号",
    "phone": "13812345678",
}


def _counts(session: Session) -> tuple[int, int, int]:
    db = session.store.db
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("unit", "outbox", "audit_log"))  # type: ignore[return-value]


def test_create_stores_unit_outbox_and_audit_in_one_go(session: Session) -> None:
    changes = create_unit(session, GOOD)
    (unit_id,) = changes.ids("unit", "create")
    assert _counts(session) == (1, 1, 1)
    op = session.store.db.execute("SELECT op, form_version, changes FROM outbox").fetchone()
    assert op[0] == "create" and op[1] == "unit/1"
    assert json.loads(op[2])["uscc"] == [None, "91350100M000100Y43"]
    audit = session.store.db.execute("SELECT action, entity_id, officer_id FROM audit_log").fetchone()
    assert audit == ("create_unit", unit_id, "admin-1")
    assert verify_audit_chain(session.store.db).ok


def test_invalid_uscc_stores_nothing(session: Session) -> None:
    create_unit(session, GOOD)
    before = _counts(session)
    with pytest.raises(ValidationFailed) as info:
        create_unit(session, {**GOOD, "name": "另一家", "uscc": "91350100M000100Y44"})
    assert info.value.errors[0].field == "uscc"
    assert _counts(session) == before


def test_invalid_id_number_in_an_edit_changes_nothing(session: Session) -> None:
    (unit_id,) = create_unit(session, GOOD).ids("unit")
    before = _counts(session)
    with pytest.raises(ValidationFailed):
        update_unit(session, unit_id, {**GOOD, "id_number": "110105194912310021"})
    assert _counts(session) == before
    assert session.store.db.execute("SELECT id_number FROM unit").fetchone()[0] is None


def test_duplicate_code_points_to_the_existing_unit(session: Session) -> None:
    create_unit(session, GOOD)
    with pytest.raises(ValidationFailed) as info:
        create_unit(session, {**GOOD, "name": "重复录入"})
    assert "鑫源便利店" in info.value.render()


def test_update_sends_only_changed_fields(session: Session) -> None:
    (unit_id,) = create_unit(session, GOOD).ids("unit")
    update_unit(session, unit_id, {**GOOD, "phone": "0531-86001234"})
    changes = json.loads(session.store.db.execute("SELECT changes FROM outbox WHERE op='patch'").fetchone()[0])
    assert changes == {"phone": ["13812345678", "0531-86001234"]}


def test_clerk_may_not_edit_units(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_session_for("zhaomin")
    before = _counts(clerk)
    with pytest.raises(PermissionDenied):
        create_unit(clerk, {**GOOD, "uscc": "91440300708461136T"})
    assert _counts(clerk) == before


def test_delete_is_audited(session: Session) -> None:
    (unit_id,) = create_unit(session, GOOD).ids("unit")
    delete_unit(session, unit_id)
    assert session.store.db.execute("SELECT deleted FROM unit").fetchone()[0] == 1
    assert session.store.db.execute("SELECT action FROM audit_log ORDER BY seq DESC").fetchone()[0] == "delete_unit"


def test_officer_road_choices_are_their_squads(officer_session: Session) -> None:
    from inspector_app.services.units import unit_form_context

    ctx = unit_form_context(officer_session)
    roads = ctx.choices["road_segments"]
    assert roads and all("泉城路" in c.label or c.label for c in roads)
    squad_roads = officer_session.store.db.execute(
        "SELECT count(*) FROM road_segment WHERE squad_id = ?", [officer_session.actor.squad_id]
    ).fetchone()[0]
    assert len(roads) == squad_roads


def test_road_choices_follow_changes_to_the_roads(officer_session: Session) -> None:
    from inspector_app.services.units import unit_form_context

    db = officer_session.store.db
    first = unit_form_context(officer_session).choices["road_segments"]
    assert unit_form_context(officer_session).choices["road_segments"] is first  # cached
    road_id = first[0].value
    with officer_session.store.transaction() as tx:
        tx.execute("UPDATE road_segment SET name = name || '（东段）' WHERE id = ?", [road_id])
    renamed = {c.value: c.label for c in unit_form_context(officer_session).choices["road_segments"]}
    assert renamed[road_id].endswith("（东段）")
    assert db.execute("SELECT count(*) FROM road_segment WHERE deleted = 0").fetchone()[0] >= len(renamed)
