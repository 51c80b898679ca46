import json
from pathlib import Path

import pytest

from inspector_app.domain.errors import NotFound, UserError, ValidationFailed
from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.inspections import (
    discard_inspection_draft,
    failed_duty_context,
    save_inspection_draft,
    start_values,
    submit_inspection,
)
from inspector_app.services.patrols import (
    current_patrol,
    end_patrol,
    patrol_units,
    record_position,
    start_patrol,
)
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.storage.officers import officers, road_segments
from tests.photo_files import jpeg


def _roads(session: Session) -> list[dict]:
    return road_segments(session.store.db, session.actor.squad_id)


def _start(session: Session) -> str:
    roads = [r["id"] for r in _roads(session)[:2]]
    start_patrol(session, roads)
    patrol = current_patrol(session)
    assert patrol is not None
    return patrol["id"]


def test_patrol_from_start_to_summary(officer_session: Session, clock) -> None:  # type: ignore[no-untyped-def]
    patrol_id = _start(officer_session)
    units = patrol_units(officer_session, patrol_id)
    assert units and all(not u["checked"] for u in units)
    start = (units[0]["lat"], units[0]["lon"])
    for n in range(11):  # walk about 500 m east, a fix every 30 s
        clock.advance(seconds=30)
        assert record_position(officer_session, patrol_id, start[0], start[1] + n * 0.0005)
    values = all_compliant_values(officer_session.catalogs)
    values["W2.result"], values["W2.failed"] = "fail", ["W2.1"]
    submit_inspection(officer_session, units[0]["id"], values, patrol_id)
    clock.advance(minutes=10)
    summary = end_patrol(officer_session, patrol_id)
    assert 400 < summary.distance_m < 500
    assert summary.duration_s == 11 * 30 + 600
    assert (summary.inspections, summary.non_compliant) == (1, 1)
    assert summary.units_unchecked == len(units) - 1
    assert current_patrol(officer_session) is None
    with pytest.raises(UserError, match="already ended"):
        end_patrol(officer_session, patrol_id)


def test_nearest_unchecked_units_first(officer_session: Session) -> None:
    patrol_id = _start(officer_session)
    units = patrol_units(officer_session, patrol_id)
    far = units[-1]
    ordered = patrol_units(officer_session, patrol_id, (far["lat"], far["lon"]))
    assert ordered[0]["id"] == far["id"]
    distances = [u["distance_m"] for u in ordered]
    assert distances == sorted(distances)


def test_one_open_patrol_at_a_time(officer_session: Session) -> None:
    _start(officer_session)
    with pytest.raises(UserError, match="already have a patrol open"):
        _start(officer_session)


def test_second_officer_must_be_a_colleague(officer_session: Session) -> None:
    roads = [r["id"] for r in _roads(officer_session)[:1]]
    with pytest.raises(UserError, match="another member"):
        start_patrol(officer_session, roads, officer_session.actor.officer_id)
    colleague = next(o for o in officers(officer_session.store.db, officer_session.actor.squad_id)
                     if o["id"] != officer_session.actor.officer_id)
    start_patrol(officer_session, roads, colleague["id"])
    patrol = current_patrol(officer_session)
    assert patrol and json.loads(patrol["officer_ids"])[1] == colleague["id"]


def test_typed_position_outside_jinan_is_refused_gps_noise_skipped(officer_session: Session) -> None:
    patrol_id = _start(officer_session)
    with pytest.raises(UserError, match="outside Jinan"):
        record_position(officer_session, patrol_id, 39.9, 116.4, source="manual")
    assert record_position(officer_session, patrol_id, 0.0, 0.0, source="gps") is False


def test_inspection_with_photos_updates_unit_and_drops_draft(officer_session: Session, tmp_path: Path) -> None:
    patrol_id = _start(officer_session)
    unit = patrol_units(officer_session, patrol_id)[0]
    photo = store_photo(officer_session, jpeg(tmp_path / "p.jpg", (1200, 900)), stamp_for(officer_session, unit["address"], None, None))
    values = all_compliant_values(officer_session.catalogs)
    values.update({"W4.result": "fail", "W4.failed": ["W4.1", "W4.2"], "W4.photos": [photo.photo_id],
                   "W1.result": "na", "awareness": "yes"})
    save_inspection_draft(officer_session, unit["id"], patrol_id, values)
    changes = submit_inspection(officer_session, unit["id"], values, patrol_id)
    (inspection_id,) = changes.ids("frontage_inspection")
    db = officer_session.store.db
    row = db.execute("SELECT score, compliant, failed_duties, awareness FROM frontage_inspection WHERE id = ?",
                     [inspection_id]).fetchone()
    assert row == (87.5, 0, 1, "yes")  # (60 + 10) / 80
    assert db.execute("SELECT owner_id FROM photo WHERE id = ?", [photo.photo_id]).fetchone()[0] == inspection_id
    scores = [r[0] for r in db.execute(
        "SELECT score FROM frontage_inspection WHERE unit_id = ? AND inspected_at >= '2026-09-30T16:00'",
        [unit["id"]])]
    awareness, stars = db.execute("SELECT awareness, star_rating FROM unit WHERE id = ?", [unit["id"]]).fetchone()
    assert awareness == 1 and 87.5 in scores
    mean = sum(scores) / len(scores)
    assert stars <= next(b.stars for b in officer_session.catalogs.star_rating.bands if mean >= b.min_score)
    assert start_values(officer_session, unit["id"])[1] is None  # draft gone
    context = failed_duty_context(officer_session, inspection_id)
    assert context["party"]["name"] == unit["name"] and context["photo_ids"] == [photo.photo_id]
    assert [d["code"] for d in context["failed_duties"]] == ["W4"]


def test_invalid_inspection_keeps_the_draft_and_stores_nothing(officer_session: Session) -> None:
    patrol_id = _start(officer_session)
    unit = patrol_units(officer_session, patrol_id)[0]
    values = all_compliant_values(officer_session.catalogs)
    values["W3.result"] = "fail"  # no failed item chosen
    save_inspection_draft(officer_session, unit["id"], patrol_id, values)
    count = "SELECT count(*) FROM frontage_inspection"
    before = officer_session.store.db.execute(count).fetchone()[0]
    with pytest.raises(ValidationFailed) as info:
        submit_inspection(officer_session, unit["id"], values, patrol_id)
    assert info.value.errors[0].field == "W3.failed"
    assert officer_session.store.db.execute(count).fetchone()[0] == before
    restored, saved_at = start_values(officer_session, unit["id"])
    assert restored["W3.result"] == "fail" and saved_at
    discard_inspection_draft(officer_session, unit["id"])
    assert start_values(officer_session, unit["id"])[1] is None


def test_all_not_applicable_is_refused(officer_session: Session) -> None:
    unit_id = officer_session.store.db.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
    values = {f"W{i}.result": "na" for i in range(1, 6)} | {"awareness": "not_asked"}
    with pytest.raises(ValidationFailed, match="not applicable"):
        submit_inspection(officer_session, unit_id, values)


def test_clerk_cannot_inspect(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_session_for("zhaomin")
    unit_id = clerk.store.db.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
    from inspector_app.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        submit_inspection(clerk, unit_id, all_compliant_values(clerk.catalogs))


def test_deleted_unit(officer_session: Session) -> None:
    with pytest.raises(NotFound):
        submit_inspection(officer_session, "no-such-unit", all_compliant_values(officer_session.catalogs))
