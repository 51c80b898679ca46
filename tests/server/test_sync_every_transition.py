"""Issue 15, case 1: every workflow move the app makes (八乱 disposals of every kind, re-checks,
verification, patrol and inspection review, document voiding) is pushed to a real server and
none is refused. The moves are read from the laptops' outboxes, so the test also proves it
walked every transition domain.workflows lists."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sync_helpers import LiveServer
from test_sync_workflows import laptop, png, server, sync

from inspector_app.domain.workflows import WORKFLOWS
from inspector_app.forms.inspection import blank_values
from inspector_app.services.disorders import dispose_check, recheck, record_check, verify_check
from inspector_app.services.inspections import inspection_values, submit_inspection
from inspector_app.services.notice_documents import Signing, issue_document, void_document
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.profile import squad_roads
from inspector_app.services.review import resubmit_patrol, review_record
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from inspector_app.storage.officers import officers
from tests.photo_files import jpeg

__all__ = ["server"]  # the fixture, imported

# Moves a state machine allows that no service makes: a returned inspection is corrected as a
# new revision (created 'resubmitted'), never patched; a check being handled is not transferred.
NOT_MADE_BY_THE_APP = {
    ("frontage_inspection", "review_status", "returned", "resubmitted"),
    ("disorder_check", "status", "handling", "transferred"),
    ("patrol", "status", "ended", "approved"), ("patrol", "status", "ended", "returned"),
}
CHECKED = {"disorder_check", "patrol", "frontage_inspection", "document"}


class Walk:
    """Syncs laptops and notes the workflow moves each push carried."""

    def __init__(self) -> None:
        self.made: set[tuple[str, str, str, str]] = set()

    def sync(self, session: Session) -> None:
        for entity, changes in session.store.db.execute(
                "SELECT entity, changes FROM outbox WHERE status = 'pending' AND op = 'patch'").fetchall():
            for name, (old, new) in json.loads(changes).items():
                if (entity, name) in WORKFLOWS and old != new:
                    self.made.add((entity, name, old, new))
        sync(session)  # asserts nothing was refused


def _photo(session: Session, tmp_path: Path, name: str) -> str:
    return store_photo(session, jpeg(tmp_path / f"{name}.jpg", (640, 480)),
                       stamp_for(session, "泉城路", 36.6661, 117.0182)).photo_id


def _patrol(officer: Session, tmp_path: Path, clock, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    roads = squad_roads(officer)[:1]
    start_patrol(officer, [r["id"] for r in roads])
    patrol = current_patrol(officer)
    assert patrol is not None
    patrol_id = patrol["id"]
    unit_id = officer.store.db.execute("SELECT id FROM unit WHERE road_segment_id = ? LIMIT 1",
                                       [roads[0]["id"]]).fetchone()[0]
    values = blank_values(officer.catalogs)
    values["photos"] = [_photo(officer, tmp_path, name)]
    inspection_id = submit_inspection(officer, unit_id, values, patrol_id).ids("frontage_inspection")[0]
    clock.advance(minutes=20)
    end_patrol(officer, patrol_id)
    return patrol_id, inspection_id


def _revise(officer: Session, inspection_id: str, patrol_id: str) -> str:
    revised = inspection_values(officer, inspection_id)
    revised["note"] = "补拍照片"
    unit_id = officer.store.db.execute("SELECT unit_id FROM frontage_inspection WHERE id = ?",
                                       [inspection_id]).fetchone()[0]
    return submit_inspection(officer, unit_id, revised, patrol_id,
                             revision_of=inspection_id).ids("frontage_inspection")[0]


def _checks(officer: Session, tmp_path: Path) -> dict[str, str]:
    ids = {}
    for n, kind in enumerate(("onsite", "file", "transfer", "deadline", "notice")):
        ids[kind] = record_check(officer, {
            "category": "L1", "event_code": "0504", "lat": 36.6661 + n / 1000, "lon": 117.0182,
            "address": f"泉城路{n + 10}号门前", "description": "店外摆放货架",
            "photos": [_photo(officer, tmp_path, f"check-{kind}")]}).check_id
    dispose_check(officer, ids["onsite"], "onsite", after_photo_ids=[_photo(officer, tmp_path, "after-onsite")])
    dispose_check(officer, ids["file"], "file", note="拒不整改")
    dispose_check(officer, ids["transfer"], "transfer", department="市场监管局")
    dispose_check(officer, ids["deadline"], "deadline", deadline=date(2026, 11, 25))
    dispose_check(officer, ids["notice"], "notice", note="首违告知")
    return ids


def test_every_transition_the_app_makes_is_accepted(  # type: ignore[no-untyped-def]
        server: LiveServer, demo_dir: Path, tmp_path: Path, clock) -> None:
    walk = Walk()
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    supervisor = laptop(demo_dir, tmp_path, "wangfang", server, clock)
    clerk = laptop(demo_dir, tmp_path, "zhaomin", server, clock)

    checks = _checks(officer, tmp_path)
    first_patrol, first_inspection = _patrol(officer, tmp_path, clock, "first")
    walk.sync(officer)
    recheck(officer, checks["deadline"], False, "逾期未整改")
    recheck(officer, checks["notice"], True, after_photo_ids=[_photo(officer, tmp_path, "after-notice")])
    for kind in ("onsite", "file", "transfer"):
        verify_check(officer, checks[kind])
    walk.sync(officer)

    # Review: returned, resubmitted, returned again, resubmitted, approved.
    walk.sync(supervisor)
    review_record(supervisor, "patrol", first_patrol, "returned", "轨迹不完整")
    review_record(supervisor, "frontage_inspection", first_inspection, "returned", "照片不清楚")
    walk.sync(supervisor)
    walk.sync(officer)
    resubmit_patrol(officer, first_patrol, "已补充说明")
    revision = _revise(officer, first_inspection, first_patrol)
    walk.sync(officer)
    walk.sync(supervisor)
    review_record(supervisor, "frontage_inspection", revision, "returned", "仍不清楚")
    review_record(supervisor, "patrol", first_patrol, "returned", "再补充")
    walk.sync(supervisor)
    walk.sync(officer)
    resubmit_patrol(officer, first_patrol, "已补充")
    _revise(officer, revision, first_patrol)  # approved with the patrol
    walk.sync(officer)
    walk.sync(supervisor)
    review_record(supervisor, "patrol", first_patrol, "approved")

    # A second patrol approved at once, its inspection with it.
    walk.sync(supervisor)
    second_patrol, second_inspection = _patrol(officer, tmp_path, clock, "second")
    walk.sync(officer)
    walk.sync(supervisor)
    review_record(supervisor, "frontage_inspection", second_inspection, "approved")
    review_record(supervisor, "patrol", second_patrol, "approved")
    walk.sync(supervisor)

    # Documents: issued on the officer's laptop, one voided by the clerk.
    colleague = next(o["id"] for o in officers(officer.store.db, officer.actor.squad_id)
                     if o["id"] != officer.actor.officer_id)
    violation_id = record_violation(officer, {
        "party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
        "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号", "item_code": "FO01",
        "facts": "在泉城路12号门前摆放货架。", "place": "泉城路12号门前", "officer2_id": colleague}, set()).ids("violation")[0]
    signed = png()
    issued = issue_document(officer, violation_id, "rectify_order",
                            Signing(party_png=signed, officer1_png=signed, officer2_png=signed))
    walk.sync(officer)
    walk.sync(clerk)
    void_document(clerk, issued.document_ids[0], "打印错误")
    walk.sync(clerk)
    for s in (officer, supervisor, clerk):
        walk.sync(s)

    wanted = {(w.entity, w.field, a, b) for w in WORKFLOWS.values() if w.entity in CHECKED
              for a, b in w.transitions()} - NOT_MADE_BY_THE_APP
    assert wanted - walk.made == set(), "transitions the walk did not make"
    print(f"\n{len(walk.made)} workflow transitions pushed, none refused")
    statuses = {kind: officer.store.db.execute("SELECT status FROM disorder_check WHERE id = ?", [cid]).fetchone()[0]
                for kind, cid in checks.items()}
    assert statuses == {"onsite": "verified", "file": "verified", "transfer": "verified",
                        "deadline": "filed", "notice": "rectified"}
    for s in (supervisor, clerk):
        assert [s.store.db.execute("SELECT status FROM disorder_check WHERE id = ?", [checks[k]]).fetchone()[0]
                for k in checks] == list(statuses.values())
