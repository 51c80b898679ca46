"""门前五包 inspections: autosaved drafts, submitting, and what a failed duty hands on."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.errors import NotFound, PermissionDenied, UserError
from inspector_app.domain.frontage import (
    FAIL,
    inspection_score,
    is_compliant,
    repeat_failures,
    star_cap,
    star_rating,
)
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.forms.engine import Form, FormContext, validate
from inspector_app.forms.inspection import duty_results, inspection_form, unanswered_values
from inspector_app.services.session import LOCAL_TZ, Operation, Session
from inspector_app.storage import inspections as store
from inspector_app.storage.photos import attach_photos
from inspector_app.storage.units import get_unit
from inspector_app.storage.violations import unit_violation_flags


def form_for(session: Session) -> Form:
    """The inspection form for the catalogs in use."""
    return inspection_form(session.catalogs)


def draft_key(session: Session, unit_id: str) -> str:
    """One draft per officer and unit."""
    return f"{session.actor.officer_id}:{unit_id}"


def start_values(session: Session, unit_id: str) -> tuple[dict[str, Any], str | None]:
    """Values to open the form with: the autosaved draft if there is one (and when it was
    saved), else a new inspection with no duty answered."""
    draft = store.load_draft(session.store.db, draft_key(session, unit_id))
    if draft:
        return draft["values"], draft["updated_at"]
    return unanswered_values(session.catalogs), None


def save_inspection_draft(
    session: Session, unit_id: str, patrol_id: str | None, values: dict[str, Any]
) -> None:
    """Autosave what is typed so far (local only; survives a crash)."""
    with session.store.transaction() as db:
        store.save_draft(
            db, draft_key(session, unit_id), unit_id, patrol_id, session.actor.officer_id,
            values, utc_iso(session.now()),
        )


def discard_inspection_draft(session: Session, unit_id: str) -> None:
    """Throw a draft away (the officer chose to)."""
    with session.store.transaction() as db:
        store.delete_draft(db, draft_key(session, unit_id))


def unfinished_drafts(session: Session) -> list[dict[str, Any]]:
    """The signed-in officer's drafts, newest first."""
    return store.drafts_of(session.store.db, session.actor.officer_id)


def _quarter_start(day: date) -> datetime:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return datetime.combine(first, time(0, 0), LOCAL_TZ)


def unit_stars(session: Session, op: Operation, unit_id: str) -> int | None:
    """The unit's star rating for the current quarter, from its inspections so far."""
    since = utc_iso(_quarter_start(op.now.astimezone(LOCAL_TZ).date()))
    history = store.unit_history(op.db, unit_id, since)
    scores = [h["score"] for h in history if h["score"] is not None]
    per_duty = [
        {code: duty["result"] for code, duty in json.loads(h["results"]).items()} for h in history
    ]
    unremedied, penalty = unit_violation_flags(op.db, unit_id, since, session.today().isoformat())
    rule = session.catalogs.star_rating
    return star_rating(scores, repeat_failures(per_duty), rule, star_cap(rule, unremedied, penalty))


def rerate_unit(session: Session, op: Operation, unit_id: str | None) -> None:
    """Store a unit's star rating again inside ``op`` (a violation changed what caps it)."""
    if unit_id:
        op.recorder.patch("unit", unit_id, {"star_rating": unit_stars(session, op, unit_id)})


def submit_inspection(
    session: Session,
    unit_id: str,
    values: dict[str, Any],
    patrol_id: str | None = None,
    position: tuple[float, float] | None = None,
    second_officer_id: str | None = None,
    revision_of: str | None = None,
) -> Changes:
    """Validate and store an inspection (final once stored), attach its photos, update the
    unit's 知晓 answer and star rating, and drop the draft — all in one transaction.

    With ``revision_of`` it corrects a returned inspection: the old one stays as it was (it is
    evidence) but is marked superseded, and the new one goes back to the supervisor."""
    session.require(Permission.INSPECT)
    if revision_of is not None:
        _check_revisable(session, revision_of, unit_id)
    unit = get_unit(session.store.db, unit_id)
    if unit is None or unit["deleted"]:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "The unit was deleted; the inspection was kept as a draft.")
        )
    form = form_for(session)
    clean = validate(form, values, FormContext(today=session.today()))
    duties = duty_results(session.catalogs, clean)
    score = inspection_score(duties, session.catalogs.star_rating)
    photo_ids = [p for d in duties for p in d.photo_ids]
    lat, lon = position if position else (unit["lat"], unit["lon"])
    with session.operation("submit_inspection", Permission.INSPECT) as op:
        inspection_id = op.recorder.create(
            "frontage_inspection",
            {
                "unit_id": unit_id,
                "patrol_id": patrol_id,
                "officer_id": session.actor.officer_id,
                "second_officer_id": second_officer_id,
                "inspected_at": utc_iso(op.now),
                "results": {
                    d.code: {"result": d.result, "failed_items": list(d.failed_items),
                             "note": d.note, "photo_ids": list(d.photo_ids)}
                    for d in duties
                },
                "score": score,
                "compliant": is_compliant(duties),
                "failed_duties": sum(1 for d in duties if d.result == FAIL),
                "awareness": clean["awareness"],
                "note": clean.get("note") or "",
                "photo_ids": photo_ids,
                "lat": lat,
                "lon": lon,
                "status": "submitted",
                "review_status": "resubmitted" if revision_of else "submitted",
                "revision_of": revision_of,
            },
            form_version=f"{form.name}/{form.version}",
        )
        attach_photos(op.recorder, photo_ids, "frontage_inspection", inspection_id)
        if revision_of is not None:
            op.recorder.patch("frontage_inspection", revision_of, {"superseded": True})
        unit_update: dict[str, Any] = {"star_rating": unit_stars(session, op, unit_id)}
        if clean["awareness"] != "not_asked":
            unit_update.update(awareness=clean["awareness"] == "yes", awareness_date=session.today().isoformat())
        op.recorder.patch("unit", unit_id, unit_update)
        store.delete_draft(op.db, draft_key(session, unit_id))
        op.entity, op.entity_id = "frontage_inspection", inspection_id
        op.details.update(unit=unit["name"], score=score)
    return op.changes


def _check_revisable(session: Session, inspection_id: str, unit_id: str) -> None:
    old = store.get_inspection(session.store.db, inspection_id)
    if old is None or old["unit_id"] != unit_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That inspection no longer exists."))
    if old["officer_id"] != session.actor.officer_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only the officer who inspected can correct it."))
    if old["review_status"] != "returned" or old["superseded"]:
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "Only an inspection the supervisor returned can be corrected; this one is {status}."),
            status=old["review_status"])


def inspection_values(session: Session, inspection_id: str) -> dict[str, Any]:
    """A stored inspection as form values (to correct a returned one)."""
    row = store.get_inspection(session.store.db, inspection_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That inspection no longer exists."))
    values: dict[str, Any] = {"awareness": row["awareness"], "note": row["note"]}
    for code, duty in json.loads(row["results"]).items():
        values[f"{code}.result"] = duty["result"]
        values[f"{code}.failed"] = duty.get("failed_items", [])
        values[f"{code}.note"] = duty.get("note", "")
        values[f"{code}.photos"] = duty.get("photo_ids", [])
    return values


def failed_duty_context(session: Session, inspection_id: str) -> dict[str, Any]:
    """What an 八乱 check or a violation opened from this inspection starts with: the unit
    (as the responsible party), the place, and the failed duties with their items and photos."""
    row = store.get_inspection(session.store.db, inspection_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That inspection no longer exists."))
    unit = get_unit(session.store.db, row["unit_id"]) or {}
    failed = [
        {"code": code, **duty}
        for code, duty in json.loads(row["results"]).items()
        if duty["result"] == FAIL
    ]
    return {
        "inspection_id": inspection_id,
        "unit_id": row["unit_id"],
        "party": {k: unit.get(k) for k in ("name", "uscc", "id_number", "legal_person", "phone", "address")},
        "place": unit.get("address", ""),
        "road_segment_id": unit.get("road_segment_id"),
        "lat": row["lat"],
        "lon": row["lon"],
        "found_at": row["inspected_at"],
        "failed_duties": failed,
        "photo_ids": [p for d in failed for p in d.get("photo_ids", [])],
    }


def inspection_detail(session: Session, inspection_id: str) -> dict[str, Any] | None:
    """One stored inspection with its unit's name."""
    return store.get_inspection(session.store.db, inspection_id)


def last_inspection_age_days(row: dict[str, Any], today: date) -> int | None:
    """Days since a unit was last inspected (from a patrol_units row)."""
    if not row.get("last_inspected_at"):
        return None
    return (today - parse_utc(row["last_inspected_at"]).astimezone(LOCAL_TZ).date()).days

