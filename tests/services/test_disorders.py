from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inspector_app.domain.errors import InvalidTransition, ValidationFailed
from inspector_app.services.disorders import (
    CheckFilter,
    check_detail,
    clock_is_suspect,
    disorder_counts,
    dispose_check,
    export_checks,
    handover,
    list_disorders,
    recheck,
    rechecks_due,
    record_check,
    verify_check,
)
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from tests.photo_files import jpeg

PLACE = {"lat": 36.66610, "lon": 117.01820, "address": "泉城路12号门前"}


def _photo(session: Session, tmp_path: Path, name: str = "p.jpg") -> str:
    return store_photo(session, jpeg(tmp_path / name, (900, 700)), stamp_for(session, "泉城路", 36.6661, 117.0182)).photo_id


def _record(session: Session, tmp_path: Path, **extra) -> str:  # type: ignore[no-untyped-def]
    values = {"category": "L1", "event_code": "0504", **PLACE, "description": "店外摆放货架",
              "photos": [_photo(session, tmp_path)], **extra}
    return record_check(session, values).check_id


def test_record_with_timeline(officer_session: Session, tmp_path: Path) -> None:
    check_id = _record(officer_session, tmp_path)
    row, events = check_detail(officer_session, check_id)
    assert row["status"] == "found" and row["found_hlc"] and not row["clock_suspect"]
    assert [e["kind"] for e in events] == ["found"]


def test_no_photo_where_the_category_requires_one(officer_session: Session) -> None:
    with pytest.raises(ValidationFailed) as info:
        record_check(officer_session, {"category": "L1", "event_code": "0504", **PLACE})
    assert info.value.errors[0].field == "photos" and "乱摆摊点" in info.value.render()
    record_check(officer_session, {"category": "L6", "event_code": "0102", **PLACE})  # littering: photo optional


def test_place_outside_jinan_and_wrong_event_code(officer_session: Session, tmp_path: Path) -> None:
    before = officer_session.store.db.execute("SELECT count(*) FROM disorder_check").fetchone()[0]
    with pytest.raises(ValidationFailed, match="outside Jinan"):
        record_check(officer_session, {"category": "L6", "event_code": "0102", "lat": 31.23, "lon": 121.47})
    with pytest.raises(ValidationFailed, match="does not belong"):
        record_check(officer_session, {"category": "L6", "event_code": "0504", **PLACE})
    assert officer_session.store.db.execute("SELECT count(*) FROM disorder_check").fetchone()[0] == before


def test_repeat_place_within_50_m_and_30_days(officer_session: Session, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    first = _record(officer_session, tmp_path)
    clock.advance(days=3)
    near = record_check(officer_session, {"category": "L1", "event_code": "0501", "lat": 36.66640, "lon": 117.01830,
                                          "photos": [_photo(officer_session, tmp_path, "b.jpg")]})
    assert near.repeat_of == first  # about 34 m away
    other = record_check(officer_session, {"category": "L6", "event_code": "0102", **PLACE})
    assert other.repeat_of is None  # another category
    far = record_check(officer_session, {"category": "L6", "event_code": "0102", "lat": 36.6670, "lon": 117.0182})
    assert far.repeat_of is None or far.repeat_of == other.check_id
    clock.advance(days=31)
    late = record_check(officer_session, {"category": "L1", "event_code": "0504", **PLACE,
                                          "photos": [_photo(officer_session, tmp_path, "c.jpg")]})
    assert late.repeat_of is None
    _, rows = list_disorders(officer_session, CheckFilter(repeat_only=True))
    assert near.check_id in {r["id"] for r in rows}


def test_device_clock_far_off_is_flagged_and_the_record_kept(officer_session: Session, clock) -> None:  # type: ignore[no-untyped-def]
    officer_session.hlc.tick()
    clock.set(datetime(2019, 3, 1, tzinfo=UTC))
    assert clock_is_suspect(officer_session)
    recorded = record_check(officer_session, {"category": "L6", "event_code": "0102", **PLACE})
    assert recorded.clock_suspect
    row, _ = check_detail(officer_session, recorded.check_id)
    assert row["found_at"].startswith("2019-03-01") and row["found_hlc"] > "001700000000000"


def test_deadline_then_recheck_then_verify(officer_session: Session, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    check_id = _record(officer_session, tmp_path)
    with pytest.raises(ValidationFailed, match="already past"):
        dispose_check(officer_session, check_id, "deadline", deadline=date(2026, 11, 1))
    dispose_check(officer_session, check_id, "deadline", deadline=date(2026, 11, 20))
    due = rechecks_due(officer_session)
    assert check_id in [r["id"] for r in due["today"]]
    clock.advance(days=2)
    assert check_id in [r["id"] for r in rechecks_due(officer_session)["overdue"]]
    with pytest.raises(ValidationFailed, match="after"):
        recheck(officer_session, check_id, rectified=True)
    recheck(officer_session, check_id, rectified=True, after_photo_ids=[_photo(officer_session, tmp_path, "after.jpg")])
    verify_check(officer_session, check_id, "复核无误")
    row, events = check_detail(officer_session, check_id)
    assert row["status"] == "verified"
    assert [e["kind"] for e in events] == ["found", "deadline", "recheck", "verified"]


def test_not_rectified_becomes_a_case(officer_session: Session, tmp_path: Path) -> None:
    check_id = _record(officer_session, tmp_path)
    dispose_check(officer_session, check_id, "deadline", deadline=date(2026, 11, 22))
    recheck(officer_session, check_id, rectified=False)
    row, events = check_detail(officer_session, check_id)
    assert row["status"] == "filed" and events[-1]["note"] == "逾期未整改"


def test_every_disposal_and_refused_moves(officer_session: Session, tmp_path: Path) -> None:
    onsite = _record(officer_session, tmp_path)
    dispose_check(officer_session, onsite, "onsite", after_photo_ids=[_photo(officer_session, tmp_path, "a.jpg")])
    assert check_detail(officer_session, onsite)[0]["status"] == "rectified"
    filed = _record(officer_session, tmp_path)
    with pytest.raises(ValidationFailed, match="reason"):
        dispose_check(officer_session, filed, "file")
    dispose_check(officer_session, filed, "file", note="拒不改正")
    moved = _record(officer_session, tmp_path)
    dispose_check(officer_session, moved, "transfer", department="历下区交警大队")
    row = check_detail(officer_session, moved)[0]
    assert row["status"] == "transferred" and row["transfer_department"] == "历下区交警大队" and row["transferred_by"] == "李强"
    with pytest.raises(InvalidTransition):
        dispose_check(officer_session, moved, "onsite", after_photo_ids=["x"])
    with pytest.raises(InvalidTransition):
        recheck(officer_session, onsite, rectified=True, after_photo_ids=["x"])
    fresh = _record(officer_session, tmp_path)
    with pytest.raises(InvalidTransition):
        verify_check(officer_session, fresh)
    counts = disorder_counts(officer_session, CheckFilter())
    assert counts["method_721"]["service"] >= 1 and counts["method_721"]["enforcement"] >= 1


def test_handover_and_export(officer_session: Session, tmp_path: Path) -> None:
    check_id = _record(officer_session, tmp_path, party_name="张三", party_phone="13812345678")
    data = handover(officer_session, check_id)
    assert data["party"]["name"] == "张三" and data["first_offence_codes"] == ["FO01", "FO02", "FO13"]
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    n = export_checks(officer_session, CheckFilter(category="L1"), path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert len(rows) == n + 1 and rows[1][1].startswith("乱摆摊点")


def test_a_check_started_from_a_failed_w1_duty_carries_category_road_and_the_note(officer_session: Session, tmp_path: Path) -> None:
    from inspector_app.forms.inspection import FAIL, all_compliant_values
    from inspector_app.services.disorders import values_from_inspection
    from inspector_app.services.inspections import failed_duty_context, submit_inspection
    from inspector_app.services.photos import stamp_for, store_photo
    from tests.photo_files import jpeg

    unit_id, road_id = officer_session.store.db.execute(
        "SELECT id, road_segment_id FROM unit WHERE road_segment_id IS NOT NULL AND deleted = 0 LIMIT 1").fetchone()
    photo = store_photo(officer_session, jpeg(tmp_path / "w1.jpg", (800, 600)), stamp_for(officer_session, "", None, None))
    values = all_compliant_values(officer_session.catalogs)
    values.update({"W1.result": FAIL, "W1.failed": ["W1.3"], "W1.note": "门前堆放垃圾袋三袋，未按时投放",
                   "W1.photos": [photo.photo_id]})
    inspection_id = submit_inspection(officer_session, unit_id, values).ids("frontage_inspection")[0]
    prefilled = values_from_inspection(officer_session, failed_duty_context(officer_session, inspection_id))
    assert prefilled["category"] == "L3"  # 门前不堆放垃圾袋 → 乱堆乱放, as the catalog says (not the first, 乱摆摊点)
    assert prefilled["road_segment_id"] == road_id
    assert "门前堆放垃圾袋三袋，未按时投放" in prefilled["description"] and "W1 不合格" not in prefilled["description"]
    assert prefilled["description"].startswith("包环境卫生不合格")
    assert prefilled["photos"] == [photo.photo_id]
    # Without a failed item naming one, the duty's own category; without a note, the items' texts.
    del values["W1.note"]
    values["W1.failed"] = ["W1.4"]
    inspection_id = submit_inspection(officer_session, unit_id, values).ids("frontage_inspection")[0]
    prefilled = values_from_inspection(officer_session, failed_duty_context(officer_session, inspection_id))
    assert prefilled["category"] == "L6" and "雨雪后及时清扫积雪" in prefilled["description"]


def test_the_catalog_names_only_known_categories_for_failed_duties(officer_session: Session) -> None:
    catalogs = officer_session.catalogs
    assert catalogs.disorder_of_failure("W4", ["W4.4"]) == "L7"
    assert catalogs.disorder_of_failure("W3", ["W3.1"]) is None  # a broken facility is no 八乱: the officer picks
    known = {d.code for d in catalogs.disorders}
    assert all(i.disorder in known | {""} for r in catalogs.responsibilities for i in r.check_items)
