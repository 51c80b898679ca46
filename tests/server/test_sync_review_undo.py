"""Undo of a review decision against a real server: undone before a sync, the server never
sees the decision and refuses nothing; once synced, it cannot be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sync_workflows import laptop, server, sync  # noqa: F401  (server is a fixture)

from inspector_app.domain.errors import UserError
from inspector_app.forms.inspection import blank_values
from inspector_app.services.inspections import submit_inspection
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.profile import squad_roads
from inspector_app.services.review import review_record
from inspector_app.services.review_undo import undo_last_decision, undoable_decision


def test_an_undone_decision_never_reaches_the_server_and_a_synced_one_cannot_be_undone(
        server, demo_dir: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    supervisor = laptop(demo_dir, tmp_path, "wangfang", server, clock)
    road = squad_roads(officer)[0]
    start_patrol(officer, [road["id"]])
    patrol_id = current_patrol(officer)["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1", [road["id"]]).fetchone()[0]
    inspection_id = submit_inspection(officer, unit_id, blank_values(officer.catalogs), patrol_id).ids("frontage_inspection")[0]
    clock.advance(minutes=30)
    end_patrol(officer, patrol_id)
    sync(officer)
    sync(supervisor)

    review_record(supervisor, "patrol", patrol_id, "approved")
    undo_last_decision(supervisor)
    sync(supervisor)  # nothing refused, nothing pending
    sync(officer)
    statuses = officer.store.db.execute(
        "SELECT p.status, fi.review_status FROM patrol p, frontage_inspection fi WHERE p.id = ? AND fi.id = ?",
        [patrol_id, inspection_id]).fetchone()
    assert statuses == ("submitted", "submitted")
    assert officer.store.db.execute("SELECT count(*) FROM review WHERE entity_id = ?", [patrol_id]).fetchone()[0] == 0

    review_record(supervisor, "patrol", patrol_id, "returned", "轨迹不完整")
    assert undoable_decision(supervisor) is not None
    sync(supervisor)
    assert undoable_decision(supervisor) is None
    with pytest.raises(UserError):
        undo_last_decision(supervisor)
    sync(officer)
    assert officer.store.db.execute("SELECT status FROM patrol WHERE id = ?", [patrol_id]).fetchone()[0] == "returned"
