"""八乱 checks: recording (with repeat-place detection), 721 disposal, re-checks, verification,
the list, counts, export; and the hand-over data other flows start from."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import ServerCorrectedClock, local_text, utc_iso
from inspector_app.domain.disorders import (
    DISPOSALS,
    FILED,
    HANDLING,
    METHOD_721,
    RECTIFIED,
    REPEAT_DAYS,
    REPEAT_RADIUS_M,
    TRANSFERRED,
    VERIFIED,
    cell,
    check_move,
    neighbour_cells,
)
from inspector_app.domain.errors import FieldError, NotFound, ValidationFailed
from inspector_app.domain.geo import LatLon, distance_m
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.domain.workflows import DISORDER_STATUS
from inspector_app.forms.disorder import disorder_form
from inspector_app.forms.engine import Choice, Form, FormContext, validate
from inspector_app.services.document_fonts import printable
from inspector_app.services.session import LOCAL_TZ, Operation, Session
from inspector_app.services.type_ahead import pinyin_sorted, typeahead_text
from inspector_app.storage import disorders as store
from inspector_app.storage.officers import road_segments
from inspector_app.storage.photos import attach_photos

CheckFilter = store.CheckFilter


@dataclass(frozen=True)
class Recorded:
    """A stored check and what the officer should be told about it."""

    changes: Changes
    check_id: str
    repeat_of: str | None
    clock_suspect: bool


def form_for(session: Session) -> Form:
    """The check form for the catalogs in use."""
    return disorder_form(session.catalogs)


def form_context(session: Session) -> FormContext:
    """Today's date and the squad's road segments."""
    db = session.store.db
    roads = road_segments(db, session.actor.squad_id) or road_segments(db)
    choices = tuple(Choice(r["id"], r["name"], typeahead_text(r["name"])) for r in pinyin_sorted(roads))
    return FormContext(session.today(), {"road_segments": choices},
                       covers=printable)  # the responsible party may get a notice


def clock_is_suspect(session: Session) -> bool:
    """Whether the device clock is clearly wrong: off by ten minutes or more from the sync
    server's at the last sync; without a measurement, a month or more before the catalogs in use
    were made, or more than a day behind a time this profile has already seen (the HLC)."""
    clock = session.clock
    if isinstance(clock, ServerCorrectedClock) and clock.is_wrong is not None:
        return clock.is_wrong  # measured against the server at this run's last sync
    now = session.now()
    catalogs_made = datetime.fromisoformat(session.catalogs.version[:10]).replace(tzinfo=LOCAL_TZ) - timedelta(days=30)
    seen = datetime.fromtimestamp(session.hlc.last.wall_ms / 1000, tz=LOCAL_TZ) if session.hlc.last.wall_ms else now
    return now < catalogs_made or now < seen - timedelta(days=1)


def find_repeat(session: Session, category: str, lat: float, lon: float, exclude_id: str | None = None) -> dict[str, Any] | None:
    """The latest check of the same category within 50 m in the last 30 days, if any."""
    since = utc_iso(session.now() - timedelta(days=REPEAT_DAYS))
    here = LatLon(lat, lon)
    for row in store.nearby_same_category(session.store.db, category, neighbour_cells(lat, lon), since, exclude_id):
        if distance_m(here, LatLon(row["lat"], row["lon"])) <= REPEAT_RADIUS_M:
            return row
    return None


def _event(op: Operation, session: Session, check_id: str, kind: str, status_from: str, status_to: str,
           note: str = "", photo_ids: list[str] | tuple[str, ...] = ()) -> None:
    op.recorder.create("disorder_event", {
        "check_id": check_id, "at": utc_iso(op.now), "kind": kind, "status_from": status_from,
        "status_to": status_to, "note": note, "officer_id": session.actor.officer_id, "photo_ids": list(photo_ids),
    })


def record_check(
    session: Session, values: dict[str, Any], patrol_id: str | None = None,
    source_inspection_id: str | None = None, within: Callable[[Operation, str], None] | None = None,
) -> Recorded:
    """Validate and store a new check (status 发现), flagging a repeat place and a device clock
    that is clearly wrong (the record keeps both the device time and the HLC stamp).
    ``within(op, check_id)`` runs in the same transaction once the check is stored (the record
    it was found for links itself to it)."""
    session.require(Permission.INSPECT)
    form = form_for(session)
    clean = validate(form, values, form_context(session))
    repeat = find_repeat(session, clean["category"], clean["lat"], clean["lon"])
    suspect = clock_is_suspect(session)
    squad_id = session.actor.squad_id
    grid = ""
    if clean.get("road_segment_id"):
        road = session.store.db.execute("SELECT squad_id, grid_code FROM road_segment WHERE id = ?",
                                        [clean["road_segment_id"]]).fetchone()
        if road:
            squad_id, grid = road[0] or squad_id, road[1]
    cx, cy = cell(clean["lat"], clean["lon"])
    photos = list(clean.get("photos") or [])
    with session.operation("record_disorder_check", Permission.INSPECT) as op:
        hlc = session.hlc.tick().encode()
        check_id = op.recorder.create("disorder_check", {
            "category": clean["category"], "event_code": clean["event_code"], "lat": clean["lat"],
            "lon": clean["lon"], "cell_x": cx, "cell_y": cy, "address": clean.get("address") or "",
            "road_segment_id": clean.get("road_segment_id"), "grid_code": grid, "squad_id": squad_id,
            "unit_id": clean.get("unit_id") or None, "party_name": clean.get("party_name") or "",
            "party_id_number": clean.get("party_id_number") or "", "party_phone": clean.get("party_phone") or "",
            "description": clean.get("description") or "", "photo_ids": photos, "found_at": utc_iso(op.now),
            "found_hlc": hlc, "clock_suspect": suspect, "found_by": session.actor.officer_id,
            "patrol_id": patrol_id, "source_inspection_id": source_inspection_id,
            "repeat_of": repeat["id"] if repeat else None, "status": "found",
        }, form_version=f"{form.name}/{form.version}")
        attach_photos(op.recorder, photos, "disorder_check", check_id)
        _event(op, session, check_id, "found", "", "found", clean.get("description") or "", photos)
        if within is not None:
            within(op, check_id)
        op.entity, op.entity_id = "disorder_check", check_id
        op.details.update(category=clean["category"], repeat=bool(repeat), clock_suspect=suspect)
    return Recorded(op.changes, check_id, repeat["id"] if repeat else None, suspect)


def _check(session: Session, check_id: str) -> dict[str, Any]:
    row = store.get_check(session.store.db, check_id)
    if row is None or row["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That check no longer exists."))
    return row


def _require(problems: list[FieldError]) -> None:
    if problems:
        raise ValidationFailed(problems)


def dispose_check(
    session: Session, check_id: str, disposal: str, *, deadline: date | None = None, note: str = "",
    after_photo_ids: list[str] | tuple[str, ...] = (), department: str = "", transferred_by: str = "",
) -> Changes:
    """Handle a found check by one of the 721 disposals (domain.disorders.DISPOSALS)."""
    session.require(Permission.INSPECT)
    if disposal not in DISPOSALS:
        raise ValueError(disposal)
    row = _check(session, check_id)
    check_move(row["status"], HANDLING)
    problems: list[FieldError] = []
    if disposal == "onsite" and not after_photo_ids:
        problems.append(FieldError("after_photos", QT_TRANSLATE_NOOP(
            "forms", "Add an “after” photo showing the place put right.")))
    if disposal == "deadline":
        if deadline is None:
            problems.append(FieldError("deadline", QT_TRANSLATE_NOOP("forms", "Choose the deadline for the correction.")))
        elif deadline < session.today():
            problems.append(FieldError("deadline", QT_TRANSLATE_NOOP(
                "forms", "The deadline {when} is already past; choose today or a later day."), {"when": deadline.isoformat()}))
    if disposal == "file" and not note.strip():
        problems.append(FieldError("note", QT_TRANSLATE_NOOP("forms", "Give the reason for filing a case.")))
    if disposal == "transfer" and not department.strip():
        problems.append(FieldError("department", QT_TRANSLATE_NOOP("forms", "Name the department it is handed to.")))
    _require(problems)
    final = {"onsite": RECTIFIED, "file": FILED, "transfer": TRANSFERRED}.get(disposal)
    # The patch carries found → final in one op: the move the server is told to accept.
    assert DISORDER_STATUS.allows(row["status"], final or HANDLING), (row["status"], final)
    with session.operation("dispose_disorder_check", Permission.INSPECT) as op:
        update: dict[str, Any] = {"status": HANDLING, "disposal": disposal, "disposal_note": note.strip()}
        if deadline is not None:
            update["deadline"] = deadline.isoformat()
        if disposal == "transfer":
            update.update(transfer_department=department.strip(), transferred_at=utc_iso(op.now),
                          transferred_by=transferred_by.strip() or session.actor.name)
        if after_photo_ids:
            update["after_photo_ids"] = list(after_photo_ids)
            attach_photos(op.recorder, list(after_photo_ids), "disorder_check", check_id)
        _event(op, session, check_id, disposal, row["status"], HANDLING, note.strip(), ())
        if final:
            update.update(status=final, closed_at=utc_iso(op.now))
            _event(op, session, check_id, "closed", HANDLING, final, note.strip(), after_photo_ids)
        op.recorder.patch("disorder_check", check_id, update)
        op.entity, op.entity_id = "disorder_check", check_id
        op.details.update(disposal=disposal)
    return op.changes


def recheck(session: Session, check_id: str, rectified: bool, note: str = "",
            after_photo_ids: list[str] | tuple[str, ...] = ()) -> Changes:
    """Re-check at the deadline: rectified (with an after photo) closes it; not rectified turns
    it into a case (立案)."""
    session.require(Permission.INSPECT)
    row = _check(session, check_id)
    target = RECTIFIED if rectified else FILED
    check_move(row["status"], target)
    if rectified and not after_photo_ids:
        _require([FieldError("after_photos", QT_TRANSLATE_NOOP(
            "forms", "Add an “after” photo showing the place put right."))])
    reason = note.strip() or ("" if rectified else "逾期未整改")
    with session.operation("recheck_disorder_check", Permission.INSPECT) as op:
        update: dict[str, Any] = {"status": target, "closed_at": utc_iso(op.now)}
        if after_photo_ids:
            update["after_photo_ids"] = list(json.loads(row["after_photo_ids"])) + list(after_photo_ids)
            attach_photos(op.recorder, list(after_photo_ids), "disorder_check", check_id)
        op.recorder.patch("disorder_check", check_id, update)
        _event(op, session, check_id, "recheck", row["status"], target, reason, after_photo_ids)
        op.entity, op.entity_id = "disorder_check", check_id
    return op.changes


def verify_check(session: Session, check_id: str, note: str = "") -> Changes:
    """Confirm a closed check (已核查)."""
    session.require(Permission.INSPECT)
    row = _check(session, check_id)
    check_move(row["status"], VERIFIED)
    with session.operation("verify_disorder_check", Permission.INSPECT) as op:
        op.recorder.patch("disorder_check", check_id, {"status": VERIFIED})
        _event(op, session, check_id, "verified", row["status"], VERIFIED, note.strip())
        op.entity, op.entity_id = "disorder_check", check_id
    return op.changes


def list_disorders(session: Session, f: CheckFilter) -> tuple[int, list[dict[str, Any]]]:
    """Matching checks (count and the newest rows)."""
    session.require(Permission.VIEW_UNITS)
    return store.list_checks(session.store.db, f)


def check_detail(session: Session, check_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One check and its timeline."""
    return _check(session, check_id), store.timeline(session.store.db, check_id)


def disorder_counts(session: Session, f: CheckFilter) -> dict[str, Any]:
    """Counts per category, per road and per disposal, and the 721 shares."""
    db = session.store.db
    by_road = store.counts(db, f, "road")
    names = dict(db.execute("SELECT id, name FROM road_segment").fetchall())
    by_disposal = dict(store.counts(db, f, "disposal"))
    shares: dict[str, int] = {"service": 0, "management": 0, "enforcement": 0}
    for disposal, n in by_disposal.items():
        if disposal in METHOD_721:
            shares[METHOD_721[disposal]] += n
    return {
        "category": store.counts(db, f, "category"),
        "road": [(names.get(k, k or "—"), n) for k, n in by_road],
        "disposal": by_disposal,
        "method_721": shares,
    }


def rechecks_due(session: Session, squad_only: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Re-checks due today and overdue (of the squad, or all), each row with its officer."""
    today = session.today().isoformat()
    rows = store.rechecks_due(session.store.db, session.actor.squad_id if squad_only else None, today)
    return {"today": [r for r in rows if r["deadline"] == today], "overdue": [r for r in rows if r["deadline"] < today]}


def handover(session: Session, check_id: str) -> dict[str, Any]:
    """What a 警示告知 / 首违不罚 notice starts from: party, facts, place, time and photos."""
    row = _check(session, check_id)
    disorder = session.catalogs.disorder(row["category"])
    return {
        "source_entity": "disorder_check", "source_id": check_id, "unit_id": row["unit_id"],
        "party": {"name": row["unit_name"] or row["party_name"], "id_number": row["party_id_number"],
                  "phone": row["party_phone"]},
        "facts": row["description"], "category": disorder.name_zh, "first_offence_codes": list(disorder.first_offence_codes),
        "place": row["address"], "lat": row["lat"], "lon": row["lon"], "found_at": row["found_at"],
        "photo_ids": json.loads(row["photo_ids"]),
    }


def values_from_inspection(session: Session, context: dict[str, Any]) -> dict[str, Any]:
    """Check form values prefilled from a failed 门前五包 duty (services.inspections.failed_duty_context):
    the 八乱 category the catalog names for the failure, the unit's road, and as 现场情况 the
    officer's own note (the failed items' texts when there is none)."""
    failed = list(context.get("failed_duties", []))
    category = next((c for d in failed if (c := session.catalogs.disorder_of_failure(d["code"], d.get("failed_items", ())))),
                    None)
    items = {i.code: i.text_zh for r in session.catalogs.responsibilities for i in r.check_items}
    names = {r.code: r.name_zh for r in session.catalogs.responsibilities}
    lines = []
    for d in failed:
        said = (d.get("note") or "").strip() or "；".join(items.get(c, c) for c in d.get("failed_items", ()))
        lines.append(f"{names.get(d['code'], d['code'])}不合格" + (f"：{said}" if said else ""))
    return {
        "category": category, "road_segment_id": context.get("road_segment_id"),
        "lat": context.get("lat"), "lon": context.get("lon"), "address": context.get("place") or "",
        "unit_id": context.get("unit_id"), "party_name": context.get("party", {}).get("name") or "",
        "photos": list(context.get("photo_ids") or []),
        "description": "\n".join(lines),
    }


def export_checks(session: Session, f: CheckFilter, path: Path) -> int:
    """The filtered checks as .xlsx (all matching rows, not only the first page)."""
    from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

    _total, rows = store.list_checks(session.store.db, f, limit=10**7)
    names = {d.code: d.name_zh for d in session.catalogs.disorders}
    status = {"found": "发现", "handling": "处置中", "rectified": "已整改", "filed": "已立案",
              "transferred": "已移交", "verified": "已核查"}
    body = [[local_text(r["found_at"]), names.get(r["category"], r["category"]), r["event_code"],
             status.get(r["status"], r["status"]), r["disposal"], r["deadline"] or "", r["road_name"] or "",
             r["address"], r["officer_name"] or "", "是" if r["repeat_of"] else "", r["description"]] for r in rows]
    write_workbook(path, [Sheet("八乱检查", ["发现时间", "类别", "事件编码", "状态", "处置方式", "整改期限", "路段",
                                             "地点", "发现人", "重复发生", "描述"], body)])
    return len(body)


def found_local(row: dict[str, Any]) -> str:
    """A check's finding time in Jinan local time, for lists."""
    return local_text(row["found_at"], "%m-%d %H:%M")


