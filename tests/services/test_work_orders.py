"""Work orders on one laptop: receive, dispatch by road or by hand, the handler's steps, the
supervisor's, each refused where the workflow or the role does not allow it (nothing stored
changes), every step on the timeline and in the audit log without the reporter's contact."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.domain.errors import (
    InvalidTransition,
    PermissionDenied,
    UserError,
    ValidationFailed,
)
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.work_order_views import badge, order_detail, order_list
from inspector_app.services.work_orders import (
    decide_extension,
    dispatch_by_road,
    dispatch_order,
    receive_order,
    record_visit,
    reply_order,
    request_extension,
    resume_order,
    return_order,
    reveal_contact,
    shelve_order,
    start_order,
    suggest_handler,
    verify_order,
)
from inspector_app.storage.audit import verify_audit_chain
from tests.photo_files import jpeg

PHONE = "13912345678"


def values(session: Session, **over: object) -> dict[str, object]:
    road = session.store.db.execute("SELECT name, grid_code FROM road_segment WHERE squad_id = ? ORDER BY name LIMIT 1",
                                    [session.actor.squad_id]).fetchone()
    out: dict[str, object] = {
        "source": "leader", "platform_no": "LDJB-2026-9001", "category": "0504", "description": "局领导交办：店外经营",
        "address": "泉城路88号", "grid_code": road[1], "reporter_name": "张建国", "reporter_phone": PHONE}
    out.update(over)
    return out


def row(session: Session, order_id: str) -> dict:
    cur = session.store.db.execute("SELECT * FROM work_order WHERE id = ?", [order_id])
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def after_photo(session: Session, tmp_path: Path) -> str:
    return store_photo(session, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(session, "泉城路88号", 36.66, 117.02)).photo_id


def test_the_life_of_an_order_on_one_laptop(demo_session_for, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    boss, officer = demo_session_for("wangfang"), demo_session_for("liqiang")
    received = receive_order(boss, values(boss))
    assert received.created
    order_id = received.order_id
    again = receive_order(boss, values(boss, description="重复"))
    assert not again.created and again.order_id == order_id and not again.changes
    assert row(boss, order_id)["status"] == "received" and row(boss, order_id)["road_segment_id"]

    dispatch_order(boss, order_id, officer.actor.officer_id)
    assert [r["id"] for r in order_list(officer, "mine")[1]].count(order_id) == 1
    assert badge(officer).open >= 1
    start_order(officer, order_id)
    request_extension(officer, order_id, 3, "商户外出，需联系")
    before = row(boss, order_id)["deadline"]
    decide_extension(boss, order_id, True)
    moved = row(boss, order_id)
    assert moved["deadline"] > before and moved["original_deadline"] == before and moved["extension_status"] == "approved"

    with pytest.raises(ValidationFailed):
        reply_order(officer, order_id, "好", [])
    assert row(officer, order_id)["status"] == "handling"
    photo = after_photo(officer, tmp_path)
    reply_order(officer, order_id, "已责令商户将桌椅收回店内，现场已整改。", [photo])
    verify_order(boss, order_id, False, "照片看不清门牌")
    assert row(boss, order_id)["status"] == "handling"
    reply_order(officer, order_id, "已重新拍照，商户桌椅已收回。", [photo])
    verify_order(boss, order_id, True, "核查属实")
    closed = row(boss, order_id)
    assert closed["status"] == "closed" and closed["closed_on_time"] == 1
    record_visit(boss, order_id, "satisfied")
    kinds = [e["kind"] for e in order_detail(boss, order_id)["timeline"]]
    assert kinds == ["received", "dispatch", "start", "extension_request", "extension_approved", "reply",
                     "send_back", "reply", "close", "visit"]
    audit = boss.store.db.execute("SELECT action, details FROM audit_log").fetchall()
    assert {"work_order_dispatch", "work_order_close", "work_order_visit"} <= {a for a, _ in audit}
    assert not any(PHONE in (d or "") or "张建国" in (d or "") for _a, d in audit)
    assert verify_audit_chain(boss.store.db).ok


def test_steps_out_of_order_or_by_the_wrong_person_change_nothing(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    boss, officer, colleague = demo_session_for("wangfang"), demo_session_for("liqiang"), None
    order_id = receive_order(boss, values(boss, platform_no="LDJB-2026-9002")).order_id
    with pytest.raises(InvalidTransition):
        start_order(boss, order_id)  # not dispatched yet
    with pytest.raises(PermissionDenied):
        dispatch_order(officer, order_id, officer.actor.officer_id)  # officers do not dispatch
    others = [o for o in boss.store.db.execute("SELECT id FROM officer WHERE squad_id = ? AND role = 'officer' AND id != ?",
                                               [boss.actor.squad_id, officer.actor.officer_id])]
    colleague = others[0][0]
    dispatch_order(boss, order_id, colleague)
    with pytest.raises(PermissionDenied):
        start_order(officer, order_id)  # dispatched to a colleague
    with pytest.raises(PermissionDenied):
        verify_order(officer, order_id, True)
    stranger = boss.store.db.execute("SELECT id FROM officer WHERE squad_id != ? AND role = 'officer' LIMIT 1",
                                     [boss.actor.squad_id]).fetchone()[0]
    with pytest.raises(UserError):
        dispatch_order(boss, order_id, stranger)
    assert row(boss, order_id)["assignee_id"] == colleague and row(boss, order_id)["status"] == "dispatched"


def test_return_hold_and_resume(demo_session_for, clock) -> None:  # type: ignore[no-untyped-def]
    boss, officer = demo_session_for("wangfang"), demo_session_for("liqiang")
    order_id = receive_order(boss, values(boss, platform_no="LDJB-2026-9003")).order_id
    dispatch_order(boss, order_id, officer.actor.officer_id)
    with pytest.raises(ValidationFailed):
        return_order(officer, order_id, "  ")
    return_order(officer, order_id, "不属于城管职责，应由住建部门处理")
    assert row(boss, order_id)["status"] == "returned" and row(boss, order_id)["assignee_id"] is None
    dispatch_order(boss, order_id, officer.actor.officer_id)
    start_order(officer, order_id)
    with pytest.raises(ValidationFailed):
        shelve_order(officer, order_id, "历史遗留", officer.today())
    shelve_order(officer, order_id, "历史遗留违建，需区里统一部署", officer.today() + timedelta(days=14))
    shelved = row(boss, order_id)
    assert shelved["status"] == "shelved" and shelved["shelve_review_date"] == (date(2026, 11, 20) + timedelta(days=14)).isoformat()
    resume_order(officer, order_id)
    assert row(boss, order_id)["status"] == "handling"


def test_extension_needs_a_supervisor_and_a_reason(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    boss, officer = demo_session_for("wangfang"), demo_session_for("liqiang")
    order_id = receive_order(boss, values(boss, platform_no="LDJB-2026-9004", category="0101")).order_id
    dispatch_order(boss, order_id, officer.actor.officer_id)
    with pytest.raises(ValidationFailed):
        request_extension(officer, order_id, 0, "需要时间")
    with pytest.raises(ValidationFailed):
        request_extension(officer, order_id, 3, "")
    request_extension(officer, order_id, 3, "等待当事人自行拆除")
    with pytest.raises(PermissionDenied):
        decide_extension(officer, order_id, True)
    deadline = row(boss, order_id)["deadline"]
    decide_extension(boss, order_id, False, "违建应按期处置")
    assert row(boss, order_id)["extension_status"] == "refused" and row(boss, order_id)["deadline"] == deadline
    with pytest.raises(InvalidTransition):
        decide_extension(boss, order_id, True)


def test_dispatch_by_road_picks_who_patrols_it(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    boss = demo_session_for("wangfang")
    patrol = boss.store.db.execute("SELECT officer_id, road_segment_ids FROM patrol WHERE squad_id = ? AND "
                                   "road_segment_ids != '[]' ORDER BY patrol_date DESC LIMIT 1",
                                   [boss.actor.squad_id]).fetchone()
    road_id = json.loads(patrol[1])[0]
    grid = boss.store.db.execute("SELECT grid_code FROM road_segment WHERE id = ?", [road_id]).fetchone()[0]
    order_id = receive_order(boss, values(boss, platform_no="LDJB-2026-9005", grid_code=grid)).order_id
    expected = suggest_handler(boss, order_id)
    assert expected is not None
    result = dispatch_by_road(boss, [order_id])
    assert result.dispatched == 1 and row(boss, order_id)["assignee_id"] == expected
    assert row(boss, order_id)["dispatch_method"] == "road"


def test_the_contact_is_masked_except_for_the_handler_and_supervisors(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    boss, officer, clerk = demo_session_for("wangfang"), demo_session_for("liqiang"), demo_session_for("zhaomin")
    order_id = receive_order(boss, values(boss, platform_no="LDJB-2026-9006")).order_id
    assert order_detail(boss, order_id)["reporter_phone"] == "139****5678"  # shown in full on request
    assert order_detail(boss, order_id)["contact_visible"]
    assert reveal_contact(boss, order_id) == ("张建国", PHONE)
    assert order_detail(officer, order_id)["reporter_phone"] == "139****5678"
    assert not order_detail(officer, order_id)["contact_visible"]
    assert order_detail(clerk, order_id)["reporter_name"] == "张**"
    with pytest.raises(PermissionDenied):
        reveal_contact(officer, order_id)
    with pytest.raises(PermissionDenied):
        reveal_contact(clerk, order_id)
    dispatch_order(boss, order_id, officer.actor.officer_id)
    assert order_detail(officer, order_id)["contact_visible"]
    assert reveal_contact(officer, order_id) == ("张建国", PHONE)
    shown = boss.store.db.execute("SELECT count(*) FROM audit_log WHERE action = 'work_order_show_contact'").fetchone()
    assert shown[0] == 2
    assert all(PHONE not in str(r) for r in order_list(officer, "mine")[1])


def test_a_bad_order_typed_in_is_refused_field_by_field(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    boss = demo_session_for("wangfang")
    count = boss.store.db.execute("SELECT count(*) FROM work_order").fetchone()[0]
    with pytest.raises(ValidationFailed) as info:
        receive_order(boss, values(boss, platform_no="a", category="0000", reporter_phone="123", lat=36.6))
    assert {e.field for e in info.value.errors} >= {"platform_no", "category", "reporter_phone"}
    assert boss.store.db.execute("SELECT count(*) FROM work_order").fetchone()[0] == count


def test_exports_and_reports_carry_no_contact_below_the_handler(demo_session_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from inspector_app.services.reports import write_daily_report
    from inspector_app.services.work_order_views import export_orders

    boss, officer = demo_session_for("wangfang"), demo_session_for("liqiang")
    mine = receive_order(boss, values(boss, platform_no="LDJB-2026-9101", reporter_phone="13911110001")).order_id
    theirs = receive_order(boss, values(boss, platform_no="LDJB-2026-9102", reporter_phone="13911110002")).order_id
    colleague = boss.store.db.execute("SELECT id FROM officer WHERE squad_id = ? AND role = 'officer' AND id != ?",
                                      [boss.actor.squad_id, officer.actor.officer_id]).fetchone()[0]
    dispatch_order(boss, mine, officer.actor.officer_id)
    dispatch_order(boss, theirs, colleague)

    def cells(path: Path) -> list[str]:
        sheet = load_workbook(path).active
        return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]

    export_orders(officer, "open", tmp_path / "officer.xlsx")
    seen = cells(tmp_path / "officer.xlsx")
    assert "13911110001" in seen  # the handler's own order
    assert "13911110002" not in seen and "139****0002" in seen  # a colleague's: masked
    export_orders(boss, "open", tmp_path / "boss.xlsx")
    assert {"13911110001", "13911110002"} <= set(cells(tmp_path / "boss.xlsx"))
    files = write_daily_report(boss, boss.today(), tmp_path / "report")
    import subprocess

    text = subprocess.run(["pdftotext", str(files.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "工单办理" in text and "1391111" not in text
    assert not any("1391111" in c for c in cells(files.xlsx))
