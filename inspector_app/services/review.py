"""The duty supervisor's daily review: a squad's day per officer (patrols, coverage,
inspections), approving or returning a patrol or a single record with a comment, and the
officer's side: seeing what was returned, correcting it and resubmitting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.coverage import coverage
from inspector_app.domain.errors import FieldError, NotFound, PermissionDenied, ValidationFailed
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.review import RESUBMITTED, RETURNED, check_transition
from inspector_app.domain.roles import Permission, Role
from inspector_app.services.review_details import day_checks
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage import reviews as store
from inspector_app.storage.inspections import get_inspection
from inspector_app.storage.patrols import get_patrol

ENTITY_STATUS = {"patrol": "status", "frontage_inspection": "review_status"}


@dataclass
class OfficerDay:
    """One officer's day as the supervisor sees it."""

    officer_id: str
    name: str
    badge_no: str
    patrols: list[dict[str, Any]] = field(default_factory=list)
    inspections: list[dict[str, Any]] = field(default_factory=list)
    distance_m: float = 0.0
    duration_s: int = 0
    roads_assigned: int = 0
    roads_visited: int = 0

    @property
    def coverage(self) -> float | None:
        """Share of assigned road segments visited."""
        return self.roads_visited / self.roads_assigned if self.roads_assigned else None

    @property
    def non_compliant(self) -> int:
        return sum(1 for i in self.inspections if not i["compliant"])

    def _count(self, *statuses: str) -> int:
        return (sum(1 for p in self.patrols if p["status"] in statuses)
                + sum(1 for i in self.inspections if i["review_status"] in statuses))

    @property
    def to_review(self) -> int:
        """Patrols and inspections waiting for review (the one count the screen and the daily
        report show)."""
        return self._count("submitted", "resubmitted")

    @property
    def returned(self) -> int:
        """Patrols and inspections returned for correction."""
        return self._count(RETURNED)


@dataclass
class DayReview:
    """A squad's day."""

    day: date
    squad_id: str
    officers: list[OfficerDay]


def day_bounds_utc(day: date) -> tuple[str, str]:
    """UTC ISO bounds of a local (Beijing) date."""
    start = datetime.combine(day, time(0, 0), LOCAL_TZ)
    return utc_iso(start.astimezone(UTC)), utc_iso((start + timedelta(days=1)).astimezone(UTC))


def require_squad(session: Session, squad_id: str | None) -> None:
    """Supervisors review only their own squad; administrators any."""
    session.require(Permission.REVIEW)
    if session.actor.role != Role.ADMIN and squad_id != session.actor.squad_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "You can review only your own squad's work."),
            QT_TRANSLATE_NOOP("errors", "Ask that squad's supervisor, or an administrator."),
        )


def _first_squad(session: Session) -> str:
    # Administrators belong to no squad: they start with the first one and may pick another.
    row = session.store.db.execute("SELECT id FROM squad WHERE deleted = 0 ORDER BY district_code, name LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def review_squads(session: Session) -> list[dict[str, Any]]:
    """The squads the signed-in user may review (their own; every squad for an administrator)."""
    rows = session.store.db.execute("SELECT id, name FROM squad WHERE deleted = 0 ORDER BY district_code, name").fetchall()
    return [{"id": r[0], "name": r[1]} for r in rows
            if session.actor.role == Role.ADMIN or r[0] == session.actor.squad_id]


def review_day(session: Session, day: date, squad_id: str | None = None) -> DayReview:
    """Everything a supervisor checks for one squad and one day, per officer."""
    squad_id = squad_id or session.actor.squad_id or _first_squad(session)
    require_squad(session, squad_id)
    db = session.store.db
    patrols = store.day_patrols(db, squad_id, day.isoformat())
    start, end = day_bounds_utc(day)
    inspections = store.day_inspections(db, squad_id, [p["id"] for p in patrols], start, end)
    roads = store.road_geometries(db, sorted({r for p in patrols for r in json.loads(p["road_segment_ids"])}))
    checks = day_checks(session, [p["id"] for p in patrols])
    officers = {o["id"]: OfficerDay(o["id"], o["name"], o["badge_no"]) for o in store.squad_officer_rows(db, squad_id)}
    by_patrol: dict[str, list[dict[str, Any]]] = {}
    for row in inspections:
        by_patrol.setdefault(row["patrol_id"] or "", []).append(row)
        person = officers.get(row["officer_id"])
        if person is not None:
            person.inspections.append(row)
    for patrol in patrols:
        person = officers.get(patrol["officer_id"])
        if person is None:
            continue
        assigned = json.loads(patrol["road_segment_ids"])
        track = json.loads(patrol["track"]) if patrol["status"] != "open" else []
        inspected_roads = {i["road_segment_id"] for i in by_patrol.get(patrol["id"], [])}
        visited = coverage(assigned, {k: v["geometry"] for k, v in roads.items()}, track, inspected_roads)
        patrol_view = {
            **patrol,
            "roads": [roads[r]["name"] for r in assigned if r in roads],
            "visited": len(visited),
            "assigned": len(assigned),
            "inspections": len(by_patrol.get(patrol["id"], [])),
            "checks": checks.get(patrol["id"], []),
        }
        person.patrols.append(patrol_view)
        person.distance_m += patrol["distance_m"]
        person.duration_s += patrol["duration_s"]
        person.roads_assigned += len(assigned)
        person.roads_visited += len(visited)
    return DayReview(day, squad_id, list(officers.values()))


def _target(session: Session, entity: str, entity_id: str) -> tuple[dict[str, Any], str | None]:
    db = session.store.db
    if entity == "patrol":
        row = get_patrol(db, entity_id)
        return (row, row["squad_id"]) if row else ({}, None)
    if entity == "frontage_inspection":
        row = get_inspection(db, entity_id)
        if not row:
            return {}, None
        squad = db.execute("SELECT squad_id FROM officer WHERE id = ?", [row["officer_id"]]).fetchone()
        return row, squad[0] if squad else None
    raise ValueError(entity)


def review_record(session: Session, entity: str, entity_id: str, decision: str, comment: str = "") -> Changes:
    """Approve or return a patrol or an inspection. Returning needs a comment saying what to
    fix; the state machine (domain.review) refuses any other move."""
    row, squad_id = _target(session, entity, entity_id)
    if not row:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That record no longer exists."))
    require_squad(session, squad_id)
    if decision == RETURNED and not comment.strip():
        raise ValidationFailed([FieldError("comment", QT_TRANSLATE_NOOP(
            "forms", "Say what the officer has to correct before returning it."))])
    status_field = ENTITY_STATUS[entity]
    check_transition(row[status_field], decision)
    with session.operation(f"review_{entity}", Permission.REVIEW) as op:
        first_op = store.outbox_seq(op.db)
        op.recorder.patch(entity, entity_id, {status_field: decision, "review_comment": comment.strip()})
        review_id = op.recorder.create("review", {
            "entity": entity, "entity_id": entity_id, "decision": decision, "comment": comment.strip(),
            "reviewer_id": session.actor.officer_id, "reviewed_at": utc_iso(op.now),
        })
        if entity == "patrol" and decision == "approved":
            # Approving a patrol approves what in it is still waiting; returned records stay
            # returned until corrected.
            for (pending,) in op.db.execute(
                "SELECT id FROM frontage_inspection WHERE patrol_id = ? AND superseded = 0 AND deleted = 0 "
                "AND review_status IN ('submitted','resubmitted')", [entity_id]
            ).fetchall():
                op.recorder.patch("frontage_inspection", pending, {"review_status": "approved"})
        op.entity, op.entity_id = entity, entity_id
        # The decision's own ops, so that it can be undone while none of them has been pushed.
        op.details.update(decision=decision, review_id=review_id, ops=store.op_ids_after(op.db, first_op))
    return op.changes


def resubmit_patrol(session: Session, patrol_id: str, note: str = "") -> Changes:
    """The officer sends a returned patrol back for review (after fixing what was asked)."""
    session.require(Permission.PATROL)
    patrol = get_patrol(session.store.db, patrol_id)
    if patrol is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That patrol no longer exists."))
    if patrol["officer_id"] != session.actor.officer_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only the officer who patrolled can resubmit it."))
    check_transition(patrol["status"], RESUBMITTED)
    with session.operation("resubmit_patrol", Permission.PATROL) as op:
        op.recorder.patch("patrol", patrol_id, {"status": RESUBMITTED})
        op.recorder.create("review", {
            "entity": "patrol", "entity_id": patrol_id, "decision": RESUBMITTED, "comment": note.strip(),
            "reviewer_id": session.actor.officer_id, "reviewed_at": utc_iso(op.now),
        })
    return op.changes


def returned_items(session: Session) -> list[dict[str, Any]]:
    """The signed-in officer's returned patrols and inspections, with the comments."""
    return store.returned_for(session.store.db, session.actor.officer_id)


def patrol_roads(session: Session, road_ids: list[str]) -> list[list[list[float]]]:
    """Polylines of road segments (for drawing a patrol)."""
    geometries = store.road_geometries(session.store.db, road_ids)
    return [geometries[r]["geometry"] for r in road_ids if r in geometries]


def named_roads(session: Session, road_ids: list[str]) -> list[dict[str, Any]]:
    """Road segments with their street names, {"name", "line"} (for a map with labels)."""
    geometries = store.road_geometries(session.store.db, road_ids)
    return [{"name": geometries[r]["name"], "line": geometries[r]["geometry"]} for r in road_ids if r in geometries]
